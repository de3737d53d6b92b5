import Foundation
import TestSupport
import RunLogs
import ScheduleCore
@testable import RunCheck

/// A plan from the JSON text of a schedule object.
func plan(_ json: String, stepsPerEpoch: Int? = nil) throws -> CheckPlan {
    try CheckPlan(JSONParser.parse(json), stepsPerEpoch: stepsPerEpoch)
}

/// The plan recorded next to a generated fixture (its params.json "plan"), and the whole params.
func recorded(_ fixture: String, key: String = "plan") throws -> (CheckPlan, JSONValue) {
    let text = try String(contentsOfFile: RunFixtures.path("\(fixture)/params.json"), encoding: .utf8)
    let params = try JSONParser.parse(text)
    let spe: Int? = if case .integer(let n)? = params["steps_per_epoch"] { n } else { nil }
    return (try CheckPlan(params[key] ?? .null, stepsPerEpoch: spe), params)
}

func check(_ file: String, key: String? = nil, _ plan: CheckPlan, stepsPerEpoch: Int? = nil,
           conventions: [StepConvention]? = nil) throws -> CheckReport {
    var options = CheckOptions(stepsPerEpoch: stepsPerEpoch)
    options.conventions = conventions
    return try RunChecker.check(log: RunFixtures.path(file), key: key, against: plan, options: options)
}
