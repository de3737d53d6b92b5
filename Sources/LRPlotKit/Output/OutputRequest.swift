import Foundation
import Plot

/// The outputs the command line asks for (`-o PATH`, repeatable, and `--format`), turned
/// into the images to write for one spec.
///
/// Each `-o` argument is one of:
/// - `-`: the image goes to standard output, in `--format`, else in the one format of the
///   spec's `"output"`, else PNG;
/// - a directory (one that exists, or any path ending in `/`): `DIR/<spec name>.<ext>`, for
///   `--format`, else for each format of the spec's `"output"`, else PNG;
/// - a file: its extension names the format (or `--format`, for a name without one).
///
/// Without `-o`, the spec's `"output"` is written, else `output/<spec name>.png` (or the
/// extension `--format` names).
public struct OutputRequest: Sendable, Equatable {
    /// The `-o` arguments, in order.
    public var paths: [String]
    /// `--format`, if given.
    public var format: ImageFormat?

    /// The argument that names standard output.
    public static let standardOutputArgument = "-"

    public init(paths: [String] = [], format: ImageFormat? = nil) {
        self.paths = paths
        self.format = format
    }

    /// The extensions an output may have, for messages: `.png, .svg or .pdf`.
    static var extensionList: String {
        let names = ImageFormat.allCases.map { "." + $0.rawValue }
        guard names.count > 1 else { return names.joined() }
        return names.dropLast().joined(separator: ", ") + " or " + (names.last ?? "")
    }

    /// Whether `argument` names a directory: it ends in `/` or is an existing directory.
    public static func namesDirectory(_ argument: String) -> Bool {
        if argument.hasSuffix("/") { return true }
        var info = stat()
        return stat(argument, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }

    /// `DIR/NAME`, without doubling the slash.
    public static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    /// The images to write for `spec`.
    ///
    /// - Throws: ``LRPlotError`` (`.arguments`): an unknown extension, an extension that
    ///   contradicts `--format`, `--format` with outputs the spec names itself, standard
    ///   output named twice or without a format.
    public func targets(for spec: Spec) throws(LRPlotError) -> [OutputTarget] {
        let specFormats = Self.unique(spec.outputs.map(\.format))
        guard !paths.isEmpty else {
            if !spec.outputs.isEmpty {
                if let format, specFormats != [format] {
                    throw LRPlotError(.arguments, "--format \(format.rawValue): the spec names its outputs (\"output\"); --format chooses the format of -o -, -o DIR/ and output/\(spec.stem).png")
                }
                return spec.outputs
            }
            let format = format ?? .png
            return [OutputTarget(path: "output/\(spec.stem).\(format.rawValue)", format: format)]
        }
        var targets: [OutputTarget] = []
        for path in paths {
            if path == Self.standardOutputArgument {
                guard !targets.contains(where: \.isStandardOutput) else {
                    throw LRPlotError(.arguments, "-o - is given twice; standard output takes one image")
                }
                guard let format = format ?? (specFormats.count <= 1 ? specFormats.first ?? .png : nil) else {
                    throw LRPlotError(.arguments, "-o - writes one image, and the spec's outputs have several formats; choose one with --format \(ImageFormat.allCases.map(\.rawValue).joined(separator: "|"))")
                }
                targets.append(.standardOutput(format))
            } else if Self.namesDirectory(path) {
                for format in format.map({ [$0] }) ?? (specFormats.isEmpty ? [.png] : specFormats) {
                    targets.append(OutputTarget(path: Self.join(path, "\(spec.stem).\(format.rawValue)"), format: format))
                }
            } else if let named = OutputTarget.format(ofExtensionIn: path) {
                if let format, format != named {
                    throw LRPlotError(.arguments, file: path, "the extension says \(named.rawValue), but --format says \(format.rawValue)")
                }
                targets.append(OutputTarget(path: path, format: named))
            } else if let format {
                targets.append(OutputTarget(path: path, format: format))
            } else {
                throw LRPlotError(.arguments, file: path, "unknown output format; use a \(Self.extensionList) file name (or --format)")
            }
        }
        return targets
    }

    /// `formats` without repeats, in order.
    static func unique(_ formats: [ImageFormat]) -> [ImageFormat] {
        var seen: [ImageFormat] = []
        for f in formats where !seen.contains(f) { seen.append(f) }
        return seen
    }
}
