import Plot

/// A value a spec names with a word from a fixed set (`"dark"`, `"upper right"`, `"log"`).
///
/// ``ObjectReader/choice(_:)`` is the one place such a word is read: it maps the word to the
/// value, or fails with the accepted words and a did-you-mean suggestion. Past the decoder,
/// only the typed value exists.
protocol SpecChoice: Sendable {
    /// Every accepted word with its value, in the order messages list them.
    static var spellings: [(word: String, value: Self)] { get }
}

extension SpecChoice {
    /// The accepted words, in order.
    static var words: [String] { spellings.map(\.word) }
}

extension SpecChoice where Self: CaseIterable & RawRepresentable, RawValue == String {
    static var spellings: [(word: String, value: Self)] { allCases.map { ($0.rawValue, $0) } }
}

/// Whether a chart paints its background (`"background"`).
public enum Background: String, Sendable, CaseIterable, SpecChoice {
    /// The theme's background colour (default).
    case opaque
    /// Unpainted: transparent in PNG and SVG.
    case transparent
}

/// A unit of the step axis: one optimizer step, or one epoch of `steps_per_epoch` steps.
/// Used by `"x": {"unit": …}` and a schedule's `"interval"`.
public enum StepUnit: String, Sendable, CaseIterable, SpecChoice {
    case step
    case epoch
}

/// How a schedule's line joins its values (`"draw"`).
public enum DrawMode: String, Sendable, CaseIterable, SpecChoice {
    /// Stairs when at least half of the consecutive values are equal, lines otherwise.
    case auto
    /// Straight segments between the values at whole steps.
    case lines
    /// Each value held through its step, up to step N: what the optimizer sees.
    case steps
}

extension Theme: SpecChoice {
    static let spellings: [(word: String, value: Theme)] = [("light", .light), ("dark", .dark)]
}

extension LegendPlacement: SpecChoice {
    static let spellings: [(word: String, value: LegendPlacement)] = [
        ("auto", .auto), ("none", .none), ("outside", .outsideRight), ("upper right", .upperRight),
        ("upper left", .upperLeft), ("lower left", .lowerLeft), ("lower right", .lowerRight), ("below", .below),
    ]
}

extension AxisScale: SpecChoice {}

extension DashStyle: SpecChoice {
    static let spellings: [(word: String, value: DashStyle)] = [
        ("solid", .solid), ("dashed", .dashed), ("dotted", .dotted), ("dashdot", .dashDot),
    ]
}

extension SVGTextMode: SpecChoice {}
