import Foundation
import Testing
import ScheduleCore
import TestSupport

/// One generic schedule and its values computed independently in Python (`math` module, the
/// formulas as documented; see the type docs).
struct FormulaCase: Sendable, CustomStringConvertible {
    var name: String
    var spec: String
    var values: [Double]
    init(_ name: String, _ spec: String, _ values: [Double]) {
        self.name = name
        self.spec = spec
        self.values = values
    }
    var description: String { name }
}

/// Builds a schedule from a JSON spec through the standard catalog.
func makeSchedule(_ json: String) throws -> any Schedule {
    try ScheduleCatalog.standard.make(try JSONParser.parse(json), path: "")
}

/// The ``ScheduleError`` description building `json` throws, or `nil`.
func buildError(_ json: String) -> String? {
    do {
        _ = try makeSchedule(json)
        return nil
    } catch let e as ScheduleError {
        return e.description
    } catch {
        return "\(error)"
    }
}

@Suite struct GenericFormulaTests {
    static let formulaCases: [FormulaCase] = [
        FormulaCase("step", #"{"type": "step", "lr": 0.1, "step_size": 3, "gamma": 0.5}"#, [0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.025, 0.025, 0.025, 0.0125]),
        FormulaCase("step default gamma", #"{"type": "step", "lr": 2, "step_size": 4}"#, [2.0, 2.0, 2.0, 2.0, 0.2, 0.2, 0.2, 0.2, 0.020000000000000004, 0.020000000000000004, 0.020000000000000004, 0.020000000000000004, 0.0020000000000000005]),
        FormulaCase("multistep", #"{"type": "multistep", "lr": 0.3, "milestones": [2, 5, 6], "gamma": 0.2}"#, [0.3, 0.3, 0.06, 0.06, 0.06, 0.012000000000000002, 0.0024000000000000007, 0.0024000000000000007, 0.0024000000000000007]),
        FormulaCase("exponential", #"{"type": "exponential", "lr": 0.05, "gamma": 0.93}"#, [0.05, 0.04650000000000001, 0.043245000000000006, 0.040217850000000006, 0.037402600500000015, 0.034784418465000015, 0.03234950917245001, 0.030085043530378514, 0.02797909048325202, 0.02602055414942438, 0.02419911535896467, 0.02250517728383715]),
        FormulaCase("time_based", #"{"type": "time_based", "lr": 0.2, "decay": 0.35}"#, [0.2, 0.14814814814814814, 0.11764705882352942, 0.09756097560975611, 0.08333333333333334, 0.07272727272727274, 0.06451612903225808, 0.05797101449275363]),
        FormulaCase("time_based decay_steps", #"{"type": "time_based", "lr": 0.2, "decay": 0.5, "decay_steps": 3}"#, [0.2, 0.17142857142857143, 0.15000000000000002, 0.13333333333333333, 0.12000000000000002, 0.10909090909090909, 0.1, 0.0923076923076923]),
        FormulaCase("time_based staircase", #"{"type": "time_based", "lr": 0.2, "decay": 0.5, "decay_steps": 3, "staircase": true}"#, [0.2, 0.2, 0.2, 0.13333333333333333, 0.13333333333333333, 0.13333333333333333, 0.1, 0.1]),
        FormulaCase("linear", #"{"type": "linear", "lr": 0.1, "end_lr": 0.01, "total_steps": 7}"#, [0.1, 0.08714285714285715, 0.07428571428571429, 0.06142857142857143, 0.04857142857142857, 0.03571428571428571, 0.022857142857142854, 0.01, 0.01, 0.01]),
        FormulaCase("polynomial", #"{"type": "polynomial", "lr": 0.1, "end_lr": 0.001, "total_steps": 6, "power": 2.5}"#, [0.1, 0.06375987638080029, 0.03692584956081996, 0.018500892834367053, 0.007350852961085886, 0.0021226827987756228, 0.001, 0.001, 0.001]),
        FormulaCase("polynomial sqrt", #"{"type": "polynomial", "lr": 1, "total_steps": 5, "power": 0.5}"#, [1.0, 0.8944271909999159, 0.7745966692414834, 0.6324555320336759, 0.44721359549995787, 0.0, 0.0]),
        FormulaCase("cosine", #"{"type": "cosine", "lr": 0.1, "min_lr": 0.002, "total_steps": 8}"#, [0.1, 0.09627009709305305, 0.08564823227814083, 0.0697514881858894, 0.051000000000000004, 0.032248511814110606, 0.016351767721859173, 0.00572990290694695, 0.002, 0.002, 0.002]),
        FormulaCase("cosine_restarts", #"{"type": "cosine_restarts", "lr": 0.1, "period": 4}"#, [0.1, 0.08535533905932738, 0.05, 0.014644660940672627, 0.1, 0.08535533905932738, 0.05, 0.014644660940672627, 0.1, 0.08535533905932738, 0.05, 0.014644660940672627, 0.1]),
        FormulaCase("cosine_restarts t_mult decay", #"{"type": "cosine_restarts", "lr": 0.1, "period": 3, "t_mult": 2, "decay": 0.5, "min_lr": 0.001}"#, [0.1, 0.07525000000000001, 0.025750000000000012, 0.05, 0.046717622392718754, 0.037750000000000006, 0.025500000000000002, 0.013250000000000005, 0.004282377607281252, 0.025, 0.02459110991546882, 0.023392304845413266, 0.02148528137423857, 0.019000000000000003, 0.01610582854123025, 0.013000000000000001, 0.009894171458769752, 0.007000000000000003, 0.0045147186257614305, 0.0026076951545867355, 0.0014088900845311816, 0.0125, 0.01245080795289941, 0.012304073501162142, 0.012062307311939899]),
        FormulaCase("cosine_restarts fractional t_mult", #"{"type": "cosine_restarts", "lr": 1, "period": 4, "t_mult": 1.5}"#, [1.0, 0.8535533905932737, 0.5, 0.14644660940672627, 1.0, 0.9330127018922194, 0.75, 0.5, 0.2500000000000001, 0.06698729810778065, 1.0, 0.9698463103929542, 0.883022221559489, 0.75, 0.5868240888334653, 0.41317591116653485, 0.2500000000000001, 0.11697777844051105, 0.03015368960704584, 1.0, 0.9865224352899119, 0.9468163201617061, 0.883022221559489, 0.7985792958513931, 0.6980398830195784, 0.5868240888334653, 0.4709275855447621, 0.356598383644455, 0.2500000000000001, 0.15687918106563326, 0.08225609429353187, 0.03015368960704584, 0.0033808211290284884, 0.998496470583896, 0.9865224352899119, 0.9628619846344453]),
        FormulaCase("cosine_restarts peak below min_lr", #"{"type": "cosine_restarts", "lr": 0.1, "period": 2, "decay": 0.1, "min_lr": 0.05}"#, [0.1, 0.07500000000000001, 0.05, 0.05, 0.05, 0.05, 0.05]),
        FormulaCase("inverse_sqrt d_model", #"{"type": "inverse_sqrt", "d_model": 512, "warmup_steps": 4, "scale": 2}"#, [0.011048543456039806, 0.02209708691207961, 0.03314563036811942, 0.04419417382415922, 0.03952847075210474, 0.036084391824351615, 0.03340765523905305, 0.03125000000000001, 0.02946278254943948, 0.027950849718747374]),
        FormulaCase("inverse_sqrt lr", #"{"type": "inverse_sqrt", "lr": 0.01, "warmup_steps": 5}"#, [0.002, 0.004, 0.006, 0.008, 0.01, 0.00912870929175277, 0.008451542547285166, 0.00790569415042095, 0.007453559924999299, 0.007071067811865476, 0.00674199862463242, 0.006454972243679028]),
        FormulaCase("wsd fraction linear", #"{"type": "wsd", "lr": 0.1, "total_steps": 20, "warmup_steps": 3, "decay_fraction": 0.25}"#, [0.0, 0.03333333333333333, 0.06666666666666667, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.08000000000000002, 0.06, 0.04000000000000001, 0.019999999999999997, 0.0, 0.0, 0.0]),
        FormulaCase("wsd default fraction cosine", #"{"type": "wsd", "lr": 0.1, "total_steps": 15, "warmup_steps": 2, "decay_shape": "cosine", "min_lr": 0.01}"#, [0.0, 0.05, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.05500000000000001, 0.01, 0.01]),
        FormulaCase("wsd stable+decay sqrt", #"{"type": "wsd", "lr": 0.1, "warmup_steps": 2, "stable_steps": 4, "decay_steps": 4, "decay_shape": "sqrt"}"#, [0.0, 0.05, 0.1, 0.1, 0.1, 0.1, 0.1, 0.05, 0.029289321881345243, 0.01339745962155614, 0.0, 0.0]),
        FormulaCase("rex", #"{"type": "rex", "lr": 0.1, "min_lr": 0.001, "total_steps": 10}"#, [0.1, 0.09478947368421055, 0.08900000000000001, 0.08252941176470589, 0.07525, 0.067, 0.05757142857142858, 0.0466923076923077, 0.034, 0.018999999999999996, 0.001, 0.001, 0.001]),
        FormulaCase("tanh", #"{"type": "tanh", "lr": 0.1, "total_steps": 10}"#, [0.09999938558253979, 0.09999628310628972, 0.09997751832297669, 0.09986414800495712, 0.09918374288468401, 0.09525741268224333, 0.07685247834990176, 0.03543436937742046, 0.008317269649392235, 0.0014774031693273071, 0.0002472623156634768, 0.0002472623156634768, 0.0002472623156634768]),
        FormulaCase("tanh bounds", #"{"type": "tanh", "lr": 0.1, "min_lr": 0.01, "total_steps": 6, "lower": -3, "upper": 2}"#, [0.09977746391590288, 0.09883416452223738, 0.09415277477842024, 0.07579527207670045, 0.04053192681107645, 0.017955970948635255, 0.01161875889658824, 0.01161875889658824]),
        FormulaCase("piecewise step", #"{"type": "piecewise", "knots": [[2, 0.1], [5, 0.4], [9, 0.05]], "interpolation": "step"}"#, [0.1, 0.1, 0.1, 0.1, 0.1, 0.4, 0.4, 0.4, 0.4, 0.05, 0.05, 0.05]),
        FormulaCase("piecewise linear", #"{"type": "piecewise", "knots": [[2, 0.1], [5, 0.4], [9, 0.05]], "interpolation": "linear"}"#, [0.1, 0.1, 0.1, 0.2, 0.30000000000000004, 0.4, 0.3125, 0.225, 0.1375, 0.05, 0.05, 0.05]),
        FormulaCase("piecewise cosine", #"{"type": "piecewise", "knots": [[2, 0.1], [5, 0.4], [9, 0.05]], "interpolation": "cosine"}"#, [0.1, 0.1, 0.1, 0.175, 0.325, 0.4, 0.34874368670764583, 0.22500000000000003, 0.10125631329235418, 0.05, 0.05, 0.05]),
        FormulaCase("cyclic triangular", #"{"type": "cyclic", "base_lr": 0.01, "max_lr": 0.1, "step_size_up": 3, "step_size_down": 5}"#, [0.01, 0.04, 0.07, 0.1, 0.082, 0.064, 0.046000000000000006, 0.028000000000000004, 0.01, 0.04, 0.07, 0.1, 0.082, 0.064, 0.046000000000000006, 0.028000000000000004, 0.01, 0.04, 0.07, 0.1]),
        FormulaCase("cyclic triangular2", #"{"type": "cyclic", "base_lr": 0.01, "max_lr": 0.1, "step_size_up": 4, "mode": "triangular2"}"#, [0.01, 0.0325, 0.05500000000000001, 0.0775, 0.1, 0.0775, 0.05500000000000001, 0.0325, 0.01, 0.02125, 0.0325, 0.043750000000000004, 0.05500000000000001, 0.043750000000000004, 0.0325, 0.02125, 0.01, 0.015625, 0.02125, 0.026875000000000003, 0.0325, 0.026875000000000003, 0.02125, 0.015625, 0.01, 0.012812500000000001]),
        FormulaCase("one_cycle cos", #"{"type": "one_cycle", "max_lr": 0.5, "total_steps": 20}"#, [0.020000000000000018, 0.06583592135001265, 0.18583592135001265, 0.3341640786499874, 0.45416407864998737, 0.5, 0.49373200311754367, 0.47524231600673683, 0.445458088785525, 0.40587282697488153, 0.3584715008956504, 0.30563101096814466, 0.250001, 0.19437098903185537, 0.14153049910434962, 0.09412917302511849, 0.05454391121447502, 0.024759683993263143, 0.006269996882456277, 2e-06, 2e-06, 2e-06, 2e-06, 2e-06]),
        FormulaCase("one_cycle linear three_phase", #"{"type": "one_cycle", "max_lr": 0.5, "total_steps": 21, "pct_start": 0.25, "anneal": "linear", "three_phase": true, "div_factor": 10, "final_div_factor": 100}"#, [0.05, 0.15588235294117647, 0.26176470588235295, 0.36764705882352944, 0.47352941176470587, 0.42058823529411765, 0.31470588235294117, 0.20882352941176469, 0.10294117647058826, 0.04784782608695652, 0.043543478260869566, 0.03923913043478261, 0.034934782608695654, 0.030630434782608698, 0.02632608695652174, 0.022021739130434786, 0.017717391304347824, 0.013413043478260875, 0.009108695652173912, 0.004804347826086963, 0.0005, 0.0005, 0.0005, 0.0005]),
        FormulaCase("warmup linear", #"{"type": "warmup", "warmup_steps": 4, "schedule": {"type": "cosine", "lr": 0.1, "total_steps": 10}}"#, [0.0, 0.025, 0.05, 0.07500000000000001, 0.1, 0.09755282581475769, 0.09045084971874738, 0.07938926261462366, 0.06545084971874737, 0.05, 0.03454915028125263, 0.02061073738537635, 0.009549150281252633, 0.0024471741852423235, 0.0, 0.0]),
        FormulaCase("warmup cosine start_lr inherit lr", #"{"type": "warmup", "lr": 0.1, "warmup_steps": 5, "warmup": "cosine", "start_lr": 0.02, "schedule": {"type": "cosine", "total_steps": 10}}"#, [0.02, 0.027639320225002102, 0.0476393202250021, 0.0723606797749979, 0.0923606797749979, 0.1, 0.09755282581475769, 0.09045084971874738, 0.07938926261462366, 0.06545084971874737, 0.05, 0.03454915028125263, 0.02061073738537635, 0.009549150281252633, 0.0024471741852423235, 0.0, 0.0]),
        FormulaCase("warmup exponential start_factor", #"{"type": "warmup", "warmup_steps": 6, "warmup": "exponential", "start_factor": 0.01, "schedule": {"type": "cosine", "lr": 0.1, "total_steps": 10}}"#, [0.001, 0.002154434690031884, 0.004641588833612778, 0.01, 0.021544346900318832, 0.0464158883361278, 0.1, 0.09755282581475769, 0.09045084971874738, 0.07938926261462366, 0.06545084971874737, 0.05, 0.03454915028125263, 0.02061073738537635, 0.009549150281252633, 0.0024471741852423235, 0.0, 0.0]),
        FormulaCase("warmup constant", #"{"type": "warmup", "warmup_steps": 3, "warmup": "constant", "start_factor": 0.1, "schedule": {"type": "cosine", "lr": 0.1, "total_steps": 10}}"#, [0.010000000000000002, 0.010000000000000002, 0.010000000000000002, 0.1, 0.09755282581475769, 0.09045084971874738, 0.07938926261462366, 0.06545084971874737, 0.05, 0.03454915028125263, 0.02061073738537635, 0.009549150281252633, 0.0024471741852423235, 0.0, 0.0]),
        FormulaCase("warmup global", #"{"type": "warmup", "warmup_steps": 4, "child_steps": "global", "schedule": {"type": "cosine", "lr": 0.1, "total_steps": 10}}"#, [0.0, 0.016362712429686843, 0.032725424859373686, 0.04908813728906053, 0.06545084971874737, 0.05, 0.03454915028125263, 0.02061073738537635, 0.009549150281252633, 0.0024471741852423235, 0.0, 0.0]),
        FormulaCase("warmup = transformers cosine", #"{"type": "warmup", "warmup_steps": 3, "schedule": {"type": "cosine", "lr": 0.1, "total_steps": 10}}"#, [0.0, 0.03333333333333333, 0.06666666666666667, 0.1, 0.09755282581475769, 0.09045084971874738, 0.07938926261462366, 0.06545084971874737, 0.05, 0.03454915028125263, 0.02061073738537635, 0.009549150281252633, 0.0024471741852423235]),
        FormulaCase("sequence", #"{"type": "sequence", "schedules": [{"type": "step", "lr": 0.1, "step_size": 2, "gamma": 0.5}, {"type": "linear", "lr": 0.05, "total_steps": 4}, {"type": "constant", "lr": 0.003}], "boundaries": [5, 8]}"#, [0.1, 0.1, 0.05, 0.05, 0.025, 0.05, 0.037500000000000006, 0.025, 0.003, 0.003, 0.003, 0.003]),
        FormulaCase("product", #"{"type": "product", "schedules": [{"type": "exponential", "lr": 0.2, "gamma": 0.9}, {"type": "cosine", "lr": 1, "total_steps": 6}]}"#, [0.2, 0.16794228634059952, 0.12150000000000002, 0.0729, 0.032805000000000015, 0.00791106593193268, 0.0, 0.0, 0.0]),
    ]

    @Test(arguments: formulaCases)
    func matchesFormula(_ c: FormulaCase) throws {
        let schedule = try makeSchedule(c.spec)
        let series = try schedule.evaluate(steps: c.values.count)
        #expect(series.stop == nil)
        let mismatch = Closeness.firstMismatch(series.learningRates, c.values, relative: 1e-12)
        #expect(mismatch == nil, "\(c.name): \(mismatch ?? "")")
        // Every one of these is closed-form and its closed form agrees with the walk.
        let closed = try #require(schedule as? any ClosedFormSchedule, "\(c.name) should be closed-form")
        let direct = (0..<c.values.count).map { closed.value(at: $0) }
        #expect(Closeness.firstMismatch(direct, c.values, relative: 1e-12) == nil, "\(c.name)")
    }

    @Test func everyTypeIsRegistered() {
        let names = GenericTypes.all.map(\.name)
        for name in ["constant", "step", "multistep", "exponential", "time_based", "linear", "polynomial", "cosine",
                     "cosine_restarts", "cyclic", "one_cycle", "plateau", "inverse_sqrt", "wsd", "rex", "tanh",
                     "piecewise", "expr", "warmup", "sequence", "product"] {
            #expect(names.contains(name), "\(name) missing")
        }
        #expect(Set(names).count == names.count)
    }
}
