"""For make_configs.py: a mmengine Runner built from a dumped config (its optim_wrapper,
param_scheduler, train_cfg, train_dataloader and auto_scale_lr) with a one-weight model on n
samples; the lr before each iteration."""
import tempfile

from mmengine.hooks import Hook
from mmengine.runner import Runner

from common import Samples, mmengine_toy


def run(cfg, n):
    values = []

    class Record(Hook):
        priority = "LOWEST"

        def before_train_iter(self, runner, batch_idx, data_batch=None):
            values.append(runner.optim_wrapper.optimizer.param_groups[0]["lr"])

    model, collate = mmengine_toy()
    loader = dict(cfg.train_dataloader)
    loader["dataset"] = Samples(n)
    loader["collate_fn"] = collate
    runner = Runner(model=model, work_dir=tempfile.mkdtemp(), train_dataloader=loader, optim_wrapper=cfg.optim_wrapper,
                    param_scheduler=cfg.param_scheduler, train_cfg=cfg.train_cfg, auto_scale_lr=cfg.get("auto_scale_lr"),
                    default_hooks=dict(logger=None, checkpoint=None), custom_hooks=[Record()], log_level="ERROR")
    runner.train()
    return values
