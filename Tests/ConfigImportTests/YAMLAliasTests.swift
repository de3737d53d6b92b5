import Testing
@testable import ConfigImport

/// YAML aliases: the ones configs use (a learning rate written once, `<<: *defaults`) are read;
/// aliases of aliases that would expand past the document's own size ("billion laughs") are
/// refused at once instead of taking gigabytes.
@Suite struct YAMLAliasTests {
    @Test func aliasesInConfigsAreRead() throws {
        let text = "base: &lr 0.001\noptimizer: {lr: *lr}\nsched: &s [1, 2, 3]\nagain: *s\n"
        let document = try ConfigDocument.parseYAML(text, file: "x.yaml")
        #expect(document.json["optimizer"]?["lr"] == .number(0.001))
        #expect(document.json["again"] == .array([.integer(1), .integer(2), .integer(3)]))
    }

    @Test func aliasesOfAliasesPastTheDocumentsSizeAreRefused() throws {
        // Nine levels of ten aliases: 10⁹ values from a document of 400 bytes (a new user's
        // trial: 3.26 GB and no answer in 30 s before this limit).
        var lines = [#"a: &a ["x","x","x","x","x","x","x","x","x","x"]"#]
        var previous = "a"
        for name in ["b", "c", "d", "e", "f", "g", "h", "i"] {
            lines.append("\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ",") + "]")
            previous = name
        }
        let text = lines.joined(separator: "\n") + "\n"
        #expect(text.utf8.count < 500)
        #expect {
            try ConfigDocument.parseYAML(text, file: "lol.yaml")
        } throws: { error in
            guard let e = error as? ConfigImportError else { return false }
            return e.file == "lol.yaml" && e.problem.contains("expand to more than 100,000 values")
        }
        // Four levels (10⁴ values; 100,000 + 16 per byte are allowed) are read.
        let small = lines.prefix(4).joined(separator: "\n") + "\n"
        let document = try ConfigDocument.parseYAML(small, file: "ok.yaml")
        guard case .array(let d)? = document.json["d"] else { Issue.record("no d"); return }
        #expect(d.count == 10)
    }
}
