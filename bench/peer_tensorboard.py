#!/usr/bin/env python3
"""Peer of bench case 6: TensorBoard's own reader, EventAccumulator, keeping every scalar
(size_guidance 0 = no reservoir sampling), reads the event file, and the learning rates are
compared with the plan (CosineAnnealingLR(lr=0.1, T_max=N) in closed form, numpy) as lrplot's
check does: points compared, largest relative error, first differing step.

usage: python3 bench/peer_tensorboard.py EVENTFILE N
"""
import sys

import numpy as np
from tensorboard.backend.event_processing.event_accumulator import EventAccumulator, SCALARS


def main():
    path, n = sys.argv[1], int(sys.argv[2])
    accumulator = EventAccumulator(path, size_guidance={SCALARS: 0})
    accumulator.Reload()
    events = accumulator.Scalars("lr")
    steps = np.fromiter((e.step for e in events), dtype=np.int64, count=len(events))
    logged = np.fromiter((e.value for e in events), dtype=np.float64, count=len(events))
    planned = 0.05 * (1 + np.cos(np.pi * steps / n))
    scale = np.maximum(np.abs(logged), np.abs(planned))
    relative = np.divide(np.abs(logged - planned), scale, out=np.zeros_like(scale), where=scale > 0)
    tolerance = 2.0 ** -24 * (np.abs(logged) + np.abs(planned)) + 1e-9 * scale
    differing = np.nonzero(np.abs(logged - planned) > tolerance)[0]
    first = int(steps[differing[0]]) if len(differing) else None
    print(f"points {len(events)} largest relative error {relative.max():.3e} first difference {first}")


if __name__ == "__main__":
    main()
