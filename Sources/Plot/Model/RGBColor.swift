/// An sRGB colour with components in 0...1.
public struct RGBColor: Sendable, Equatable, Hashable {
    /// Red, 0...1.
    public var r: Double
    /// Green, 0...1.
    public var g: Double
    /// Blue, 0...1.
    public var b: Double

    /// Creates a colour; components are clamped to 0...1 (NaN becomes 0).
    public init(r: Double, g: Double, b: Double) {
        func clamp(_ v: Double) -> Double { v.isNaN ? 0 : min(max(v, 0), 1) }
        self.r = clamp(r)
        self.g = clamp(g)
        self.b = clamp(b)
    }

    /// Parses `"#rrggbb"` or `"#rgb"` (the `#` is optional, case-insensitive); `nil` otherwise.
    public init?(hex: String) {
        var digits = Substring(hex)
        if digits.hasPrefix("#") { digits = digits.dropFirst() }
        guard digits.allSatisfy(\.isHexDigit) else { return nil }
        if digits.count == 3 {
            digits = Substring(digits.map { "\($0)\($0)" }.joined())
        }
        guard digits.count == 6, let value = UInt32(digits, radix: 16) else { return nil }
        self.init(
            r: Double((value >> 16) & 0xFF) / 255, g: Double((value >> 8) & 0xFF) / 255,
            b: Double(value & 0xFF) / 255)
    }

    /// `"#rrggbb"` in lower case.
    public var hex: String {
        func byte(_ v: Double) -> String {
            let s = String(Int((v * 255).rounded()), radix: 16)
            return s.count == 1 ? "0" + s : s
        }
        return "#" + byte(r) + byte(g) + byte(b)
    }
}
