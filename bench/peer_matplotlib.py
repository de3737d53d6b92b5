"""The matplotlib peer: the same chart as `lrplot SPEC` drawn from numpy-computed values.

usage: python3 bench/peer_matplotlib.py SPEC.json OUT.png [OUT.svg …]
Same schedules, log y axis, legend, title, 960×540 px, as a user's script would do it.
"""
import json
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

sys.path.insert(0, __import__("os").path.dirname(__file__))
from schedules import values  # noqa: E402

spec = json.load(open(sys.argv[1]))
steps = spec["steps"]
t = np.arange(steps, dtype=np.int64)
fig, ax = plt.subplots(figsize=(9.6, 5.4), dpi=100)
for entry in spec["schedules"]:
    ax.plot(t, values(entry, t), label=entry.get("label", entry["type"]))
ax.set_yscale("log")
ax.set_xlabel("step")
ax.set_ylabel(spec.get("y", {}).get("label", "learning rate"))
ax.set_title(spec["title"])
ax.legend()
fig.tight_layout()
for out in sys.argv[2:]:
    fig.savefig(out)
