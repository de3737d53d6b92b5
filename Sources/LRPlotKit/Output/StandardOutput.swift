import Foundation

/// Standard output, written with `write(2)` so that a failed write is an error rather than
/// a silent exit 0: `lrplot values SPEC > /dev/full`, a closed standard output.
///
/// A reader that goes away (`lrplot values SPEC | head`) ends the process by `SIGPIPE`, as
/// for other command-line tools; the executable restores that default.
public enum StandardOutput {
    /// What messages call standard output.
    public static let name = "<stdout>"

    /// Writes `bytes` to file descriptor 1, retrying partial writes and interruptions.
    ///
    /// - Throws: ``LRPlotError`` (`.runtime`) with the system's reason.
    public static func write(_ bytes: UnsafeRawBufferPointer) throws(LRPlotError) {
        if let code = FileDescriptor.writeAll(STDOUT_FILENO, bytes) {
            throw LRPlotError(.runtime, "cannot write to standard output: \(SystemError.text(code))")
        }
    }

    /// Writes the UTF-8 of `text`.
    public static func write(_ text: String) throws(LRPlotError) {
        try withBytes(of: text, write)
    }

    /// Writes `bytes`.
    public static func write(_ bytes: [UInt8]) throws(LRPlotError) {
        try withBytes(of: bytes, write)
    }
}

/// Calls `body` with the UTF-8 bytes of `text`, keeping the error's type (the standard
/// library's `withUTF8` rethrows untyped errors).
func withBytes(of text: String, _ body: (UnsafeRawBufferPointer) throws(LRPlotError) -> Void) throws(LRPlotError) {
    var text = text
    var failure: LRPlotError?
    text.withUTF8 { utf8 in
        do throws(LRPlotError) { try body(UnsafeRawBufferPointer(utf8)) } catch { failure = error }
    }
    if let failure { throw failure }
}

/// Calls `body` with the bytes of `bytes`, keeping the error's type.
func withBytes(of bytes: [UInt8], _ body: (UnsafeRawBufferPointer) throws(LRPlotError) -> Void) throws(LRPlotError) {
    var failure: LRPlotError?
    bytes.withUnsafeBytes { raw in
        do throws(LRPlotError) { try body(raw) } catch { failure = error }
    }
    if let failure { throw failure }
}
