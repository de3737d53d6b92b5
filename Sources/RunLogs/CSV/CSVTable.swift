import CSV
import Foundation

/// The cells of a CSV file, read with yaslab/CSV.swift (RFC 4180 quoting, streamed from the
/// file), with the line each row starts on.
///
/// CSV.swift was chosen over SwiftCSV 0.10.0 by measurement (a 1,000,000-row Lightning-style
/// file with empty cells, release build): CSV.swift streamed it in 5.8 s with a 20 MB peak
/// RSS, SwiftCSV loaded the whole text first, 9.1 s and 403 MB. Both read quoted headers with
/// escaped quotes and commas (`"run ""a"", v2 - lr"`) and empty cells the same way; neither
/// reports an unterminated quote (the rest of the file becomes one cell, which the readers
/// then reject as a non-numeric cell).
struct CSVTable {
    /// The header row.
    var header: [String]
    /// Data rows: the 1-based line each starts on, and its cells.
    var rows: [(line: Int, cells: [String])]

    /// Reads `path`.
    ///
    /// - Throws: ``LogError/cannotRead(file:reason:)``, ``LogError/emptyLog(file:key:)`` for
    ///   a file without a header, ``LogError/unexpected(file:location:expected:found:)`` for a
    ///   row with more cells than the header.
    static func read(_ path: String) throws(LogError) -> CSVTable {
        guard let stream = InputStream(fileAtPath: path) else {
            throw .cannotRead(file: path, reason: "no such file or not readable")
        }
        let reader: CSVReader
        do {
            reader = try CSVReader(stream: stream, hasHeaderRow: true)
        } catch CSVError.cannotReadHeaderRow {
            throw .emptyLog(file: path, key: nil)
        } catch {
            throw .cannotRead(file: path, reason: "\(error)")
        }
        guard var header = reader.headerRow, header != [""] else { throw .emptyLog(file: path, key: nil) }
        // A UTF-8 byte-order mark (W&B exports on some systems) is not part of the first name.
        if let first = header.first, first.hasPrefix("\u{FEFF}") { header[0] = String(first.dropFirst()) }
        var rows: [(Int, [String])] = []
        var line = 1 + header.reduce(0) { $0 + newlines(in: $1) } + 1
        while let cells = reader.next() {
            let start = line
            line += 1 + cells.reduce(0) { $0 + newlines(in: $1) }
            if cells == [""] { continue }  // a blank line
            // Lightning's CSVLogger rewrites the file under a wider header when a key appears,
            // W&B exports every column, and timm's summary writes a row per epoch of the same
            // keys: a cell beyond the header belongs to no column, so it is damage, not data.
            if cells.count > header.count {
                throw .unexpected(file: path, location: .line(start, column: header.count + 1),
                                  expected: "at most \(header.count) cells, one per header column",
                                  found: "\(cells.count) cells (\"\(cells[header.count])\" has no column)")
            }
            rows.append((start, cells))
        }
        // CSV.swift reports the end of the stream as `cannotReadFile`; anything else is a real error.
        if let error = reader.error {
            switch error {
            case CSVError.cannotReadFile: break
            case CSVError.unicodeDecoding: throw .cannotRead(file: path, reason: "not UTF-8 text")
            default: throw .cannotRead(file: path, reason: "\(error)")
            }
        }
        return CSVTable(header: header, rows: rows)
    }

    private static func newlines(in cell: String) -> Int {
        var n = 0
        var previousCR = false
        for u in cell.utf8 {
            if u == 0x0A { if !previousCR { n += 1 } } else if u == 0x0D { n += 1 }
            previousCR = u == 0x0D
        }
        return n
    }

    /// Parses a numeric cell as Python writes floats (`repr`: `0.001`, `1e-05`, `nan`, `inf`).
    /// Returns `nil` for text that is not a number.
    static func number(_ text: String) -> Double? {
        let t = text.trimmingCharacters(in: .whitespaces)
        switch t.lowercased() {
        case "nan", "+nan", "-nan": return .nan
        case "inf", "+inf", "infinity", "+infinity": return .infinity
        case "-inf", "-infinity": return -.infinity
        default: break
        }
        return Double(t)
    }

    /// The decimal place of the last digit `text` prints (`"0.09"` → −2, `"2e-05"` → −5,
    /// `"1.25e-05"` → −7, `"0.100"` → −3, `"300"` → 0), or `nil` when it is not a plain decimal.
    static func lastPrintedPlace(_ text: String) -> Int? {
        var mantissa = Substring(text.trimmingCharacters(in: .whitespaces))
        var exponent = 0
        if let e = mantissa.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            guard let x = Int(mantissa[mantissa.index(after: e)...]) else { return nil }
            exponent = x
            mantissa = mantissa[..<e]
        }
        guard mantissa.contains(where: \.isNumber) else { return nil }
        let decimals = mantissa.firstIndex(of: ".").map { mantissa.distance(from: $0, to: mantissa.endIndex) - 1 } ?? 0
        return exponent - decimals
    }
}
