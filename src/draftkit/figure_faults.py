"""Figure phrases a reviewer sends back, read with the grammar of figures.py: a 同比 inside
a phrase or after an approximate figure, counts without a measure word, parts of a total that
add up to more than it, years run together with what follows, dates not in the calendar."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from draftkit.figures import APPROX_AFTER, APPROX_BEFORE, DOWN, NUM, UP, Patterns, measure_word_pattern
from draftkit.punctuation import CLAUSE_END, PIECE_END

@functools.lru_cache(maxsize=1)
def _review_patterns() -> Patterns:
    units = measure_word_pattern()
    approx_before = "|".join(APPROX_BEFORE)
    return Patterns({
        # A number, its measure word (with 余/多) and the 同比 stated for it, wherever it stands.
        "yoy": (rf"({approx_before})?(?<![\d.])({NUM})(余|多)?({units})?(余|多)?[，,]?同比"
                          rf"(?:(持平)|({UP}|{DOWN})({NUM})(%|个百分点|{units}))"),
        # The last figure before a 同比 in its sentence, approximate or not.
        "token": (rf"(?:({approx_before}))?(?<![\d.])({NUM})[万亿]?(余|多)?|(上万|上千|上百|数万|数千|数百|成千上万)"),
        "yoy_word": (rf"同比(?:分别)?(?:{UP}|{DOWN})"),
        "counted": (rf"(?<![\d.])({NUM})(余|多)?({units})"),
        "parts": (r"其中"),
        # A count with no measure word: 法律援助案件386，
        "bare": (r"(?<=[\u4e00-\u9fff])(?<![第共计达为约近逾超至到由从和与及、号])(\d{2,})(?=[，。；、])"),
        # A year run together with what follows: 20204月, 2021128日, 202120232025年.
        "broken_date": (r"(?<![\d.])((?:19|20)\d{3,})(年|月|日)"),
        # A year without 年: 2021以来.
        "bare_year": (r"(?<![\d.\-—－–~～])((?:19|20)\d{2})(以来|至今|起|底|初|期间|以前|之前|以后|之后|上半年|下半年|全年|相比|同期)"),
        "date": (r"(?<![\d.])(\d{4})年(\d{1,2})月(?:(\d{1,2})日)?"),
    })


@dataclass(frozen=True)
class Yoy:
    """A 同比 stated after a number: where it stands and whether the number may carry it."""

    start: int
    end: int
    number: str
    unit: str
    approximate: bool  # 3465余人，同比…, 近7200件，同比…
    after: str  # the text right after the 同比 clause


def yoy_phrases(text: str) -> list[Yoy]:
    out = []
    for m in _review_patterns()["yoy"].finditer(text):
        unit = f"{m.group(3) or ''}{m.group(4) or ''}{m.group(5) or ''}"
        approx = bool(m.group(1) or m.group(3) or m.group(5))
        out.append(Yoy(m.start(), m.end(), m.group(2), unit, approx, text[m.end():m.end() + 8]))
    return out


def yoy_mid_phrase(y: Yoy) -> bool:
    """A 同比 clause followed by more of the same phrase (组织19个，同比增长11.8%执法部门)."""
    after = y.after
    if not after or after[0] in CLAUSE_END + "（()）”、：":
        return False
    return not re.compile(r"(?:以上|以下|左右|以内|多|的|，|和|及|与|或|；|分别)").match(after)


@dataclass(frozen=True)
class PartsOfTotal:
    """A total and the parts a sentence lists after 其中, in the same measure word."""

    total: float
    parts: tuple[float, ...]
    unit: str
    where: str


def parts_over_total(text: str) -> list[PartsOfTotal]:
    """Totals whose parts (其中民事1298件、刑事665件) add up to more than the total."""
    out = []
    counted = _review_patterns()["counted"]
    for sentence in re.compile(f"[{PIECE_END}]").split(text):
        k = sentence.find("其中")
        if k < 0:
            continue
        head = [m for m in counted.finditer(sentence[:k]) if not m.group(2)]
        tail = sentence[k + 2:]
        if k and sentence[k - 1] in "（(":  # （其中48项…）: the parts end with the bracket
            tail = re.compile(r"[）)]").split(tail, maxsplit=1)[0]
        tail = re.compile(r"[，,](?:同比|比上年|较上年|占|累计|共|总|全年)").split(tail)[0]
        parts = [m for m in counted.finditer(tail) if not m.group(2)]
        if not head or not parts:
            continue
        total = head[-1]
        unit = total.group(3)
        same = [float(m.group(1)) for m in parts if m.group(3) == unit]
        if same and sum(same) > float(total.group(1)) + 1e-9:
            out.append(PartsOfTotal(float(total.group(1)), tuple(same), unit, sentence[total.start():].strip()))
    return out


def bare_numbers(text: str) -> list[re.Match]:
    """Counts with no measure word before a comma or full stop (法律援助案件386，); not years."""
    out = []
    opened = closed = at = 0  # quotation marks before the number, counted on from the one before
    for m in _review_patterns()["bare"].finditer(text):
        n = m.group(1)
        if len(n) == 4 and n[:2] in ("19", "20"):
            continue
        opened, closed, at = opened + text.count("“", at, m.start()), closed + text.count("”", at, m.start()), m.start()
        if opened > closed:
            continue  # inside quotes: a name (“12345”)
        out.append(m)
    return out


def broken_dates(text: str) -> list[re.Match]:
    return list(_review_patterns()["broken_date"].finditer(text))


def bare_years(text: str) -> list[re.Match]:
    return list(_review_patterns()["bare_year"].finditer(text))


def approximate_yoys(text: str) -> list[tuple[str, str]]:
    """(approximate figure, its 同比) for every 同比 whose figure, the last before it in its
    sentence, is approximate: 3465余人，同比增长12.3% / 近7200件，同比下降9.6% / 上万人次，同比…"""
    p = _review_patterns()
    out = []
    tokens = list(p["token"].finditer(text))
    ends = [i for i, c in enumerate(text) if c in PIECE_END]
    k = e = 0  # tokens and sentence ends passed so far: one walk through the text
    for m in p["yoy_word"].finditer(text):
        while k < len(tokens) and tokens[k].end() <= m.start():
            k += 1
        while e < len(ends) and ends[e] < m.start():
            e += 1
        t = tokens[k - 1] if k else None
        if t is None or (e and t.start() < ends[e - 1]):
            continue  # no figure before it in its sentence
        if t.group(1) or t.group(3) or t.group(4):
            out.append((text[t.start():t.end() + 2].rstrip("，,"), text[m.start():m.end() + 6]))
    return out


def impossible_dates(text: str) -> list[re.Match]:
    """Dates that are not in the calendar: 2024年13月, 2022年11月31日."""
    import datetime as dt

    out = []
    for m in _review_patterns()["date"].finditer(text):
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3) or 1)
        try:
            dt.date(y, mo, d)
        except ValueError:
            out.append(m)
    return out


@dataclass(frozen=True)
class SmallBase:
    """A 同比 on a minor count: the base under ten, or a count of meetings and sessions."""

    where: str
    current: float
    previous: float | None  # last year's, when the stated percentage gives a whole number
    unit: str
    up: bool


def small_base_yoys(text: str) -> list[SmallBase]:
    """Counts whose 同比 a reviewer strikes (data/yoy.yaml): 败诉案件2件，同比减少60%."""
    from draftkit.figures import around, pattern, small_count

    out = []
    for m in pattern("with_yoy").finditer(text):
        cur, unit, approx, word, pct, sign = (m.group(1), m.group(2), m.group(3), m.group(4), m.group(5), m.group(6))
        if approx or sign != "%" or unit[:1] in APPROX_AFTER or unit in ("万元", "亿元", "元"):
            continue
        c, p = float(cur), float(pct) / 100
        up = bool(re.compile(UP).fullmatch(word))
        if not up and p >= 1:
            continue
        base = c / (1 + p) if up else c / (1 - p)
        before = around(text, m.start(), m.end())[0]
        clause = re.compile(f"[{CLAUSE_END}]").split(before)[-1]
        stated = re.compile(rf"(?:由|从)({NUM})[^\d，。；]{{0,4}}?(?:{UP}|{DOWN})?(?:到|至)$").search(clause)
        if stated:  # 由10件减少到6件: the base is written out (a wrong percentage is F001's)
            base = float(stated.group(1))
        if not small_count(c, base, unit, before):
            continue
        previous = round(base) if abs(base - round(base)) < 0.05 else None
        out.append(SmallBase(m.group(0), c, previous, unit, up))
    return out
