"""The PyTorch peer: step each scheduler of SPEC and write every value as CSV.

usage: python3 bench/peer_torch.py SPEC.json > values.csv
torch.* entries become the torch scheduler itself; transformers' hf.cosine / hf.linear are
LambdaLR with transformers' own lambdas (what get_scheduler builds); `exponential` is
ExponentialLR. Values are printed with repr (Python's shortest round-trip text), as lrplot.
"""
import json
import math
import sys
import warnings

import torch

warnings.filterwarnings("ignore")
spec = json.load(open(sys.argv[1]))
steps = spec["steps"]
S = torch.optim.lr_scheduler


def build(entry):
    kind = entry["type"]
    lr = entry.get("lr", 0.1)
    opt = torch.optim.SGD([torch.nn.Parameter(torch.zeros(1))], lr=lr, momentum=0.9)
    args = {k: v for k, v in entry.items() if k not in ("type", "label", "lr")}
    if kind.startswith("torch."):
        return opt, getattr(S, kind[6:])(opt, **args)
    if kind == "exponential":
        return opt, S.ExponentialLR(opt, gamma=entry["gamma"])
    w, total = entry["num_warmup_steps"], entry["num_training_steps"]
    if kind == "hf.cosine":
        cycles = entry.get("num_cycles", 0.5)

        def f(step):
            if step < w:
                return float(step) / float(max(1, w))
            progress = float(step - w) / float(max(1, total - w))
            return max(0.0, 0.5 * (1.0 + math.cos(math.pi * float(cycles) * 2.0 * progress)))
        return opt, S.LambdaLR(opt, f)
    if kind == "hf.linear":
        def f(step):
            if step < w:
                return float(step) / float(max(1, w))
            return max(0.0, float(total - step) / float(max(1, total - w)))
        return opt, S.LambdaLR(opt, f)
    raise SystemExit(f"peer: no torch scheduler for {kind}")


built = [build(e) for e in spec["schedules"]]
momentum = [e["type"] in ("torch.OneCycleLR", "torch.CyclicLR") for e in spec["schedules"]]
header = ["step"]
for e, m in zip(spec["schedules"], momentum):
    header.append(e.get("label", e["type"]))
    if m:
        header.append(e.get("label", e["type"]) + ":momentum")
out = sys.stdout
out.write(",".join(header) + "\n")
groups = [opt.param_groups[0] for opt, _ in built]
schedulers = [s for _, s in built]
for step in range(steps):
    row = [str(step)]
    for g, m in zip(groups, momentum):
        row.append(repr(g["lr"]))
        if m:
            row.append(repr(g["momentum"]))
    out.write(",".join(row) + "\n")
    for s in schedulers:
        s.step()
