"""Sizes: a report that is one long paragraph (a web page pasted without its breaks) is
checked, imported and rendered in time that grows with its length, not with its square.
Measured as a ratio — the same work on twice the text, in this process, best of three, in
the process's own CPU time (not wall time, which waiting for a core on a busy machine
moves) — so that a slow or busy machine does not decide it: linear work takes about twice as
long, the quadratic work this guards against (a rate's indicator read from the text
before it, a figure's wording from a copy of the paragraph up to it, each paragraph of a
line that holds several headings looking at the whole line, every sentence of an
imported item given all the item's figures) took four times as long.
bench/sizes.py prints the same ratios, and seconds, for 1, 2 and 4 MB."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hostile_inputs import long_paragraph, report_txt

CHARS = 170_000  # about half a megabyte of UTF-8; twice that is measured against it
RENDER_CHARS = 100_000  # a rendered report is at most a million characters (render/limits.py)
MOST = 3.2  # linear is about 2; quadratic is 4 (a busy machine moves single runs by half)


def report_with(chars: int) -> str:
    lines = report_txt().splitlines()
    return "\n".join(lines[:3]) + "\n" + long_paragraph(chars) + "\n" + "\n".join(lines[3:]) + "\n"


def headed_line(chars: int) -> str:
    """A report whose body is one line holding many headings (一、… （一）… 一是…)."""
    lines = report_txt().splitlines()
    body, n = [], 0
    while sum(map(len, body)) < chars:
        n += 1
        body.append(f"（{'一二三四五六七八九'[n % 9]}）深化依法行政第{n}项工作。{long_paragraph(600, seed=n)}")
    return "\n".join(lines[:3]) + "\n" + "".join(body) + "\n" + "\n".join(lines[3:]) + "\n"


def slots_item(chars: int) -> str:
    item = "".join(f"办理案件{{n}}，{{year}}年第{i}批。" for i in range(chars // 20))  # some 20 characters each
    return ("issuer: {name: 测试县人民政府, level: 县区}\nyear: 2025\ndate: 2026-02-10\nparts:\n"
            f'  measures: {{items: [{{text: "{item}", values: {{n: {{current: 6, previous: 10, unit: 件}}}}}}]}}\n'
            "  shortcomings: {items: [还有不足]}\n  leadership: {items: [履行了职责]}\n  plan: {items: [继续努力]}\n")


def _check(path: Path) -> None:
    from draftkit.review import check_file

    assert check_file(path)


def _import(path: Path) -> None:
    """What `draftkit import` does: read, carry forward to next year's draft, write YAML."""
    from draftkit.continuity.importer import read_report
    from draftkit.continuity.rollover import carry_forward
    from draftkit.report.datafile import dump

    assert dump(carry_forward(read_report(path, force=True)[0])[0])


def _render(path: Path) -> None:
    from draftkit.render.pipeline import report_blocks
    from draftkit.report.loader import load_report

    assert report_blocks(load_report(path))


WORK = {
    "check-one-paragraph": (report_with, ".txt", _check, CHARS),
    "check-headings-in-one-line": (headed_line, ".txt", _check, CHARS),
    "import-one-paragraph": (report_with, ".txt", _import, CHARS),
    "render-item-of-many-slots": (slots_item, ".yaml", _render, RENDER_CHARS),
}


def _seconds(work, path: Path) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        work(path)
        best = min(best, time.process_time() - start)
    return best


@pytest.mark.parametrize("name", list(WORK))
def test_time_grows_linearly(name: str, tmp_path: Path):
    make, suffix, work, size = WORK[name]
    paths = []
    for chars in (size, 2 * size):
        path = tmp_path / f"r{chars}{suffix}"
        path.write_text(make(chars), encoding="utf-8")
        paths.append(path)
    work(paths[0])  # warm: tables, patterns, the phrase bank
    small, big = (_seconds(work, p) for p in paths)
    assert big / small < MOST, f"{name}: {small:.2f} s for {size:,} characters, {big:.2f} s for twice as many"
