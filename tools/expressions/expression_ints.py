"""Writes Tests/ScheduleCoreTests/Fixtures/expression_ints.json: expressions whose ints leave
64 bits (and some that leave 128), each with CPython's result.

lrplot's expression ints are exact to 128 bits (-2**127 ... 2**127 - 1) and raise
`OverflowError` beyond; Python's are unbounded. Each case records Python's result (`int` as a
decimal string, `float` as its repr, or the exception) and `beyond_128_bits`: whether any int
Python computed on the way (a literal, an operator's or a function's result) lies outside
128 bits, found by evaluating a copy of the expression with every such node wrapped in a
check. Where it is true lrplot must raise; everywhere else it must give Python's result.

    python3 tools/expressions/expression_ints.py > Tests/ScheduleCoreTests/Fixtures/expression_ints.json

Needs only the standard library (no venv).
"""
import ast
import json
import math
import platform
import random

LOW, HIGH = -(2 ** 127), 2 ** 127 - 1

CASES = [
    # The reported cases.
    ("0.1 * (step + 9223372036854775807 - 9223372036854775806)", 0),
    ("0.1 * (step + 9223372036854775807 - 9223372036854775806)", 1),
    ("0.1 * (step + 9223372036854775807 - 9223372036854775806)", 2),
    ("(10**19 + 1 - 10**19) * 0.1", 0),
    ("math.log(10**400)", 0),
    ("10**400 / 10**399", 0),
    # Across 64 bits: exact, and back to 64 bits.
    ("step + 9223372036854775807", 1),
    ("step + 9223372036854775807 - 1", 1),
    ("-9223372036854775807 - 1 - step", 1),
    ("-(-9223372036854775807 - 1)", 0),
    ("abs(-9223372036854775807 - 1)", 0),
    ("(-9223372036854775807 - 1) // -1", 0),
    ("(-9223372036854775807 - 1) % -1", 0),
    ("9223372036854775808", 0),
    ("-9223372036854775808", 0),
    ("0xFFFFFFFFFFFFFFFFFFFF", 0),
    ("0b1" + "0" * 100, 0),
    ("170141183460469231731687303715884105727", 0),
    ("170141183460469231731687303715884105728", 0),
    ("-170141183460469231731687303715884105727 - 1", 0),
    ("-170141183460469231731687303715884105727 - 2", 0),
    ("2**63", 0), ("2**64 - 1", 0), ("2**100", 0), ("2**126", 0), ("2**127", 0), ("-2**127", 0),
    ("(-2)**127", 0), ("(-2)**126 * -2", 0), ("2**126 * 2 - 1", 0), ("2**126 - 1 + 2**126", 0),
    ("3**80", 0), ("3**81", 0), ("10**38", 0), ("10**39", 0), ("7**45 % 1000", 0),
    ("1**(2**100)", 0), ("(-1)**(2**100 + 1)", 0), ("0**(2**100)", 0), ("2**(2**10)", 0),
    ("2**-(2**70)", 0), ("(2**70)**-1", 0), ("(2**70 + 1) ** -2", 0), ("0 ** -(2**70)", 0),
    ("step * 2**64", 3), ("(step + 2**64) // 3", 5), ("(step - 2**64) // 3", 5),
    ("(step - 2**64) % 7", 5), ("(2**64 + step) % -7", 5), ("2**100 // 2**64", 0),
    ("-(2**100) // (2**64 + 1)", 0), ("2**100 % (2**64 + 1)", 0), ("-(2**100) % (2**64 + 1)", 0),
    ("2**100 // 0", 0), ("2**100 % 0", 0), ("2**100 / 0", 0),
    # float(int): correctly rounded, ties to even.
    ("float(2**64 + 1)", 0), ("float(2**53 + 1)", 0), ("float(2**54 + 2)", 0), ("float(2**54 + 6)", 0),
    ("float(2**100 + 2**47)", 0), ("float(2**100 + 2**47 + 1)", 0), ("float(2**100 + 3 * 2**47)", 0),
    ("float(2**127 - 1)", 0), ("float(-(2**100) - 2**47 - 1)", 0), ("(2**100 + 1) * 1.0", 0),
    ("2**100 + 0.5", 0), ("2**100 - 2**100 + 0.5", 0),
    # int / int: correctly rounded true division.
    ("(2**64 + 1) / 3", 0), ("2**100 / (2**100 - 1)", 0), ("(2**127 - 1) / (2**126 + 1)", 0),
    ("1 / (2**127 - 1)", 0), ("-(2**90 + 12345) / (2**80 + 3)", 0), ("(10**37 + 1) / 10**37", 0),
    ("(2**64 + 3) / 2**64", 0), ("(2**53 + 1) / 1", 0), ("(2**53 + 1) * 2**60 / 2**60", 0),
    ("(step + 2**63) / 2**63", 1), ("10**38 / 10**37", 0), ("7 / 2**120", 0),
    # int vs float comparisons, exact.
    ("2**63 == 9223372036854775808.0", 0), ("2**63 + 1 > 9223372036854775808.0", 0),
    ("2**64 + 1 == float(2**64)", 0), ("2**64 + 1 > float(2**64)", 0), ("2**100 < 1e30", 0),
    ("2**126 + 1 > float(2**126)", 0), ("2**127 - 1 < float(2**127)", 0), ("-(2**127) == -float(2**127)", 0),
    ("-(2**127) + 1 > -float(2**127)", 0), ("2**100 < math.inf", 0), ("2**100 != math.nan", 0),
    ("2**100 == 2**100", 0), ("2**100 < 2**100 + 1 < 2**101", 0), ("min(2**100, 1e31)", 0),
    ("max(2**100, 1e30)", 0), ("max(2**100, float(2**100))", 0), ("min(float(2**100), 2**100)", 0),
    ("min(-(2**90), step)", 4), ("2**100 and 3", 0), ("not 2**100", 0), ("2**100 or 3", 0),
    ("1 if 2**100 - 2**100 else 2", 0),
    # math functions of wide ints (Python converts to float, math.log via its int path).
    ("math.log(2**100)", 0), ("math.log(2**127 - 1)", 0), ("math.log2(2**100)", 0), ("math.log10(10**30)", 0),
    ("math.log(10**30, 10)", 0), ("math.log(-(2**100))", 0), ("math.sqrt(2**100 + 1)", 0), ("math.exp(-(2**70))", 0),
    ("math.cos(2**70)", 0), ("math.atan2(2**100, 2**99)", 0), ("math.pow(2**64, 2)", 0), ("math.fabs(-(2**90))", 0),
    ("math.floor(2**100)", 0), ("math.ceil(-(2**100))", 0), ("math.trunc(2**100)", 0), ("int(2**100)", 0),
    ("pow(2, 100)", 0), ("pow(2**64, -1)", 0),
    # floats to ints beyond 64 bits: exact.
    ("math.floor(1e20) + 1", 0), ("math.floor(1e20) - 10**20", 0), ("int(-1.5e30)", 0), ("int(1.5e30) % 7", 0),
    ("round(1e25)", 0), ("round(2.5e20) // 3", 0), ("math.ceil(1.7e38)", 0), ("math.floor(1.8e38)", 0),
    ("int(1e300)", 0), ("math.floor(-1.7014118346046923e38)", 0),
    # round(int, negative digits) beyond 64 bits.
    ("round(2**100, -10)", 0), ("round(-(2**100), -20)", 0), ("round(15 * 10**30, -31)", 0),
    ("round(25 * 10**30, -31)", 0), ("round(2**126, -38)", 0), ("round(2**126, -39)", 0),
    ("round(2**126, -100)", 0), ("round(2**100, 5)", 0), ("round(2**100, 2**100)", 0),
    ("round(2**100, -1000)", 0), ("round(1.5, 2**100)", 0), ("round(9 * 10**37 + 17, -38)", 0),
    ("round(16 * 10**37, -38)", 0),
]

rng = random.Random(2026)
OPS = ["+", "-", "*", "//", "%", "/"]
for _ in range(120):
    a = rng.choice([rng.randint(-(2 ** 126), 2 ** 126), rng.randint(-(2 ** 70), 2 ** 70), rng.randint(2 ** 62, 2 ** 64)])
    b = rng.choice([rng.randint(-(2 ** 126), 2 ** 126), rng.randint(-(2 ** 70), 2 ** 70), rng.randint(1, 2 ** 64), rng.randint(-9, 9)])
    op = rng.choice(OPS)
    CASES.append((f"({a}) {op} ({b})", 0))
for _ in range(60):
    # int vs float comparisons and mixed arithmetic near a wide int.
    a = rng.randint(2 ** 60, 2 ** 126)
    f = float(a) * rng.choice([1.0, 1.0 + 2 ** -52, 1.0 - 2 ** -53])
    op = rng.choice(["<", "==", ">", "+", "-", "*", "/"])
    CASES.append((f"{a} {op} {f!r}", 0))


class Checked(ast.NodeTransformer):
    """Wraps every int-producing node in `_chk(...)`, which notes an int beyond 128 bits."""

    def _wrap(self, node):
        return ast.Call(func=ast.Name(id="_chk", ctx=ast.Load()), args=[node], keywords=[])

    def visit_BinOp(self, node):
        self.generic_visit(node)
        return self._wrap(node)

    def visit_UnaryOp(self, node):
        self.generic_visit(node)
        return self._wrap(node)

    def visit_Call(self, node):
        self.generic_visit(node)
        return self._wrap(node)

    def visit_Constant(self, node):
        return self._wrap(node)


def evaluate(text, step):
    beyond = []

    def chk(v):
        if isinstance(v, int) and not isinstance(v, bool) and not LOW <= v <= HIGH:
            beyond.append(v)
        return v

    tree = ast.fix_missing_locations(Checked().visit(ast.parse(text, mode="eval")))
    env = {"math": math, "step": step, "_chk": chk, "__builtins__": {"min": min, "max": max, "abs": abs, "int": int,
                                                                     "float": float, "round": round, "pow": pow}}
    case = {"text": text, "step": step}
    try:
        value = eval(compile(tree, "<case>", "eval"), env)
        if isinstance(value, bool):
            value = int(value)
        if isinstance(value, int):
            case["int"] = str(value)
        else:
            case["float"] = repr(value)
    except Exception as e:  # noqa: BLE001 - the exception is the result
        case["error"] = f"{type(e).__name__}: {e}"
    case["beyond_128_bits"] = bool(beyond)
    return case


cases = [evaluate(text, step) for text, step in CASES]
print(json.dumps({
    "generated_by": f"tools/expressions/expression_ints.py (CPython {platform.python_version()})",
    "cases": cases,
}, indent=1))
