"""Check benchmark: a 21-page report (the county example's text, its body repeated until
it fills 21 pages of 22 × 28 characters), checked in-process and as a whole command, and
the whole command against the cost of importing what it needs (the modules a check loads,
imported in a fresh interpreter without checking anything). The ratio is reported, not a
target: most of what the command adds to the imports is re compiling the rules' patterns,
which every process does (no compiled code is kept between runs; see the README's 缓存).

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
    while sum(len(p) for p in out) < 21 * PAGE:
        out.extend(p.replace("2025年", f"2025年（{n}）") for p in body)  # vary the copies a little
        n += 1
    out.extend(tail)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "report21.txt"
        path.write_text("\n".join(out), encoding="utf-8")
        chars = sum(len(p) for p in out)
        check_file(path)  # warm up
        times = []
        for _ in range(5):
            t = time.perf_counter()
            findings = check_file(path)
            times.append(time.perf_counter() - t)
        listing = ("import runpy, sys\nsys.argv = ['draftkit', 'check', %r]\ntry:\n    runpy.run_module('draftkit', "
                   "run_name='__main__')\nexcept SystemExit:\n    pass\nprint(' '.join(sorted(sys.modules)), file=sys.stderr)")
        r = subprocess.run([sys.executable, "-c", listing % str(path)], capture_output=True, text=True)
        needed = r.stderr.split()
        importer = f"import importlib\nfor m in {needed!r}:\n    try:\n        importlib.import_module(m)\n" \
                   "    except Exception:\n        pass"
        # taken in turn, so that both see the same load on the machine
        walls, imports = _walls([sys.executable, "-m", "draftkit", "check", str(path)], [sys.executable, "-c", importer])
    print(f"{chars} characters (about {chars / PAGE:.0f} pages), {len(out)} paragraphs, {len(findings)} findings")
    print(f"check in-process: {statistics.median(times) * 1000:.0f} ms median")
    # the fastest of several runs: the least disturbed by whatever else the machine does
    whole, imp = min(walls), min(imports)
    print(f"whole process `draftkit check`: {whole * 1000:.0f} ms (fastest of {len(walls)})")
    print(f"importing what it needs ({len(needed)} modules): {imp * 1000:.0f} ms (fastest of {len(imports)})")
    print(f"ratio whole / import: {whole / imp:.2f} (reported, not a target)")


def _walls(first: list[str], second: list[str], n: int = 15) -> tuple[list[float], list[float]]:
    out: tuple[list[float], list[float]] = ([], [])
    for _ in range(n):
        for args, times in ((first, out[0]), (second, out[1])):
            t = time.perf_counter()
            subprocess.run(args, capture_output=True)
            times.append(time.perf_counter() - t)
    return out


if __name__ == "__main__":
    main()
