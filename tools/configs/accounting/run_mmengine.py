"""mmengine 0.10.7 Runner (launcher "pytorch" over `devices` processes): len(train_dataloader)
per process, and the lr before each iteration under the config's param_scheduler."""
import copy
import tempfile
import warnings

import torch
from mmengine.hooks import Hook
from mmengine.runner import Runner

from common import Samples, case, mmengine_toy, write

warnings.simplefilter("ignore")
c = case()
t = c["training"]


values = []


class Record(Hook):
    priority = "LOWEST"

    def before_train_iter(self, runner, batch_idx, data_batch=None):
        values.append(runner.optim_wrapper.optimizer.param_groups[0]["lr"])


distributed = t.get("devices", 1) > 1
if distributed:
    # mmengine's "pytorch" launcher calls torch.cuda.set_device; on CPU the gloo group is made
    # here, and DefaultSampler shards by the group's world size (get_dist_info).
    torch.distributed.init_process_group("gloo")
train_cfg = dict(by_epoch=True, max_epochs=t["epochs"]) if "epochs" in t else dict(by_epoch=False, max_iters=t["max_steps"], val_interval=10 ** 9)
model, collate = mmengine_toy()
runner = Runner(
    model=model, work_dir=tempfile.mkdtemp(),
    train_dataloader=dict(dataset=Samples(t["dataset_size"]), batch_size=t["batch_size"], drop_last=t.get("drop_last", False),
                          sampler=dict(type="DefaultSampler", shuffle=False), collate_fn=collate),
    optim_wrapper=dict(optimizer=dict(type="SGD", lr=c["lr"], momentum=0.9)),
    param_scheduler=copy.deepcopy(c["param_scheduler"]), train_cfg=train_cfg,
    default_hooks=dict(logger=None, checkpoint=None), custom_hooks=[Record()], log_level="ERROR",
    launcher="none")
runner.train()
write({"steps": len(values), "batches_per_epoch": len(runner.train_dataloader), "steps_per_epoch": len(runner.train_dataloader),
       "values": values})
