import ConfigImport
import Foundation
import ScheduleCore

/// The training numbers and config overrides a user gives on the command line, for specs and
/// config files alike: flags (`--dataset-size 50000`), a file (`--training overlay.yaml`, a
/// training block or a spec fragment with one), and `--set KEY=VALUE` for a config's own keys.
public struct TrainingOverlay: Sendable {
    /// Training keys in the order given; later ones win.
    public var training: [(key: String, value: JSONValue)] = []
    /// Config values to replace before importing (`lr_noise` → null).
    public var overrides: [(path: String, value: JSONValue)] = []

    public init() {}

    /// Sets training key `key` (replacing an earlier value).
    public mutating func set(_ key: String, _ value: JSONValue) {
        training.removeAll { $0.key == key }
        training.append((key, value))
    }

    /// Adds the training block of the file at `path` (JSON or YAML): `{"dataset_size": …}` or
    /// a spec fragment `{"training": {…}}`; its keys come before the flags'.
    ///
    /// - Throws: ``LRPlotError`` (`.input` for an unreadable file, `.spec` for its content).
    public mutating func load(_ path: String) throws(LRPlotError) {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw LRPlotError(.input, file: path, "cannot read the training overlay file")
        }
        let source = try SpecDocument.parse(text, file: path)
        var block = source.json
        let bare = source.json["training"] == nil
        if let inner = source.json["training"] { block = inner }
        guard case .object(let members) = block else {
            throw LRPlotError(.spec, file: path, "expected a training block like {\"dataset_size\": 50000, \"devices\": 8}, found \(block.kindDescription)")
        }
        do {
            _ = try TrainingSetup(json: block, path: "training")
        } catch let error as ScheduleError {
            // A bare block's keys are the file's top-level keys: locate them there.
            throw source.located(error, file: path, rootPath: bare ? "training" : nil)
        } catch {
            throw LRPlotError(.spec, file: path, "\(error)")
        }
        let flags = training
        training = members.filter { m in !flags.contains(where: { $0.key == m.key }) } + flags
    }

    /// Adds `--set KEY=VALUE`: the value is JSON when it parses as JSON (`null`, `20`,
    /// `[3, 9]`, `"text"`), else the text itself.
    ///
    /// - Throws: ``LRPlotError`` (`.arguments`) without an `=`.
    public mutating func addOverride(_ assignment: String) throws(LRPlotError) {
        guard let eq = assignment.firstIndex(of: "="), eq != assignment.startIndex else {
            throw LRPlotError(.arguments, "--set expects KEY=VALUE (e.g. --set lr_noise=null), found \"\(assignment)\"")
        }
        let key = String(assignment[..<eq])
        let text = String(assignment[assignment.index(after: eq)...])
        let value = (try? JSONParser.parse(text)) ?? .string(text)
        overrides.append((key, value))
    }

    /// The decoder that applies the overlay.
    public var decoder: SpecDecoder {
        SpecDecoder(trainingOverlay: training, configOverrides: overrides)
    }
}

/// `lrplot import`: a config file as the lrplot spec that reproduces it.
public enum ImportCommand {
    /// The imported spec (as `lrplot import` prints it) and the importer's notes.
    ///
    /// - Throws: ``LRPlotError`` for an unreadable file (`.input`) or a config lrplot cannot read (`.spec`).
    public static func run(_ path: String, overlay: TrainingOverlay) throws(LRPlotError) -> (spec: String, notes: [ImportNote]) {
        guard FileManager.default.fileExists(atPath: path) else { throw LRPlotError(.input, file: path, "no such file") }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw LRPlotError(.input, file: path, "cannot read the file as UTF-8 text")
        }
        let imported = try overlay.decoder.importConfig(text, file: path, overlay: overlay.training, overrides: overlay.overrides)
        // Check that the spec decodes (a missing number is reported, as rendering would).
        _ = try overlay.decoder.decodeLocated(imported.spec, source: nil, file: path, imported: imported.source)
        return (SpecText.pretty(imported.spec) + "\n", imported.source.notes)
    }
}
