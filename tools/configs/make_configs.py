"""Writes the config fixtures of Tests/ConfigImportTests/Fixtures/configs: config files written
by the real tools, and the learning rates the real libraries apply when they run them.

* transformers 5.24: `TrainingArguments(...).to_json_string()`, a YAML of `to_dict()`, and the
  W&B run config.yaml that wandb's own writer (`config_util.save_config_file_from_dict`, the
  `{desc, value}` form) makes of it; values from a real `Trainer` on N samples (two processes
  through torchrun for one case).
* timm: args.yaml from train.py's own `_parse_args()` (its `args_text`); values from
  `create_scheduler_v2(**scheduler_kwargs(args), updates_per_epoch=…)` stepped as train.py steps it,
  with `updates_per_epoch` from the loader timm's `create_loader` builds.
* Keras 3.15 (JAX backend): `keras.optimizers.schedules.serialize(...)` and `keras.optimizers.serialize(...)`;
  tf.keras 2 (tf_keras 2.21): the legacy forms. Values `schedule(step)` in float64.
* DeepSpeed 0.19.8: ds_config dicts; values from the scheduler class DeepSpeed builds, with
  "auto" filled by transformers' `HfTrainerDeepSpeedConfig` (trainer_config_process/finalize).
* LightningCLI 2.6: `fit --print_config`; values from running `fit --config` on that file.
* mmengine 0.10.7: `Config.dump` of a Python config; values from a `Runner` built from it.

    PATH=/work/venv/bin:$PATH /work/venv/bin/python tools/configs/make_configs.py TIMM_TRAIN_PY [--only GROUP]

GROUP (hf, timm, keras, deepspeed, lightning, mmengine) regenerates one group's configs and
cases and keeps the others' from the existing cases.json. TIMM_TRAIN_PY is timm's train.py (it is not in the timm wheel; take it from the
pytorch-image-models repository). Takes about ten minutes.
"""
import copy
import importlib.metadata as md
import json
import math
import os
import subprocess
import sys
import tempfile
import types
import warnings

warnings.simplefilter("ignore")
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
OUT = os.path.join(ROOT, "Tests/ConfigImportTests/Fixtures/configs")
sys.path.insert(0, os.path.join(HERE, "accounting"))
os.makedirs(OUT, exist_ok=True)
cases = []


def write(name, text):
    with open(os.path.join(OUT, name), "w") as f:
        f.write(text)


def case(file, overlay, values, steps=None, overrides=None, note=""):
    """Records one case: the config file (already written), lrplot's overlay, the library's rates."""
    entry = {"file": file, "overlay": overlay, "values": [float(v) for v in values], "note": note}
    if steps is not None:
        entry["steps"] = steps
    if overrides:
        entry["overrides"] = overrides
    cases.append(entry)
    print(file, len(values), file=sys.stderr, flush=True)


# --- transformers -----------------------------------------------------------------------------
def hf_run(args_dict, n, devices=1):
    """Runs a real Trainer with the arguments on n samples; the lr after each optimizer step."""
    with tempfile.TemporaryDirectory() as d:
        src, out = os.path.join(d, "args.json"), os.path.join(d, "out.json")
        json.dump({"args": args_dict, "n": n}, open(src, "w"))
        script = os.path.join(HERE, "hf_trainer_run.py")
        env = dict(os.environ, PYTHONPATH=os.path.join(HERE, "accounting"))
        if devices > 1:
            cmd = [os.path.join(os.path.dirname(sys.executable), "torchrun"), "--nproc_per_node", str(devices), "--master_port", "29911", script, src, out]
        else:
            cmd = [sys.executable, script, src, out]
        r = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=1800)
        if r.returncode != 0:
            sys.stderr.write(r.stderr[-4000:])
            raise SystemExit("Trainer run failed")
        return json.load(open(out))


def hf_cases():
    from transformers import TrainingArguments
    from wandb.sdk.lib import config_util

    def args(**kw):
        base = dict(output_dir="/tmp/lrplot-configs-hf", report_to="none", save_strategy="no", use_cpu=True)
        return TrainingArguments(**base, **kw)

    a = args(learning_rate=2e-5, lr_scheduler_type="cosine", warmup_steps=0.03, per_device_train_batch_size=4,
             gradient_accumulation_steps=4, num_train_epochs=2)
    write("hf-cosine-ratio.json", a.to_json_string())
    r = hf_run(json.loads(a.to_json_string()), 203)
    case("hf-cosine-ratio.json", {"dataset_size": 203}, r["values"], note="to_json_string, warmup_steps 0.03 as a ratio")

    import yaml
    a = args(learning_rate=1e-3, lr_scheduler_type="linear", warmup_steps=5, per_device_train_batch_size=8, max_steps=40)
    write("hf-linear-max-steps.yaml", yaml.safe_dump(a.to_dict(), sort_keys=False))
    r = hf_run(a.to_dict(), 100)
    case("hf-linear-max-steps.yaml", {"dataset_size": 100}, r["values"], note="YAML of to_dict, max_steps")

    a = args(learning_rate=3e-4, lr_scheduler_type="cosine_with_restarts", lr_scheduler_kwargs={"num_cycles": 2},
             warmup_steps=0.1, per_device_train_batch_size=4, gradient_accumulation_steps=2, num_train_epochs=3)
    path = os.path.join(OUT, "hf-wandb-config.yaml")
    settings = {k: {"desc": None, "value": json.loads(json.dumps(v))} for k, v in a.to_dict().items()}
    settings = {"_wandb": {"desc": None, "value": {"python_version": "3.11", "cli_version": md.version("wandb")}}, **settings}
    config_util.save_config_file_from_dict(path, settings)
    r = hf_run(a.to_dict(), 77)
    case("hf-wandb-config.yaml", {"dataset_size": 77}, r["values"], note="W&B config.yaml (desc/value)")

    a = args(learning_rate=1e-3, lr_scheduler_type="linear", warmup_steps=0.1, per_device_train_batch_size=4,
             gradient_accumulation_steps=3, num_train_epochs=2, dataloader_drop_last=True)
    write("hf-two-processes.json", a.to_json_string())
    r = hf_run(json.loads(a.to_json_string()), 150, devices=2)
    case("hf-two-processes.json", {"dataset_size": 150, "devices": 2}, r["values"], note="two processes (torchrun), drop_last")

    a = args(learning_rate=5e-4, lr_scheduler_type="warmup_stable_decay",
             lr_scheduler_kwargs={"num_decay_steps": 10, "decay_type": "cosine"}, warmup_steps=5, per_device_train_batch_size=2, max_steps=50)
    write("hf-wsd.json", a.to_json_string())
    r = hf_run(json.loads(a.to_json_string()), 64)
    case("hf-wsd.json", {"dataset_size": 64}, r["values"], note="warmup_stable_decay with kwargs")


# --- timm ---------------------------------------------------------------------------------------
def timm_cases(train_py):
    import yaml
    from timm.scheduler import create_scheduler_v2, scheduler_kwargs

    spec = __import__("importlib.util").util.spec_from_file_location("timm_train", train_py)
    train = __import__("importlib.util").util.module_from_spec(spec)
    spec.loader.exec_module(train)

    def args_yaml(argv):
        saved = sys.argv
        sys.argv = ["train.py", "--data-dir", "data"] + argv
        try:
            _, text = train._parse_args()
        finally:
            sys.argv = saved
        return text

    def values(text, n, devices, accum=1):
        import torch
        args = types.SimpleNamespace(**yaml.safe_load(text))
        samples = math.ceil(n / devices) if devices > 1 else n
        updates = (samples // args.batch_size + accum - 1) // accum      # train.py's loader drops the last batch
        lr = args.lr
        if not lr:
            global_batch = args.batch_size * devices * accum
            ratio = global_batch / args.lr_base_size
            scale = args.lr_base_scale or ("sqrt" if any(o in args.opt.lower() for o in ("ada", "lamb")) else "linear")
            lr = args.lr_base * (ratio ** 0.5 if scale == "sqrt" else ratio)
        opt = torch.optim.SGD(torch.nn.Linear(1, 1).parameters(), lr=lr, momentum=0.9)
        sched, num_epochs = create_scheduler_v2(opt, **scheduler_kwargs(args, decreasing_metric=False), updates_per_epoch=updates)
        per_update = args.sched_on_updates
        out = [opt.param_groups[0]["lr"]]
        num_updates = 0
        for epoch in range(num_epochs):
            for _ in range(updates):
                num_updates += 1
                sched.step_update(num_updates=num_updates)
                out.append(opt.param_groups[0]["lr"])
            sched.step(epoch + 1)
            out[-1] = opt.param_groups[0]["lr"] if not per_update else out[-1]
        steps = num_epochs * updates
        return out[:steps], steps

    text = args_yaml(["--sched", "cosine", "--epochs", "6", "--warmup-epochs", "1", "--warmup-lr", "1e-5", "--min-lr", "1e-6",
                      "--lr", "0.01", "--sched-on-updates", "-b", "32", "--cooldown-epochs", "1"])
    write("timm-cosine-per-update.yaml", text)
    v, s = values(text, 1000, 1)
    case("timm-cosine-per-update.yaml", {"dataset_size": 1000}, v, s, note="train.py args_text, sched_on_updates")

    text = args_yaml(["--sched", "step", "--epochs", "20", "--decay-epochs", "5", "--decay-rate", "0.5", "--warmup-epochs", "2",
                      "--lr-base", "0.1", "-b", "64", "--opt", "adamw"])
    write("timm-step-lr-base.yaml", text)
    v, s = values(text, 2000, 2)
    case("timm-step-lr-base.yaml", {"dataset_size": 2000, "devices": 2}, v, s, note="lr from lr_base, sqrt scaling for adamw, per epoch")

    text = args_yaml(["--sched", "multistep", "--decay-milestones", "3", "6", "--warmup-prefix", "--warmup-epochs", "2",
                      "--epochs", "10", "--lr", "0.05", "-b", "16", "--grad-accum-steps", "2", "--sched-on-updates"])
    write("timm-multistep-prefix.yaml", text)
    v, s = values(text, 500, 1, accum=2)
    case("timm-multistep-prefix.yaml", {"dataset_size": 500}, v, s, note="warmup_prefix, grad accumulation, per update")


# --- Keras ---------------------------------------------------------------------------------------
def keras_cases():
    # The JAX backend, as the frameworks.json references (Keras's float32 cos/floor steps on float64 inputs).
    os.environ["KERAS_BACKEND"] = "jax"
    os.environ["JAX_ENABLE_X64"] = "1"
    import jax
    jax.config.update("jax_enable_x64", True)
    import keras
    import numpy as np

    # float64 as the frameworks.json references: JAX with x64, floatx float64, the schedule's
    # own (Python float) config values, so Keras's weakly typed scalars and float32 cos/floor
    # steps are those lrplot's keras.* types reproduce.
    keras.config.set_floatx("float64")

    def values(schedule, steps):
        return [float(keras.ops.convert_to_numpy(schedule(np.float64(t)))) for t in range(steps)]

    s = keras.optimizers.schedules.CosineDecay(0.001, 1000, alpha=0.1, warmup_target=0.01, warmup_steps=100)
    write("keras3-cosine-warmup.json", json.dumps(keras.optimizers.schedules.serialize(s)))
    case("keras3-cosine-warmup.json", {"max_steps": 1200}, values(s, 1200), note="keras.optimizers.schedules.serialize")

    s = keras.optimizers.schedules.PiecewiseConstantDecay([100, 200], [0.1, 0.01, 0.001])
    write("keras3-adam-piecewise.json", json.dumps(keras.optimizers.serialize(keras.optimizers.Adam(learning_rate=s))))
    case("keras3-adam-piecewise.json", {"max_steps": 300}, values(s, 300), note="keras.optimizers.serialize(Adam(learning_rate=schedule))")

    import tf_keras
    s2 = tf_keras.optimizers.schedules.PolynomialDecay(0.1, 50, end_learning_rate=0.001, power=2.0, cycle=True)
    write("tf-keras2-polynomial.json", json.dumps(tf_keras.optimizers.schedules.serialize(s2)))
    s3 = keras.optimizers.schedules.PolynomialDecay(0.1, 50, end_learning_rate=0.001, power=2.0, cycle=True)
    case("tf-keras2-polynomial.json", {"max_steps": 180}, values(s3, 180), note="tf_keras 2 legacy serialization")

    s2 = tf_keras.optimizers.schedules.InverseTimeDecay(0.05, 10, 0.5, staircase=True)
    write("tf-keras2-sgd-inverse-time.json", json.dumps(tf_keras.optimizers.serialize(tf_keras.optimizers.SGD(learning_rate=s2))))
    s3 = keras.optimizers.schedules.InverseTimeDecay(0.05, 10, 0.5, staircase=True)
    case("tf-keras2-sgd-inverse-time.json", {"max_steps": 100}, values(s3, 100), note="tf_keras 2 optimizer serialization")


# --- DeepSpeed -----------------------------------------------------------------------------------
def deepspeed_cases():
    import torch
    from deepspeed.runtime import lr_schedules
    from transformers import Trainer, TrainingArguments
    from transformers.integrations.deepspeed import HfTrainerDeepSpeedConfig
    from common import Samples, Tiny

    def run(params, kind, lr, steps):
        opt = torch.optim.AdamW(torch.nn.Linear(1, 1).parameters(), lr=lr)
        sched = getattr(lr_schedules, kind)(opt, **params)
        out = [opt.param_groups[0]["lr"]]
        for _ in range(steps - 1):
            sched.step()
            out.append(opt.param_groups[0]["lr"])
        return out

    ds = {"train_micro_batch_size_per_gpu": 4, "gradient_accumulation_steps": 2, "train_batch_size": 16,
          "optimizer": {"type": "Adam", "params": {"lr": 0.0003}},
          "scheduler": {"type": "WarmupDecayLR", "params": {"warmup_min_lr": 0, "warmup_max_lr": 0.0003, "warmup_num_steps": 10,
                                                            "total_num_steps": 60, "warmup_type": "linear"}}}
    write("ds-warmup-decay.json", json.dumps(ds, indent=2))
    # The engine: 2 processes × 4 × 2 = 16 samples per step; 1000 samples, 1 epoch: DistributedSampler 500 each, 125 batches, 62 steps.
    steps = (1 * math.ceil(math.ceil(1000 / 2) / 4)) // 2
    case("ds-warmup-decay.json", {"dataset_size": 1000, "epochs": 1}, run(ds["scheduler"]["params"], "WarmupDecayLR", 0.0003, steps), steps,
         note="DeepSpeed engine counting, WarmupDecayLR")

    ds = {"train_micro_batch_size_per_gpu": "auto", "gradient_accumulation_steps": "auto", "train_batch_size": "auto",
          "zero_optimization": {"stage": 2, "reduce_bucket_size": 500000000},
          "optimizer": {"type": "AdamW", "params": {"lr": "auto", "weight_decay": "auto"}},
          "scheduler": {"type": "WarmupCosineLR", "params": {"warmup_num_steps": "auto", "total_num_steps": "auto", "cos_min_ratio": 0.1}}}
    write("ds-auto-cosine.json", json.dumps(ds, indent=2))
    training = dict(learning_rate=2e-4, warmup_steps=0.05, per_device_train_batch_size=4, gradient_accumulation_steps=2, num_train_epochs=2)
    args = TrainingArguments(output_dir="/tmp/lrplot-configs-ds", report_to="none", use_cpu=True, **training)
    trainer = Trainer(model=Tiny(), args=args, train_dataset=Samples(301))
    max_steps = trainer.set_initial_training_values(args, trainer.get_train_dataloader())[-1]
    hf = HfTrainerDeepSpeedConfig(copy.deepcopy(ds))
    hf.trainer_config_process(args)
    hf.trainer_config_finalize(args, Tiny(), max_steps)
    params = hf.config["scheduler"]["params"]
    case("ds-auto-cosine.json", {"dataset_size": 301, "batch_size": 4, "grad_accum": 2, "epochs": 2, "learning_rate": 2e-4, "warmup_ratio": 0.05},
         run(params, "WarmupCosineLR", hf.config["optimizer"]["params"]["lr"], max_steps), max_steps,
         note=f"auto filled by HfTrainerDeepSpeedConfig: {params}")


# --- LightningCLI --------------------------------------------------------------------------------
def lightning_cases():
    cli = os.path.join(HERE, "lightning_cli.py")

    def run(name, argv):
        text = subprocess.run([sys.executable, cli, "fit", "--print_config"] + argv, capture_output=True, text=True, check=True).stdout
        write(name, text)
        with tempfile.TemporaryDirectory() as d:
            out = os.path.join(d, "values.json")
            subprocess.run([sys.executable, cli, "fit", "--config", os.path.join(OUT, name)], env=dict(os.environ, LRPLOT_VALUES=out),
                           capture_output=True, text=True, check=True)
            return json.load(open(out))

    r = run("lightning-steplr.yaml", ["--optimizer", "SGD", "--optimizer.lr", "0.1", "--lr_scheduler", "StepLR",
                                      "--lr_scheduler.step_size", "2", "--lr_scheduler.gamma", "0.5", "--trainer.max_epochs", "6",
                                      "--data.batch_size", "8"])
    case("lightning-steplr.yaml", {"dataset_size": 100}, r["values"], r["steps"], note="--print_config, StepLR per epoch")
    r = run("lightning-cosine-accumulate.yaml", ["--optimizer", "AdamW", "--optimizer.lr", "0.003", "--lr_scheduler", "CosineAnnealingLR",
                                                 "--lr_scheduler.T_max", "3", "--trainer.max_epochs", "5", "--trainer.accumulate_grad_batches", "3",
                                                 "--data.batch_size", "6"])
    case("lightning-cosine-accumulate.yaml", {"dataset_size": 100}, r["values"], r["steps"], note="accumulate_grad_batches, cosine per epoch")
    r = run("lightning-exponential-limit.yaml", ["--optimizer", "Adam", "--lr_scheduler", "ExponentialLR", "--lr_scheduler.gamma", "0.8",
                                                 "--trainer.max_epochs", "4", "--trainer.limit_train_batches", "0.5", "--data.batch_size", "10"])
    case("lightning-exponential-limit.yaml", {"dataset_size": 100}, r["values"], r["steps"], note="Adam's default lr, limit_train_batches 0.5")


# --- mmengine ------------------------------------------------------------------------------------
def mmengine_cases():
    from mmengine.config import Config
    import run_mmengine_config

    configs = {
        "mm-warmup-multistep": """
train_dataloader = dict(batch_size=4, num_workers=0, sampler=dict(type='DefaultSampler', shuffle=True), dataset=dict(type='ToyDataset'))
optim_wrapper = dict(type='OptimWrapper', optimizer=dict(type='SGD', lr=0.02, momentum=0.9, weight_decay=0.0001))
param_scheduler = [
    dict(type='LinearLR', start_factor=0.001, by_epoch=False, begin=0, end=20),
    dict(type='MultiStepLR', begin=0, end=6, by_epoch=True, milestones=[4, 5], gamma=0.1)
]
train_cfg = dict(type='EpochBasedTrainLoop', max_epochs=6, val_interval=1)
auto_scale_lr = dict(enable=False, base_batch_size=16)
""",
        "mm-iter-poly": """
train_dataloader = dict(batch_size=2, num_workers=0, sampler=dict(type='InfiniteSampler', shuffle=True), dataset=dict(type='ToyDataset'))
optim_wrapper = dict(type='OptimWrapper', optimizer=dict(type='SGD', lr=0.01, momentum=0.9))
param_scheduler = [
    dict(type='LinearLR', start_factor=1e-6, by_epoch=False, begin=0, end=10),
    dict(type='PolyLR', eta_min=0.0, power=1.0, begin=10, end=60, by_epoch=False)
]
train_cfg = dict(type='IterBasedTrainLoop', max_iters=60, val_interval=1000)
""",
        "mm-auto-scale-cosine": """
train_dataloader = dict(batch_size=4, num_workers=0, drop_last=True, sampler=dict(type='DefaultSampler', shuffle=True), dataset=dict(type='ToyDataset'))
optim_wrapper = dict(type='OptimWrapper', optimizer=dict(type='AdamW', lr=0.001, weight_decay=0.05))
param_scheduler = [
    dict(type='LinearLR', start_factor=0.01, by_epoch=True, begin=0, end=2, convert_to_iter_based=True),
    dict(type='CosineAnnealingLR', eta_min=1e-5, by_epoch=True, begin=2, end=8, convert_to_iter_based=True)
]
train_cfg = dict(by_epoch=True, max_epochs=8, val_interval=1)
auto_scale_lr = dict(enable=True, base_batch_size=16)
""",
    }
    for name, text in configs.items():
        with tempfile.TemporaryDirectory() as d:
            py = os.path.join(d, name + ".py")
            open(py, "w").write(text)
            cfg = Config.fromfile(py)
            cfg.dump(os.path.join(OUT, name + ".json"))
        n = 50
        v = run_mmengine_config.run(Config.fromfile(os.path.join(OUT, name + ".json")), n)
        case(name + ".json", {"dataset_size": n}, v, len(v), note="Config.dump; values from a Runner")


GROUPS = {"hf": ("hf-",), "timm": ("timm-",), "keras": ("keras3-", "tf-keras2-"), "deepspeed": ("ds-",),
          "lightning": ("lightning-",), "mmengine": ("mm-",)}

if __name__ == "__main__":
    train_py = sys.argv[1]
    only = sys.argv[sys.argv.index("--only") + 1] if "--only" in sys.argv else None
    runs = {"hf": hf_cases, "timm": lambda: timm_cases(train_py), "keras": keras_cases, "deepspeed": deepspeed_cases,
            "lightning": lightning_cases, "mmengine": mmengine_cases}
    if only:
        previous = json.load(open(os.path.join(OUT, "cases.json")))["cases"]
        runs[only]()
        fresh = cases[:]
        cases[:] = [c for c in previous if not c["file"].startswith(GROUPS[only])]
        cases.extend(fresh)
        order = list(GROUPS)
        cases.sort(key=lambda c: next(i for i, g in enumerate(order) if c["file"].startswith(GROUPS[g])))
    else:
        for run in runs.values():
            run()
    versions = {p: md.version(p) for p in ["torch", "transformers", "timm", "keras", "tf_keras", "deepspeed", "lightning", "mmengine", "wandb"]}
    versions["timm train.py"] = train_py
    with open(os.path.join(OUT, "cases.json"), "w") as f:
        json.dump({"generated_by": {**versions, "script": "tools/configs/make_configs.py"}, "cases": cases}, f, indent=1)
    print(len(cases), "cases", file=sys.stderr)
