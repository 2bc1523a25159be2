"""Currency: formulations outdated for the report's year, and events after its date (C1xx, C201)."""

from __future__ import annotations

import re

from draftkit import currency
from draftkit.review.context import Ctx


def check_currency(ctx: Ctx) -> None:
    table = currency.table()
    year, date = ctx.doc.year, ctx.doc.date
    whole = "\n".join(ctx.norm)
    place = f"{ctx.doc.issuer}{ctx.doc.place}{ctx.doc.title}"
    for row in table.for_year(year, whole, place):
        for p in ctx.body():
            for m in row.matches(p.text):
                ctx.add(row.code, row.severity, f"“{m.group(0)}”在 {year} 年度的报告中已不是现行提法（{row.source}）",
                        p.index, row.suggest)
    if date:
        for ev in table.events:
            when = ev.date
            if when <= date:
                continue
            for p in ctx.body():
                m = re.search(ev.find, p.text)
                if m:
                    ctx.add("C201", "error", f"提到了成文日期（{date:%Y-%m-%d}）之后才有的“{m.group(0)}”（{when:%Y-%m-%d}）",
                            p.index)
