/// What a terminal can show: images (kitty graphics protocol or sixel) and how many colours.
///
/// ``detect(environment:isTerminal:deviceAttributes:)`` is a pure function of what the
/// caller read: the environment, whether output goes to a terminal, and optionally the
/// terminal's answer to a Primary Device Attributes query (`ESC [ c`), whose attribute 4
/// announces sixel. Nothing here reads global state.
public struct TerminalCapabilities: Sendable, Equatable {
    /// How images can be shown.
    public enum Graphics: String, Sendable, CaseIterable {
        /// The kitty graphics protocol (kitty, Ghostty, WezTerm, Konsole).
        case kitty
        /// DEC sixel (xterm -ti vt340, foot, mlterm, WezTerm, iTerm2, Windows Terminal).
        case sixel
        /// No images: text (Unicode braille).
        case none
    }

    /// How colours can be written.
    public enum Colors: String, Sendable, CaseIterable {
        /// No escape sequences at all.
        case none
        /// The 16 ANSI colours.
        case ansi16
        /// The xterm 256-colour palette.
        case ansi256
        /// 24-bit colour.
        case trueColor
    }

    /// Image support.
    public var graphics: Graphics
    /// Colour support.
    public var colors: Colors
    /// Whether the terminal's background is dark (from `COLORFGBG`), if known.
    public var darkBackground: Bool?

    /// Creates capabilities.
    public init(graphics: Graphics, colors: Colors, darkBackground: Bool? = nil) {
        self.graphics = graphics
        self.colors = colors
        self.darkBackground = darkBackground
    }

    /// Plain text: no images, no colour (a pipe, a file, `TERM=dumb`).
    public static let plain = TerminalCapabilities(graphics: .none, colors: .none)

    /// The capabilities announced by `environment` (and by `deviceAttributes`, the reply to
    /// `ESC [ c`, such as `"\u{1B}[?62;4;6;22c"`):
    /// - not a terminal, `TERM=dumb` or unset: plain text;
    /// - `NO_COLOR` set and non-empty: no colour (https://no-color.org);
    /// - `COLORTERM=truecolor` or `24bit`: 24-bit; `TERM` ending in `256color`: 256; else 16;
    /// - kitty graphics under `TERM=xterm-kitty`, `KITTY_WINDOW_ID`, `TERM=xterm-ghostty` or
    ///   `TERM_PROGRAM` ghostty or WezTerm; sixel when the device attributes include 4, or
    ///   under foot, mlterm or `TERM_PROGRAM=iTerm.app`; never inside tmux or screen (`TMUX`,
    ///   `STY`), which do not pass images through reliably.
    public static func detect(
        environment: [String: String], isTerminal: Bool, deviceAttributes: String? = nil
    ) -> TerminalCapabilities {
        let term = environment["TERM"] ?? ""
        guard isTerminal, !term.isEmpty, term != "dumb" else { return .plain }
        var colors: Colors
        let colorTerm = (environment["COLORTERM"] ?? "").lowercased()
        if colorTerm == "truecolor" || colorTerm == "24bit" {
            colors = .trueColor
        } else if term.hasSuffix("256color") {
            colors = .ansi256
        } else {
            colors = .ansi16
        }
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { colors = .none }
        let program = environment["TERM_PROGRAM"] ?? ""
        let multiplexed = environment["TMUX"] != nil || environment["STY"] != nil || term.hasPrefix("screen") || term.hasPrefix("tmux")
        var graphics = Graphics.none
        if !multiplexed {
            if term == "xterm-kitty" || environment["KITTY_WINDOW_ID"] != nil || term == "xterm-ghostty"
                || program == "ghostty" || program == "WezTerm" {
                graphics = .kitty
            } else if Self.announcesSixel(deviceAttributes) || term.hasPrefix("foot") || term.hasPrefix("mlterm")
                        || program == "iTerm.app" {
                graphics = .sixel
            }
        }
        // COLORFGBG is "fg;bg" (sometimes "fg;default;bg"): background colours 0–6 and 8 are dark.
        var dark: Bool?
        if let fgbg = environment["COLORFGBG"], let last = fgbg.split(separator: ";").last, let bg = Int(last) {
            dark = (0...6).contains(bg) || bg == 8
        }
        return TerminalCapabilities(graphics: graphics, colors: colors, darkBackground: dark)
    }

    /// Whether a Primary Device Attributes reply (`CSI ? Ps ; … c`) lists attribute 4 (sixel).
    public static func announcesSixel(_ reply: String?) -> Bool {
        guard let reply, let start = reply.firstIndex(of: "?"), let end = reply.lastIndex(of: "c"), start < end else {
            return false
        }
        return reply[reply.index(after: start)..<end].split(separator: ";").contains("4")
    }
}
