"""The first questions of ``draftkit new``, as data: what is asked, how the answer is
checked, where it goes in the answers file. What cannot be data — a default worked out
from earlier answers, an answer stored in another shape — is a small function per step."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Callable, Protocol

from draftkit.domain import LEVELS, default_title, guess_level, place_of
from draftkit.drafting.defaults import default_addressee, default_date, default_opening
from draftkit.drafting.prompter import Prompter
from draftkit.drafting.validators import parse_date, to_year, v_date_for, v_leader, v_required, v_year
from draftkit.issuers import default_leader


class Drafting(Protocol):
    """What a question needs of the walk that asks it (drafting/flow.py's Flow is one): the
    answers so far, the prompt, and the report's year and issuer as answered."""

    data: dict
    ui: Prompter
    today: dt.date

    @property
    def year(self) -> int: ...

    @property
    def issuer(self) -> dict: ...


@dataclass(frozen=True)
class Question:
    """One question of the interactive drafting, and where its answer is kept."""

    step: str  # the progress step, and the key of the answer unless ``key`` says otherwise
    message: str  # {year} and {next_year} are the report's years
    kind: str = "text"  # text | select
    check: str = ""  # required | year | date | leader
    back: bool = True  # ``<`` goes back (not on the first question)
    key: str = ""  # where the answer is kept: "issuer.name" is data["issuer"]["name"]


BASICS: tuple[Question, ...] = (
    Question("issuer", "发文机关名称（如 青岚县人民政府）：", check="required", back=False, key="issuer.name"),
    Question("level", "层级：", kind="select", key="issuer.level"),
    Question("leader", "主要负责人的职务（第一责任人部分写他的职责，如 县长、局长）：", check="leader", key="issuer.leader"),
    Question("year", "报告哪一年的情况（年度）：", check="year"),
    Question("addressee", "主送机关（报送给谁，可留空）："),
    Question("date", "成文日期（{next_year}年内，如 {next_year}-02-10）：", check="date"),
    Question("title", "标题（可修改）：", check="required"),
    Question("opening", "开头一段（已按年度写好现行提法，可修改）：", check="required"),
)


def _get(data: dict, key: str) -> Any:
    for k in key.split(".")[:-1]:
        data = data.get(k) or {}
    return data.get(key.split(".")[-1])


def _set(data: dict, key: str, value: Any) -> None:
    *path, last = key.split(".")
    for k in path:
        data = data.setdefault(k, {})
    data[last] = value


def _computed_title(flow: Drafting) -> str:
    return default_title(flow.issuer.get("name", ""), flow.issuer.get("level", ""), flow.year)


# Defaults worked out from earlier answers (the answer already given wins).
_DEFAULTS: dict[str, Callable[[Drafting], Any]] = {
    "level": lambda f: guess_level(f.issuer.get("name", "")),
    "leader": lambda f: default_leader(f.issuer.get("name", ""), f.issuer.get("level", ""), f.issuer.get("place", "")),
    "year": lambda f: f.year,
    "addressee": lambda f: default_addressee(f.issuer.get("name", ""), f.issuer.get("level", "")),
    "date": lambda f: (lambda d: f"{d:%Y-%m-%d}" if d else "")(default_date(f.today, f.year)),
    "title": _computed_title,
    "opening": lambda f: default_opening(f.year, f.issuer.get("place", ""), f.issuer.get("level", ""),
                                         f.issuer.get("name", "")),
}


def _store_issuer(flow: Drafting, name: str) -> None:
    flow.issuer["name"] = name
    if place := place_of(name):
        flow.issuer["place"] = place


def _store_title(flow: Drafting, title: str) -> None:
    if title == _computed_title(flow):
        flow.data.pop("title", None)  # computed: follows the issuer and year if they change
    else:
        flow.data["title"] = title


# Answers kept in another shape than typed.
_STORE: dict[str, Callable[[Drafting, str], None]] = {
    "issuer": _store_issuer,
    "year": lambda f, t: f.data.__setitem__("year", to_year(t)),
    "addressee": lambda f, t: f.data.__setitem__("addressee", t.rstrip("：:")),
    "date": lambda f, t: f.data.__setitem__("date", parse_date(t)),
    "title": _store_title,
}


def _usual_addressee(flow: Drafting) -> str:
    from draftkit import issuers

    p = issuers.parse(flow.issuer.get("name", ""), flow.issuer.get("level", ""))
    return f"一般是{p.superior}" if p.superior else "一般是上一级机关"


def ask_basic(flow: Drafting, q: Question) -> None:
    key = q.key or q.step
    old = _get(flow.data, key)
    default = old if old not in (None, "") else (_DEFAULTS[q.step](flow) if q.step in _DEFAULTS else "")
    message = q.message.format(year=flow.year, next_year=flow.year + 1)
    if q.step == "addressee" and not default:  # the name does not tell: say whom it usually is (the issuer model)
        message = message.replace("可留空", f"可留空；{_usual_addressee(flow)}")
    if q.kind == "select":
        answer = flow.ui.select(message, list(LEVELS), default=default)
    elif q.step == "opening" and isinstance(default, list):  # an imported report: one question a paragraph
        flow.data["opening"] = [flow.ui.text(f"开头第 {n} 段（可修改；{{year}} 会写成年度）：", para, v_required)
                                for n, para in enumerate(default, 1)]
        return
    else:
        check = {"required": v_required, "year": v_year, "date": v_date_for(flow.year), "leader": v_leader}.get(q.check)
        answer = flow.ui.text(message, str(default), check, back=q.back)
    if q.step in _STORE:
        _STORE[q.step](flow, answer)
    else:
        _set(flow.data, key, answer)
