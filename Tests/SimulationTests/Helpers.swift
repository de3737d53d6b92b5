import ScheduleCore
import Simulation

/// Parses JSON text written in a test.
func json(_ text: String) throws -> JSONValue { try JSONParser.parse(text) }

/// Decodes a `"simulate"` object and builds `schedule` for it, then runs `steps` steps.
func run(_ simulateJSON: String, schedule: String, steps: Int) throws -> SimulationRun {
    let spec = try SimulationSpec.decode(try json(simulateJSON), path: "simulate")
    let built = try spec.makeSchedule(try json(schedule), path: "schedules[0]")
    return try simulate(schedule: built, spec: spec, steps: steps)
}
