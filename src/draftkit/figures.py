"""Figures as text: numbers, rates and the 同比 comparison computed from two values.

Rounding rule: the 同比 percentage is (current − previous) / previous × 100, rounded
half-up to one decimal place, a trailing ``.0`` dropped (``40%``, ``13.3%``). A change
that rounds to 0.0 but is not zero reads ``不足0.1%``. Equal values read ``同比持平``.
No 同比 is stated when last year's value is missing or 0. For rates (unit ``%``) the
change is stated in 百分点, with the same rounding.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from draftkit.report.model import Figure

# Measure words that follow a count in these reports (件, 项, 人次 …), longest first in
# patterns so that 人次 is not read as 人. Used to find figures when mining and importing.
UNIT_WORDS = ("万人次 万余人次 人次 家次 场次 万元 亿元 学时 件 项 个 次 名 人 家 场 期 条 份 起 宗 元 户 卷 篇 所 处 批 类 部 支 套 天 "
              "余人次 多人次").split()


def unit_pattern() -> str:
    return "|".join(sorted(UNIT_WORDS, key=len, reverse=True))


def number(value: int | float | Decimal) -> str:
    """``6`` → ``6``; ``98.50`` → ``98.5``; never scientific notation or thousands separators."""
    d = Decimal(str(value))
    if d == d.to_integral_value():
        return str(d.quantize(Decimal(1)))
    text = format(d.normalize(), "f")
    return text


def _one_decimal(value: Decimal) -> str:
    return number(value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def yoy(current: int | float, previous: int | float | None, rate: bool = False) -> str:
    """The 同比 clause, or '' when none can be stated."""
    if previous is None:
        return ""
    cur, prev = Decimal(str(current)), Decimal(str(previous))
    if rate:
        diff = cur - prev
        if diff == 0:
            return "同比持平"
        word = "提高" if diff > 0 else "下降"
        amount = _one_decimal(abs(diff))
        if amount == "0":
            return f"同比{word}不足0.1个百分点"
        return f"同比{word}{amount}个百分点"
    if prev == 0:
        return ""
    if cur == prev:
        return "同比持平"
    change = (cur - prev) / prev * 100
    word = "增长" if change > 0 else "减少"
    amount = _one_decimal(abs(change))
    if amount == "0":
        return f"同比{word}不足0.1%"
    return f"同比{word}{amount}%"


def figure_text(fig: Figure) -> str:
    """``6件，同比减少40%``; ``98%，同比提高2个百分点``; ``6件`` when there is nothing to compare."""
    if fig.current is None:
        raise ValueError("figure has no current value")
    rate = fig.unit == "%"
    head = f"{number(fig.current)}{fig.unit}"
    clause = yoy(fig.current, fig.previous, rate=rate)
    return f"{head}，{clause}" if clause else head
