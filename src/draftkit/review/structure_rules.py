"""Structure: the required parts, the plan's year, title, addressee, signature and date, numbering (S0xx)."""

from __future__ import annotations

import functools
import re

from draftkit.cnfmt import cn_number
from draftkit.domain import PART_NAMES, REQUIRED_PARTS
from draftkit.punctuation import CLAUSE_END
from draftkit.reading.structure import CN_NUM, cn_to_int
from draftkit.review.context import Ctx, lazy


def check_structure(ctx: Ctx) -> None:
    doc = ctx.doc
    present = doc.present_parts()
    missing = [key for key in REQUIRED_PARTS if key not in present]
    folded = doc.folded("leadership")
    required = doc.year is None or doc.year >= 2019  # 厅字〔2019〕28号, see below
    if folded and required and not ctx.broken_at and not any(p.kind == "h1" and p.part == "leadership" for p in doc.paras):
        ctx.add("S001", "note", f"党政主要负责人履职情况写在了“{PART_NAMES[folded[0].outer_part]}”的小节中"
                f"（第{folded[0].index}段），按规定宜单列为一部分", folded[0].index)
    if ctx.broken_at:  # the five items are required of reports on 2019 onwards (see below)
        _broken(ctx, missing if doc.year is None or doc.year >= 2019 else [])
    for key in missing if not ctx.broken_at else ():
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
            m = re.compile(r"(\d{4})年").match(p.text)
            if m and int(m.group(1)) != year + 1:
                ctx.add("S002", "error", f"主要安排应是 {year + 1} 年的（报告年度为 {year} 年），标题写的是 {m.group(1)} 年",
                        p.index, p.text.replace(m.group(1), str(year + 1), 1))
        elif p.kind == "h1" and p.part in ("measures", "shortcomings", "leadership") and year:
            m = re.compile(r"(\d{4})年").match(p.text)
            if m and int(m.group(1)) != year:
                ctx.add("S008", "error", f"这一部分写的是报告年度（{year} 年）的情况，标题却写 {m.group(1)} 年", p.index,
                        p.text.replace(m.group(1), str(year), 1))
    titles = [p for p in doc.paras if p.kind == "title"]
    if not titles:
        ctx.add("S003", "warning", "缺少标题（应写明发文机关和年度，如“XX县人民政府关于2025年度法治政府建设情况的报告”）")
    else:
        t = titles[0]
        if not re.compile(r"\d{4}年").search(t.text):
            ctx.add("S003", "warning", "标题没有写明年度", t.index)
        if not _names_issuer(t.text):
            ctx.add("S003", "warning", "标题没有写明发文机关", t.index)
    addressees = [p for p in doc.paras if p.kind == "addressee"]
    for p in addressees:
        if not ctx.raw(p.index).endswith("："):
            ctx.add("S004", "warning", "主送机关应以全角冒号“：”结尾", p.index, p.text + "：")
    if not addressees:
        after_title = [p for p in doc.paras[:3] if p.kind in ("meta", "title")][1:]
        issuer = {doc.issuer, *(p.text for p in doc.paras if p.kind == "signature")}
        lookalike = [p for p in after_title if re.compile(r"(政府|委|局|厅|办|部)$").search(p.text)
                     and not re.compile(r"[\d|｜]").search(p.text)  # 2026-01-20 | 武汉市水务局: page chrome
                     and p.text not in issuer and p.text not in doc.title
                     and not _addressed_below(ctx, p.index)]
        if lookalike:
            ctx.add("S004", "warning", "主送机关应以全角冒号“：”结尾", lookalike[0].index, lookalike[0].text + "：")
        else:
            ctx.add("S004", "note", "没有主送机关（向上级报送时应写明）")
    tail = [p.kind for p in doc.paras[-2:]]
    to_fill = any("【待填" in ctx.raw(p.index) for p in doc.paras[-2:])  # F004 says it
    if "date" not in tail and not to_fill and not ctx.broken_at:
        ctx.add("S005", "warning", "文末缺少成文日期")
    if "signature" not in tail and not ctx.broken_at:
        ctx.add("S005", "warning", "文末缺少发文机关署名")
    _numbering(ctx)


def _addressed_below(ctx: Ctx, index: int) -> bool:
    """The line after ``index`` addresses the readers (主任、副主任、秘书长、各位委员：): the one
    above names who speaks, as in a report made to the 人大常委会."""
    return index < len(ctx.norm) and ctx.norm[index].endswith("：") and len(ctx.norm[index]) <= 40


def _broken(ctx: Ctx, missing: list[str]) -> None:
    """A text that stops part-way: said once, with the parts not seen before it, instead of
    each missing part, signature and date as if the report left them out."""
    p = ctx.doc.paras[ctx.broken_at - 1]
    end = ctx.norm[p.index - 1][-12:]
    if ctx.stops_mid_report:  # the sentence is whole; the report is not
        after = "、".join(PART_NAMES[k] for k in missing) or PART_NAMES["plan"]
        ctx.add("S009", "error", f"正文到“…{end}”就结束了：其后没有{after}，也没有署名和日期，"
                "文件可能不完整（只复制了前一部分或被截断）", p.index, "核对原文，补全其后的内容")
        return
    unseen = f"；此前没有读到：{'、'.join(PART_NAMES[k] for k in missing)}" if missing else ""
    ctx.add("S009", "error", f"正文到“…{end}”就结束了，话没有说完，其后也没有署名和日期：文件可能不完整（只复制了一部分或被截断）"
            f"{unseen}", p.index, "核对原文，补全其后的内容")


# Who reports, as a title names it: a body (XX县人民政府关于…, XX市司法局2024年…), or the
# place a government reports for, with the year (2024年上海市…, 深圳市2025年…, 关于杭州市2024年度…);
# not a bare kind of body (经济开发区2024年度…, 关于2024年度…).
@functools.lru_cache(maxsize=1)
def _title_body() -> re.Pattern:
    """A title that opens with a body's name: the issuer model's endings (办事处, 海关, 调查队 …)
    and the short ones a title also uses (局, 委, 办, 会, 街道, 系统)."""
    from draftkit.issuers import body_ends

    return re.compile(rf"^(?:关于)?([\u4e00-\u9fff、 ]{{2,40}}?(?:{body_ends()}|局|委|办|厅|院|部|会|处|所|中心|室|街道|系统))"
                      r"(?:关于|\d{4}年|法治|依法)")


_TITLE_PLACE = lazy(r"^(?:关于)?([\u4e00-\u9fff、 ]{1,30}?(?:镇|乡|区|县|市|省|州|盟|旗))(?:关于|\d{4}年)"
                    r"|^\d{4}年度?([\u4e00-\u9fff]{1,30}?(?:镇|乡|区|县|市|省|州|盟|旗))")
_BARE_BODY = lazy(r"^(?:经济技术开发区|经济开发区|开发区|高新区|经开区|本[局区县市]|我[局区县市]|[省市县区镇乡]政府|区|县|市)$")


def _names_issuer(title: str) -> bool:
    title = re.compile(r"^(?:[^\u4e00-\u9fff\d]|标\s*题)+").sub("", title)  # ]…, | 标 题: | … (a web page's table)
    m = _title_body().search(title) or _TITLE_PLACE.search(title)
    if m and not _BARE_BODY.match(m.group(1) or m.group(2)):
        return True
    quoted = re.compile(r"^关于(?:报送|印发|上报)《(.+?)》").match(title)  # 关于报送《XX局2023年度…报告》的报告
    return bool(quoted) and _names_issuer(quoted.group(1))


_ENUM = lazy(rf"([{CN_NUM}]{{1,2}})是")


def _markers(text: str) -> list[int]:
    """The 一是、二是… of a paragraph: after a sentence break, or — where a scraped text lost
    the break (时间表三是…) — the number that comes next."""
    nums: list[int] = []
    for m in _ENUM.finditer(text):
        n = cn_to_int(m.group(1))
        broken = m.start() == 0 or text[m.start() - 1] in CLAUSE_END + "："
        if broken or (nums and n == nums[-1] + 1) or (not nums and n == 1 and "二是" in text[m.end():]):
            nums.append(n)
    return nums


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
        nums = _markers(p.text)
        if not nums:
            if p.index == ctx.broken_at and seq == list(range(1, len(seq) + 1)):
                seq = []  # the text stops inside an item (S009): the next may have followed
            continue
        continues = bool(seq) and p.text.startswith(f"{_cn(nums[0])}是") and nums[0] == seq[-1] + 1
        if not continues:
            _check_seq(ctx, seq, start)
            seq, start = [], p.index
        seq.extend(nums)
        if p.index == ctx.broken_at and seq == list(range(1, len(seq) + 1)):
            seq = []  # the text stops inside an item (S009): the next may have followed
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
