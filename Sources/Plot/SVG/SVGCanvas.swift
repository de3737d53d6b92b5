/// A ``ChartCanvas`` that writes SVG elements: real, searchable `<text>` in a named font
/// family, lines as `<path>`s, and groups that name what they draw (`class="series"` with a
/// `data-key`), which the interactive HTML uses.
///
/// Text is set in "DejaVu Sans" (what the layout measured), falling back to Bitstream Vera
/// Sans (its parent), Verdana and Geneva (similar widths), then any sans-serif. Each text is
/// anchored where the layout aligned it (right-aligned tick labels at their right end,
/// centred titles at their middle), so a viewer without DejaVu Sans shifts glyphs but keeps
/// the alignment.
struct SVGCanvas: ChartCanvas {
    /// The elements written so far (inside the root `<svg>`).
    private(set) var body = ""
    /// Prefix of element ids, so that several charts can share one HTML page.
    let idPrefix: String
    private var clips = 0

    /// The font family list of every text.
    static let fontFamily = "'DejaVu Sans', 'Bitstream Vera Sans', Verdana, Geneva, sans-serif"

    init(idPrefix: String = "lrplot") {
        self.idPrefix = idPrefix
    }

    /// A complete SVG document of `width` × `height` CSS px (written in px, as Cairo's) around
    /// `body`.
    static func document(body: String, width: Double, height: Double, attributes: String = "") -> String {
        let w = number(width)
        let h = number(height)
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" width="\(w)px" height="\(h)px" viewBox="0 0 \(w) \(h)"\(attributes)>
            <g font-family="\(fontFamily)">
            \(body)</g>
            </svg>

            """
    }

    mutating func fill(_ rect: Rect, color: RGBColor, opacity: Double) {
        body += "<rect x=\"\(Self.number(rect.x))\" y=\"\(Self.number(rect.y))\" width=\"\(Self.number(rect.width))\" height=\"\(Self.number(rect.height))\" fill=\"\(color.hex)\"\(Self.opacity("fill-opacity", opacity))/>\n"
    }

    mutating func strokeSegments(_ segments: [(Point, Point)], color: RGBColor, width: Double, dash: [Double]) {
        guard !segments.isEmpty else { return }
        var d = ""
        for (a, b) in segments {
            d += "M\(Self.number(a.x)) \(Self.number(a.y))L\(Self.number(b.x)) \(Self.number(b.y))"
        }
        body += "<path d=\"\(d)\" fill=\"none\" stroke=\"\(color.hex)\" stroke-width=\"\(Self.number(width))\"\(Self.dash(dash))/>\n"
    }

    mutating func strokeFrame(_ rect: Rect, color: RGBColor, width: Double) {
        body += "<rect x=\"\(Self.number(rect.x))\" y=\"\(Self.number(rect.y))\" width=\"\(Self.number(rect.width))\" height=\"\(Self.number(rect.height))\" fill=\"none\" stroke=\"\(color.hex)\" stroke-width=\"\(Self.number(width))\" stroke-linecap=\"square\"/>\n"
    }

    mutating func strokeLines(_ runs: [[Point]], color: RGBColor, width: Double, dash: [Double]) {
        var d = ""
        for run in runs where run.count > 1 {
            d += "M\(Self.number(run[0].x)) \(Self.number(run[0].y))"
            for p in run.dropFirst() { d += "L\(Self.number(p.x)) \(Self.number(p.y))" }
        }
        if !d.isEmpty {
            body += "<path d=\"\(d)\" fill=\"none\" stroke=\"\(color.hex)\" stroke-width=\"\(Self.number(width))\" stroke-linecap=\"round\" stroke-linejoin=\"round\"\(Self.dash(dash))/>\n"
        }
        for run in runs where run.count == 1 {
            body += "<circle cx=\"\(Self.number(run[0].x))\" cy=\"\(Self.number(run[0].y))\" r=\"\(Self.number(0.75 * width))\" fill=\"\(color.hex)\"/>\n"
        }
    }

    mutating func pointMarks(_ marks: [PointMark], radius: Double, color: RGBColor, ringWidth: Double?) {
        guard !marks.isEmpty else { return }
        // One path for all marks: two clockwise half-circle arcs each (a capsule has a vertical
        // side between them), smaller than a <circle> per mark; nonzero fill makes the union.
        let r = Self.number(radius)
        let arcRight = "a\(r) \(r) 0 0 1 \(Self.number(2 * radius)) 0"
        let arcLeft = "a\(r) \(r) 0 0 1 \(Self.number(-2 * radius)) 0"
        var d = ""
        for m in marks {
            d += "M\(Self.number(m.x - radius)) \(Self.number(m.top))" + arcRight
            if !m.isCircle { d += "V\(Self.number(m.bottom))" }
            d += arcLeft + "z"
        }
        if let ringWidth {
            body += "<path class=\"points\" d=\"\(d)\" fill=\"none\" stroke=\"\(color.hex)\" stroke-width=\"\(Self.number(ringWidth))\"/>\n"
        } else {
            body += "<path class=\"points\" d=\"\(d)\" fill=\"\(color.hex)\"/>\n"
        }
    }

    mutating func fillPolygon(_ points: [Point], color: RGBColor, opacity: Double) {
        guard let first = points.first else { return }
        var d = "M\(Self.number(first.x)) \(Self.number(first.y))"
        for p in points.dropFirst() { d += "L\(Self.number(p.x)) \(Self.number(p.y))" }
        body += "<path d=\"\(d)Z\" fill=\"\(color.hex)\"\(Self.opacity("fill-opacity", opacity))/>\n"
    }

    mutating func roundedBox(_ rect: Rect, radius: Double, fill: RGBColor, fillOpacity: Double, stroke: RGBColor, width: Double) {
        body += "<rect x=\"\(Self.number(rect.x))\" y=\"\(Self.number(rect.y))\" width=\"\(Self.number(rect.width))\" height=\"\(Self.number(rect.height))\" rx=\"\(Self.number(radius))\" fill=\"\(fill.hex)\"\(Self.opacity("fill-opacity", fillOpacity)) stroke=\"\(stroke.hex)\" stroke-width=\"\(Self.number(width))\"/>\n"
    }

    mutating func text(_ text: PlacedText, color: RGBColor) {
        let anchor: String
        let offset: Double
        switch text.alignment {
        case .start: anchor = ""; offset = 0
        case .middle: anchor = " text-anchor=\"middle\""; offset = text.metrics.width / 2
        case .end: anchor = " text-anchor=\"end\""; offset = text.metrics.width
        }
        let weight = text.style.bold ? " font-weight=\"bold\"" : ""
        if text.rotated {
            // Rotated about the origin: the anchor point runs up the page.
            let x = text.origin.x
            let y = text.origin.y - offset
            body += "<text x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" transform=\"rotate(-90 \(Self.number(x)) \(Self.number(y)))\" font-size=\"\(Self.number(text.style.size))\"\(weight) fill=\"\(color.hex)\"\(anchor)>\(Self.escaped(text.text))</text>\n"
            return
        }
        var content = Self.escaped(text.text)
        if let exponent = text.exponent {
            let style = Exponent.style(for: text.style)
            content += "<tspan dy=\"\(Self.number(-Exponent.raise * text.style.size))\" font-size=\"\(Self.number(style.size))\">\(Self.escaped(exponent))</tspan>"
        }
        body += "<text x=\"\(Self.number(text.origin.x + offset))\" y=\"\(Self.number(text.origin.y))\" font-size=\"\(Self.number(text.style.size))\"\(weight) fill=\"\(color.hex)\"\(anchor)>\(content)</text>\n"
    }

    mutating func beginClip(_ rect: Rect) {
        clips += 1
        let id = "\(idPrefix)-clip\(clips)"
        body += "<clipPath id=\"\(id)\"><rect x=\"\(Self.number(rect.x))\" y=\"\(Self.number(rect.y))\" width=\"\(Self.number(rect.width))\" height=\"\(Self.number(rect.height))\"/></clipPath>\n<g clip-path=\"url(#\(id))\">\n"
    }

    mutating func endClip() {
        body += "</g>\n"
    }

    mutating func beginGroup(_ group: CanvasGroup) {
        switch group {
        case .plot(let panel): body += "<g class=\"plot\" data-panel=\"\(panel)\">\n"
        case .series(let panel, let series, let key):
            body += "<g class=\"series\" data-panel=\"\(panel)\" data-series=\"\(series)\" data-key=\"\(key)\">\n"
        case .legend(let panel): body += "<g class=\"legend\" data-panel=\"\(panel)\">\n"
        case .legendEntry(let key):
            body += key.map { "<g class=\"legend-entry\" data-key=\"\($0)\">\n" } ?? "<g class=\"legend-entry\">\n"
        case .markers(let panel): body += "<g class=\"markers\" data-panel=\"\(panel)\">\n"
        }
    }

    mutating func endGroup() {
        body += "</g>\n"
    }

    /// `v` with at most three decimals, without trailing zeros (`12`, `12.5`, `-0.125`).
    static func number(_ v: Double) -> String {
        guard v.isFinite else { return "0" }
        let r = (min(max(v, -1e12), 1e12) * 1000).rounded() / 1000
        if r == r.rounded() { return String(Int(r)) }
        return String(r)
    }

    /// Text with `&`, `<`, `>` and quotes escaped for XML.
    static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                // Characters XML 1.0 forbids (C0 controls other than tab, newline, return).
                if c.value < 0x20 && c != "\t" && c != "\n" && c != "\r" || c.value == 0xFFFE || c.value == 0xFFFF {
                    out += "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(c)
                }
            }
        }
        return out
    }

    private static func opacity(_ name: String, _ value: Double) -> String {
        value >= 1 ? "" : " \(name)=\"\(number(value))\""
    }

    private static func dash(_ pattern: [Double]) -> String {
        pattern.isEmpty ? "" : " stroke-dasharray=\"\(pattern.map(number).joined(separator: " "))\""
    }
}
