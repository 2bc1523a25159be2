"""Which of the lines at the top of a page is the report's title (rules: data/page.yaml,
``title``): a site's name, its columns, an index table and a speech's dateline stand
above many published reports; the title is the last line there that reads as a report's
title, taken from a table cell (名称：…－文号：) when it is only there, from between a
site's separators (长沙市政府门户网站-…报告_…) when it is only there; the issuer printed on
lines of its own above a 关于… title, and the end of a title broken over lines
(…法治政府建设 / 情况的报告), are part of it."""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING


if TYPE_CHECKING:
    from draftkit.reading.parsed import Para

_BODY = ("body", "h1", "h2", "h3", "h4", "addressee", "date")


@functools.cache
def _rules() -> dict[str, re.Pattern]:
    from draftkit.resources import data_file

    rules = {k: re.compile(v) for k, v in data_file("page.yaml")["title"].items()}
    rules["separator"] = re.compile(r"[_|｜]|(?<=[^\d\s])-(?=[^\d\s])")  # 站名-标题_栏目, not 2021-2025
    rules["bracketed"] = re.compile(r"^[（(].*[)）]$")
    return rules


def _candidate(text: str) -> tuple[str, bool] | None:
    """(the title a line holds, whether it came with a site's decorations), or None."""
    r = _rules()
    text = r["row"].sub("", text).strip()
    if r["report"].search(text) and not r["site"].search(text):
        return text, False
    pieces = [p.strip() for p in r["separator"].split(text)]
    found = [p for p in pieces if r["report"].search(p) and not r["site"].search(p)]
    return (found[-1], True) if found else None


def _row(text: str) -> bool:
    """A line of a page's index table (发文机关：, …名称：, …-文号：), not of the report."""
    return len(text) <= 60 and bool(_rules()["row_label"].search(text))


def _looks_like_title(text: str) -> bool:
    """A short line that may be a title though it does not say 报告 (a study report's
    学习先进地区经验推进法治政府建设): not a site's name, an issuer's name alone, a speech's
    dateline in brackets."""
    r = _rules()
    return len(text) >= 6 and not r["site"].search(text) and not r["issuer"].match(text) \
        and not r["bracketed"].match(text) and not text.endswith("：")


def choose_title(paras: list[Para]) -> None:
    """Mark the title among the paragraphs above the report's body (kind ``title``; the
    first of its lines holds the whole title), the other lines there ``meta``."""
    r = _rules()
    head: list[Para] = []
    for p in paras:  # down to the first heading, addressee or paragraph of the report
        if p.kind in _BODY and not (p.kind == "body" and _row(p.text)):
            break
        head.append(p)
    pool = [k for k, p in enumerate(head) if p.kind in ("title", "meta") or _row(p.text)]
    found = []  # (lines, title, decorated)
    for k in pool:
        lines = [head[k]]
        if k + 1 in pool and r["rest"].match(head[k + 1].text):  # …法治政府建设 / 情况的报告
            lines.append(head[k + 1])
        if c := _candidate("".join(p.text for p in lines)):
            found.append((k, lines, *c))
    chosen = ([f for f in found if not f[3]] or found or [None])[-1]
    for k in pool:
        head[k].kind = "meta"
    if chosen is None:
        first = next((head[k] for k in pool if _looks_like_title(head[k].text)), None)
        if first is not None:
            first.kind = "title"
        return
    k, lines, text, _ = chosen
    if text.startswith("关于"):  # 中共长沙市委 / 长沙市人民政府 / 关于…
        issuers = []
        while k - 1 - len(issuers) in pool and len(issuers) < 3 and r["issuer"].match(head[k - 1 - len(issuers)].text):
            issuers.insert(0, head[k - 1 - len(issuers)])
        lines = issuers + lines
        text = " ".join(p.text for p in issuers) + text
    for p in lines:
        p.kind = "title"
    lines[0].text = text


# What a page's table or widget puts round a title: | 标 题: | …… |, 名称:, leading marks.
_WRAPPER = r"^(?:[\s|｜\[\]【】>›»·•\-—_：:]|标\s*题|名\s*称|信息名称)+|[\s|｜\[\]【】\-—_]+$"


def clean(text: str) -> str:
    """A title or name without the table marks and labels a page put round it."""
    return re.compile(_WRAPPER).sub("", text).strip() or text


# Who issued the report, as its title says: XX县人民政府关于…, XX市司法局2024年…
_ISSUER_BEFORE_YEAR = r"^(.{2,30}?(?:人民政府|政府|委员会|办公室|办公厅|管委会|局|厅|委|办|部|署|院|中心|街道办事处|街道))\d{4}年"


def issuer_of(title: str) -> str:
    """The issuer a title names: before its 关于, before its year (上海市司法局2023年…), or
    the place a report names as its own (长沙市2023年法治政府建设情况报告)."""
    if m := re.compile(r"^(.{2,30}?)关于").match(title):
        return clean(m.group(1))
    if m := re.compile(_ISSUER_BEFORE_YEAR).match(title):
        return clean(m.group(1))
    from draftkit.domain import place_of

    for m in (re.compile(r"^\d{4}年度?([\u4e00-\u9fff]{2,12}?)(?=法治|依法)").match(title),
              re.compile(r"^([\u4e00-\u9fff]{2,12}?)\d{4}年").match(title)):
        if m and place_of(m.group(1)) == m.group(1):
            return m.group(1)  # 长沙市2023年……, 2024年上海市……: the place's own report
    return ""
