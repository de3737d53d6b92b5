"""PyTorch schedulers (torch.optim.lr_scheduler, torch.optim.swa_utils.SWALR) on SGD(momentum=0.9).

values[t] is each parameter group's lr after t rounds of `optimizer.step(); scheduler.step()`
(`scheduler.step(metrics[t-1])` for ReduceLROnPlateau); values[0] is the lr right after the
scheduler is built. A raise in the constructor is an `error`; a raise in round t is a `stop` at t.
"""
import random

from common import expression, run_stepped, torch_optimizer, torch_round, walk

def build(spec, optimizer):
    """The torch scheduler for an lrplot schedule object (nested objects share `optimizer`)."""
    import torch.optim.lr_scheduler as L
    from torch.optim.swa_utils import SWALR
    kind = spec["type"].split(".", 1)[1]
    kw = {k: v for k, v in spec.items() if k not in ("type", "lr", "metrics")}
    if kind in ("LambdaLR", "MultiplicativeLR"):
        f = kw["lr_lambda"]
        kw["lr_lambda"] = [expression(x, "epoch") for x in f] if isinstance(f, list) else expression(f, "epoch")
    if kind == "CyclicLR" and kw.get("scale_fn") is not None:
        kw["scale_fn"] = expression(kw["scale_fn"], "x")
    if kind in ("SequentialLR", "ChainedScheduler"):
        children = [build(c, optimizer) for c in kw.pop("schedulers")]
        if kind == "ChainedScheduler":
            return L.ChainedScheduler(children, optimizer=optimizer)
        return L.SequentialLR(optimizer, children, **kw)
    if kind == "SWALR":
        return SWALR(optimizer, **kw)
    return getattr(L, kind)(optimizer, **kw)


def cycles_momentum(spec):
    kind = spec["type"].split(".", 1)[1]
    if kind in ("CyclicLR", "OneCycleLR"):
        return spec.get("cycle_momentum", True)
    return any(cycles_momentum(c) for c in spec.get("schedulers", []))


def run(case_id, spec, steps):
    def build_all():
        optimizer = torch_optimizer(spec["lr"])
        return optimizer, build(spec, optimizer)

    return run_stepped(case_id, spec, steps, build_all, torch_round, momentum=cycles_momentum(spec))


# ---------------------------------------------------------------------------------------------
# Cases. Each is (id, schedule object, steps). Targeted cases first (every branch of the
# offered schedulers, the edge values), then random draws.

def T(kind, lr=0.1, **kw):
    return {"type": "torch." + kind, "lr": lr, **kw}


def C(kind, **kw):
    """A nested scheduler (no lr of its own)."""
    return {"type": "torch." + kind, **kw}


def targeted():
    out = []

    def add(name, spec, steps=40):
        out.append((f"{spec['type']}/{name}", spec, steps))

    # LambdaLR / MultiplicativeLR: one lambda, a list per group, a wrong-length list, raises.
    add("one", T("LambdaLR", 0.05, lr_lambda="0.9 ** epoch"))
    add("int-lambda", T("LambdaLR", 0.05, lr_lambda="epoch // 3"))
    add("raises-at-3", T("LambdaLR", 0.05, lr_lambda="1 / (3 - epoch)"), 10)
    add("raises-at-construction", T("LambdaLR", 0.05, lr_lambda="1 / epoch"), 10)
    add("groups", T("LambdaLR", [0.1, 0.01], lr_lambda=["0.9 ** epoch", "1 / (1 + epoch)"]))
    add("groups-one-lambda", T("LambdaLR", [0.1, 0.01, 0.5], lr_lambda="0.95 ** epoch"))
    add("groups-wrong-length", T("LambdaLR", [0.1, 0.01], lr_lambda=["0.9 ** epoch"]))
    add("groups-second-raises", T("LambdaLR", [0.1, 0.01], lr_lambda=["0.9 ** epoch", "1 / (4 - epoch)"]), 10)
    add("groups-first-raises-same-step", T("LambdaLR", [0.1, 0.01], lr_lambda=["1 / (4 - epoch)", "math.log(4 - epoch)"]), 10)
    add("one", T("MultiplicativeLR", 0.05, lr_lambda="0.97"))
    add("raises-at-5", T("MultiplicativeLR", 0.05, lr_lambda="1 / (5 - epoch)"), 10)
    add("not-called-at-construction", T("MultiplicativeLR", 0.05, lr_lambda="1 / epoch"), 10)
    add("groups", T("MultiplicativeLR", [0.1, 0.01], lr_lambda=["0.9", "0.99 if epoch % 3 else 0.5"]))
    add("groups-wrong-length", T("MultiplicativeLR", [0.1, 0.01], lr_lambda=["0.9", "0.9", "0.9"]))
    # StepLR: first decay at step_size; step_size 1; zero and negative step sizes (torch raises
    # ZeroDivisionError at the first step for 0; a negative one decays at the same steps).
    add("basic", T("StepLR", 0.1, step_size=3, gamma=0.5))
    add("step-size-1", T("StepLR", 0.1, step_size=1, gamma=0.9))
    add("step-size-0", T("StepLR", 0.1, step_size=0), 5)
    add("step-size-negative", T("StepLR", 0.1, step_size=-3, gamma=0.5), 12)
    add("step-size-float", T("StepLR", 0.1, step_size=2.5, gamma=0.5), 12)
    add("step-size-0.0", T("StepLR", 0.1, step_size=0.0), 4)
    add("gamma-above-1", T("StepLR", 0.1, step_size=2, gamma=1.5), 12)
    add("huge-lr", T("StepLR", 1e308, step_size=2, gamma=3.0), 8)
    add("denormal-lr", T("StepLR", 5e-324, step_size=2, gamma=0.5), 8)
    add("lr-zero", T("StepLR", 0.0, step_size=2, gamma=0.5), 8)
    add("groups", T("StepLR", [0.1, 0.02], step_size=4, gamma=0.3))
    # MultiStepLR: repeated, unsorted, zero, and past-the-end milestones.
    add("basic", T("MultiStepLR", 0.1, milestones=[3, 7], gamma=0.5))
    add("repeated", T("MultiStepLR", 0.1, milestones=[2, 2, 5], gamma=0.5))
    add("unsorted", T("MultiStepLR", 0.1, milestones=[9, 3], gamma=0.5), 12)
    add("zero-milestone", T("MultiStepLR", 0.1, milestones=[0, 4], gamma=0.5), 8)
    add("float-milestones", T("MultiStepLR", 0.1, milestones=[2.0, 3.5, 5], gamma=0.5), 8)
    add("empty", T("MultiStepLR", 0.1, milestones=[], gamma=0.5), 5)
    add("groups", T("MultiStepLR", [0.1, 0.001], milestones=[3, 6], gamma=0.1), 10)
    # ConstantLR: factor bounds, total_iters 0, factor 0 (ZeroDivisionError at total_iters).
    add("basic", T("ConstantLR", 0.1, factor=0.5, total_iters=4), 8)
    add("total-iters-0", T("ConstantLR", 0.1, factor=0.5, total_iters=0), 5)
    add("factor-0", T("ConstantLR", 0.1, factor=0.0, total_iters=3), 6)
    add("factor-1", T("ConstantLR", 0.1, factor=1.0, total_iters=3), 6)
    add("total-iters-float", T("ConstantLR", 0.1, factor=0.5, total_iters=2.5), 6)
    add("factor-above-1", T("ConstantLR", 0.1, factor=1.5))
    add("factor-negative", T("ConstantLR", 0.1, factor=-0.5))
    add("groups", T("ConstantLR", [0.1, 0.3], factor=0.25, total_iters=2), 5)
    # LinearLR: factor checks, total_iters 0 and 1, decreasing factor, end factor 0.
    add("basic", T("LinearLR", 0.1, start_factor=0.25, end_factor=1.0, total_iters=4), 8)
    add("decreasing", T("LinearLR", 0.1, start_factor=1.0, end_factor=0.0, total_iters=5), 8)
    add("total-iters-0", T("LinearLR", 0.1, start_factor=0.5, total_iters=0), 5)
    add("total-iters-1", T("LinearLR", 0.1, start_factor=0.5, total_iters=1), 5)
    add("total-iters-float", T("LinearLR", 0.1, start_factor=0.5, total_iters=2.5), 6)
    add("start-0", T("LinearLR", 0.1, start_factor=0.0))
    add("start-above-1", T("LinearLR", 0.1, start_factor=1.01))
    add("end-above-1", T("LinearLR", 0.1, end_factor=1.01))
    add("end-negative", T("LinearLR", 0.1, end_factor=-0.1))
    add("groups", T("LinearLR", [0.1, 0.05], start_factor=0.1, total_iters=3), 6)
    # ExponentialLR.
    add("basic", T("ExponentialLR", 0.1, gamma=0.9))
    add("gamma-0", T("ExponentialLR", 0.1, gamma=0.0), 4)
    add("underflow", T("ExponentialLR", 1e-300, gamma=1e-10), 40)
    add("overflow", T("ExponentialLR", 1e300, gamma=1e10), 10)
    add("groups", T("ExponentialLR", [0.1, 0.2], gamma=0.5), 5)
    # PolynomialLR: total_iters 0 and 1, past the end, fractional power.
    add("basic", T("PolynomialLR", 0.1, total_iters=5, power=2.0), 9)
    add("total-iters-0", T("PolynomialLR", 0.1, total_iters=0), 4)
    add("total-iters-1", T("PolynomialLR", 0.1, total_iters=1, power=0.5), 4)
    add("total-iters-float", T("PolynomialLR", 0.1, total_iters=3.5, power=2.0), 6)
    add("power-0", T("PolynomialLR", 0.1, total_iters=4, power=0.0), 6)
    add("groups", T("PolynomialLR", [0.1, 0.01], total_iters=4, power=1.5), 6)
    # CosineAnnealingLR: the recursive form past T_max, T_max 1, T_max 0 (ZeroDivisionError at
    # the first step), negative T_max, eta_min above lr.
    add("basic", T("CosineAnnealingLR", 0.1, T_max=5, eta_min=0.001), 23)
    add("T_max-1", T("CosineAnnealingLR", 0.1, T_max=1), 6)
    add("T_max-0", T("CosineAnnealingLR", 0.1, T_max=0), 4)
    add("T_max-negative", T("CosineAnnealingLR", 0.1, T_max=-4), 12)
    add("T_max-float", T("CosineAnnealingLR", 0.1, T_max=4.5, eta_min=0.01), 14)
    add("T_max-0.0", T("CosineAnnealingLR", 0.1, T_max=0.0), 4)
    add("eta-min-above-lr", T("CosineAnnealingLR", 0.01, T_max=4, eta_min=0.05), 10)
    add("groups", T("CosineAnnealingLR", [0.1, 0.01], T_max=6, eta_min=0.001), 14)
    # CosineAnnealingWarmRestarts: integer checks (isinstance(x, int)).
    add("basic", T("CosineAnnealingWarmRestarts", 0.1, T_0=3, T_mult=2, eta_min=0.001), 25)
    add("T_0-1", T("CosineAnnealingWarmRestarts", 0.1, T_0=1), 5)
    add("T_0-float", T("CosineAnnealingWarmRestarts", 0.1, T_0=100.0))
    add("T_mult-float", T("CosineAnnealingWarmRestarts", 0.1, T_0=5, T_mult=2.0))
    add("T_0-0", T("CosineAnnealingWarmRestarts", 0.1, T_0=0))
    add("T_mult-0", T("CosineAnnealingWarmRestarts", 0.1, T_0=5, T_mult=0))
    add("T_0-negative-float", T("CosineAnnealingWarmRestarts", 0.1, T_0=-2.5))
    add("eta-min-int", T("CosineAnnealingWarmRestarts", 0.1, T_0=4, eta_min=0), 9)
    add("groups", T("CosineAnnealingWarmRestarts", [0.1, 0.01], T_0=4, T_mult=1), 9)
    # CyclicLR: modes, custom scale_fn in both scale modes, float step sizes (torch converts
    # them with float()), momentum, per-group lists, wrong lengths, the zero-size cycle.
    add("triangular", T("CyclicLR", 0.1, base_lr=0.001, max_lr=0.01, step_size_up=3), 14)
    add("triangular2", T("CyclicLR", 0.1, base_lr=0.001, max_lr=0.01, step_size_up=2, step_size_down=3, mode="triangular2"), 22)
    add("exp-range", T("CyclicLR", 0.1, base_lr=0.001, max_lr=0.01, step_size_up=2, mode="exp_range", gamma=0.9), 14)
    add("scale-fn-cycle", T("CyclicLR", 0.1, base_lr=0.001, max_lr=0.01, step_size_up=2, scale_fn="1 / (1 + x)", scale_mode="cycle"), 14)
    add("scale-fn-iterations", T("CyclicLR", 0.1, base_lr=0.001, max_lr=0.01, step_size_up=2, scale_fn="0.9 ** x", scale_mode="iterations"), 14)
    add("bad-mode", T("CyclicLR", 0.1, base_lr=0.001, max_lr=0.01, mode="triangle"))
    add("float-step-sizes", T("CyclicLR", 0.1, base_lr=0.001, max_lr=0.01, step_size_up=2.5, step_size_down=1.5), 14)
    add("step-size-up-0", T("CyclicLR", 0.1, base_lr=0.001, max_lr=0.01, step_size_up=0, step_size_down=4), 10)
    add("step-size-down-0", T("CyclicLR", 0.1, base_lr=0.001, max_lr=0.01, step_size_up=3, step_size_down=0), 10)
    add("zero-cycle", T("CyclicLR", 0.1, base_lr=0.001, max_lr=0.01, step_size_up=0, step_size_down=0))
    add("no-momentum", T("CyclicLR", 0.1, base_lr=0.001, max_lr=0.01, step_size_up=2, cycle_momentum=False), 8)
    add("groups", T("CyclicLR", [0.1, 0.2], base_lr=[0.001, 0.002], max_lr=[0.01, 0.03], step_size_up=2,
                    base_momentum=[0.8, 0.7], max_momentum=[0.9, 0.95]), 10)
    add("groups-scalar-bounds", T("CyclicLR", [0.1, 0.2], base_lr=0.001, max_lr=0.01, step_size_up=2), 8)
    add("groups-wrong-base-lr", T("CyclicLR", [0.1, 0.2], base_lr=[0.001], max_lr=0.01))
    add("groups-wrong-max-lr", T("CyclicLR", [0.1, 0.2], base_lr=0.001, max_lr=[0.01, 0.02, 0.03]))
    add("groups-wrong-momentum", T("CyclicLR", [0.1, 0.2], base_lr=0.001, max_lr=0.01, base_momentum=[0.8]))
    add("groups-wrong-momentum-unused", T("CyclicLR", [0.1, 0.2], base_lr=0.001, max_lr=0.01, step_size_up=2,
                                          cycle_momentum=False, base_momentum=[0.8]), 6)
    # OneCycleLR: both ways of giving the length, integer and float checks, three phases,
    # linear annealing, a phase of length 0 (ZeroDivisionError), past the end.
    add("cos", T("OneCycleLR", 0.1, max_lr=1.0, total_steps=10), 14)
    add("linear-three-phase", T("OneCycleLR", 0.1, max_lr=1.0, total_steps=12, anneal_strategy="linear", three_phase=True), 15)
    add("epochs", T("OneCycleLR", 0.1, max_lr=0.5, epochs=3, steps_per_epoch=4), 14)
    add("total-steps-float", T("OneCycleLR", 0.1, max_lr=1.0, total_steps=10.0))
    add("epochs-float", T("OneCycleLR", 0.1, max_lr=1.0, epochs=2.0, steps_per_epoch=4))
    add("steps-per-epoch-float", T("OneCycleLR", 0.1, max_lr=1.0, epochs=2, steps_per_epoch=4.0))
    add("epochs-0", T("OneCycleLR", 0.1, max_lr=1.0, epochs=0, steps_per_epoch=4))
    add("steps-per-epoch-0", T("OneCycleLR", 0.1, max_lr=1.0, epochs=3, steps_per_epoch=0))
    add("total-steps-0", T("OneCycleLR", 0.1, max_lr=1.0, total_steps=0))
    add("total-steps-1", T("OneCycleLR", 0.1, max_lr=1.0, total_steps=1))
    add("total-steps-2", T("OneCycleLR", 0.1, max_lr=1.0, total_steps=2, pct_start=0.5), 5)
    add("no-length", T("OneCycleLR", 0.1, max_lr=1.0))
    add("pct-start-int", T("OneCycleLR", 0.1, max_lr=1.0, total_steps=10, pct_start=1))
    add("pct-start-1", T("OneCycleLR", 0.1, max_lr=1.0, total_steps=10, pct_start=1.0), 12)
    add("pct-start-0", T("OneCycleLR", 0.1, max_lr=1.0, total_steps=10, pct_start=0.0), 12)
    add("pct-start-above-1", T("OneCycleLR", 0.1, max_lr=1.0, total_steps=10, pct_start=1.5))
    add("pct-start-phase-0", T("OneCycleLR", 0.1, max_lr=1.0, total_steps=10, pct_start=0.1))
    add("bad-anneal-strategy", T("OneCycleLR", 0.1, max_lr=1.0, total_steps=10, anneal_strategy="cosine"))
    add("no-momentum", T("OneCycleLR", 0.1, max_lr=1.0, total_steps=8, cycle_momentum=False), 10)
    add("groups", T("OneCycleLR", [0.1, 0.01], max_lr=[1.0, 0.1], total_steps=10, base_momentum=[0.85, 0.8],
                    max_momentum=[0.95, 0.9]), 12)
    add("groups-scalar-max", T("OneCycleLR", [0.1, 0.01], max_lr=0.5, total_steps=10), 12)
    add("groups-wrong-max-lr", T("OneCycleLR", [0.1, 0.01], max_lr=[1.0], total_steps=10))
    add("groups-wrong-momentum", T("OneCycleLR", [0.1, 0.01], max_lr=1.0, total_steps=10, max_momentum=[0.9, 0.9, 0.9]))
    add("groups-wrong-momentum-unused", T("OneCycleLR", [0.1, 0.01], max_lr=1.0, total_steps=6, cycle_momentum=False,
                                          max_momentum=[0.9, 0.9, 0.9]), 8)
    # ReduceLROnPlateau: every mode × threshold mode, cooldown, eps, min_lr per group.
    rng = random.Random(7)
    for mode in ("min", "max"):
        for tmode in ("rel", "abs"):
            m = walk(rng, 60, 2.0)
            add(f"{mode}-{tmode}", T("ReduceLROnPlateau", 0.1, mode=mode, threshold_mode=tmode, patience=2, cooldown=2,
                                     factor=0.5, threshold=0.001, metrics=m), 61)
    add("eps-blocks", T("ReduceLROnPlateau", 1e-7, patience=0, factor=0.5, eps=1e-7, metrics=[1.0] * 10), 11)
    add("min-lr", T("ReduceLROnPlateau", 0.1, patience=0, factor=0.5, min_lr=0.02, metrics=[1.0] * 10), 11)
    add("factor-1", T("ReduceLROnPlateau", 0.1, factor=1.0, metrics=[1.0]))
    add("bad-mode", T("ReduceLROnPlateau", 0.1, mode="mean", metrics=[1.0]))
    add("bad-threshold-mode", T("ReduceLROnPlateau", 0.1, threshold_mode="pct", metrics=[1.0]))
    add("float-patience-cooldown", T("ReduceLROnPlateau", 0.1, patience=1.5, cooldown=2.5, factor=0.5, metrics=[1.0] * 20), 21)
    add("groups-min-lr", T("ReduceLROnPlateau", [0.1, 0.01], patience=0, factor=0.5, min_lr=[0.02, 0.004],
                           metrics=[1.0] * 12), 13)
    add("groups-wrong-min-lr", T("ReduceLROnPlateau", [0.1, 0.01], min_lr=[0.0], metrics=[1.0]))
    # SWALR.
    add("cos", T("SWALR", 0.1, swa_lr=0.01, anneal_epochs=5), 9)
    add("linear", T("SWALR", 0.1, swa_lr=0.01, anneal_epochs=4, anneal_strategy="linear"), 9)
    add("anneal-0", T("SWALR", 0.1, swa_lr=0.01, anneal_epochs=0), 5)
    add("anneal-1", T("SWALR", 0.1, swa_lr=0.01, anneal_epochs=1), 5)
    add("anneal-negative", T("SWALR", 0.1, swa_lr=0.01, anneal_epochs=-1))
    add("anneal-float", T("SWALR", 0.1, swa_lr=0.01, anneal_epochs=5.0))
    add("bad-anneal-strategy", T("SWALR", 0.1, swa_lr=0.01, anneal_strategy="cosine"))
    add("groups", T("SWALR", [0.1, 0.05], swa_lr=[0.01, 0.02], anneal_epochs=3), 6)
    add("groups-wrong-swa-lr", T("SWALR", [0.1, 0.05], swa_lr=[0.01]))
    # SequentialLR: the milestone at 0, milestones at 0 for later children, at the end,
    # repeated, every child kind restarted at a milestone (closed forms and get_lr), nesting.
    lin, cos = C("LinearLR", start_factor=0.1, total_iters=10), C("CosineAnnealingLR", T_max=20)
    add("milestone-0", T("SequentialLR", 0.1, schedulers=[lin, cos], milestones=[0]), 25)
    add("milestones-0-0", T("SequentialLR", 0.1, schedulers=[lin, C("ExponentialLR", gamma=0.9), cos], milestones=[0, 0]), 8)
    add("milestones-0-3", T("SequentialLR", 0.1, schedulers=[lin, C("ConstantLR", factor=0.5, total_iters=2), cos], milestones=[0, 3]), 10)
    add("issue-without-0", T("SequentialLR", 0.1, schedulers=[lin, cos], milestones=[10]), 34)
    add("float-milestone", T("SequentialLR", 0.1, schedulers=[C("ConstantLR", factor=0.5, total_iters=9),
                                                              C("ExponentialLR", gamma=0.5)], milestones=[2.5]), 6)
    add("restarts-PolynomialLR-0.0", T("SequentialLR", 0.1, schedulers=[C("ExponentialLR", gamma=0.9),
                                                                         C("PolynomialLR", total_iters=0.0)], milestones=[3]), 6)
    add("repeated-milestones", T("SequentialLR", 0.02, schedulers=[C("ConstantLR", factor=0.5), C("StepLR", step_size=3),
                                                                    C("PolynomialLR", total_iters=20, power=2.0)], milestones=[5, 5]), 24)
    add("single", T("SequentialLR", 0.1, schedulers=[C("ExponentialLR", gamma=0.8)], milestones=[]), 6)
    add("wrong-milestones", T("SequentialLR", 0.1, schedulers=[lin, cos], milestones=[]))
    add("empty", T("SequentialLR", 0.1, schedulers=[], milestones=[]))
    add("plateau-child", T("SequentialLR", 0.1, schedulers=[C("ReduceLROnPlateau")], milestones=[]))
    for child in [C("StepLR", step_size=2, gamma=0.5), C("MultiStepLR", milestones=[1, 3], gamma=0.5),
                  C("ConstantLR", factor=0.5, total_iters=2), C("LinearLR", start_factor=0.5, total_iters=3),
                  C("ExponentialLR", gamma=0.8), C("PolynomialLR", total_iters=4, power=2.0),
                  C("CosineAnnealingLR", T_max=4, eta_min=0.001), C("CosineAnnealingWarmRestarts", T_0=3),
                  C("LambdaLR", lr_lambda="0.9 ** epoch"), C("MultiplicativeLR", lr_lambda="0.9"),
                  C("CyclicLR", base_lr=0.001, max_lr=0.01, step_size_up=2), C("OneCycleLR", max_lr=0.5, total_steps=8),
                  C("SWALR", swa_lr=0.01, anneal_epochs=3)]:
        kind = child["type"].split(".")[1]
        add(f"restarts-{kind}", T("SequentialLR", 0.1, schedulers=[C("ExponentialLR", gamma=0.9), child], milestones=[4]), 14)
    add("restarts-PolynomialLR-0", T("SequentialLR", 0.1, schedulers=[C("ExponentialLR", gamma=0.9),
                                                                       C("PolynomialLR", total_iters=0)], milestones=[3]), 6)
    add("restarts-LinearLR-0", T("SequentialLR", 0.1, schedulers=[C("ExponentialLR", gamma=0.9),
                                                                   C("LinearLR", total_iters=0)], milestones=[3]), 6)
    add("restarts-composite", T("SequentialLR", 0.1, schedulers=[C("ExponentialLR", gamma=0.9),
                                                                  C("ChainedScheduler", schedulers=[C("StepLR", step_size=2, gamma=0.5)])],
                                milestones=[4]), 8)
    add("nested-first", T("SequentialLR", 0.05, schedulers=[C("SequentialLR", milestones=[3], schedulers=[
        C("LinearLR", start_factor=0.2, total_iters=3), C("ExponentialLR", gamma=0.95)]),
        C("CosineAnnealingWarmRestarts", T_0=5, T_mult=2)], milestones=[7]), 20)
    add("chained-first", T("SequentialLR", 0.05, schedulers=[C("ChainedScheduler", schedulers=[
        C("ExponentialLR", gamma=0.9), C("ConstantLR", factor=0.5, total_iters=3)]), C("StepLR", step_size=2)], milestones=[6]), 12)
    add("chained-at-0", T("SequentialLR", 0.05, schedulers=[C("StepLR", step_size=2), C("ChainedScheduler", schedulers=[
        C("ExponentialLR", gamma=0.9), C("ConstantLR", factor=0.5, total_iters=3)])], milestones=[0]), 8)
    add("groups", T("SequentialLR", [0.1, 0.01], schedulers=[lin, C("LambdaLR", lr_lambda=["0.9 ** epoch", "0.5"])],
                    milestones=[4]), 10)
    add("groups-milestone-0", T("SequentialLR", [0.1, 0.01], schedulers=[lin, cos], milestones=[0]), 8)
    add("past-last-child", T("SequentialLR", 0.1, schedulers=[C("OneCycleLR", max_lr=0.5, total_steps=4),
                                                              C("ExponentialLR", gamma=0.9)], milestones=[10]), 12)
    # ChainedScheduler.
    add("basic", T("ChainedScheduler", 0.05, schedulers=[C("LinearLR", start_factor=0.1, total_iters=8),
                                                         C("CosineAnnealingLR", T_max=12, eta_min=0.001),
                                                         C("MultiplicativeLR", lr_lambda="0.99")]), 20)
    add("empty", T("ChainedScheduler", 0.1, schedulers=[]))
    add("plateau-child", T("ChainedScheduler", 0.1, schedulers=[C("ReduceLROnPlateau")]))
    add("constant-first", T("ChainedScheduler", 1.0, schedulers=[C("ConstantLR", factor=0.5, total_iters=2),
                                                                  C("ExponentialLR", gamma=0.5)]), 5)
    add("groups", T("ChainedScheduler", [0.1, 0.02], schedulers=[C("ConstantLR", factor=0.5, total_iters=2),
                                                                  C("MultiplicativeLR", lr_lambda=["0.9", "0.8"])]), 6)
    add("child-raises", T("ChainedScheduler", 0.1, schedulers=[C("ExponentialLR", gamma=0.9), C("StepLR", step_size=0)]), 5)
    # An optimizer with negative lr is rejected by SGD itself.
    add("negative-lr", T("StepLR", -0.1, step_size=3))
    add("negative-lr-group", T("StepLR", [0.1, -0.1], step_size=3))
    return out


LAMBDAS = ["0.95 ** epoch", "0.1 ** (epoch // 7)", "1 / (1 + 0.1 * epoch)", "min(1.0, (epoch + 1) / 5)",
           "math.cos(math.pi * epoch / 40) * 0.5 + 0.5", "0.5 if epoch % 4 else 1", "epoch and 1 / epoch",
           "max(0.2, 1 - epoch / 30)", "(1 - epoch / 60) ** 2 if epoch < 60 else 0.0", "math.exp(-epoch / 17)"]
MULTS = ["0.97", "0.99 if epoch % 5 else 0.5", "1 - 0.002 * epoch", "max(0.9, math.exp(-0.01 * epoch))", "1.0 + (epoch == 3)"]
KINDS = ["LambdaLR", "MultiplicativeLR", "StepLR", "MultiStepLR", "ConstantLR", "LinearLR", "ExponentialLR",
         "PolynomialLR", "CosineAnnealingLR", "CosineAnnealingWarmRestarts", "CyclicLR", "OneCycleLR",
         "ReduceLROnPlateau", "SequentialLR", "ChainedScheduler", "SWALR"]


def draw(rng, kind, groups=None, nested=False):
    """A random schedule object; `groups` draws per-group lists where torch accepts them."""
    def r(a, b, digits=4):
        return round(rng.uniform(a, b), digits)

    def per_group(f):
        return [f() for _ in range(groups)] if groups and rng.random() < 0.7 else f()

    if kind == "LambdaLR":
        s = {"lr_lambda": per_group(lambda: rng.choice(LAMBDAS))}
    elif kind == "MultiplicativeLR":
        s = {"lr_lambda": per_group(lambda: rng.choice(MULTS))}
    elif kind == "StepLR":
        s = {"step_size": rng.randint(1, 30), "gamma": r(0.3, 0.99)}
    elif kind == "MultiStepLR":
        s = {"milestones": sorted(rng.sample(range(1, 80), rng.randint(1, 4))), "gamma": r(0.2, 0.9)}
    elif kind == "ConstantLR":
        s = {"factor": r(0.05, 1.0, 3), "total_iters": rng.randint(0, 40)}
    elif kind == "LinearLR":
        s = {"start_factor": r(0.05, 1.0, 3), "end_factor": r(0.0, 1.0, 3), "total_iters": rng.randint(0, 60)}
    elif kind == "ExponentialLR":
        s = {"gamma": r(0.9, 0.999)}
    elif kind == "PolynomialLR":
        s = {"total_iters": rng.randint(0, 80), "power": r(0.3, 3.0, 2)}
    elif kind == "CosineAnnealingLR":
        s = {"T_max": rng.randint(1, 50), "eta_min": rng.choice([0.0, 1e-5, 1e-4])}
    elif kind == "CosineAnnealingWarmRestarts":
        s = {"T_0": rng.randint(1, 30), "T_mult": rng.choice([1, 1, 2, 3]), "eta_min": rng.choice([0.0, 1e-5])}
    elif kind == "CyclicLR":
        s = {"base_lr": per_group(lambda: rng.choice([1e-4, 1e-3])), "max_lr": per_group(lambda: r(0.002, 0.1)),
             "step_size_up": rng.choice([rng.randint(1, 25), r(1, 25, 1)]),
             "mode": rng.choice(["triangular", "triangular2", "exp_range"])}
        if rng.random() < 0.5:
            s["step_size_down"] = rng.randint(1, 25)
        if s["mode"] == "exp_range":
            s["gamma"] = r(0.97, 0.9999, 5)
        if rng.random() < 0.3:
            s["scale_fn"] = rng.choice(["1 / (1 + x)", "0.9 ** x", "1.0 if x % 2 else 0.5"])
            s["scale_mode"] = rng.choice(["cycle", "iterations"])
        if rng.random() < 0.3:
            s["cycle_momentum"] = False
        elif rng.random() < 0.5:
            s["base_momentum"] = per_group(lambda: r(0.7, 0.85, 3))
            s["max_momentum"] = per_group(lambda: r(0.86, 0.99, 3))
    elif kind == "OneCycleLR":
        s = {"max_lr": per_group(lambda: r(0.01, 1.0, 3)), "pct_start": rng.choice([0.1, 0.25, 0.3, 0.45, 0.8]),
             "anneal_strategy": rng.choice(["cos", "linear"]), "div_factor": rng.choice([10.0, 25.0, 100.0]),
             "final_div_factor": rng.choice([100.0, 1e4]), "three_phase": rng.random() < 0.4}
        if rng.random() < 0.7:
            s["total_steps"] = rng.randint(20, 120)
        else:
            s["epochs"] = rng.randint(3, 12)
            s["steps_per_epoch"] = rng.randint(3, 12)
        if rng.random() < 0.3:
            s["cycle_momentum"] = False
    elif kind == "ReduceLROnPlateau":
        s = {"mode": rng.choice(["min", "max"]), "factor": r(0.1, 0.9, 2), "patience": rng.randint(0, 6),
             "threshold": rng.choice([1e-4, 1e-3, 0.01]), "threshold_mode": rng.choice(["rel", "abs"]),
             "cooldown": rng.randint(0, 4), "min_lr": per_group(lambda: rng.choice([0, 1e-6, 1e-3])),
             "eps": rng.choice([1e-8, 1e-4])}
    elif kind == "SWALR":
        s = {"swa_lr": per_group(lambda: r(0.001, 0.2)), "anneal_epochs": rng.randint(0, 30),
             "anneal_strategy": rng.choice(["cos", "linear"])}
    elif kind in ("SequentialLR", "ChainedScheduler"):
        simple = ["StepLR", "MultiStepLR", "ConstantLR", "LinearLR", "ExponentialLR", "PolynomialLR", "CosineAnnealingLR",
                  "CosineAnnealingWarmRestarts", "LambdaLR", "MultiplicativeLR", "SWALR", "CyclicLR", "OneCycleLR"]
        n = rng.randint(1, 3)
        children = [draw(rng, rng.choice(simple), groups, nested=True) for _ in range(n)]
        s = {"schedulers": children}
        if kind == "SequentialLR":
            s["milestones"] = sorted(rng.sample(range(0, 60), n - 1))
    s = {"type": "torch." + kind, **s}
    if not nested:
        lr = [float(f"{10 ** rng.uniform(-4, -0.5):.3g}") for _ in range(groups)] if groups else \
            float(f"{10 ** rng.uniform(-4, -0.5):.3g}")
        s = {"type": s["type"], "lr": lr, **{k: v for k, v in s.items() if k != "type"}}
    return s


def random_draws():
    rng = random.Random(20261130)
    out = []
    for kind in KINDS:
        for i in range(6):
            groups = None if i < 3 else rng.randint(2, 3)
            spec = draw(rng, kind, groups)
            steps = rng.randint(60, 200)
            if kind == "ReduceLROnPlateau":
                spec["metrics"] = walk(rng, steps - 1)
            out.append((f"{spec['type']}#r{i}", spec, steps))
    return out


def cases():
    return [run(i, s, n) for i, s, n in targeted() + random_draws()]
