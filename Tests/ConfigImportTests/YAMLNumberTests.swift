import Testing
@testable import ConfigImport

/// YAML 1.1 base-60 integers, as PyYAML reads them (`construct_yaml_int`): Yams' own
/// conversion traps on overflow (fuzz-render and fuzz-simulate both found it).
@Suite struct YAMLNumberTests {
    @Test func sexagesimalIntegersAsPyYAML() throws {
        // yaml.safe_load("a: 190:20:30") == {"a": 685230}; "1:30" is 90; the sign applies to all.
        let document = try ConfigDocument.parseYAML("a: 190:20:30\nb: 1:30\nc: -1:30\nd: 1_0:00\n", file: "x.yaml")
        #expect(document.json["a"] == .integer(685_230))
        #expect(document.json["b"] == .integer(90))
        #expect(document.json["c"] == .integer(-90))
        #expect(document.json["d"] == .integer(600))
    }

    @Test func sexagesimalOverflowIsANumberNotATrap() throws {
        // Python's int is unbounded: 999999999999999999 · 60 + 59 does not fit 64 bits.
        let document = try ConfigDocument.parseYAML("a: 999999999999999999:59\n", file: "x.yaml")
        #expect(document.json["a"] == .number(999_999_999_999_999_999.0 * 60 + 59))
    }
}
