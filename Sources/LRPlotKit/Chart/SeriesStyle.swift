import Plot

/// The one series-style step of every chart: the colour, dash pattern and joins a schedule's
/// lines get, in every panel and with or without `"simulate"`.
struct SeriesStyle {
    /// Dash patterns cycled with the palette, so series stay apart in greyscale.
    static let dashCycle: [DashStyle] = [.solid, .dashed, .dotted, .dashDot]

    let theme: Theme

    /// The colour of schedule `index`: its own `"color"`, or the palette's, cycled.
    func color(of entry: ScheduleEntry, at index: Int) -> RGBColor {
        entry.color ?? theme.palette[index % max(theme.palette.count, 1)]
    }

    /// The dash of schedule `index`: its own `"dash"`, or the cycle that goes with the palette.
    func dash(of entry: ScheduleEntry, at index: Int) -> DashStyle {
        entry.dash ?? Self.dashCycle[index % Self.dashCycle.count]
    }

    /// Whether `values` are drawn as stairs: `"draw": "steps"`, or `"auto"` and at least half
    /// of the consecutive values equal (step decays, plateaus, per-epoch schedules).
    static func stairs(_ values: [Double], draw: DrawMode) -> Bool {
        switch draw {
        case .steps: return true
        case .lines: return false
        case .auto:
            guard values.count > 1 else { return false }
            var equal = 0
            for k in values.indices.dropFirst() where values[k] == values[k - 1] { equal += 1 }
            return 2 * equal >= values.count - 1
        }
    }

    /// A series of schedule `index` through `values` at steps `0 ..< values.count` (x divided
    /// by `divisor`: 1 for steps, steps per epoch for epochs). As stairs, the last value holds
    /// through its step, up to step N.
    func series(_ values: [Double], of entry: ScheduleEntry, at index: Int, stairs: Bool, divisor: Double,
                band: Band? = nil) -> Series {
        var xs = (0..<values.count).map { Double($0) / divisor }
        var ys = values
        if stairs, let last = values.last {
            xs.append(Double(values.count) / divisor)
            ys.append(last)
        }
        return Series(label: entry.label, xs: xs, ys: ys, color: color(of: entry, at: index),
                      dash: dash(of: entry, at: index), drawStyle: stairs ? .stepsPost : .linear, band: band)
    }

    /// A series of schedule `index` through given points (x already in axis units).
    func series(xs: [Double], ys: [Double], of entry: ScheduleEntry, at index: Int, band: Band? = nil) -> Series {
        Series(label: entry.label, xs: xs, ys: ys, color: color(of: entry, at: index),
               dash: dash(of: entry, at: index), drawStyle: .linear, band: band)
    }
}
