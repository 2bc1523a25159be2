"""Answers checked as they are typed: each validator returns True or the message to show.
Every question accepts ``<`` at the end of the answer to go back one step."""

from __future__ import annotations

import re

import datetime as dt
from typing import Any, Callable

from draftkit.punctuation import CLAUSE_END

BACK = "<"


class Back(Exception):
    """The user asked to go back one step."""


def in_turn(steps: list[Callable[[dict], Any]], answers: dict | None = None, begin: int = 0,
            after: Callable[[dict], None] | None = None) -> dict:
    """Ask a run of questions in turn, each step putting its answer in the dict it is
    given: ``<`` at a question goes back to the one before (whose answer stays in the dict,
    to be prefilled), and at the first out to the caller. ``answers`` and ``begin``: a run
    taken up where it stopped; ``after(answers)`` once each question is answered."""
    answers = {} if answers is None else answers
    i = begin
    while i < len(steps):
        try:
            steps[i](answers)
        except Back:
            if i == 0:
                raise
            i -= 1
            continue
        i += 1
        if after is not None:
            after(answers)
    return answers


def is_back(text: str) -> bool:
    """``<`` typed at the end of the answer: a default already in the line need not be erased."""
    return text.strip().endswith(BACK)


def v_required(text: str) -> bool | str:
    return True if is_back(text) or text.strip() else "不能为空"


def v_sentence(text: str) -> bool | str:
    """A whole sentence: not empty, not a bare lead-in such as “原因是”."""
    if is_back(text):
        return True
    bare = re.compile(rf"[\s{CLAUSE_END}、：,.;:]").sub("", text)
    if not bare:
        return "不能为空"
    if re.compile(r"(?:主要)?原因(?:是|在于)?|已?部分完成|已完成|尚未完成|无|没有").fullmatch(bare) or len(bare) < 4:
        return "请写成完整的一句话"
    return True


def v_year(text: str) -> bool | str:
    if is_back(text):
        return True
    return True if re.compile(r"\s*(19|20)\d{2}\s*年?\s*").fullmatch(text) else "请输入四位年份，如 2025 或 2025年"


def to_year(text: str) -> int:
    """``2021`` or ``2021年`` → 2021."""
    return int(re.compile(r"\d{4}").search(text).group(0))


def v_int(text: str) -> bool | str:
    if is_back(text):
        return True
    return True if re.compile(r"\s*\d+\s*").fullmatch(text) else "请输入整数，如 12"


def _plain(text: str) -> str:
    """A typed number as Python reads it: full-width digits and signs made half-width
    (２８％ → 28%), spaces dropped."""
    import unicodedata

    return "".join(unicodedata.normalize("NFKC", text).split())


def v_number(text: str, optional: bool = False) -> bool | str:
    if is_back(text) or (optional and not text.strip()):
        return True
    return True if re.compile(r"\d+(\.\d+)?").fullmatch(_plain(text)) else "请输入数字，如 12 或 3.5"


def v_percent(text: str, optional: bool = False) -> bool | str:
    """A rate: 28, 28% or 28.5％ (the % may be typed or not), at most 100."""
    if is_back(text) or (optional and not text.strip()):
        return True
    plain = _plain(text).removesuffix("%")
    if not re.compile(r"\d+(\.\d+)?").fullmatch(plain):
        return "请输入百分率，如 95 或 95%"
    return True if float(plain) <= 100 else "百分率应在 0 到 100 之间"


def v_unit(text: str) -> bool | str:
    """A measure word: 件, 人次, 场次, 万元 … — not a number, not a sentence."""
    if is_back(text):
        return True
    plain = text.strip()
    if not plain:
        return "不能为空"
    if re.compile(r"[\d０-９.%％]").search(plain):
        return "这里写单位（量词），如 件、人次、场次，不写数字"
    if len(plain) > 4 or re.compile(r"[，。；、：！？,.;:\s]").search(plain):
        return "单位应为一两个字的量词，如 件、人次、场次"
    return True


def parse_date(text: str) -> dt.date | None:
    from draftkit.report.loader import (
        parse_date as parse,  # lazily: yaml is not needed for the first question
    )

    return parse(text)


def v_date_for(year: int) -> Callable[[str], bool | str]:
    def check(text: str) -> bool | str:
        if is_back(text):
            return True
        d = parse_date(text)
        if d is None:
            from draftkit.report.yamlnodes import no_such_date

            return no_such_date(text) or "请输入日期，如 2026-02-10 或 2026年2月10日"
        if d <= dt.date(year, 12, 31):
            return f"成文日期应在 {year} 年结束之后"
        if d > dt.date(year + 1, 12, 31):
            return f"成文日期不应晚于 {year + 1} 年底"
        return True

    return check


def to_number(text: str) -> int | float:
    v = float(_plain(text).removesuffix("%"))
    return int(v) if v.is_integer() else v


def v_leader(text: str) -> bool | str:
    """The principal leader's title: 县长, 局长, 党组书记、局长 …"""
    from draftkit.levels import leader_problem

    return True if is_back(text) else (leader_problem(text) or True)
