"""Mining benchmark on text that varies as a province's reports do: copies of
../shared/corpus with every number changed, place names swapped, the sentences of each
paragraph and the clauses of each sentence shuffled (seeded, so each run mines the same
text). Identical copies would merge into one unit each and flatter the miner; these do not.

At each size (default 1, 4 and 16 MB; ``--sizes 1 4 16 64 180`` for the full range) it
runs, each in a fresh process, ``draftkit mine`` on the folder and a process that reads
the same files and segments them with jieba.lcut, and prints the wall time of both, the
miner's peak memory (the child's ru_maxrss), the ratio mine / jieba (goal <= 1.5 at every
size) and the mining time per MB (goal: constant within 20 %), both raw and net of the fixed
start cost (imports, jieba's dictionary, tables), which is measured first in the same run
by mining one small file (and segmenting it, for jieba's own fixed cost).

    python bench/mine.py [--sizes 1 4 16] [--corpus ../shared/corpus] [--seed 13] [--repeat 1]
"""

from __future__ import annotations

import argparse
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MB = 1_000_000

# Place names of the corpus and a pool of characters to make new ones from: every copy
# names other places, as every county's report does.
CORPUS_PLACES = re.compile(r"济宁|荣成|湖州|濮阳|驻马店|济阳|山东|浙江|河南")
NAME_CHARS = "青岚云川安宁东平西华南阳北海长乐永康新昌金城丰泽临江兴和广德嘉禾清河宝山文昌瑞昌景德吉安"
_NUMBER = re.compile(r"\d+")
_SENTENCE = re.compile(r"(?<=[。！？!?；;])")
_CLAUSE = re.compile(r"(?<=[，,])")

JIEBA = """
import logging, sys, time
from pathlib import Path
import jieba
jieba.setLogLevel(logging.WARNING)
for p in sorted(Path(sys.argv[1]).iterdir()):
    jieba.lcut(p.read_text(encoding="utf-8"))
"""


def vary(text: str, rng: random.Random) -> str:
    places: dict[str, str] = {}

    def place(m: re.Match) -> str:
        if m[0] not in places:
            places[m[0]] = "".join(rng.sample(NAME_CHARS, len(m[0])))
        return places[m[0]]

    def number(m: re.Match) -> str:
        s = m[0]
        if len(s) == 4 and s.startswith("20"):  # a year: a neighbouring one
            return str(int(s) + rng.randint(-3, 3))
        return str(rng.randint(10 ** (len(s) - 1) if len(s) > 1 else 0, 10 ** len(s) - 1))

    out = []
    for para in text.split("\n"):
        sentences = [_shuffle_clauses(s, rng) for s in _SENTENCE.split(para) if s]
        if len(sentences) > 2:
            rng.shuffle(sentences)
        out.append("".join(sentences))
    return _NUMBER.sub(number, CORPUS_PLACES.sub(place, "\n".join(out)))


def _shuffle_clauses(sentence: str, rng: random.Random) -> str:
    """The clauses of a sentence in another order (its end kept last): the same measures
    told in another order, so that no two copies share a whole sentence."""
    body, end = (sentence[:-1], sentence[-1]) if sentence[-1:] in "。！？!?；;" else (sentence, "")
    clauses = [c.rstrip("，,") for c in _CLAUSE.split(body) if c.rstrip("，,")]
    if len(clauses) > 2:
        rng.shuffle(clauses)
    return "，".join(clauses) + end


def build(corpus: Path, target: Path, size: int, seed: int) -> tuple[int, int]:
    """Varied copies of the corpus in ``target`` until ``size`` bytes; (bytes, files)."""
    target.mkdir(parents=True)
    sources = [(f.suffix, f.read_text(encoding="utf-8")) for f in sorted(corpus.glob("0*.txt"))]
    rng = random.Random(seed)
    written = files = 0
    while written < size:
        suffix, text = sources[files % len(sources)]
        data = vary(text, rng).encode("utf-8")
        (target / f"{files:06d}{suffix}").write_bytes(data)
        written += len(data)
        files += 1
    return written, files


def timed(argv: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of a child process."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{argv[:4]} failed ({proc.returncode}): {err[-2000:]}")
    return seconds, usage.ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=float, nargs="+", default=[1, 4, 16], help="MB of text, e.g. 1 4 16 64 180")
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--repeat", type=int, default=1,
                    help="runs of each command per size, best kept (the machine is shared: others' load only adds)")
    args = ap.parse_args()
    rows, nets = [], []
    with tempfile.TemporaryDirectory() as tmp:
        small = Path(tmp) / "small"
        small.mkdir()
        first = sorted(args.corpus.glob("0*.txt"))[0]
        lines = vary(first.read_text(encoding="utf-8"), random.Random(args.seed)).splitlines()
        (small / "small.txt").write_text("\n".join(lines[:40]) + "\n", encoding="utf-8")
        fixed = min(timed([sys.executable, "-m", "draftkit", "mine", str(small), "-o", str(Path(tmp) / "b0")])[0]
                    for _ in range(3))
        jieba_fixed = min(timed([sys.executable, "-c", JIEBA, str(small)])[0] for _ in range(3))
        print(f"fixed start cost (mining {(small / 'small.txt').stat().st_size / 1000:.0f} KB, best of 3): "
              f"mine {fixed:.2f} s, jieba {jieba_fixed:.2f} s")
        print(f"{'MB':>6} {'files':>6} {'mine s':>8} {'peak MB':>8} {'jieba s':>8} {'ratio':>6} {'s/MB':>6} "
              f"{'net s/MB':>9} {'jieba net':>9}")
        for size in args.sizes:
            folder = Path(tmp) / f"{size:g}MB"
            nbytes, nfiles = build(args.corpus, folder, int(size * MB), args.seed)
            runs = [timed([sys.executable, "-m", "draftkit", "mine", str(folder), "-o", str(Path(tmp) / "bank")])
                    for _ in range(args.repeat)]
            mine_s, peak = min(r[0] for r in runs), max(r[1] for r in runs)
            jieba_s = min(timed([sys.executable, "-c", JIEBA, str(folder)])[0] for _ in range(args.repeat))
            per_mb = mine_s / (nbytes / MB)
            net = (mine_s - fixed) / (nbytes / MB)
            rows.append(per_mb)
            nets.append(net)
            print(f"{nbytes / MB:6.1f} {nfiles:6d} {mine_s:8.1f} {peak:8.0f} {jieba_s:8.1f} {mine_s / jieba_s:6.2f} "
                  f"{per_mb:6.2f} {net:9.2f} {(jieba_s - jieba_fixed) / (nbytes / MB):9.2f}", flush=True)
            for p in folder.iterdir():
                p.unlink()
            folder.rmdir()
    if len(rows) > 1:
        print(f"time per MB, largest / smallest size: raw {rows[-1] / rows[0]:.2f}, net {nets[-1] / nets[0]:.2f}; "
              f"highest / lowest net {max(nets) / min(nets):.2f} (goal: within 0.8–1.2)")


if __name__ == "__main__":
    main()
