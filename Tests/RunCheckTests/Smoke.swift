import Testing
@testable import RunLogs
