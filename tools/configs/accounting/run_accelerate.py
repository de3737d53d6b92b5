"""A loop on 🤗 Accelerate 1.15 (CPU, `devices` processes): prepared DataLoader, optimizer and
scheduler, `accelerator.accumulate`, the lr after each optimizer step."""
import math
import warnings

import torch
import transformers
from accelerate import Accelerator, DataLoaderConfiguration

from common import Samples, Tiny, case, write

warnings.simplefilter("ignore")
c = case()
t = c["training"]
# Accelerator(split_batches=…) is a deprecated argument that accelerate 1.15 ignores; the
# DataLoaderConfiguration carries it.
accelerator = Accelerator(cpu=True, gradient_accumulation_steps=t.get("grad_accum", 1),
                          dataloader_config=DataLoaderConfiguration(split_batches=t.get("split_batches", False)))
model = Tiny()
opt = torch.optim.SGD(model.parameters(), lr=c["lr"])
loader = torch.utils.data.DataLoader(Samples(t["dataset_size"]), batch_size=t["batch_size"], drop_last=t.get("drop_last", False))
model, opt, loader = accelerator.prepare(model, opt, loader)
if c["scheduler"]["type"] == "OneCycleLR":
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, **{k: v for k, v in c["scheduler"].items() if k != "type"})
else:
    # As accelerate's examples: the scheduler counts num_processes steps per optimizer step.
    accum = t.get("grad_accum", 1)
    per_process = -(-len(loader) // accum) * t["epochs"]
    total = per_process * (1 if t.get("split_batches", False) else accelerator.num_processes)
    warmup = math.ceil(total * c["scheduler"].get("warmup_ratio", 0))
    sched = transformers.get_scheduler(c["scheduler"]["type"], opt, num_warmup_steps=warmup, num_training_steps=total)
sched = accelerator.prepare(sched)
values = [opt.param_groups[0]["lr"]]
for epoch in range(t["epochs"]):
    for batch in loader:
        with accelerator.accumulate(model):
            loss = model(**batch)["loss"]
            accelerator.backward(loss)
            opt.step()
            sched.step()
            opt.zero_grad()
        if accelerator.sync_gradients:
            values.append(opt.param_groups[0]["lr"])
steps = len(values) - 1
write({"steps": steps, "batches_per_epoch": len(loader), "steps_per_epoch": steps // t["epochs"], "values": values[:steps]})
