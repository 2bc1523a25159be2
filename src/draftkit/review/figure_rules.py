"""Figures: 同比 that does not add up, rates over 100 %, one indicator with two values, placeholders (F0xx)."""

from __future__ import annotations

import re

from draftkit import figures as fg
from draftkit.review.context import Ctx

_PLACEHOLDERS = [
    (re.compile(r"\{[^{}\n]{1,20}\}"), "未填写的空位"),
    (re.compile(r"20[xX×＊*ｘＸ]{2}"), "未填写的年份"),
    (re.compile(r"[xXｘＸ×]{2,}"), "占位符"),
    (re.compile(r"[＊*]+"), "占位符"),
    (re.compile(r"_{3,}|＿{2,}"), "待填的横线"),
    (re.compile(r"某某|[（(]\s*[）)]|【\s*】"), "未填写的内容"),
]


def _pct(prev: float, cur: float) -> float:
    return abs(cur - prev) / prev * 100


def _tolerance(stated: str) -> float:
    decimals = len(stated.split(".")[1]) if "." in stated else 0
    return 0.5 * 10 ** -decimals + 1e-9


def check_figures(ctx: Ctx) -> None:
    rates: dict[str, list[tuple[str, int]]] = {}
    for p in ctx.body():
        t = p.text
        for change in fg.stated_changes(t):
            prev, cur, word, stated, where = change.previous, change.current, change.word, change.stated, change.where
            if prev <= 0:
                continue
            actual = _pct(prev, cur)
            up = cur > prev
            wrong_way = (up and fg.is_down(word)) or (not up and fg.is_up(word))
            if wrong_way or abs(actual - float(stated)) > _tolerance(stated):
                right = f"{'增长' if up else '减少'}{actual:.1f}%".replace(".0%", "%")
                ctx.add("F001", "error", f"同比数字不符：“{where}”按两个数算应为{right}", p.index, right)
        for m in fg.pattern("rate").finditer(t):
            name, value = m.group(1), m.group(2)
            if float(value) > 100:
                ctx.add("F002", "error", f"{name}为{value}%，比率不能超过100%", p.index)
            rates.setdefault(name[-5:], []).append((value, p.index))  # the indicator: up to 4 characters + 率
        for pattern, what in _PLACEHOLDERS:
            for m in pattern.finditer(ctx.raw(p.index)):
                ctx.add("F004", "error", f"{what}“{m.group(0)}”，请填写实际内容", p.index)
    for name, seen in rates.items():
        values = {v for v, _ in seen}
        if len(values) > 1:
            first = seen[0]
            for v, index in seen[1:]:
                if v != first[0]:
                    ctx.add("F003", "warning", f"“{name}”前后不一致：第{first[1]}段为{first[0]}%，这里为{v}%", index)
