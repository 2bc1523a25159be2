"""Mining benchmark: the corpus replicated to 1×, 4× and 16× (16× ≥ 10 MB), mined in a
fresh process each time. Prints MB/s, the ratio of mining time to jieba's own
segmentation (jieba.lcut) of the same text measured in the same run (goal ≤ 1.5), the
growth with size (goal: linear) and peak memory (goal: bounded).

    python bench/mine.py [--corpus ../shared/corpus]
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BASE_COPIES = 9  # 1× ≈ 0.68 MB; 16× ≈ 10.8 MB

MINE = """
import json, resource, sys, time
from pathlib import Path
from draftkit.mining.labels import segment
segment("预热")  # jieba's dictionary load is start-up, kept out of both timings
from draftkit.mining.mine import mine
t = time.perf_counter()
r = mine([Path(sys.argv[1])])
dt = time.perf_counter() - t
print(json.dumps({"seconds": dt, "phrases": len(r.phrases), "files": r.files, "chars": r.chars,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

JIEBA = """
import json, resource, sys, time
from pathlib import Path
import jieba, logging
jieba.setLogLevel(logging.WARNING)
jieba.lcut("预热")
texts = [p.read_text(encoding="utf-8") for p in sorted(Path(sys.argv[1]).iterdir())]
t = time.perf_counter()
for text in texts:
    jieba.lcut(text)
dt = time.perf_counter() - t
print(json.dumps({"seconds": dt, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def replicate(corpus: Path, target: Path, copies: int) -> int:
    target.mkdir(parents=True)
    size = 0
    for i in range(copies):
        for f in sorted(corpus.glob("0*.txt")):
            dest = target / f"{i:04d}_{f.name}"
            shutil.copyfile(f, dest)
            size += dest.stat().st_size
    return size


def run(code: str, folder: Path) -> dict:
    out = subprocess.run([sys.executable, "-c", code, str(folder)], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        rows = []
        for factor in (1, 4, 16):
            folder = Path(tmp) / f"x{factor}"
            size = replicate(args.corpus, folder, BASE_COPIES * factor)
            m = run(MINE, folder)
            rows.append((factor, size, m))
            print(f"{factor:>2}×  {size / 1e6:5.2f} MB  {m['files']:>4} files  mine {m['seconds']:6.2f} s  "
                  f"{size / 1e6 / m['seconds']:5.2f} MB/s  peak {m['peak_mb']:6.0f} MB  {m['phrases']} phrases")
        j = run(JIEBA, folder)
        factor, size, m = rows[-1]
        print(f"jieba.lcut of the same {size / 1e6:.2f} MB: {j['seconds']:.2f} s "
              f"({size / 1e6 / j['seconds']:.2f} MB/s), peak {j['peak_mb']:.0f} MB")
        print(f"ratio mining / jieba.lcut at 16×: {m['seconds'] / j['seconds']:.2f} (goal <= 1.5)")
        t1 = rows[0][2]["seconds"]
        print("growth (time relative to 1×): " + ", ".join(f"{f}×: {r['seconds'] / t1:.1f}" for f, _, r in rows)
              + " (linear: 1, 4, 16)")


if __name__ == "__main__":
    main()
