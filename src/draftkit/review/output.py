"""The findings for people (grouped by part) and for programs (JSON)."""

from __future__ import annotations

import re
from collections import Counter

from draftkit.domain import PART_NAMES
from draftkit.review.context import SEVERITIES, SEVERITY_NAMES, Finding

# --- output ----------------------------------------------------------------------------

def summary(findings: list[Finding]) -> dict[str, int]:
    return {s: sum(1 for f in findings if f.severity == s) for s in SEVERITIES}


_TO_FILL = re.compile(r"【待填[：:]?([^】]*)】")


EACH_BY_JSON = "（每一处见 --json）"  # where the command line's reader finds each blank


def by_paragraph(findings: list[Finding], each: str = EACH_BY_JSON) -> list[Finding]:
    """The blanks of a paragraph (F004) as one finding: how many, of which kinds — a carried
    draft has dozens, one a line would bury the rest. Everything else as it is. ``each``:
    where the reader finds each blank (the command line's --json, the browser's page)."""
    groups: dict[tuple[str, int], list[Finding]] = {}
    order: list = []
    for f in findings:
        if f.code != "F004":
            order.append(f)
            continue
        key = (f.part, f.paragraph)
        if key not in groups:
            groups[key] = []
            order.append(key)
        groups[key].append(f)
    return [_merged(groups[x], each) if isinstance(x, tuple) else x for x in order]


def _merged(blanks: list[Finding], each: str) -> Finding:
    if len(blanks) == 1:
        return blanks[0]
    kinds: Counter = Counter()
    todos = []
    for f in blanks:
        if "【待写" in f.message:
            todos.append(f.message[f.message.find("“"):])
        elif m := _TO_FILL.search(f.message):
            kinds[_kind(m.group(1), f.message[m.end():])] += 1
        else:
            kinds[f.message.split("“")[0].removeprefix("未填写的")] += 1
    said = []
    if kinds:
        said.append(f"{sum(kinds.values())} 处待填：" + "、".join(f"{k}×{n}" for k, n in kinds.items()))
    if todos:
        said.append(f"{len(todos)} 处待写{todos[0]}" + ("等" if len(todos) > 1 else ""))
    first = blanks[0]
    return Finding("F004", "error", f"这一段有 {'；'.join(said)}", first.part, first.paragraph, first.line,
                   "填好数据、写好待写的内容" + each)


def _kind(name: str, after: str) -> str:
    """What a blank asks for: its slot's name (研究次数), or for a figure (数据) a 百分比 or a 数字."""
    if name not in ("", "数据"):
        return name
    if after.startswith(("%", "个百分点")):
        return "百分比"
    return "数字" if after[:1] not in ("”", "") else "数据"


def format_human(name: str, findings: list[Finding]) -> str:
    findings = by_paragraph(findings)
    counts = summary(findings)
    head = (f"{name}：{counts['error']} 个错误，{counts['warning']} 个警告，{counts['note']} 个提示"
            if findings else f"{name}：没有发现问题")
    out = [head]
    group = None
    for f in sorted(findings, key=lambda f: (f.part != "", list(PART_NAMES).index(f.part) if f.part in PART_NAMES
                                             else -1, f.paragraph, f.code)):
        label = PART_NAMES.get(f.part, "全文") if f.part else "全文"
        if label != group:
            out.append(f"【{label}】")
            group = label
        out.append(f"  {place(f) if f.paragraph else '    ' + place(f)} {said(f)}")
    return "\n".join(out)


def place(f: Finding) -> str:
    """Where a finding is: 第5段（第12行）, or '' for the whole text."""
    where = f"第{f.paragraph}段" if f.paragraph else ""
    return where + (f"（第{f.line}行）" if f.line else "")


def said(f: Finding) -> str:
    """A finding in one line after its place: 错误 F001 … → 建议：…"""
    tip = f" → 建议：{f.suggestion}" if f.suggestion else ""
    return f"{SEVERITY_NAMES[f.severity]} {f.code} {f.message}{tip}"


def format_json(name: str, findings: list[Finding]) -> str:
    import json

    return json.dumps({"file": name, "summary": summary(findings), "findings": [f.to_dict() for f in findings]},
                      ensure_ascii=False, indent=2)
