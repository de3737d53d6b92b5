import ScheduleCore

/// The optimizer of a simulation, decoded from an object such as
/// `{"type": "torch.Adam", "lr": 0.01, "betas": [0.9, 0.99]}`.
///
/// Types: `torch.SGD`, `torch.Adam`, `torch.AdamW`, `torch.RMSprop`, `torch.Adagrad`, with
/// torch's parameter names and defaults (see each optimizer type).
public enum OptimizerSpec: Sendable, Equatable {
    case sgd(SGD)
    case adam(Adam)
    case adamW(Adam)
    case rmsprop(RMSprop)
    case adagrad(Adagrad)

    /// Every accepted type name, in listing order.
    public static let typeNames = ["torch.SGD", "torch.Adam", "torch.AdamW", "torch.RMSprop", "torch.Adagrad"]

    /// A fresh optimizer (no state yet), ready for its first step.
    public var optimizer: any Optimizer {
        switch self {
        case .sgd(let o): return o
        case .adam(let o), .adamW(let o): return o
        case .rmsprop(let o): return o
        case .adagrad(let o): return o
        }
    }

    /// The torch name, e.g. `torch.AdamW`.
    public var typeName: String { optimizer.typeName }

    /// The optimizer's `lr`: the initial learning rate of schedules that give none of their own.
    public var learningRate: Double { optimizer.learningRate }

    /// Values a schedule built for this optimizer inherits when it does not give them:
    /// `["lr": lr]`, as a torch scheduler starts from the optimizer's lr. Pass to
    /// `ScheduleCatalog.make(_:path:inherited:)`.
    public var inheritedScheduleValues: [String: JSONValue] { ["lr": .number(learningRate)] }

    /// The declared parameters of optimizer type `typeName`, if it is one.
    public static func parameters(of typeName: String) -> [ParameterSpec]? {
        switch typeName {
        case "torch.SGD": return SGD.parameters
        case "torch.Adam": return Adam.parameters(decoupled: false)
        case "torch.AdamW": return Adam.parameters(decoupled: true)
        case "torch.RMSprop": return RMSprop.parameters
        case "torch.Adagrad": return Adagrad.parameters
        default: return nil
        }
    }

    /// Decodes an optimizer object.
    ///
    /// - Parameter path: the object's JSON path, e.g. `simulate.optimizer`; errors name the
    ///   offending key below it (`simulate.optimizer.betas`) and suggest close names for
    ///   unknown types and keys.
    public static func decode(_ value: JSONValue, path: String) throws(ScheduleError) -> OptimizerSpec {
        guard case .object(let members) = value else {
            throw ScheduleError(path: path, "expected an optimizer object like {\"type\": \"torch.SGD\", \"lr\": 0.1}, found \(value.kindDescription)")
        }
        let typePath = path.isEmpty ? "type" : "\(path).type"
        guard let typeValue = value["type"] else {
            throw ScheduleError(path: path, "missing \"type\" (one of \(typeNames.map { "\"\($0)\"" }.joined(separator: ", ")))")
        }
        guard case .string(let typeName) = typeValue else {
            throw ScheduleError(path: typePath, "expected an optimizer type name (a string), found \(typeValue.kindDescription)")
        }
        guard let specs = parameters(of: typeName) else {
            var message = "unknown optimizer type \"\(typeName)\""
            let tails = typeNames.map { String($0.dropFirst("torch.".count)) }
            if let close = Suggestion.closest(to: typeName, in: typeNames) {
                message += "; did you mean \"\(close)\"?"
            } else if let close = Suggestion.closest(to: String(typeName.split(separator: ".").last ?? ""), in: tails) {
                message += "; did you mean \"torch.\(close)\"?"
            }
            message += " (expected one of \(typeNames.map { "\"\($0)\"" }.joined(separator: ", ")))"
            throw ScheduleError(path: typePath, message)
        }
        do {
            let p = try Parameters(validating: members, typeName: typeName, path: path, specs: specs, ignoring: ["type"])
            switch typeName {
            case "torch.SGD": return .sgd(try SGD(p))
            case "torch.Adam": return .adam(try Adam(p, decoupled: false))
            case "torch.AdamW": return .adamW(try Adam(p, decoupled: true))
            case "torch.RMSprop": return .rmsprop(try RMSprop(p))
            default: return .adagrad(try Adagrad(p))
            }
        } catch let error as ScheduleError {
            throw error
        } catch {
            throw ScheduleError(path: path, "\(error)")
        }
    }
}
