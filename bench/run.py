#!/usr/bin/env python3
"""lrplot's benchmark: whole-process wall time (median of several runs) and peak memory of
lrplot and of the Python peers doing the same work, for the four cases of issue 5.

usage: python3 bench/run.py [--runs N] [--peer-runs N] [--lrplot PATH] [--cases 1,2,3,4] [--no-peers]
(`make bench` builds the release binary first and runs this.)

Each run is one process started from scratch, after a sync (so the kernel's write-back of
the previous run's output does not throttle it); wall time is measured around it here and
peak memory (max RSS, as the kernel reports it) by /usr/bin/time when available, else by
getrusage. A peer that is not installed is reported as such; its ratio is left empty.
"""
import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def has_module(name):
    return subprocess.run([sys.executable, "-c", f"import {name}"], capture_output=True).returncode == 0


def measure(cmd, runs, stdout_path=None):
    """(median wall seconds, max peak RSS in MB, all walls) over `runs` runs of `cmd`."""
    walls, peaks = [], []
    gnu_time = shutil.which("time") if os.path.exists("/usr/bin/time") else None
    for _ in range(runs):
        with tempfile.NamedTemporaryFile("r", suffix=".time") as tf:
            full = (["/usr/bin/time", "-f", "%M", "-o", tf.name] if gnu_time else []) + cmd
            out = open(stdout_path, "wb") if stdout_path else subprocess.DEVNULL
            before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
            # Flush the previous run's dirty pages (a CSV is 192 MB) outside the timing, so
            # that no run is throttled by the kernel writing back the one before it.
            os.sync()
            start = time.perf_counter()
            proc = subprocess.run(full, stdout=out, stderr=subprocess.PIPE, cwd=ROOT)
            walls.append(time.perf_counter() - start)
            if stdout_path:
                out.close()
            if proc.returncode != 0:
                raise SystemExit(f"failed: {' '.join(cmd)}\n{proc.stderr.decode()}")
            if gnu_time:
                lines = [l for l in open(tf.name).read().split() if l.isdigit()]
                peaks.append(int(lines[-1]) / 1024)
            else:
                peaks.append(max(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, before) / 1024)
    return statistics.median(walls), max(peaks), walls


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--peer-runs", type=int, default=5)
    ap.add_argument("--lrplot", default=os.path.join(ROOT, ".build", "release", "lrplot"))
    ap.add_argument("--cases", default="1,2,3,4,5,6", help="comma-separated case numbers")
    ap.add_argument("--no-peers", action="store_true", help="measure lrplot only")
    args = ap.parse_args()
    lrplot = args.lrplot
    if not os.path.exists(lrplot):
        raise SystemExit(f"{lrplot} not found: build it with `swift build -c release --product lrplot` (or `make bench`)")
    out = "/tmp/lrplot-bench"
    os.makedirs(out, exist_ok=True)
    py = sys.executable
    have_mpl = has_module("matplotlib") and has_module("numpy")
    have_torch = has_module("torch")
    have_tensorboard = has_module("tensorboard")
    tb_file = f"{out}/tb-1000000.tfevents"
    if "6" in args.cases.split(",") and not os.path.exists(tb_file):
        if not have_tensorboard:
            raise SystemExit("case 6 needs the tensorboard package to write its 10^6-point file (pip install tensorboard)")
        subprocess.run([py, os.path.join(HERE, "make_tb_file.py"), "1000000", tb_file], check=True)
    b = lambda f: os.path.join("bench", f)
    cases = [
        ("1", "5 schedules x 100 steps -> PNG + SVG",
         [lrplot, b("case1.json")],
         [py, b("peer_matplotlib.py"), b("case1.json"), f"{out}/peer1.png", f"{out}/peer1.svg"],
         None, "matplotlib", have_mpl, "20x faster"),
        ("2", "8 schedules x 10^6 steps -> PNG",
         [lrplot, b("case2.json")],
         [py, b("peer_matplotlib.py"), b("case2.json"), f"{out}/peer2.png"],
         None, "matplotlib", have_mpl, "50x faster, <= 64 MB"),
        ("3", "values: 8 schedules x 10^6 steps -> CSV",
         [lrplot, "values", b("case2.json"), "--format", "csv"],
         [py, b("peer_torch.py"), b("case2.json")],
         (f"{out}/values.csv", f"{out}/peer-values.csv"), "torch", have_torch, "100x faster"),
        ("4", "4 closed-form schedules x 10^9 steps -> PNG",
         [lrplot, b("case4.json")], None, None, "none (numpy would need 8 GB per series)", False, "<= 1 s"),
        ("5", "simulate: 4 schedules x 1000 digits MLP steps",
         [lrplot, "simulate", b("case5.json"), "--format", "csv"],
         [py, b("peer_torch_train.py")],
         (f"{out}/sim.csv", f"{out}/peer-sim.csv"), "torch", have_torch, "time per simulated step"),
        ("6", "check: 10^6-point TensorBoard log vs its plan",
         [lrplot, "check", b("case6.json")],
         [py, b("peer_tensorboard.py"), tb_file, "1000000"],
         None, "tensorboard", have_tensorboard, "20x faster"),
    ]
    simulated_steps = {"5": 4 * 1000}
    wanted = set(args.cases.split(","))
    print(f"lrplot benchmark: median of {args.runs} runs (peers: {args.peer_runs}), whole process, peak RSS")
    header = f"{'case':<46} {'lrplot s':>9} {'MB':>6} | {'peer':<11} {'peer s':>8} {'MB':>6} | {'ratio':>7} | target"
    print(header)
    print("-" * len(header))
    rows = []
    for num, name, cmd, peer, stdout, peer_name, peer_ok, target in cases:
        if num not in wanted:
            continue
        wall, peak, _ = measure(cmd, args.runs, stdout[0] if stdout else None)
        if peer and peer_ok and not args.no_peers:
            pwall, ppeak, _ = measure(peer, args.peer_runs, stdout[1] if stdout else None)
            ratio = f"{pwall / wall:.0f}x"
            peer_txt = f"{peer_name:<11} {pwall:>8.3f} {ppeak:>6.0f}"
        else:
            pwall = None
            ratio = "-"
            why = ("skipped" if args.no_peers else "not installed") if peer else peer_name
            peer_txt = f"{why:<27}"
        if num in simulated_steps:
            per = f"{wall / simulated_steps[num] * 1e6:.0f} us/step"
            if pwall is not None:
                per += f" (torch {pwall / simulated_steps[num] * 1e6:.0f} us/step)"
            target = per
        line = f"{num + '. ' + name:<46} {wall:>9.3f} {peak:>6.0f} | {peer_txt} | {ratio:>7} | {target}"
        print(line, flush=True)
        rows.append(line)


if __name__ == "__main__":
    main()
