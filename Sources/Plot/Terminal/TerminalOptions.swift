/// How to draw a chart in a terminal.
public struct TerminalOptions: Sendable, Equatable {
    /// Width in character cells.
    public var columns: Int
    /// Height in character cells (leave one for the prompt).
    public var rows: Int
    /// What the terminal can show (see ``TerminalCapabilities/detect(environment:isTerminal:deviceAttributes:)``).
    public var capabilities: TerminalCapabilities
    /// The size of one cell in pixels, for images (`TIOCGWINSZ`'s pixel size divided by the
    /// cells); 10 × 20 when unknown.
    public var cellPixels: (width: Int, height: Int)

    /// Creates options.
    public init(columns: Int, rows: Int, capabilities: TerminalCapabilities, cellPixels: (width: Int, height: Int) = (10, 20)) {
        self.columns = columns
        self.rows = rows
        self.capabilities = capabilities
        self.cellPixels = cellPixels
    }

    public static func == (a: TerminalOptions, b: TerminalOptions) -> Bool {
        a.columns == b.columns && a.rows == b.rows && a.capabilities == b.capabilities
            && a.cellPixels.width == b.cellPixels.width && a.cellPixels.height == b.cellPixels.height
    }

    /// The fewest cells a preview needs: 20 columns, 8 rows.
    public static let minimumSize = (columns: 20, rows: 8)
    /// The most cells a preview draws: 1000 × 500 (a larger terminal gets a preview this size).
    public static let maximumSize = (columns: 1000, rows: 500)
}
