import Testing
@testable import ScheduleCore

/// Names written as the frameworks spell them in code point to the lrplot type meant.
@Suite struct FrameworkSpellingTests {
    @Test(arguments: [
        ("transformers.linear", "hf.linear"),
        ("transformers.cosine_with_restarts", "hf.cosine_with_restarts"),
        ("hf.get_linear_schedule_with_warmup", "hf.linear"),
        ("get_cosine_schedule_with_warmup", "hf.cosine"),
        ("transformers.get_wsd_schedule", "hf.warmup_stable_decay"),
        ("transformers.optimization.get_cosine_with_hard_restarts_schedule_with_warmup", "hf.cosine_with_restarts"),
        ("SchedulerType.COSINE_WITH_MIN_LR", "hf.cosine_with_min_lr"),
        ("torch.optim.lr_scheduler.StepLR", "torch.StepLR"),
        ("torch.optim.lr_scheduler.OneCycleLR", "torch.OneCycleLR"),
        ("lr_scheduler.CosineAnnealingWarmRestarts", "torch.CosineAnnealingWarmRestarts"),
        ("torch.optim.swa_utils.SWALR", "torch.SWALR"),
        ("tf.keras.optimizers.schedules.CosineDecay", "keras.CosineDecay"),
        ("tf.keras.optimizers.schedules.ExponentialDecay", "keras.ExponentialDecay"),
        ("keras.optimizers.schedules.PiecewiseConstantDecay", "keras.PiecewiseConstantDecay"),
        ("optax.schedules.warmup_cosine_decay_schedule", "optax.warmup_cosine_decay_schedule"),
        ("optax.schedules.cosine_decay_schedule", "optax.cosine_decay_schedule"),
        ("timm.scheduler.CosineLRScheduler", "timm.CosineLRScheduler"),
        // Misspelt after the module path: the closest name within that framework.
        ("tf.keras.optimizers.schedules.CosineDecays", "keras.CosineDecay"),
        ("torch.optim.lr_scheduler.StepLr", "torch.StepLR"),
        // Still what worked before.
        ("OneCycleLR", "torch.OneCycleLR"),
        ("torch.StepLRR", "torch.StepLR"),
        ("constnt", "constant"),
    ])
    func suggestsTheTypeMeant(_ written: String, _ meant: String) {
        #expect(ScheduleCatalog.standard.suggestType(for: written) == meant)
    }

    @Test func theSpecErrorNamesIt() {
        #expect(throws: ScheduleError(path: "schedules[0].type", "unknown schedule type \"transformers.linear\"; did you mean \"hf.linear\"? (`lrplot list` shows every type)")) {
            try ScheduleCatalog.standard.make(.object([("type", .string("transformers.linear")), ("lr", .number(0.1))]), path: "schedules[0]")
        }
    }
}
