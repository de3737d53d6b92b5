"""DeepSpeed 0.19.8 engine on CPU: deepspeed.initialize with the ds_config and training_data,
its dataloader, and the lr after each optimizer step (engine.global_steps) over the epochs."""
import warnings

import deepspeed
import torch

from common import Samples, Tiny, case, write

warnings.simplefilter("ignore")
c = case()
t = c["training"]
model = Tiny()
engine, optimizer, loader, scheduler = deepspeed.initialize(model=model, model_parameters=model.parameters(),
                                                          config=c["ds_config"], training_data=Samples(t["dataset_size"]))
values = [optimizer.param_groups[0]["lr"]]
for epoch in range(t["epochs"]):
    for batch in loader:
        loss = engine(batch["x"], batch["labels"])["loss"]
        engine.backward(loss)
        before = engine.global_steps
        engine.step()
        if engine.global_steps != before:
            values.append(optimizer.param_groups[0]["lr"])
steps = engine.global_steps
write({"steps": steps, "batches_per_epoch": len(loader), "values": values[:steps]})
