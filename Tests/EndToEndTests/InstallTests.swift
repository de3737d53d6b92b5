import Foundation
import Testing
import TestSupport

/// `make install` puts a self-contained binary, completions and the man page under PREFIX;
/// the installed binary, copied elsewhere, still simulates digits (the data is compiled in);
/// `make uninstall` removes it all. The test installs the debug build (`make install-files
/// BIN=…`), which is the same program; `make install` builds the release one first.
@Suite struct InstallTests {
    static let root = PackagePaths.root()

    func temporary(_ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("lrplot-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func make(_ arguments: [String]) throws -> ProcessResult {
        try ProcessResult.run(URL(fileURLWithPath: "/usr/bin/env"), ["make", "--no-print-directory"] + arguments, in: Self.root)
    }

    @Test func installsRunsFromACopyAndUninstalls() throws {
        let exe = try #require(PackagePaths.executable(), "build the lrplot executable first (swift build)")
        let prefix = try temporary("prefix")
        let elsewhere = try temporary("copy")
        defer {
            try? FileManager.default.removeItem(at: prefix)
            try? FileManager.default.removeItem(at: elsewhere)
        }
        let install = try make(["install-files", "BIN=\(exe.path)", "PREFIX=\(prefix.path)"])
        #expect(install.status == 0, "\(install.stderr)")
        let files = [
            "bin/lrplot", "share/man/man1/lrplot.1", "share/bash-completion/completions/lrplot",
            "share/zsh/site-functions/_lrplot", "share/fish/vendor_completions.d/lrplot.fish",
        ]
        for file in files {
            #expect(FileManager.default.fileExists(atPath: prefix.appendingPathComponent(file).path), "\(file) not installed")
        }
        func text(_ file: String) -> String {
            (try? String(contentsOf: prefix.appendingPathComponent(file), encoding: .utf8)) ?? ""
        }
        #expect(text("share/bash-completion/completions/lrplot").contains("complete -o filenames -F _lrplot lrplot")
                || text("share/bash-completion/completions/lrplot").contains("-F _lrplot"))
        #expect(text("share/zsh/site-functions/_lrplot").hasPrefix("#compdef lrplot"))
        #expect(text("share/fish/vendor_completions.d/lrplot.fish").contains("complete -c 'lrplot'"))
        // Completions know the subcommands, and the type names for describe.
        #expect(text("share/bash-completion/completions/lrplot").contains("describe"))
        #expect(text("share/fish/vendor_completions.d/lrplot.fish").contains("torch.OneCycleLR"))

        // The installed binary, copied on its own to a directory with nothing else in it.
        let copy = elsewhere.appendingPathComponent("lrplot")
        try FileManager.default.copyItem(at: prefix.appendingPathComponent("bin/lrplot"), to: copy)
        try Data(#"""
            {"steps": 40, "simulate": {"optimizer": {"type": "torch.SGD", "lr": 0.5}, "problem": "digits", "model": "linear"},
             "schedules": [{"type": "constant", "lr": 0.5}]}
            """#.utf8).write(to: elsewhere.appendingPathComponent("digits.json"))
        let version = try ProcessResult.run(copy, ["--version"], in: elsewhere)
        #expect(version.status == 0 && version.stdout.hasPrefix("0."))
        let simulate = try ProcessResult.run(copy, ["simulate", "digits.json"], in: elsewhere)
        #expect(simulate.status == 0, "\(simulate.stderr)")
        #expect(simulate.stdout.split(separator: "\n").count == 41)
        let chart = try ProcessResult.run(copy, ["digits.json", "-o", "digits.svg"], in: elsewhere)
        #expect(chart.status == 0, "\(chart.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path).sorted() == ["digits.json", "digits.svg", "lrplot"])

        let uninstall = try make(["uninstall", "PREFIX=\(prefix.path)"])
        #expect(uninstall.status == 0, "\(uninstall.stderr)")
        for file in files {
            #expect(!FileManager.default.fileExists(atPath: prefix.appendingPathComponent(file).path), "\(file) left behind")
        }
    }

    /// The committed man page (`make man`) names every subcommand and option the binary has.
    @Test func theManPageIsCurrent() throws {
        let exe = try #require(PackagePaths.executable())
        let dump = try ProcessResult.run(exe, ["--experimental-dump-help"])
        let page = try String(contentsOf: Self.root.appendingPathComponent("man/lrplot.1"), encoding: .utf8)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(dump.stdout.utf8)) as? [String: Any])
        var missing: [String] = []
        func visit(_ command: [String: Any]) {
            if let name = command["commandName"] as? String, name != "help", !page.contains(name) { missing.append(name) }
            for argument in command["arguments"] as? [[String: Any]] ?? [] {
                for name in argument["names"] as? [[String: Any]] ?? [] {
                    guard let word = name["name"] as? String, (name["kind"] as? String) == "long" else { continue }
                    // `Fl -format`, or `Fl o , -output` for an option with a short name too.
                    if !page.contains("Fl -\(word)") && !page.contains(", -\(word)") {
                        missing.append("--\(word) of \(command["commandName"] ?? "")")
                    }
                }
            }
            for sub in command["subcommands"] as? [[String: Any]] ?? [] { visit(sub) }
        }
        visit(try #require(document["command"] as? [String: Any]))
        #expect(missing.isEmpty, "man/lrplot.1 is stale (run `make man`): lacks \(missing)")
    }
}
