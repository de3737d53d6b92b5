/// The version `lrplot --version` prints.
public enum LRPlotVersion {
    public static let current = "0.1.0"
}
