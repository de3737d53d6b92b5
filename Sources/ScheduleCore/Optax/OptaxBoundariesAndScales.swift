import Foundation

/// Reads optax's `boundaries_and_scales` argument: a JSON object whose keys are integer steps
/// written as strings (`{"100": 0.1, "200": 0.5}`), the Python dict `{100: 0.1, 200: 0.5}`.
enum OptaxBoundariesAndScales {
    /// The entries in document order (optax sorts them itself), or `nil` for `None`.
    ///
    /// - Throws: ``ScheduleError`` for keys that are not integers, repeated boundaries (a Python
    ///   dict cannot hold them) and scales that are not numbers.
    static func read(_ p: Parameters, _ name: String) throws -> [(boundary: Int, scale: Double)]? {
        guard let raw = try p.raw(name) else { return nil }
        guard case .object(let members) = raw else {
            throw p.error(name, "expected an object of {\"step\": scale} like {\"100\": 0.1}, found \(raw.kindDescription)")
        }
        var entries: [(boundary: Int, scale: Double)] = []
        for (key, value) in members {
            let path = "\(p.path(of: name))[\"\(key)\"]"
            guard let boundary = Int(key.trimmingCharacters(in: .whitespaces)) else {
                throw ScheduleError(path: path, "boundary keys must be whole numbers written as strings (e.g. \"100\"), found \"\(key)\"")
            }
            if entries.contains(where: { $0.boundary == boundary }) {
                throw ScheduleError(path: path, "boundary \(boundary) is given twice")
            }
            entries.append((boundary, try Parameters.number(value, at: path)))
        }
        return entries
    }
}
