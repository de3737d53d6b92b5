"""Writes Tests/ScheduleCoreTests/Fixtures/expressions.json: random expressions in `epoch`
over lrplot's Python subset, each with CPython's result (int or float) or the exception it raised.

    python3 scripts/make_expression_cases.py > Tests/ScheduleCoreTests/Fixtures/expressions.json
"""
import json
import math
import random
import sys

rng = random.Random(7)
FUNCS1 = ["math.exp", "math.log", "math.log2", "math.log10", "math.sqrt", "math.sin", "math.cos", "math.tan",
          "math.atan", "math.tanh", "math.floor", "math.ceil", "math.fabs", "abs", "int", "float", "round"]
FUNCS2 = ["min", "max", "math.pow", "pow", "math.atan2", "math.log"]
BIN = ["+", "-", "*", "/", "//", "%", "**"]
CMP = ["<", "<=", ">", ">=", "==", "!="]


def literal():
    k = rng.random()
    if k < 0.35:
        return str(rng.randint(-5, 12))
    if k < 0.7:
        return repr(round(rng.uniform(-3, 3), rng.randint(0, 3)))
    if k < 0.8:
        return rng.choice(["0", "0.0", "-0.0", "1e-3", "2.5e1", "1_000", "True", "False", "math.pi", "math.e"])
    return "epoch"


def expr(depth=0):
    if depth > 3 or rng.random() < 0.25:
        return literal()
    k = rng.random()
    if k < 0.45:
        return f"({expr(depth + 1)} {rng.choice(BIN)} {expr(depth + 1)})"
    if k < 0.55:
        return f"-{expr(depth + 1)}"
    if k < 0.68:
        return f"{rng.choice(FUNCS1)}({expr(depth + 1)})"
    if k < 0.76:
        return f"{rng.choice(FUNCS2)}({expr(depth + 1)}, {expr(depth + 1)})"
    if k < 0.84:
        return f"({expr(depth + 1)} {rng.choice(CMP)} {expr(depth + 1)} {rng.choice(CMP)} {expr(depth + 1)})"
    if k < 0.92:
        return f"({expr(depth + 1)} if {expr(depth + 1)} else {expr(depth + 1)})"
    return f"({expr(depth + 1)} {rng.choice(['and', 'or'])} {'not ' if rng.random() < 0.3 else ''}{expr(depth + 1)})"


cases = []
seen = set()
while len(cases) < 600:
    text = expr()
    if text in seen or len(text) > 300:
        continue
    seen.add(text)
    epoch = rng.randint(0, 40)
    try:
        v = eval(text, {"math": math, "__builtins__": {"min": min, "max": max, "abs": abs, "int": int, "float": float, "round": round, "pow": pow, "True": True, "False": False}}, {"epoch": epoch})
    except Exception as e:
        cases.append({"text": text, "epoch": epoch, "error": f"{type(e).__name__}: {e}"})
        continue
    if isinstance(v, complex):
        cases.append({"text": text, "epoch": epoch, "error": "complex"})
    elif isinstance(v, (bool, int)):
        if -2**63 <= v < 2**63:
            cases.append({"text": text, "epoch": epoch, "int": int(v)})
    else:
        cases.append({"text": text, "epoch": epoch, "float": "nan" if math.isnan(v) else ("inf" if v == math.inf else ("-inf" if v == -math.inf else repr(v)))})
json.dump({"generated_by": "scripts/make_expression_cases.py (CPython " + sys.version.split()[0] + ")", "cases": cases}, sys.stdout, indent=0)
