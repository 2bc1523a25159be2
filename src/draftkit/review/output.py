"""The findings for people (grouped by part) and for programs (JSON)."""

from __future__ import annotations

from draftkit.domain import PART_NAMES
from draftkit.review.context import SEVERITIES, SEVERITY_NAMES, Finding

# --- output ----------------------------------------------------------------------------

def summary(findings: list[Finding]) -> dict[str, int]:
    return {s: sum(1 for f in findings if f.severity == s) for s in SEVERITIES}


def format_human(name: str, findings: list[Finding]) -> str:
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
        where = f"第{f.paragraph}段" if f.paragraph else "    "
        if f.line:
            where += f"（第{f.line}行）"
        tip = f" → 建议：{f.suggestion}" if f.suggestion else ""
        out.append(f"  {where} {SEVERITY_NAMES[f.severity]} {f.code} {f.message}{tip}")
    return "\n".join(out)


def format_json(name: str, findings: list[Finding]) -> str:
    import json

    return json.dumps({"file": name, "summary": summary(findings), "findings": [f.to_dict() for f in findings]},
                      ensure_ascii=False, indent=2)
