"""Which code of the frameworks' scheduler sources lrplot offers (the coverage report counts
its branches apart), and why each offered branch that no case takes is left out."""

# file (relative to site-packages) -> qualified names of the functions and classes lrplot
# mirrors; their state_dict / load_state_dict / get_config and the like are not offered (see
# NOT_OFFERED).
FILES = {
    "torch/optim/lr_scheduler.py": [
        "_format_param", "_param_groups_val_list", "_update_param_group_val", "LRScheduler", "_warn_get_lr_called_within_step",
        "_enable_get_lr_call", "_initial_mode", "LambdaLR", "MultiplicativeLR", "StepLR", "MultiStepLR", "ConstantLR",
        "LinearLR", "ExponentialLR", "SequentialLR", "PolynomialLR", "CosineAnnealingLR", "ChainedScheduler",
        "ReduceLROnPlateau", "CyclicLR", "CosineAnnealingWarmRestarts", "OneCycleLR",
    ],
    "torch/optim/swa_utils.py": ["SWALR"],
    "transformers/optimization.py": [
        "_get_constant_lambda", "get_constant_schedule", "get_reduce_on_plateau_schedule",
        "_get_constant_schedule_with_warmup_lr_lambda", "get_constant_schedule_with_warmup",
        "_get_linear_schedule_with_warmup_lr_lambda", "get_linear_schedule_with_warmup",
        "_get_cosine_schedule_with_warmup_lr_lambda", "get_cosine_schedule_with_warmup",
        "_get_cosine_with_hard_restarts_schedule_with_warmup_lr_lambda", "get_cosine_with_hard_restarts_schedule_with_warmup",
        "_get_polynomial_decay_schedule_with_warmup_lr_lambda", "get_polynomial_decay_schedule_with_warmup",
        "_get_inverse_sqrt_schedule_lr_lambda", "get_inverse_sqrt_schedule",
        "get_cosine_with_min_lr_schedule_with_warmup", "_get_cosine_with_min_lr_schedule_with_warmup_lr_rate_lambda",
        "get_cosine_with_min_lr_schedule_with_warmup_lr_rate", "_get_wsd_scheduler_lambda", "get_wsd_schedule",
        "StreamingAverage", "GreedyLR", "get_greedy_schedule", "get_scheduler",
    ],
    "timm/scheduler/scheduler.py": ["Scheduler"],
    "timm/scheduler/cosine_lr.py": ["CosineLRScheduler"],
    "timm/scheduler/tanh_lr.py": ["TanhLRScheduler"],
    "timm/scheduler/poly_lr.py": ["PolyLRScheduler"],
    "timm/scheduler/step_lr.py": ["StepLRScheduler"],
    "timm/scheduler/multistep_lr.py": ["MultiStepLRScheduler"],
    "timm/scheduler/plateau_lr.py": ["PlateauLRScheduler"],
    "timm/scheduler/wsd_lr.py": ["WSDLRScheduler"],
    "optax/schedules/_schedule.py": [
        "constant_schedule", "polynomial_schedule", "linear_schedule", "piecewise_constant_schedule", "exponential_decay",
        "cosine_decay_schedule", "_linear_interpolate", "_cosine_interpolate", "piecewise_interpolate_schedule",
        "linear_onecycle_schedule", "cosine_onecycle_schedule", "warmup_constant_schedule", "warmup_cosine_decay_schedule",
        "warmup_exponential_decay_schedule", "sgdr_schedule",
    ],
    "optax/schedules/_join.py": ["join_schedules"],
    # Measured but not offered: optax's inject_hyperparams and timm's scheduler factory (lrplot
    # builds the schedules themselves).
    "optax/schedules/_inject.py": [],
    "timm/scheduler/scheduler_factory.py": [],
    "keras/src/optimizers/schedules/learning_rate_schedule.py": [
        "ExponentialDecay", "PiecewiseConstantDecay", "PolynomialDecay", "InverseTimeDecay", "CosineDecay",
        "CosineDecayRestarts",
    ],
}

# Methods of offered classes that lrplot does not offer: a schedule's values never go through
# them (checkpoints, configs, timm's per-update stepping and noise).
NOT_OFFERED_METHODS = {"state_dict", "load_state_dict", "get_config", "from_config", "get_cycle_length", "step_update",
                       "_calculate_noise", "_apply_noise"}

_RESUME = "resuming a scheduler (last_epoch ≠ -1) needs a saved optimizer state; lrplot accepts last_epoch = -1 only"
_TENSOR = "a Tensor learning rate: lrplot's rates are Python floats"
_EPOCH = "scheduler.step(epoch) is deprecated; lrplot steps with step() as torch recommends"
_OPTIMIZER = "lrplot always builds the schedulers on one torch.optim.SGD optimizer it makes"
_NOISE = "timm's noise is random (a torch generator); lrplot rejects noise_range_t"

# (file, source line or qualified name) -> why no case takes that branch.
LEFT_OUT = {
    ("torch/optim/lr_scheduler.py", "if isinstance(param, (list, tuple)):"): "tuples are lists in JSON: the list branch is taken",
    ("torch/optim/lr_scheduler.py", "return _param.clone() if isinstance(_param, Tensor) else _param"): _TENSOR,
    ("torch/optim/lr_scheduler.py", "group[key].clone() if isinstance(group[key], Tensor) else group[key]"): _TENSOR,
    ("torch/optim/lr_scheduler.py", "if isinstance(param_group[key], Tensor):"): _TENSOR,
    ("torch/optim/lr_scheduler.py", "if not isinstance(optimizer, Optimizer):"): _OPTIMIZER,
    ("torch/optim/lr_scheduler.py", "if last_epoch == -1:"): _RESUME,
    ("torch/optim/lr_scheduler.py", "if isinstance(initial_lr, Tensor):"): _TENSOR,
    ("torch/optim/lr_scheduler.py", "for i, group in enumerate(optimizer.param_groups):"): _RESUME,
    ("torch/optim/lr_scheduler.py", 'if "initial_lr" not in group:'): _RESUME,
    ("torch/optim/lr_scheduler.py", 'if hasattr(opt.step, "_wrapped_by_lr_sched"):'): "lrplot never wraps an optimizer twice in one way only: both branches need a second optimizer.step patch",
    ("torch/optim/lr_scheduler.py", 'if not hasattr(self.optimizer.step, "_wrapped_by_lr_sched"):'): "a warning for an optimizer.step() replaced after the scheduler was built; lrplot's optimizer is never replaced",
    ("torch/optim/lr_scheduler.py", 'elif not getattr(self.optimizer, "_opt_called", False):'): "a warning for scheduler.step() before optimizer.step(); lrplot's rounds call optimizer.step() first",
    ("torch/optim/lr_scheduler.py", "if epoch is not None:"): _EPOCH,
    ("torch/optim/lr_scheduler.py", "if not lr_scheduler._get_lr_called_within_step:"): "a warning for get_lr() called by a user; lrplot reads the group's lr",
    ("torch/optim/lr_scheduler.py", "if not hasattr(scheduler, \"optimizer\"):"): _OPTIMIZER,
    ("torch/optim/lr_scheduler.py", "if optimizer != scheduler.optimizer:"): _OPTIMIZER,
    ("torch/optim/lr_scheduler.py", "if not callable(lr_lambda):"): "lr_lambda is always a Python expression lrplot turns into a function",
    ("torch/optim/lr_scheduler.py", "if len(self.optimizer.param_groups) != len(self.min_lrs):"): "a parameter group added to the optimizer after the scheduler was built; lrplot's groups are fixed",
    ("torch/optim/lr_scheduler.py", "if \"momentum\" not in optimizer.defaults and \"betas\" not in optimizer.defaults:"): "SGD always has a momentum default",
    ("torch/optim/lr_scheduler.py", "if 'momentum' not in self.optimizer.defaults and 'betas' not in self.optimizer.defaults:"): "SGD always has a momentum default",
    ("torch/optim/lr_scheduler.py", "if self.use_beta1:"): "beta1 is Adam's; lrplot's schedules drive SGD's momentum (its simulations apply it to Adam's beta1 themselves)",
    ("torch/optim/lr_scheduler.py", "if epoch is None and self.last_epoch < 0:"): "CosineAnnealingWarmRestarts.step(epoch): " + _EPOCH,
    ("torch/optim/lr_scheduler.py", "if epoch is None:"): _EPOCH,
    ("torch/optim/lr_scheduler.py", "if hasattr(self, \"_anneal_func_type\"):"): "only OneCycleLR objects unpickled from torch < 2.2 lack _anneal_func_type",
    ("torch/optim/lr_scheduler.py", "if self._anneal_func_type == \"cos\":"): "the third branch (an unknown _anneal_func_type) is unreachable: the constructor checks it",
    ("torch/optim/lr_scheduler.py", "elif self._anneal_func_type == \"linear\":"): "the third branch (an unknown _anneal_func_type) is unreachable: the constructor checks it",
    ("torch/optim/lr_scheduler.py", "elif hasattr(scheds, \"last_epoch\"):"): "every scheduler has a last_epoch: the branch past it (neither composite nor scheduler) is unreachable",
    ("torch/optim/lr_scheduler.py", "elif self._step_count == 1 and self.last_epoch > 0:"): "only a resumed scheduler (last_epoch ≠ -1) takes its first step at last_epoch > 0: " + _RESUME,
    ("torch/optim/lr_scheduler.py", "if self.default_min_lr is None:"): "a parameter group added to the optimizer after the scheduler was built; lrplot's groups are fixed",
    ("torch/optim/lr_scheduler.py", "if ("): "SGD always has a momentum default",
    ("torch/optim/lr_scheduler.py", "elif self.mode == \"exp_range\":"): "past the three modes only with a custom scale_fn, which returns before this chain",
    ("torch/optim/lr_scheduler.py", "if not isinstance(eta_min, (float, int)):"): "a non-number eta_min is a JSON type error that lrplot reports itself (expected a number)",
    ("torch/optim/lr_scheduler.py", "if epoch < 0:"): "CosineAnnealingWarmRestarts.step(epoch): " + _EPOCH,
    ("torch/optim/lr_scheduler.py", "if epoch >= self.T_0:"): "CosineAnnealingWarmRestarts.step(epoch): " + _EPOCH,
    ("torch/optim/lr_scheduler.py", "if self.T_mult == 1:"): "CosineAnnealingWarmRestarts.step(epoch): " + _EPOCH,
    ("torch/optim/lr_scheduler.py", "for i, phase in enumerate(self._schedule_phases):"): "the loop always breaks: its last phase matches every step",
    ("transformers/optimization.py", "if current_step < num_warmup_steps:"): "transformers defines _get_cosine_schedule_with_warmup_lr_lambda twice; the second (with min_lr_rate) replaces the first, which no schedule calls",
    ("transformers/optimization.py", "elif warmup_type == \"1-sqrt\":"): "get_wsd_schedule rejects any other warmup_type before the lambda runs",
    ("transformers/optimization.py", "elif decay_type == \"1-sqrt\":"): "get_wsd_schedule rejects any other decay_type before the lambda runs",
    ("transformers/optimization.py", "if not isinstance(optimizer, Optimizer):"): _OPTIMIZER,
    ("transformers/optimization.py", "if epoch is None:"): "GreedyLR.step(metrics, epoch): lrplot steps without an epoch, as get_scheduler's users do",
    ("transformers/optimization.py", "for param in optimizer_dict:"): "the layer-wise optimizer of transformers' Trainer (optim_target_modules); lrplot builds one SGD optimizer",
    ("transformers/optimization.py", "if param.requires_grad:"): "the layer-wise optimizer of transformers' Trainer (optim_target_modules); lrplot builds one SGD optimizer",
    ("timm/scheduler/scheduler.py", "for i, group in enumerate(self.optimizer.param_groups):"): "initialize=False needs an initial_lr left by an earlier scheduler on the same optimizer; on lrplot's fresh optimizer timm raises KeyError (a case)",
    ("timm/scheduler/scheduler.py", "if self._initial_param_group_field not in group:"): "initialize=False needs an initial_lr left by an earlier scheduler on the same optimizer; on lrplot's fresh optimizer timm raises KeyError (a case)",
    ("timm/scheduler/plateau_lr.py", "for i, param_group in enumerate(self.optimizer.param_groups):"): _NOISE,
    ("torch/optim/swa_utils.py", "if not self._get_lr_called_within_step:"): "a warning for get_lr() called by a user; lrplot reads the group's lr",
    ("transformers/optimization.py", "if optimizer is not None and isinstance(optimizer, LayerWiseDummyOptimizer):"): "the layer-wise optimizer of transformers' Trainer (optim_target_modules); lrplot builds one SGD optimizer",
    ("timm/scheduler/scheduler.py", "if param_group_field not in group:"): "every torch optimizer group has an lr",
    ("timm/scheduler/scheduler.py", "if self._is_apply_noise(t):"): _NOISE,
    ("timm/scheduler/scheduler.py", "if self.noise_range_t is not None:"): _NOISE,
    ("timm/scheduler/scheduler.py", "if isinstance(self.noise_range_t, (list, tuple)):"): _NOISE,
    ("timm/scheduler/scheduler.py", "if 'lr_scale' in param_group:"): "lr_scale is a key of timm's layer-decay parameter groups; lrplot's groups are given by their lr",
    ("timm/scheduler/scheduler.py", "if not isinstance(values, (list, tuple)):"): "timm's own schedulers always pass a list",
    ("timm/scheduler/plateau_lr.py", "if self.restore_lr is not None:"): _NOISE,
    ("timm/scheduler/plateau_lr.py", "if metric is not None:"): "lrplot feeds a metric in every round of a metric-driven schedule",
    ("timm/scheduler/plateau_lr.py", "if self._is_apply_noise(epoch):"): _NOISE,
    ("timm/scheduler/wsd_lr.py", "if callable(self.decay_fn):"): "a Python callable decay_fn cannot be written in JSON; lrplot offers the named ones",
    ("timm/scheduler/wsd_lr.py", "if isinstance(decay_fn, str) and decay_fn not in _DECAY_FNS:"): "a Python callable decay_fn cannot be written in JSON",
}
