"""Writes Tests/ScheduleCoreTests/Fixtures/torch_extra.json: random draws of every torch scheduler
(and quirks: stepping past OneCycleLR's end, CosineAnnealingLR past T_max, nested composites),
computed by torch's own torch/optim/lr_scheduler.py and swa_utils.py on an SGD optimizer
(momentum 0.9). Needs those two files importable as torch.optim.lr_scheduler / swa_utils (a
stub `torch` package around the real files is enough: they are pure Python).

    PYTHONPATH=<dir with torch/> python3 scripts/make_torch_extra.py > Tests/ScheduleCoreTests/Fixtures/torch_extra.json

Kept for the fixture it wrote; tools/reference/generate.py (whose torch draws start from these)
now makes the reference fixtures of every framework, with the real libraries and branch coverage.
"""
import json
import math
import random
import sys
import warnings

warnings.simplefilter("ignore")
import torch.optim.lr_scheduler as L
from torch.optim.swa_utils import SWALR

try:
    from torch.optim import SGD
except ImportError:
    from torch.optim.optimizer import SGD

rng = random.Random(20261125)

LAMBDAS = ["0.95 ** epoch", "0.1 ** (epoch // 7)", "1 / (1 + 0.1 * epoch)", "min(1.0, (epoch + 1) / 5)",
           "math.cos(math.pi * epoch / 40) * 0.5 + 0.5", "0.5 if epoch % 4 else 1", "epoch and 1 / epoch",
           "max(0.2, 1 - epoch / 30)", "(1 - epoch / 60) ** 2 if epoch < 60 else 0.0", "math.exp(-epoch / 17)"]
MULTS = ["0.97", "0.99 if epoch % 5 else 0.5", "1 - 0.002 * epoch", "max(0.9, math.exp(-0.01 * epoch))", "1.0 + (epoch == 3)"]


def r(a, b, digits=4):
    return round(rng.uniform(a, b), digits)


def lr():
    return float(f"{10 ** rng.uniform(-4, -0.5):.3g}")


def draw(kind, nested=False):
    """One schedule object (without lr when nested)."""
    if kind == "LambdaLR":
        s = {"lr_lambda": rng.choice(LAMBDAS)}
    elif kind == "MultiplicativeLR":
        s = {"lr_lambda": rng.choice(MULTS)}
    elif kind == "StepLR":
        s = {"step_size": rng.randint(1, 30), "gamma": r(0.3, 0.99)}
    elif kind == "MultiStepLR":
        s = {"milestones": sorted(rng.sample(range(1, 80), rng.randint(1, 4))) + ([5] if rng.random() < 0.3 else []), "gamma": r(0.2, 0.9)}
        s["milestones"].sort()
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
        s = {"base_lr": rng.choice([1e-4, 1e-3]), "max_lr": r(0.002, 0.1), "step_size_up": rng.randint(1, 25),
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
            s["base_momentum"] = r(0.7, 0.85, 3)
            s["max_momentum"] = r(0.86, 0.99, 3)
    elif kind == "OneCycleLR":
        s = {"max_lr": r(0.01, 1.0, 3), "pct_start": rng.choice([0.1, 0.25, 0.3, 0.45, 0.8]),
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
             "cooldown": rng.randint(0, 4), "min_lr": rng.choice([0, 1e-6, 1e-3]), "eps": rng.choice([1e-8, 1e-4])}
    elif kind == "SWALR":
        s = {"swa_lr": r(0.001, 0.2), "anneal_epochs": rng.randint(0, 30), "anneal_strategy": rng.choice(["cos", "linear"])}
    elif kind in ("SequentialLR", "ChainedScheduler"):
        simple = ["StepLR", "MultiStepLR", "ConstantLR", "LinearLR", "ExponentialLR", "PolynomialLR", "CosineAnnealingLR",
                  "CosineAnnealingWarmRestarts", "LambdaLR", "MultiplicativeLR", "SWALR", "CyclicLR", "OneCycleLR"]
        n = rng.randint(1, 3)
        children = [draw(rng.choice(simple), nested=True) for _ in range(n)]
        if kind == "SequentialLR" and rng.random() < 0.15:
            children[0] = draw("ChainedScheduler", nested=True)
        s = {"schedulers": children}
        if kind == "SequentialLR":
            s["milestones"] = sorted(rng.sample(range(1, 60), n - 1))
    s = {"type": "torch." + kind, **s}
    if not nested:
        s = {"type": s["type"], "lr": lr(), **{k: v for k, v in s.items() if k != "type"}}
    return s


def build(spec, opt):
    kind = spec["type"].split(".")[1]
    kw = {k: v for k, v in spec.items() if k not in ("type", "lr", "metrics")}
    if kind in ("LambdaLR", "MultiplicativeLR"):
        kw["lr_lambda"] = eval("lambda epoch: " + kw["lr_lambda"], {"math": math})
    if kind == "CyclicLR" and "scale_fn" in kw:
        kw["scale_fn"] = eval("lambda x: " + kw["scale_fn"], {"math": math})
    if kind in ("SequentialLR", "ChainedScheduler"):
        kw["schedulers"] = [build(c, opt) for c in kw["schedulers"]]
        if kind == "ChainedScheduler":
            return L.ChainedScheduler(kw["schedulers"], optimizer=opt)
    if kind == "SWALR":
        return SWALR(opt, **kw)
    return getattr(L, kind)(opt, **kw)


def run(spec, steps):
    opt = SGD(spec["lr"], momentum=0.9)
    sched = build(spec, opt)
    values, momenta, stop = [], [], None
    metrics = spec.get("metrics")
    for t in range(steps):
        if t > 0:
            opt.step()
            try:
                if metrics is not None:
                    sched.step(metrics[t - 1])
                else:
                    sched.step()
            except Exception as e:
                stop = {"step": t, "message": f"{type(e).__name__}: {e}"}
                break
        values.append(opt.param_groups[0]["lr"])
        momenta.append(opt.param_groups[0]["momentum"])
    return values, momenta, stop


def metrics_walk(n):
    m, x = [], rng.uniform(1, 3)
    for _ in range(n):
        x = x * rng.uniform(0.97, 1.02) + rng.uniform(-0.01, 0.01)
        m.append(round(x, 4))
    return m


KINDS = ["LambdaLR", "MultiplicativeLR", "StepLR", "MultiStepLR", "ConstantLR", "LinearLR", "ExponentialLR",
         "PolynomialLR", "CosineAnnealingLR", "CosineAnnealingWarmRestarts", "CyclicLR", "OneCycleLR",
         "ReduceLROnPlateau", "SequentialLR", "ChainedScheduler", "SWALR"]
cases = []
for kind in KINDS:
    for i in range(10):
        spec = draw(kind)
        steps = rng.randint(60, 260)
        if kind == "ReduceLROnPlateau":
            spec["metrics"] = metrics_walk(steps - 1)
        try:
            values, momenta, stop = run(spec, steps)
        except Exception as e:
            cases.append({"id": f"torch.{kind}#x{i}", "steps": steps, "schedule": spec, "error": f"{type(e).__name__}: {e}"})
            continue
        case = {"id": f"torch.{kind}#x{i}", "steps": steps, "schedule": spec, "values": values, "stop": stop}
        if kind in ("CyclicLR", "OneCycleLR"):
            case["momenta"] = momenta
        cases.append(case)
QUIRKS = [
    # A composite restarted at a milestone: torch raises NotImplementedError.
    {"type": "torch.SequentialLR", "lr": 0.1, "milestones": [4], "schedulers": [
        {"type": "torch.ExponentialLR", "gamma": 0.9},
        {"type": "torch.ChainedScheduler", "schedulers": [{"type": "torch.StepLR", "step_size": 2, "gamma": 0.5}]}]},
    # SequentialLR inside SequentialLR (first child), and CosineAnnealingWarmRestarts restarted at a milestone.
    {"type": "torch.SequentialLR", "lr": 0.05, "milestones": [7], "schedulers": [
        {"type": "torch.SequentialLR", "milestones": [3], "schedulers": [
            {"type": "torch.LinearLR", "start_factor": 0.2, "total_iters": 3}, {"type": "torch.ExponentialLR", "gamma": 0.95}]},
        {"type": "torch.CosineAnnealingWarmRestarts", "T_0": 5, "T_mult": 2}]},
    # Children that change initial_lr or the lr at construction.
    {"type": "torch.SequentialLR", "lr": 0.05, "milestones": [10, 30], "schedulers": [
        {"type": "torch.CyclicLR", "base_lr": 0.001, "max_lr": 0.02, "step_size_up": 4},
        {"type": "torch.OneCycleLR", "max_lr": 0.3, "total_steps": 50},
        {"type": "torch.SWALR", "swa_lr": 0.01, "anneal_epochs": 5}]},
    {"type": "torch.ChainedScheduler", "lr": 0.05, "schedulers": [
        {"type": "torch.LinearLR", "start_factor": 0.1, "total_iters": 8},
        {"type": "torch.CosineAnnealingLR", "T_max": 12, "eta_min": 0.001},
        {"type": "torch.MultiplicativeLR", "lr_lambda": "0.99"}]},
    {"type": "torch.SequentialLR", "lr": 0.02, "milestones": [5, 5], "schedulers": [
        {"type": "torch.ConstantLR", "factor": 0.5}, {"type": "torch.StepLR", "step_size": 3}, {"type": "torch.PolynomialLR", "total_iters": 20, "power": 2.0}]},
    {"type": "torch.SequentialLR", "lr": 0.02, "milestones": [6], "schedulers": [
        {"type": "torch.MultiStepLR", "milestones": [2, 2, 4], "gamma": 0.5}, {"type": "torch.MultiplicativeLR", "lr_lambda": "0.9 if epoch else 0.5"}]},
    {"type": "torch.CosineAnnealingLR", "lr": 0.3, "T_max": 3, "eta_min": 0.01},
    {"type": "torch.CosineAnnealingLR", "lr": 0.3, "T_max": -4},
    {"type": "torch.CyclicLR", "lr": 0.3, "base_lr": 0.01, "max_lr": 0.1, "step_size_up": 1, "mode": "triangular2"},
    {"type": "torch.OneCycleLR", "lr": 0.3, "max_lr": 0.5, "total_steps": 7, "pct_start": 0.5, "three_phase": True},
    {"type": "torch.LinearLR", "lr": 0.3, "start_factor": 0.5, "end_factor": 0.0, "total_iters": 9},
    {"type": "torch.ConstantLR", "lr": 0.3, "factor": 0.0, "total_iters": 4},
    {"type": "torch.LambdaLR", "lr": 0.3, "lr_lambda": "1 / (5 - epoch)"},
    {"type": "torch.SWALR", "lr": 0.3, "swa_lr": 0.05, "anneal_epochs": 0},
]
for i, spec in enumerate(QUIRKS):
    steps = 3000 if "triangular2" in json.dumps(spec) else 90
    try:
        values, momenta, stop = run(spec, steps)
    except Exception as e:
        cases.append({"id": f"{spec['type']}#q{i}", "steps": steps, "schedule": spec, "error": f"{type(e).__name__}: {e}"})
        continue
    cases.append({"id": f"{spec['type']}#q{i}", "steps": steps, "schedule": spec, "values": values, "stop": stop})
json.dump({"generated_by": "scripts/make_torch_extra.py (torch 2.15.0 lr_scheduler.py, swa_utils.py)", "cases": cases}, sys.stdout, indent=None)
