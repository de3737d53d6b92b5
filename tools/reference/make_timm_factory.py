"""Writes Tests/ScheduleCoreTests/Fixtures/timm_factory.json: random draws of timm 1.0.31's
`create_scheduler_v2` (timm/scheduler/scheduler_factory.py) on an SGD optimizer, stepped the
way timm's train.py steps the result:

    for epoch in range(num_epochs):
        for each of updates_per_epoch optimizer updates:
            num_updates += 1; lr_scheduler.step_update(num_updates=num_updates, metric=...)
        lr_scheduler.step(epoch + 1, metric)

values[0] is the lr after construction; values[t] the lr after t epochs (step_on_epochs) or
after t updates (step_on_epochs false, t_in_epochs=False: step_update sets it, step does
nothing). "planned_steps" is the factory's returned num_epochs (times updates_per_epoch when
per update).

    /work/venv/bin/python tools/reference/make_timm_factory.py Tests/ScheduleCoreTests/Fixtures/timm_factory.json
"""
import json
import random
import sys

import timm
import torch
from timm.scheduler import create_scheduler_v2

rng = random.Random(20261203)


def lr():
    return float(f"{10 ** rng.uniform(-4, -0.5):.3g}")


def draw(sched):
    a = {"sched": sched, "num_epochs": rng.choice([5, 12, 30, 90])}
    if rng.random() < 0.7:
        a["warmup_epochs"] = rng.choice([0, 1, 3])
        a["warmup_lr"] = rng.choice([1e-6, 1e-5, 1e-4])
    if rng.random() < 0.4:
        a["warmup_prefix"] = True
    if rng.random() < 0.5:
        a["min_lr"] = rng.choice([0.0, 1e-6, 1e-5])
    if rng.random() < 0.3:
        a["cooldown_epochs"] = rng.choice([0, 2, 5])
    if sched in ("cosine", "tanh", "poly") and rng.random() < 0.4:
        a["cycle_limit"] = rng.choice([1, 2, 3])
        a["cycle_mul"] = rng.choice([1.0, 1.5, 2.0])
        a["cycle_decay"] = rng.choice([0.1, 0.5, 1.0])
    if sched in ("cosine", "poly") and rng.random() < 0.3:
        a["k_decay"] = rng.choice([0.5, 1.0, 2.0])
    if sched in ("step", "poly", "multistep", "plateau"):
        a["decay_rate"] = rng.choice([0.1, 0.5, 0.9, 2.0 if sched == "poly" else 0.3])
    if sched == "step":
        a["decay_epochs"] = rng.choice([2, 3, 7.5, 30])
    if sched == "multistep":
        a["decay_milestones"] = sorted(rng.sample(range(1, 40), rng.randrange(1, 4)))
    if sched in ("wsd", "rsqrt"):
        a["decay_epochs"] = rng.choice([None, 0.1, 0.5, 2, 3])
        if a["decay_epochs"] is None:
            del a["decay_epochs"]
        if sched == "wsd" and rng.random() < 0.5:
            a["decay_fn"] = rng.choice(["linear", "cosine", "1-sqrt"])
        if sched == "rsqrt":
            a["warmup_epochs"] = rng.choice([1, 2])
            if rng.random() < 0.5:
                a["stable_timescale"] = rng.choice([1.0, 2.5])
    if sched == "plateau":
        a["patience_epochs"] = rng.choice([1, 2, 3])
        a["plateau_mode"] = rng.choice(["min", "max"])
    if sched != "plateau" and rng.random() < 0.5:
        a["step_on_epochs"] = False
        a["updates_per_epoch"] = rng.choice([1, 3, 7, 10])
    return a


def run(args, lr0, metrics):
    model = torch.nn.Linear(1, 1)
    optimizer = torch.optim.SGD(model.parameters(), lr=lr0, momentum=0.9)
    kwargs = dict(args)
    scheduler, num_epochs = create_scheduler_v2(optimizer, **kwargs)
    per_update = not args.get("step_on_epochs", True)
    updates = args.get("updates_per_epoch", 0)
    values = [optimizer.param_groups[0]["lr"]]
    num_updates = 0
    for epoch in range(num_epochs):
        for _ in range(updates if per_update else 0):
            num_updates += 1
            if scheduler is not None:
                scheduler.step_update(num_updates=num_updates, metric=None)
            values.append(optimizer.param_groups[0]["lr"])
        if scheduler is not None:
            metric = metrics[epoch] if metrics is not None else None
            scheduler.step(epoch + 1, metric)
        if not per_update:
            values.append(optimizer.param_groups[0]["lr"])
    planned = num_epochs * updates if per_update else num_epochs
    return values[:planned] if planned > 0 else values[:1], planned


cases = []
for sched in ["cosine", "tanh", "poly", "step", "constant", "multistep", "plateau", "wsd", "rsqrt", "none"]:
    for i in range(6):
        args = draw(sched)
        lr0 = lr()
        metrics = None
        if sched == "plateau":
            metrics = [round(rng.uniform(0.5, 1.5), 3) for _ in range(200)]
            args_for_case = dict(args)
        try:
            values, planned = run(args, lr0, metrics)
        except Exception as e:  # noqa: BLE001 - a raising draw is not a values case
            print(f"skip {args}: {e}", file=sys.stderr)
            continue
        schedule = {"type": "timm.create_scheduler_v2", "lr": lr0, **args}
        if metrics is not None:
            schedule["metrics"] = metrics[:len(values) - 1]
        cases.append({"id": f"timm.create_scheduler_v2#{sched}{i}", "steps": len(values), "schedule": schedule,
                      "values": [float(v) for v in values], "planned_steps": planned})

with open(sys.argv[1], "w") as out:
    json.dump({"generated_by": {"timm": timm.__version__, "torch": torch.__version__,
                                "script": "tools/reference/make_timm_factory.py"},
               "convention": "values[t]: lr after t epochs (step) or t updates (step_update), as train.py steps it",
               "cases": cases}, out)
print(len(cases), "cases", file=sys.stderr)
