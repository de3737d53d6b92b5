"""Keras 3 schedules (keras.optimizers.schedules) on JAX with jax_enable_x64.

values[t] = float(schedule(t)) with `initial_learning_rate` passed as numpy.float64 (a strongly
typed float64: a Python float would be weakly typed and leave some products in float32). Every
call is eager, as `schedule(step)` is outside a jitted train step; the schedules that use
`ops.cond` compile its branches (XLA may fuse multiply-adds there), which makes them slow to
evaluate, so their runs are short and far steps are sampled (`points`).
"""
import random

from common import closed_form_cases, run_closed_form

# Far steps, with some where float32 rounding of step / decay_steps matters (2^24 + 1, 10^7 + 3).
FAR = [0, 1, 2, 10, 99, 1000, 12345, 10**6, 2**24 + 1, 10**7 + 3, 2**31, 10**9, 10**12]



def build(spec):
    import numpy as np
    from keras.optimizers import schedules
    name = spec["type"].split(".", 1)[1]
    kw = {k: v for k, v in spec.items() if k != "type"}
    if "initial_learning_rate" in kw:
        kw["initial_learning_rate"] = np.float64(kw["initial_learning_rate"])
    return getattr(schedules, name)(**kw)


def run(case_id, spec, steps=None, points=None):
    return run_closed_form(case_id, spec, lambda: build(spec), steps, points)


def K(name, **kw):
    return {"type": "keras." + name, **kw}


def targeted():
    out = []

    def add(name, spec, steps=20, far=True):
        out.append((f"{spec['type']}/{name}", spec, steps, None))
        if far:
            out.append((f"{spec['type']}/{name}@far", spec, None, FAR))

    for kind in ("ExponentialDecay", "InverseTimeDecay"):
        add("basic", K(kind, initial_learning_rate=0.1, decay_steps=7, decay_rate=0.5), 20)
        add("staircase", K(kind, initial_learning_rate=0.1, decay_steps=7, decay_rate=0.5, staircase=True), 20)
        add("steps-float", K(kind, initial_learning_rate=0.1, decay_steps=2.5, decay_rate=0.9, staircase=True), 12)
        add("steps-1", K(kind, initial_learning_rate=0.1, decay_steps=1, decay_rate=0.9), 8)
        add("steps-0", K(kind, initial_learning_rate=0.1, decay_steps=0, decay_rate=0.9), far=False)
        add("steps-negative", K(kind, initial_learning_rate=0.1, decay_steps=-3, decay_rate=0.9), far=False)
        add("int-lr", K(kind, initial_learning_rate=1, decay_steps=3, decay_rate=0.5), 8)
        add("huge-lr", K(kind, initial_learning_rate=1e308, decay_steps=1, decay_rate=2.0), 4)
        add("denormal-lr", K(kind, initial_learning_rate=5e-324, decay_steps=1, decay_rate=0.5), 4)
    add("rate-above-1", K("ExponentialDecay", initial_learning_rate=0.1, decay_steps=3, decay_rate=1.5), 10)
    add("negative-rate", K("InverseTimeDecay", initial_learning_rate=0.1, decay_steps=2, decay_rate=-0.5), 8)
    add("basic", K("PiecewiseConstantDecay", boundaries=[3, 7], values=[0.1, 0.05, 0.01]), 10)
    add("one-boundary", K("PiecewiseConstantDecay", boundaries=[0], values=[0.1, 0.05]), 4)
    add("unsorted", K("PiecewiseConstantDecay", boundaries=[7, 3], values=[0.1, 0.05, 0.01]), 10)
    add("int-values", K("PiecewiseConstantDecay", boundaries=[2], values=[1, 0]), 5)
    add("float-boundaries", K("PiecewiseConstantDecay", boundaries=[2.5, 6.0, 7.9], values=[0.1, 0.05, 0.01, 0.001]), 10)
    add("wrong-length", K("PiecewiseConstantDecay", boundaries=[3, 7], values=[0.1, 0.05]), far=False)
    add("empty", K("PiecewiseConstantDecay", boundaries=[], values=[0.1]), far=False)
    add("basic", K("PolynomialDecay", initial_learning_rate=0.1, decay_steps=10), 14)
    add("power", K("PolynomialDecay", initial_learning_rate=0.1, decay_steps=10, end_learning_rate=0.01, power=2.0), 14)
    add("cycle", K("PolynomialDecay", initial_learning_rate=0.1, decay_steps=5, end_learning_rate=0.0, power=0.5, cycle=True), 24)
    add("cycle-float", K("PolynomialDecay", initial_learning_rate=0.1, decay_steps=2.5, cycle=True), 12)
    add("steps-1", K("PolynomialDecay", initial_learning_rate=0.1, decay_steps=1, cycle=True), 6)
    add("steps-0", K("PolynomialDecay", initial_learning_rate=0.1, decay_steps=0), far=False)
    add("end-above", K("PolynomialDecay", initial_learning_rate=0.1, decay_steps=4, end_learning_rate=0.5), 6)
    add("no-warmup", K("CosineDecay", initial_learning_rate=0.000429, decay_steps=61), 64)
    add("alpha", K("CosineDecay", initial_learning_rate=0.414, decay_steps=59, alpha=0.1), 62)
    add("warmup", K("CosineDecay", initial_learning_rate=0.0, decay_steps=10, alpha=0.1, warmup_target=0.1, warmup_steps=4), 17)
    add("warmup-steps-ignored", K("CosineDecay", initial_learning_rate=0.1, decay_steps=6, warmup_steps=4), 8)
    add("warmup-0", K("CosineDecay", initial_learning_rate=0.01, decay_steps=6, warmup_target=0.1, warmup_steps=0), 8)
    add("steps-1", K("CosineDecay", initial_learning_rate=0.1, decay_steps=1), 4)
    add("steps-float", K("CosineDecay", initial_learning_rate=0.1, decay_steps=7.5, alpha=0.2), 10)
    add("steps-0", K("CosineDecay", initial_learning_rate=0.1, decay_steps=0), far=False)
    add("t-mul-1", K("CosineDecayRestarts", initial_learning_rate=0.1, first_decay_steps=5, t_mul=1.0, m_mul=0.8, alpha=0.05), 22)
    add("t-mul-2", K("CosineDecayRestarts", initial_learning_rate=0.1, first_decay_steps=3, t_mul=2.0, m_mul=0.9), 24)
    add("t-mul-1.5", K("CosineDecayRestarts", initial_learning_rate=0.1, first_decay_steps=4, t_mul=1.5), 20)
    add("t-mul-below-1", K("CosineDecayRestarts", initial_learning_rate=0.1, first_decay_steps=4, t_mul=0.5), 14)
    add("steps-1", K("CosineDecayRestarts", initial_learning_rate=0.1, first_decay_steps=1, t_mul=1.0), 5)
    add("steps-0", K("CosineDecayRestarts", initial_learning_rate=0.1, first_decay_steps=0), far=False)
    return out


def draw(rng, kind):
    lr = float(f"{10 ** rng.uniform(-4, -0.5):.3g}")
    if kind in ("ExponentialDecay", "InverseTimeDecay"):
        return K(kind, initial_learning_rate=lr, decay_steps=rng.randint(1, 100), decay_rate=rng.choice([0.5, 0.9, 0.96]),
                 staircase=rng.random() < 0.5)
    if kind == "PiecewiseConstantDecay":
        b = sorted(rng.sample(range(1, 200), rng.randint(1, 4)))
        return K(kind, boundaries=b, values=[lr / 10 ** i for i in range(len(b) + 1)])
    if kind == "PolynomialDecay":
        return K(kind, initial_learning_rate=lr, decay_steps=rng.randint(1, 200), end_learning_rate=rng.choice([0.0, 1e-4]),
                 power=rng.choice([0.5, 1.0, 2.0]), cycle=rng.random() < 0.5)
    if kind == "CosineDecay":
        s = K(kind, initial_learning_rate=lr, decay_steps=rng.randint(1, 200), alpha=rng.choice([0.0, 0.1]))
        if rng.random() < 0.5:
            s.update(warmup_target=lr * 10, warmup_steps=rng.randint(0, 50))
        return s
    if kind == "CosineDecayRestarts":
        return K(kind, initial_learning_rate=lr, first_decay_steps=rng.randint(1, 50), t_mul=rng.choice([1.0, 1.5, 2.0]),
                 m_mul=rng.choice([1.0, 0.8]), alpha=rng.choice([0.0, 0.05]))
    raise ValueError(kind)


KINDS = ["ExponentialDecay", "PiecewiseConstantDecay", "PolynomialDecay", "InverseTimeDecay", "CosineDecay",
         "CosineDecayRestarts"]


def random_draws():
    rng = random.Random(20261204)
    out = []
    for kind in KINDS:
        for i in range(4):
            spec = draw(rng, kind)
            slow = kind == "CosineDecayRestarts" or "warmup_target" in spec
            out.append((f"{spec['type']}#r{i}", spec, rng.randint(30, 60) if slow else rng.randint(60, 200), None))
    return out


def cases():
    return closed_form_cases(targeted(), random_draws(), run)
