"""Figures: 同比 that does not add up, rates over 100 %, one indicator with two values, placeholders (F0xx)."""

from __future__ import annotations

from bisect import bisect_left

import re

from draftkit import figure_faults as ff
from draftkit import figures as fg
from draftkit.punctuation import PIECE_END
from draftkit.review.context import Ctx, lazy

# Placeholders, one alternative each (the first that matches names it): what is left to fill.
_PLACEHOLDER_KINDS = [
    (r"【待写[：:]?[^】\n]*】", "未写的内容"),  # 【待写：…】 (slots.TO_WRITE): a whole paragraph or an inline note
    (r"【待填[：:]?[^】]{0,40}】", "未填写的内容"),  # render --draft writes 【待填：名称】 (slots.TO_FILL)
    (r"\{[^{}\n]{1,20}\}", "未填写的空位"),
    (r"20[xX×＊*ｘＸ]{2}", "未填写的年份"),
    (r"[xXｘＸ×]{2,}", "占位符"),
    (r"[＊*]+", "占位符"),
    (r"_{3,}|＿{2,}", "待填的横线"),
    (r"某某|[（(]\s*[）)]|【\s*】", "未填写的内容"),
]
_PLACEHOLDERS = lazy("|".join(f"({p})" for p, _ in _PLACEHOLDER_KINDS))
_UNIT_AFTER = lazy(rf"(?:%|个百分点|(?:余|多)?(?:{fg.measure_word_pattern()}))?")
# What may stand before a rate's name and is not part of it: 全市行政复议纠错率 is 行政复议纠错率.
_SENTENCE_END = lazy(f"[{PIECE_END}]")
_RATE_HEAD = lazy(r"^(?:.*?[的，、])?(?:其中|全年|全市|全县|全区|我市|我县|我区|本级|年度)*")


TO_WRITE_TIP = "按提示写好这一段（句），再删去【待写：…】"  # F004 on a note still to act on (the page says it its own way)

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
            actual = abs(cur - prev) if change.points else _pct(prev, cur)
            up = cur > prev
            wrong_way = (up and fg.is_down(word)) or (not up and fg.is_up(word))
            if wrong_way or abs(actual - float(stated)) > _tolerance(stated):
                sign = ("提高" if up else "下降") if change.points else ("增长" if up else "减少")
                right = f"{sign}{actual:.1f}{'个百分点' if change.points else '%'}".replace(".0个", "个").replace(".0%", "%")
                ctx.add("F001", "error", f"同比数字不符：“{where}”按两个数算应为{right}", p.index, right)
        ends = None  # where the paragraph's sentences end: found once, not once a rate
        for m in fg.pattern("rate").finditer(t):
            name, value = m.group(1), m.group(2)
            if float(value) > 100:
                ctx.add("F002", "error", f"{name}为{value}%，比率不能超过100%", p.index)
            if ends is None:
                ends = [e.start() for e in _SENTENCE_END.finditer(t)]
            start = ends[bisect_left(ends, m.start()) - 1] + 1 if ends and ends[0] < m.start() else 0
            rates.setdefault(_indicator(name, t[start:m.start()]), []).append((value, p.index))
        _phrases(ctx, p.index, t)
    # Title, addressee, signature and date as well; each paragraph as written once (a line
    # that holds several headings is several paragraphs of one text).
    for index in dict.fromkeys(p.index for p in ctx.doc.paras):
        for m in _PLACEHOLDERS.finditer(ctx.raw(index)):
            what = _PLACEHOLDER_KINDS[m.lastindex - 1][1]
            shown = m.group(0) if len(m.group(0)) <= 32 else m.group(0)[:30] + "…】"
            if m.lastindex == 2:  # with its unit: 【待填：数据】件 is a count, 【待填：数据】% a rate
                shown += _UNIT_AFTER.match(ctx.raw(index), m.end()).group(0)
            if m.lastindex == 1:
                ctx.add("F004", "error", f"{what}“{shown}”", index, TO_WRITE_TIP)
            else:
                ctx.add("F004", "error", f"{what}“{shown}”，请填写实际内容", index)
    for key, seen in rates.items():
        name = key.split("@")[0]
        if len(name) < 4:
            continue  # 满意率, 办结率: too short to tell two indicators apart
        values = {v for v, _ in seen}
        if len(values) > 1:
            first = seen[0]
            for v, index in seen[1:]:
                if v != first[0]:
                    ctx.add("F003", "warning", f"“{name}”前后不一致：第{first[1]}段为{first[0]}%，这里为{v}%", index)


def _indicator(name: str, sentence: str) -> str:
    """The indicator a rate names: its full name less what stands before it (全市, …的);
    a name that says nothing of its area (群众满意率) takes the area its sentence is about
    (政务服务的群众满意率 and 调解的群众满意率 are two indicators): ``sentence`` is the
    part of the sentence before the rate."""
    from draftkit.review.meaning import vocabulary

    key = _RATE_HEAD.sub("", name) or name
    v = vocabulary()
    if v.topics(key):
        return key
    return f"{key}@{v.first_topic(sentence)}"


def _phrases(ctx: Ctx, index: int, text: str) -> None:
    """Figure phrases a reviewer sends back: 同比 inside a phrase or on an approximate number,
    a count without its measure word, parts that add up to more than their whole."""
    for y in ff.yoy_phrases(text):
        where = text[y.start:y.end]
        if ff.yoy_mid_phrase(y):
            ctx.add("F005", "warning", f"同比写在了短语中间：“{where}{y.after[:4]}”，同比应放在数字所在分句的末尾",
                    index, f"把“{where[len(y.number) + len(y.unit):].lstrip('，,')}”移到分句末尾")
    for figure, said in ff.approximate_yoys(text):
        ctx.add("F006", "warning", f"约数“{figure}”后面写了同比：“{said}…”，约数不能算出准确的同比", index,
                "写出准确数字，或删去同比")
    for m in ff.bare_numbers(text):
        ctx.add("F007", "warning", f"数字“{text[max(0, m.start() - 4):m.end()]}”没有单位", index,
                f"{text[max(0, m.start() - 4):m.end()]}件（按实际补上量词）")
    for sb in ff.small_base_yoys(text):
        cur = fg.number(sb.current)
        if sb.previous is not None:
            diff = abs(sb.current - sb.previous)
            change = f"比上年{'增加' if sb.up else '减少'}{fg.number(diff)}{sb.unit}"
            said = f"上年{fg.number(sb.previous)}{sb.unit}，"
        else:
            change, said = f"比上年{'增加' if sb.up else '减少'}N{sb.unit}", ""
        ctx.add("F009", "note", f"小数目写了同比：“{sb.where}”，{said}增减一两{sb.unit}就是很大的百分比，"
                f"同比只给主要指标", index, f"改为“{cur}{sb.unit}，{change}”，或删去同比")
    for po in ff.parts_over_total(text):
        parts = "+".join(fg.number(x) for x in po.parts)
        ctx.add("F008", "error", f"分项之和大于总数：“{po.where[:40]}”，{parts}={fg.number(sum(po.parts))}{po.unit}，"
                f"超过总数{fg.number(po.total)}{po.unit}", index, "核对总数和各分项")
