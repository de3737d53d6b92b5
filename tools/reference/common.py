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
