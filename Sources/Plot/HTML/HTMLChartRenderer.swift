/// Writes a chart as one self-contained interactive HTML file: the chart as inline SVG (with
/// real text, ``SVGCanvas``), its hover values as JSON, and a small script. Nothing is
/// loaded from the network.
///
/// - Hovering (mouse, pen or touch) over a plot draws a rule at the nearest x of the
///   ``HoverTable``, a dot on every shown series there, and a box listing the x (and, with a
///   ``SecondaryAxis``, its value: "step 1250 · epoch 2") and each column's value text.
/// - Clicking a legend entry (or focusing it and pressing Enter or Space) hides or shows
///   that series in every panel, and leaves it out of the hover box.
///
/// The page works without the script too: it is the chart.
public enum HTMLChartRenderer {
    /// The HTML file of `chart` with `hover`'s values. Throws ``PlotError`` for an invalid
    /// chart or a table that does not fit it.
    public static func render(_ chart: Chart, hover: HoverTable, id: String = "lrplot") throws -> [UInt8] {
        try rendered(chart, hover: hover, id: id).bytes
    }

    /// The HTML file and the layout's notices.
    public static func rendered(_ chart: Chart, hover: HoverTable, id: String = "lrplot") throws -> RenderedChart {
        try chart.validate()
        try hover.validate(for: chart)
        let safeID = String(id.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_") }.map(Character.init))
        let prefix = safeID.isEmpty ? "lrplot" : safeID
        let layout = try ChartRenderer.layout(chart, format: .svg)
        let svg = ChartRenderer.svgDocument(chart, layout: layout, idPrefix: prefix, attributes: " role=\"img\"")
            .split(separator: "\n", omittingEmptySubsequences: false).dropFirst().joined(separator: "\n")  // no XML declaration inline
        let data = dataJSON(chart, layout: layout, hover: hover)
        let theme = chart.theme
        let title = SVGCanvas.escaped(chart.title.flatMap { $0.isEmpty ? nil : $0 } ?? "lrplot chart")
        let html = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(title)</title>
            <style>
            body{margin:16px;background:\(theme.background.hex);color:\(theme.text.hex)}
            .lrplot{position:relative;display:inline-block;margin:0;max-width:100%;font-family:\(SVGCanvas.fontFamily)}
            .lrplot svg{display:block;max-width:100%;height:auto;touch-action:none}
            .lrplot g.legend-entry[data-key]{cursor:pointer}
            .lrplot g.legend-entry[data-key]:focus{outline:1px dotted \(theme.text.hex)}
            .lrplot g.legend-entry.off{opacity:.35}
            .lrplot-tip{position:absolute;left:0;top:0;pointer-events:none;background:\(theme.legendBackground.hex);color:\(theme.text.hex);border:1px solid \(theme.legendBorder.hex);border-radius:4px;padding:6px 8px;font-size:12px;line-height:1.45;white-space:nowrap;box-shadow:0 2px 8px rgba(0,0,0,.18)}
            .lrplot-tip[hidden]{display:none}
            .lrplot-tip .x{font-weight:bold;margin-bottom:2px}
            .lrplot-tip .row{display:flex;align-items:center;gap:6px}
            .lrplot-tip .swatch{display:inline-block;width:14px;height:3px;border-radius:1px}
            .lrplot-tip .value{margin-left:auto;padding-left:14px;font-variant-numeric:tabular-nums}
            </style>
            </head>
            <body>
            <figure class="lrplot" id="\(prefix)">
            \(svg)<div class="lrplot-tip" role="status" aria-live="polite" hidden></div>
            </figure>
            <script type="application/json" id="\(prefix)-data">\(data)</script>
            <script>
            \(script(id: prefix))
            </script>
            </body>
            </html>

            """
        return RenderedChart(bytes: Array(html.utf8), notices: layout.notices)
    }

    /// The JSON the script reads: the x scale and each panel's y scale in SVG px (ends in
    /// transformed units: log10 on log axes), the table, and the series' colours and keys.
    static func dataJSON(_ chart: Chart, layout: ChartLayout, hover: HoverTable) -> String {
        let keys = ChartPainter.seriesKeys(layout)
        func transformed(_ scale: any PlotScale) -> (Double, Double) {
            (scale.transform(scale.domain.lowerBound) ?? 0, scale.transform(scale.domain.upperBound) ?? 1)
        }
        let plot = layout.panels[0].plot
        let (xlo, xhi) = transformed(layout.xScale)
        var json = "{\"x\":{\"left\":\(n(plot.minX)),\"width\":\(n(plot.width)),\"lo\":\(n(xlo)),\"hi\":\(n(xhi)),\"log\":\(layout.xScale is LogScale),\"label\":\(string(chart.xAxis.label ?? "x"))}"
        if let s = chart.secondaryXAxis {
            json += ",\"secondary\":{\"label\":\(string(s.label ?? "")),\"divisor\":\(n(s.divisor))}"
        }
        json += ",\"panels\":["
        json += layout.panels.map { p in
            let (lo, hi) = transformed(p.yScale)
            return "{\"top\":\(n(p.plot.minY)),\"height\":\(n(p.plot.height)),\"lo\":\(n(lo)),\"hi\":\(n(hi)),\"log\":\(p.yScale is LogScale)}"
        }.joined(separator: ",")
        json += "],\"xs\":[" + hover.xs.map(n).joined(separator: ",") + "]"
        json += ",\"columns\":[" + hover.columns.map { c in
            let s = layout.panels[c.panel].series[c.series]
            let values = c.values.map { $0 ?? "" }.joined(separator: ",")
            return "{\"label\":\(string(c.label ?? s.label)),\"panel\":\(c.panel),\"key\":\(keys[c.panel][c.series]),\"color\":\"\(s.color.hex)\",\"values\":\(string(values))}"
        }.joined(separator: ",") + "]"
        json += ",\"background\":\"\(chart.theme.background.hex)\"}"
        return json
    }

    /// A finite number as JSON (shortest round-trip digits).
    static func n(_ v: Double) -> String {
        guard v.isFinite else { return "0" }
        if v == v.rounded(), v.magnitude < 1e15 { return String(Int(v)) }
        return String(v)
    }

    /// A JSON string literal that is also safe inside a `<script>` element (`<` escaped).
    static func string(_ s: String) -> String {
        var out = "\""
        for c in s.unicodeScalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if c.value < 0x20 {
                    let hex = String(c.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(c)
                }
            }
        }
        return out + "\""
    }

    /// The script: hover rule, dots and box; legend toggles. Plain ES2015, no libraries.
    static func script(id: String) -> String {
        """
        (function () {
          "use strict";
          var root = document.getElementById(\(string(id)));
          var data = JSON.parse(document.getElementById(\(string(id + "-data"))).textContent);
          var svg = root.querySelector("svg"), tip = root.querySelector(".lrplot-tip");
          var NS = "http://www.w3.org/2000/svg", hidden = {}, current = -1;
          var xs = data.xs, panels = data.panels;
          var columns = data.columns.map(function (c) {
            return { label: c.label, panel: c.panel, key: c.key, color: c.color, values: c.values.split(",") };
          });
          var top = panels[0].top, last = panels[panels.length - 1], bottom = last.top + last.height;
          function toData(px) {
            var t = data.x.lo + (px - data.x.left) / data.x.width * (data.x.hi - data.x.lo);
            return data.x.log ? Math.pow(10, t) : t;
          }
          function toX(v) {
            var t = data.x.log ? Math.log10(v) : v;
            return data.x.left + (t - data.x.lo) / (data.x.hi - data.x.lo) * data.x.width;
          }
          function toY(p, v) {
            if (!isFinite(v) || (p.log && !(v > 0))) return null;
            var t = p.log ? Math.log10(v) : v, y = p.top + p.height - (t - p.lo) / (p.hi - p.lo) * p.height;
            return y >= p.top - 0.5 && y <= p.top + p.height + 0.5 ? y : null;
          }
          function nearest(v) {
            var lo = 0, hi = xs.length - 1;
            while (lo < hi) { var mid = (lo + hi) >> 1; if (xs[mid] < v) lo = mid + 1; else hi = mid; }
            return lo > 0 && Math.abs(xs[lo - 1] - v) <= Math.abs(xs[lo] - v) ? lo - 1 : lo;
          }
          function format(v) { return Number.isInteger(v) ? String(v) : String(+v.toPrecision(6)); }
          var overlay = document.createElementNS(NS, "g");
          overlay.setAttribute("class", "lrplot-hover");
          overlay.setAttribute("pointer-events", "none");
          overlay.style.display = "none";
          var rule = document.createElementNS(NS, "line");
          rule.setAttribute("stroke", "#888"); rule.setAttribute("stroke-width", "1");
          rule.setAttribute("shape-rendering", "crispEdges");
          rule.setAttribute("y1", top); rule.setAttribute("y2", bottom);
          overlay.appendChild(rule);
          var dots = columns.map(function (c) {
            var dot = document.createElementNS(NS, "circle");
            dot.setAttribute("r", "3.5"); dot.setAttribute("fill", c.color);
            dot.setAttribute("stroke", data.background); dot.setAttribute("stroke-width", "1.5");
            overlay.appendChild(dot);
            return dot;
          });
          svg.appendChild(overlay);
          function row(swatch, label, value) {
            var div = document.createElement("div"); div.className = "row";
            var s = document.createElement("span"); s.className = "swatch"; s.style.background = swatch;
            var l = document.createElement("span"); l.className = "label"; l.textContent = label;
            var v = document.createElement("span"); v.className = "value"; v.textContent = value;
            div.appendChild(s); div.appendChild(l); div.appendChild(v);
            return div;
          }
          function show(index, clientX, clientY) {
            if (index < 0 || index >= xs.length) return hide();
            current = index;
            var x = xs[index], px = toX(x);
            rule.setAttribute("x1", px); rule.setAttribute("x2", px);
            overlay.style.display = "";
            tip.textContent = "";
            var head = document.createElement("div"); head.className = "x";
            head.textContent = data.x.label + " " + format(x) +
              (data.secondary ? " \\u00b7 " + (data.secondary.label || "") + " " + format(x / data.secondary.divisor) : "");
            tip.appendChild(head);
            columns.forEach(function (c, i) {
              var text = c.values[index], shown = !hidden[c.key];
              var y = shown && text !== "" ? toY(panels[c.panel], parseFloat(text)) : null;
              dots[i].style.display = y === null ? "none" : "";
              if (y !== null) { dots[i].setAttribute("cx", px); dots[i].setAttribute("cy", y); }
              if (shown) tip.appendChild(row(c.color, c.label, text === "" ? "\\u2014" : text));
            });
            tip.hidden = false;
            if (clientX !== undefined) place(clientX, clientY);
          }
          function place(clientX, clientY) {
            var box = root.getBoundingClientRect(), w = tip.offsetWidth, h = tip.offsetHeight;
            var left = clientX - box.left + 14, y = clientY - box.top + 14;
            if (left + w > box.width) left = clientX - box.left - 14 - w;
            if (y + h > box.height) y = Math.max(0, clientY - box.top - 14 - h);
            tip.style.left = Math.max(0, left) + "px"; tip.style.top = y + "px";
          }
          function hide() { current = -1; overlay.style.display = "none"; tip.hidden = true; }
          function toSVG(e) {
            var pt = svg.createSVGPoint(); pt.x = e.clientX; pt.y = e.clientY;
            return pt.matrixTransform(svg.getScreenCTM().inverse());
          }
          svg.addEventListener("pointermove", function (e) {
            var p = toSVG(e);
            if (p.x < data.x.left || p.x > data.x.left + data.x.width || p.y < top || p.y > bottom || !xs.length) return hide();
            show(nearest(toData(p.x)), e.clientX, e.clientY);
          });
          svg.addEventListener("pointerleave", hide);
          function toggle(key) {
            hidden[key] = !hidden[key];
            root.querySelectorAll('g.series[data-key="' + key + '"]').forEach(function (g) {
              g.style.display = hidden[key] ? "none" : "";
            });
            root.querySelectorAll('g.legend-entry[data-key="' + key + '"]').forEach(function (g) {
              g.classList.toggle("off", !!hidden[key]);
              g.setAttribute("aria-pressed", String(!hidden[key]));
            });
            if (current >= 0) show(current);
          }
          root.querySelectorAll("g.legend-entry[data-key]").forEach(function (g) {
            var key = g.getAttribute("data-key");
            g.setAttribute("tabindex", "0"); g.setAttribute("role", "button"); g.setAttribute("aria-pressed", "true");
            g.addEventListener("click", function () { toggle(key); });
            g.addEventListener("keydown", function (e) {
              if (e.key === "Enter" || e.key === " ") { e.preventDefault(); toggle(key); }
            });
          });
        })();
        """
    }
}
