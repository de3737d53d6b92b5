/// A fixed-capacity byte buffer that text is written into through a pointer, for the CSV
/// writer's hot loop (no `Array` bookkeeping per byte).
///
/// A value type owning raw memory: it is created and freed by its owner (``CSVPipeline``),
/// which makes sure every write fits, reserving ``reserve(_:)`` bytes before each row.
struct TextBuffer {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var capacity: Int
    /// The bytes written so far.
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
        base.initialize(repeating: 0, count: self.capacity)
    }

    /// Frees the memory; the buffer must not be used afterwards.
    func free() { base.deallocate() }

    /// The bytes written.
    var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }

    /// Forgets the bytes written, keeping the memory.
    mutating func removeAll() { count = 0 }

    /// Makes room for at least `n` more bytes, growing the memory if needed.
    mutating func reserve(_ n: Int) {
        guard count + n > capacity else { return }
        let grown = max(capacity * 2, count + n)
        let new = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
        new.initialize(repeating: 0, count: grown)
        new.update(from: base, count: count)
        base.deallocate()
        base = new
        capacity = grown
    }

    /// Where the next byte goes.
    @inline(__always) var end: UnsafeMutablePointer<UInt8> { base + count }

    /// Records `n` bytes written at ``end`` (within the room reserved).
    @inline(__always) mutating func advance(_ n: Int) { count &+= n }

    /// Appends one byte (within the room reserved).
    @inline(__always) mutating func append(_ byte: UInt8) {
        base[count] = byte
        count &+= 1
    }

    /// Appends the UTF-8 of `s`.
    mutating func append(_ s: String) {
        var s = s
        s.withUTF8 { utf8 in
            reserve(utf8.count)
            if let source = utf8.baseAddress { end.update(from: source, count: utf8.count) }
            count += utf8.count
        }
    }
}
