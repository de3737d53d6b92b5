import ConfigImport
import ScheduleCore

/// The parsed text of a spec file: JSON (lrplot's own parser) or YAML (Yams), with the YAML
/// tree kept so that errors point at a line and column.
struct SpecDocument {
    /// The document as JSON values.
    var json: JSONValue
    /// The YAML document with locations, for YAML files.
    var yaml: ConfigValue?

    /// Parses `text`: JSON when it starts with `{` or `[` (after white space), else YAML.
    static func parse(_ text: String, file: String) throws(LRPlotError) -> SpecDocument {
        let first = text.unicodeScalars.first(where: { !$0.properties.isWhitespace })
        if first == "{" || first == "[" {
            do {
                return SpecDocument(json: try JSONParser.parse(text), yaml: nil)
            } catch {
                throw LRPlotError(.spec, file: file, line: error.line, column: error.column, "invalid JSON: \(error.message)")
            }
        }
        do {
            let root = try ConfigDocument.parseYAML(text, file: file)
            return SpecDocument(json: root.json, yaml: root)
        } catch let error as ConfigImportError {
            throw LRPlotError(.spec, file: file, line: error.location.line, column: error.location.column, "\(error.problem); \(error.fix)")
        } catch {
            throw LRPlotError(.spec, file: file, "\(error)")
        }
    }

    /// An lrplot spec has `"schedules"` or `"config"`; any other document is a training config
    /// to import (unless it has none of a config's keys but some of a spec's, then it is a spec
    /// missing its schedules, reported as such).
    var isSpec: Bool {
        guard case .object(let members) = json else { return true }
        let keys = Set(members.map(\.key))
        if keys.contains("schedules") || keys.contains("config") { return true }
        let specOnly: Set<String> = ["steps", "steps_per_epoch", "title", "output", "panels", "simulate", "theme", "legend", "markers", "width", "height"]
        return !keys.isDisjoint(with: specOnly) && !ConfigImporter.looksLikeConfig(json)
    }

    /// `error` at its JSON path, with the line and column of that value in a YAML spec.
    ///
    /// - Parameter rootPath: the path the document's root was read as (`"training"` for a bare
    ///   training block), removed from the error's path so that it names the file's own keys.
    func located(_ error: ScheduleError, file: String, rootPath: String? = nil) -> LRPlotError {
        var path = error.path
        if let rootPath {
            if path == rootPath { path = "" } else if path.hasPrefix(rootPath + ".") { path = String(path.dropFirst(rootPath.count + 1)) }
        }
        guard let yaml else { return LRPlotError(.spec, file: file, path: path.isEmpty ? nil : path, error.message) }
        let value = yaml.deepest(at: path)
        return LRPlotError(.spec, file: file, path: path.isEmpty ? nil : path,
                           line: value.location.line, column: value.location.column, error.message)
    }
}
