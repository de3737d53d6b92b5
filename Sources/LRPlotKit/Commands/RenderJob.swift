// TEMPORARY until Plot lands.
public enum RenderJob {
    public struct Report: Sendable { public var written: [String]; public var warnings: [String] }
    public static func run(specPath: String, outputs overrides: [String]) throws(LRPlotError) -> Report {
        throw LRPlotError(.runtime, "not yet")
    }
}
