"""transformers' get_scheduler on SGD(momentum=0.9), stepped like torch.

values[t] is each group's lr after t rounds of `optimizer.step(); scheduler.step()`
(`scheduler.step(metrics[t-1])` for reduce_lr_on_plateau and greedy).
"""
import random

from common import FAR, error_case, number, points_case, run_stepped, torch_optimizer, torch_round, walk

OWN = ("type", "lr", "metrics", "num_warmup_steps", "num_training_steps")


def run(case_id, spec, steps):
    from transformers import get_scheduler
    name = spec["type"].split(".", 1)[1]
    kwargs = {k: v for k, v in spec.items() if k not in OWN}

    def build():
        optimizer = torch_optimizer(spec["lr"])
        return optimizer, get_scheduler(name, optimizer, num_warmup_steps=spec.get("num_warmup_steps"),
                                        num_training_steps=spec.get("num_training_steps"),
                                        scheduler_specific_kwargs=kwargs or None)

    return run_stepped(case_id, spec, steps, build, torch_round)


def run_far(case_id, spec):
    """A LambdaLR-based schedule at far steps: lr * lr_lambda(t), its value after t rounds."""
    from transformers import get_scheduler
    name = spec["type"].split(".", 1)[1]
    kwargs = {k: v for k, v in spec.items() if k not in OWN}
    try:
        optimizer = torch_optimizer(spec["lr"])
        scheduler = get_scheduler(name, optimizer, num_warmup_steps=spec.get("num_warmup_steps"),
                                  num_training_steps=spec.get("num_training_steps"),
                                  scheduler_specific_kwargs=kwargs or None)
    except Exception as e:
        return error_case(case_id, spec, 1, e)
    base, f = scheduler.base_lrs[0], scheduler.lr_lambdas[0]
    return points_case(case_id, spec, [[t, number(base * f(t))] for t in FAR])


def H(name, lr=0.1, **kw):
    return {"type": "hf." + name, "lr": lr, **kw}


def targeted():
    out = []

    def add(name, spec, steps=30):
        out.append((f"{spec['type']}/{name}", spec, steps))

    for kind in ("linear", "cosine", "cosine_with_restarts", "polynomial"):
        add("basic", H(kind, 0.1, num_warmup_steps=4, num_training_steps=20), 26)
        add("no-warmup", H(kind, 0.1, num_warmup_steps=0, num_training_steps=10), 14)
        add("warmup-1", H(kind, 0.1, num_warmup_steps=1, num_training_steps=6), 9)
        add("training-equals-warmup", H(kind, 0.1, num_warmup_steps=5, num_training_steps=5), 9)
        add("training-below-warmup", H(kind, 0.1, num_warmup_steps=6, num_training_steps=3), 10)
        add("training-0", H(kind, 0.1, num_warmup_steps=0, num_training_steps=0), 4)
        add("missing-training", H(kind, 0.1, num_warmup_steps=3))
        add("missing-warmup", H(kind, 0.1, num_training_steps=3))
        add("groups", H(kind, [0.1, 0.01], num_warmup_steps=2, num_training_steps=8), 10)
        add("huge-steps", H(kind, 0.1, num_warmup_steps=10**6, num_training_steps=10**9), 3)
        add("denormal-lr", H(kind, 5e-324, num_warmup_steps=2, num_training_steps=6), 8)
    add("cycles-2", H("cosine", 0.1, num_warmup_steps=2, num_training_steps=12, num_cycles=2.0), 16)
    add("cycles-0.75-past-end", H("cosine", 0.1, num_warmup_steps=0, num_training_steps=8, num_cycles=0.75), 20)
    add("cycles-3", H("cosine_with_restarts", 0.1, num_warmup_steps=2, num_training_steps=14, num_cycles=3), 18)
    add("cycles-1.5", H("cosine_with_restarts", 0.1, num_warmup_steps=0, num_training_steps=10, num_cycles=1.5), 14)
    add("power-2", H("polynomial", 0.1, num_warmup_steps=2, num_training_steps=10, lr_end=0.001, power=2.0), 14)
    add("power-0.5", H("polynomial", 0.1, num_warmup_steps=0, num_training_steps=10, lr_end=0.0, power=0.5), 14)
    add("lr-end-equal", H("polynomial", 0.1, num_warmup_steps=2, num_training_steps=10, lr_end=0.1))
    add("lr-end-above", H("polynomial", 0.1, num_warmup_steps=2, num_training_steps=10, lr_end=0.2))
    add("lr-zero", H("polynomial", 0.0, num_warmup_steps=2, num_training_steps=10, lr_end=-1.0), 12)
    add("groups-lr-init", H("polynomial", [0.1, 0.05], num_warmup_steps=1, num_training_steps=6, lr_end=0.01), 9)
    add("basic", H("constant", 0.1), 5)
    add("ignored-steps", H("constant", 0.1, num_warmup_steps=3, num_training_steps=9), 5)
    add("groups", H("constant", [0.1, 0.2]), 4)
    add("basic", H("constant_with_warmup", 0.1, num_warmup_steps=4), 8)
    add("no-warmup", H("constant_with_warmup", 0.1, num_warmup_steps=0), 4)
    add("missing-warmup", H("constant_with_warmup", 0.1))
    add("ignored-training", H("constant_with_warmup", 0.1, num_warmup_steps=2, num_training_steps=1), 5)
    add("groups", H("constant_with_warmup", [0.1, 0.2], num_warmup_steps=3), 6)
    add("basic", H("inverse_sqrt", 0.1, num_warmup_steps=4), 20)
    add("no-warmup", H("inverse_sqrt", 0.1, num_warmup_steps=0), 6)
    add("timescale", H("inverse_sqrt", 0.1, num_warmup_steps=3, timescale=10), 12)
    add("timescale-below-warmup", H("inverse_sqrt", 0.1, num_warmup_steps=5, timescale=2), 12)
    add("timescale-0", H("inverse_sqrt", 0.1, num_warmup_steps=3, timescale=0), 6)
    add("timescale-0-no-warmup", H("inverse_sqrt", 0.1, num_warmup_steps=0, timescale=0), 6)
    add("timescale-negative", H("inverse_sqrt", 0.1, num_warmup_steps=2, timescale=-3), 8)
    add("missing-warmup", H("inverse_sqrt", 0.1))
    add("groups", H("inverse_sqrt", [0.1, 0.3], num_warmup_steps=2), 6)
    rng = random.Random(11)
    for mode in ("min", "max"):
        for tmode in ("rel", "abs"):
            add(f"{mode}-{tmode}", H("reduce_lr_on_plateau", 0.1, mode=mode, threshold_mode=tmode, patience=2, cooldown=1,
                                     factor=0.5, metrics=walk(rng, 40, 2.0)), 41)
    add("factor-1", H("reduce_lr_on_plateau", 0.1, factor=1.0, metrics=[1.0]))
    add("ignored-steps", H("reduce_lr_on_plateau", 0.1, num_warmup_steps=3, num_training_steps=5, patience=0,
                           metrics=[1.0] * 6), 7)
    add("groups-min-lr", H("reduce_lr_on_plateau", [0.1, 0.01], patience=0, factor=0.5, min_lr=[0.02, 0.004],
                           metrics=[1.0] * 8), 9)
    for kind in ("cosine_with_min_lr", "cosine_warmup_with_min_lr"):
        add("min-lr", H(kind, 0.1, num_warmup_steps=3, num_training_steps=12, min_lr=0.01), 16)
        add("min-lr-rate", H(kind, 0.1, num_warmup_steps=0, num_training_steps=10, min_lr_rate=0.2, num_cycles=1.0), 14)
        add("both", H(kind, 0.1, num_warmup_steps=3, num_training_steps=12, min_lr=0.01, min_lr_rate=0.1))
        add("neither", H(kind, 0.1, num_warmup_steps=3, num_training_steps=12))
        add("lr-zero", H(kind, 0.0, num_warmup_steps=3, num_training_steps=12, min_lr=0.01))
        add("groups", H(kind, [0.1, 0.02], num_warmup_steps=2, num_training_steps=8, min_lr=0.01), 10)
        add("warmup-1", H(kind, 0.1, num_warmup_steps=1, num_training_steps=5, min_lr_rate=0.1), 8)
        add("training-equals-warmup", H(kind, 0.1, num_warmup_steps=4, num_training_steps=4, min_lr_rate=0.1), 8)
        add("past-end", H(kind, 0.1, num_warmup_steps=2, num_training_steps=6, min_lr_rate=0.1, num_cycles=0.8), 14)
    add("warmup-lr-rate", H("cosine_warmup_with_min_lr", 0.1, num_warmup_steps=4, num_training_steps=12, min_lr_rate=0.1,
                            warmup_lr_rate=0.2), 16)
    add("warmup-lr-rate-warmup-1", H("cosine_warmup_with_min_lr", 0.1, num_warmup_steps=1, num_training_steps=6,
                                     min_lr_rate=0.1, warmup_lr_rate=0.3), 8)
    for wt in ("linear", "cosine", "1-sqrt"):
        for dt in ("linear", "cosine", "1-sqrt"):
            add(f"{wt}-{dt}", H("warmup_stable_decay", 0.1, num_warmup_steps=4, num_decay_steps=5, num_stable_steps=3,
                                warmup_type=wt, decay_type=dt, min_lr_ratio=0.1), 15)
    add("training-steps", H("warmup_stable_decay", 0.1, num_warmup_steps=2, num_decay_steps=3, num_training_steps=10), 13)
    add("both", H("warmup_stable_decay", 0.1, num_warmup_steps=2, num_decay_steps=3, num_training_steps=10,
                  num_stable_steps=1), 13)
    add("neither", H("warmup_stable_decay", 0.1, num_warmup_steps=2, num_decay_steps=3))
    add("negative-stable", H("warmup_stable_decay", 0.1, num_warmup_steps=4, num_decay_steps=4, num_training_steps=6), 12)
    add("bad-warmup-type", H("warmup_stable_decay", 0.1, num_warmup_steps=2, num_decay_steps=3, num_stable_steps=1,
                             warmup_type="exp"))
    add("bad-decay-type", H("warmup_stable_decay", 0.1, num_warmup_steps=2, num_decay_steps=3, num_stable_steps=1,
                            decay_type="step"))
    add("no-warmup-no-decay", H("warmup_stable_decay", 0.1, num_warmup_steps=0, num_decay_steps=0, num_stable_steps=2), 5)
    add("cycles", H("warmup_stable_decay", 0.1, num_warmup_steps=1, num_decay_steps=6, num_stable_steps=1, num_cycles=1.5), 10)
    add("groups", H("warmup_stable_decay", [0.1, 0.05], num_warmup_steps=2, num_decay_steps=3, num_stable_steps=2,
                    min_lr_ratio=0.2), 9)
    # GreedyLR: raises on improvement, lowers on plateaus, resets when every group sits at min_lr.
    up, down = [round(2.0 - 0.01 * i, 4) for i in range(60)], [round(1.0 + 0.01 * i, 4) for i in range(60)]
    for mode, metrics in (("min", up), ("max", down)):
        for tmode in ("rel", "abs"):
            add(f"improving-{mode}-{tmode}", H("greedy", 0.01, mode=mode, threshold_mode=tmode, patience=2, factor=0.5,
                                               min_lr=0.001, max_lr=0.05, metrics=metrics), 61)
            add(f"worsening-{mode}-{tmode}", H("greedy", 0.01, mode=mode, threshold_mode=tmode, patience=2, factor=0.5,
                                               min_lr=0.001, max_lr=0.05, reset_start=4, metrics=metrics[::-1]), 61)
    add("cooldown-warmup", H("greedy", 0.01, patience=1, factor=0.5, cooldown=2, warmup=3, min_lr=0.001, max_lr=0.05,
                             metrics=walk(rng, 60, 2.0)), 61)
    add("smooth", H("greedy", 0.01, patience=1, factor=0.8, smooth=True, window_size=4, min_lr=0.001,
                    metrics=walk(rng, 60, 2.0, drift=(0.9, 1.1))), 61)
    add("verbose", H("greedy", 0.01, patience=0, factor=0.5, verbose=True, reset_start=2, metrics=[1.0] * 12), 13)
    add("verbose-improving", H("greedy", 0.01, patience=0, factor=0.5, verbose=True, metrics=up), 8)
    add("eps", H("greedy", 1e-3, patience=0, factor=0.5, min_lr=0.0, eps=1e-3, metrics=[1.0] * 6), 7)
    add("factor-1", H("greedy", 0.01, factor=1.0, metrics=[1.0]))
    add("bad-mode", H("greedy", 0.01, mode="mean", metrics=[1.0]))
    add("bad-threshold-mode", H("greedy", 0.01, threshold_mode="pct", metrics=[1.0]))
    add("groups-reset", H("greedy", [0.01, 0.004], patience=0, factor=0.5, min_lr=[0.002, 0.001], max_lr=[0.05, 0.02],
                          reset_start=3, metrics=[1.0] * 30), 31)
    add("groups-one-at-min", H("greedy", [0.01, 0.004], patience=0, factor=0.5, min_lr=[0.002, 0.0], reset_start=2,
                               metrics=[1.0] * 20), 21)
    add("groups-wrong-min-lr", H("greedy", [0.01, 0.004], min_lr=[0.001], metrics=[1.0]))
    add("groups-wrong-max-lr", H("greedy", [0.01, 0.004], max_lr=[0.1, 0.1, 0.1], metrics=[1.0]))
    add("groups-improving", H("greedy", [0.01, 0.004], patience=1, factor=0.5, max_lr=[0.05, 0.006], metrics=up), 40)
    add("negative-lr", H("linear", -0.1, num_warmup_steps=1, num_training_steps=4))
    return out


def draw(rng, kind, groups):
    lr = [float(f"{10 ** rng.uniform(-5, -1):.3g}") for _ in range(groups)] if groups else \
        float(f"{10 ** rng.uniform(-5, -1):.3g}")
    w, t = rng.randint(0, 40), rng.randint(1, 400)
    s = H(kind, lr)
    if kind in ("linear", "cosine", "cosine_with_restarts", "polynomial", "cosine_with_min_lr",
                "cosine_warmup_with_min_lr"):
        s.update(num_warmup_steps=w, num_training_steps=t)
    if kind == "cosine":
        s["num_cycles"] = rng.choice([0.5, 0.5, 1.0, 1.5, 3.0])
    if kind == "cosine_with_restarts":
        s["num_cycles"] = rng.choice([1, 2, 3, 5])
    if kind == "polynomial":
        s.update(lr_end=rng.choice([1e-7, 0.0, 1e-6]), power=rng.choice([0.5, 1.0, 2.0, 3.0]))
    if kind == "constant_with_warmup":
        s["num_warmup_steps"] = w
    if kind == "inverse_sqrt":
        s["num_warmup_steps"] = w
        if rng.random() < 0.5:
            s["timescale"] = rng.randint(1, 50)
    if kind in ("cosine_with_min_lr", "cosine_warmup_with_min_lr"):
        s["num_cycles"] = rng.choice([0.5, 1.0])
        if rng.random() < 0.5:
            s["min_lr"] = 1e-6
        else:
            s["min_lr_rate"] = rng.choice([0.0, 0.1, 0.05])
        if kind == "cosine_warmup_with_min_lr" and rng.random() < 0.5:
            s["warmup_lr_rate"] = rng.choice([0.0, 0.1, 0.5])
    if kind == "warmup_stable_decay":
        s.update(num_warmup_steps=w, num_decay_steps=rng.randint(0, 80),
                 warmup_type=rng.choice(["linear", "cosine", "1-sqrt"]), decay_type=rng.choice(["linear", "cosine", "1-sqrt"]),
                 min_lr_ratio=rng.choice([0.0, 0.1]), num_cycles=rng.choice([0.5, 0.5, 1.0]))
        if rng.random() < 0.5:
            s["num_stable_steps"] = rng.randint(0, 100)
        else:
            s["num_training_steps"] = t + w + s["num_decay_steps"]
    if kind == "reduce_lr_on_plateau":
        s.update(mode=rng.choice(["min", "max"]), factor=rng.choice([0.1, 0.5, 0.8]), patience=rng.randint(0, 5),
                 threshold=rng.choice([1e-4, 1e-3]), threshold_mode=rng.choice(["rel", "abs"]), cooldown=rng.randint(0, 3),
                 min_lr=rng.choice([0.0, 1e-6]))
    if kind == "greedy":
        s.update(mode=rng.choice(["min", "max"]), factor=rng.choice([0.5, 0.9, 0.95]), patience=rng.randint(0, 5),
                 threshold=rng.choice([1e-6, 1e-3]), threshold_mode=rng.choice(["rel", "abs"]), cooldown=rng.randint(0, 3),
                 warmup=rng.randint(0, 3), min_lr=rng.choice([1e-6, 1e-4]), max_lr=rng.choice([0.1, 1.0]),
                 smooth=rng.random() < 0.3, window_size=rng.randint(2, 10), reset_start=rng.randint(1, 20))
    return s


KINDS = ["linear", "cosine", "cosine_with_restarts", "polynomial", "constant", "constant_with_warmup", "inverse_sqrt",
         "reduce_lr_on_plateau", "cosine_with_min_lr", "cosine_warmup_with_min_lr", "warmup_stable_decay", "greedy"]


def random_draws():
    rng = random.Random(20261201)
    out = []
    for kind in KINDS:
        for i in range(6):
            spec = draw(rng, kind, None if i < 4 else rng.randint(2, 3))
            steps = rng.randint(50, 250)
            if kind in ("reduce_lr_on_plateau", "greedy"):
                spec["metrics"] = walk(rng, steps - 1, rng.uniform(1, 3))
            out.append((f"{spec['type']}#r{i}", spec, steps))
    return out


FAR_KINDS = ["linear", "cosine", "cosine_with_restarts", "polynomial", "constant", "constant_with_warmup", "inverse_sqrt",
             "cosine_with_min_lr", "cosine_warmup_with_min_lr", "warmup_stable_decay"]


def far():
    """Each lambda-based type far out (steps up to 2^53), from its basic targeted case."""
    out = []
    for case_id, spec, _ in targeted():
        kind = spec["type"].split(".", 1)[1]
        if kind in FAR_KINDS and not isinstance(spec["lr"], list) and case_id.split("/")[1] in (
                "basic", "cycles-2", "cycles-3", "power-2", "timescale", "min-lr", "warmup-lr-rate", "cosine-cosine",
                "training-steps", "huge-steps"):
            out.append(run_far(case_id + "@far", spec))
    return out


def cases():
    return [run(i, s, n) for i, s, n in targeted() + random_draws()] + far()
