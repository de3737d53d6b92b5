"""Writes Tests/ScheduleCoreTests/Fixtures/deepspeed.json: random draws of every DeepSpeed
scheduler (deepspeed.runtime.lr_schedules: WarmupLR, WarmupDecayLR, WarmupCosineLR, OneCycle,
LRRangeTest), built the way DeepSpeed's engine builds one from a ds_config "scheduler"
(`getattr(lr_schedules, type)(optimizer, **params)`) on a torch AdamW optimizer, then stepped
once per optimizer step as the engine does.

values[0] is the optimizer's lr right after construction, values[t] its lr after t calls of
scheduler.step(); OneCycle cases also record momenta[t], the optimizer's betas[0].

    /work/venv/bin/python tools/reference/make_deepspeed.py Tests/ScheduleCoreTests/Fixtures/deepspeed.json

(DeepSpeed prints to stdout when imported, so the file is named on the command line.)
"""
import json
import logging
import random
import sys

import deepspeed
import torch
from deepspeed.runtime import lr_schedules
from deepspeed.utils import logger

logger.setLevel(logging.ERROR)
rng = random.Random(20261201)


def lr():
    return float(f"{10 ** rng.uniform(-5, -1):.3g}")


def draw(kind):
    if kind == "WarmupLR":
        p = {"warmup_min_lr": rng.choice([0, 0.0, lr() / 10]), "warmup_max_lr": lr(),
             "warmup_num_steps": rng.choice([1, 2, 3, 10, 37, 100, 250])}
        if rng.random() < 0.5:
            p["warmup_type"] = rng.choice(["log", "linear"])
        if rng.random() < 0.15:
            p["warmup_max_lr"] = None
            p["lr"] = lr()
        return p, 40 + rng.randrange(300)
    if kind == "WarmupDecayLR":
        w = rng.choice([1, 2, 5, 20, 60])
        total = rng.choice([w + rng.randrange(1, 300), w - 1 if w > 1 else 1, float(w + rng.randrange(1, 200)) + 0.5])
        p = {"total_num_steps": total, "warmup_min_lr": rng.choice([0, lr() / 10]), "warmup_max_lr": lr(),
             "warmup_num_steps": w, "warmup_type": rng.choice(["log", "linear"])}
        return p, int(total) + 30
    if kind == "WarmupCosineLR":
        w = rng.choice([1, 2, 5, 20, 60])
        total = rng.choice([w + rng.randrange(1, 300), max(1, w - 3), w])
        p = {"lr": lr(), "total_num_steps": total, "warmup_min_ratio": rng.choice([0.0, 0.01, 0.1]),
             "warmup_num_steps": w, "cos_min_ratio": rng.choice([0.0001, 0.0, 0.05, 0.2]),
             "warmup_type": rng.choice(["log", "linear"])}
        return p, int(total) + 40
    if kind == "OneCycle":
        first = rng.choice([3, 10, 25, 40, 7.5])
        p = {"cycle_min_lr": lr() / 10, "cycle_max_lr": lr(), "cycle_first_step_size": first}
        if rng.random() < 0.6:
            p["cycle_second_step_size"] = rng.choice([0, 5, 20, 33])
        if rng.random() < 0.5:
            p["cycle_first_stair_count"] = rng.choice([0, 2, 4, 7])
            if rng.random() < 0.5:
                p["cycle_second_stair_count"] = rng.choice([0, 3, 5])
        if rng.random() < 0.6:
            p["decay_step_size"] = rng.choice([0, 1, 5, 13])
            p["decay_lr_rate"] = rng.choice([0.0, 0.001, 0.1, 0.5])
        if rng.random() < 0.5:
            p["cycle_min_mom"] = rng.choice([0.8, 0.85])
            p["cycle_max_mom"] = rng.choice([0.9, 0.95])
            p["decay_mom_rate"] = rng.choice([0.0, 0.01])
        if rng.random() < 0.15:
            p["cycle_momentum"] = False
        return p, 150
    if kind == "LRRangeTest":
        p = {"lr_range_test_min_lr": lr(), "lr_range_test_step_size": rng.choice([1, 3, 10, 50]),
             "lr_range_test_step_rate": rng.choice([0.5, 1.0, 5.0]),
             "lr_range_test_staircase": rng.random() < 0.5}
        return p, 120
    raise ValueError(kind)


def run(kind, params, steps):
    args = dict(params)
    opt_lr = args.pop("lr", 0.001)
    model = torch.nn.Linear(2, 1)
    optimizer = torch.optim.AdamW(model.parameters(), lr=opt_lr)
    scheduler = getattr(lr_schedules, kind)(optimizer, **args)
    values = [optimizer.param_groups[0]["lr"]]
    momenta = [optimizer.param_groups[0]["betas"][0]]
    for _ in range(steps - 1):
        optimizer.step()
        scheduler.step()
        values.append(optimizer.param_groups[0]["lr"])
        momenta.append(optimizer.param_groups[0]["betas"][0])
    return [float(v) for v in values], [float(m) for m in momenta]


cases = []
for kind in ["WarmupLR", "WarmupDecayLR", "WarmupCosineLR", "OneCycle", "LRRangeTest"]:
    for i in range(12):
        params, steps = draw(kind)
        values, momenta = run(kind, params, steps)
        case = {"id": f"deepspeed.{kind}#{i}", "steps": steps,
                "schedule": {"type": f"deepspeed.{kind}", **params}, "values": values}
        if kind == "OneCycle" and params.get("cycle_momentum", True):
            case["momenta"] = momenta
        cases.append(case)

with open(sys.argv[1], "w") as out:
    json.dump({"generated_by": {"deepspeed": deepspeed.__version__, "torch": torch.__version__,
                                "script": "tools/reference/make_deepspeed.py"},
               "convention": "values[t] is the optimizer's lr after t scheduler.step() calls (values[0]: after construction)",
               "cases": cases}, out)
