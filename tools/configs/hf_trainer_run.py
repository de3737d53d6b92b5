"""For make_configs.py: a real transformers Trainer with the given TrainingArguments fields on n
samples; writes the lr after each optimizer step."""
import dataclasses
import json
import os
import sys
import warnings

from transformers import Trainer, TrainingArguments

from common import Samples, Tiny, lr_recorder

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

trainer = Trainer(model=Tiny(), args=args, train_dataset=Samples(spec["n"]), callbacks=[lr_recorder(lrs)])
trainer.train()
if int(os.environ.get("RANK", "0")) == 0:
    json.dump({"steps": trainer.state.max_steps, "values": lrs[:trainer.state.max_steps]}, open(sys.argv[2], "w"))
