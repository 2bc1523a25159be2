"""Whether a text to import is the issuer's own annual report: a study report on another
city's practice (corpus 003), a review article (000) or a news item (004) carried forward
would make another body's measures the clerk's own. The words are data (data/carry.yaml)."""

from __future__ import annotations

import re

from draftkit.domain import PART_NAMES, place_of
from draftkit.levels import place_pattern
from draftkit.reading.parsed import ParsedDoc



def reasons(doc: ParsedDoc) -> list[str]:
    """Why ``doc`` does not look like the issuer's own annual report (none: it does)."""
    from draftkit.resources import data_file

    genre = data_file("carry.yaml")["genre"]
    out = []
    title = (doc.title or "").strip()
    if title and (not re.compile(genre["report_title"]).search(title) or re.compile(genre["other_genre"]).search(title)):
        out.append(f"标题“{title[:30]}”不是情况报告")
    parts = {p.part for p in doc.paras if p.kind in ("h1", "h2", "h3", "h4", "body")}
    for key in ("shortcomings", "plan"):
        if key not in parts:
            out.append(f"没有“{PART_NAMES[key]}”部分")
    own = place_of(doc.issuer or "")
    head_place = re.compile(r"^(?:\d{4}年(?:度)?)?(" + place_pattern() + ")")  # 驻马店市法治政府建设工作主要做法
    for p in doc.paras:
        m = head_place.match(p.text) if p.kind == "h1" and p.part == "measures" else None
        if m and own and not (m.group(1) in doc.issuer or own in m.group(1)):
            out.append(f"主要举措部分讲的是{m.group(1)}的做法，发文机关却是{doc.issuer}")
            break
    return out


def refusal(doc: ParsedDoc) -> str:
    """One line saying why ``doc`` is not imported, or '' when it is the issuer's annual report."""
    found = reasons(doc)
    if not found:
        return ""
    return (f"{doc.name}: 不像是本单位的年度法治政府建设情况报告（{'；'.join(found)}），"
            f"导入会把其中的做法写成本单位今年的工作；{FORCE_HOW}")


FORCE_HOW = "确要导入，请用 draftkit import 加 --force"  # the browser offers a button instead (serve/start)


__all__ = ["FORCE_HOW", "reasons", "refusal"]
