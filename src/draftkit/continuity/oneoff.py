"""Last year's one-off events in a report carried forward: a clause that says something was
issued, revised, launched, set up or appointed (出台《…》, 修订…办法, 启动…建设, 设立…, 选聘…)
is last year's work, not this year's; a 率先/首创/全省第一 claim needs this year's basis; a
sentence about work that is over (疫情期间…) is to be deleted, not filled in. The words are
data (data/carry.yaml)."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from draftkit.punctuation import CLAUSE_END, PIECE_END

_CLAUSE = re.compile(f"[^{CLAUSE_END},;]+")
_SENTENCE = re.compile(f"[^{PIECE_END}]*[{PIECE_END}]|[^{PIECE_END}]+$")


@dataclass(frozen=True)
class _Act:
    """A one-off act (出台, 修订, 启动…): what to find, what must be near it, what excuses it."""

    find: re.Pattern
    needs: re.Pattern | None
    unless: re.Pattern | None


@dataclass(frozen=True)
class _Delete:
    """A sentence to delete rather than confirm (the COVID rule of currency.yaml applies)."""

    row: str
    about: re.Pattern
    note: str


@dataclass(frozen=True)
class _Rules:
    """The carry-forward rules of data/carry.yaml, compiled."""

    acts: tuple[_Act, ...]
    claims: re.Pattern
    delete: tuple[_Delete, ...]


@functools.lru_cache(maxsize=1)
def rules() -> _Rules:
    from draftkit.resources import data_file

    raw = data_file("carry.yaml")

    def opt(text: str | None) -> re.Pattern | None:
        return re.compile(text) if text else None

    acts = tuple(_Act(re.compile(r["find"]), opt(r.get("needs")), opt(r.get("unless"))) for r in raw["one_off"])
    delete = tuple(_Delete(d["row"], re.compile(d["about"]), d["note"]) for d in raw.get("delete", []))
    return _Rules(acts, re.compile(raw["claims"]["find"]), delete)


@dataclass(frozen=True)
class OneOff:
    """A clause of last year's text that speaks of a one-off act or makes a first-of-its-kind claim."""

    clause: str
    act: str  # the verb (出台, 修订完善, 启动 …) or ''
    claim: str  # 率先, 首创 … or ''

    def note(self) -> str:
        said = []
        if self.act:
            said.append(f"「{self.clause}」是去年{self.act}的，不是今年的工作：写今年做了什么（落实、运行、成效），或删去")
        if self.claim:
            said.append(("" if self.act else f"「{self.clause}」：") +
                        f"“{self.claim}”要有今年的依据（谁认定、何时），没有就删去这个说法")
        return "；".join(said)

    def flag(self) -> str:
        said = [f"去年{self.act}的，不是今年的工作"] if self.act else []
        said += [f"“{self.claim}”要有今年的依据"] if self.claim else []
        return f"{'；'.join(said)}，已在待确认中注明：{self.clause}"


def _act(clause: str) -> str:
    for act in rules().acts:
        m = act.find.search(clause)
        if m is None:
            continue
        rest = clause[m.end():]
        if act.needs is not None and not act.needs.search(rest):
            continue
        if act.unless is not None and act.unless.search(clause):
            continue
        return m.group(0).removeprefix("公开")
    return ""


def clauses(text: str) -> list[str]:
    """``text`` cut into clauses at ，。；, each stripped."""
    return [c for c in (m.group(0).strip() for m in _CLAUSE.finditer(text)) if c]


def one_offs(text: str) -> list[OneOff]:
    """The clauses of ``text`` (last year's sentence, figures written out) that tell of a
    one-off act or claim a first. A short clause (出台相关文件) is quoted with the one before."""
    out = []
    pieces = clauses(text)
    for i, clause in enumerate(pieces):
        act = _act(clause)
        claim = m.group(0) if (m := rules().claims.search(clause)) else ""
        if not (act or claim):
            continue
        shown = clause if len(clause) >= 10 or i == 0 else f"{pieces[i - 1]}，{clause}"
        out.append(OneOff(shown if len(shown) <= 60 else shown[:58] + "…", act, claim))
    return out


def is_one_off(clause: str) -> bool:
    """Whether a clause tells of a one-off act or claims a first (the examples in data/carry.yaml)."""
    return bool(_act(clause) or rules().claims.search(clause))


def to_delete(sentence: str, year: int) -> str:
    """The note for a sentence about work that is over in ``year`` (its first clause names
    it: 疫情期间优选…), or ''."""
    from draftkit.currency import table

    first = _CLAUSE.match(sentence)
    if first is None:
        return ""
    codes = {row.code for row in table().for_year(year, sentence)}
    for d in rules().delete:
        if d.row in codes and d.about.search(first.group(0)):
            return d.note
    return ""


def sentences(text: str) -> list[str]:
    """``text`` cut after each 。；！？ (the pieces join back to it)."""
    return _SENTENCE.findall(text) or [text]


__all__ = ["OneOff", "clauses", "one_offs", "is_one_off", "to_delete", "sentences", "rules"]
