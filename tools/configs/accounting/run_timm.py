"""timm 1.0.31: the training loader as train.py builds it (timm.data.create_loader, is_training,
distributed over `devices` processes), updates_per_epoch as train.py computes it, and the
create_scheduler_v2 scheduler stepped as train.py steps it."""
import warnings

import torch
import torch.distributed as dist
from timm.data import create_loader
from timm.scheduler import create_scheduler_v2

from common import case, write

warnings.simplefilter("ignore")
c = case()
t = c["training"]


class Images(torch.utils.data.Dataset):
    """A data set of N tiny images; create_loader sets its transform."""

    def __init__(self, n):
        self.n = n
        self.transform = None

    def __len__(self):
        return self.n

    def __getitem__(self, i):
        return torch.zeros(3, 8, 8), 0


distributed = t.get("devices", 1) > 1
if distributed:
    dist.init_process_group("gloo")
loader = create_loader(Images(t["dataset_size"]), input_size=(3, 8, 8), batch_size=t["batch_size"], is_training=True,
                       no_aug=True, num_workers=0, distributed=distributed, device=torch.device("cpu"),
                       use_prefetcher=False, persistent_workers=False)
accum = t.get("grad_accum", 1)
updates_per_epoch = (len(loader) + accum - 1) // accum
model = torch.nn.Linear(1, 1)
opt = torch.optim.SGD(model.parameters(), lr=c["lr"], momentum=0.9)
kwargs = dict(c["factory"])
if not kwargs.get("step_on_epochs", True):
    kwargs["updates_per_epoch"] = updates_per_epoch
scheduler, num_epochs = create_scheduler_v2(opt, **kwargs)
per_update = not kwargs.get("step_on_epochs", True)
values = [opt.param_groups[0]["lr"]]
num_updates = 0
for epoch in range(num_epochs):
    for _ in range(updates_per_epoch):
        num_updates += 1
        scheduler.step_update(num_updates=num_updates)
        values.append(opt.param_groups[0]["lr"])
    scheduler.step(epoch + 1)
    if not per_update:
        # the lr of the next epoch's updates
        values[-1] = opt.param_groups[0]["lr"]
steps = num_epochs * updates_per_epoch
write({"steps": steps, "batches_per_epoch": len(loader), "steps_per_epoch": updates_per_epoch,
       "epochs": num_epochs, "values": values[:steps]})
