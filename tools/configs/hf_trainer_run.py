"""For make_configs.py: a real transformers Trainer with the given TrainingArguments fields on n
samples; writes the lr after each optimizer step."""
import dataclasses
import json
import os
import sys
import warnings

from transformers import Trainer, TrainerCallback, TrainingArguments

from common import Samples, Tiny

warnings.simplefilter("ignore")
spec = json.load(open(sys.argv[1]))
fields = {f.name for f in dataclasses.fields(TrainingArguments) if f.init}
kwargs = {k: v for k, v in spec["args"].items() if k in fields and not k.startswith("_")}
kwargs.update(output_dir="/tmp/lrplot-configs-hf-run", report_to="none", save_strategy="no", logging_strategy="no",
              use_cpu=True, disable_tqdm=True, optim="sgd", weight_decay=0.0)
for k in ("push_to_hub_token", "hub_token", "logging_dir", "accelerator_config", "fsdp_config", "deepspeed"):
    kwargs.pop(k, None)
args = TrainingArguments(**kwargs)
lrs = []


class Record(TrainerCallback):
    def on_train_begin(self, args, state, control, optimizer=None, **kw):
        lrs.append(optimizer.param_groups[0]["lr"])

    def on_step_end(self, args, state, control, optimizer=None, **kw):
        lrs.append(optimizer.param_groups[0]["lr"])


trainer = Trainer(model=Tiny(), args=args, train_dataset=Samples(spec["n"]), callbacks=[Record()])
trainer.train()
if int(os.environ.get("RANK", "0")) == 0:
    json.dump({"steps": trainer.state.max_steps, "values": lrs[:trainer.state.max_steps]}, open(sys.argv[2], "w"))
