"""Against last year's report: its plan followed up, its shortcomings not repeated word for word (P0xx)."""

from __future__ import annotations

import re

from draftkit.mining.structure import ParsedDoc
from draftkit.review.context import Ctx
from draftkit.review.substance_rules import bigrams

_CJK = "\u4e00-\u9fff"


def _plan_items(doc: ParsedDoc) -> list[tuple[str, str]]:
    """(lead, full text) of every item of a report's plan part."""
    out = []
    for p in doc.paras:
        if p.part != "plan" or p.kind not in ("body", "h2", "h3", "h4"):
            continue
        texts = p.items or ([p.text] if p.text else [])
        if p.heading and not texts:
            texts = [p.heading]
        for t in texts:
            lead = re.split(r"[。；！？]", t, maxsplit=1)[0]
            out.append((lead, t))
    return out


def _plain(text: str) -> str:
    return re.sub(rf"[^{_CJK}\dA-Za-z]", "", text)


def check_history(ctx: Ctx) -> None:
    last_path = ctx.document.last
    if last_path is None:
        return
    if not last_path.exists():
        ctx.add("P000", "note", f"找不到去年的报告 {last_path}，没有与去年比较")
        return
    from draftkit.reading import read

    last = read(last_path).doc
    this_text = "".join(p.text for p in ctx.body() if p.part != "plan")
    this_grams = bigrams(this_text)
    for lead, _ in _plan_items(last):
        grams = bigrams(lead)
        if len(grams) >= 2 and len(grams & this_grams) < 0.6 * len(grams):
            ctx.add("P001", "warning", f"去年计划的“{lead[:30]}”在今年的报告中没有提到落实情况")
    short_last = []
    for p in last.paras:
        if p.part == "shortcomings" and p.kind in ("body", "h2"):
            short_last.extend(s for t in (p.items or [p.text]) for s in re.split(r"[。！？；]", t) if len(_plain(s)) >= 10)
    for p in ctx.body("shortcomings"):
        plain = _plain(p.text)
        for s in short_last:
            if _plain(s) in plain:
                ctx.add("P002", "warning", f"这条不足与去年的报告一字不差：“{s[:24]}…”，说明问题一年没有变化", p.index)
