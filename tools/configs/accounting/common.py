"""Shared pieces of the step-accounting runs: a one-weight model, a data set of N samples, and
writing rank 0's result. Each run_<trainer>.py reads a case (JSON file argv[1]) and writes what
the real trainer did (JSON file argv[2]); make_accounting.py launches them."""
import json
import os
import sys

import torch


def case():
    with open(sys.argv[1]) as f:
        return json.load(f)


def rank():
    return int(os.environ.get("RANK", "0"))


def write(result):
    if rank() == 0:
        with open(sys.argv[2], "w") as f:
            json.dump(result, f)


class Samples(torch.utils.data.Dataset):
    """N identical samples: the accounting depends only on the count."""

    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n

    def __getitem__(self, i):
        return {"x": torch.ones(1), "labels": torch.zeros(1)}


class Tiny(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.w = torch.nn.Linear(1, 1)

    def forward(self, x, labels=None):
        return {"loss": ((self.w(x) - labels) ** 2).mean()}


def lr_recorder(lrs):
    """A transformers TrainerCallback appending the lr at the start of training and after
    every optimizer step (on_step_end follows lr_scheduler.step())."""
    from transformers import TrainerCallback

    class Record(TrainerCallback):
        def on_train_begin(self, args, state, control, optimizer=None, **kw):
            lrs.append(optimizer.param_groups[0]["lr"])

        def on_step_end(self, args, state, control, optimizer=None, **kw):
            lrs.append(optimizer.param_groups[0]["lr"])

    return Record()


def mmengine_toy():
    """A one-weight mmengine model and the collate function for `Samples`."""
    from mmengine.model import BaseModel

    class Toy(BaseModel):
        def __init__(self):
            super().__init__()
            self.w = torch.nn.Linear(1, 1)

        def forward(self, x, labels=None, mode="loss"):
            return {"loss": ((self.w(x) - labels) ** 2).mean()}

    def collate(batch):
        return {"x": torch.stack([b["x"] for b in batch]), "labels": torch.stack([b["labels"] for b in batch])}

    return Toy(), collate
