"""Reading YAML as a person wrote it: text in UTF-8 or GB18030, libyaml's messages in
Chinese, and typed values read from nodes so that every problem names its line and column.
NodeReader knows YAML's types; loader.py knows what a report data file holds."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import re
import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from draftkit.errors import Collector, DraftkitError, Loc, Problem

_YAML_MESSAGES = {
    "mapping values are not allowed": "此处不能出现“键: 值”（可能少了空格、缩进不对，或文字中的冒号需要加引号）",
    "could not find expected ':'": "缺少冒号“:”",
    "found character '\\t' that cannot start any token": "不能用制表符（Tab）缩进，请改用空格",
    "found undefined alias": "引用了未定义的别名",
    "expected <block end>, but found '-'": "列表项“-”的缩进不对",
    "did not find expected key": "缩进不对或缺少键",
    "found unexpected end of stream": "文件意外结束（引号或括号没有闭合？）",
    "while scanning a quoted scalar": "引号没有闭合",
    "expected a single document": "一个文件只能有一个 YAML 文档（出现了第二个“---”）",
    "found unknown escape character": "双引号中有无法识别的转义符“\\”",
    "found duplicate anchor": "锚点“&”重复",
    "found unhashable key": "键不能是列表或键值对",
    "found character that cannot start any token": "此处有不能开始任何内容的字符",
}


def read_text(path: Path) -> str:
    """Read a data file written by hand: UTF-8 (with or without BOM), else GB18030 (Windows 记事本)."""
    from draftkit.inputs import DATA_LIMIT, check_text_lines, read_bytes

    data = read_bytes(path, DATA_LIMIT, "数据文件")
    for enc in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        check_text_lines(str(path), text)
        return text
    raise DraftkitError(f"{path}: 文件编码无法识别，请另存为 UTF-8")


MAX_DEPTH = 50  # a data file nests some eight levels


def compose(name: str, text: str) -> Node | None:
    """The node tree of one YAML document; nesting deeper than MAX_DEPTH is refused
    before it is built (libyaml's composer recurses and would crash)."""
    loader_class = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: 10× faster
    try:
        depth = 0
        for event in yaml.parse(text, Loader=loader_class):
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    m = event.start_mark
                    raise DraftkitError(Problem(Loc(name, m.line + 1, m.column + 1),
                                                f"嵌套超过 {MAX_DEPTH} 层，数据文件不会这样写"))
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
        loader = loader_class(text)
        try:
            return loader.get_single_node()
        finally:
            loader.dispose()
    except yaml.YAMLError as exc:
        raise DraftkitError([yaml_problem(name, exc, text)]) from None


def load_data(name: str, text: str):
    """A YAML document as plain data, with dates, integers and numbers checked."""
    root = compose(name, text)
    if root is None:
        return None
    try:
        return GuardedConstructor().construct_document(root)
    except yaml.YAMLError as exc:
        raise DraftkitError([yaml_problem(name, exc, text)]) from None


class GuardedConstructor(yaml.constructor.SafeConstructor):
    """YAML's own types, refusing dates that do not exist, integers too long to be a
    figure and numbers that are not finite: each a one-line problem at its place."""

    def _refuse(self, node: Node, message: str):
        raise yaml.constructor.ConstructorError(None, None, message, node.start_mark)

    def construct_object(self, node, deep=False):
        """A tagged scalar its type cannot take (``!!int x``, ``!!float y``, ``!!int 0xZZ``,
        ``!!bool maybe``, ``!!timestamp 明天``, an empty ``!!int``) is a problem at its
        place, as any other value that cannot be read, not a crash."""
        try:
            return super().construct_object(node, deep=deep)
        except (ValueError, TypeError, KeyError, IndexError, AttributeError, OverflowError, RecursionError):
            what = _TYPE_NAMES.get(node.tag, "标签所写的类型")
            value = node.value if isinstance(node, ScalarNode) else ""
            value = value if len(value) <= 40 else value[:40] + "……"
            self._refuse(node, f"“{value}”不能读作{what}（{_tag_shown(node.tag)}）" if value else
                         f"这里的值不能读作{what}（{_tag_shown(node.tag)}）")

    def construct_yaml_timestamp(self, node):
        try:
            return super().construct_yaml_timestamp(node)
        except (ValueError, OverflowError):
            self._refuse(node, f"“{node.value}”不是有效日期")

    def construct_yaml_int(self, node):
        if len(str(node.value)) > 40:
            self._refuse(node, f"整数有 {len(str(node.value))} 位，过长")
        return super().construct_yaml_int(node)

    def construct_yaml_float(self, node):
        import math

        value = super().construct_yaml_float(node)
        if not math.isfinite(value):
            self._refuse(node, f"“{node.value}”不是有限的数值")
        return value


for _tag, _fn in (("timestamp", GuardedConstructor.construct_yaml_timestamp),
                  ("int", GuardedConstructor.construct_yaml_int),
                  ("float", GuardedConstructor.construct_yaml_float)):
    GuardedConstructor.add_constructor(f"tag:yaml.org,2002:{_tag}", _fn)


def _tag_shown(tag: str) -> str:
    """A tag as it was written: tag:yaml.org,2002:int → !!int."""
    return "!!" + tag[len("tag:yaml.org,2002:"):] if tag.startswith("tag:yaml.org,2002:") else tag


def yaml_problem(path: str, exc: yaml.YAMLError, text: str) -> Problem:
    """libyaml's message in Chinese at its place; a message we do not know is not shown
    in English: the place and a general description are."""
    mark = getattr(exc, "problem_mark", None)
    if isinstance(exc, yaml.reader.ReaderError):  # a character YAML does not allow
        before = text.encode("utf-8")[:exc.position].decode("utf-8", "replace")
        line = before.count("\n") + 1
        return Problem(Loc(path, line, len(before) - before.rfind("\n")),
                       f"YAML 格式错误：不允许的字符 U+{exc.character if isinstance(exc.character, int) else 0:04X}")
    loc = Loc(path, mark.line + 1, mark.column + 1) if mark else Loc(path)
    problem = getattr(exc, "problem", None) or str(exc)
    context = getattr(exc, "context", None) or ""
    if isinstance(exc, yaml.constructor.ConstructorError) and re.compile(r"[\u4e00-\u9fff]").search(problem):
        return Problem(loc, problem)  # ours, already in Chinese
    if mark and problem.startswith("found character") and text[mark.index:mark.index + 1] == "\t":
        problem = "found character '\\t' that cannot start any token"
    for key, text in _YAML_MESSAGES.items():
        if problem.startswith(key) or context.startswith(key):
            return Problem(loc, f"YAML 格式错误：{text}")
    return Problem(loc, "YAML 格式错误：无法解析此处（检查引号、括号、冒号和缩进）")


_TYPE_NAMES = {
    "tag:yaml.org,2002:str": "文字",
    "tag:yaml.org,2002:int": "整数",
    "tag:yaml.org,2002:float": "数值",
    "tag:yaml.org,2002:bool": "true/false",
    "tag:yaml.org,2002:null": "空值",
    "tag:yaml.org,2002:timestamp": "日期",
    "tag:yaml.org,2002:seq": "列表",
    "tag:yaml.org,2002:map": "键值对",
}
_DATE_RE = re.compile(r"^\s*(\d{4})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})\s*日?\s*$")
_CJK = r"\u3000-\u303f\u4e00-\u9fff\uff00-\uffef\u2018-\u201d"
_SPACE_BY_CJK = re.compile(rf"(?<=[{_CJK}])\s+|\s+(?=[{_CJK}])")
_SPACES = re.compile(r"\s+")


def parse_date(text: str) -> dt.date | None:
    """``2026-02-10``, ``2026/2/10``, ``2026年2月10日`` → a date; None when it is not one."""
    m = _DATE_RE.match(text)
    if not m:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def no_such_date(text: str) -> str:
    """Why a date written in a date's shape is not one (2026年2月30日 → 2026年2月只有28天);
    '' when it is a date or not in a date's shape."""
    import calendar

    m = _DATE_RE.match(text)
    if not m or parse_date(text) is not None:
        return ""
    year, month, day = int(m[1]), int(m[2]), int(m[3])
    if not 1 <= month <= 12:
        return f"没有{month}月"
    if day < 1:
        return "日应从 1 起"
    return f"没有这一天：{year}年{month}月只有{calendar.monthrange(year, month)[1]}天"


def clean_text(value: str) -> str:
    """A user's text as one paragraph: trimmed, line breaks inside it joined."""
    value = value.strip()
    # White space next to a Chinese character or punctuation mark is a line break of the
    # YAML file (folded or not), not a space in the text: drop it; elsewhere keep one space.
    return _SPACES.sub(" ", _SPACE_BY_CJK.sub("", value))


def paragraphs(value: str) -> list[str]:
    """Blank lines separate paragraphs in a block of text."""
    return [clean_text(p) for p in re.compile(r"\n\s*\n").split(value) if p.strip()]


def holdable(value: int | float) -> bool:
    """A figure the report can write: finite, below 10^15, at most six decimals."""
    from decimal import Decimal

    if isinstance(value, float) and value != value or value in (float("inf"), float("-inf")):
        return False
    d = Decimal(str(value))
    return abs(d) < Decimal(10) ** 15 and -d.as_tuple().exponent <= 6


class NodeReader:
    """Typed values from YAML nodes; each problem is collected with its place."""

    def __init__(self, file: str):
        self.file = file
        self.errors = Collector()
        self._constructor = GuardedConstructor()

    # -- primitives --
    def loc(self, node: Node) -> Loc:
        m = node.start_mark
        return Loc(self.file, m.line + 1, m.column + 1)

    def err(self, node: Node | None, message: str) -> None:
        self.errors.add(self.loc(node) if node is not None else Loc(self.file), message)

    def scalar(self, node: Node) -> Any:
        try:
            return self._constructor.construct_object(node, deep=True)
        except yaml.constructor.ConstructorError as exc:
            self.err(node, exc.problem or "无法读取的值")
            return None

    def type_name(self, node: Node) -> str:
        return _TYPE_NAMES.get(node.tag, "其他类型")

    def mapping(
        self, node: Node, fields: dict[str, bool], what: str
    ) -> dict[str, tuple[Node, Node]] | None:
        """Keys of a mapping; unknown keys (with a did-you-mean), duplicates, missing required."""
        if not isinstance(node, MappingNode):
            self.err(node, f"{what}应为键值对（“键: 值”），实际是{self.type_name(node)}")
            return None
        out: dict[str, tuple[Node, Node]] = {}
        for knode, vnode in node.value:
            key = str(knode.value) if isinstance(knode, ScalarNode) else "?"
            if key in out:
                self.err(knode, f"键“{key}”重复出现，前一处在第 {out[key][0].start_mark.line + 1} 行")
                continue
            if key not in fields:
                from difflib import get_close_matches  # only for a mistake's hint

                hint = get_close_matches(key, list(fields), n=1, cutoff=0.6)
                tip = f"，是否想写“{hint[0]}”？" if hint else f"；可用的键：{', '.join(fields)}"
                self.err(knode, f"{what}中有未知的键“{key}”{tip}")
                continue
            out[key] = (knode, vnode)
        for key, required in fields.items():
            if required and key not in out:
                self.err(node, f"{what}缺少必填项“{key}”")
        return out

    def text(self, node: Node, what: str, allow_empty: bool = False) -> str | None:
        if isinstance(node, ScalarNode) and node.tag in (
            "tag:yaml.org,2002:str",
            "tag:yaml.org,2002:int",
            "tag:yaml.org,2002:float",
        ):
            value = self.clean(node, str(node.value))
            if value is None:
                return None
            if not value and not allow_empty:
                self.err(node, f"{what}不能为空")
                return None
            return value
        if isinstance(node, ScalarNode) and node.tag == "tag:yaml.org,2002:null" and allow_empty:
            return ""
        self.err(node, f"{what}应为文字，实际是{self.type_name(node)}")
        return None

    def clean(self, node: Node, value: str) -> str | None:
        """A text value as one paragraph; one with a control character is refused."""
        from draftkit.inputs import control_char, control_message

        i = control_char(value)
        if i is not None:
            self.err(node, control_message(value, i))
            return None
        return clean_text(value)

    def integer(self, node: Node, what: str) -> int | None:
        if isinstance(node, ScalarNode) and node.tag == "tag:yaml.org,2002:int":
            value = self.scalar(node)
            return None if value is None else int(value)
        self.err(node, f"{what}应为整数，实际是{self.type_name(node)}“{getattr(node, 'value', '')}”")
        return None

    def number(self, node: Node, what: str, allow_null: bool = False) -> int | float | None:
        if isinstance(node, ScalarNode) and node.tag in ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float"):
            value = self.scalar(node)
            if value is not None and not holdable(value):
                self.err(node, f"{what}“{node.value}”超出报告能写的范围（小于一千万亿，最多六位小数）")
                return None
            return value
        if allow_null and isinstance(node, ScalarNode) and node.tag == "tag:yaml.org,2002:null":
            return None
        self.err(node, f"{what}应为数值，实际是{self.type_name(node)}“{getattr(node, 'value', '')}”")
        return None

    def boolean(self, node: Node, what: str) -> bool | None:
        if isinstance(node, ScalarNode) and node.tag == "tag:yaml.org,2002:bool":
            return bool(self.scalar(node))
        self.err(node, f"{what}应为 true 或 false")
        return None

    def seq(self, node: Node, what: str) -> list[Node]:
        if isinstance(node, SequenceNode):
            return list(node.value)
        self.err(node, f"{what}应为列表（每项以“- ”开头），实际是{self.type_name(node)}")
        return []

    def text_block(self, node: Node, what: str) -> list[str]:
        """A string (blank lines split paragraphs) or a list of paragraphs."""
        if isinstance(node, SequenceNode):
            out = []
            for i, sub in enumerate(node.value, 1):
                t = self.text(sub, f"{what}第 {i} 段")
                if t:
                    out.append(t)
            return out
        if isinstance(node, ScalarNode) and node.tag == "tag:yaml.org,2002:str":
            return paragraphs(node.value) if self.clean(node, node.value) is not None else []
        if isinstance(node, ScalarNode) and node.tag == "tag:yaml.org,2002:null":
            return []
        self.err(node, f"{what}应为文字或文字列表，实际是{self.type_name(node)}")
        return []

    def date(self, node: Node, what: str) -> dt.date | None:
        if isinstance(node, ScalarNode):
            if node.tag == "tag:yaml.org,2002:timestamp":
                value = self.scalar(node)
                return value.date() if isinstance(value, dt.datetime) else value  # None: reported
            if _DATE_RE.match(str(node.value)):
                d = parse_date(str(node.value))
                if d is None:
                    self.err(node, f"{what}“{node.value}”不是有效日期（{no_such_date(str(node.value))}）")
                return d
        self.err(node, f"{what}应为日期，如 2026-02-20 或 2026年2月20日")
        return None

    # -- the report --
