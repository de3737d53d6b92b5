extension ChartLayout {
    /// The densest breaks, from a target count down to 2, whose labels do not overlap.
    ///
    /// Target counts (what Extended Wilkinson aims for, similar to matplotlib's density), with
    /// `L` the axis length over the text scale (so small fonts get the density of large
    /// charts): vertical axes shorter than 200 px `max(3, L/40)`, else `L/55` clamped to
    /// 5...8; horizontal axes `L/110` clamped to 3...7.
    static func fittedTicks(
        scale: any PlotScale, length: Double, measurer: any TextMeasurer, vertical: Bool,
        metrics: LayoutMetrics = .standard
    ) -> TickSet {
        let l = length / metrics.textScale
        let start: Int
        if vertical {
            start = l < 200 ? max(3, Int(min(l / 40, 1e6))) : min(8, max(5, Int(min(l / 55, 1e6))))
        } else {
            start = min(7, max(3, Int(min(l / 110, 1e6))))
        }
        var fallback: TickSet?
        for target in stride(from: start, through: 2, by: -1) {
            let set = scale.ticks(target: target)
            if fallback == nil { fallback = set }
            if labelsFit(set, scale: scale, length: length, measurer: measurer, vertical: vertical, metrics: metrics) {
                return set
            }
            fallback = set
        }
        return fallback ?? TickSet(major: [])
    }

    static func labelsFit(
        _ set: TickSet, scale: any PlotScale, length: Double, measurer: any TextMeasurer,
        vertical: Bool, metrics: LayoutMetrics = .standard
    ) -> Bool {
        var previousEnd = -Double.infinity
        for tick in set.major {
            guard let label = tick.label, let f = scale.fraction(of: tick.value) else { continue }
            let m = PlacedText(
                label, style: metrics.tickLabel, role: .tick, measurer: measurer, typesetExponent: true
            ).metrics
            let center = f * length
            let half = vertical ? m.capHeight / 2 + 2 * metrics.textScale : m.width / 2
            let gap = vertical ? metrics.yLabelSpacing : metrics.xLabelSpacing
            if center - half < previousEnd + gap { return false }
            previousEnd = center + half
        }
        return true
    }
}
