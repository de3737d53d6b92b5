"""Lightning 2.6 Trainer on CPU (DDP over `devices` processes): the lr in effect at each
optimizer step (first batch after `global_step` steps), num_training_batches and
estimated_stepping_batches."""
import warnings

import lightning as L
import torch

from common import Samples, case, write

warnings.simplefilter("ignore")
c = case()
t = c["training"]
sched = c["torch_scheduler"]


class Module(L.LightningModule):
    def __init__(self):
        super().__init__()
        self.w = torch.nn.Linear(1, 1)
        self.lrs = {}

    def training_step(self, batch, batch_idx):
        return ((self.w(batch["x"]) - batch["labels"]) ** 2).mean()

    def on_train_batch_start(self, batch, batch_idx):
        self.lrs.setdefault(self.trainer.global_step, self.optimizers().param_groups[0]["lr"])

    def on_train_start(self):
        self.counts = (self.trainer.num_training_batches, self.trainer.estimated_stepping_batches)

    def configure_optimizers(self):
        opt = torch.optim.SGD(self.parameters(), lr=sched["lr"], momentum=0.9)
        kwargs = {k: v for k, v in sched.items() if k not in ("type", "lr")}
        if sched["type"] == "OneCycleLR" and "total_steps" not in kwargs:
            kwargs["total_steps"] = self.trainer.estimated_stepping_batches
        s = getattr(torch.optim.lr_scheduler, sched["type"])(opt, **kwargs)
        return {"optimizer": opt, "lr_scheduler": {"scheduler": s, "interval": c.get("interval", "epoch"),
                                                   "frequency": c.get("frequency", 1)}}


trainer_kwargs = dict(accelerator="cpu", devices=t.get("devices", 1), logger=False, enable_checkpointing=False,
                      enable_progress_bar=False, enable_model_summary=False,
                      accumulate_grad_batches=t.get("grad_accum", 1), num_sanity_val_steps=0)
if t.get("devices", 1) > 1:
    trainer_kwargs["strategy"] = "ddp"
if "epochs" in t:
    trainer_kwargs["max_epochs"] = t["epochs"]
if "max_steps" in t:
    trainer_kwargs["max_steps"] = t["max_steps"]
if "limit_train_batches" in t:
    trainer_kwargs["limit_train_batches"] = t["limit_train_batches"]
trainer = L.Trainer(**trainer_kwargs)
module = Module()
loader = torch.utils.data.DataLoader(Samples(t["dataset_size"]), batch_size=t["batch_size"], drop_last=t.get("drop_last", False))
trainer.fit(module, loader)
steps = trainer.global_step
per_epoch = -(-module.counts[0] // t.get("grad_accum", 1))
write({"steps": steps, "estimated_stepping_batches": module.counts[1], "batches_per_epoch": module.counts[0],
       "steps_per_epoch": per_epoch, "values": [module.lrs[k] for k in range(steps)]})
