"""Turns `coverage json` of the reference generator into the coverage section of
tools/REFERENCE.md: branch numbers per file, over the whole file and over the code of the
schedules lrplot offers, and every branch of that code left out, with the reason.

    coverage_report.py coverage.json SITE_PACKAGES tools/REFERENCE.md
"""
import ast
import json
import sys
from pathlib import Path

from coverage_scope import FILES, LEFT_OUT, NOT_OFFERED_METHODS

BEGIN, END = "<!-- coverage:begin -->", "<!-- coverage:end -->"


def scopes(source):
    """line -> qualified name of the innermost def/class holding it ("" at module level)."""
    tree = ast.parse(source)
    names = {}

    def visit(node, prefix):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                name = f"{prefix}.{child.name}" if prefix else child.name
                for line in range(child.lineno, (child.end_lineno or child.lineno) + 1):
                    names[line] = name
                visit(child, name)
            else:
                visit(child, prefix)
    visit(tree, "")
    return names


def offered(qualname, prefixes):
    if set(qualname.split(".")) & NOT_OFFERED_METHODS:
        return False
    return any(qualname == p or qualname.startswith(p + ".") for p in prefixes)


def main():
    coverage_json, site, reference_md = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
    report = json.loads(Path(coverage_json).read_text())["files"]
    rows, missing_rows, unexplained = [], [], []
    total_offered = total_offered_taken = 0
    for relative, prefixes in FILES.items():
        path = site / relative
        entry = report.get(str(path))
        if entry is None:
            rows.append(f"| `{relative}` | not run | | |")
            continue
        lines = path.read_text().splitlines()
        where = scopes(path.read_text())
        executed = [tuple(b) for b in entry.get("executed_branches", [])]
        missing = [tuple(b) for b in entry.get("missing_branches", [])]
        in_scope = lambda b: offered(where.get(b[0], ""), prefixes)
        offered_taken = [b for b in executed if in_scope(b)]
        offered_missing = [b for b in missing if in_scope(b)]
        n_all, n_taken = len(executed) + len(missing), len(executed)
        n_off = len(offered_taken) + len(offered_missing)
        total_offered += n_off
        total_offered_taken += len(offered_taken)
        pct = lambda a, b: f"{100 * a / b:.1f} %" if b else "–"
        rows.append(f"| `{relative}` | {n_taken} / {n_all} ({pct(n_taken, n_all)}) | "
                    f"{len(offered_taken)} / {n_off} ({pct(len(offered_taken), n_off)}) | {len(offered_missing)} |")
        for b in sorted(offered_missing):
            code = lines[b[0] - 1].strip()
            target = "exit" if b[1] < 0 else f"line {b[1]}"
            reason = LEFT_OUT.get((relative, code)) or LEFT_OUT.get((relative, where.get(b[0], "")))
            if reason is None:
                unexplained.append(f"{relative}:{b[0]} → {target} in {where.get(b[0], '')}: {code}")
                reason = "**not explained**"
            missing_rows.append(f"| `{relative}:{b[0]}` → {target} | `{code}` | {reason} |")
    section = [
        BEGIN,
        "",
        "| file | branches taken (whole file) | branches taken (schedules lrplot offers) | offered branches left out |",
        "|---|---|---|---|",
        *rows,
        "",
        f"Over the code of the schedules lrplot offers: **{total_offered_taken} of {total_offered} branches taken** "
        f"({100 * total_offered_taken / max(total_offered, 1):.1f} %).",
        "",
        "Branches of that code that no case takes, and why:",
        "",
        "| branch | code | why it is left out |",
        "|---|---|---|",
        *missing_rows,
        "",
        END,
    ]
    text = reference_md.read_text() if reference_md.exists() else f"{BEGIN}\n{END}\n"
    head, _, rest = text.partition(BEGIN)
    _, _, tail = rest.partition(END)
    reference_md.write_text(head + "\n".join(section) + tail)
    for u in unexplained:
        print("unexplained:", u, file=sys.stderr)
    print(f"offered branches taken: {total_offered_taken} / {total_offered}", file=sys.stderr)


if __name__ == "__main__":
    main()
