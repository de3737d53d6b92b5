#!/usr/bin/env python3
"""Writes the TensorBoard event file of bench case 6: N learning rates of a cosine schedule,
one scalar event per step, written by TensorBoard's own EventFileWriter (the writer torch's
SummaryWriter wraps), so the bytes are those a training loop's add_scalar calls produce.

usage: python3 bench/make_tb_file.py N OUT   (needs the tensorboard package)

The rate at step t is cosine_annealing(t) = 0.05 * (1 + cos(pi * t / N)), what
torch.CosineAnnealingLR(lr=0.1, T_max=N) gives in closed form; bench/case6.json is that plan.
"""
import math
import os
import shutil
import sys
import tempfile

from tensorboard.compat.proto import event_pb2, summary_pb2
from tensorboard.summary.writer.event_file_writer import EventFileWriter


def main():
    n, out = int(sys.argv[1]), sys.argv[2]
    directory = tempfile.mkdtemp()
    writer = EventFileWriter(directory, max_queue_size=100000, flush_secs=3600)
    for t in range(n):
        value = summary_pb2.Summary.Value(tag="lr", simple_value=0.05 * (1 + math.cos(math.pi * t / n)))
        writer.add_event(event_pb2.Event(wall_time=1.7e9 + t * 0.01, step=t, summary=summary_pb2.Summary(value=[value])))
    writer.close()
    (name,) = [f for f in os.listdir(directory) if f.startswith("events.out.tfevents.")]
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    shutil.move(os.path.join(directory, name), out)
    shutil.rmtree(directory)
    print(out, os.path.getsize(out), "bytes")


if __name__ == "__main__":
    main()
