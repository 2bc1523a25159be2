"""Batch review benchmark: 60 varied submissions, as a county's 法治办 receives them, checked
by `draftkit check FOLDER --table` (every core, a process pool), against the floor measured
in the same run: python-docx alone opening each .docx and reading its paragraphs (and
reading the .txt/.md as text), one after another. Prints the ratio (goal ≤ 1.5) and the
peak memory of the command and of its largest worker.

The submissions are real text: each starts with the opening of a real report of
../shared/realset (tune texts only; the held-out ones are not opened) and goes on with
paragraphs of the corpus's whole reports (../shared/corpus), chosen and cut differently for
each, so that lengths (about 2 to 20 thousand characters), headings and parts differ as
real ones do. 45 are .docx written by python-docx (headings in bold, some with the title
centred), 10 .txt (some in GB18030), 5 .md.

    python bench/batch.py [--keep FOLDER]
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
COUNT = 60


def tune_ids() -> list[str]:
    with open(ROOT / "tests" / "fixtures" / "realset" / "split.tsv", encoding="utf-8") as fh:
        return [row["id"] for row in csv.DictReader(fh, delimiter="\t") if row["split"] == "tune"]


def corpus_paragraphs() -> list[list[str]]:
    out = []
    for f in sorted((SHARED / "corpus").glob("*.txt")):
        lines = [line.strip() for line in f.read_text(encoding="utf-8").splitlines() if len(line.strip()) > 1]
        out.append(lines)
    return out


def submissions(rng: random.Random) -> list[tuple[str, list[str]]]:
    """60 (name, paragraphs): a real opening, then a varied run of real paragraphs."""
    ids = tune_ids()
    rng.shuffle(ids)
    bodies = corpus_paragraphs()
    out = []
    for n in range(COUNT):
        rid = ids[n % len(ids)]
        opening = [line for line in (SHARED / "realset" / "texts" / f"{rid}.txt").read_text(encoding="utf-8")
                   .splitlines() if line.strip()]
        body = bodies[n % len(bodies)]
        size = rng.choice((0, 10, 30, 60, 120, len(body)))  # some excerpts alone, some whole reports
        start = rng.randrange(0, max(1, len(body) - size)) if size < len(body) else 0
        paras = opening + body[start:start + size]
        if rng.random() < 0.3:  # a few paragraphs dropped, as an office's edit does
            paras = [p for p in paras if rng.random() > 0.1]
        out.append((f"{n + 1:02d}_{rid}", paras))
    return out


def write_docx(path: Path, paras: list[str], rng: random.Random) -> None:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    doc = Document()
    for i, text in enumerate(paras):
        p = doc.add_paragraph()
        run = p.add_run(text)
        if text[:2] in ("一、", "二、", "三、", "四、", "五、") or (i == 0 and rng.random() < 0.5):
            run.bold = True
        if i == 0 and rng.random() < 0.5:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    doc.save(str(path))


def build(folder: Path, seed: int = 2025) -> list[Path]:
    rng = random.Random(seed)
    files = []
    for n, (name, paras) in enumerate(submissions(rng)):
        sub = folder / ("乡镇" if n % 3 == 0 else "部门")  # a reviewer's folders: by kind of unit
        sub.mkdir(parents=True, exist_ok=True)
        if n % 12 == 5:
            f = sub / f"{name}.md"
            f.write_text("\n\n".join(("# " if i == 0 else "") + p for i, p in enumerate(paras)), encoding="utf-8")
        elif n % 6 == 2:
            f = sub / f"{name}.txt"
            f.write_bytes("\r\n".join(paras).encode("gb18030" if n % 12 == 2 else "utf-8"))
        else:
            f = sub / f"{name}.docx"
            write_docx(f, paras, rng)
        files.append(f)
    return files


def floor(files: list[Path]) -> float:
    """python-docx alone: open each .docx and read its paragraphs; the texts read as text."""
    import docx

    t = time.perf_counter()
    chars = 0
    for f in files:
        if f.suffix == ".docx":
            chars += sum(len(p.text) for p in docx.Document(str(f)).paragraphs)
        else:
            chars += len(f.read_bytes())
    return time.perf_counter() - t


def batch(folder: Path, table: Path) -> tuple[float, float, float]:
    """The whole command, timed; its peak memory and its largest child's (kB → MB)."""
    probe = ("import resource, subprocess, sys, time\n"
             "t = time.perf_counter()\n"
             "r = subprocess.run([sys.executable, '-m', 'draftkit', 'check', sys.argv[1], '--table', sys.argv[2]],"
             " stdout=subprocess.DEVNULL)\n"
             "w = time.perf_counter() - t\n"
             "print(w, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, r.returncode)\n")
    out = subprocess.run([sys.executable, "-c", probe, str(folder), str(table)], capture_output=True, text=True,
                         check=True).stdout.split()
    return float(out[0]), float(out[1]) / 1024, int(out[2])


def peak_of_workers(folder: Path) -> float:
    """The largest worker's peak (MB): the batch run in this process, its children counted."""
    from draftkit.app import check_batch

    check_batch([folder])
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--keep", type=Path, help="build the submissions in this folder and keep them")
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp) / "报送材料"
        files = build(folder)
        sizes = []
        for f in files:
            sizes.append(len(f.read_bytes()))
        kinds = {s: sum(1 for f in files if f.suffix == s) for s in (".docx", ".txt", ".md")}
        table = Path(tmp) / "汇总.xlsx"
        floors, walls = [], []
        for _ in range(args.rounds):  # taken in turn, so that both see the same load on the machine
            floors.append(floor(files))
            wall, peak, code = batch(folder, table)
            walls.append(wall)
        workers = peak_of_workers(folder)
    f, w = min(floors), min(walls)
    print(f"{len(files)} submissions ({', '.join(f'{n} {s}' for s, n in kinds.items())}), "
          f"{min(sizes) // 1024}–{max(sizes) // 1024} kB; {os.cpu_count()} cores")
    print(f"python-docx alone, opening them and reading their paragraphs: {f * 1000:.0f} ms (fastest of {len(floors)})")
    print(f"`draftkit check FOLDER --table 汇总.xlsx` (whole command, a pool of {os.cpu_count()}): "
          f"{w * 1000:.0f} ms (fastest of {len(walls)}), exit {code}")
    print(f"ratio: {w / f:.2f}× (goal ≤ 1.5×)")
    print(f"peak memory: the command {peak:.0f} MB at most a process; a worker at most {workers:.0f} MB")


if __name__ == "__main__":
    main()
