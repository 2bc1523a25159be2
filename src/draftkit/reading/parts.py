"""Which part of a report each paragraph belongs to, by its heading and by its content:
the rules are in ``data/parts.yaml``. Real reports vary (leaders' duties first, Party
leadership folded into part one, an overview first, shortcomings at the end of part one,
study reports with 问题 and 打算, articles with no parts at all)."""

from __future__ import annotations

import functools
import re

from draftkit.punctuation import PIECE_END
from draftkit.reading.lexicon import unfinished
from draftkit.reading.parsed import ParsedDoc

_YEAR = re.compile(r"(20\d{2})年")


@functools.lru_cache(maxsize=1)
def _rules() -> dict:
    from draftkit.resources import data_file

    raw = data_file("parts.yaml")
    return {
        "headings": [(r["part"], re.compile(r["find"]), re.compile(r["unless"]) if r.get("unless") else None)
                     for r in raw["headings"]],
        "sections": [(r["part"], frozenset(r["within"]), re.compile(r["find"])) for r in raw["sections"]],
        "leading": re.compile(raw["leading"]),
        "steering": re.compile(raw["steering"]),
        "measure_topic": re.compile(raw["measure_topic"]),
        "leader_cues": re.compile(raw["leader_cues"]),
        "admission": re.compile(raw["admission"]),
        "outline": re.compile(raw["outline"]),
        "plan_start": re.compile(raw["plan_start"]),
        "closing_end": re.compile(raw["closing_end"]),
    }


def closes_report(text: str) -> bool:
    """The text ends on a report's closing formula (……为全县高质量发展保驾护航)."""
    return bool(_rules()["closing_end"].search(text.rstrip(PIECE_END + " ")))


def part_of_heading(text: str, year: int | None = None) -> str | None:
    """The part a level-1 heading opens, or None when it names none."""
    if year and any(int(y) == year + 1 for y in _YEAR.findall(text)) and not _rules()["headings"][1][1].search(text):
        return "plan"  # 四、2025年……主要举措 in the report on 2024
    for part, rule, unless in _rules()["headings"]:
        if rule.search(text) and not (unless and unless.search(text)):
            return part
    return None


def part_of_section(heading: str, part: str) -> str:
    """The part a level-2 or level-3 heading belongs to inside a part."""
    for to, within, rule in _rules()["sections"]:
        if part in within and rule.search(heading):
            return to
    return part


def _words(p) -> str:
    """What a heading says: an h1's text, an h2's run-in heading or the first clause of it."""
    if p.kind == "h1":
        return p.text
    return p.heading or re.compile(f"[{PIECE_END}]").split(p.text, maxsplit=1)[0][:60]


def _outline(doc: ParsedDoc) -> list[tuple[object | None, list]]:
    """The level-1 headings, each with the level-2 headings under it; h2s before any h1
    (an excerpt that starts inside part one) stand under None."""
    out: list[tuple[object | None, list]] = [(None, [])]
    for p in doc.paras:
        if p.kind == "h1":
            out.append((p, []))
        elif p.kind == "h2":
            out[-1][1].append(p)
    return [o for o in out if o[0] is not None or o[1]]


def heading_parts(doc: ParsedDoc) -> dict[int, str]:
    """The part of every 一、 and （一） heading (by paragraph position), read by meaning:
    the heading's own words first; then where it stands — the first part of a report and
    the first sections of its measures are where the leading part goes (Party leadership,
    the leaders' study of 习近平法治思想, steering the work), unless the report has a part
    of its own for the leaders' duties; a 基本情况 that no measures part follows wraps the
    measures; a section takes its part's part unless its own words clearly say another."""
    rules = _rules()
    outline = _outline(doc)
    h1s = [h for h, _ in outline if h is not None]
    base = {id(h): part_of_heading(h.text, doc.year) for h in h1s}
    lead = next((h for h in h1s if base[id(h)] != "opening"), None)
    dedicated = _dedicated(h1s, base, lead)
    parts: dict[int, str] = {}
    leading_run = False  # the h1 before this one was of the leading part, read by its words
    for k, (h1, h2s) in enumerate(outline):
        later = [h for h, _ in outline[k + 1:] if h is not None]
        part, wrapper = "measures", h1 is None
        if h1 is not None:
            b = base[id(h1)]
            wrapper = b == "measures"  # 一、主要举措和成效, 一、2024年工作情况: the measures' wrapper
            if b == "opening" and not any(base[id(h)] == "measures" for h in later):
                b, wrapper = "measures", True  # 一、基本情况 with the measures under it
            elif b is None and h1 is lead and not dedicated and (
                    rules["leading"].search(h1.text) or (rules["steering"].search(h1.text) and not h2s)
                    or (not rules["measure_topic"].search(h1.text)
                        and ((h2s and _leading_words(_words(h2s[0]))) or _leaders_text(doc, h1)))):
                b = "leadership"  # the sections under a steering heading say what it steers
            elif b is None and leading_run and not rules["measure_topic"].search(h1.text) \
                    and _leading_words(_first_clause(h1.text), steering=False) and not _FRAME.search(h1.text):
                b = "leadership"  # 一、强化理论武装 / 二、强化政治引领: the leading part over two parts
            leading_run = b == "leadership" and (h1 is lead or leading_run)
            part = b or "measures"
            parts[id(h1)] = part
        run = wrapper and not dedicated
        for i, h2 in enumerate(h2s):
            words = _words(h2)
            if part == "leadership":
                own = "measures" if rules["measure_topic"].search(words) and not _leading_words(words) else "leadership"
            elif part in ("measures", "opening") and run and _leading_words(words, steering=i == 0):
                own = "leadership"
            elif part in ("measures", "opening") and not dedicated and not rules["measure_topic"].search(words) \
                    and part_of_section(words, part) == part and _leaders_text(doc, h2):
                own = "leadership"  # its heading is not about a plain measure, its text is the leaders' own
            else:
                own = part_of_section(words, part)
                run = False
            parts[id(h2)] = own
    return parts


_FRAME = re.compile(r"以.{2,24}为(指导|引领|统领|遵循|主线)")  # 坚持以习近平法治思想为指导，…: a frame, not the topic


def _first_clause(text: str) -> str:
    return re.compile(f"[{PIECE_END}，,]").split(text, maxsplit=1)[0]


def _dedicated(h1s: list, base: dict[int, str | None], lead) -> bool:
    """The report has a part of its own for the leaders' duties: a leadership heading that
    opens the report's parts or comes after a part of another kind (三、党政主要负责人…
    after 一、主要举措和成效) — not one that carries on a leading part (一、强化理论武装 /
    二、强化组织领导)."""
    if lead is None:
        return False
    after = h1s[h1s.index(lead):]
    for k, h in enumerate(after):
        if base[id(h)] == "leadership" and (k == 0 or any(base[id(g)] not in (None, "leadership") for g in after[:k])):
            return True
    return False


def _leaders_text(doc: ParsedDoc, heading) -> bool:
    """The text under a heading opens on the leaders' own duties: two kinds or more of
    leader cues (主要负责同志, 党组, 理论学习中心组, 第一责任人, 带头…) in its first 200
    characters, down to the next heading of level 1 or 2."""
    at = next(k for k, p in enumerate(doc.paras) if p is heading)
    text = heading.text if heading.kind != "h1" else ""
    for p in doc.paras[at + 1:]:
        if p.kind in ("h1", "h2") or len(text) >= 200:
            break
        text += p.heading + p.text
    return len(set(_rules()["leader_cues"].findall(text[:200]))) >= 2


def _leading_words(text: str, steering: bool = True) -> bool:
    """Words of the leading part: the leaders' duties, Party leadership, study, and (when
    ``steering``) steering the work — which opens the leading part but does not carry it on:
    a 推进机制 after the leaders' section is one of the measures."""
    rules = _rules()
    strong = next(rule for part, rule, _ in rules["headings"] if part == "leadership")
    found = (rules["leading"], rules["steering"], strong, rules["sections"][0][2])
    return any(r.search(text) for r in (found if steering else found[:1] + found[2:]))


def assign_parts(doc: ParsedDoc) -> None:
    rules = _rules()
    heads = heading_parts(doc)
    has_h1 = any(p.kind == "h1" for p in doc.paras)
    part = "opening" if has_h1 else ""
    outer, section, section_part, sub_part = part, "", "", ""
    body_paras = [p for p in doc.paras if p.kind in ("body", "h2", "h3", "h4")]
    last_body = body_paras[-1] if body_paras else None
    has_plan_heading = any(p.kind == "h1" and heads.get(id(p)) == "plan" for p in doc.paras)
    for p in doc.paras:
        if p.kind == "h1":
            part = outer = heads[id(p)]
            section, section_part, sub_part = "", "", ""
            p.part = p.outer_part = part
            continue
        if p.kind not in ("body", "h2", "h3", "h4"):
            p.part = "other"
            continue
        if p.kind == "h2":
            section = p.heading
            section_part = heads[id(p)]
            sub_part = ""
        elif p.kind in ("h3", "h4") and p.heading and (section_part or part):
            sub_part = part_of_section(p.heading, section_part or part)
        p.section = section
        p.outer_part = outer
        first = re.compile(r"[。：]").split(p.text, maxsplit=1)[0]
        own = sub_part or section_part or part or ""
        if not own:  # no parts at all: content decides; guiding-thought openings first
            own = "opening" if p is body_paras[0] and re.compile(r"坚持以.{2,40}为|近年来|报告如下").search(p.text) else "measures"
            if p.heading:
                own = part_of_section(p.heading, own)
        if own in ("measures", "opening") and rules["admission"].search(first) and not rules["outline"].search(first):
            own = "shortcomings"
        if own != "plan" and rules["plan_start"].search(p.text):
            own = "plan"
        if "特此报告" in p.text:
            own = "closing"
        elif p is last_body and p.kind == "body" and not has_plan_heading and own == "measures" \
                and re.compile(r"将").search(p.text) and not p.items and not (p is doc.paras[-1] and unfinished(p.text)):
            own = "closing"
        p.part = own
