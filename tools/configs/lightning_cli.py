"""A LightningCLI program for make_configs.py: `fit --print_config …` writes its config as
LightningCLI does; `fit --config FILE` trains a one-weight model on `SAMPLES` samples and
writes the lr in effect at each optimizer step to the file named by LRPLOT_VALUES."""
import json
import os
import warnings

import lightning as L
import torch
from lightning.pytorch.cli import LightningCLI

warnings.simplefilter("ignore")
SAMPLES = 100


class Data(L.LightningDataModule):
    def __init__(self, batch_size: int = 8):
        super().__init__()
        self.batch_size = batch_size

    def train_dataloader(self):
        x = torch.ones(SAMPLES, 1)
        return torch.utils.data.DataLoader(torch.utils.data.TensorDataset(x, x * 0), batch_size=self.batch_size)


class Model(L.LightningModule):
    def __init__(self):
        super().__init__()
        self.w = torch.nn.Linear(1, 1)
        self.lrs = {}

    def training_step(self, batch, batch_idx):
        x, y = batch
        return ((self.w(x) - y) ** 2).mean()

    def on_train_batch_start(self, batch, batch_idx):
        self.lrs.setdefault(self.trainer.global_step, self.optimizers().param_groups[0]["lr"])

    def on_train_end(self):
        if os.environ.get("LRPLOT_VALUES"):
            with open(os.environ["LRPLOT_VALUES"], "w") as f:
                json.dump({"steps": self.trainer.global_step, "values": [self.lrs[k] for k in range(self.trainer.global_step)]}, f)


if __name__ == "__main__":
    LightningCLI(Model, Data, save_config_callback=None,
                 trainer_defaults=dict(accelerator="cpu", devices=1, logger=False, enable_checkpointing=False,
                                       enable_progress_bar=False, enable_model_summary=False))
