"""timm schedulers (timm.scheduler) on SGD(momentum=0.9).

values[0] is each group's lr right after construction; values[t] its lr after
`scheduler.step(t)` (`step(t, metrics[t-1])` for PlateauLRScheduler), or, with
`t_in_epochs=False`, after `scheduler.step_update(num_updates=t)` as timm's train.py steps such a
scheduler after every optimizer update (its `step(t)` then changes nothing).
"""
import random

from common import FAR, error_case, number, points_case, run_stepped, torch_optimizer, walk


def run(case_id, spec, steps):
    import timm.scheduler as S
    name = spec["type"].split(".", 1)[1]
    kwargs = {k: v for k, v in spec.items() if k not in ("type", "lr", "metrics", "lr_scale")}

    def build():
        optimizer = torch_optimizer(spec["lr"], spec.get("lr_scale"))
        return optimizer, getattr(S, name)(optimizer, **kwargs)

    def step(optimizer, scheduler, t, metric):
        if spec.get("t_in_epochs") is False:
            scheduler.step_update(num_updates=t, metric=metric)
        elif metric is not None:
            scheduler.step(t, metric)
        else:
            scheduler.step(t)

    return run_stepped(case_id, spec, steps, build, step)


def run_far(case_id, spec):
    """A timm schedule at far steps: scheduler.step(t) sets the lr from t alone."""
    import timm.scheduler as S
    name = spec["type"].split(".", 1)[1]
    kwargs = {k: v for k, v in spec.items() if k not in ("type", "lr", "metrics", "lr_scale")}
    try:
        optimizer = torch_optimizer(spec["lr"], spec.get("lr_scale"))
        scheduler = getattr(S, name)(optimizer, **kwargs)
    except Exception as e:
        return error_case(case_id, spec, 1, e)
    points = []
    for t in FAR:
        if t > 0 and spec.get("t_in_epochs") is False:
            scheduler.step_update(num_updates=t)
        elif t > 0:
            scheduler.step(t)
        points.append([t, number(optimizer.param_groups[0]["lr"])])
    return points_case(case_id, spec, points)


def M(name, lr=0.1, **kw):
    return {"type": "timm." + name, "lr": lr, **kw}


def targeted():
    out = []

    def add(name, spec, steps=30):
        out.append((f"{spec['type']}/{name}", spec, steps))

    for kind in ("CosineLRScheduler", "TanhLRScheduler", "PolyLRScheduler"):
        add("basic", M(kind, 0.1, t_initial=10), 14)
        add("warmup", M(kind, 0.1, t_initial=10, warmup_t=3, warmup_lr_init=0.001), 16)
        add("warmup-prefix", M(kind, 0.1, t_initial=10, warmup_t=3, warmup_lr_init=0.001, warmup_prefix=True), 16)
        add("cycles", M(kind, 0.1, t_initial=5, cycle_limit=3, cycle_decay=0.5, lr_min=0.001), 20)
        add("cycle-mul", M(kind, 0.1, t_initial=4, cycle_mul=2.0, cycle_limit=4, cycle_decay=0.8), 40)
        add("cycle-mul-1.5", M(kind, 0.1, t_initial=3, cycle_mul=1.5, cycle_limit=5), 30)
        add("cycle-mul-below-1", M(kind, 0.1, t_initial=8, cycle_mul=0.5, cycle_limit=3), 20)
        add("cycle-limit-0", M(kind, 0.1, t_initial=5, cycle_limit=0), 6)
        add("t-initial-1", M(kind, 0.1, t_initial=1), 4)
        add("t-initial-0", M(kind, 0.1, t_initial=0))
        add("lr-min-negative", M(kind, 0.1, t_initial=5, lr_min=-0.1))
        add("not-in-epochs", M(kind, 0.1, t_initial=5, warmup_t=2, warmup_lr_init=0.01, t_in_epochs=False), 6)
        add("groups", M(kind, [0.1, 0.01], t_initial=6, warmup_t=2, warmup_lr_init=0.001), 10)
        add("initialize-false", M(kind, 0.1, t_initial=5, initialize=False))
        add("huge-t-initial", M(kind, 0.1, t_initial=10**9, warmup_t=10**6), 4)
    add("k-decay", M("CosineLRScheduler", 0.1, t_initial=10, k_decay=2.0), 12)
    add("k-decay", M("PolyLRScheduler", 0.1, t_initial=10, k_decay=0.5, power=2.0), 12)
    add("power-1", M("PolyLRScheduler", 0.1, t_initial=10, power=1.0, lr_min=0.01), 12)
    add("bounds", M("TanhLRScheduler", 0.1, t_initial=10, lb=-3.0, ub=5.0), 12)
    add("bounds-reversed", M("TanhLRScheduler", 0.1, t_initial=10, lb=3.0, ub=-3.0))
    add("warmup-negative", M("TanhLRScheduler", 0.1, t_initial=10, warmup_t=-1))
    add("warmup-init-negative", M("TanhLRScheduler", 0.1, t_initial=10, warmup_t=2, warmup_lr_init=-0.01))
    add("cycle-limit-negative", M("TanhLRScheduler", 0.1, t_initial=10, cycle_limit=-1))
    for kind in ("StepLRScheduler", "MultiStepLRScheduler"):
        decay = 3 if kind == "StepLRScheduler" else [3, 7, 7]
        add("basic", M(kind, 0.1, decay_t=decay, decay_rate=0.5), 12)
        add("warmup", M(kind, 0.1, decay_t=decay, decay_rate=0.5, warmup_t=2, warmup_lr_init=0.01), 12)
        add("warmup-no-prefix", M(kind, 0.1, decay_t=decay, decay_rate=0.5, warmup_t=2, warmup_lr_init=0.01,
                                  warmup_prefix=False), 12)
        add("groups", M(kind, [0.1, 0.05], decay_t=decay, decay_rate=0.5, warmup_t=1), 10)
        add("not-in-epochs", M(kind, 0.1, decay_t=decay, t_in_epochs=False), 5)
    add("float-decay", M("StepLRScheduler", 0.1, decay_t=2.5, decay_rate=0.5), 12)
    add("decay-0", M("StepLRScheduler", 0.1, decay_t=0, decay_rate=0.5, warmup_t=2), 6)
    add("decay-0-no-warmup", M("StepLRScheduler", 0.1, decay_t=0, decay_rate=0.5), 6)
    add("unsorted", M("MultiStepLRScheduler", 0.1, decay_t=[8, 2], decay_rate=0.5), 12)
    add("empty", M("MultiStepLRScheduler", 0.1, decay_t=[], decay_rate=0.5), 5)
    rng = random.Random(13)
    for mode in ("min", "max"):
        add(f"{mode}", M("PlateauLRScheduler", 0.1, mode=mode, patience_t=2, cooldown_t=1, decay_rate=0.5,
                         metrics=walk(rng, 40, 2.0)), 41)
    add("warmup", M("PlateauLRScheduler", 0.1, warmup_t=3, warmup_lr_init=0.01, patience_t=1, decay_rate=0.5,
                    metrics=[1.0] * 20), 21)
    add("lr-min", M("PlateauLRScheduler", 0.1, patience_t=0, decay_rate=0.5, lr_min=0.03, mode="min", metrics=[1.0] * 10), 11)
    add("bad-mode", M("PlateauLRScheduler", 0.1, mode="mean", metrics=[1.0]))
    add("decay-1", M("PlateauLRScheduler", 0.1, decay_rate=1.0, metrics=[1.0]))
    add("groups", M("PlateauLRScheduler", [0.1, 0.02], patience_t=0, decay_rate=0.5, mode="min", metrics=[1.0] * 8), 9)
    for stable in ("constant", "rsqrt", "power"):
        for decay in ("linear", "1-sqrt", "cosine", "power", "exp"):
            add(f"{stable}-{decay}", M("WSDLRScheduler", 0.1, t_initial=20, decay_t=6, stable_fn=stable, decay_fn=decay,
                                       warmup_t=3, warmup_lr_init=0.001, lr_min=0.001, stable_power=0.7,
                                       decay_power=2.0, decay_ratio=0.05), 26)
    add("timescale", M("WSDLRScheduler", 0.1, t_initial=20, decay_t=5, stable_fn="rsqrt", stable_timescale=4.0), 24)
    add("no-timescale", M("WSDLRScheduler", 0.1, t_initial=20, decay_t=5, stable_fn="rsqrt"))
    add("decay-all", M("WSDLRScheduler", 0.1, t_initial=8, decay_t=8), 12)
    add("t-initial-0", M("WSDLRScheduler", 0.1, t_initial=0, decay_t=0))
    add("decay-t-0", M("WSDLRScheduler", 0.1, t_initial=10, decay_t=0))
    add("decay-t-above", M("WSDLRScheduler", 0.1, t_initial=10, decay_t=11))
    add("lr-min-negative", M("WSDLRScheduler", 0.1, t_initial=10, decay_t=2, lr_min=-1.0))
    add("bad-stable", M("WSDLRScheduler", 0.1, t_initial=10, decay_t=2, stable_fn="linear"))
    add("bad-decay", M("WSDLRScheduler", 0.1, t_initial=10, decay_t=2, decay_fn="step"))
    add("ratio-0", M("WSDLRScheduler", 0.1, t_initial=10, decay_t=2, decay_ratio=0.0))
    add("ratio-1", M("WSDLRScheduler", 0.1, t_initial=10, decay_t=2, decay_ratio=1.0))
    add("decay-power-0", M("WSDLRScheduler", 0.1, t_initial=10, decay_t=2, decay_power=0.0))
    add("stable-power-0", M("WSDLRScheduler", 0.1, t_initial=10, decay_t=2, stable_power=0.0))
    add("groups", M("WSDLRScheduler", [0.1, 0.02], t_initial=10, decay_t=4, warmup_t=2), 14)
    add("not-in-epochs", M("WSDLRScheduler", 0.1, t_initial=10, decay_t=2, t_in_epochs=False), 4)
    add("negative-lr", M("StepLRScheduler", -0.1, decay_t=3))
    # timm's layer-wise decay: an lr_scale in each parameter group.
    add("lr-scale", M("CosineLRScheduler", 0.1, lr_scale=0.5, t_initial=6, warmup_t=2, warmup_lr_init=0.01), 9)
    add("layer-decay", M("CosineLRScheduler", 0.1, lr_scale=[0.25, 0.5, 1.0], t_initial=6, warmup_t=2), 9)
    add("layer-decay-groups", M("StepLRScheduler", [0.1, 0.2], lr_scale=[0.5, 1.0], decay_t=2, decay_rate=0.5), 7)
    add("layer-decay", M("TanhLRScheduler", 0.1, lr_scale=[0.3, 1.0], t_initial=8, warmup_t=2), 10)
    add("layer-decay", M("PolyLRScheduler", 0.1, lr_scale=[0.3, 1.0], t_initial=8, warmup_t=2, warmup_prefix=True), 10)
    add("layer-decay", M("MultiStepLRScheduler", 0.1, lr_scale=[0.3, 1.0], decay_t=[2, 4], decay_rate=0.5), 7)
    add("layer-decay", M("WSDLRScheduler", 0.1, lr_scale=[0.3, 1.0], t_initial=8, decay_t=3, warmup_t=2), 12)
    add("layer-decay", M("PlateauLRScheduler", 0.1, lr_scale=[0.3, 1.0], warmup_t=2, warmup_lr_init=0.01, patience_t=0,
                         decay_rate=0.5, lr_min=0.02, mode="min", metrics=[1.0] * 10), 11)
    add("layer-decay-not-in-epochs", M("CosineLRScheduler", 0.1, lr_scale=[0.3, 1.0], t_initial=8, warmup_t=2,
                                       t_in_epochs=False), 5)
    return out


def draw(rng, kind, groups):
    lr = [float(f"{10 ** rng.uniform(-4, -0.5):.3g}") for _ in range(groups)] if groups else \
        float(f"{10 ** rng.uniform(-4, -0.5):.3g}")
    s = M(kind, lr)
    if rng.random() < 0.5:
        s.update(warmup_t=rng.randint(1, 20), warmup_lr_init=rng.choice([0.0, 1e-5, 1e-4]))
    if kind in ("CosineLRScheduler", "TanhLRScheduler", "PolyLRScheduler"):
        s.update(t_initial=rng.randint(1, 100), lr_min=rng.choice([0.0, 1e-6, 1e-5]),
                 cycle_mul=rng.choice([1.0, 1.0, 1.5, 2.0]), cycle_decay=rng.choice([1.0, 0.5, 0.8]),
                 cycle_limit=rng.randint(1, 4), warmup_prefix=rng.random() < 0.5)
        if kind == "PolyLRScheduler":
            s["power"] = rng.choice([0.5, 1.0, 2.0])
        if kind != "TanhLRScheduler" and rng.random() < 0.3:
            s["k_decay"] = rng.choice([0.5, 2.0])
        if kind == "TanhLRScheduler" and rng.random() < 0.3:
            s.update(lb=rng.choice([-7.0, -4.0]), ub=rng.choice([3.0, 5.0]))
    elif kind == "StepLRScheduler":
        s.update(decay_t=rng.choice([rng.randint(1, 40), round(rng.uniform(1, 40), 1)]), decay_rate=rng.choice([0.1, 0.5, 0.9]),
                 warmup_prefix=rng.random() < 0.7)
    elif kind == "MultiStepLRScheduler":
        s.update(decay_t=sorted(rng.sample(range(1, 150), rng.randint(1, 4))), decay_rate=rng.choice([0.1, 0.5]),
                 warmup_prefix=rng.random() < 0.7)
    elif kind == "PlateauLRScheduler":
        s.update(decay_rate=rng.choice([0.1, 0.5]), patience_t=rng.randint(0, 5), threshold=rng.choice([1e-4, 1e-3]),
                 cooldown_t=rng.randint(0, 3), lr_min=rng.choice([0.0, 1e-6]), mode=rng.choice(["min", "max"]))
    elif kind == "WSDLRScheduler":
        t = rng.randint(2, 150)
        s.update(t_initial=t, decay_t=rng.randint(1, t), lr_min=rng.choice([0.0, 1e-6]),
                 stable_fn=rng.choice(["constant", "constant", "rsqrt", "power"]),
                 decay_fn=rng.choice(["linear", "1-sqrt", "cosine", "power", "exp"]),
                 decay_power=rng.choice([0.5, 1.0, 2.0]), decay_ratio=rng.choice([0.1, 0.01]),
                 stable_power=rng.choice([0.5, 1.0]))
        if s["stable_fn"] != "constant":
            s["stable_timescale"] = rng.choice([5.0, 50.0])
    return s


KINDS = ["CosineLRScheduler", "TanhLRScheduler", "PolyLRScheduler", "StepLRScheduler", "MultiStepLRScheduler",
         "PlateauLRScheduler", "WSDLRScheduler"]


def random_draws():
    rng = random.Random(20261202)
    out = []
    for kind in KINDS:
        for i in range(7):
            spec = draw(rng, kind, None if i < 5 else rng.randint(2, 3))
            steps = rng.randint(50, 250)
            if kind == "PlateauLRScheduler":
                spec["metrics"] = walk(rng, steps - 1, rng.uniform(1, 3))
            out.append((f"{spec['type']}#r{i}", spec, steps))
    return out


def far():
    """Each stateless type far out (steps up to 2^53), from some of its targeted cases."""
    out = []
    for case_id, spec, _ in targeted():
        kind = spec["type"].split(".", 1)[1]
        if kind != "PlateauLRScheduler" and not isinstance(spec["lr"], list) and "lr_scale" not in spec and \
                case_id.split("/")[1] in ("basic", "warmup", "warmup-prefix", "cycles", "cycle-mul", "cycle-mul-1.5",
                                          "huge-t-initial", "k-decay", "float-decay", "constant-cosine", "rsqrt-exp",
                                          "power-power", "timescale"):
            out.append(run_far(case_id + "@far", spec))
    return out


def cases():
    return [run(i, s, n) for i, s, n in targeted() + random_draws()] + far()
