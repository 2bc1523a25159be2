"""Chinese formatting used by the templates: numerals, dates, 一是…二是… enumerations."""

from __future__ import annotations

import datetime as dt

from draftkit.punctuation import PIECE_END

_DIGITS = "零一二三四五六七八九"
_TERMINAL = PIECE_END + "…："  # a lead-in ending in ： takes no full stop


def cn_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九 (the numbering of 一、 and （一）)."""
    if not 1 <= n <= 99:
        raise ValueError(f"cannot number {n} in Chinese numerals")
    tens, ones = divmod(n, 10)
    if tens == 0:
        return _DIGITS[ones]
    head = "" if tens == 1 else _DIGITS[tens]
    return head + "十" + (_DIGITS[ones] if ones else "")


def date_cn(d: dt.date) -> str:
    """GB/T 9704 成文日期: Arabic numerals, full year, no padding: ``2026年1月10日``."""
    return f"{d.year}年{d.month}月{d.day}日"


def enumerate_items(items: list[str]) -> str:
    """``一是…。二是…。`` from a list; short items without a full stop are joined with ``；``."""
    if not items:
        return ""
    if len(items) == 1:
        return _close(items[0])
    if any(_body(it)[-1:] in _TERMINAL for it in items):
        return "".join(f"{cn_number(i)}是{_close(it)}" for i, it in enumerate(items, 1))
    body = "；".join(f"{cn_number(i)}是{it.rstrip('，,')}" for i, it in enumerate(items, 1))
    return body + "。"


def _body(text: str) -> str:
    """The item less a draft's trailing 【待写：…】 note: its own last character decides."""
    from draftkit.slots import without_to_write

    return without_to_write(text).rstrip() if "【待写" in text else text.rstrip()


def _close(text: str) -> str:
    text = text.rstrip()
    body = _body(text)
    if body != text:  # a draft's note follows: the sentence before it takes the stop
        return text if body[-1:] in _TERMINAL else text.replace(body, _close(body), 1) if body else text
    if text[-1:] in "；，,;":
        text = text[:-1]
    return text if text[-1:] in _TERMINAL else text + "。"


def ensure_stop(text: str) -> str:
    """A paragraph ends with terminal punctuation."""
    return _close(text) if text else text
