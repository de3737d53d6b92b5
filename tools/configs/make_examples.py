"""Writes the training configs of examples/configs that are not copies of published files:
a TrainingArguments JSON (`to_json_string()`) and a timm args.yaml (train.py's own
`_parse_args()` text). The Keras and DeepSpeed examples are published configs copied from
/work/shared/real-runs (see examples/configs/SOURCES.md).

    /work/venv/bin/python tools/configs/make_examples.py TIMM_TRAIN_PY
"""
import importlib.util
import os
import sys

from transformers import TrainingArguments

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "examples/configs")
os.makedirs(OUT, exist_ok=True)

# Stanford Alpaca's fine-tune: 2e-5, cosine, 3 % warm-up, 4 per device × 8 accumulation, 3 epochs.
args = TrainingArguments(output_dir="output/alpaca", learning_rate=2e-5, lr_scheduler_type="cosine", warmup_steps=0.03,
                         per_device_train_batch_size=4, gradient_accumulation_steps=8, num_train_epochs=3,
                         weight_decay=0.0, bf16=False, report_to="none", use_cpu=True)
with open(os.path.join(OUT, "alpaca-training_args.json"), "w") as f:
    f.write(args.to_json_string())

# A timm ImageNet recipe (ResNet-50 "A2"-like): LAMB, lr from lr_base by the sqrt rule, cosine per update.
spec = importlib.util.spec_from_file_location("timm_train", sys.argv[1])
train = importlib.util.module_from_spec(spec)
spec.loader.exec_module(train)
sys.argv = ["train.py", "--data-dir", "imagenet", "--model", "resnet50", "--sched", "cosine", "--sched-on-updates",
            "--epochs", "300", "--warmup-epochs", "5", "--warmup-lr", "1e-6", "--min-lr", "1e-6", "--opt", "lamb",
            "--lr-base", "5e-3", "--lr-base-size", "4096", "-b", "256", "--weight-decay", "0.02"]
_, text = train._parse_args()
with open(os.path.join(OUT, "timm-imagenet-args.yaml"), "w") as f:
    f.write(text)
