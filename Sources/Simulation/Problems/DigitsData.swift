/// The handwritten digits shipped with the package: 1797 8×8 images of pixel counts 0…16
/// and their digit.
///
/// Source: the test set of "Optical Recognition of Handwritten Digits" by E. Alpaydin and
/// C. Kaynak (1998), UCI Machine Learning Repository, CC BY 4.0,
/// https://doi.org/10.24432/C50P49, as distributed with scikit-learn, decompressed; carried in
/// the binary as ``DigitsCSV`` (`Data/DigitsCSV.swift`), with the attribution in `Data/README.md`.
public struct DigitsData: Sendable, Equatable {
    /// Pixels per image (8 × 8).
    public static let featureCount = 64
    /// Digits 0…9.
    public static let classCount = 10

    /// Row-major `count × 64` pixel values divided by 16 (so in [0, 1]).
    public let features: [Double]
    /// The digit of each image.
    public let labels: [Int]

    /// Number of images.
    public var count: Int { labels.count }

    /// Parses CSV text: one image a line, 64 pixel counts then the digit.
    public init(csv text: String) throws {
        var features: [Double] = []
        var labels: [Int] = []
        var row: [Int] = []
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            lineNumber += 1
            row.removeAll(keepingCapacity: true)
            var value = 0, digits = 0
            for byte in line.utf8 {
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"):
                    value = value * 10 + Int(byte - UInt8(ascii: "0"))
                    digits += 1
                case UInt8(ascii: ","):
                    guard digits > 0 else { throw DigitsDataError("line \(lineNumber): empty field") }
                    row.append(value)
                    value = 0; digits = 0
                case UInt8(ascii: "\r"), UInt8(ascii: " "):
                    continue
                default:
                    throw DigitsDataError("line \(lineNumber): unexpected character \(Character(Unicode.Scalar(byte)))")
                }
            }
            guard digits > 0 else { throw DigitsDataError("line \(lineNumber): empty field") }
            row.append(value)
            guard row.count == Self.featureCount + 1 else {
                throw DigitsDataError("line \(lineNumber): expected 65 values, found \(row.count)")
            }
            guard row[64] < Self.classCount, row[..<64].allSatisfy({ $0 <= 16 }) else {
                throw DigitsDataError("line \(lineNumber): pixel above 16 or digit above 9")
            }
            features.append(contentsOf: row[..<64].map { Double($0) / 16 })
            labels.append(row[64])
        }
        self.features = features
        self.labels = labels
    }

    /// Parses the data carried in the binary (``DigitsCSV``).
    public static func load() throws -> DigitsData {
        try DigitsData(csv: DigitsCSV.text)
    }

    /// The bundled data, parsed once.
    public static let bundled: Result<DigitsData, DigitsDataError> = {
        do { return .success(try load()) } catch let e as DigitsDataError { return .failure(e) } catch {
            return .failure(DigitsDataError("\(error)"))
        }
    }()
}
