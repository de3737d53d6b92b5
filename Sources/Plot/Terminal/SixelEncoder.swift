/// Encodes an image as DEC sixel graphics: 256 colour registers (a 6 × 6 × 6 colour cube and
/// 40 greys, which keep antialiased text and lines smooth), run-length encoded, at 1:1
/// pixel aspect (raster attributes `"1;1;W;H`).
enum SixelEncoder {
    /// The register of an RGB colour: the nearest grey (216–255) for near-greys, else the
    /// nearest colour of the cube (0–215).
    static func register(_ r: Int, _ g: Int, _ b: Int) -> Int {
        if max(r, g, b) - min(r, g, b) < 12 {
            return 216 + min(39, ((r + g + b) * 39 + 382) / 765)
        }
        func level(_ v: Int) -> Int { (v * 5 + 127) / 255 }
        return 36 * level(r) + 6 * level(g) + level(b)
    }

    /// The colour of a register, in percent (what sixel's `#n;2;r;g;b` takes).
    static func percent(_ index: Int) -> (Int, Int, Int) {
        if index >= 216 {
            let v = ((index - 216) * 100 + 19) / 39
            return (v, v, v)
        }
        return (index / 36 * 20, index / 6 % 6 * 20, index % 6 * 20)
    }

    /// The sixel sequence of a `width × height` image of straight RGBA8 pixels (alpha
    /// composited over `background`).
    static func encode(width w: Int, height h: Int, rgba: [UInt8], background: RGBColor = RGBColor(r: 1, g: 1, b: 1)) -> String {
        var out = "\u{1B}P0;0;0q\"1;1;\(w);\(h)"
        // Registers of every pixel.
        var registers = [UInt8](repeating: 0, count: w * h)
        var used = [Bool](repeating: false, count: 256)
        let bg = (ANSIColor.byte(background.r), ANSIColor.byte(background.g), ANSIColor.byte(background.b))
        for i in 0..<(w * h) {
            let a = Int(rgba[4 * i + 3])
            func channel(_ c: Int, _ b: Int) -> Int { (Int(rgba[4 * i + c]) * a + b * (255 - a) + 127) / 255 }
            let reg = register(channel(0, bg.0), channel(1, bg.1), channel(2, bg.2))
            registers[i] = UInt8(reg)
            used[reg] = true
        }
        for reg in 0..<256 where used[reg] {
            let (r, g, b) = percent(reg)
            out += "#\(reg);2;\(r);\(g);\(b)"
        }
        var bits = [UInt8](repeating: 0, count: w)
        for top in stride(from: 0, to: h, by: 6) {
            var present = [Bool](repeating: false, count: 256)
            for y in top..<min(top + 6, h) {
                for x in 0..<w { present[Int(registers[y * w + x])] = true }
            }
            var firstColour = true
            for reg in 0..<256 where present[reg] {
                for x in 0..<w { bits[x] = 0 }
                for y in top..<min(top + 6, h) {
                    let bit = UInt8(1 << (y - top))
                    for x in 0..<w where Int(registers[y * w + x]) == reg { bits[x] |= bit }
                }
                if !firstColour { out += "$" }
                firstColour = false
                out += "#\(reg)"
                var x = 0
                while x < w {
                    var run = 1
                    while x + run < w && bits[x + run] == bits[x] { run += 1 }
                    let ch = String(UnicodeScalar(UInt8(63 + bits[x])))
                    out += run > 3 ? "!\(run)\(ch)" : String(repeating: ch, count: run)
                    x += run
                }
            }
            out += "-"
        }
        return out + "\u{1B}\\"
    }
}
