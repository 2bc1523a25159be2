"""Check benchmark: a 20-page report (the county example's text, its body repeated until
it fills 20 pages of 22 × 28 characters), checked in-process and as a whole command.
Goal: ≤ 1 s for `draftkit check` on 20 pages.

    python bench/check.py
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGE = 22 * 28


def main() -> None:
    from draftkit.render.pipeline import render_report
    from draftkit.report.loader import load_report
    from draftkit.review import check_file

    text = render_report(load_report(ROOT / "examples" / "county.yaml"), "txt").decode()
    paras = text.split("\n\n")
    head, body, tail = paras[:3], paras[3:-3], paras[-3:]
    out, n = list(head), 0
    while sum(len(p) for p in out) < 20 * PAGE:
        out.extend(p.replace("2025年", f"2025年（{n}）") for p in body)  # vary the copies a little
        n += 1
    out.extend(tail)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "report20.txt"
        path.write_text("\n".join(out), encoding="utf-8")
        chars = sum(len(p) for p in out)
        check_file(path)  # warm up
        times = []
        for _ in range(5):
            t = time.perf_counter()
            findings = check_file(path)
            times.append(time.perf_counter() - t)
        walls = []
        for _ in range(3):
            t = time.perf_counter()
            subprocess.run([sys.executable, "-m", "draftkit", "check", str(path)], capture_output=True)
            walls.append(time.perf_counter() - t)
    print(f"{chars} characters (about {chars / PAGE:.0f} pages), {len(out)} paragraphs, {len(findings)} findings")
    print(f"check in-process: {statistics.median(times) * 1000:.0f} ms median")
    print(f"whole process `draftkit check`: {statistics.median(walls) * 1000:.0f} ms median (goal <= 1000 ms)")


if __name__ == "__main__":
    main()
