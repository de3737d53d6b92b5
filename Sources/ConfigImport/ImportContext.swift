import ScheduleCore

/// What an importer works with: the document, the user's overlay of training numbers, and the
/// notes it collects. The importers read values through it, so every error names the file and
/// the value's location.
struct ImportContext {
    let document: ConfigDocument
    /// Training keys the user gave (overlay or flags); they win over what the config implies.
    let overlay: [(key: String, value: JSONValue)]
    var notes: [ImportNote] = []

    var file: String { document.file }
    /// The file's name without its directories, for titles.
    var name: String { document.file.split(separator: "/").last.map(String.init) ?? document.file }

    mutating func note(_ message: String, at value: ConfigValue? = nil) {
        notes.append(ImportNote(message, at: value?.location))
    }

    func error(_ value: ConfigValue, _ problem: String, fix: String) -> ConfigImportError {
        ConfigImportError(file: file, at: value, problem: problem, fix: fix)
    }

    /// The overlay's value for training key `key`.
    func overlaid(_ key: String) -> JSONValue? { overlay.first(where: { $0.key == key })?.value }

    // MARK: Typed reads

    /// A number (int or float), `nil` when absent or null.
    func number(_ object: ConfigValue, _ key: String) throws -> Double? {
        guard let v = object[key], !v.isNull else { return nil }
        guard let n = v.number else {
            throw error(v, "expected a number for \"\(key)\", found \(v.kindDescription)", fix: "write a number")
        }
        return n
    }

    /// A whole number, `nil` when absent or null.
    func integer(_ object: ConfigValue, _ key: String) throws -> Int? {
        guard let v = object[key], !v.isNull else { return nil }
        guard let n = v.integer else {
            throw error(v, "expected a whole number for \"\(key)\", found \(v.kindDescription)", fix: "write a whole number")
        }
        return n
    }

    /// A boolean, `nil` when absent or null.
    func bool(_ object: ConfigValue, _ key: String) throws -> Bool? {
        guard let v = object[key], !v.isNull else { return nil }
        guard let b = v.bool else {
            throw error(v, "expected true or false for \"\(key)\", found \(v.kindDescription)", fix: "write true or false")
        }
        return b
    }

    /// A string, `nil` when absent or null.
    func string(_ object: ConfigValue, _ key: String) throws -> String? {
        guard let v = object[key], !v.isNull else { return nil }
        guard let s = v.string else {
            throw error(v, "expected a string for \"\(key)\", found \(v.kindDescription)", fix: "write a string")
        }
        return s
    }

    /// An object, `nil` when absent or null.
    func object(_ object: ConfigValue, _ key: String) throws -> ConfigValue? {
        guard let v = object[key], !v.isNull else { return nil }
        guard v.isObject else {
            throw error(v, "expected an object for \"\(key)\", found \(v.kindDescription)", fix: "write an object")
        }
        return v
    }

    /// The training block: `derived` (what the config implies) overlaid by the user's keys,
    /// validated as lrplot reads it.
    func trainingBlock(_ derived: [(key: String, value: JSONValue)]) throws -> JSONValue {
        var members = derived.filter { d in !overlay.contains(where: { $0.key == d.key }) }
        members += overlay
        let block = JSONValue.object(members)
        do {
            _ = try TrainingSetup(json: block)
        } catch let e as ScheduleError {
            throw ConfigImportError(file: file, location: ConfigLocation(path: e.path), problem: e.message,
                                    fix: "correct the overlay's training keys")
        }
        return block
    }
}

extension JSONValue {
    /// A number written as the config wrote it: a whole float stays a float (`3.0`), ints stay ints.
    static func number(from value: ConfigValue) -> JSONValue? {
        switch value.kind {
        case .integer(let i): return .integer(i)
        case .number(let d): return .number(d)
        default: return nil
        }
    }
}
