/// The ways users write a framework's scheduler in code, mapped to lrplot's type names:
/// module paths (`torch.optim.lr_scheduler.StepLR`, `tf.keras.optimizers.schedules.CosineDecay`,
/// `optax.schedules.cosine_decay_schedule`) and transformers' function names
/// (`get_linear_schedule_with_warmup`, `transformers.linear`). Used by
/// ``ScheduleCatalog/suggestType(for:)``.
enum FrameworkSpelling {
    /// Module paths and package names, longest first, with the lrplot prefix they mean.
    static let prefixes: [(module: String, framework: String)] = [
        ("torch.optim.lr_scheduler.", "torch."), ("torch.optim.swa_utils.", "torch."),
        ("optim.lr_scheduler.", "torch."), ("lr_scheduler.", "torch."), ("torch.optim.", "torch."),
        ("pytorch.", "torch."),
        ("transformers.optimization.", "hf."), ("transformers.", "hf."), ("huggingface.", "hf."),
        ("tensorflow.keras.optimizers.schedules.", "keras."), ("tf.keras.optimizers.schedules.", "keras."),
        ("keras.optimizers.schedules.", "keras."), ("tf.keras.", "keras."), ("tensorflow.keras.", "keras."),
        ("keras.optimizers.", "keras."), ("tf.", "keras."),
        ("optax.schedules.", "optax."), ("optax._src.schedule.", "optax."),
        ("timm.scheduler.", "timm."),
    ]

    /// transformers' scheduler functions (`TYPE_TO_SCHEDULER_FUNCTION` in
    /// transformers/optimization.py) and the `get_scheduler` name each implements.
    static let transformersFunctions: [String: String] = [
        "get_linear_schedule_with_warmup": "linear",
        "get_cosine_schedule_with_warmup": "cosine",
        "get_cosine_with_hard_restarts_schedule_with_warmup": "cosine_with_restarts",
        "get_polynomial_decay_schedule_with_warmup": "polynomial",
        "get_constant_schedule": "constant",
        "get_constant_schedule_with_warmup": "constant_with_warmup",
        "get_inverse_sqrt_schedule": "inverse_sqrt",
        "get_reduce_on_plateau_schedule": "reduce_lr_on_plateau",
        "get_cosine_with_min_lr_schedule_with_warmup": "cosine_with_min_lr",
        "get_cosine_with_min_lr_schedule_with_warmup_lr_rate": "cosine_warmup_with_min_lr",
        "get_wsd_schedule": "warmup_stable_decay",
        "get_greedy_schedule": "greedy",
    ]

    /// The lrplot name `name` most likely means, read as a framework spelling: its module
    /// path replaced by lrplot's prefix, a transformers function by its `hf.` name; `nil`
    /// when `name` is not written that way. The result may still need a close-name search
    /// (`keras.CosineDecays`).
    static func canonical(_ name: String) -> String? {
        var rest = Substring(name)
        var framework: String?
        // Longest module prefixes first, repeatedly ("transformers.optimization.get_…").
        var matched = true
        while matched {
            matched = false
            for (module, prefix) in prefixes.sorted(by: { $0.module.count > $1.module.count })
            where rest.lowercased().hasPrefix(module) {
                rest = rest.dropFirst(module.count)
                framework = framework ?? prefix
                matched = true
                break
            }
        }
        if rest.lowercased().hasPrefix("hf.") {
            rest = rest.dropFirst(3)
            framework = framework ?? "hf."
        }
        if let function = transformersFunctions[rest.lowercased()] { return "hf." + function }
        if rest.lowercased().hasPrefix("schedulertype.") {
            return "hf." + rest.dropFirst("schedulertype.".count).lowercased()
        }
        guard let framework else { return nil }
        return framework + rest
    }
}
