"""Shared pieces of the reference generator: Python expressions as lrplot reads them, the
optimizer every torch-based scheduler is built on, and the case record written to the fixtures."""
import math

# lrplot's expressions (lr_lambda, scale_fn) are a subset of Python with the math functions
# available with or without the `math.` prefix; builtins (min, max, abs, int, float, round, pow)
# keep their Python meaning.
_MATH_NAMES = ["exp", "log", "log2", "log10", "sqrt", "sin", "cos", "tan", "asin", "acos", "atan",
               "atan2", "sinh", "cosh", "tanh", "floor", "ceil", "trunc", "fabs", "pi", "e", "tau",
               "inf", "nan"]
EXPRESSION_NAMESPACE = {"math": math, **{name: getattr(math, name) for name in _MATH_NAMES}}


def expression(text, variable):
    """A Python function of `variable` evaluating lrplot's expression `text`."""
    if isinstance(text, (int, float)):
        text = repr(text)
    return eval(f"lambda {variable}: {text}", dict(EXPRESSION_NAMESPACE))


def torch_optimizer(lr, lr_scale=None):
    """`torch.optim.SGD(..., momentum=0.9)`: one parameter group for a number, one group per
    entry for a list (the optimizer's default lr, `defaults['lr']`, is then the first group's).
    `lr_scale` (timm's layer-wise decay key) goes into the groups: a number into every group,
    a list one per group (with `lr` a number, every group starts from it)."""
    import torch
    count = max(len(lr) if isinstance(lr, list) else 1, len(lr_scale) if isinstance(lr_scale, list) else 1)
    if not isinstance(lr, list) and not isinstance(lr_scale, list):
        group = {"params": [torch.zeros(1, requires_grad=True)]}
        if lr_scale is not None:
            group["lr_scale"] = lr_scale
        return torch.optim.SGD([group], lr=lr, momentum=0.9)
    groups = []
    for g in range(count):
        group = {"params": [torch.zeros(1, requires_grad=True)], "lr": lr[g] if isinstance(lr, list) else lr}
        if lr_scale is not None:
            group["lr_scale"] = lr_scale[g] if isinstance(lr_scale, list) else lr_scale
        groups.append(group)
    return torch.optim.SGD(groups, lr=groups[0]["lr"], momentum=0.9)


def raised(error):
    """Python's words for an exception: `<Type>: <message>`."""
    return f"{type(error).__name__}: {error}"


def number(x):
    """A float for JSON: non-finite values as the strings lrplot's fixture loader reads."""
    x = float(x)
    if math.isnan(x):
        return "nan"
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    return x


class Series:
    """The values of one run: per parameter group, the learning rate (and momentum) at each
    step, and where the framework raised."""

    def __init__(self, groups):
        self.values = [[] for _ in range(groups)]
        self.momenta = [[] for _ in range(groups)]
        self.stop = None

    def record(self, lrs, momenta=None):
        for g, v in enumerate(lrs):
            self.values[g].append(number(v))
        if momenta is not None:
            for g, m in enumerate(momenta):
                self.momenta[g].append(number(m))

    def case(self, case_id, schedule, steps, with_momenta):
        out = {"id": case_id, "schedule": schedule, "steps": steps}
        grouped = isinstance(schedule.get("lr"), list) or isinstance(schedule.get("lr_scale"), list)
        out["values"] = self.values if grouped else self.values[0]
        if with_momenta:
            out["momenta"] = self.momenta if grouped else self.momenta[0]
        out["stop"] = self.stop
        return out


def error_case(case_id, schedule, steps, error):
    """A case whose construction raises: lrplot must reject the spec."""
    return {"id": case_id, "schedule": schedule, "steps": steps, "error": raised(error)}


def points_case(case_id, schedule, points):
    """A closed-form case given at chosen steps: `[[step, value], ...]`."""
    return {"id": case_id, "schedule": schedule, "points": points}


def walk(rng, n, start=None, drift=(0.97, 1.02)):
    """A random walk of `n` metric values (a validation loss), rounded to 4 decimals."""
    m, x = [], start if start is not None else rng.uniform(1, 3)
    for _ in range(n):
        x = x * rng.uniform(*drift) + rng.uniform(-0.01, 0.01)
        m.append(round(x, 4))
    return m


def torch_round(optimizer, scheduler, t, metric):
    """Round t of a torch training loop: `optimizer.step(); scheduler.step()` (with the metric
    for a metric-driven scheduler)."""
    optimizer.step()
    if metric is not None:
        scheduler.step(metric)
    else:
        scheduler.step()


def run_stepped(case_id, spec, steps, build, step, momentum=False):
    """Runs a scheduler on a torch optimizer: `build()` gives `(optimizer, scheduler)` (a raise
    there is an `error` case), `step(scheduler, t, metric)` is round t (a raise there is a
    `stop` at t); records each group's lr (and momentum) after each round."""
    import warnings
    warnings.simplefilter("ignore")
    try:
        optimizer, scheduler = build()
    except Exception as e:  # the optimizer or the scheduler constructor raised: a spec error in lrplot
        return error_case(case_id, spec, steps, e)
    groups = optimizer.param_groups
    series = Series(len(groups))
    metrics = spec.get("metrics")
    for t in range(steps):
        if t > 0:
            try:
                step(optimizer, scheduler, t, metrics[t - 1] if metrics is not None else None)
            except Exception as e:
                series.stop = {"step": t, "message": raised(e)}
                break
        series.record([g["lr"] for g in groups], [g["momentum"] for g in groups] if momentum else None)
    return series.case(case_id, spec, steps, momentum)


def run_closed_form(case_id, spec, build, steps=None, points=None):
    """Calls `schedule(t)` for t in 0..steps-1 (a raise at t is a `stop`), or at each of
    `points`; `build()` raising, or the call at step 0, is an `error` case."""
    try:
        schedule = build()
        first = float(schedule(0))
    except Exception as e:
        return error_case(case_id, spec, steps or 1, e)
    if points is not None:
        return points_case(case_id, spec, [[t, number(schedule(t))] for t in points])
    values, stop = [number(first)], None
    for t in range(1, steps):
        try:
            values.append(number(schedule(t)))
        except Exception as e:
            stop = {"step": t, "message": raised(e)}
            break
    return {"id": case_id, "schedule": spec, "steps": steps, "values": values, "stop": stop}


FAR = [0, 1, 2, 10, 99, 1000, 12345, 10**6, 2**31 - 1, 2**31, 10**9, 10**12, 2**53]


def closed_form_cases(targeted, random_draws, run):
    """Every case of a closed-form framework; a spec its constructor rejects needs no second,
    far-sampled case."""
    out = [run(i, s, n, p) for i, s, n, p in targeted + random_draws]
    return [c for c in out if not ("error" in c and c["id"].endswith("@far"))]
