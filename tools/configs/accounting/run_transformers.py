"""transformers Trainer (5.24): trains the tiny model and records the lr after each optimizer
step (on_step_end follows lr_scheduler.step()), the Trainer's own counts and get_warmup_steps."""
import warnings

from transformers import Trainer, TrainingArguments

from common import Samples, Tiny, case, lr_recorder, write

warnings.simplefilter("ignore")
c = case()
t = c["training"]
lrs = []

kwargs = dict(output_dir="/tmp/lrplot-accounting-hf", per_device_train_batch_size=t["batch_size"],
              gradient_accumulation_steps=t.get("grad_accum", 1), learning_rate=c["hf"]["learning_rate"],
              lr_scheduler_type=c["hf"]["lr_scheduler_type"], lr_scheduler_kwargs=c["hf"].get("lr_scheduler_kwargs", {}),
              warmup_steps=c["hf"].get("warmup_steps", 0), dataloader_drop_last=t.get("drop_last", False),
              report_to="none", save_strategy="no", logging_strategy="no", use_cpu=True, disable_tqdm=True,
              optim="sgd", weight_decay=0.0)
if "max_steps" in t:
    kwargs["max_steps"] = t["max_steps"]
if "epochs" in t:
    kwargs["num_train_epochs"] = t["epochs"]
if "ds_config" in c:
    # The transformers DeepSpeed integration fills the config's "auto" values from these arguments.
    kwargs["deepspeed"] = c["ds_config"]
    kwargs.pop("optim")
args = TrainingArguments(**kwargs)
trainer = Trainer(model=Tiny(), args=args, train_dataset=Samples(t["dataset_size"]), callbacks=[lr_recorder(lrs)])
trainer.train()
(num_train_epochs, per_epoch, _, _, _, steps_in_epoch, max_steps) = trainer.set_initial_training_values(args, trainer.get_train_dataloader())
resolved = None
if "ds_config" in c:
    resolved = trainer.accelerator.state.deepspeed_plugin.hf_ds_config.config.get("scheduler")
write({"ds_scheduler": resolved, "steps": max_steps, "steps_per_epoch": per_epoch, "batches_per_epoch": steps_in_epoch,
       "warmup_steps": args.get_warmup_steps(max_steps), "world_size": args.world_size, "values": lrs[:max_steps]})
