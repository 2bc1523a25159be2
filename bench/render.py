"""Render benchmark.

1. In-process: median ms per render of the county example, against a python-docx floor
   measured in the same run (the same paragraphs, no styling, saved). Goal: ratio ≤ 1.5.
2. The whole process `draftkit render examples/county.yaml -o x.docx` (start-up, load,
   templates, the reviewer's checks, docx) beside the bare import of the libraries it
   needs (`python -c "import docx, jinja2.sandbox, yaml"`), the two run alternately so
   that the machine's drift weighs on both alike. Reported, not a target: the start-up
   time is what the standard library's own re, dataclasses and Jinja's compiler cost
   (no code is kept between runs, see the README's 缓存), and nothing here gates.

   draftkit's own bytecode is compiled first, as an installed package has it (the floor's
   libraries have theirs from pip). The cache folder is a fresh one of the benchmark's,
   never the user's (render keeps nothing there).

    python bench/render.py [--runs N] [--pairs N]

The last line is the whole-process ratio (median of the paired ratios).
"""

from __future__ import annotations

import argparse
import compileall
import io
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "county.yaml"
FLOOR = [sys.executable, "-c", "import docx, jinja2.sandbox, yaml"]


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


def in_process(runs: int) -> None:
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
    print(f"in-process ratio: {t_ours / t_floor:.2f} (goal <= 1.5)")


CPU: list[float] = []  # CPU ms (user + system) of each run_ms, beside its wall time


def run_ms(cmd: list[str], env: dict) -> float:
    """Wall ms of one run of cmd (its CPU ms appended to CPU)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True, env=env)
    wall = (time.perf_counter() - t) * 1000
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    CPU.append((after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime) * 1000)
    return wall


def whole_process(pairs: int, out: Path, env: dict) -> tuple[float, float, list[float], list[float]]:
    """(median ms of `draftkit render`, median ms of the floor, the paired ratios of wall
    time, the paired ratios of CPU time)."""
    cmd = [sys.executable, "-m", "draftkit", "render", str(EXAMPLE), "-o", str(out)]
    run_ms(cmd, env), run_ms(FLOOR, env)  # warm up the disk cache
    ours, floor, ratios, cpu_ratios = [], [], [], []
    for _ in range(pairs):
        a = run_ms(cmd, env)
        b = run_ms(FLOOR, env)
        ours.append(a), floor.append(b), ratios.append(a / b)
        cpu_ratios.append(CPU[-2] / CPU[-1])
    return statistics.median(ours), statistics.median(floor), ratios, cpu_ratios


def spread(ratios: list[float]) -> str:
    q = statistics.quantiles(ratios, n=4)
    return f"quartiles {q[0]:.2f}–{q[2]:.2f}, range {min(ratios):.2f}–{max(ratios):.2f}"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=30, help="in-process renders")
    ap.add_argument("--pairs", type=int, default=20, help="whole-process pairs (at least 15)")
    args = ap.parse_args()
    pairs = max(args.pairs, 15)
    own_cache = tempfile.mkdtemp(prefix="draftkit-bench-cache-")  # never the user's cache
    os.environ["DRAFTKIT_CACHE"] = own_cache

    import draftkit

    # bytecode of our own, as an installed package has it
    compileall.compile_dir(str(Path(draftkit.__file__).parent), quiet=1)
    in_process(args.runs)

    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    with tempfile.TemporaryDirectory() as tmp:
        ours, floor, ratios, cpu_ratios = whole_process(pairs, Path(tmp) / "c.docx", env)
        t_python = statistics.median(run_ms([sys.executable, "-c", "pass"], env) for _ in range(5))
    shutil.rmtree(own_cache, ignore_errors=True)
    print(f"whole process, {pairs} pairs run alternately; bare python: {t_python:.0f} ms")
    print(f"`draftkit render` {ours:.0f} ms, bare `import docx, jinja2.sandbox, yaml` {floor:.0f} ms (medians); "
          f"paired ratio {spread(ratios)}")
    print(f"    CPU time (user + system, less disturbed by a busy machine): paired ratio median "
          f"{statistics.median(cpu_ratios):.2f}, {spread(cpu_ratios)}")
    print(f"whole-process ratio (median of paired ratios): {statistics.median(ratios):.2f} "
          "(reported beside the import floor, not a target)")


if __name__ == "__main__":
    main()
