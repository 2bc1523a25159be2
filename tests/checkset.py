"""Scoring ``draftkit check`` on the labelled paragraphs of tests/fixtures/checkset: each
case becomes a one-paragraph report (its year, issuer and part, the plan it is answered
by, last year's plan), and each finding's code is mapped to the set's defect kinds."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from draftkit.reading.structure import from_blocks
from draftkit.reading.document import Document, read
from draftkit.review import check

CHECKSET = Path(__file__).parent / "fixtures" / "checkset"

# The set's defect kinds and the codes that report them.
KIND_CODES: dict[str, tuple[str, ...]] = {
    "level_mismatch": ("S007",),
    "yoy_midphrase": ("F005",),
    "yoy_approx": ("F006",),
    "number_no_unit": ("F007",),
    "year_no_nian": ("L010",),
    "broken_date": ("L009", "L008"),
    "part_exceeds_whole": ("F008",),
    "yoy_mismatch": ("F001",),
    "fragment": ("L011",),
    "stale_event": ("C202",),
    "stale_congress": ("C101", "C112"),
    "covid": ("C111",),
    "leader_absent": ("A005",),
    "placeholder": ("F004",),
    "shortcoming_no_cause": ("A001",),
    "plan_unanswered": ("A002",),
    "plan_copied": ("P003",),
}
CODE_KIND = {code: kind for kind, codes in KIND_CODES.items() for code in codes}


def load(name: str) -> list[dict]:
    return yaml.safe_load((CHECKSET / name).read_text(encoding="utf-8"))


def applies(kind: str, case: dict) -> bool:
    return {"plan_unanswered": "plan" in case, "plan_copied": "last_plan" in case,
            "leader_absent": case["part"] == "leadership",
            "shortcoming_no_cause": case["part"] == "shortcomings"}.get(kind, True)


def document(case: dict, tmp: Path) -> Document:
    year, issuer = case["year"], case["issuer"]
    title = f"{issuer}关于{year}年度法治政府建设情况的报告"
    blocks = [("title", title, ""), ("body", case["text"], case["part"])]
    blocks += [("body", item, "plan") for item in case.get("plan", [])]
    doc = from_blocks("case.txt", blocks)
    doc.year, doc.date, doc.issuer = year, dt.date(year + 1, 2, 15), issuer
    out = Document("case.txt", doc, [t for _, t, _ in blocks], [t for _, t, _ in blocks], [0] * len(blocks))
    if "last_plan" in case:
        last = tmp / f"{case['id']}-last.txt"
        last.write_text("\n".join([f"{issuer}关于{year - 1}年度法治政府建设情况的报告",
                                   f"四、{year}年推进法治政府建设的主要安排", *case["last_plan"]]), encoding="utf-8")
        out.last = last
    return out


@dataclass
class Score:
    tp: Counter = field(default_factory=Counter)
    fp: Counter = field(default_factory=Counter)
    fn: Counter = field(default_factory=Counter)
    wrong: list = field(default_factory=list)  # (case id, kind, 'fp'|'fn', messages)

    def family(self, kind: str) -> str:
        return KIND_CODES[kind][0][0]

    def by_family(self) -> dict[str, tuple[int, int, int]]:
        out: dict[str, list[int]] = {}
        for kind in KIND_CODES:
            f = out.setdefault(self.family(kind), [0, 0, 0])
            f[0] += self.tp[kind]
            f[1] += self.fp[kind]
            f[2] += self.fn[kind]
        return {k: tuple(v) for k, v in sorted(out.items())}

    def totals(self) -> tuple[int, int, int]:
        return sum(self.tp.values()), sum(self.fp.values()), sum(self.fn.values())


def score(cases: list[dict], tmp: Path) -> Score:
    s = Score()
    for case in cases:
        findings = check(document(case, tmp))
        kinds: dict[str, list[str]] = {}
        for f in findings:
            if f.code in CODE_KIND:
                kinds.setdefault(CODE_KIND[f.code], []).append(f.message)
        expect, allow = set(case.get("expect") or []), set(case.get("allow") or [])
        for kind in KIND_CODES:
            if not applies(kind, case):
                continue
            if kind in kinds and kind in expect:
                s.tp[kind] += 1
            elif kind in kinds and kind not in allow:
                s.fp[kind] += 1
                s.wrong.append((case["id"], kind, "fp", kinds[kind]))
            elif kind not in kinds and kind in expect:
                s.fn[kind] += 1
                s.wrong.append((case["id"], kind, "fn", case["text"]))
    return s


def ratio(a: int, b: int) -> float:
    return a / b if b else 1.0


def table(s: Score) -> str:
    lines = [f"{'family':8} {'tp':>4} {'fp':>4} {'fn':>4} {'precision':>9} {'recall':>7}"]
    for fam, (tp, fp, fn) in s.by_family().items():
        lines.append(f"{fam:8} {tp:4} {fp:4} {fn:4} {ratio(tp, tp + fp):9.0%} {ratio(tp, tp + fn):7.0%}")
    tp, fp, fn = s.totals()
    lines.append(f"{'all':8} {tp:4} {fp:4} {fn:4} {ratio(tp, tp + fp):9.0%} {ratio(tp, tp + fn):7.0%}")
    return "\n".join(lines)


def read_report(path: Path) -> Document:
    return read(path)
