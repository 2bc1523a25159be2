"""A whole first draft, the one source of default content: ``draftkit new --defaults``
writes it, and ``draftkit new`` starts each part from it.

Measures: the topics with the most usable bank sentences fitting the issuer's level, a
（一）（二） section for each under a heading written for that topic (data/drafts.yaml).
Shortcomings: pairs we wrote, each a problem with its cause, and each answered by a plan
item. The leaders' part names the principal leader ({主要负责人}). Values still to be
given stay null (``render --draft`` shows them as 【待填：名称】).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from pathlib import Path
from typing import TYPE_CHECKING

from draftkit import slots
from draftkit.bank.phrasebank import Bank, Entry
from draftkit.bank.recommend import by_topic, recommended
from draftkit.domain import REQUIRED_PARTS, place_of
from draftkit.drafting.defaults import PART_STYLE, default_addressee, default_date, default_opening
from draftkit.report.schema import STYLE, record

if TYPE_CHECKING:
    from draftkit.issuers import Profile




@functools.lru_cache(maxsize=1)
def table() -> dict:
    from draftkit.resources import data_file

    return data_file("drafts.yaml")


def phrase_item(e: Entry, confirm: str = "") -> dict:
    """A bank entry as a draft item; one opening with “{y}年以来” (a report is on its
    year) is written out with 全年 in its place."""

    since = re.compile(table()["since_year"])
    text = since.sub("全年", e.text) if since.search(e.text) else None
    values = {n: None for n in slots.names(text or e.text) if n not in slots.builtin_slots()}
    # confirm: another office's practice, which the clerk confirms before it is rendered
    return record("item", text=text, phrase=None if text else e.id, values=values or None, todo=confirm or None)


def draft_text(e: Entry) -> str:
    """The text a draft writes for a bank entry (“{y}年以来” as 全年)."""
    return re.compile(table()["since_year"]).sub("全年", e.text)


def _copy(item: dict, p: "Profile | None" = None) -> dict:
    """One of our items as a draft's, with the issuer's trade words written in (trades.fill)."""
    from draftkit.drafting import trades

    values = item.get("values")
    return record("item", text=trades.fill(item["text"], p) if p is not None else item["text"],
                  values={k: dict(v) if isinstance(v, dict) else v for k, v in values.items()} if values else None)


_COMMON = ("法治", "建设", "政府", "责任")  # pieces every sentence of a report may share


def _grams(text: str, n: int = 5) -> set[str]:
    """The sentence's n-character pieces, less those made of the report's common words."""
    plain = slots.blank(text, "，")
    pieces = {plain[i:i + n] for i in range(len(plain) - n + 1)}
    return {p for p in pieces if "，" not in p and not any(w in p for w in _COMMON)}


def _distinct(entries: list[Entry], n: int, taken: list[set[str]]) -> list[Entry]:
    """Up to n entries, none sharing a five-character piece with another or with one
    already taken (two sentences on 出庭应诉率, one in part 一 and one in part 三, read as padding)."""
    out = []
    for e in entries:
        g = _grams(e.text)
        if any(g & t for t in taken):
            continue
        out.append(e)
        taken.append(g)
        if len(out) == n:
            break
    return out


def _fitting(topic: str, entries: list[Entry]) -> list[Entry]:
    """The entries that say something of the topic their heading names (drafts.yaml fits)."""
    rule = re.compile(table()["fits"][topic])
    return [e for e in entries if rule.search(e.text)]


def measures_topics(bank: Bank, level: str, place: str, name: str = "", n: int | None = None,
                    skip: tuple[str, ...] = ()) -> list[tuple[str, list[Entry]]]:
    """The topics of the measures part, most usable sentences first, with their sentences
    (only those that fit the topic's heading; for a department, only what departments of its
    trade wrote); ``n`` topics at most, none of ``skip``."""
    from draftkit.bank.recommend import affinity

    t = table()
    own = affinity(name, level, place) if level == "部门" else None  # a department: its own trade's sentences only
    groups = [(k, _fitting(k, [e for e in v if own is None or own(e) == 0]))
              for k, v in by_topic(bank, "measures", level, place, name).items() if k in t["headings"] and k not in skip]
    groups.sort(key=lambda kv: -len(kv[1]))
    return [g for g in groups if g[1]][:t["measures_topics"] if n is None else n]


def pick(mapping: dict, keys: tuple[str, ...], default=None):
    """A mapping's value for the first of ``keys`` it has (an issuer's draft keys, most
    specific first: 街道, 乡镇), else ``default``."""
    return next((mapping[k] for k in keys if k in mapping), default)


def _fits(item: dict, p: "Profile", year: int) -> bool:
    """Whether one of our items is for this issuer and year: ``years`` it is written for (or
    ``since`` and ``until``, its first and last: a law in force from 2024), ``needs``, a power
    of the issuer model it speaks of (rules: it makes 规范性文件), ``lacks`` one it has not,
    and ``common``, an item only for a department whose trade's own sections do not say it."""
    from draftkit.drafting import trades

    return (year in item.get("years", [year]) and item.get("since", year) <= year <= item.get("until", year)
            and all(p.can(power) for power in item.get("needs", []))
            and not any(p.can(power) for power in item.get("lacks", []))
            and not (item.get("common") and trades.row(p) is not None))


def own_measures(kind: str, level: str, year: int, name: str = "", place: str = "") -> tuple[int, list[tuple[str, dict]]]:
    """Our own measures sections for an issuer (drafts.yaml own_measures, by its draft keys:
    data/issuers.yaml), with their topics, and how many topics to take from the bank besides;
    a department's are its trade's (drafting/trades.py: data/trades.yaml), an autonomous
    area's add its regional autonomy."""
    from draftkit import issuers
    from draftkit.drafting import trades

    t = table()
    p = issuers.parse(name, level, place)
    own = pick(t["own_measures"], p.draft_keys, {})
    sections = []
    for s in own.get("sections", []):
        items = [_copy(it, p) for it in s["items"] if _fits(it, p, year)]
        sections.append((s.get("topic", "enforcement"), record("section", heading=trades.fill(s["heading"], p), style=STYLE,
                                                               items=items)))
    sections = trades.autonomy(p, year, trades.measures(p, year, sections))
    return own.get("bank_topics", t["measures_topics"]), sections


def topic_of_heading(heading: str) -> str | None:
    """The topic a measures section is on, by its heading (ours: drafts.yaml headings,
    own_measures and trades), or None for a heading someone wrote."""
    from draftkit.drafting import trades

    t = table()
    own = [s for kind in t["own_measures"].values() for s in kind.get("sections", [])]
    pairs = list(t["headings"].items()) + [(s.get("topic", "enforcement"), s["heading"]) for s in own] + trades.headings()
    return next((topic for topic, h in pairs if h == heading), None)


def section_for(part: dict, topic: str) -> dict:
    """Where a sentence on ``topic`` goes in a part: the section under that topic's heading
    — a new one, after the others, if the part has sections but none on it — or the part
    itself when it has none."""
    sections = part.get("sections")
    if not sections:
        return part
    for sec in sections:
        if topic_of_heading(sec.get("heading", "")) == topic:
            return sec
    from draftkit.domain import TOPIC_NAMES

    new = record("section", heading=table()["headings"].get(topic, TOPIC_NAMES.get(topic, topic)), style=STYLE, items=[])
    sections.append(new)
    return new


def _keys(level: str, name: str, place: str = "") -> tuple[str, ...]:
    """The keys the drafts' data is looked up by for this issuer (data/issuers.yaml drafts):
    街道, 乡镇; 司法部门, 部门…"""
    from draftkit import issuers

    return issuers.parse(name, level, place).draft_keys


def _measures(bank: Bank, level: str, place: str, name: str, year: int, confirm: str = "") -> list[tuple[str, dict]]:
    """The measures sections with their topics: the bank's topics first, then our own (a
    department: its own first). ``confirm``: the note on each bank sentence (drafts.yaml confirm)."""
    from draftkit import issuers

    t = table()
    p = issuers.parse(name, level, place)
    keys = p.draft_keys
    n, own = own_measures("", level, year, name, place)
    taken = [_grams(_leader_text(it, keys, year, p)["text"]) for it in t["leadership"] if pick(it, keys, it)]
    sections = [(topic, record("section", heading=t["headings"][topic], style=STYLE,
                               items=[phrase_item(e, confirm and t["confirm"]["pick"]) for e in _distinct(entries, t["items_per_topic"], taken)]))
                for topic, entries in measures_topics(bank, level, place, name, n, tuple(k for k, _ in own))]
    # a department opens with its own trade's work; the bank's (what its trade wrote) comes after
    ordered = _year_measures(p, year, own + sections if level == "部门" else sections + own)
    return [(k, s) for k, s in ordered if s["items"]]  # a heading with nothing under it is left out


def _year_measures(p: "Profile", year: int, sections: list[tuple[str, dict]]) -> list[tuple[str, dict]]:
    """The report year's own milestones (drafts.yaml year_measures: a law in force that year,
    a five-year 普法 plan starting) as measures, in the issuer's wording (its draft keys; null:
    not for its kind), each in the last section on its topic (a department's: its common
    enforcement section after its trade's), or in a new one under the topic's heading."""
    t = table()
    for m in t.get("year_measures", {}).get(year, []):
        text = pick(m, p.draft_keys, m["text"])
        if text is None:
            continue
        topic = pick(m["topic"], p.draft_keys, m["topic"]["text"]) if isinstance(m["topic"], dict) else m["topic"]
        values = {k: v for k, v in (m.get("values") or {}).items() if "{" + k + "}" in text}
        item = _copy({"text": text, "values": values or None}, p)
        target = next((s for k, s in reversed(sections) if k == topic), None)
        if target is None:
            sections.append((topic, record("section", heading=t["headings"][topic], style=STYLE, items=[item])))
        else:
            target["items"].append(item)
    return sections


def _leader_text(item: dict, keys: tuple[str, ...], year: int, p: "Profile | None" = None) -> dict:
    """A leaders' paragraph for the issuer (its own wording, by its draft keys), with what its
    leaders studied that year (a department: its trade's laws too)."""
    out = _copy(pick(item, keys, item), p)
    study = table()["study"]
    out["text"] = out["text"].replace("{学习内容}", study.get(year, study["default"]))
    return out


def _confirmed(items: list[dict], note: str) -> list[dict]:
    """Each item with ``note`` as its todo, unless it has one (a sentence of ours or the bank's
    is the clerk's only once confirmed)."""
    return [it if not note or it.get("todo") else {**it, "todo": note} for it in items]


def _plan(bank: Bank, p: "Profile", keys: list[str], pairs: list[dict], year: int, confirm: str) -> list[dict]:
    """The plan: each shortcoming's answer, the trade's own items, the year's known milestones
    (drafts.yaml milestones: 纲要 and 普法 closing, laws taking effect), a law taking effect
    on a shortcoming's topic (forward), and one bank item answering a shortcoming."""
    from draftkit.drafting import trades

    t, own = table(), p.draft_keys
    texts = [x["plan"] for x in pairs] + trades.plan_items(p, year + 1)
    texts += [pick(m, own, m["text"]) for m in t["milestones"].get(year + 1, [])]
    texts += [pick(f, own, f["text"]) for f in t["forward"] if f["topic"] in keys and year + 1 in f["years"]][:t["plan_extra"]]
    items = _confirmed([record("item", text=trades.fill(x, p)) for x in dict.fromkeys(texts)],
                       confirm and t["confirm"]["plan"])
    from draftkit.bank.recommend import affinity

    near = affinity(p.name, p.level, p.place)  # a department: only what its trade wrote
    answering = [e for e in recommended(bank, "plan", 50, p.level, p.place, p.name) if e.topic in keys
                 and _fitting(e.topic, [e]) and (p.level != "部门" or near(e) == 0)]
    taken = {slots.blank(it["text"]) for it in items}
    return items + [phrase_item(e, confirm and t["confirm"]["plan_pick"]) for e in answering[:t["plan_extra"]]
                    if slots.blank(e.text) not in taken]


def part_content(key: str, bank: Bank, level: str, place: str, name: str = "", next_year: int = 0,
                 confirm: str = "") -> dict:
    """The default content of one part, in the data-file format. With ``confirm`` (``new
    --defaults``: no one reads them before render) every sentence is a todo to confirm:
    the bank's and ours, facts and shortcomings alike (drafts.yaml confirm); a plan's are
    next year's, to adjust, not to confirm as done."""
    from draftkit import issuers
    from draftkit.drafting import trades

    t = table()
    year = int(next_year) - 1 if next_year else 0
    p = issuers.parse(name, level, place)
    notes = t["confirm"] if confirm else {}
    measures = _measures(bank, level, place, name, year, confirm)
    if key == "measures":
        return record("part", sections=[{**s, "items": _confirmed(s["items"], notes.get("own", ""))} for _, s in measures])
    topics = [topic for topic, _ in measures]
    own = _keys(level, name, place)
    keys = [k for k in dict.fromkeys(topics + ["enforcement", "organisation"]) if k in t["pairs"]]
    # a topic with wording of the issuer's own first, the most specific first (a 司法厅's 省级司法部门
    # enforcement before its 司法部门 disputes; a 司法局's enforcement and disputes)
    keys = sorted(keys, key=lambda k: min((i for i, o in enumerate(own) if o in t["pairs"][k]), default=len(own)))
    keys = keys[:t["pairs_count"]]
    pairs = trades.pairs(p) or [pick(t["pairs"][k], own, t["pairs"][k]) for k in keys]  # its trade's, or its kind's
    trade = trades.row(p) is not None  # a department speaks of its trade's work in the parts' opening lines
    if key == "shortcomings":
        return record("part", intro=trades.fill(t["admission_trade" if trade else "admission"], p), style=PART_STYLE[key],
                      items=_confirmed([record("item", text=x["problem"]) for x in pairs], notes.get("shortcoming", "")))
    if key == "leadership":  # an item a level does without (null) is left out
        return record("part", style=PART_STYLE[key],
                      items=_confirmed([_leader_text(it, own, year, p) for it in t["leadership"] if pick(it, own, it)],
                                       notes.get("own", "")))
    return record("part", intro=trades.fill(t["plan_intro_trade" if trade else "plan_intro"], p), style=PART_STYLE[key],
                  items=_plan(bank, p, keys, pairs, year, confirm))


def first_draft(bank: Bank, name: str, level: str, year: int, today: dt.date | None = None,
                leader: str = "", place: str = "", confirm: str = "") -> dict:
    """A whole draft for an issuer, as an answers file holds it."""
    from draftkit import issuers

    p = issuers.parse(name, level, place)
    level, place = p.level, place or p.place  # the name decides what kind of issuer it is (a 街道 is 乡镇)
    issuer = record("issuer", name=name, level=level, place=place or None, leader=leader or p.leader)
    date = default_date(today or dt.date.today(), year)
    data = record(
        "report", issuer=issuer, year=year,
        date=f"{date:%Y-%m-%d}" if date else None,
        addressee=default_addressee(name, level) or None,
        opening=default_opening(year, place, level, name),
        parts={key: part_content(key, bank, level, place, name, year + 1, confirm) for key in REQUIRED_PARTS},
        progress=record("progress", step="issuer", visited=list(REQUIRED_PARTS), skipped=[]),
    )
    if p.addressee is None:  # the name does not tell whom it reports to: null, for the clerk to fill
        data["addressee"] = None
    return data


def write_first_draft(answers: Path, bank: Bank, name: str | None, level: str | None, year: int | None,
                      leader: str | None = None, today: dt.date | None = None) -> str:
    """``draftkit new --defaults``: check the options, write the draft, say what is left to do."""
    from draftkit import atomic
    from draftkit.domain import LEVELS, guess_level
    from draftkit.drafting.defaults import default_year
    from draftkit.drafting.validators import v_leader
    from draftkit.errors import DraftkitError, Problem
    from draftkit.report.datafile import count_open, dump

    from draftkit.inputs import control_char

    today = today or dt.date.today()
    problems = [f"{flag} 中含有控制字符 U+{ord(value[control_char(value)]):04X}，请删去"
                for flag, value in (("--issuer", name or ""), ("--leader", leader or "")) if control_char(value) is not None]
    if not name or not name.strip():
        problems.append("--defaults 需要 --issuer 发文机关名称，如 --issuer 青岚县人民政府")
    if level and level not in LEVELS:
        problems.append(f"--level “{level}”无效，应为 {'/'.join(LEVELS)} 之一")
    level = guess_level(name or "") if not level else level
    year = year or default_year(today)
    if not 2000 <= year <= 2100:
        problems.append(f"--year {year} 不合理，应为四位年份，如 2025")
    if leader and v_leader(leader) is not True:
        problems.append(f"--leader {v_leader(leader)}")
    if answers.exists():
        problems.append(f"{answers} 已存在：为免覆盖已填写的内容，请用 -o 另指定文件名")
    if problems:
        raise DraftkitError([Problem(None, p) for p in problems])
    data = first_draft(bank, name.strip(), level, year, today, leader or "", confirm="defaults")
    atomic.write_text(answers, dump(data, "# draftkit new --defaults 写出的初稿：null 是待填的数值，"
                                          "可以手工修改，或用 draftkit new --resume 逐项填写\n"))
    figures, todos = count_open(data)
    notes = table()["confirm"]
    todo_items = [it for part in data["parts"].values() for sec in [part, *part.get("sections", [])]
                  for it in sec.get("items", []) if isinstance(it, dict) and it.get("todo")]
    picked = sum(it["todo"] in (notes["pick"], notes["plan_pick"]) for it in todo_items)
    return (f"已写出 {year} 年度初稿：{answers}（{figures} 个数值待填" + ("，成文日期待填" if data["date"] is None else "")
            + "）。\n" + f"初稿的 {len(todo_items)} 句都标为待确认（todo）：都是代拟的，不是本单位的事实，"
            "核对、改写后删去 todo 一行，不属实的整句删去。\n"
            + (f"其中 {picked} 句取自短语库，是别的单位报告中的做法：已逐句标为待确认，"
               "核对本单位今年做了的删去 todo 一行，没有做的整句删去。\n" if picked else "")
            + _whom(name.strip(), level, data) + _organ(name.strip(), level)
            + f"查看草稿：draftkit render {answers} --draft -o 草稿.docx")


def _organ(name: str, level: str) -> str:
    from draftkit import issuers

    return issuers.organ_note(issuers.parse(name, level))


def _whom(name: str, level: str, data: dict) -> str:
    """What ``new --defaults`` says of whom the report goes to (the issuer model): the
    addressee still to fill, and a department's superior that also receives it."""
    from draftkit import issuers

    p = issuers.parse(name, level)
    if "addressee" in data and data["addressee"] is None:
        return f"主送机关待填（addressee）：从名称看不出，一般是{p.superior or '上级机关'}。\n"
    dual = p.fields.get("dual_body", "")
    if dual and dual in (data.get("addressee") or ""):  # 公安: its government and the body above it lead it
        return (f"{p.trade}机关受本级党委、政府和上一级{p.trade}机关双重领导，主送机关写了{dual}"
                + ("" if p.fields.get("superior") else f"，请写全称（××{dual}）") + "。\n")
    if p.level == "部门" and p.superior and p.superior != data.get("addressee"):
        return f"部门的报告还要报送上一级主管部门：{p.superior}。\n"
    return ""
