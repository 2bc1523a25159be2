"""Currency: formulations outdated for the report's year, events after its date, earlier years' events
and the report's own year told as a span (C1xx, C201–C203)."""

from __future__ import annotations

import re

from draftkit import currency
from draftkit.punctuation import PIECE_END
from draftkit.review.context import Ctx, lazy


def check_currency(ctx: Ctx) -> None:
    table = currency.table()
    year, date = ctx.doc.year, ctx.doc.date
    whole = "\n".join(ctx.norm)
    place = f"{ctx.doc.issuer}{ctx.doc.place}{ctx.doc.title}"
    for row in table.for_year(year, whole, place):
        for p in ctx.body():
            found = list(row.matches(p.heading + p.text))
            if found:  # once a paragraph, however often it says it
                words = "、".join(dict.fromkeys(m.group(0) for m in found))
                times = f"（{len(found)} 处）" if len(found) > 1 else ""
                ctx.add(row.code, row.severity, f"“{words}”{times}在 {year} 年度的报告中已不是现行提法（{row.source}）",
                        p.index, row.suggest)
    if year:
        _earlier_years(ctx, year)
        _own_year_since(ctx, year)
    if date:
        for ev in table.events:
            when = ev.date
            if when <= date:
                continue
            for p in ctx.body():
                m = re.compile(ev.find).search(p.text)
                if m:
                    ctx.add("C201", "error", f"提到了成文日期（{date:%Y-%m-%d}）之后才有的“{m.group(0)}”（{when:%Y-%m-%d}）",
                            p.index)


# A sentence that opens on a month of an earlier year tells an event: 2023年4月，开展了…
_DATED = lazy(f"(?:^|(?<=[{PIECE_END}]))" r"(?:[一二三四五六七八九十]是)?(\d{4})年(?:(\d{1,2})月(?:\d{1,2}日)?|底|初|末|年底|年初|上半年|下半年)?"
                    r"(?:以来|起|至今|至)?([，,]?)")


def _earlier_years(ctx: Ctx, year: int) -> None:
    """Events of an earlier year told as this year's work in the measures part (C202)."""
    for p in ctx.body("measures"):
        for item in [p.text, *p.items]:
            for m in _DATED.finditer(item):
                said = int(m.group(1))
                if said < year and not re.compile(r"以来|起|至今|至").search(m.group(0)) and m.group(3):
                    ctx.add("C202", "warning", f"“{m.group(0).rstrip('，,')}”是 {said} 年的事，写在 {year} 年度的主要举措中",
                            p.index, f"删去，或改写为 {year} 年的工作")
                    break
            else:
                continue
            break


def _own_year_since(ctx: Ctx, year: int) -> None:
    """「2025年以来」 in the report on 2025: the report is on that year, not on a span (C203)."""
    pattern = re.compile(rf"(?<!\d){year}年以来")
    for p in ctx.body():
        m = pattern.search(p.heading + p.text)
        if m:
            ctx.add("C203", "warning", f"“{m.group(0)}”：报告写的就是 {year} 年，不必说“以来”", p.index,
                    f"改为“全年”或“{year}年”")
