"""Load and validate a report data file (YAML) into the report model.

The YAML is composed into nodes (safe loader, no object construction) so that every
problem can name its file, line and column; all problems are collected and raised
together as one DraftkitError.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode

from draftkit.domain import (
    LEVELS,
    PART_KEYS,
    PART_NAMES,
    REQUIRED_PARTS,
    SECTION_STYLES,
)
from draftkit.errors import DraftkitError, Problem
from draftkit.levels import leader_problem
from draftkit.report.model import (
    Figure,
    Issuer,
    Item,
    Layout,
    Part,
    Report,
    Section,
    Value,
)
from draftkit.report.schema import STYLE, keys, named
from draftkit.report.yamlnodes import (
    NodeReader,
    clean_text,
    compose,
    parse_date,
    read_text,
    yaml_problem,
)

__all__ = ["load_report", "load_report_lenient", "read_text", "parse_date", "clean_text"]


def load_report(path: str | Path, text: str | None = None) -> Report:
    """Parse and validate; raise DraftkitError listing every problem."""
    report, problems = load_report_lenient(path, text)
    if problems:
        raise DraftkitError(problems)
    return report


def load_report_lenient(path: str | Path, text: str | None = None, draft: bool = False) -> tuple[Report, list[Problem]]:
    """Parse and validate, returning the report as far as it could be read and the
    problems found, so that later stages can add theirs to one list. A file that cannot
    be read or parsed at all still raises. A draft may leave its date empty (null)."""
    path = Path(path)
    name = str(path)
    if text is None:
        text = read_text(path)
    root = compose(name, text)
    if root is None:
        raise DraftkitError(f"{name}: 文件是空的")
    v = _Validator(name)
    v.draft = draft
    report = v.report(root)
    if report is None:
        raise DraftkitError(v.errors.problems)
    report.source = name
    return report, v.errors.problems



class _Validator(NodeReader):
    """The report data file: its keys, parts, sections, items and values."""

    draft = False

    def report(self, root: Node) -> Report | None:
        top = self.mapping(root, keys("report"), "报告")
        if top is None:
            return None
        issuer = self.issuer(top["issuer"][1]) if "issuer" in top else None
        year = self.integer(top["year"][1], named("report", "year")) if "year" in top else None
        if year is not None and not 2000 <= year <= 2100:
            self.err(top["year"][1], f"年度 {year} 不合理，应为四位年份，如 2025")
            year = None
        date = None
        if "date" in top and not (self.draft and _is_null(top["date"][1])):
            date = self.date(top["date"][1], named("report", "date"))
        if date and year:
            if date <= dt.date(year, 12, 31):
                self.err(top["date"][1], f"成文日期 {date:%Y-%m-%d} 早于 {year} 年结束，年度报告应在次年成文")
            elif date > dt.date(year + 1, 12, 31):
                self.err(top["date"][1], f"成文日期 {date:%Y-%m-%d} 距 {year} 年结束已超过一年")
        report = Report(
            issuer=issuer or Issuer("", ""),
            year=year or 0,
            date=date or dt.date(1, 1, 1),
        )
        if "addressee" in top and _is_null(top["addressee"][1]):  # still to fill (a draft shows 【待填：主送机关】)
            report.addressee = None
            if not self.draft:
                self.err(top["addressee"][1], f"{named('report', 'addressee')}还没有填写：写明报送的机关，不报送的删去这一行")
        elif "addressee" in top:
            report.addressee = (self.text(top["addressee"][1], named("report", "addressee"), allow_empty=True) or "").rstrip("：:")
        if "title" in top:
            report.title = self.text(top["title"][1], named("report", "title"), allow_empty=True) or ""
        report.locs = {key: self.loc(vnode) for key, (_, vnode) in top.items()}
        if "opening" in top:
            report.opening = self.text_block(top["opening"][1], named("report", "opening"))
        if "closing" in top:
            report.closing = self.text(top["closing"][1], named("report", "closing"), allow_empty=True) or ""
        if "layout" in top:
            report.layout = self.layout(top["layout"][1])
        if "based_on" in top:
            report.based_on = self.text(top["based_on"][1], named("report", "based_on"), allow_empty=True) or ""
        if "order" in top:
            report.order = self.order(top["order"][1])
        if "parts" in top:
            report.parts = self.parts(top["parts"][1], year)
            for key in REQUIRED_PARTS:
                if report.parts is not None and key not in report.parts and isinstance(top["parts"][1], MappingNode):
                    self.err(top["parts"][1], f"缺少必需部分“{key}”（{PART_NAMES[key]}）")
                if key not in report.order and "order" in top:
                    self.err(top["order"][1], f"order 中缺少必需部分“{key}”（{PART_NAMES[key]}）")
            for key in report.parts:
                if key not in REQUIRED_PARTS and key not in report.order and "order" in top:
                    self.err(top["order"][1], f"order 中缺少部分“{key}”，它不会出现在报告中")
        return report

    def issuer(self, node: Node) -> Issuer | None:
        m = self.mapping(node, keys("issuer"), named("report", "issuer"))
        if m is None:
            return None
        name = self.text(m["name"][1], named("issuer", "name")) if "name" in m else None
        level = None
        if "level" in m:
            level = self.text(m["level"][1], named("issuer", "level"))
            if level is not None and level not in LEVELS:
                from difflib import get_close_matches  # only for a mistake's hint

                hint = get_close_matches(level, LEVELS, n=1, cutoff=0.3)
                tip = f"，是否想写“{hint[0]}”？" if hint else ""
                self.err(m["level"][1], f"{named('issuer', 'level')}“{level}”无效，应为 {'/'.join(LEVELS)} 之一{tip}")
                level = None
        place = self.text(m["place"][1], named("issuer", "place")) if "place" in m else ""
        leader = ""
        if "leader" in m:
            leader = self.text(m["leader"][1], named("issuer", "leader"), allow_empty=True) or ""
            if leader and (why := leader_problem(leader)):
                self.err(m["leader"][1], f"leader（{why}")
                leader = ""
        return Issuer(name or "", level or "", place or "", leader)

    def layout(self, node: Node) -> Layout:
        m = self.mapping(node, keys("layout"), named("report", "layout")) or {}
        out = Layout()
        if "sealed" in m:
            out.sealed = self.boolean(m["sealed"][1], named("layout", "sealed")) is not False
        if "bold_headings" in m:
            out.bold_headings = self.boolean(m["bold_headings"][1], named("layout", "bold_headings")) is True
        return out

    def order(self, node: Node) -> list[str]:
        out: list[str] = []
        for sub in self.seq(node, named("report", "order")):
            key = self.text(sub, "部分名称")
            if key is None:
                continue
            if key not in PART_KEYS:
                self.err(sub, self._unknown_part(key))
            elif key in out:
                self.err(sub, f"部分“{key}”在 order 中重复")
            else:
                out.append(key)
        return out

    def _unknown_part(self, key: str) -> str:
        from difflib import get_close_matches  # only for a mistake's hint

        hint = get_close_matches(key, PART_KEYS, n=1, cutoff=0.6)
        tip = f"，是否想写“{hint[0]}”？" if hint else f"；可用的部分：{', '.join(PART_KEYS)}"
        return f"未知的部分“{key}”{tip}"

    def parts(self, node: Node, year: int | None) -> dict[str, Part]:
        m = self.mapping(node, {k: False for k in PART_KEYS}, named("report", "parts"))
        if m is None:
            return {}
        return {key: self.part(key, vnode, year) for key, (_, vnode) in m.items()}

    def part(self, key: str, node: Node, year: int | None) -> Part:
        what = f"部分“{key}”"
        part = Part(key=key, loc=self.loc(node))
        if isinstance(node, ScalarNode) and node.tag == "tag:yaml.org,2002:null":
            return part
        m = self.mapping(node, keys("part", key), what)
        if m is None:
            return part
        before = len(self.errors.problems)
        if "heading" in m:
            part.heading = self.text(m["heading"][1], f"{what}的标题 heading")
        if "intro" in m:
            part.intro = self.text_block(m["intro"][1], f"{what}的导语 intro")
        if "year" in m:
            part.year = self.integer(m["year"][1], "计划year（年度）")
            if part.year is not None and year is not None and part.year != year + 1:
                self.err(m["year"][1], f"主要安排应是 {year + 1} 年的计划（报告年度 {year} 的下一年），而不是 {part.year} 年")
        if "sections" in m:
            for i, sub in enumerate(self.seq(m["sections"][1], f"{what}的 sections"), 1):
                section = self.section(sub, f"{what}第 {i} 个小标题")
                if section:
                    part.sections.append(section)
        if "items" in m:
            style = self.style(m["style"][1]) if "style" in m else STYLE
            section = Section(heading=None, style=style, loc=self.loc(m["items"][1]))
            section.items = self.items(m["items"][1], what)
            part.sections.insert(0, section)
        elif "style" in m:
            self.err(m["style"][0], f"{what}的 style 只对 items 起作用，请把它写在 items 旁或小标题中")
        if part.is_empty() and key in REQUIRED_PARTS and len(self.errors.problems) == before:  # not for a bad item
            self.err(node, f"{what}（{PART_NAMES[key]}）没有内容")
        return part

    def style(self, node: Node) -> str:
        value = self.text(node, named("section", "style"))
        if value is not None and value not in SECTION_STYLES:
            from difflib import get_close_matches  # only for a mistake's hint

            hint = get_close_matches(value, SECTION_STYLES, n=1, cutoff=0.5)
            tip = f"，是否想写“{hint[0]}”？" if hint else ""
            self.err(node, f"{named('section', 'style')}“{value}”无效，应为 {'/'.join(SECTION_STYLES)} 之一{tip}")
            return STYLE
        return value or STYLE

    def section(self, node: Node, what: str) -> Section | None:
        m = self.mapping(node, keys("section"), what)
        if m is None:
            return None
        sec = Section(heading=None, loc=self.loc(node))
        if "heading" in m:
            sec.heading = self.text(m["heading"][1], f"{what}的 heading")
        if "intro" in m:
            sec.intro = self.text(m["intro"][1], f"{what}的 intro", allow_empty=True) or ""
        if "style" in m:
            sec.style = self.style(m["style"][1])
        if "items" in m:
            sec.items = self.items(m["items"][1], what)
        # A heading whose sentences were all deleted (in the browser, one by one) is still a
        # report: the section is left out when it is laid out (render/compose), not refused.
        return sec

    def items(self, node: Node, what: str) -> list[Item]:
        out = []
        for i, sub in enumerate(self.seq(node, f"{what}的 items"), 1):
            item = self.item(sub, f"{what}第 {i} 项")
            if item:
                out.append(item)
        return out

    def item(self, node: Node, what: str) -> Item | None:
        if isinstance(node, ScalarNode):
            text = self.text(node, what)
            return Item(text=text, loc=self.loc(node)) if text else None
        m = self.mapping(node, keys("item"), what)
        if m is None:
            return None
        item = Item(loc=self.loc(node))
        if "todo" in m:
            item.todo = self.text(m["todo"][1], f"{what}的待办 todo", allow_empty=True) or ""
            if "text" not in m and "phrase" not in m:
                return item
        if "text" in m and "phrase" in m:
            self.err(node, f"{what}只能写 text 或 phrase 之一")
        elif "text" in m:
            item.text = self.text(m["text"][1], f"{what}的 text")
        elif "phrase" in m:
            item.phrase = self.text(m["phrase"][1], f"{what}的phrase（短语编号）")
        else:
            self.err(node, f"{what}缺少 text（文字）或 phrase（短语库编号）")
        if "values" in m:
            item.values = self.values(m["values"][1], what)
        return item

    def values(self, node: Node, what: str) -> dict[str, Value]:
        if not isinstance(node, MappingNode):
            self.err(node, f"{what}的 values 应为键值对")
            return {}
        out: dict[str, Value] = {}
        for knode, vnode in node.value:
            key = str(knode.value) if isinstance(knode, ScalarNode) else "?"
            if key in out:
                self.err(knode, f"空位“{key}”的值重复出现")
                continue
            value = self.value(vnode, f"空位“{key}”")
            if value is not None:
                out[key] = value
        return out

    def value(self, node: Node, what: str) -> Value | None:
        if isinstance(node, MappingNode):
            m = self.mapping(node, keys("figure"), f"{what}的数据")
            if m is None or "current" not in m:
                return None
            current = self.number(m["current"][1], f"{what}的本年数值 current", allow_null=True)
            previous = self.number(m["previous"][1], f"{what}的上年数值 previous", allow_null=True) if "previous" in m else None
            unit = (self.text(m["unit"][1], f"{what}的单位 unit", allow_empty=True) or "") if "unit" in m else ""
            for num, key in ((current, "current"), (previous, "previous")):
                if num is not None and num < 0:
                    self.err(m[key][1], f"{what}的数值不能为负数")
            if unit == "%":
                for num, key in ((current, "current"), (previous, "previous")):
                    if num is not None and num > 100:
                        self.err(m[key][1], f"{what}是百分率，不能超过 100")
            return Figure(current=current, previous=previous, unit=unit, loc=self.loc(node))
        if isinstance(node, ScalarNode) and node.tag in ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float"):
            return self.scalar(node)
        if isinstance(node, ScalarNode) and node.tag == "tag:yaml.org,2002:str":
            return self.clean(node, node.value)
        if isinstance(node, ScalarNode) and node.tag == "tag:yaml.org,2002:null":
            return Figure(current=None, loc=self.loc(node))
        self.err(node, f"{what}的值应为文字、数值或 {{current, previous, unit}}")
        return None




def _is_null(node: Node) -> bool:
    return isinstance(node, ScalarNode) and node.tag == "tag:yaml.org,2002:null"
