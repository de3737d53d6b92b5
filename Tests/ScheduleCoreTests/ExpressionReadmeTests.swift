import Foundation
import Testing
@testable import ScheduleCore
import TestSupport

/// The README's list of what an expression may call is exactly what the parser accepts.
@Suite struct ExpressionReadmeTests {
    /// The names in backticks in the two bullets of the README's "Expressions" section that
    /// list functions and constants.
    static func readmeNames() throws -> Set<String> {
        let readme = try String(contentsOf: PackagePaths.root().appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(readme.components(separatedBy: "### Expressions").dropFirst().first)
            .components(separatedBy: "For example").first ?? ""
        let bullets = section.components(separatedBy: "\n- ").filter { $0.hasPrefix("`math.`") || $0.hasPrefix("the builtins") }
        #expect(bullets.count == 2, "the README's function bullets moved")
        var names = Set<String>()
        for bullet in bullets {
            let parts = bullet.components(separatedBy: "`")
            for (i, part) in parts.enumerated() where i % 2 == 1 {
                let name = part.hasPrefix("math.") ? String(part.dropFirst(5)) : part
                if !name.isEmpty && name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) { names.insert(name) }
            }
        }
        return names
    }

    /// What the parser knows: every function (with or without `math.`), constant and `True`/`False`.
    static var parserNames: Set<String> {
        Set(ExpressionFunction.allCases.map { $0 == .mathPow ? "pow" : $0.rawValue })
            .union(ExpressionFunction.constants.keys).union(["True", "False"])
    }

    @Test func listsExactlyWhatTheParserAccepts() throws {
        let listed = try Self.readmeNames()
        #expect(listed.subtracting(Self.parserNames).isEmpty, "README lists unknown names: \(listed.subtracting(Self.parserNames).sorted())")
        #expect(Self.parserNames.subtracting(listed).isEmpty, "README misses: \(Self.parserNames.subtracting(listed).sorted())")
    }

    @Test func everyListedNameParses() throws {
        for name in try Self.readmeNames() {
            let text: String
            if ExpressionFunction.constants[name] != nil || name == "True" || name == "False" {
                text = name
            } else if let f = ExpressionFunction(rawValue: name) ?? (name == "pow" ? .pow : nil) {
                text = "\(name)(" + Array(repeating: "0.5", count: f.arity.lowerBound).joined(separator: ", ") + ")"
            } else {
                Issue.record("\(name) is neither a function nor a constant")
                continue
            }
            #expect(throws: Never.self, "\(text)") { _ = try Expression(parsing: text, variables: ["epoch"]) }
        }
    }
}
