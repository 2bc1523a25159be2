"""Structure: the required parts, the plan's year, title, addressee, signature and date, numbering (S0xx)."""

from __future__ import annotations

import re

from draftkit.cnfmt import cn_number
from draftkit.domain import PART_NAMES, REQUIRED_PARTS
from draftkit.mining.structure import CN_NUM, cn_to_int
from draftkit.review.context import Ctx


def check_structure(ctx: Ctx) -> None:
    doc = ctx.doc
    present = {p.part for p in doc.paras if p.kind in ("h1", "body", "h2", "h3", "h4")}
    for key in REQUIRED_PARTS:
        if key not in present:
            # The five items are required by 厅字〔2019〕28号 (in force 2019-04-15): reports
            # on 2019 onwards. Earlier reports only get a note.
            if doc.year is None or doc.year >= 2019:
                ctx.add("S001", "error", f"缺少必需的部分：{PART_NAMES[key]}")
            else:
                ctx.add("S001", "note", f"没有“{PART_NAMES[key]}”部分（{doc.year} 年度报告早于厅字〔2019〕28号的要求）")
    year = doc.year
    for p in doc.paras:
        if p.kind == "h1" and p.part == "plan" and year:
            m = re.match(r"(\d{4})年", p.text)
            if m and int(m.group(1)) != year + 1:
                ctx.add("S002", "error", f"主要安排应是 {year + 1} 年的（报告年度为 {year} 年），标题写的是 {m.group(1)} 年",
                        p.index, p.text.replace(m.group(1), str(year + 1), 1))
    titles = [p for p in doc.paras if p.kind == "title"]
    if not titles:
        ctx.add("S003", "warning", "缺少标题（应写明发文机关和年度，如“XX县人民政府关于2025年度法治政府建设情况的报告”）")
    else:
        t = titles[0]
        if not re.search(r"\d{4}年", t.text):
            ctx.add("S003", "warning", "标题没有写明年度", t.index)
        if not re.search(r"(政府|局|委|办|厅|院|部|会|处|所|中心|街道|镇|乡)(关于|\d{4})", t.text):
            ctx.add("S003", "warning", "标题没有写明发文机关", t.index)
    addressees = [p for p in doc.paras if p.kind == "addressee"]
    for p in addressees:
        if not ctx.raw(p.index).endswith("："):
            ctx.add("S004", "warning", "主送机关应以全角冒号“：”结尾", p.index, p.text + "：")
    if not addressees:
        after_title = [p for p in doc.paras[:3] if p.kind in ("meta", "title")][1:]
        issuer = {doc.issuer, *(p.text for p in doc.paras if p.kind == "signature")}
        lookalike = [p for p in after_title if re.search(r"(政府|委|局|厅|办|部)$", p.text)
                     and p.text not in issuer and p.text not in doc.title]
        if lookalike:
            ctx.add("S004", "warning", "主送机关应以全角冒号“：”结尾", lookalike[0].index, lookalike[0].text + "：")
        else:
            ctx.add("S004", "note", "没有主送机关（向上级报送时应写明）")
    tail = [p.kind for p in doc.paras[-2:]]
    if "date" not in tail:
        ctx.add("S005", "warning", "文末缺少成文日期")
    if "signature" not in tail:
        ctx.add("S005", "warning", "文末缺少发文机关署名")
    _numbering(ctx)
    _level(ctx)


_ENUM = re.compile(rf"(?:^|(?<=[。；：，！？]))([{CN_NUM}]{{1,2}})是")


def _numbering(ctx: Ctx) -> None:
    last_h1 = 0
    last_h2 = 0
    for p in ctx.doc.paras:
        if p.kind == "h1":
            if p.number != last_h1 + 1:
                ctx.add("S006", "warning", f"一级标题序号不连续：{_cn(last_h1)}、之后是{_cn(p.number)}、", p.index)
            last_h1, last_h2 = p.number, 0
        elif p.kind == "h2":
            if p.number != last_h2 + 1:
                ctx.add("S006", "warning", f"二级标题序号不连续：（{_cn(last_h2)}）之后是（{_cn(p.number)}）"
                        if last_h2 else f"二级标题应从（一）开始，这里是（{_cn(p.number)}）", p.index)
            last_h2 = p.number
    # 一是、二是… inside paragraphs; a paragraph that starts with the next marker continues
    # the enumeration before it (items in paragraphs of their own), and a paragraph without
    # markers between two items (an item of several paragraphs) does not break it.
    seq: list[int] = []
    start = 0
    for p in ctx.doc.paras:
        if p.kind == "h1":
            _check_seq(ctx, seq, start)
            seq = []
            continue
        if p.kind not in ("body", "h2", "h3", "h4"):
            continue
        nums = [cn_to_int(m.group(1)) for m in _ENUM.finditer(p.text)]
        if not nums:
            continue
        continues = bool(seq) and p.text.startswith(f"{_cn(nums[0])}是") and nums[0] == seq[-1] + 1
        if not continues:
            _check_seq(ctx, seq, start)
            seq, start = [], p.index
        seq.extend(nums)
    _check_seq(ctx, seq, start)


def _check_seq(ctx: Ctx, seq: list[int], index: int) -> None:
    if not seq:
        return
    if seq == [1]:
        ctx.add("S006", "warning", "有“一是”而没有“二是”", index)
        return
    expected = list(range(1, len(seq) + 1))
    if seq != expected:
        ctx.add("S006", "warning", f"“一是、二是……”序号不连续：{'、'.join(_cn(n) + '是' for n in seq)}", index)


def _cn(n: int) -> str:
    return cn_number(n) if 1 <= n <= 99 else str(n)


# Self-references that belong to another level: 全市/我市 in a county's report, 全县 in a city's.
_OTHER_LEVEL = {
    "县": ("市", r"我市|本市|全市|市政府常务会议"),
    "市": ("县", r"我县|本县|全县|我区|本区|全区|县政府常务会议|区政府常务会议"),
    "乡镇": ("镇", r"我市|本市|全市|我县|本县|全县|我区|全区"),
    "省": ("省", r"我市|本市|全市|我县|本县|全县"),
}
_SELF = {"县": "县", "市": "市", "乡镇": "镇", "省": "省"}
# 在全市率先, 全市第一: the level above, named on purpose.
_ABOVE = re.compile(r"(?:在|居|列|位|获|为|于|省|是|被)$")
_ABOVE_AFTER = re.compile(r"^(?:率先|首|第|前列|排名|唯一|推广|评比|表彰|考核|通报|作为|示范|典型|优秀|先进)")


def _place_level(ctx: Ctx) -> tuple[str, str]:
    """(level, own word) of the place the issuer stands for: 青岚县司法局 → (县, 县)."""
    from draftkit.domain import place_of

    report = ctx.document.report
    name = report.issuer.name if report is not None else ctx.doc.issuer
    place = (report.issuer.place if report is not None else "") or place_of(name) or ""
    if "街道" in name or re.search(r"[镇乡]$", place) or re.search(r"[镇乡]人民政府$", name):
        return "乡镇", "镇" if "镇" in place else "乡" if place.endswith("乡") else "街道"
    if re.search(r"(省|自治区)$", place):
        return "省", "省"
    if re.search(r"(市|州|盟)$", place):
        return "市", "市"
    if re.search(r"(县|区|旗)$", place):
        return "县", place[-1]
    return "", ""


def _level(ctx: Ctx) -> None:
    level, own = _place_level(ctx)
    if level not in _OTHER_LEVEL:
        return
    pattern = re.compile(_OTHER_LEVEL[level][1])
    for p in ctx.body():
        text = p.heading + p.text
        for m in pattern.finditer(text):
            if _ABOVE.search(text[max(0, m.start() - 1):m.start()]) or _ABOVE_AFTER.match(text[m.end():]):
                continue
            word = m.group(0)
            fix = re.sub(r"[市县区]", own, word, count=1) if own in "市县区旗镇乡省" else word
            ctx.add("S007", "warning", f"“{word}”与发文机关的层级不符（{ctx.doc.issuer or '本报告'}）", p.index, fix)
            break
