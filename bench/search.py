"""Search benchmark: the whole `draftkit phrases search WORDS` process with a 50,000-entry
--bank against the same search on the shipped bank alone, load included. The big bank
is built from the shipped entries varied (each text numbered, documents counted apart),
so that file sizes and match counts are those of a real bank of that size. Runs
alternate (shipped, big, shipped, big, …) so that the machine's drift weighs on both;
each query prints both medians and the median of the paired ratios. Goal: ≤ 1.5.
Last, the same without the bank's search keys (a bank edited by hand or written before
them): every line is checked, and the cost of that is printed.

    python bench/search.py [--runs N] [--units 50000] [words …]
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QUERIES = ["行政复议", "规范性文件 审核", "执法 培训", "没有这个词", "法治"]


def build(folder: Path, n: int) -> None:
    from draftkit.bank.phrasebank import Bank, shipped_bank_dir, write_bank

    seed = list(Bank.load(shipped_bank_dir()))
    write_bank(folder, [dataclasses.replace(p, id=f"p-{i:010x}", text=f"{p.text}（{i}）", docs=1 + i % 7)
                        for i, p in enumerate(seed * (n // len(seed) + 1))][:n])


def timed(cmd: list[str]) -> float:
    t = time.perf_counter()
    subprocess.run(cmd, capture_output=True, check=False)
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=21)
    ap.add_argument("--units", type=int, default=50000)
    ap.add_argument("words", nargs="*")
    args = ap.parse_args()
    queries = [" ".join(args.words)] if args.words else QUERIES
    with tempfile.TemporaryDirectory() as tmp, tempfile.TemporaryDirectory() as cache:
        os.environ["DRAFTKIT_CACHE"] = cache  # the runs' own cache folder, not the user's
        build(Path(tmp), args.units)
        size = sum(f.stat().st_size for f in Path(tmp).glob("*.jsonl"))
        print(f"{args.units} entries, {size / 1e6:.1f} MB; {args.runs} alternating runs per query")
        for q in queries:
            base = [sys.executable, "-m", "draftkit", "phrases", "search", *q.split()]
            big = base + ["--bank", tmp]
            found = subprocess.run(big + ["-n", "100000"], capture_output=True, text=True).stdout.count("\n")
            timed(base), timed(big)  # warm up
            ts, tb, ratios = [], [], []
            for _ in range(args.runs):
                a, b = timed(base), timed(big)
                ts.append(a), tb.append(b), ratios.append(b / a)
            print(f"{q:<14} {found:>6} found  shipped {statistics.median(ts) * 1000:4.0f} ms  "
                  f"50k {statistics.median(tb) * 1000:4.0f} ms  ratio {statistics.median(ratios):.2f} "
                  f"(goal <= 1.5)")
        # A bank without keys (mined by an older draftkit, copied without them): the first search
        # checks every line and, the file being sound, keeps its keys in the cache folder; the
        # searches after it are as above. Each pair here starts without keys, so it times that
        # first search.
        for q in queries[-2:]:
            base = [sys.executable, "-m", "draftkit", "phrases", "search", *q.split()]
            pairs = []
            for _ in range(max(3, args.runs // 4)):
                for f in [*Path(tmp).glob("*.keys"), *Path(os.environ["DRAFTKIT_CACHE"]).glob("bank-*.keys")]:
                    f.unlink()
                pairs.append((timed(base), timed(base + ["--bank", tmp])))
            print(f"{q:<14} first search without keys (every line checked, keys kept): 50k "
                  f"{statistics.median(b for _, b in pairs) * 1000:4.0f} ms  ratio {statistics.median(b / a for a, b in pairs):.2f}")

if __name__ == "__main__":
    main()
