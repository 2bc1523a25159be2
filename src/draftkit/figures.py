"""Figures as text, both ways: one grammar for writing a figure with its 同比 and for
reading figure phrases back (import, mining, check).

Rounding rule: the 同比 percentage is (current − previous) / previous × 100, rounded
half-up to one decimal place, a trailing ``.0`` dropped (``40%``, ``13.3%``). A change
that rounds to 0.0 but is not zero reads ``不足0.1%``. Equal values read ``同比持平``.
No 同比 is stated when last year's value is missing or 0. For rates (unit ``%``) the
change is stated in 百分点, with the same rounding.

Small counts take no percentage (data/yoy.yaml, which check's F009 reads too): where last
year's base is small (2 lost cases against 5) or the figure counts meetings or study
sessions (5 专题研究 against 4), the change is stated as a difference, ``比上年增加1次`` /
``比上年减少3件`` / ``与上年持平`` — a reviewer strikes ``同比增长25%`` on such numbers.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Iterator

from draftkit.punctuation import CLAUSE_END, PIECE_END
from draftkit.report.model import Figure

# Measure words that follow a count in these reports (件, 项, 人次 …), longest first in
# patterns so that 人次 is not read as 人.
MEASURE_WORDS = ("万人次 万余人次 人次 件次 家次 场次 户次 万元 亿元 学时 件 项 个 次 名 人 家 场 期 条 份 起 宗 元 户 卷 "
                 "篇 所 处 批 类 部 支 套 天 本 余人次 多人次").split()
# Words that make a number approximate: before it (近7200件) or between it and its measure
# word (3300余人). An approximate number never takes an exact 同比.
APPROX_BEFORE = ("将近", "接近", "大约", "超过", "近", "约", "逾", "超")
APPROX_AFTER = ("余", "多")
# A 同比 is written only where the figure ends a clause: before one of these, or at the end.
NUM = r"\d+(?:\.\d+)?"
UP = "增加|增长|上升|提高|提升"
DOWN = "减少|下降|降低"


def measure_word_pattern() -> str:
    return "|".join(sorted(MEASURE_WORDS, key=len, reverse=True))


# --- writing ---------------------------------------------------------------------------

def number(value: int | float | Decimal) -> str:
    """``6`` → ``6``; ``98.50`` → ``98.5``; never scientific notation or thousands separators."""
    d = Decimal(str(value))
    if d == d.to_integral_value():
        return str(d.quantize(Decimal(1)))
    return format(d.normalize(), "f")


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


CONTEXT = 400  # characters either side of a slot or a figure that its wording looks at; a sentence is some 100


def around(text: str, start: int, end: int) -> tuple[str, str]:
    """The text before ``start`` and after ``end`` that the wording of a figure standing
    there depends on (its clause and sentence), up to CONTEXT characters each way: a
    paragraph of a megabyte is not copied once for every figure in it."""
    return text[max(0, start - CONTEXT):start], text[end:end + CONTEXT]


def figure_text(fig: Figure, before: str = "", after: str = "") -> str:
    """``6件，同比减少40%``; ``98%，同比提高2个百分点``; ``6件`` when there is nothing to compare.

    ``before`` and ``after`` are the words around the figure in its sentence: a 同比 is
    written only where the figure may take one (``may_compare``), and an approximate unit
    (余人, 多家) keeps its 余/多 only on a round number (3300余人, not 3465余人)."""
    if fig.current is None:
        raise ValueError("figure has no current value")
    rate = fig.unit == "%"
    unit = fig.unit
    if approximate_unit(unit) and not _round(fig.current):
        unit = unit[1:]  # an exact number typed for an approximate one: say it exactly
    head = f"{number(fig.current)}{unit}"
    if not may_compare(fig.unit, before, after):
        return head
    if fig.previous and not rate and small_count(fig.current, fig.previous, fig.unit, before):
        return f"{head}，{difference(fig.current, fig.previous, unit)}"
    clause = yoy(fig.current, fig.previous, rate=rate)
    return f"{head}，{clause}" if clause else head


@functools.lru_cache(maxsize=1)
def _small_counts() -> dict:
    from draftkit.resources import data_file

    table = data_file("yoy.yaml")
    table["session_re"] = re.compile(table["session_words"])
    return table


def small_count(current: int | float, base: int | float, unit: str, before: str = "") -> bool:
    """Whether a count is compared with last year's by its difference, not a 同比 percentage:
    a base under ``base_under``, or a count of meetings and sessions (``session_units``, the
    clause before it saying ``session_words``) under ``session_under`` (data/yoy.yaml)."""
    t = _small_counts()
    clause = re.compile(f"[{CLAUSE_END}]").split(before)[-1]
    return base < t["base_under"] - 0.5 or (unit in t["session_units"] and current < t["session_under"]
                                             and bool(t["session_re"].search(clause)))


def difference(current: int | float, previous: int | float, unit: str) -> str:
    """``比上年增加1次``, ``比上年减少3件``, ``与上年持平``: a small count against last year's."""
    diff = Decimal(str(current)) - Decimal(str(previous))
    if diff == 0:
        return "与上年持平"
    return f"比上年{'增加' if diff > 0 else '减少'}{number(_num(str(abs(diff))))}{unit}"


def approximate_unit(unit: str) -> bool:
    """``余人``, ``多家``: the number before it is approximate."""
    return unit[:1] in APPROX_AFTER and len(unit) > 1


def _round(value: int | float) -> bool:
    """A number an approximation is said of: 10, 20, 120, 3300 — not 12, 21, 3390, 3465."""
    d = Decimal(str(value))
    if d != d.to_integral_value() or d < 10 or d % 10:
        return False
    return len(str(int(d)).rstrip("0")) <= 2


_CHANGE_TO = re.compile(rf"(?:{UP}|{DOWN})(?:到|至)$")


def may_compare(unit: str, before: str = "", after: str = "") -> bool:
    """Whether a figure may carry a 同比 where it stands: a quantity with its measure word
    (or a rate), exact, ending a clause, not the end point of a stated change (由A增加到B),
    not a part of a total (其中…), and not already followed by a 同比 of its own."""
    if not unit or approximate_unit(unit):
        return False
    if before.endswith(APPROX_BEFORE) or _CHANGE_TO.search(before):
        return False
    if "其中" in re.compile(f"[{PIECE_END}]").split(before)[-1]:
        return False
    if re.compile(r"[，,]?(?:同比|比上年|较上年)").match(after):
        return False
    return after == "" or after[0] in CLAUSE_END


# --- reading ---------------------------------------------------------------------------

class Patterns(dict):
    """Regular expressions by name, each compiled the first time it is used (a command
    pays only for the patterns it needs)."""

    def __getitem__(self, name: str) -> re.Pattern:
        value = super().__getitem__(name)
        if isinstance(value, str):
            value = re.compile(value)
            self[name] = value
        return value


@functools.lru_cache(maxsize=1)
def _patterns() -> "Patterns":
    units = measure_word_pattern()
    return Patterns({
        # A figure as draftkit writes it: 6件 / 6件，同比减少40% / 98%，同比提高2个百分点.
        "written": (rf"(?<![\d.{{])({NUM})(%|(?:余|多)?(?:{units}))(?:，同比(?:(持平)|(增长|减少|提高|下降)({NUM})(%|个百分点)|"
            rf"(增长|减少|提高|下降)不足0\.1(%|个百分点))|，比上年(增加|减少)({NUM})\2|，(与上年持平))?"),
        # A count with its 同比 in any common wording (what the miner turns into one slot).
        "with_yoy": (rf"(?<![\d.])({NUM})({units})(余|多)?，?同比(增长|增加|上升|提高|减少|下降|降低)({NUM})(%|个百分点)"),
        # Two slots of one stated change, 由{a}增加到{b}: {a} is the baseline, not a figure of its own.
        "from_to_slots": (rf"(由|从)\{{(\w+)\}}((?:{UP}|{DOWN})(?:到|至))\{{(\w+)\}}"),
        # Three ways reports state a change with both numbers, for checking the percentage.
        "from_to": (rf"由({NUM})([^\d，。、；]{{0,4}}?)(?:{UP}|{DOWN}|压减|压缩|精简|缩减|扩大)(?:到|至)({NUM})\2?[，,]?(?:同比)?"
                              rf"({UP}|{DOWN})({NUM})(%|个百分点)"),
        "with_prev": (rf"(?<![\d.])({NUM})([^\d，。、；（]{{0,4}}?)[，,]?同比({UP}|{DOWN})({NUM})%[（(]上年(?:同期)?(?:为)?({NUM})"),
        "with_diff": (rf"(?<![\d.])({NUM})([^\d，。、；]{{0,4}}?)[，,](?:比上年|较上年|同比)({UP}|{DOWN})({NUM})\2?[，,](?:同比)?({UP}|{DOWN})({NUM})%"),
        "rate": (rf"([\u4e00-\u9fff]{{1,8}}率)(?:为|达|达到|保持在|是|均为)?({NUM})%"),
    })


def pattern(name: str) -> re.Pattern:
    """One of the grammar's patterns: written, with_yoy, from_to_slots, from_to, with_prev,
    with_diff, rate."""
    return _patterns()[name]


def _num(text: str) -> int | float:
    d = Decimal(text)
    return int(d) if d == d.to_integral_value() else float(d)


def _previous(cur: Decimal, word: str, amount: str, unit: str) -> int | float | None:
    """Last year's value that gives the stated 同比, or None when none does."""
    if unit == "%":
        prev = cur - Decimal(amount) if word in ("提高", "增长") else cur + Decimal(amount)
        return _num(str(prev))
    pct = Decimal(amount) / 100
    guess = cur / (1 + pct) if word in ("增长", "提高") else cur / (1 - pct) if pct < 1 else None
    if guess is None:
        return None
    stated = f"同比{word}{amount}%"
    base = int(guess)
    for cand in sorted({base - 1, base, base + 1, base + 2}, key=lambda c: abs(Decimal(c) - guess)):
        if cand > 0 and yoy(_num(str(cur)), cand) == stated:
            return cand
    return None


@dataclass(frozen=True)
class Found:
    """A figure phrase found in text, read back into a Figure that writes it the same way."""

    start: int
    end: int
    figure: Figure


def find_written(text: str) -> Iterator[Found]:
    """Figure phrases as draftkit writes them, each read back exactly: ``6件，同比减少40%``
    → current 6, previous 10, unit 件. A 同比 that no previous value gives, or that stands
    where draftkit would not write one (after an approximate number, before the noun it
    counts), stays text: only the figure is read."""
    for m in pattern("written").finditer(text):
        cur_s, unit = m.group(1), m.group(2)
        fig = Figure(_num(cur_s), None, unit)
        bare_end = m.start(2) + len(unit)
        before, after = around(text, m.start(), m.end())
        if m.end() > bare_end and not may_compare(unit, before, after):
            if figure_text(fig, before, around(text, m.start(), bare_end)[1]) == text[m.start():bare_end]:
                yield Found(m.start(), bare_end, fig)
            continue
        if m.group(3):  # 同比持平
            fig.previous = fig.current
        elif m.group(4):
            fig.previous = _previous(Decimal(cur_s), m.group(4), m.group(5), unit)
            if fig.previous is None:
                continue
        elif m.group(7):
            continue  # 不足0.1%: the previous value cannot be recovered
        elif m.group(11):  # 与上年持平
            fig.previous = fig.current
        elif m.group(9):  # 比上年增加N件
            diff = Decimal(m.group(10))
            fig.previous = _num(str(Decimal(cur_s) - diff if m.group(9) == "增加" else Decimal(cur_s) + diff))
        written = figure_text(fig, before, after)
        if written == m.group(0) or (m.group(3) or m.group(4)) and written.startswith(text[m.start():bare_end] + "，比上年"):
            yield Found(m.start(), m.end(), fig)  # a 同比 on small counts is read; draftkit writes it as 比上年…


_BARE = re.compile(rf"(?<![\d.{{])({NUM})(?![\d.]|\s*(?:%|％|个百分点|年|月|日|号|时|分))")


def own_figures(text: str) -> list[tuple[int, int, int | float, str]]:
    """The numbers of a sentence someone typed, each with its measure word or ``''`` when it
    has none: ``受理案件386件，其中…`` → [(start, end, 386, '件')]. Numbers in quotation
    marks (“12345”热线), years and dates are not figures; ``98%`` is a rate."""
    quoted = [(m.start(), m.end()) for m in re.compile(r"“[^”]*”|《[^》]*》").finditer(text)]
    out: list[tuple[int, int, int | float, str]] = []
    taken: list[tuple[int, int]] = []
    for m in pattern("written").finditer(text):
        if m.group(0) != m.group(1) + m.group(2) or any(a <= m.start() < b for a, b in quoted):
            continue
        out.append((m.start(), m.end(), _num(m.group(1)), m.group(2)))
        taken.append((m.start(), m.end()))
    for m in _BARE.finditer(text):
        if any(a <= m.start() < b for a, b in quoted + taken):
            continue
        out.append((m.start(), m.end(), _num(m.group(1)), ""))
    return sorted(out)


@dataclass(frozen=True)
class StatedChange:
    """Two numbers and the 同比 stated between them, as a report wrote it."""

    previous: float
    current: float
    word: str
    stated: str
    where: str
    points: bool = False  # stated in 个百分点: the difference of two rates


def stated_changes(text: str) -> list[StatedChange]:
    out = []
    for m in pattern("from_to").finditer(text):
        points = m.group(6) == "个百分点"
        if points and m.group(2) != "%":
            continue
        out.append(StatedChange(float(m.group(1)), float(m.group(3)), m.group(4), m.group(5), m.group(0), points))
    for m in pattern("with_prev").finditer(text):
        out.append(StatedChange(float(m.group(5)), float(m.group(1)), m.group(3), m.group(4), m.group(0)))
    for m in pattern("with_diff").finditer(text):
        cur, diff = float(m.group(1)), float(m.group(4))
        prev = cur - diff if re.compile(UP).fullmatch(m.group(3)) else cur + diff
        out.append(StatedChange(prev, cur, m.group(5), m.group(6), m.group(0)))
    return out


def is_up(word: str) -> bool:
    return bool(re.compile(UP).fullmatch(word))


def is_down(word: str) -> bool:
    return bool(re.compile(DOWN).fullmatch(word))
