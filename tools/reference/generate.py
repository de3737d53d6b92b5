"""Reference values for lrplot's tests, computed by the real libraries.

    /work/venv/bin/python tools/reference/generate.py [--only torch,hf,timm,optax,keras]

writes Tests/ScheduleCoreTests/Fixtures/reference/<framework>.json. See README.md here for the
versions, the conventions and the coverage run (run_coverage.sh).
"""
import argparse
import json
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
ROOT = HERE.parent.parent
OUT = ROOT / "Tests" / "ScheduleCoreTests" / "Fixtures" / "reference"

FRAMEWORKS = ["torch", "hf", "timm", "optax", "keras"]

CONVENTIONS = {
    "torch": "torch.optim.SGD(momentum=0.9), one parameter group per lr (a list gives several); values[t] is each "
             "group's lr after t rounds of optimizer.step(); scheduler.step() (scheduler.step(metrics[t-1]) for "
             "ReduceLROnPlateau); values[0] right after construction",
    "hf": "transformers.get_scheduler(name, SGD(momentum=0.9), num_warmup_steps, num_training_steps, "
          "scheduler_specific_kwargs=<the other keys>), stepped like torch",
    "timm": "the timm scheduler class on SGD(momentum=0.9); values[0] right after construction, values[t] after "
            "scheduler.step(t) (PlateauLRScheduler: step(t, metrics[t-1])), or with t_in_epochs=False after "
            "scheduler.step_update(num_updates=t), as timm's train.py steps it after each optimizer update",
    "optax": "values[t] = float(schedule(t)) with jax_enable_x64",
    "keras": "values[t] = float(schedule(t)), Keras on JAX with jax_enable_x64, initial_learning_rate passed as "
             "numpy.float64 (a strongly typed float64)",
}


def versions():
    import importlib.metadata as md
    names = {"torch": "torch", "transformers": "transformers", "timm": "timm", "optax": "optax", "jax": "jax",
             "keras": "keras"}
    return {k: md.version(v) for k, v in names.items()}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default=",".join(FRAMEWORKS))
    parser.add_argument("--out", default=str(OUT))
    args = parser.parse_args()
    os.environ.setdefault("KERAS_BACKEND", "jax")
    import jax
    jax.config.update("jax_enable_x64", True)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for framework in args.only.split(","):
        module = __import__(f"{framework}_ref")
        cases = module.cases()
        document = {"generated_by": {"script": "tools/reference/generate.py", **versions()},
                    "convention": CONVENTIONS[framework], "cases": cases}
        path = out / f"{framework}.json"
        with open(path, "w") as f:
            json.dump(document, f, separators=(",", ":"), allow_nan=False)
            f.write("\n")
        shown = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
        print(f"{shown}: {len(cases)} cases", file=sys.stderr)


if __name__ == "__main__":
    main()
