"""Writes Tests/ScheduleCoreTests/Fixtures/mmengine.json: random draws of mmengine 0.10.7's
learning-rate schedulers (mmengine/optim/scheduler/param_scheduler.py), computed by mmengine.

* Single schedulers (`mmengine.<Name>`): built through the PARAM_SCHEDULERS registry as a
  runner builds them (`build_scheduler_from_cfg`, honouring `convert_to_iter_based` with the
  given `epoch_length`) on an SGD optimizer; values[0] is the lr after construction, values[t]
  after t calls of scheduler.step().
* Lists (`mmengine.param_scheduler`): a real `mmengine.runner.Runner` trains a one-weight model
  on a dataset of `epoch_length * batch` samples with the `param_scheduler` list and the
  train_cfg (`max_epochs` or `max_iters`); a hook records the optimizer's lr before every
  iteration, so values[t] is the lr in effect for iteration t. A scheduler that raises ends the
  run (recorded as "stop").

    /work/venv/bin/python tools/reference/make_mmengine.py Tests/ScheduleCoreTests/Fixtures/mmengine.json
"""
import copy
import json
import logging
import random
import sys
import tempfile

import mmengine
import torch
from mmengine.hooks import Hook
from mmengine.model import BaseModel
from mmengine.registry import PARAM_SCHEDULERS
from mmengine.runner import Runner

logging.getLogger().setLevel(logging.ERROR)
rng = random.Random(20261202)


def lr():
    return float(f"{10 ** rng.uniform(-4, -0.5):.3g}")


def window(params, horizon):
    if rng.random() < 0.5:
        params["begin"] = rng.choice([0, 1, 3, 7])
    if rng.random() < 0.7:
        params["end"] = params.get("begin", 0) + rng.choice([2, 5, 12, 30, horizon])
    if rng.random() < 0.2:
        params["by_epoch"] = False


def draw(kind, horizon=60):
    p = {}
    if kind == "LinearLR":
        p["start_factor"] = rng.choice([0.001, 0.1, 1 / 3, 0.5])
        if rng.random() < 0.5:
            p["end_factor"] = rng.choice([1.0, 0.5, 0.0])
    elif kind == "ConstantLR":
        p["factor"] = rng.choice([0.1, 1 / 3, 0.5, 1.0])
    elif kind == "StepLR":
        p["step_size"] = rng.choice([1, 2, 5, 7])
        p["gamma"] = rng.choice([0.1, 0.5, 0.9])
    elif kind == "MultiStepLR":
        p["milestones"] = sorted(rng.sample(range(1, 40), rng.randrange(1, 4)))
        if rng.random() < 0.3:
            p["milestones"].append(p["milestones"][0])
        p["gamma"] = rng.choice([0.1, 0.5])
    elif kind == "ExponentialLR":
        p["gamma"] = rng.choice([0.9, 0.97, 0.99])
    elif kind == "CosineAnnealingLR":
        if rng.random() < 0.7:
            p["T_max"] = rng.choice([3, 10, 25, 40])
        r = rng.random()
        if r < 0.4:
            p["eta_min"] = lr() / 100
        elif r < 0.6:
            p["eta_min_ratio"] = rng.choice([0.01, 0.1])
    elif kind == "PolyLR":
        p["eta_min"] = rng.choice([0, 1e-5, 1e-4])
        p["power"] = rng.choice([0.5, 0.9, 1.0, 2.0])
    elif kind == "OneCycleLR":
        p["eta_max"] = lr()
        p["total_steps"] = rng.choice([10, 25, 50])
        p["pct_start"] = rng.choice([0.1, 0.25, 0.3, 0.5])
        p["anneal_strategy"] = rng.choice(["cos", "linear"])
        p["three_phase"] = rng.random() < 0.3
        if rng.random() < 0.3:
            p["div_factor"] = rng.choice([10.0, 25.0, 100.0])
    elif kind == "CosineRestartLR":
        n = rng.randrange(1, 4)
        p["periods"] = [rng.choice([3, 7, 10, 20]) for _ in range(n)]
        p["restart_weights"] = [rng.choice([1, 0.5, 0.8]) for _ in range(n)]
        if rng.random() < 0.5:
            p["eta_min"] = rng.choice([0.0, 1e-5])
        else:
            p["eta_min_ratio"] = rng.choice([0.0, 0.05])
    return p


KINDS = ["LinearLR", "ConstantLR", "StepLR", "MultiStepLR", "ExponentialLR", "CosineAnnealingLR",
         "PolyLR", "OneCycleLR", "CosineRestartLR"]


def single(kind, params, lr0, epoch_length, steps):
    model = torch.nn.Linear(1, 1)
    optimizer = torch.optim.SGD(model.parameters(), lr=lr0, momentum=0.9)
    cfg = dict(type=kind, **params)
    sched = PARAM_SCHEDULERS.build(cfg, default_args=dict(optimizer=optimizer, epoch_length=epoch_length))
    values = [optimizer.param_groups[0]["lr"]]
    stop = None
    for t in range(1, steps):
        optimizer.step()
        try:
            sched.step()
        except Exception as e:  # noqa: BLE001 - the framework's own raise is the reference
            stop = {"step": t, "message": f"{type(e).__name__}: {e}"}
            break
        values.append(optimizer.param_groups[0]["lr"])
    return values, stop


class Toy(BaseModel):
    def __init__(self):
        super().__init__()
        self.w = torch.nn.Linear(1, 1)

    def forward(self, x, mode="loss"):
        return {"loss": (self.w(x) ** 2).mean()}


class Data(torch.utils.data.Dataset):
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n

    def __getitem__(self, i):
        return torch.ones(1)


class Record(Hook):
    priority = "LOWEST"

    def __init__(self, out):
        self.out = out

    def before_train_iter(self, runner, batch_idx, data_batch=None):
        self.out.append(runner.optim_wrapper.optimizer.param_groups[0]["lr"])


def collate(batch):
    return dict(x=torch.stack(batch))


def through_runner(schedulers, lr0, epoch_length, train_cfg):
    values = []
    runner = Runner(
        model=Toy(), work_dir=tempfile.mkdtemp(),
        train_dataloader=dict(dataset=Data(epoch_length * 2), batch_size=2,
                              sampler=dict(type="DefaultSampler", shuffle=False), collate_fn=collate),
        optim_wrapper=dict(optimizer=dict(type="SGD", lr=lr0, momentum=0.9)),
        param_scheduler=copy.deepcopy(schedulers), train_cfg=train_cfg,
        default_hooks=dict(logger=None, checkpoint=None), custom_hooks=[Record(values)], log_level="ERROR")
    stop = None
    try:
        runner.train()
    except Exception as e:  # noqa: BLE001
        stop = {"step": len(values), "message": f"{type(e).__name__}: {e}"}
    return values, stop


cases = []
for kind in KINDS:
    for i in range(7):
        params = draw(kind)
        window(params, 60)
        epoch_length = None
        if rng.random() < 0.3 and params.get("by_epoch", True):
            params["convert_to_iter_based"] = True
            epoch_length = rng.choice([2, 3, 5])
        lr0 = lr()
        steps = 80 if epoch_length is None else 80 * epoch_length // 2
        try:
            values, stop = single(kind, params, lr0, epoch_length, steps)
        except Exception as e:  # noqa: BLE001 - raised at construction: not a values case
            print(f"skip {kind} {params}: {e}", file=sys.stderr)
            continue
        schedule = {"type": f"mmengine.{kind}", "lr": lr0, **params}
        if epoch_length is not None:
            schedule["epoch_length"] = epoch_length
        case = {"id": f"mmengine.{kind}#{i}", "steps": steps, "schedule": schedule, "values": values}
        if stop:
            case["stop"] = stop
        cases.append(case)

# Lists, as a runner builds and steps them.
RECIPES = [
    # mmdet's classic: linear warm-up per iteration, then multi-step per epoch.
    lambda: [dict(type="LinearLR", start_factor=0.001, by_epoch=False, begin=0, end=rng.choice([5, 8, 13])),
             dict(type="MultiStepLR", begin=0, by_epoch=True, milestones=[rng.choice([3, 4]), rng.choice([5, 6])], gamma=0.1)],
    # warm-up then cosine converted to iterations (mmpretrain / mmseg style).
    lambda: [dict(type="LinearLR", start_factor=rng.choice([0.01, 0.1]), by_epoch=True, begin=0, end=rng.choice([1, 2]), convert_to_iter_based=True),
             dict(type="CosineAnnealingLR", by_epoch=True, begin=rng.choice([1, 2]), T_max=rng.choice([4, 5, None]), eta_min=rng.choice([0.0, 1e-5]), convert_to_iter_based=True)],
    # poly per iteration (mmseg).
    lambda: [dict(type="PolyLR", eta_min=rng.choice([0.0, 1e-4]), power=rng.choice([0.9, 1.0]), begin=0, by_epoch=False)],
    # constant warm-up, cosine restarts per epoch.
    lambda: [dict(type="ConstantLR", factor=rng.choice([0.1, 0.5]), by_epoch=False, begin=0, end=rng.choice([3, 6])),
             dict(type="CosineRestartLR", periods=[2, 3, 4], restart_weights=[1, 0.5, 0.25], eta_min=0.0, by_epoch=True)],
    # a OneCycle per iteration with its default length, chained with an exponential per epoch.
    lambda: [dict(type="OneCycleLR", eta_max=lr(), pct_start=0.25, by_epoch=False),
             dict(type="ExponentialLR", gamma=0.9, by_epoch=True)],
    # a one-cycle that runs out (raises) and a step decay converted to iterations.
    lambda: [dict(type="OneCycleLR", eta_max=lr(), total_steps=rng.choice([7, 11]), by_epoch=False),
             dict(type="StepLR", step_size=2, gamma=0.5, by_epoch=True, convert_to_iter_based=True)],
]
for i in range(18):
    recipe = RECIPES[i % len(RECIPES)]()
    for s in recipe:
        if "T_max" in s and s["T_max"] is None:
            del s["T_max"]
    epoch_length = rng.choice([2, 3, 4, 5])
    lr0 = lr()
    if i % 5 == 4:
        train_cfg = dict(by_epoch=False, max_iters=rng.choice([15, 25]), val_interval=10 ** 6)
        loop = {"max_iters": train_cfg["max_iters"]}
    else:
        train_cfg = dict(by_epoch=True, max_epochs=rng.choice([6, 8, 10]))
        loop = {"max_epochs": train_cfg["max_epochs"]}
    values, stop = through_runner(recipe, lr0, epoch_length, train_cfg)
    schedule = {"type": "mmengine.param_scheduler", "lr": lr0, "epoch_length": epoch_length, **loop,
                "schedulers": [{**{k: v for k, v in s.items() if k != "type"}, "type": "mmengine." + s["type"]} for s in recipe]}
    steps = len(values) if stop else (train_cfg.get("max_iters") or train_cfg["max_epochs"] * epoch_length)
    case = {"id": f"mmengine.param_scheduler#{i}", "steps": steps if not stop else steps + 40, "schedule": schedule, "values": values}
    if stop:
        case["stop"] = stop
    cases.append(case)

with open(sys.argv[1], "w") as out:
    json.dump({"generated_by": {"mmengine": mmengine.__version__, "torch": torch.__version__,
                                "script": "tools/reference/make_mmengine.py"},
               "convention": "values[t]: the optimizer's lr after construction and t scheduler steps "
                             "(lists: the lr in effect for iteration t of a Runner)",
               "cases": cases}, out)
print(len(cases), "cases", file=sys.stderr)
