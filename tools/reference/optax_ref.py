"""optax schedules (optax.schedules) with jax_enable_x64: values[t] = float(schedule(t)).

Closed forms are also sampled far out (`points`: [[step, value], ...]).
"""
import random

from common import FAR, closed_form_cases, run_closed_form



def build(spec):
    import optax
    name = spec["type"].split(".", 1)[1]
    kw = {k: v for k, v in spec.items() if k != "type"}
    if name == "join_schedules":
        kw["schedules"] = [build(c) for c in kw["schedules"]]
    if kw.get("boundaries_and_scales") is not None:
        kw["boundaries_and_scales"] = {int(k): v for k, v in kw["boundaries_and_scales"].items()}
    return getattr(optax, name)(**kw)


def run(case_id, spec, steps=None, points=None):
    return run_closed_form(case_id, spec, lambda: build(spec), steps, points)


def O(name, **kw):
    return {"type": "optax." + name, **kw}


def targeted():
    out = []

    def add(name, spec, steps=30, far=True):
        out.append((f"{spec['type']}/{name}", spec, steps, None))
        if far:
            out.append((f"{spec['type']}/{name}@far", spec, None, FAR))

    add("basic", O("constant_schedule", value=0.1), 3)
    add("denormal", O("constant_schedule", value=5e-324), 3)
    for kind in ("linear_schedule", "polynomial_schedule"):
        extra = {"power": 2.0} if kind == "polynomial_schedule" else {}
        add("basic", O(kind, init_value=0.1, end_value=0.001, transition_steps=10, **extra), 14)
        add("begin", O(kind, init_value=0.1, end_value=0.001, transition_steps=10, transition_begin=5, **extra), 18)
        add("begin-negative", O(kind, init_value=0.1, end_value=0.001, transition_steps=10, transition_begin=-5, **extra), 14)
        add("steps-0", O(kind, init_value=0.1, end_value=0.001, transition_steps=0, **extra), 4)
        add("steps-negative", O(kind, init_value=0.1, end_value=0.001, transition_steps=-3, **extra), 4)
        add("steps-1", O(kind, init_value=0.1, end_value=0.001, transition_steps=1, **extra), 4)
        add("increasing", O(kind, init_value=0.0, end_value=1.0, transition_steps=7, **extra), 10)
        add("huge", O(kind, init_value=1e308, end_value=-1e308, transition_steps=4, **extra), 6)
    add("power-0.5", O("polynomial_schedule", init_value=0.1, end_value=0.0, power=0.5, transition_steps=9), 12)
    add("power-0", O("polynomial_schedule", init_value=0.1, end_value=0.0, power=0.0, transition_steps=9), 12)
    add("power-negative", O("polynomial_schedule", init_value=0.1, end_value=0.0, power=-1.0, transition_steps=4), 6)
    add("none", O("piecewise_constant_schedule", init_value=0.1), 3)
    add("basic", O("piecewise_constant_schedule", init_value=0.1, boundaries_and_scales={"3": 0.5, "7": 0.1}), 10)
    add("unsorted", O("piecewise_constant_schedule", init_value=0.1, boundaries_and_scales={"7": 0.1, "3": 0.5}), 10)
    add("zero-boundary", O("piecewise_constant_schedule", init_value=0.1, boundaries_and_scales={"0": 0.5, "2": 2.0}), 5)
    add("negative-boundary", O("piecewise_constant_schedule", init_value=0.1, boundaries_and_scales={"-2": 0.5}), 3)
    add("negative-scale", O("piecewise_constant_schedule", init_value=0.1, boundaries_and_scales={"3": -0.5}))
    add("empty", O("piecewise_constant_schedule", init_value=0.1, boundaries_and_scales={}), 3)
    add("basic", O("exponential_decay", init_value=0.1, transition_steps=5, decay_rate=0.5), 20)
    add("staircase", O("exponential_decay", init_value=0.1, transition_steps=5, decay_rate=0.5, staircase=True), 20)
    add("begin", O("exponential_decay", init_value=0.1, transition_steps=5, decay_rate=0.5, transition_begin=4), 20)
    add("begin-negative", O("exponential_decay", init_value=0.1, transition_steps=5, decay_rate=0.5, transition_begin=-4), 10)
    add("end-value-decay", O("exponential_decay", init_value=0.1, transition_steps=2, decay_rate=0.5, end_value=0.01), 12)
    add("end-value-growth", O("exponential_decay", init_value=0.1, transition_steps=2, decay_rate=2.0, end_value=1.0), 12)
    add("rate-0", O("exponential_decay", init_value=0.1, transition_steps=2, decay_rate=0.0), 4)
    add("steps-0", O("exponential_decay", init_value=0.1, transition_steps=0, decay_rate=0.5), 4)
    add("rate-1", O("exponential_decay", init_value=0.1, transition_steps=3, decay_rate=1.0, end_value=0.5), 6)
    add("underflow", O("exponential_decay", init_value=1e-300, transition_steps=1, decay_rate=1e-10), 40)
    add("basic", O("cosine_decay_schedule", init_value=0.1, decay_steps=10), 14)
    add("alpha-exponent", O("cosine_decay_schedule", init_value=0.1, decay_steps=10, alpha=0.1, exponent=2.0), 14)
    add("steps-1", O("cosine_decay_schedule", init_value=0.1, decay_steps=1), 4)
    add("steps-float", O("cosine_decay_schedule", init_value=0.1, decay_steps=7.5), 10)
    add("steps-0", O("cosine_decay_schedule", init_value=0.1, decay_steps=0))
    add("alpha-above-1", O("cosine_decay_schedule", init_value=0.1, decay_steps=6, alpha=2.0), 8)
    for kind in ("linear", "cosine"):
        add(f"{kind}", O("piecewise_interpolate_schedule", interpolate_type=kind, init_value=0.1,
                         boundaries_and_scales={"3": 2.0, "8": 0.1}), 12)
        add(f"{kind}-none", O("piecewise_interpolate_schedule", interpolate_type=kind, init_value=0.1), 3)
        add(f"{kind}-zero-boundary", O("piecewise_interpolate_schedule", interpolate_type=kind, init_value=0.1,
                                       boundaries_and_scales={"0": 2.0, "4": 0.5}), 7)
        add(f"{kind}-same-step", O("piecewise_interpolate_schedule", interpolate_type=kind, init_value=0.1,
                                   boundaries_and_scales={"4": 2.0, "5": 0.5, "6": 0.5}), 9)
    add("bad-type", O("piecewise_interpolate_schedule", interpolate_type="step", init_value=0.1))
    add("negative-scale", O("piecewise_interpolate_schedule", interpolate_type="linear", init_value=0.1,
                            boundaries_and_scales={"3": -1.0}))
    add("basic", O("linear_onecycle_schedule", transition_steps=20, peak_value=0.1), 24)
    add("pcts", O("linear_onecycle_schedule", transition_steps=10, peak_value=0.1, pct_start=0.5, pct_final=0.5), 14)
    add("steps-0", O("linear_onecycle_schedule", transition_steps=0, peak_value=0.1))
    add("div-0", O("linear_onecycle_schedule", transition_steps=10, peak_value=0.1, div_factor=0.0))
    add("final-div-0", O("cosine_onecycle_schedule", transition_steps=10, peak_value=0.1, final_div_factor=0.0))
    add("huge-pct", O("linear_onecycle_schedule", transition_steps=10, peak_value=0.1, pct_start=1e308))
    add("basic", O("cosine_onecycle_schedule", transition_steps=20, peak_value=0.1), 24)
    add("pct-0", O("cosine_onecycle_schedule", transition_steps=10, peak_value=0.1, pct_start=0.0), 14)
    add("steps-0", O("cosine_onecycle_schedule", transition_steps=0, peak_value=0.1))
    add("basic", O("warmup_constant_schedule", init_value=0.0, peak_value=0.1, warmup_steps=5), 8)
    add("no-warmup", O("warmup_constant_schedule", init_value=0.0, peak_value=0.1, warmup_steps=0), 4)
    add("basic", O("warmup_cosine_decay_schedule", init_value=0.0, peak_value=0.1, warmup_steps=5, decay_steps=20,
                   end_value=0.001), 24)
    add("peak-0", O("warmup_cosine_decay_schedule", init_value=0.01, peak_value=0.0, warmup_steps=3, decay_steps=8), 10)
    add("no-decay", O("warmup_cosine_decay_schedule", init_value=0.0, peak_value=0.1, warmup_steps=5, decay_steps=5))
    add("exponent", O("warmup_cosine_decay_schedule", init_value=0.0, peak_value=0.1, warmup_steps=2, decay_steps=10,
                      exponent=0.5), 12)
    add("basic", O("warmup_exponential_decay_schedule", init_value=0.0, peak_value=0.1, warmup_steps=4,
                   transition_steps=3, decay_rate=0.5), 16)
    add("staircase-end", O("warmup_exponential_decay_schedule", init_value=0.0, peak_value=0.1, warmup_steps=4,
                           transition_steps=3, decay_rate=0.5, transition_begin=2, staircase=True, end_value=0.02), 20)
    add("basic", O("sgdr_schedule", cosine_kwargs=[
        {"init_value": 0.0, "peak_value": 0.1, "warmup_steps": 2, "decay_steps": 8},
        {"init_value": 0.0, "peak_value": 0.05, "warmup_steps": 2, "decay_steps": 12, "end_value": 0.001}]), 26)
    add("empty", O("sgdr_schedule", cosine_kwargs=[]))
    add("single", O("sgdr_schedule", cosine_kwargs=[{"init_value": 0.01, "peak_value": 0.1, "warmup_steps": 1,
                                                     "decay_steps": 5, "exponent": 2.0}]), 8)
    add("basic", O("join_schedules", schedules=[O("linear_schedule", init_value=0.0, end_value=0.1, transition_steps=5),
                                                O("cosine_decay_schedule", init_value=0.1, decay_steps=10)],
                   boundaries=[5]), 20)
    add("boundary-0", O("join_schedules", schedules=[O("constant_schedule", value=0.3),
                                                     O("exponential_decay", init_value=0.1, transition_steps=2, decay_rate=0.5)],
                        boundaries=[0]), 6)
    add("nested", O("join_schedules", schedules=[O("constant_schedule", value=0.3), O("join_schedules", schedules=[
        O("constant_schedule", value=0.2), O("constant_schedule", value=0.1)], boundaries=[3])], boundaries=[4]), 10)
    add("empty", O("join_schedules", schedules=[], boundaries=[]))
    add("more-boundaries", O("join_schedules", schedules=[O("constant_schedule", value=0.3)], boundaries=[2, 4]), 6)
    add("fewer-boundaries", O("join_schedules", schedules=[O("constant_schedule", value=0.3), O("constant_schedule", value=0.2),
                                                           O("constant_schedule", value=0.1)], boundaries=[2]), 6)
    add("unsorted", O("join_schedules", schedules=[O("constant_schedule", value=0.3), O("constant_schedule", value=0.2),
                                                   O("constant_schedule", value=0.1)], boundaries=[6, 3]), 9)
    return out


def draw(rng, kind):
    lr = float(f"{10 ** rng.uniform(-4, -0.5):.3g}")
    steps = rng.randint(1, 200)
    if kind == "linear_schedule":
        return O(kind, init_value=lr, end_value=rng.choice([0.0, lr / 10]), transition_steps=steps,
                 transition_begin=rng.choice([0, 0, 5, 20]))
    if kind == "polynomial_schedule":
        return O(kind, init_value=lr, end_value=rng.choice([0.0, lr / 10]), power=rng.choice([0.5, 1.0, 2.0, 3.0]),
                 transition_steps=steps, transition_begin=rng.choice([0, 0, 5]))
    if kind == "exponential_decay":
        return O(kind, init_value=lr, transition_steps=rng.randint(1, 50), decay_rate=rng.choice([0.5, 0.9, 0.99, 1.05]),
                 transition_begin=rng.choice([0, 10]), staircase=rng.random() < 0.5,
                 end_value=rng.choice([None, lr / 100]))
    if kind == "cosine_decay_schedule":
        return O(kind, init_value=lr, decay_steps=steps, alpha=rng.choice([0.0, 0.1]), exponent=rng.choice([1.0, 2.0]))
    if kind == "warmup_cosine_decay_schedule":
        w = rng.randint(0, 30)
        return O(kind, init_value=rng.choice([0.0, lr / 10]), peak_value=lr, warmup_steps=w, decay_steps=w + steps,
                 end_value=rng.choice([0.0, lr / 100]), exponent=rng.choice([1.0, 1.0, 2.0]))
    if kind == "warmup_exponential_decay_schedule":
        return O(kind, init_value=0.0, peak_value=lr, warmup_steps=rng.randint(0, 30), transition_steps=rng.randint(1, 40),
                 decay_rate=rng.choice([0.5, 0.9]), transition_begin=rng.choice([0, 5]), staircase=rng.random() < 0.5,
                 end_value=rng.choice([None, lr / 100]))
    if kind == "piecewise_constant_schedule":
        b = sorted(rng.sample(range(1, 150), rng.randint(1, 4)))
        return O(kind, init_value=lr, boundaries_and_scales={str(x): rng.choice([0.1, 0.5, 2.0]) for x in b})
    if kind == "piecewise_interpolate_schedule":
        b = sorted(rng.sample(range(0, 150), rng.randint(1, 4)))
        return O(kind, interpolate_type=rng.choice(["linear", "cosine"]), init_value=lr,
                 boundaries_and_scales={str(x): rng.choice([0.1, 0.5, 2.0]) for x in b})
    if kind == "linear_onecycle_schedule":
        return O(kind, transition_steps=steps + 10, peak_value=lr, pct_start=rng.choice([0.2, 0.3, 0.45]),
                 pct_final=rng.choice([0.8, 0.85, 0.9]), div_factor=rng.choice([10.0, 25.0]),
                 final_div_factor=rng.choice([100.0, 1e4]))
    if kind == "cosine_onecycle_schedule":
        return O(kind, transition_steps=steps + 10, peak_value=lr, pct_start=rng.choice([0.2, 0.3, 0.45]),
                 div_factor=rng.choice([10.0, 25.0]), final_div_factor=rng.choice([100.0, 1e4]))
    raise ValueError(kind)


KINDS = ["linear_schedule", "polynomial_schedule", "exponential_decay", "cosine_decay_schedule",
         "warmup_cosine_decay_schedule", "warmup_exponential_decay_schedule", "piecewise_constant_schedule",
         "piecewise_interpolate_schedule", "linear_onecycle_schedule", "cosine_onecycle_schedule"]


def random_draws():
    rng = random.Random(20261203)
    out = []
    for kind in KINDS:
        for i in range(4):
            spec = draw(rng, kind)
            out.append((f"{spec['type']}#r{i}", spec, rng.randint(50, 250), None))
    return out


def cases():
    return closed_form_cases(targeted(), random_draws(), run)
