"""Claims of completeness stated as done with nothing to show for them (A006, a hint): 全部,
全覆盖, 所有/均, 按期完成, 逐案, 应X尽X in a clause that has no figure and no blank for
one; and events taken as happened (对败诉案件分析原因) while their count is a blank or 0. Real reports say such things too, so it is a hint: the reviewer asks for the figure. The
words are data (data/claims.yaml)."""

from __future__ import annotations

import functools
import re

from draftkit.punctuation import CLAUSE_END, PIECE_END
from draftkit.review.context import Ctx

# A figure in the clause: the claim has its number (a whole run of digits: 2023年 is a year, not 202). 100% itself is not one, nor is a blank (【待填】):
# until the clerk fills it, 全部 is still the tool's word (the reviewer: 【待填】个村全部配备 is invented).
_FIGURE = re.compile(r"(?<![\d.])\d+(?!\d)(?:\.\d+)?(?![\d.]*%)(?!年)|[一二三四五六七八九十百千万两]+(?:件|个|项|人|次|家|所)")
# A clause that opens with the claim itself (全部经…, 均已…): its subject is the clause before.
_BARE = re.compile(r"(?:并|且|已)?(?:全部|均|所有)")
_CHANGE = re.compile(r"\s*(?:同比|比上年|较上年|与上年)")  # a figure's own change, written after it
_CLAUSE = re.compile(f"[^{CLAUSE_END}：,;]+")  # also the half-width marks of scraped text


@functools.lru_cache(maxsize=1)
def rows() -> list[tuple[re.Pattern, str, bool]]:
    """(the words, the note, whether it is said in a todo-marked sentence too) of data/claims.yaml claims."""
    from draftkit.resources import data_file

    return [(re.compile(r["find"]), r["note"], bool(r.get("todo"))) for r in data_file("claims.yaml")["claims"]]


def unconfirmed(text: str) -> list[tuple[str, str]]:
    """(the words, the note) of each claim in ``text`` whose clause has no figure, once a claim."""
    return [(words, note) for words, note, _ in claims(text)]


_TODO = re.compile(r"【待写】")


def claims(text: str) -> list[tuple[str, str, bool]]:
    """(the words, the note, in a todo-marked sentence) of each claim in ``text`` whose clause
    has no figure. A clause that carries a todo (【待写：取自短语库…】) is the tool's sentence
    for the clerk to confirm: its 全部/所有/均 (rows marked todo) is still said, since the todo
    asks whether it was done, not whether all of it was; the piece (to its ；or 。) holding
    a todo after the claim is todo-marked."""
    out = []
    text = re.sub(r"【(待[填写])[^】]*】", r"【\1】", text)  # a blank's own colon does not end its clause
    before = ""
    for piece in re.compile(f"[^{PIECE_END}]+[{PIECE_END}]?").findall(text):
        for clause in _CLAUSE.findall(piece):
            # 制发文件6件，全部经合法性审核: a claim with no subject of its own counts the clause before
            figure = _FIGURE.search(clause) or (_BARE.match(clause) and _FIGURE.search(before))
            if not _CHANGE.match(clause):  # 6件，同比减少40%，全部经…: the 同比 is the figure's, not a subject
                before = clause
            if figure:
                continue
            told = "【待写" in clause
            for pattern, note, in_todo in rows():
                m = pattern.search(_TODO.sub("", clause) if told else clause)
                if m and (in_todo or not told):
                    at = piece.find(clause)
                    marked = bool(_TODO.search(piece, at + m.end())) if at >= 0 else told
                    out.append((m.group(0), note, marked))
                    break
                if m:
                    break
    return out


@functools.lru_cache(maxsize=1)
def _presumes() -> list[tuple[re.Pattern, re.Pattern, re.Pattern, str]]:
    """(the words, the event, the event's count, the note) of data/claims.yaml presumes."""
    from draftkit.resources import data_file

    return [(re.compile(r["find"]), re.compile(r["event"]),
             re.compile(f"(?:{r['event']})[^，；。\\d【]{{0,8}}?(\\d+|【待填[^】]*】|[零〇])"), r["note"])
            for r in data_file("claims.yaml")["presumes"]]


_TOLD_NOTE = "（标注只问做没做：确认“做了”，这个全称说法仍是初稿的话）"
_SENTENCE = re.compile(f"[^{PIECE_END}!?;]+")  # a sentence or one of its ；-joined pieces
_TOLD = re.compile(r"【待写：[^】]*】")


def presumed(text: str) -> list[tuple[str, str]]:
    """(the words, the note) of each sentence of ``text`` that takes an event as happened (对败诉
    案件分析原因) while its count before it in the sentence is a blank, 0 or missing — unless a
    todo after it speaks of that event (the clerk has been told)."""
    out = []
    for sentence in _SENTENCE.findall(text):
        for pattern, event, count, note in _presumes():
            m = pattern.search(sentence)
            if m is None or event.search(" ".join(_TOLD.findall(sentence[m.end():]))):  # told in its todo
                continue
            counts = count.findall(sentence[:m.start()])
            if any(c.isdigit() and int(c) > 0 for c in counts):
                continue
            out.append((m.group(0), note))
    return out


@functools.lru_cache(maxsize=1)
def _concludes() -> list[tuple[re.Pattern, str]]:
    from draftkit.resources import data_file

    return [(re.compile(r"【待填[^】]*】[^。；]*?(" + r["find"] + ")"), r["note"]) for r in data_file("claims.yaml")["concludes"]]


def concluded(text: str) -> list[tuple[str, str]]:
    """(the words, the note) of each comparison concluded in ``text`` after a blank in the same
    sentence (败诉率【待填】，远低于省定目标任务): the figure is not there yet, the conclusion is."""
    out = []
    for sentence in _SENTENCE.findall(text):
        for pattern, note in _concludes():
            m = pattern.search(sentence)
            if m:
                out.append((m.group(1), note))
                break
    return out


def _short(words: str) -> str:
    return words if len(words) <= 16 else words[:14] + "…"


def _as_read_with_todos(raw: str) -> str:
    from draftkit.reading.normalise import normalise_line

    return normalise_line(raw)


def check_claims(ctx: Ctx) -> None:
    for p in ctx.body():
        if p.kind != "body" or p.part == "plan":  # next year's plan is intentions, not claims
            continue
        raw = ctx.raw(p.index)
        # the text as read has no todos (【待写：…】 are the clerk's notes): the paragraph as written
        # tells which sentences carry one
        found = claims(_as_read_with_todos(raw) if "【待写" in raw else p.text)
        for words, note, marked in found:
            # in a sentence the tool wrote (todo-marked), the claim is the tool's: the clerk who confirms it keeps it
            ctx.add("A006", "warning" if marked else "note", f"“{_short(words)}”：{note}" + (_TOLD_NOTE if marked else ""),
                    p.index, "写出件数（填好数字），或改写掉这个说法" if marked else "")
        for words, note in concluded(p.text):
            ctx.add("A007", "warning", f"“{_short(words)}”：{note}", p.index, "填好数字，写出比较的数，或删去这个结论")
        for words, note in presumed(p.text):
            if not any(w in words or words in w for w, _, _ in found):  # 逐案分析 already hinted
                ctx.add("A006", "note", f"“{words}”：{note}", p.index)
