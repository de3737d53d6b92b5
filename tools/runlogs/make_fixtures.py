#!/usr/bin/env python3
"""Writes the logs that RunLogs' and RunCheck's tests read, by running tiny CPU trainings with the
real tools: transformers' Trainer, torch's SummaryWriter, Lightning (CSVLogger, TensorBoardLogger,
LearningRateMonitor), Keras's TensorBoard callback, timm's update_summary, MLflow's file store and
mmengine's LocalVisBackend. Some runs reproduce real faults (see FIXTURES below).

usage: /work/venv/bin/python tools/runlogs/make_fixtures.py [--only NAME,...] [--bench-points N]

Each fixture goes to Tests/RunFixtures/<name>/ with params.json: the parameters that made it, the
plan lrplot should compare it with (a schedule object), the library versions, and the fault it
reproduces. Not run by CI; see tools/runlogs/README.md for the versions used.

--bench-points N also writes /tmp/lrplot-bench/tb-<N>.tfevents (not committed): N scalar events
written by torch's SummaryWriter, for bench case 6.
"""
import argparse
import glob
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
OUT = os.path.join(ROOT, "Tests", "RunFixtures")
SEED = 0


def versions(*names):
    import importlib
    found = {"python": sys.version.split()[0]}
    for name in names:
        try:
            found[name] = importlib.import_module(name).__version__
        except Exception as error:  # noqa: BLE001 - recorded, not hidden
            found[name] = f"unavailable: {error}"
    return found


def fresh(name):
    path = os.path.join(OUT, name)
    shutil.rmtree(path, ignore_errors=True)
    os.makedirs(path)
    return path


def write_params(path, **params):
    with open(os.path.join(path, "params.json"), "w") as f:
        json.dump(params, f, indent=2, sort_keys=False)
        f.write("\n")


def only_event_file(directory):
    files = sorted(glob.glob(os.path.join(directory, "**", "events.out.tfevents.*"), recursive=True))
    if not files:
        raise SystemExit(f"no event file under {directory}")
    return files


def tiny_data(n=64, features=8, seed=SEED):
    import torch
    g = torch.Generator().manual_seed(seed)
    x = torch.randn(n, features, generator=g)
    y = (x[:, 0] + 0.5 * x[:, 1] > 0).long()
    return x, y


class DictDataset:
    """tiny_data(n) as a map-style dataset of {"x": features, label_key: class} items (the
    shape transformers' Trainer and mmengine's default_collate take)."""

    def __init__(self, n, label_key):
        self.x, self.y = tiny_data(n)
        self.label_key = label_key

    def __len__(self):
        return len(self.x)

    def __getitem__(self, i):
        return {"x": self.x[i], self.label_key: self.y[i]}


# --------------------------------------------------------------------------------------------
# transformers Trainer: trainer_state.json + TensorBoard (correct run).

def hf_trainer_cosine():
    import torch
    from torch import nn
    from transformers import Trainer, TrainingArguments

    class Tiny(nn.Module):
        def __init__(self):
            super().__init__()
            self.lin = nn.Linear(8, 2)

        def forward(self, x, labels=None):
            logits = self.lin(x)
            loss = nn.functional.cross_entropy(logits, labels)
            return {"loss": loss, "logits": logits}

    path = fresh("hf-trainer-cosine")
    work = tempfile.mkdtemp()
    tb = os.path.join(work, "tb")
    os.environ["TENSORBOARD_LOGGING_DIR"] = tb
    args = TrainingArguments(output_dir=work, max_steps=40, per_device_train_batch_size=4, learning_rate=1e-3,
                             lr_scheduler_type="cosine", warmup_steps=5, logging_steps=1, eval_strategy="steps",
                             eval_steps=10, save_strategy="no", report_to=["tensorboard"], use_cpu=True, seed=SEED,
                             disable_tqdm=True)
    data = DictDataset(160, "labels")
    trainer = Trainer(model=Tiny(), args=args, train_dataset=data, eval_dataset=data)
    trainer.train()
    trainer.save_state()
    del os.environ["TENSORBOARD_LOGGING_DIR"]
    shutil.copy(os.path.join(work, "trainer_state.json"), path)
    run = os.path.join(path, "runs")
    os.makedirs(run)
    for f in only_event_file(tb):
        shutil.copy(f, run)
    write_params(path, producer="transformers Trainer (save_state) + TensorBoardCallback",
                 training_args=dict(max_steps=40, per_device_train_batch_size=4, learning_rate=1e-3,
                                    lr_scheduler_type="cosine", warmup_steps=5, logging_steps=1, eval_steps=10),
                 plan={"type": "hf.cosine", "lr": 1e-3, "num_warmup_steps": 5, "num_training_steps": 40},
                 fault=None, key="learning_rate (trainer_state.json), train/learning_rate (TensorBoard)",
                 versions=versions("transformers", "torch", "tensorboard"))


# --------------------------------------------------------------------------------------------
# torch loops with SummaryWriter.

def _sgd_model():
    import torch
    torch.manual_seed(SEED)
    return torch.nn.Linear(8, 2)


def _loss(model, xb, yb):
    import torch
    return torch.nn.functional.cross_entropy(model(xb), yb)


def torch_onecycle_correct_and_next_step():
    """Two runs of one OneCycleLR: one logs the rate before the step (what the step uses), the
    other after scheduler.step(), at the index of the step just taken: the next step's rate."""
    import torch
    from torch.utils.tensorboard import SummaryWriter
    x, y = tiny_data(200)
    for name, after in (("torch-onecycle", False), ("torch-logs-next-step", True)):
        path = fresh(name)
        model = _sgd_model()
        opt = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
        sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=0.1, total_steps=50)
        writer = SummaryWriter(log_dir=path)
        for i in range(50):
            xb, yb = x[(4 * i) % 200:(4 * i) % 200 + 4], y[(4 * i) % 200:(4 * i) % 200 + 4]
            if not after:
                writer.add_scalar("lr", sched.get_last_lr()[0], i)
            opt.zero_grad()
            _loss(model, xb, yb).backward()
            opt.step()
            sched.step()
            if after:
                writer.add_scalar("lr", sched.get_last_lr()[0], i)
        writer.close()
        write_params(path, producer="torch.utils.tensorboard.SummaryWriter",
                     loop=("opt.step(); sched.step(); add_scalar('lr', get_last_lr()[0], i)" if after
                           else "add_scalar('lr', get_last_lr()[0], i); opt.step(); sched.step()"),
                     plan={"type": "torch.OneCycleLR", "lr": 0.1, "max_lr": 0.1, "total_steps": 50},
                     fault=("the logger records the next step's value (logged at i after scheduler.step())"
                            if after else None),
                     versions=versions("torch", "tensorboard"))


def torch_grad_accum_miscounted():
    """No-trainer loop with gradient accumulation 3 that calls lr_scheduler.step() on every
    micro-batch instead of every optimizer step."""
    import torch
    from torch.utils.tensorboard import SummaryWriter
    from transformers import get_cosine_schedule_with_warmup
    path = fresh("torch-grad-accum-miscounted")
    x, y = tiny_data(360)
    model = _sgd_model()
    opt = torch.optim.AdamW(model.parameters(), lr=2e-3)
    accumulation, optimizer_steps = 3, 30
    sched = get_cosine_schedule_with_warmup(opt, num_warmup_steps=4, num_training_steps=optimizer_steps)
    writer = SummaryWriter(log_dir=path)
    step = 0
    for micro in range(accumulation * optimizer_steps):
        xb, yb = x[4 * micro:4 * micro + 4], y[4 * micro:4 * micro + 4]
        (_loss(model, xb, yb) / accumulation).backward()
        if (micro + 1) % accumulation == 0:
            opt.step()
            opt.zero_grad()
            step += 1
            writer.add_scalar("train/lr", sched.get_last_lr()[0], step)
        sched.step()  # the fault: once per micro-batch
    writer.close()
    write_params(path, producer="torch.utils.tensorboard.SummaryWriter",
                 loop="scheduler.step() after every micro-batch; optimizer.step() every 3; "
                      "add_scalar('train/lr', get_last_lr()[0], optimizer_step) after the optimizer step",
                 gradient_accumulation_steps=accumulation, optimizer_steps=optimizer_steps,
                 plan={"type": "hf.cosine", "lr": 2e-3, "num_warmup_steps": 4, "num_training_steps": 30},
                 fault="gradient accumulation miscounted: the scheduler is stepped per micro-batch (3 per optimizer step)",
                 versions=versions("torch", "transformers", "tensorboard"))


ACCELERATE_WORKER = r'''
import os, sys, torch
from accelerate import Accelerator
from transformers import get_linear_schedule_with_warmup
from torch.utils.tensorboard import SummaryWriter
out = sys.argv[1]
accelerator = Accelerator(cpu=True)
g = torch.Generator().manual_seed(0)
x = torch.randn(64, 8, generator=g); y = (x[:, 0] > 0).long()
dl = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(x, y), batch_size=4)
torch.manual_seed(0)
model = torch.nn.Linear(8, 2)
opt = torch.optim.SGD(model.parameters(), lr=0.05)
model, opt, dl = accelerator.prepare(model, opt, dl)
epochs = 3
total = epochs * len(dl)   # the fault: len(dl) after prepare() is the per-process length
sched = get_linear_schedule_with_warmup(opt, num_warmup_steps=3, num_training_steps=total)
sched = accelerator.prepare(sched)
writer = SummaryWriter(log_dir=out) if accelerator.is_main_process else None
step = 0
for epoch in range(epochs):
    for xb, yb in dl:
        loss = torch.nn.functional.cross_entropy(model(xb), yb)
        accelerator.backward(loss)
        opt.step(); sched.step(); opt.zero_grad()
        step += 1
        if writer:
            writer.add_scalar("lr", sched.get_last_lr()[0], step)
if writer:
    writer.close()
    print("per-process batches", len(dl), "num_processes", accelerator.num_processes, "total", total)
'''


def accelerate_two_processes():
    """accelerate on 2 CPU processes (gloo): AcceleratedScheduler steps the scheduler
    num_processes times per optimizer step, while the script sized the schedule by the
    per-process dataloader."""
    path = fresh("accelerate-two-processes")
    worker = os.path.join(tempfile.mkdtemp(), "worker.py")
    with open(worker, "w") as f:
        f.write(ACCELERATE_WORKER)
    torchrun = os.path.join(os.path.dirname(sys.executable), "torchrun")
    proc = subprocess.run([torchrun, "--nproc_per_node", "2", "--master_port", "29517", worker, path],
                          capture_output=True, text=True)
    print(proc.stdout[-400:], proc.stderr[-1500:] if proc.returncode else "")
    if proc.returncode:
        raise SystemExit("accelerate run failed")
    write_params(path, producer="accelerate Accelerator(cpu=True) under torchrun --nproc_per_node 2 (gloo); "
                                "SummaryWriter on the main process",
                 loop="opt.step(); sched.step(); add_scalar('lr', get_last_lr()[0], optimizer_step)",
                 num_processes=2, batches_per_process_per_epoch=8, epochs=3,
                 plan={"type": "hf.linear", "lr": 0.05, "num_warmup_steps": 3, "num_training_steps": 24},
                 fault="the scheduler is stepped once per process per optimizer step (AcceleratedScheduler "
                       "with split_batches=False) while num_training_steps counted per-process batches",
                 versions=versions("accelerate", "torch", "transformers", "tensorboard"))


def torch_resumed_restarted():
    """A run that crashes after step 29 and resumes from its step-20 checkpoint, which saved the
    model and optimizer but not the scheduler: the schedule starts again, and steps 20-29 are
    logged twice (two event files in one run directory)."""
    import torch
    from torch.utils.tensorboard import SummaryWriter
    path = fresh("torch-resumed-restarted")
    x, y = tiny_data(400)
    model = _sgd_model()
    opt = torch.optim.SGD(model.parameters(), lr=0.05)
    sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=60)
    writer = SummaryWriter(log_dir=path, filename_suffix=".first")
    checkpoint = None
    for i in range(30):
        if i == 20:
            checkpoint = {"model": {k: v.clone() for k, v in model.state_dict().items()},
                          "optimizer": opt.state_dict()}
        writer.add_scalar("lr", sched.get_last_lr()[0], i)
        opt.zero_grad()
        _loss(model, x[4 * i:4 * i + 4], y[4 * i:4 * i + 4]).backward()
        opt.step()
        sched.step()
    writer.close()
    # The resumed process: a new scheduler (restarted), the checkpoint's step 20.
    model = _sgd_model()
    model.load_state_dict(checkpoint["model"])
    opt = torch.optim.SGD(model.parameters(), lr=0.05)
    opt.load_state_dict(checkpoint["optimizer"])
    for group in opt.param_groups:
        group["lr"] = group["initial_lr"] = 0.05
    sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=60)
    writer = SummaryWriter(log_dir=path, filename_suffix=".second")
    for i in range(20, 60):
        writer.add_scalar("lr", sched.get_last_lr()[0], i)
        opt.zero_grad()
        _loss(model, x[4 * i:4 * i + 4], y[4 * i:4 * i + 4]).backward()
        opt.step()
        sched.step()
    writer.close()
    write_params(path, producer="torch.utils.tensorboard.SummaryWriter, two processes writing one run directory",
                 loop="add_scalar('lr', get_last_lr()[0], i); opt.step(); sched.step()",
                 crashed_after_step=29, resumed_from_step=20,
                 plan={"type": "torch.CosineAnnealingLR", "lr": 0.05, "T_max": 60},
                 fault="resumed run: the checkpoint did not hold the scheduler, so the schedule restarted at "
                       "step 20; steps 20-29 were logged twice",
                 versions=versions("torch", "tensorboard"))


def torch_fp16_skipped_steps():
    """GradScaler skips the optimizer step when the scaled gradients overflow, and, as the
    transformers Trainer does, the scheduler is not stepped then; the global step still counts."""
    import torch
    from torch.utils.tensorboard import SummaryWriter
    from transformers import get_linear_schedule_with_warmup
    path = fresh("torch-fp16-skipped-steps")
    x, y = tiny_data(240)
    model = _sgd_model()
    opt = torch.optim.SGD(model.parameters(), lr=0.01)
    sched = get_linear_schedule_with_warmup(opt, num_warmup_steps=5, num_training_steps=50)
    scaler = torch.amp.GradScaler("cpu", init_scale=2.0 ** 10)
    overflow_at = {7, 18, 19, 33}
    writer = SummaryWriter(log_dir=path)
    skipped = []
    for global_step in range(1, 51):
        i = global_step - 1
        loss = _loss(model, x[4 * i:4 * i + 4], y[4 * i:4 * i + 4])
        if global_step in overflow_at:
            loss = loss * float("inf")  # forced overflow: inf gradients
        opt.zero_grad()
        scaler.scale(loss).backward()
        scale = scaler.get_scale()
        scaler.step(opt)
        scaler.update()
        if scaler.get_scale() < scale:
            skipped.append(global_step)  # optimizer step skipped: do not step the scheduler
        else:
            sched.step()
        writer.add_scalar("train/learning_rate", sched.get_last_lr()[0], global_step)
    writer.close()
    write_params(path, producer="torch.amp.GradScaler('cpu') + SummaryWriter",
                 loop="scaler.step(opt); scaler.update(); sched.step() unless the scale dropped; "
                      "add_scalar('train/learning_rate', get_last_lr()[0], global_step)",
                 forced_overflow_at_global_steps=sorted(overflow_at), skipped_optimizer_steps=skipped,
                 plan={"type": "hf.linear", "lr": 0.01, "num_warmup_steps": 5, "num_training_steps": 50},
                 fault="fp16 loss scaling skipped optimizer steps (and scheduler steps) at the overflows, "
                       "so the logged rate lags the plan by one more step after each",
                 convention="logged at global step s after the scheduler: plan step s (transformers < 4.51 style)",
                 versions=versions("torch", "transformers", "tensorboard"))


# --------------------------------------------------------------------------------------------
# Lightning: CSVLogger + TensorBoardLogger with LearningRateMonitor.

def lightning_runs():
    import torch
    import lightning as L
    from lightning.pytorch.callbacks import LearningRateMonitor
    from lightning.pytorch.loggers import CSVLogger, TensorBoardLogger

    x, y = tiny_data(40)
    steps_per_epoch, epochs = 10, 4
    total = steps_per_epoch * epochs

    class Module(L.LightningModule):
        def __init__(self, per_step, groups):
            super().__init__()
            self.a = torch.nn.Linear(8, 4)
            self.b = torch.nn.Linear(4, 2)
            self.per_step = per_step
            self.groups = groups

        def training_step(self, batch, _):
            xb, yb = batch
            loss = torch.nn.functional.cross_entropy(self.b(torch.tanh(self.a(xb))), yb)
            self.log("train_loss", loss)
            return loss

        def configure_optimizers(self):
            if self.groups:
                params = [{"params": self.a.parameters(), "lr": 0.1}, {"params": self.b.parameters(), "lr": 0.01}]
            else:
                params = self.parameters()
            opt = torch.optim.SGD(params, lr=0.1, momentum=0.9)
            sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=total)
            config = {"scheduler": sched}
            if self.per_step:
                config["interval"] = "step"
            return {"optimizer": opt, "lr_scheduler": config}

    for name, per_step, groups in (("lightning-cosine-groups", True, True), ("lightning-per-epoch", False, False)):
        path = fresh(name)
        torch.manual_seed(SEED)
        loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(x, y), batch_size=4)
        trainer = L.Trainer(max_epochs=epochs, accelerator="cpu", log_every_n_steps=1, enable_checkpointing=False,
                            enable_progress_bar=False, enable_model_summary=False,
                            logger=[CSVLogger(path, name="csv", version=0), TensorBoardLogger(path, name="tb", version=0)],
                            callbacks=[LearningRateMonitor(logging_interval="step", log_momentum=True)])
        trainer.fit(Module(per_step, groups), loader)
        plan = ({"type": "torch.CosineAnnealingLR", "lr": 0.1, "T_max": total} if not groups else
                {"type": "torch.CosineAnnealingLR", "lr": 0.1, "T_max": total})
        write_params(path, producer="Lightning Trainer, CSVLogger + TensorBoardLogger, "
                                    "LearningRateMonitor(logging_interval='step', log_momentum=True)",
                     steps_per_epoch=steps_per_epoch, epochs=epochs,
                     scheduler="CosineAnnealingLR(T_max=%d), interval=%s" % (total, "'step'" if per_step else "'epoch' (Lightning's default)"),
                     param_groups=("pg1 (first Linear) lr 0.1, pg2 (second Linear) lr 0.01" if groups else "one, lr 0.1"),
                     plan=plan, plan_pg2=({"type": "torch.CosineAnnealingLR", "lr": 0.01, "T_max": total} if groups else None),
                     fault=(None if per_step else "a per-step schedule (T_max = total steps) stepped per epoch: "
                            "configure_optimizers did not set interval='step'"),
                     versions=versions("lightning", "torch", "tensorboard"))


# --------------------------------------------------------------------------------------------
# Keras TensorBoard callback (TF2 tensor scalars).

KERAS_VENV = os.environ.get("LRPLOT_KERAS_VENV", os.path.expanduser("~/.cache/lrplot-fixtures/venv-keras"))
KERAS_PINS = ["keras==3.15.1", "tensorflow-cpu==2.21.0", "tensorboard==2.21.0"]


def keras_cosine():
    """Keras needs TensorFlow for its TensorBoard callback (tf.summary), and TensorFlow's LLVM
    cannot share a process with torch's, nor its wheel one venv with torch's tensorboard import:
    this fixture runs in a venv of its own, made on first use."""
    import importlib.util
    if importlib.util.find_spec("tensorflow") is None:
        python = os.path.join(KERAS_VENV, "bin", "python")
        if not os.path.exists(python):
            subprocess.run([sys.executable, "-m", "venv", KERAS_VENV], check=True)
            subprocess.run([python, "-m", "pip", "install", "-q", *KERAS_PINS], check=True)
        subprocess.run([python, os.path.abspath(__file__), "--only", "keras-cosine"], check=True)
        return
    os.environ["KERAS_BACKEND"] = "tensorflow"
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    import numpy as np
    import keras
    path = fresh("keras-cosine")
    keras.utils.set_random_seed(SEED)
    x = np.random.default_rng(SEED).normal(size=(40, 8)).astype("float32")
    y = (x[:, 0] > 0).astype("int64")
    schedule = keras.optimizers.schedules.CosineDecay(initial_learning_rate=0.01, decay_steps=40, alpha=0.1)
    model = keras.Sequential([keras.Input((8,)), keras.layers.Dense(2)])
    model.compile(optimizer=keras.optimizers.SGD(learning_rate=schedule),
                  loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))
    logs = tempfile.mkdtemp()
    model.fit(x, y, batch_size=8, epochs=8, verbose=0, callbacks=[keras.callbacks.TensorBoard(log_dir=logs)])
    os.makedirs(os.path.join(path, "train"))
    for f in only_event_file(os.path.join(logs, "train")):
        shutil.copy(f, os.path.join(path, "train"))
    write_params(path, producer="keras.callbacks.TensorBoard (tensorflow backend)",
                 fit=dict(batch_size=8, epochs=8, samples=40, steps_per_epoch=5),
                 plan={"type": "keras.CosineDecay", "initial_learning_rate": 0.01, "decay_steps": 40, "alpha": 0.1},
                 steps_per_epoch=5, fault=None, key="epoch_learning_rate",
                 versions=versions("keras", "tensorflow", "tensorboard"))


# --------------------------------------------------------------------------------------------
# timm: update_summary writes summary.csv once per epoch.

def timm_summary():
    import torch
    from collections import OrderedDict
    from timm.scheduler import CosineLRScheduler
    from timm.utils import update_summary
    path = fresh("timm-cosine")
    x, y = tiny_data(80)
    model = _sgd_model()
    opt = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)
    sched = CosineLRScheduler(opt, t_initial=12, lr_min=1e-4, warmup_t=3, warmup_lr_init=1e-3)
    filename = os.path.join(path, "summary.csv")
    for epoch in range(12):
        losses = []
        for i in range(5):
            xb, yb = x[16 * i:16 * i + 16], y[16 * i:16 * i + 16]
            loss = _loss(model, xb, yb)
            opt.zero_grad()
            loss.backward()
            opt.step()
            losses.append(loss.item())
        lrs = [group["lr"] for group in opt.param_groups]
        with torch.no_grad():
            eval_loss = _loss(model, x, y).item()
        update_summary(epoch, OrderedDict(loss=sum(losses) / len(losses)), OrderedDict(loss=eval_loss),
                       filename, lr=sum(lrs) / len(lrs), write_header=epoch == 0)
        sched.step(epoch + 1)
    write_params(path, producer="timm.utils.update_summary (as timm's train.py calls it), per-epoch CosineLRScheduler",
                 epochs=12, steps_per_epoch=5,
                 plan={"type": "timm.CosineLRScheduler", "lr": 0.05, "t_initial": 12, "lr_min": 1e-4,
                       "warmup_t": 3, "warmup_lr_init": 1e-3},
                 fault=None, versions=versions("timm", "torch"))


# --------------------------------------------------------------------------------------------
# MLflow file store.

def mlflow_steplr():
    import torch
    import mlflow
    path = fresh("mlflow-steplr")
    store = tempfile.mkdtemp()
    # MLflow 3 keeps the file store in maintenance mode and asks for this opt-in.
    os.environ["MLFLOW_ALLOW_FILE_STORE"] = "true"
    mlflow.set_tracking_uri("file:" + store)
    mlflow.set_experiment("fixtures")
    x, y = tiny_data(120)
    model = _sgd_model()
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    sched = torch.optim.lr_scheduler.StepLR(opt, step_size=10, gamma=0.5)
    with mlflow.start_run() as run:
        for i in range(30):
            mlflow.log_metric("lr", sched.get_last_lr()[0], step=i)
            loss = _loss(model, x[4 * i:4 * i + 4], y[4 * i:4 * i + 4])
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
            mlflow.log_metric("train/loss", loss.item(), step=i)
        run_id = run.info.run_id
    metrics = glob.glob(os.path.join(store, "*", run_id, "metrics"))[0]
    shutil.copytree(metrics, os.path.join(path, "run", "metrics"))
    write_params(path, producer="mlflow.log_metric with a file: tracking URI (FileStore)",
                 loop="log_metric('lr', get_last_lr()[0], step=i); opt.step(); sched.step()",
                 plan={"type": "torch.StepLR", "lr": 0.1, "step_size": 10, "gamma": 0.5},
                 fault=None, versions=versions("mlflow", "torch"))


# --------------------------------------------------------------------------------------------
# mmengine Runner with LocalVisBackend: vis_data/scalars.json.

def mmengine_cosine():
    import torch
    from mmengine.model import BaseModel
    from mmengine.runner import Runner

    class Tiny(BaseModel):
        def __init__(self):
            super().__init__()
            self.lin = torch.nn.Linear(8, 2)

        def forward(self, x, y, mode="tensor"):
            logits = self.lin(x)
            if mode == "loss":
                return {"loss": torch.nn.functional.cross_entropy(logits, y)}
            return logits

    path = fresh("mmengine-cosine")
    work = tempfile.mkdtemp()
    torch.manual_seed(SEED)
    runner = Runner(
        model=Tiny(), work_dir=work,
        train_dataloader=dict(dataset=DictDataset(160, "y"), sampler=dict(type="DefaultSampler", shuffle=False), batch_size=4,
                              collate_fn=dict(type="default_collate")),
        optim_wrapper=dict(optimizer=dict(type="SGD", lr=0.02)),
        param_scheduler=[dict(type="CosineAnnealingLR", T_max=40, by_epoch=False, begin=0, end=40)],
        train_cfg=dict(by_epoch=False, max_iters=40),
        default_hooks=dict(logger=dict(type="LoggerHook", interval=1), checkpoint=dict(type="CheckpointHook", interval=1000)),
        visualizer=dict(type="Visualizer", vis_backends=[dict(type="LocalVisBackend")]),
        randomness=dict(seed=SEED))
    runner.train()
    scalars = glob.glob(os.path.join(work, "*", "vis_data", "scalars.json"))[0]
    shutil.copy(scalars, path)
    write_params(path, producer="mmengine Runner, LoggerHook(interval=1), LocalVisBackend",
                 param_scheduler="CosineAnnealingLR(T_max=40, by_epoch=False), SGD lr 0.02, 40 iterations",
                 plan={"type": "torch.CosineAnnealingLR", "lr": 0.02, "T_max": 40},
                 fault=None, versions=versions("mmengine", "torch"))


# --------------------------------------------------------------------------------------------

def bench_file(points):
    """A long TensorBoard file for bench case 6: `points` learning rates of a cosine schedule,
    written by torch's SummaryWriter the way a training loop writes them (one add_scalar each)."""
    from torch.utils.tensorboard import SummaryWriter
    out = "/tmp/lrplot-bench"
    os.makedirs(out, exist_ok=True)
    directory = tempfile.mkdtemp(dir=out)
    writer = SummaryWriter(log_dir=directory, max_queue=100000, flush_secs=3600)
    for i in range(points):
        writer.add_scalar("lr", 0.1 * 0.5 * (1 + math.cos(math.pi * i / points)), i)
    writer.close()
    target = os.path.join(out, f"tb-{points}.tfevents")
    shutil.move(only_event_file(directory)[0], target)
    shutil.rmtree(directory)
    print(target, os.path.getsize(target), "bytes")


FIXTURES = {
    "hf-trainer-cosine": hf_trainer_cosine,
    "torch-onecycle": torch_onecycle_correct_and_next_step,
    "torch-grad-accum-miscounted": torch_grad_accum_miscounted,
    "accelerate-two-processes": accelerate_two_processes,
    "torch-resumed-restarted": torch_resumed_restarted,
    "torch-fp16-skipped-steps": torch_fp16_skipped_steps,
    "lightning": lightning_runs,
    "keras-cosine": keras_cosine,
    "timm-cosine": timm_summary,
    "mlflow-steplr": mlflow_steplr,
    "mmengine-cosine": mmengine_cosine,
}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--only", default="", help="comma-separated fixture names")
    ap.add_argument("--bench-points", type=int, default=0)
    args = ap.parse_args()
    if args.bench_points:
        bench_file(args.bench_points)
        return
    wanted = [n for n in args.only.split(",") if n] or list(FIXTURES)
    os.makedirs(OUT, exist_ok=True)
    for name in wanted:
        print("==", name, flush=True)
        FIXTURES[name]()


if __name__ == "__main__":
    main()
