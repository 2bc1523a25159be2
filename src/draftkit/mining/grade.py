"""The quality grade of a bank entry, given when it is mined (rules in data/grading.yaml):
``ok`` usable as it is, ``edit`` usable after editing, ``no`` not offered. Defaults and
the picker offer only ``ok`` entries; search shows every entry with its grade.

The first rule of the worst grade found gives the reason. Wording outdated for the next
report the bank will serve (the year after its newest source) is ``edit`` (currency.yaml).
"""

from __future__ import annotations

import functools
import re


GRADES: tuple[str, ...] = ("ok", "edit", "no")
GRADE_NAMES: dict[str, str] = {"ok": "可用", "edit": "需修改", "no": "不提供"}


@functools.lru_cache(maxsize=1)
def _table() -> dict:
    from draftkit.resources import data_file

    return data_file("grading.yaml")


@functools.lru_cache(maxsize=1)
def _rules() -> tuple[tuple[str, str, re.Pattern, tuple[str, ...], tuple[str, ...]], ...]:
    return tuple((str(r["grade"]), r["why"], re.compile(r["find"]), tuple(r.get("kinds", ())), tuple(r.get("parts", ())))
                 for r in _table()["rules"])


def _broken_end(text: str) -> bool:
    from draftkit import slots
    from draftkit.reading.lexicon import last_word

    last = last_word(slots.blank(text, "某"))
    return last is not None and last in _table()["tail_words"]


def local_place(text: str) -> str:
    """A place named in the text that is not the issuer's own (slotted as {place}): the
    first proper place name (苏州市, 西城区, 关坝镇, 虹桥街道), or ""."""
    from draftkit import slots
    from draftkit.reading.lexicon import function_words, place_words, segment, word_frequency

    table = _table()
    named, not_places = place_words(), frozenset(table["not_places"])
    suffixes = tuple(table["place_suffixes"])
    common = frozenset(table["common_places"])
    verbs = function_words()["verbs"]
    words = segment(slots.blank(text, "，"))
    for i, w in enumerate(words):
        if len(w) >= 2 and w in named and w not in common and w not in not_places:
            return w  # 深圳, 长三角
        if w in common or not w.endswith(suffixes) or w[0] in table["common_place_heads"]:
            continue
        stem = w[:-2] if w.endswith("街道") else w[:-1]
        if len(stem) >= 2:
            return w
        before = words[i - 1] if i else ""
        if stem == "" and len(before) >= 2 and before not in verbs and before + w not in common \
                and word_frequency(before) < table["rare_name_freq"] and re.compile(r"^[\u4e00-\u9fff]+$").match(before):
            return before + w
    return ""


def reasons(text: str, kind: str, year: int | None = None, part: str = "") -> list[tuple[str, str]]:
    """(grade, why) for every rule the entry falls under; a rule limited to some parts
    applies only to an entry of one of them."""
    out = [(grade, why) for grade, why, pattern, kinds, parts in _rules()
           if (not kinds or kind in kinds) and (not parts or part in parts) and pattern.search(text)]
    if kind in ("sentence", "item") and _broken_end(text):
        out.append(("no", "句子残缺（以虚词结尾）"))
    if place := local_place(text):
        out.append(("edit", f"含具体地名（{place}）：须改为本地"))
    if year:
        from draftkit.currency import outdated_pattern

        pattern = outdated_pattern(year)
        if pattern is not None and pattern.search(text):
            out.append(("edit", f"提法对 {year} 年度已过时"))
    return out


def grade(text: str, kind: str, year: int | None = None, part: str = "") -> str:
    """The worst grade among the rules the entry falls under; ``ok`` when none."""
    found = {g for g, _ in reasons(text, kind, year, part)}
    return next((g for g in reversed(GRADES) if g in found), "ok")
