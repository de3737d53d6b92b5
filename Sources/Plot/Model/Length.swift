import Foundation

/// A physical or screen length with its unit, as people write them for figures: `3.5in`,
/// `8.9cm`, `90mm`, `252pt`, `336px`.
///
/// CSS units: 1 in = 2.54 cm = 25.4 mm = 72 pt = 96 px. A chart's sizes are CSS px, so
/// 3.5 in is 336 px, which PDF writes as 252 pt (exactly 3.5 in) and a PNG at 300 dpi as
/// 1050 pixels.
public struct Length: Sendable, Hashable, CustomStringConvertible {
    /// A unit of length.
    public enum Unit: String, Sendable, CaseIterable {
        /// CSS pixels, 1/96 in.
        case px
        /// Points, 1/72 in.
        case pt
        /// Inches.
        case inch = "in"
        /// Centimetres.
        case cm
        /// Millimetres.
        case mm

        /// CSS pixels in one of this unit.
        public var cssPixels: Double {
            switch self {
            case .px: return 1
            case .pt: return 96.0 / 72.0
            case .inch: return 96
            case .cm: return 96 / 2.54
            case .mm: return 96 / 25.4
            }
        }
    }

    /// The number, in `unit`s.
    public var value: Double
    /// The unit.
    public var unit: Unit

    /// Creates a length.
    public init(_ value: Double, _ unit: Unit) {
        self.value = value
        self.unit = unit
    }

    /// The length in CSS pixels (96 per inch).
    public var cssPixels: Double {
        // Inches and points are exact multiples; cm and mm go through inches (2.54 cm).
        switch unit {
        case .cm: return value / 2.54 * 96
        case .mm: return value / 25.4 * 96
        default: return value * unit.cssPixels
        }
    }

    /// The length in inches.
    public var inches: Double { unit == .inch ? value : cssPixels / 96 }

    /// The length in points (72 per inch).
    public var points: Double { unit == .pt ? value : cssPixels * 0.75 }

    /// `3.5in`, `8.9cm`: the shortest number that reads back, then the unit.
    public var description: String {
        let number = value == value.rounded() && value.magnitude < 1e15 ? String(Int(value)) : String(value)
        return number + unit.rawValue
    }

    /// Parses a number followed by a unit, optionally separated by spaces: `"3.5in"`,
    /// `"8.9 cm"`, `"90mm"`, `"252pt"`, `"336px"` (units in lower case; `"inch"`, `"inches"`
    /// and `"″"` mean `in`). The number must be finite and positive.
    ///
    /// - Throws: ``LengthError`` saying what was wrong and what is accepted.
    public init(parsing text: String) throws(LengthError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { throw .empty }
        var numberEnd = trimmed.startIndex
        for index in trimmed.indices {
            let c = trimmed[index]
            if c.isASCII && (c.isNumber || c == "." || c == "+" || c == "-" || c == "e" || c == "E") {
                // An "e" is part of the number only when a digit or sign follows it.
                if c == "e" || c == "E" {
                    let next = trimmed.index(after: index)
                    guard next < trimmed.endIndex, trimmed[next].isNumber || trimmed[next] == "-" || trimmed[next] == "+"
                    else { break }
                }
                numberEnd = trimmed.index(after: index)
            } else {
                break
            }
        }
        let numberText = String(trimmed[..<numberEnd])
        let unitText = trimmed[numberEnd...].trimmingCharacters(in: .whitespaces)
        guard !numberText.isEmpty, let number = Double(numberText) else { throw .notANumber(text) }
        guard number.isFinite, number > 0 else { throw .notPositive(text) }
        guard !unitText.isEmpty else { throw .missingUnit(text) }
        let aliases: [String: Unit] = ["inch": .inch, "inches": .inch, "″": .inch, "\"": .inch]
        guard let unit = Unit(rawValue: unitText) ?? aliases[unitText] else {
            throw .unknownUnit(text, unit: unitText)
        }
        self.init(number, unit)
    }
}

/// Why a length could not be parsed.
public enum LengthError: Error, Equatable, CustomStringConvertible {
    /// Nothing was written.
    case empty
    /// The text does not start with a number.
    case notANumber(String)
    /// The number is zero, negative or not finite.
    case notPositive(String)
    /// A number without a unit.
    case missingUnit(String)
    /// A unit lrplot does not know.
    case unknownUnit(String, unit: String)

    public var description: String {
        let accepted = "a positive number and a unit: in, cm, mm, pt or px, e.g. \"3.5in\" or \"8.9cm\""
        switch self {
        case .empty: return "expected \(accepted), found an empty string"
        case .notANumber(let text): return "expected \(accepted), found \"\(text)\""
        case .notPositive(let text): return "a length must be positive, found \"\(text)\""
        case .missingUnit(let text): return "\"\(text)\" has no unit; write \(text)in, \(text)cm, \(text)mm, \(text)pt or \(text)px"
        case .unknownUnit(let text, let unit): return "unknown unit \"\(unit)\" in \"\(text)\"; use in, cm, mm, pt or px"
        }
    }
}
