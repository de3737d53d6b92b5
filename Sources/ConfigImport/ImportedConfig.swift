import ScheduleCore

/// The config formats lrplot reads, detected from the file's content.
public enum ConfigFormat: String, Sendable, CaseIterable, Equatable {
    /// transformers `TrainingArguments` (`to_json_string()`, a YAML of its fields, or the W&B
    /// run `config.yaml` where each field sits under `value:`).
    case transformers = "transformers TrainingArguments"
    /// timm `train.py`'s `args.yaml` (or a `--config` file of the same keys).
    case timm = "timm args.yaml"
    /// A Keras serialized schedule, alone or as a serialized optimizer's `learning_rate`, in any
    /// JSON/YAML document (e.g. a hyper-parameter file).
    case keras = "Keras serialized schedule"
    /// A DeepSpeed `ds_config.json` with a `"scheduler"`.
    case deepspeed = "DeepSpeed config"
    /// A LightningCLI config (`--print_config`): `trainer`, `optimizer`, `lr_scheduler`.
    case lightning = "LightningCLI config"
    /// A mmengine config dumped to JSON (`Config.dump`): `param_scheduler`, `optim_wrapper`, `train_cfg`.
    case mmengine = "mmengine config"
}

/// A note an importer makes for the user: a default it applied, a value it did not use and
/// why, where it found something. Shown with `lrplot import`; never an error.
public struct ImportNote: Sendable, Equatable, CustomStringConvertible {
    /// Where in the file it is about, when it is about one value.
    public var location: ConfigLocation?
    public var message: String

    public init(_ message: String, at location: ConfigLocation? = nil) {
        self.location = location
        self.message = message
    }

    public var description: String {
        guard let location else { return message }
        return "\(location): \(message)"
    }
}

/// A config turned into an lrplot spec: schedules in lrplot's types and a training block from
/// which lrplot counts the steps as the config's trainer does.
public struct ImportedConfig: Sendable {
    public var format: ConfigFormat
    /// The spec: `{"title": …, "training": {…}, "schedules": [{…}]}` — the numbers the config
    /// does not hold (a data set's size, often the devices) are absent from `training`, to be
    /// given by an overlay.
    public var spec: JSONValue
    public var notes: [ImportNote]

    public init(format: ConfigFormat, spec: JSONValue, notes: [ImportNote]) {
        self.format = format
        self.spec = spec
        self.notes = notes
    }

    /// The spec's training block, decoded.
    public var training: TrainingSetup? {
        guard let block = spec["training"] else { return nil }
        return try? TrainingSetup(json: block)
    }

    /// The spec's schedule objects.
    public var schedules: [JSONValue] {
        if case .array(let items)? = spec["schedules"] { return items }
        return []
    }
}
