"""Writes Tests/ScheduleCoreTests/Fixtures/step_accounting.json: step accounting computed by the
real trainers — transformers' Trainer (also with a DeepSpeed config), Lightning's Trainer, an
accelerate loop, timm's loader and scheduler factory, Keras fit, a mmengine Runner and a
DeepSpeed engine — on CPU, several processes through torchrun (gloo) where `devices` > 1.

Each case holds the lrplot training block and schedule object that describe the run, what the
trainer counted (steps, steps per epoch, batches per epoch, warm-up) and the learning rate it
applied after each optimizer step (update, iteration).

    PATH=/work/venv/bin:$PATH /work/venv/bin/python tools/configs/accounting/make_accounting.py \
        Tests/ScheduleCoreTests/Fixtures/step_accounting.json

Versions are recorded in the file. Takes about 20 minutes on two cores.
"""
import importlib.metadata as md
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
PORT = [29700]


def launch(worker, case, devices):
    with tempfile.TemporaryDirectory() as d:
        src, out = os.path.join(d, "case.json"), os.path.join(d, "out.json")
        with open(src, "w") as f:
            json.dump(case, f)
        env = dict(os.environ, PYTHONPATH=HERE, PATH=os.path.dirname(sys.executable) + ":" + os.environ.get("PATH", ""))
        script = os.path.join(HERE, f"run_{worker}.py")
        if devices > 1 or worker in ("deepspeed",) or case.get("ds_config"):
            PORT[0] += 1
            cmd = [os.path.join(os.path.dirname(sys.executable), "torchrun"), "--nproc_per_node", str(devices),
                   "--master_port", str(PORT[0]), script, src, out]
        else:
            cmd = [sys.executable, script, src, out]
        if worker == "lightning" and devices > 1:
            cmd = [sys.executable, script, src, out]   # Lightning launches its own DDP processes
        r = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=1800)
        if r.returncode != 0 or not os.path.exists(out):
            sys.stderr.write(r.stdout[-3000:] + r.stderr[-6000:])
            raise SystemExit(f"{worker} failed: {case}")
        with open(out) as f:
            return json.load(f)


cases = []


CACHE = os.environ.get("LRPLOT_ACCOUNTING_CACHE", "/tmp/lrplot-accounting-cache")


def add(id, worker, devices, training, schedule, run_case, interval=None, frequency=None, compare_values=True):
    """Runs one case (or reuses the result of an identical earlier run from the cache)."""
    print(id, file=sys.stderr, flush=True)
    os.makedirs(CACHE, exist_ok=True)
    key = os.path.join(CACHE, id + ".json")
    run = dict(run_case, training=training)
    cached = json.load(open(key)) if os.path.exists(key) else None
    if cached and cached["run"] == run:
        result = cached["result"]
    else:
        result = launch(worker, run, devices)
        with open(key, "w") as f:
            json.dump({"run": run, "result": result}, f)
    entry = {"id": id, "training": training, "schedule": schedule, "real": result, "compare_values": compare_values}
    if interval:
        entry["interval"] = interval
    if frequency:
        entry["frequency"] = frequency
    cases.append(entry)


# transformers Trainer: epochs or max_steps, ratio or steps, drop_last, accumulation, 1–3 processes.
for i, (n, b, w, a, epochs, drop, warm, sched) in enumerate([
        (103, 4, 1, 3, 2, False, 0.1, "cosine"),
        (103, 4, 2, 3, 2, False, 0.1, "linear"),
        (103, 4, 3, 2, 1.5, True, 0.25, "cosine"),
        (64, 8, 2, 1, 3, False, 5, "linear"),
        (50, 3, 3, 4, None, False, 0.05, "cosine_with_restarts"),
        (999, 7, 2, 5, 2, False, 0.03, "cosine"),
]):
    training = {"dataset_size": n, "batch_size": b, "devices": w, "grad_accum": a, "learning_rate": 0.001}
    if epochs is None:
        training["max_steps"] = 17
    else:
        training["epochs"] = epochs
    if drop:
        training["drop_last"] = True
    if isinstance(warm, int):
        training["warmup_steps"] = warm
    else:
        training["warmup_ratio"] = warm
    kwargs = {"num_cycles": 2} if sched == "cosine_with_restarts" else {}
    add(f"transformers#{i}", "transformers", w, training, {"type": f"hf.{sched}", **kwargs},
        {"hf": {"learning_rate": 0.001, "lr_scheduler_type": sched, "lr_scheduler_kwargs": kwargs, "warmup_steps": warm}})

# transformers Trainer with a DeepSpeed config whose scheduler values are "auto" (the integration fills them).
for i, (w, a, ratio) in enumerate([(1, 2, 0.1), (2, 1, 0.03)]):
    ds = {"train_micro_batch_size_per_gpu": "auto", "gradient_accumulation_steps": "auto", "train_batch_size": "auto",
          "zero_optimization": {"stage": 0},
          "optimizer": {"type": "AdamW", "params": {"lr": "auto", "torch_adam": True}},
          "scheduler": {"type": "WarmupDecayLR" if i == 0 else "WarmupLR",
                        "params": {"warmup_min_lr": "auto", "warmup_max_lr": "auto", "warmup_num_steps": "auto",
                                   **({"total_num_steps": "auto"} if i == 0 else {})}}}
    training = {"dataset_size": 61, "batch_size": 4, "devices": w, "grad_accum": a, "epochs": 2, "warmup_ratio": ratio,
                "learning_rate": 0.002}
    params = {k: v for k, v in ds["scheduler"]["params"].items()}
    add(f"transformers+deepspeed#{i}", "transformers", w, training, {"type": f"deepspeed.{ds['scheduler']['type']}", **params},
        {"hf": {"learning_rate": 0.002, "lr_scheduler_type": "linear", "warmup_steps": ratio}, "ds_config": ds})

# Lightning: epoch and step intervals, frequency, limit_train_batches, max_steps, 1–2 processes.
for i, (n, b, w, a, extra, sched, interval, freq) in enumerate([
        (100, 8, 1, 1, {"epochs": 6}, {"type": "StepLR", "lr": 0.1, "step_size": 2, "gamma": 0.5}, "epoch", 1),
        (100, 8, 2, 3, {"epochs": 4}, {"type": "CosineAnnealingLR", "lr": 0.1, "T_max": 4}, "epoch", 1),
        (77, 5, 1, 2, {"epochs": 3}, {"type": "OneCycleLR", "lr": 0.1, "max_lr": 0.5}, "step", 1),
        (90, 4, 2, 2, {"epochs": 2, "drop_last": True}, {"type": "ExponentialLR", "lr": 0.1, "gamma": 0.9}, "step", 3),
        (200, 10, 1, 1, {"epochs": 5, "limit_train_batches": 0.5}, {"type": "StepLR", "lr": 0.1, "step_size": 1, "gamma": 0.7}, "epoch", 2),
        (60, 4, 1, 2, {"max_steps": 11}, {"type": "LinearLR", "lr": 0.1, "start_factor": 0.1, "total_iters": 6}, "step", 1),
]):
    training = {"trainer": "lightning", "dataset_size": n, "batch_size": b, "devices": w, "grad_accum": a, **extra}
    schedule = {"type": f"torch.{sched['type']}", **{k: v for k, v in sched.items() if k != "type"}}
    add(f"lightning#{i}", "lightning", w, training, schedule,
        {"torch_scheduler": sched, "interval": interval, "frequency": freq}, interval=interval, frequency=freq)

# accelerate: the prepared scheduler steps once per process; OneCycleLR's guard.
for i, (n, b, w, a, epochs, sched, split) in enumerate([
        (64, 4, 2, 1, 2, {"type": "linear", "warmup_ratio": 0.1}, False),
        (70, 3, 2, 3, 2, {"type": "cosine", "warmup_ratio": 0.2}, False),
        (64, 4, 2, 2, 1, {"type": "linear", "warmup_ratio": 0.0}, True),
        (40, 4, 2, 2, 3, {"type": "OneCycleLR", "max_lr": 0.5, "total_steps": 20}, False),
]):
    training = {"trainer": "accelerate", "dataset_size": n, "batch_size": b, "devices": w, "grad_accum": a, "epochs": epochs,
                "learning_rate": 0.1}
    if split:
        training["split_batches"] = True
    if sched["type"] == "OneCycleLR":
        schedule = {"type": "torch.OneCycleLR", "max_lr": 0.5, "total_steps": 20}
    else:
        schedule = {"type": f"hf.{sched['type']}", "warmup_ratio": sched["warmup_ratio"]}
    add(f"accelerate#{i}", "accelerate", w, training, schedule, {"lr": 0.1, "scheduler": sched})

# timm: train.py's loader (always drop_last) and updates_per_epoch, per epoch and per update.
for i, (n, b, w, a, factory) in enumerate([
        (1000, 32, 1, 1, {"sched": "cosine", "num_epochs": 10, "warmup_epochs": 2, "warmup_lr": 1e-5, "min_lr": 1e-6, "step_on_epochs": False}),
        (1000, 32, 2, 2, {"sched": "cosine", "num_epochs": 6, "warmup_epochs": 1, "warmup_lr": 1e-4, "step_on_epochs": False, "cooldown_epochs": 2}),
        (777, 16, 3, 1, {"sched": "step", "num_epochs": 5, "decay_epochs": 2, "decay_rate": 0.5, "warmup_epochs": 1, "warmup_lr": 1e-5}),
        (500, 20, 2, 3, {"sched": "multistep", "num_epochs": 6, "decay_milestones": [2, 4], "decay_rate": 0.1, "step_on_epochs": False}),
]):
    training = {"dataset_size": n, "batch_size": b, "devices": w, "grad_accum": a}
    add(f"timm#{i}", "timm", w, training, {"type": "timm.create_scheduler_v2", "lr": 0.05, **factory}, {"lr": 0.05, "factory": factory})

# Keras fit: batches of the global batch; schedules read every batch (values are float32 there: counts only).
for i, (n, b, w, epochs) in enumerate([(1128, 32, 1, 3), (1000, 16, 2, 2)]):
    schedule = {"module": "keras.optimizers.schedules", "class_name": "ExponentialDecay",
                "config": {"initial_learning_rate": 0.001, "decay_steps": 10, "decay_rate": 0.5, "staircase": False},
                "registered_name": None}
    training = {"trainer": "keras", "dataset_size": n, "batch_size": b, "devices": w, "epochs": epochs}
    add(f"keras#{i}", "keras", 1, training,
        {"type": "keras.ExponentialDecay", "initial_learning_rate": 0.001, "decay_steps": 10, "decay_rate": 0.5},
        {"keras_schedule": schedule}, compare_values=False)

# mmengine Runner: len(train_dataloader) per process and the param_scheduler stepped per iteration / epoch.
for i, (n, b, w, extra, scheds) in enumerate([
        (50, 4, 1, {"epochs": 4}, [{"type": "LinearLR", "start_factor": 0.1, "by_epoch": False, "begin": 0, "end": 5},
                                   {"type": "MultiStepLR", "by_epoch": True, "milestones": [2, 3], "gamma": 0.1}]),
        (50, 4, 2, {"epochs": 3, "drop_last": True}, [{"type": "CosineAnnealingLR", "by_epoch": True, "T_max": 3, "convert_to_iter_based": True}]),
        (40, 3, 1, {"max_steps": 20}, [{"type": "PolyLR", "power": 0.9, "eta_min": 1e-4, "by_epoch": False}]),
]):
    training = {"dataset_size": n, "batch_size": b, "devices": w, **extra}
    schedule = {"type": "mmengine.param_scheduler", "lr": 0.01,
                "schedulers": [{**{k: v for k, v in s.items() if k != "type"}, "type": "mmengine." + s["type"]} for s in scheds]}
    add(f"mmengine#{i}", "mmengine", w, training, schedule, {"lr": 0.01, "param_scheduler": scheds})

# DeepSpeed engine alone: accumulation across epoch boundaries.
for i, (n, b, w, a, epochs, sched) in enumerate([
        (50, 4, 1, 3, 2, {"type": "WarmupDecayLR", "params": {"warmup_min_lr": 0, "warmup_max_lr": 0.001, "warmup_num_steps": 3, "total_num_steps": 8}}),
        (61, 2, 2, 4, 3, {"type": "WarmupCosineLR", "params": {"warmup_num_steps": 2, "total_num_steps": 20, "warmup_type": "linear"}}),
]):
    ds = {"train_micro_batch_size_per_gpu": b, "gradient_accumulation_steps": a, "zero_optimization": {"stage": 0},
          "optimizer": {"type": "AdamW", "params": {"lr": 0.001, "torch_adam": True}}, "scheduler": sched}
    training = {"trainer": "deepspeed", "dataset_size": n, "batch_size": b, "devices": w, "grad_accum": a, "epochs": epochs}
    schedule = {"type": f"deepspeed.{sched['type']}", **sched["params"]}
    if sched["type"] == "WarmupCosineLR":
        schedule["lr"] = 0.001
    add(f"deepspeed#{i}", "deepspeed", w, training, schedule, {"ds_config": ds})

versions = {p: md.version(p) for p in ["torch", "transformers", "lightning", "accelerate", "timm", "keras", "mmengine", "deepspeed"]}
with open(sys.argv[1], "w") as f:
    json.dump({"generated_by": {**versions, "script": "tools/configs/accounting/make_accounting.py"}, "cases": cases}, f, indent=1)
print(len(cases), "cases", file=sys.stderr)
