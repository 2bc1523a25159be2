"""Against last year's report: its plan followed up, its shortcomings not repeated word for word (P0xx)."""

from __future__ import annotations


import re

from draftkit.punctuation import PIECE_END
from draftkit.reading.parsed import ParsedDoc
from draftkit.review.context import Ctx
from draftkit.review.substance_rules import bigrams

_CJK = "\u4e00-\u9fff"


def _plan_items(doc: ParsedDoc) -> list[tuple[str, str]]:
    """(lead, full text) of every item of a report's plan part. A paragraph before its first
    heading or numbered item is the part's opening (2019年，我市将高举……紧紧围绕……), not an item:
    what it says the items say (the cold reviewer's carried-002: P001 on the opening, whose
    item 八 is in this year's report)."""
    out = []
    paras = [p for p in doc.paras if p.part == "plan" and p.kind in ("body", "h2", "h3", "h4")]
    first = next((i for i, p in enumerate(paras) if p.kind != "body" or p.items), len(paras))
    for i, p in enumerate(paras):
        if i < first < len(paras):
            continue  # the opening
        texts = p.items or ([p.text] if p.text else [])
        if p.heading and not texts:
            texts = [p.heading]
        for t in texts:
            lead = re.compile(f"[{PIECE_END}]").split(t, maxsplit=1)[0]
            out.append((lead, t))
    return out


def _plain(text: str) -> str:
    return re.compile(rf"[^{_CJK}\dA-Za-z]").sub("", text)


def check_history(ctx: Ctx) -> None:
    last_path = ctx.document.last
    if last_path is None:
        return
    if not last_path.exists():
        ctx.add("P000", "note", f"找不到去年的报告 {last_path}，没有与去年比较")
        return
    from draftkit.reading.document import read

    last = read(last_path).doc
    this_text = "".join(p.heading + p.text for p in ctx.body() if p.part != "plan")
    this_grams = bigrams(this_text)
    sentences = [s for p in ctx.body() if p.part != "plan" for s in re.compile(f"[{PIECE_END}]").split(p.heading + "。" + p.text)
                 if len(s) >= 6]
    last_plan = _plan_items(last)
    for lead, full in last_plan:
        grams = bigrams(lead)
        if len(grams) >= 2 and len(grams & this_grams) < 0.6 * len(grams) and not _reported(full, sentences):
            ctx.add("P001", "warning", f"去年计划的“{lead[:30]}”在今年的报告中没有提到落实情况", 0,
                    "在主要举措中写明这项计划的完成情况")
    copied(ctx, [full for _, full in last_plan])
    short_last = []
    for p in last.paras:
        if p.part == "shortcomings" and p.kind in ("body", "h2"):
            short_last.extend(s for t in (p.items or [p.text]) for s in re.compile(f"[{PIECE_END}]").split(t) if len(_plain(s)) >= 10)
    for p in ctx.body("shortcomings"):
        plain = _plain(p.text)
        for s in short_last:
            if _plain(s) in plain:
                ctx.add("P002", "warning", f"这条不足与去年的报告一字不差：“{s[:24]}…”，说明问题一年没有变化", p.index)


_GENERIC_TOPICS = {"capacity", "grassroots", "supervision", "awareness"}


def _reported(plan_item: str, sentences: list[str]) -> bool:
    """A plan item reported as done in other words: a sentence of this year's report names
    an object of the same specific topic and shares a content word with the item."""
    from draftkit.review.meaning import vocabulary

    v = vocabulary()
    topics = v.topics(plan_item) - _GENERIC_TOPICS
    if not topics:
        return False
    grams = bigrams(plan_item)
    return any(v.topics(s) & topics and len(bigrams(s) & grams) >= 2 for s in sentences)


def _same_words(text: str) -> str:
    """A plan sentence less its years, numbering and punctuation: what a copy keeps."""
    return _plain(re.compile(r"\d{4}年?").sub("", text))


def copied(ctx: Ctx, last_items: list[str]) -> None:
    """This year's plan items copied from last year's plan word for word (P003)."""
    last = {_same_words(s) for t in last_items for s in re.compile(f"[{PIECE_END}]").split(t) if len(_plain(s)) >= 8}
    for p in ctx.body("plan"):
        same = [s for item in p.items or [p.text] for s in re.compile(f"[{PIECE_END}]").split(item)
                if len(_plain(s)) >= 8 and _same_words(s) in last]
        if same:  # once a paragraph
            ctx.add("P003", "warning", f"这条安排与去年的安排一字不差：“{same[0][:24]}…”", p.index,
                    "写出今年的新目标、新举措，或说明去年为何没有完成")
