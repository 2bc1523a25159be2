"""Render benchmark: median ms per in-process render of the county example, against a
python-docx floor measured in the same run (the same paragraphs, no styling, saved).
Also the whole-process wall time of `draftkit render` against the bare import cost of
the libraries it needs. Goal: ratio ≤ 1.5.

    python bench/render.py [--runs N]
"""

from __future__ import annotations

import argparse
import io
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "county.yaml"


def paired_median_ms(a, b, runs: int) -> tuple[float, float]:
    """Median ms of a and of b, run alternately so that drift in the machine's speed
    weighs on both alike."""
    a(), b()  # warm up
    ta, tb = [], []
    for _ in range(runs):
        for fn, times in ((a, ta), (b, tb)):
            t = time.perf_counter()
            fn()
            times.append((time.perf_counter() - t) * 1000)
    return statistics.median(ta), statistics.median(tb)


def wall(cmd: list[str], runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True)
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=60)
    runs = ap.parse_args().runs

    import docx

    from draftkit.render.pipeline import render_report, report_blocks
    from draftkit.report.loader import load_report

    report = load_report(EXAMPLE)
    texts = [b.text for b in report_blocks(report)]

    def ours() -> None:
        render_report(load_report(EXAMPLE), "docx")

    def floor() -> None:
        d = docx.Document()
        for t in texts:
            d.add_paragraph(t)
        d.save(io.BytesIO())

    t_ours, t_floor = paired_median_ms(ours, floor, runs)
    print(f"paragraphs: {len(texts)}, runs: {runs}")
    print(f"draftkit render (load+compose+templates+docx): {t_ours:.1f} ms median")
    print(f"python-docx floor (same paragraphs, no styling): {t_floor:.1f} ms median")
    print(f"ratio: {t_ours / t_floor:.2f} (goal <= 1.5)")

    with tempfile.TemporaryDirectory() as tmp:
        out = str(Path(tmp) / "c.docx")
        t_cli = wall([sys.executable, "-m", "draftkit", "render", str(EXAMPLE), "-o", out])
        t_imports = wall([sys.executable, "-c", "import docx, jinja2.sandbox, yaml"])
        t_python = wall([sys.executable, "-c", "pass"])
    print(f"whole process `draftkit render`: {t_cli:.0f} ms; bare `import docx, jinja2, yaml`: {t_imports:.0f} ms; "
          f"bare python: {t_python:.0f} ms")


if __name__ == "__main__":
    main()
