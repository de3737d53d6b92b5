"""The bench specs' schedules computed with numpy, as a matplotlib user would compute them.

Each function takes the spec entry (a dict) and the step array t (int64) and returns the
learning rate at each step, following the formulas in `lrplot describe <type>`.
"""
import math

import numpy as np


def _cosine_fall(p):
    return (1 + np.cos(np.pi * p)) / 2


def values(entry, t):
    kind = entry["type"]
    tf = t.astype(np.float64)
    if kind == "step":
        return entry["lr"] * entry.get("gamma", 0.1) ** (t // entry["step_size"])
    if kind == "exponential":
        return entry["lr"] * entry["gamma"] ** tf
    if kind == "cosine":
        total, lo = entry["total_steps"], entry.get("min_lr", 0.0)
        return np.where(t >= total, lo, lo + (entry["lr"] - lo) * _cosine_fall(np.minimum(tf / total, 1)))
    if kind == "cyclic":
        up = entry.get("step_size_up", 2000)
        down = entry.get("step_size_down") or up
        total = up + down
        cycle = np.floor(1 + tf / total)
        x = 1 + tf / total - cycle
        ratio = up / total
        s = np.where(x <= ratio, x / ratio, (x - 1) / (ratio - 1))
        return entry["base_lr"] + (entry["max_lr"] - entry["base_lr"]) * s
    if kind == "inverse_sqrt":
        n, w = tf + 1, entry["warmup_steps"]
        return entry["lr"] * np.minimum(np.sqrt(w / n), n / w)
    if kind == "cosine_restarts":
        period, m = entry["period"], entry.get("t_mult", 1.0)
        i = np.floor(np.log(tf * (m - 1) / period + 1) / math.log(m)) if m != 1 else np.floor(tf / period)
        start = period * (m ** i - 1) / (m - 1) if m != 1 else i * period
        x = (tf - start) / (period * m ** i)
        peak = entry["lr"] * entry.get("decay", 1.0) ** i
        lo = entry.get("min_lr", 0.0)
        return lo + np.maximum(peak - lo, 0) * _cosine_fall(x)
    if kind == "wsd":
        total, w, lr, lo = entry["total_steps"], entry.get("warmup_steps", 0), entry["lr"], entry.get("min_lr", 0.0)
        d = entry.get("decay_steps") or int(total * entry.get("decay_fraction", 0.1))
        p = np.clip((tf - (total - d)) / d, 0, 1)
        out = np.where(t < w, lr * tf / max(w, 1), lr)
        out = np.where(t >= total - d, lo + (lr - lo) * (1 - p), out)
        return np.where(t >= total, lo, out)
    if kind == "hf.cosine":
        w, total = entry["num_warmup_steps"], entry["num_training_steps"]
        progress = (tf - w) / max(1, total - w)
        f = np.maximum(0, 0.5 * (1 + np.cos(np.pi * entry.get("num_cycles", 0.5) * 2 * progress)))
        return entry["lr"] * np.where(t < w, tf / max(1, w), f)
    if kind == "hf.linear":
        w, total = entry["num_warmup_steps"], entry["num_training_steps"]
        return entry["lr"] * np.where(t < w, tf / max(1, w), np.maximum(0, (total - tf) / max(1, total - w)))
    if kind == "torch.StepLR":
        return entry["lr"] * entry.get("gamma", 0.1) ** (t // entry["step_size"])
    if kind == "torch.CosineAnnealingLR":
        lo, T = entry.get("eta_min", 0.0), entry["T_max"]
        return lo + (entry["lr"] - lo) * (1 + np.cos(np.pi * tf / T)) / 2
    if kind == "torch.OneCycleLR":
        total, peak = entry["total_steps"], entry["max_lr"]
        initial = peak / entry.get("div_factor", 25.0)
        final = initial / entry.get("final_div_factor", 1e4)
        end1 = entry.get("pct_start", 0.3) * total - 1
        p1 = np.clip(tf / end1, 0, 1)
        p2 = np.clip((tf - end1) / (total - 1 - end1), 0, 1)
        up = peak + (initial - peak) / 2 * (np.cos(np.pi * p1) + 1)
        downv = final + (peak - final) / 2 * (np.cos(np.pi * p2) + 1)
        return np.where(tf <= end1, up, downv)
    if kind == "torch.CyclicLR":
        return values(dict(entry, type="cyclic"), t)
    if kind == "torch.CosineAnnealingWarmRestarts":
        T0, mult, lo = entry["T_0"], entry.get("T_mult", 1), entry.get("eta_min", 0.0)
        if mult == 1:
            cur, Ti = t % T0, np.full(t.shape, T0)
        else:
            n = np.floor(np.log(tf / T0 * (mult - 1) + 1) / math.log(mult)).astype(np.int64)
            cur = t - T0 * (mult ** n - 1) // (mult - 1)
            Ti = T0 * mult ** n
        return lo + (entry["lr"] - lo) * (1 + np.cos(np.pi * cur / Ti)) / 2
    raise SystemExit(f"peer: no numpy formula for {kind}")
