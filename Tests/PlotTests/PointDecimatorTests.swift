import Foundation
import Testing
@testable import Plot

@Suite("Point thinning")
struct PointDecimatorTests {
    @Test func sparsePointsAreKeptExactly() {
        var d = PointDecimator(deviceScale: 1, cellHeight: 1.25)
        let points = (0..<50).map { Point(x: 10 + 3.3 * Double($0), y: 40 + 17 * sin(Double($0))) }
        for p in points { d.add(p) }
        #expect(d.finish() == points.map(PointMark.init))
    }

    @Test func aDenseRunInAColumnIsOneCapsuleWithExactEndsAndGapsStay() {
        var d = PointDecimator(deviceScale: 2, cellHeight: 2)
        // Column 20 (x in [10, 10.5) at scale 2): a run from y = 30 to 40 in 0.1 px steps, then,
        // after a gap, one point at 60.
        for i in 0...100 { d.add(Point(x: 10.1 + 0.003 * Double(i), y: 30 + 0.1 * Double(i))) }
        d.add(Point(x: 10.4, y: 60))
        // Column 21: two points 0.2 px apart are one mark spanning both.
        d.add(Point(x: 10.6, y: 5))
        d.add(Point(x: 10.8, y: 5.2))
        let marks = d.finish()
        #expect(marks.count == 3)
        #expect(marks[0].top == 30 && abs(marks[0].bottom - 40) < 1e-9)
        #expect(abs(marks[0].x - 10.25) < 1e-9)
        #expect(marks[1] == PointMark(Point(x: 10.4, y: 60)))
        #expect(marks[2] == PointMark(x: 10.7, top: 5, bottom: 5.2))
    }

    /// A noisy cloud, thinned and checked point by point: every input point lies on a mark
    /// (no loss), and every part of a mark lies within half a radius of an input point of its
    /// column (nothing invented).
    @Test(arguments: [1.0, 2.0])
    func thinningNeitherLosesNorInvents(scale: Double) {
        let radius = 2.5
        var generator = XorShiftGenerator(seed: 7)
        func noise() -> Double { Double.random(in: -0.5..<0.5, using: &generator) }
        var points: [Point] = []
        for i in 0..<20_000 {
            let x = 5 + Double(i) * 0.01
            // A smooth curve with noise, and now and then an outlier far off.
            let y = 100 + 40 * sin(x / 30) + 6 * noise() + (i % 97 == 0 ? 60 * noise() : 0)
            points.append(Point(x: x, y: y))
        }
        var d = PointDecimator(deviceScale: scale, cellHeight: radius * scale / 2)
        for p in points { d.add(p) }
        let marks = d.finish()
        let column = { (x: Double) in Int((x * scale).rounded(.down)) }
        var byColumn: [Int: [PointMark]] = [:]
        for m in marks { byColumn[column(m.x), default: []].append(m) }
        var pointsByColumn: [Int: [Double]] = [:]
        for p in points { pointsByColumn[column(p.x), default: []].append(p.y) }
        // Far fewer marks than points, a few per column.
        #expect(marks.count < points.count / 10)
        #expect(Double(marks.count) <= 6 * Double(pointsByColumn.count), "\(marks.count) marks")
        for p in points {
            let covered = byColumn[column(p.x)]?.contains { $0.top <= p.y && p.y <= $0.bottom && abs($0.x - p.x) < 1 / scale } ?? false
            #expect(covered, "point \(p) has no mark")
        }
        let reach = radius / 2 + 1e-9
        for m in marks {
            let ys = pointsByColumn[column(m.x)] ?? []
            for y in stride(from: m.top, through: m.bottom, by: 0.1) {
                #expect(ys.contains { abs($0 - y) <= reach }, "mark \(m) reaches y = \(y) with no point near")
            }
        }
    }
}
