/// The file formats lrplot writes, chosen by the output path's extension.
public enum OutputFormat: String, Sendable, CaseIterable {
    case png, svg, pdf

    /// The format for `path`'s extension (case-insensitive), or `nil` for any other.
    public init?(path: String) {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        self.init(rawValue: path[path.index(after: dot)...].lowercased())
    }
}
