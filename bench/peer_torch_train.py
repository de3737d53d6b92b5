"""Peer for bench case 5: the same training in PyTorch (float64, single-tensor SGD).

Trains a 64-32-10 tanh MLP on the bundled digits (first 1500 train, last 297 validate,
pixels / 16) with SGD(lr 0.1, momentum 0.9), batch 32, for 1000 steps under each of the
case's four schedules, measuring the validation loss every 10 steps, and prints the
training losses as CSV, as `lrplot simulate bench/case5.json` does.
"""
import csv
import os
import sys

import torch

torch.set_default_dtype(torch.float64)
torch.set_num_threads(1)
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# The digits CSV carried by the binary (Sources/Simulation/Data/DigitsCSV.swift).
swift = open(os.path.join(ROOT, "Sources/Simulation/Data/DigitsCSV.swift")).read()
rows = list(csv.reader(swift.split('#"""\n', 1)[1].split('\n"""#', 1)[0].split("\n")))
data = torch.tensor([[float(v) for v in r] for r in rows])
x, y = data[:, :64] / 16, data[:, 64].long()
xt, yt, xv, yv = x[:1500], y[:1500], x[1500:], y[1500:]
steps, batch = 1000, 32


def schedule(kind, opt):
    sched = torch.optim.lr_scheduler
    return {
        "constant": lambda: sched.LambdaLR(opt, lambda e: 1.0),
        "step": lambda: sched.StepLR(opt, 300, 0.1),
        "cosine": lambda: sched.CosineAnnealingLR(opt, 1000),
        "onecycle": lambda: sched.OneCycleLR(opt, max_lr=0.3, total_steps=1000),
    }[kind]()


losses = []
for kind in ["constant", "step", "cosine", "onecycle"]:
    g = torch.Generator().manual_seed(0)
    model = torch.nn.Sequential(torch.nn.Linear(64, 32), torch.nn.Tanh(), torch.nn.Linear(32, 10))
    opt = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9, foreach=False)
    s = schedule(kind, opt)
    run = []
    order = torch.randperm(1500, generator=g)
    pos = 0
    for t in range(steps):
        if pos >= 1500:
            order, pos = torch.randperm(1500, generator=g), 0
        idx = order[pos:pos + batch]
        pos += batch
        loss = torch.nn.functional.cross_entropy(model(xt[idx]), yt[idx])
        run.append(loss.item())
        if t % 10 == 0:
            with torch.no_grad():
                torch.nn.functional.cross_entropy(model(xv), yv).item()
        opt.zero_grad()
        loss.backward()
        opt.step()
        s.step()
    losses.append(run)
out = sys.stdout
out.write("step,constant,step,cosine,onecycle\n")
for t in range(steps):
    out.write(f"{t}," + ",".join(repr(r[t]) for r in losses) + "\n")
