"""Cut a parsed report into reusable units and put named slots where the specifics were.

Units: whole sentences, the lead clause of each enumerated item (一是持续深化“放管服”改革),
inline headings (（一）创新管理服务，全力优化法治营商环境), and — across documents — recurring
clause-length formulas (see mine.py). Slots: figures with their 同比, percentages,
numbers, years, dates, document titles in 《》, the issuer's own place name, and the words
naming the issuer's own level (全市 → {全域}, 我局 → {我方}: levels.py), so that an entry
fits every level; an entry naming another level records the levels it fits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from draftkit import figures, levels, slots
from draftkit.punctuation import PIECE_END, SENTENCE_END
from draftkit.reading.lexicon import function_words, segment, unfinished
from draftkit.reading.normalise import garbled, has_chrome_field
from draftkit.reading.parsed import Para, ParsedDoc
from draftkit.reading.parts import closes_report

_TERMINAL = PIECE_END
_SENTENCE = re.compile(f"[^{SENTENCE_END}]+[{SENTENCE_END}]?")
_NUM = r"\d+(?:\.\d+)?"
_DATE = re.compile(r"\d{4}年\d{1,2}月(?:\d{1,2}日)?")
_YEAR_RANGE = re.compile(r"\d{4}[—-]\d{4}年")
_YEAR = re.compile(r"(?<!\d)(\d{4})年(?:度)?")
_PERCENT = re.compile(rf"{_NUM}%")
_NUMBER = re.compile(rf"(?<![{{A-Za-z_\d.]){_NUM}(?![\d}}])")
_TITLE = re.compile(r"《[^《》]{1,60}》")
_QUOTED = re.compile(r"“[^“”]{1,20}”")
_BROKEN = re.compile(r"\d{5,}[年月日]|\d{4}\d{1,2}月")  # 2021128日, 202120232025年, 201911月
_PAIRS = ("“”", "《》", "（）", "〈〉", "‘’")
_MARKER_START = re.compile(r"^([一二三四五六七八九十]{1,2})(是|要)")
# Numbering of any level at the start of a piece: 一、 （二） 3. （4） ① 第一， and slotted {n}.
_NUMBERING = re.compile(r"^(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十]{1,3}[）)]|"
                        r"[一二三四五六七八九十]{1,3}[)）]|(?:\d{1,2}|\{n\d*\})[.．、](?!\d)|[（(]\d{1,2}[）)]|"
                        r"[①-⑳]|第[一二三四五六七八九十]{1,2}[，、,])\s*")
# Where numbering starts a new piece inside a run-in paragraph: （二）… anywhere, 二、… and 3.…
# only after a sentence break.
_RUN_IN = re.compile(r"(?=[（(][一二三四五六七八九十]{1,3}[）)])|" f"(?<=[{PIECE_END}：])" r"(?=[一二三四五六七八九十]{1,3}、|"
                     r"\d{1,2}[.．、](?!\d)|[（(]\d{1,2}[）)]|[①-⑳])")

LIMITS = {"sentence": (8, 150), "item": (5, 60), "heading": (5, 45), "formula": (8, 25)}


@dataclass
class Unit:
    """One sentence, item, heading or formula cut from a report, with its slots and provenance."""

    raw: str  # the normalised text as found
    text: str  # with slots
    slots: dict[str, str]
    kind: str  # sentence | item | heading | formula
    file: str
    para: int
    year: int | None
    part: str = ""
    move: str = ""
    topic: str = ""
    levels: tuple[str, ...] = ()  # the levels it fits, when not every level
    headings: tuple[str, ...] = ()  # the headings it stands under, nearest first (its topic's context)


class Slotter:
    """Numbered slots a unit: {n}, {n2} …; each kind counts on its own."""

    def __init__(self, year: int | None, place: str):
        self.year = year
        self.place = place
        bare = re.compile(r"(省|市|县|区|旗|州)$").sub("", place) if place else ""
        names = [x for x in (place, bare) if len(x) >= 2]
        self._place = re.compile("|".join(map(re.escape, names))) if names else None

    def __call__(self, text: str) -> tuple[str, dict[str, str], tuple[str, ...]]:
        slots: dict[str, str] = {}
        counters: dict[str, int] = {}

        def name(base: str, kind: str) -> str:
            counters[base] = counters.get(base, 0) + 1
            n = base if counters[base] == 1 else f"{base}{counters[base]}"
            slots[n] = kind
            return "{" + n + "}"

        text = _TITLE.sub(lambda m: name("title", "title"), text)
        text = figures.pattern("with_yoy").sub(lambda m: name("figure", f"figure:{m.group(2)}"), text)
        text = _DATE.sub(lambda m: name("date", "date"), text)
        text = _YEAR_RANGE.sub(lambda m: name("years", "years"), text)

        def year(m: re.Match) -> str:
            y = int(m.group(1))
            suffix = m.group(0)[4:]
            if self.year and y == self.year:
                return "{year}" + suffix if slots.setdefault("year", "year") else ""
            if self.year and y == self.year + 1:
                slots["next_year"] = "year"
                return "{next_year}" + suffix
            return name("y", "year") + suffix

        text = _YEAR.sub(year, text)
        # Numbers inside quotation marks are names (“12345”热线, “1+4”模式), not counts.
        quoted: list[str] = []
        text = _QUOTED.sub(lambda m: quoted.append(m.group(0)) or chr(0xE000 + len(quoted) - 1), text)
        text = _PERCENT.sub(lambda m: name("pct", "percent"), text)
        text = _NUMBER.sub(lambda m: name("n", "number"), text)
        text = re.compile("[\ue000-\uf8ff]").sub(lambda m: quoted[ord(m.group(0)) - 0xE000], text)
        if self._place is not None:
            text = self._place.sub(lambda m: "{place}", text)
            if "{place}" in text:
                slots["place"] = "place"
        text, found, fits = levels.neutralise(text, self.place)
        slots.update({s: "level" for s in found})
        return text, slots, fits


def balanced(text: str) -> bool:
    for a, b in _PAIRS:
        if a not in text and b not in text:
            continue
        depth = 0
        for ch in text:
            if ch == a:
                depth += 1
            elif ch == b:
                depth -= 1
                if depth < 0:
                    return False
        if depth:
            return False
    return True


def acceptable(kind: str, raw: str, text: str) -> bool:
    """Garbage out: broken dates from lost characters, unbalanced quotes, bad lengths,
    rows of a page's index table."""
    lo, hi = LIMITS[kind]
    plain = slots.blank(text, "某")
    if not lo <= len(plain) <= hi:
        return False
    if _BROKEN.search(raw) or not balanced(raw) or has_chrome_field(raw):
        return False  # (发文日期：2025-02-25 名称：…: a row of the page's index table)
    if len(re.compile(r"[\u4e00-\u9fff]").findall(plain)) < 4 or not re.compile(r"[\u4e00-\u9fff]{2}").search(plain):
        return False  # (深化“放管服”改革 is words enough)
    if plain[0] in "，、；：）》”":
        return False
    return True


def sentences(text: str) -> list[str]:
    """Sentences, also cut where numbering of a run-in heading or item starts."""
    out = []
    for piece in _RUN_IN.split(text):
        out.extend(s.strip() for s in _SENTENCE.findall(piece) if s.strip(_TERMINAL + " "))
    return out


def denumbered(text: str) -> str:
    """Numbering and 一是 markers off the start, however many levels stand there."""
    while True:
        out = _MARKER_START.sub("", _NUMBERING.sub("", text))
        if out == text:
            return text
        text = out


def strip_end(text: str) -> str:
    return text.strip().rstrip(_TERMINAL + "，、：").strip()


def para_units(doc: ParsedDoc, para: Para, slot: Slotter, last: bool = False,
               above: tuple[str, ...] = ()) -> list[Unit]:
    """The units of one paragraph, in reading order. In the last line of a file that
    stops without closing its sentence (a truncated page), that sentence is not a unit,
    unless it ends on a report's closing formula (……迈上新台阶: only the full stop lost)."""
    pieces: list[tuple[str, str]] = []
    if para.heading:
        pieces.append(("heading", para.heading))
    pieces.extend(("sentence", s) for s in sentences(para.lead))
    for item in para.items:
        parts = sentences(item)
        if parts:
            pieces.append(("item", parts[0]))
            pieces.extend(("sentence", s) for s in parts[1:])
    if last and pieces and (unfinished(pieces[-1][1]) or pieces[-1][1].rstrip()[-1:] not in _TERMINAL + "”’）"
                            and not closes_report(pieces[-1][1])):
        pieces.pop()  # 法治政府建设取得显, ……持续推进: where a page was cut, even on a whole word
    out: list[Unit] = []
    for kind, raw in pieces:
        raw = strip_end(denumbered(raw.strip()))
        if garbled(raw):
            continue
        text, slots, fits = slot(raw)
        if acceptable(kind, raw, text):
            inside = above if kind == "heading" or not para.heading else (para.heading, *above)
            out.append(Unit(raw, text, slots, kind, doc.name, para.index, doc.year, part=para.part, levels=fits,
                            headings=inside))
    return out


def doc_units(doc: ParsedDoc) -> list[Unit]:
    slot = Slotter(doc.year, doc.place)
    units: list[Unit] = []
    last = doc.paras[-1] if doc.paras else None
    above = headings_above(doc)
    for para in doc.body():
        units.extend(para_units(doc, para, slot, last=para is last, above=above.get(para.index, ())))
    return units


def headings_above(doc: ParsedDoc) -> dict[int, tuple[str, ...]]:
    """Each paragraph's headings above it, nearest first: its （一） and 一、 (a 1. under a
    （一） too), not its own inline heading."""
    out: dict[int, tuple[str, ...]] = {}
    levels: dict[str, str] = {}  # h1 … h4 → the heading in force
    order = ("h1", "h2", "h3", "h4")
    for p in doc.paras:
        if p.kind in order:
            out[p.index] = tuple(levels[k] for k in reversed(order[:order.index(p.kind)]) if levels.get(k))
            for k in order[order.index(p.kind):]:
                levels.pop(k, None)
            levels[p.kind] = (p.heading or p.text) if p.kind != "h1" else p.text
        else:
            out[p.index] = tuple(levels[k] for k in reversed(order) if levels.get(k))
    return out



def word_piece(clause: str, start: int, end: int) -> str:
    """The largest piece of clause[start:end] that starts and ends on jieba word
    boundaries and neither starts nor ends on a function word (……为, ……和, 的……)."""
    words = segment(clause)
    bounds, pos = [0], 0
    for w in words:
        pos += len(w)
        bounds.append(pos)
    inside = [i for i, b in enumerate(bounds) if start <= b <= end]
    if len(inside) < 2:
        return ""
    first, last = inside[0], inside[-1]  # word indexes: words[first:last]
    fw = function_words()
    no_start, no_end = fw["no_start"], fw["no_end"]
    while first < last and words[first] in no_start:
        first += 1
    while last > first and words[last - 1] in no_end:
        last -= 1
    # A whole phrase: it ends where its clause ends, before a function word (…精神|和…) or a
    # generic head noun (…多元化解|机制), not before the rest of a compound (会议专题研究法治|
    # 建设工作); it starts where its clause starts, after a function word or verb, or with a
    # verb, not inside a compound (局党组|会议专题研究).
    if last < len(words) and words[last] not in fw["stop_before"]:
        return ""
    if first > 0 and words[first - 1] not in fw["start_after"] and words[first] not in fw["start_after"]:
        return ""
    # A verb wants its object whole: a piece it opens ends where its clause ends or before
    # 和/与 (落实……制度|和……), not before the head of its object (履行法治政府建设|职责).
    if words[first] in fw["verbs"] and last < len(words) and words[last] not in fw["joining"]:
        return ""
    if dangling_frame(words[first:last]):
        return ""
    return clause[bounds[first]:bounds[last]]


def dangling_frame(words: list[str] | tuple[str, ...]) -> bool:
    """The words open a frame they do not close, or close one they did not open
    (data/function_words.txt, 框架, 收尾): 以习近平新时代中国特色社会主义思想 (……为指导),
    将习近平法治思想 (……纳入), 区政府的正确领导下 (在……)."""
    fw = function_words()
    frames, closers = fw["frames"], fw["closers"]
    for i, w in enumerate(words):
        if w in frames and not frames[w].search("".join(words[i + 1:])):
            return True
        if w in closers and not closers[w].search("".join(words[:i])):
            return True  # 区政府的正确领导下 (在……下)
    return False
