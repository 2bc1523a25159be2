"""Size benchmark: `draftkit check` and `draftkit import` of a report that is one long
paragraph (a web page pasted without its breaks) of 1, 2 and 4 MB, and `render` of a
data file whose one item holds a slot every ten characters, each as a whole command
(fastest of three; render at 0.15 of each size, its report at most a million characters). Prints the seconds and each size's ratio to the one before:
time that grows with the text is about 2, with its square 4. Goal: every ratio ≤ 3 (a busy machine moves single runs by half).
The text is varied: the shipped phrase bank's sentences with figures filled in, mixed
with the sentences every figure, date and wording rule looks at (tests/hostile_inputs.py).

    python bench/sizes.py [--mb 1 2 4]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RENDER = 0.15  # of each size for render: a rendered report is at most a million characters (render/limits.py)
sys.path.insert(0, str(ROOT / "tests"))


def fastest(cmd: list[str], runs: int = 3) -> float:
    best = float("inf")
    for _ in range(runs):
        t = time.perf_counter()
        done = subprocess.run(cmd, capture_output=True, check=False)
        best = min(best, time.perf_counter() - t)
        if done.returncode not in (0, 1):
            raise SystemExit(f"{' '.join(cmd[2:4])}: exit {done.returncode}: {done.stderr.decode()[:200]}")
    return best


def main() -> None:
    from test_hostile_sizes import report_with, slots_item

    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, nargs="+", default=[1, 2, 4])
    args = ap.parse_args()
    draftkit = [sys.executable, "-m", "draftkit"]
    with tempfile.TemporaryDirectory() as tmp:
        rows: dict[str, list[float]] = {"check": [], "import": [], "render": []}
        for mb in args.mb:
            chars = int(mb * 1_000_000 / 3)  # Chinese: three bytes a character in UTF-8
            report, data = Path(tmp) / f"r{mb}.txt", Path(tmp) / f"d{mb}.yaml"
            report.write_text(report_with(chars), encoding="utf-8")
            data.write_text(slots_item(int(chars * RENDER)), encoding="utf-8")
            rows["check"].append(fastest([*draftkit, "check", str(report)]))
            rows["import"].append(fastest([*draftkit, "import", str(report), "-o", f"{tmp}/i.yaml", "--force"]))
            rows["render"].append(fastest([*draftkit, "render", str(data), "-o", f"{tmp}/o.md", "--force"]))
        print("MB      " + "".join(f"{mb:>10g}" for mb in args.mb))
        for name, seconds in rows.items():
            ratios = [b / a for a, b in zip(seconds, seconds[1:])]
            print(f"{name:<8}" + "".join(f"{s:>9.2f}s" for s in seconds)
                  + "   ratios " + " ".join(f"{r:.2f}" for r in ratios) + ("" if max(ratios, default=0) <= 3 else "  OVER"))


if __name__ == "__main__":
    main()
