"""Phrase bank load time: a synthetic bank of 50,000 entries (real entries varied, so
the file sizes are realistic), written with write_bank and loaded with Bank.load.
Prints the median load time and, for comparison in the same run, a plain json.loads of
every entry. Goal: ≤ 0.2 s for 50,000 units.

    python bench/bank.py [--units 50000]
"""

from __future__ import annotations

import argparse
import dataclasses
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--units", type=int, default=50000)
    n = ap.parse_args().units

    from draftkit.bank.phrasebank import Bank, Phrase, write_bank

    seed = list(Bank.load(ROOT / "phrasebank"))
    phrases = []
    for i in range(n):
        p = seed[i % len(seed)]
        phrases.append(dataclasses.replace(p, id=f"p-{i:010x}", text=f"{p.text}（{i}）"))
    with tempfile.TemporaryDirectory() as tmp:
        write_bank(Path(tmp), phrases)
        size = sum(f.stat().st_size for f in Path(tmp).glob("*.jsonl"))
        # Load in a fresh process, as the command does: nothing else on the heap.
        code = ("import sys, time, statistics; from pathlib import Path; from draftkit.bank.phrasebank import Bank\n"
                "ts = []\n"
                "for _ in range(7):\n"
                "    t = time.perf_counter(); b = Bank.load(Path(sys.argv[1])); ts.append(time.perf_counter() - t)\n"
                "    del b\n"
                "print(statistics.median(ts), min(ts), len(Bank.load(Path(sys.argv[1]))))")
        out = subprocess.run([sys.executable, "-c", code, tmp], capture_output=True, text=True, check=True)
        med, best, count = out.stdout.split()
        assert int(count) == n
        print(f"{n} entries, {size / 1e6:.1f} MB of JSON Lines: load {float(med) * 1000:.0f} ms median, "
              f"{float(best) * 1000:.0f} ms best of 7 (goal <= 200 ms)")
        # Baseline in the same run: json.loads of every line into a Phrase (the plain way).
        import json

        from draftkit.bank.phrasebank import Phrase

        times = []
        for _ in range(3):
            t = time.perf_counter()
            for f in sorted(Path(tmp).glob("*.jsonl")):
                lines = f.read_text(encoding="utf-8").splitlines()
                [Phrase(**d) for d in json.loads("[" + ",".join(lines) + "]")]
            times.append(time.perf_counter() - t)
        base = statistics.median(times)
        print(f"baseline, json.loads of every entry: {base * 1000:.0f} ms")


if __name__ == "__main__":
    main()
