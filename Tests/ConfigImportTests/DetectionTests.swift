import Foundation
import Testing
@testable import ConfigImport
import ScheduleCore

/// Format detection from content.
@Suite struct DetectionTests {
    @Test func unknownDocumentSaysWhatIsExpected() {
        #expect(throws: ConfigImportError.self) { try ConfigImporter.importConfig(#"{"a": 1}"#, file: "x.json") }
    }
}
