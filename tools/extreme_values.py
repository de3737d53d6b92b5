#!/usr/bin/env python3
"""Reference values of framework schedules at extreme parameters and steps.

Writes Tests/ScheduleCoreTests/Fixtures/extremes.json: for each case, what the real library
computes, or the exception it raises, where Python's unbounded ints meet step counts near
2**62, Int64 min/max and beyond (the sums and products lrplot must compute without overflow).

Conventions (lrplot's):
- torch: an SGD optimizer with the spec's lr; values[t] is the lr after t rounds of
  scheduler.step() (t = 0 .. 7), or the exception and its round.
- transformers: lr * lr_lambda(t); timm: scheduler._get_lr(t) (t >= 1, t_in_epochs);
  optax: schedule(t) with a Python int t and jax_enable_x64; keras: float(schedule(t)) — each
  at the listed steps, far ones included, with the exception where one is raised.
- deepspeed: the optimizer's lr after construction (step 0) or after
  scheduler.step(t - 1) (step t), DeepSpeed's way of setting last_batch_iteration, at the
  listed steps; mmengine: a walk like torch's, the scheduler built as a runner builds it
  (PARAM_SCHEDULERS with epoch_length, honouring convert_to_iter_based).
- A construction error is recorded as {"construct": "<Type>: <message>"}.

Run with the project venv (/work/venv: torch 2.15, transformers 5.24, timm 1.0.31, optax 0.2.8,
jax, keras 3.15, deepspeed 0.19.8, mmengine 0.10.7); CI never runs it. The versions used are written into the file.
"""
import json
import math
import os
import sys
import warnings

warnings.filterwarnings("ignore")
os.environ.setdefault("KERAS_BACKEND", "jax")

import logging  # noqa: E402

import deepspeed  # noqa: E402
import jax  # noqa: E402
import mmengine  # noqa: E402
import mmengine.optim  # noqa: E402,F401 - registers the parameter schedulers
from deepspeed.runtime import lr_schedules as ds  # noqa: E402
from deepspeed.utils import logger as ds_logger  # noqa: E402
from mmengine.registry import PARAM_SCHEDULERS  # noqa: E402

ds_logger.setLevel(logging.ERROR)
logging.getLogger().setLevel(logging.ERROR)

jax.config.update("jax_enable_x64", True)
import keras  # noqa: E402
import optax  # noqa: E402
import timm  # noqa: E402
import timm.scheduler as ts  # noqa: E402
import torch  # noqa: E402
import transformers  # noqa: E402
from transformers import optimization as hf  # noqa: E402

MAX = 2**63 - 1
MIN = -(2**63)
P62 = 2**62
FAR = [0, 1, 2, 5, 2**53 + 1, P62, MAX - 1, MAX]


def err(e):
    return "%s: %s" % (type(e).__name__, str(e).split("\n")[0][:200])


def fl(v):
    v = float(v)
    if math.isnan(v) or math.isinf(v):
        return repr(v)  # "nan", "inf", "-inf" (JSON has no such numbers)
    return v


def torch_case(spec, make, rounds=8):
    """make(optimizer) -> scheduler."""
    out = {"schedule": spec, "kind": "walk", "steps": list(range(rounds))}
    opt = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=spec["lr"], momentum=0.9)
    try:
        sched = make(opt)
    except Exception as e:  # noqa: BLE001
        out["construct"] = err(e)
        return out
    values = [fl(opt.param_groups[0]["lr"])]
    for t in range(1, rounds):
        try:
            opt.step()
            sched.step()
        except Exception as e:  # noqa: BLE001
            out["raises"] = {"step": t, "error": err(e)}
            break
        values.append(fl(opt.param_groups[0]["lr"]))
    out["values"] = values
    return out


def pointwise_case(spec, make, value_at, steps=FAR):
    """make() -> object; value_at(object, t) -> float. Records each step's value or error."""
    out = {"schedule": spec, "kind": "points", "steps": steps}
    try:
        obj = make()
    except Exception as e:  # noqa: BLE001
        out["construct"] = err(e)
        return out
    values, errors = [], []
    for t in steps:
        try:
            values.append(fl(value_at(obj, t)))
            errors.append(None)
        except Exception as e:  # noqa: BLE001
            values.append(None)
            errors.append(err(e))
    out["values"] = values
    out["errors"] = errors
    return out


def hf_case(spec, factory, **kw):
    def make():
        opt = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=spec["lr"])
        return factory(opt, **kw)

    return pointwise_case(spec, make, lambda s, t: spec["lr"] * s.lr_lambdas[0](t))


def timm_case(spec, cls, **kw):
    def make():
        opt = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=spec["lr"])
        return cls(opt, **kw)

    steps = [t for t in FAR if t >= 1]
    return pointwise_case(spec, make, lambda s, t: s._get_lr(t)[0], steps)


def optax_case(spec, make):
    return pointwise_case(spec, make, lambda s, t: s(t))


def keras_case(spec, make):
    return pointwise_case(spec, make, lambda s, t: s(t))


cases = []
lr = torch.optim.lr_scheduler

# torch: the CosineAnnealingLR T_max = 2**62, and its neighbours.
for tmax in [P62, MAX, MIN, -P62, 2**53 + 1]:
    spec = {"type": "torch.CosineAnnealingLR", "lr": 0.0101, "T_max": tmax}
    cases.append(torch_case(spec, lambda o, tm=tmax: lr.CosineAnnealingLR(o, T_max=tm)))
for up, down in [(P62, None), (MAX, None), (3, MAX), (P62, P62), (MAX, MAX)]:
    spec = {"type": "torch.CyclicLR", "lr": 0.001, "base_lr": 0.0001, "max_lr": 0.001, "step_size_up": up}
    if down is not None:
        spec["step_size_down"] = down
    cases.append(torch_case(spec, lambda o, u=up, d=down: lr.CyclicLR(o, 0.0001, 0.001, step_size_up=u, step_size_down=d)))
for t0, mult in [(1, MAX), (2, P62), (MAX, 2), (3, MAX)]:
    spec = {"type": "torch.CosineAnnealingWarmRestarts", "lr": 0.1, "T_0": t0, "T_mult": mult}
    cases.append(torch_case(spec, lambda o, a=t0, b=mult: lr.CosineAnnealingWarmRestarts(o, T_0=a, T_mult=b), rounds=12))
for size in [P62, MAX, MIN]:
    spec = {"type": "torch.StepLR", "lr": 0.1, "step_size": size, "gamma": 0.5}
    cases.append(torch_case(spec, lambda o, s=size: lr.StepLR(o, step_size=s, gamma=0.5)))
for total in [MAX, MIN, 2**53 + 1]:
    spec = {"type": "torch.PolynomialLR", "lr": 0.1, "total_iters": total, "power": 2.0}
    cases.append(torch_case(spec, lambda o, n=total: lr.PolynomialLR(o, total_iters=n, power=2.0)))
    spec = {"type": "torch.LinearLR", "lr": 0.1, "total_iters": total}
    cases.append(torch_case(spec, lambda o, n=total: lr.LinearLR(o, total_iters=n)))
spec = {"type": "torch.OneCycleLR", "lr": 0.1, "max_lr": 0.1, "total_steps": MAX}
cases.append(torch_case(spec, lambda o: lr.OneCycleLR(o, max_lr=0.1, total_steps=MAX)))
spec = {"type": "torch.OneCycleLR", "lr": 0.1, "max_lr": 0.1, "epochs": P62, "steps_per_epoch": 4}
cases.append(torch_case(spec, lambda o: lr.OneCycleLR(o, max_lr=0.1, epochs=P62, steps_per_epoch=4)))

# transformers: the hf.cosine num_warmup_steps = Int64.min, and the other lambdas.
for w, n in [(MIN, 294), (28, MIN), (MAX, 294), (MIN, MAX), (28, MAX)]:
    base = {"lr": 0.00224, "num_warmup_steps": w, "num_training_steps": n}
    cases.append(hf_case({"type": "hf.cosine", **base}, hf.get_cosine_schedule_with_warmup,
                         num_warmup_steps=w, num_training_steps=n))
    cases.append(hf_case({"type": "hf.linear", **base}, hf.get_linear_schedule_with_warmup,
                         num_warmup_steps=w, num_training_steps=n))
    cases.append(hf_case({"type": "hf.cosine_with_restarts", **base, "num_cycles": 3},
                         hf.get_cosine_with_hard_restarts_schedule_with_warmup,
                         num_warmup_steps=w, num_training_steps=n, num_cycles=3))
    cases.append(hf_case({"type": "hf.polynomial", **base, "lr_end": 1e-7, "power": 2.0},
                         hf.get_polynomial_decay_schedule_with_warmup,
                         num_warmup_steps=w, num_training_steps=n, lr_end=1e-7, power=2.0))
    cases.append(hf_case({"type": "hf.cosine_with_min_lr", **base, "min_lr_rate": 0.1},
                         hf.get_cosine_with_min_lr_schedule_with_warmup,
                         num_warmup_steps=w, num_training_steps=n, min_lr_rate=0.1))
for w, s, d in [(MIN, 10, 76), (28, MAX, 76), (MAX, MAX, MAX), (28, 10, MIN), (MIN, MIN, MIN)]:
    spec = {"type": "hf.warmup_stable_decay", "lr": 0.000387, "num_warmup_steps": w, "num_stable_steps": s,
            "num_decay_steps": d}
    cases.append(hf_case(spec, hf.get_wsd_schedule, num_warmup_steps=w, num_stable_steps=s, num_decay_steps=d))
spec = {"type": "hf.warmup_stable_decay", "lr": 0.000387, "num_warmup_steps": MIN, "num_training_steps": MAX,
        "num_decay_steps": MIN}
cases.append(hf_case(spec, hf.get_wsd_schedule, num_warmup_steps=MIN, num_training_steps=MAX, num_decay_steps=MIN))
for w, ts_ in [(MAX, None), (MIN, None), (10, MAX), (10, 2**53 + 1), (0, None)]:
    spec = {"type": "hf.inverse_sqrt", "lr": 0.01, "num_warmup_steps": w}
    kw = {}
    if ts_ is not None:
        spec["timescale"] = ts_
        kw["timescale"] = ts_
    cases.append(hf_case(spec, hf.get_inverse_sqrt_schedule, num_warmup_steps=w, **kw))

# timm: warm-ups shifting t past Int64, and cycles of extreme length.
for cls, name, extra in [(ts.CosineLRScheduler, "timm.CosineLRScheduler", {}),
                         (ts.PolyLRScheduler, "timm.PolyLRScheduler", {}),
                         (ts.TanhLRScheduler, "timm.TanhLRScheduler", {})]:
    for t_init, warm, prefix, mul in [(P62, 0, False, 1.0), (91, MIN, True, 1.0), (MAX, 5, True, 1.0),
                                      (7, MIN, True, 2.0), (3, 0, False, 1.0 + 2**-52), (5, 0, False, 0.5)]:
        if cls is ts.TanhLRScheduler and warm < 0:
            continue  # timm asserts warmup_t >= 0
        spec = {"type": name, "lr": 0.0468, "t_initial": t_init, "warmup_t": warm, "warmup_prefix": prefix,
                "cycle_mul": mul, "cycle_limit": 1000}
        cases.append(timm_case(spec, cls, t_initial=t_init, warmup_t=warm, warmup_prefix=prefix, cycle_mul=mul,
                               cycle_limit=1000))
for warm, decay_t in [(MIN, 13), (MAX, 13), (MIN, 2**53 + 1), (5, MAX)]:
    spec = {"type": "timm.StepLRScheduler", "lr": 0.0467, "decay_t": decay_t, "decay_rate": 0.614, "warmup_t": warm,
            "warmup_prefix": True}
    cases.append(timm_case(spec, ts.StepLRScheduler, decay_t=decay_t, decay_rate=0.614, warmup_t=warm,
                           warmup_prefix=True))
for warm in [MIN, MAX, -1]:
    spec = {"type": "timm.MultiStepLRScheduler", "lr": 0.0474, "decay_t": [15, 51, 2**53 + 1], "decay_rate": 0.677,
            "warmup_t": warm, "warmup_prefix": True}
    cases.append(timm_case(spec, ts.MultiStepLRScheduler, decay_t=[15, 51, 2**53 + 1], decay_rate=0.677,
                           warmup_t=warm, warmup_prefix=True))
for t_init, decay_t, warm in [(MAX, 48, 0), (MAX, MAX, 0), (89, 29, MIN), (MAX, 1, MAX)]:
    spec = {"type": "timm.WSDLRScheduler", "lr": 0.0362, "t_initial": t_init, "decay_t": decay_t, "warmup_t": warm,
            "decay_fn": "cosine", "stable_fn": "rsqrt", "stable_timescale": 7}
    cases.append(timm_case(spec, ts.WSDLRScheduler, t_initial=t_init, decay_t=decay_t, warmup_t=warm,
                           decay_fn="cosine", stable_fn="rsqrt", stable_timescale=7))

# optax: Python-int counts; JAX raises OverflowError where one leaves int64.
cases.append(optax_case({"type": "optax.join_schedules", "schedules": [
    {"type": "optax.constant_schedule", "value": 0.1},
    {"type": "optax.linear_schedule", "init_value": 0.1, "end_value": 0.0, "transition_steps": 10}],
    "boundaries": [MIN]},
    lambda: optax.join_schedules([optax.constant_schedule(0.1), optax.linear_schedule(0.1, 0.0, 10)], [MIN])))
cases.append(optax_case({"type": "optax.join_schedules", "schedules": [
    {"type": "optax.constant_schedule", "value": 0.1},
    {"type": "optax.cosine_decay_schedule", "init_value": 0.1, "decay_steps": 10}],
    "boundaries": [-1]},
    lambda: optax.join_schedules([optax.constant_schedule(0.1), optax.cosine_decay_schedule(0.1, 10)], [-1])))
cases.append(optax_case({"type": "optax.join_schedules", "schedules": [
    {"type": "optax.linear_schedule", "init_value": 0.1, "end_value": 0.0, "transition_steps": 10,
     "transition_begin": MAX},
    {"type": "optax.constant_schedule", "value": 0.2}],
    "boundaries": [MAX]},
    lambda: optax.join_schedules([optax.linear_schedule(0.1, 0.0, 10, MAX), optax.constant_schedule(0.2)], [MAX])))
for w, d in [(MIN, 100), (10, MIN), (MAX, MAX), (-5, MAX)]:
    spec = {"type": "optax.warmup_cosine_decay_schedule", "init_value": 0.0, "peak_value": 0.04, "warmup_steps": w,
            "decay_steps": d}
    cases.append(optax_case(spec, lambda a=w, b=d: optax.warmup_cosine_decay_schedule(0.0, 0.04, a, b)))
for w in [MIN, MAX]:
    spec = {"type": "optax.warmup_exponential_decay_schedule", "init_value": 0.0, "peak_value": 0.04,
            "warmup_steps": w, "transition_steps": 10, "decay_rate": 0.5}
    cases.append(optax_case(spec, lambda a=w: optax.warmup_exponential_decay_schedule(0.0, 0.04, a, 10, 0.5)))
for b in [MIN, MAX, MIN + 3]:
    spec = {"type": "optax.piecewise_constant_schedule", "init_value": 0.1, "boundaries_and_scales": {str(b): 0.5}}
    cases.append(optax_case(spec, lambda a=b: optax.piecewise_constant_schedule(0.1, {a: 0.5})))
for bs in [{str(MIN): 0.5, "10": 2.0}, {"10": 0.5, str(MAX): 2.0}, {str(MIN): 0.5, str(MAX): 2.0}]:
    for kind in ["linear", "cosine"]:
        spec = {"type": "optax.piecewise_interpolate_schedule", "interpolate_type": kind, "init_value": 0.1,
                "boundaries_and_scales": bs}
        cases.append(optax_case(spec, lambda k=kind, d=bs: optax.piecewise_interpolate_schedule(
            k, 0.1, {int(key): v for key, v in d.items()})))
for steps, begin in [(MAX, 3), (7, MAX), (2**53 + 1, 0)]:
    spec = {"type": "optax.exponential_decay", "init_value": 0.1, "transition_steps": steps, "decay_rate": 0.5,
            "transition_begin": begin}
    cases.append(optax_case(spec, lambda a=steps, b=begin: optax.exponential_decay(0.1, a, 0.5, transition_begin=b)))
    spec = {"type": "optax.polynomial_schedule", "init_value": 0.1, "end_value": 0.01, "power": 2.0,
            "transition_steps": steps, "transition_begin": begin}
    cases.append(optax_case(spec, lambda a=steps, b=begin: optax.polynomial_schedule(0.1, 0.01, 2.0, a, b)))
spec = {"type": "optax.sgdr_schedule", "cosine_kwargs": [
    {"init_value": 0.0, "peak_value": 0.04, "warmup_steps": 1, "decay_steps": MAX},
    {"init_value": 0.0, "peak_value": 0.04, "warmup_steps": 1, "decay_steps": MAX},
    {"init_value": 0.0, "peak_value": 0.04, "warmup_steps": 1, "decay_steps": 10}]}
cases.append(optax_case(spec, lambda: optax.sgdr_schedule([
    dict(init_value=0.0, peak_value=0.04, warmup_steps=1, decay_steps=MAX),
    dict(init_value=0.0, peak_value=0.04, warmup_steps=1, decay_steps=MAX),
    dict(init_value=0.0, peak_value=0.04, warmup_steps=1, decay_steps=10)])))

# Keras: boundaries at the ends of int64.
for bounds in [[MAX, 183, 335], [143, 183, MAX], [MIN, 0, MAX]]:
    spec = {"type": "keras.PiecewiseConstantDecay", "boundaries": bounds, "values": [0.1, 0.05, 0.01, 0.001]}
    cases.append(keras_case(spec, lambda b=bounds: keras.optimizers.schedules.PiecewiseConstantDecay(
        b, [0.1, 0.05, 0.01, 0.001])))

# DeepSpeed: closed forms over Python ints (last_batch_iteration - warmup_num_steps + 1,
# total_num_steps - last_batch_iteration, ...), evaluated anywhere by step(batch_iteration).
def deepspeed_case(spec):
    kind = spec["type"].split(".", 1)[1]
    args = {k: v for k, v in spec.items() if k not in ("type", "lr")}

    def make():
        def at(t):
            opt = torch.optim.AdamW([torch.zeros(1, requires_grad=True)], lr=spec.get("lr", 0.001))
            sched = getattr(ds, kind)(opt, **args)
            if t > 0:
                sched.step(t - 1)
            return opt.param_groups[0]["lr"]
        getattr(ds, kind)(torch.optim.AdamW([torch.zeros(1, requires_grad=True)], lr=0.001), **args)
        return at

    return pointwise_case(spec, make, lambda at, t: at(t))


for warm in [MAX, P62, 2**53 + 1, MIN]:
    for kind in ["log", "linear"]:
        cases.append(deepspeed_case({"type": "deepspeed.WarmupLR", "warmup_min_lr": 0.0, "warmup_max_lr": 0.01,
                                     "warmup_num_steps": warm, "warmup_type": kind}))
for total, warm in [(MAX, 10), (MIN, 10), (MAX, MAX), (10, MAX), (MAX, MAX - 1), (2**53 + 1, 2**53), (-1, P62)]:
    for kind in ["log", "linear"]:
        cases.append(deepspeed_case({"type": "deepspeed.WarmupDecayLR", "total_num_steps": total,
                                     "warmup_min_lr": 0.0001, "warmup_max_lr": 0.01, "warmup_num_steps": warm,
                                     "warmup_type": kind}))
        cases.append(deepspeed_case({"type": "deepspeed.WarmupCosineLR", "lr": 0.01, "total_num_steps": total,
                                     "warmup_min_ratio": 0.01, "warmup_num_steps": warm, "cos_min_ratio": 0.05,
                                     "warmup_type": kind}))
for first, second, stairs, decay in [(MAX, None, 0, 0), (P62, MAX, 0, 0), (3, MAX, 0, MAX), (5, 0, MAX, 1),
                                     (MAX, MAX, 3, MIN), (7, 2, 0, MAX), (2**53 + 1, 1, 4, 3), (4, 4, MIN, 2)]:
    spec = {"type": "deepspeed.OneCycle", "cycle_min_lr": 0.001, "cycle_max_lr": 0.01, "decay_lr_rate": 0.5,
            "cycle_first_step_size": first, "cycle_first_stair_count": stairs, "decay_step_size": decay}
    if second is not None:
        spec["cycle_second_step_size"] = second
    cases.append(deepspeed_case(spec))
for size, rate, stair in [(MAX, 1.0, False), (MAX, 1.0, True), (P62, 1e308, False), (1, 1e308, True),
                          (2**53 + 1, 5.0, True), (3, 1.0, True)]:
    cases.append(deepspeed_case({"type": "deepspeed.LRRangeTest", "lr_range_test_min_lr": 0.001,
                                 "lr_range_test_step_size": size, "lr_range_test_step_rate": rate,
                                 "lr_range_test_staircase": stair}))


# mmengine: windows (begin, end) and lengths at the ends of int64, also multiplied by
# epoch_length by convert_to_iter_based.
def mmengine_case(spec, rounds=8):
    args = {k: v for k, v in spec.items() if k not in ("type", "lr", "epoch_length")}
    kind = spec["type"].split(".", 1)[1]
    return torch_case({**spec}, lambda o: PARAM_SCHEDULERS.build(
        dict(type=kind, **args), default_args=dict(optimizer=o, epoch_length=spec.get("epoch_length"))), rounds)


for begin, end in [(MAX - 1, MAX), (0, MAX), (MIN, 10), (P62, None), (3, MIN), (MIN, MAX)]:
    window = {"begin": begin} if end is None else {"begin": begin, "end": end}
    for kind, extra in [("LinearLR", {"start_factor": 0.1}), ("ConstantLR", {"factor": 0.5}),
                        ("ExponentialLR", {"gamma": 0.9}), ("PolyLR", {"eta_min": 0.001, "power": 2.0}),
                        ("CosineAnnealingLR", {"eta_min": 0.001}), ("StepLR", {"step_size": 2, "gamma": 0.5})]:
        cases.append(mmengine_case({"type": "mmengine." + kind, "lr": 0.1, **extra, **window, "by_epoch": False}))
for begin, end, length in [(P62, MAX, 4), (1, MAX, 3), (0, 5, P62), (2, 9, MAX)]:
    for kind, extra in [("LinearLR", {"start_factor": 0.1}), ("CosineAnnealingLR", {"T_max": P62}),
                        ("MultiStepLR", {"milestones": [1, P62], "gamma": 0.5})]:
        cases.append(mmengine_case({"type": "mmengine." + kind, "lr": 0.1, **extra, "begin": begin, "end": end,
                                    "convert_to_iter_based": True, "epoch_length": length}))
for tmax in [MAX, P62, MIN, 2**53 + 1]:
    cases.append(mmengine_case({"type": "mmengine.CosineAnnealingLR", "lr": 0.1, "T_max": tmax, "by_epoch": False}))
for size in [MAX, MIN, P62]:
    cases.append(mmengine_case({"type": "mmengine.StepLR", "lr": 0.1, "step_size": size, "gamma": 0.5,
                                "by_epoch": False}))
for ms in [[MAX], [MIN, 2], [3, MAX, MAX], [2**53 + 1, 1]]:
    cases.append(mmengine_case({"type": "mmengine.MultiStepLR", "lr": 0.1, "milestones": ms, "gamma": 0.5,
                                "by_epoch": False}))
for total, three in [(MAX, False), (P62, True), (MIN, False), (2**53 + 1, False)]:
    cases.append(mmengine_case({"type": "mmengine.OneCycleLR", "lr": 0.1, "eta_max": 0.1, "total_steps": total,
                                "three_phase": three, "by_epoch": False}))
for periods in [[MAX, MAX], [P62, 3], [1, MAX], [MIN, 3]]:
    cases.append(mmengine_case({"type": "mmengine.CosineRestartLR", "lr": 0.1, "periods": periods,
                                "restart_weights": [1.0, 0.5], "eta_min": 0.001, "by_epoch": False}, rounds=10))

for i, c in enumerate(cases):
    c["id"] = "%s#%d" % (c["schedule"]["type"], i)

out = {
    "generated_by": {"torch": torch.__version__, "transformers": transformers.__version__, "timm": timm.__version__,
                     "optax": optax.__version__, "jax": jax.__version__, "keras": keras.__version__,
                     "deepspeed": deepspeed.__version__, "mmengine": mmengine.__version__,
                     "script": "tools/extreme_values.py"},
    "convention": __doc__.strip().split("\n\n")[1],
    "cases": cases,
}
path = sys.argv[1] if len(sys.argv) > 1 else "Tests/ScheduleCoreTests/Fixtures/extremes.json"
with open(path, "w") as f:
    json.dump(out, f, indent=1)
print("%d cases -> %s" % (len(cases), path))
