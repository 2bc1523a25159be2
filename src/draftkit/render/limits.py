"""What a template may cost, checked from inside the template's own run — no signals, no
second thread, so the limits hold on Windows as on Linux.

Every step a template takes passes one of the sandbox's hooks (render/sandbox.py): a
loop's next item, a call, an attribute, an operator, a filter, an output. Each hook calls
``Budget.step`` (the time budget), and the hooks that make a value check its size
*before* it is made — a format width, a ``center`` width, the length a ``~``, ``join``,
``*``, ``+``, ``%`` or ``list.extend`` would produce — and then count what was made
(``charge``): the values one render makes are counted as they are made and never given
back, so that no template, however it keeps its values, holds more than
``MEMORY_BUDGET``.

Only text and numbers can be output, joined or formatted: a list, an object or a function
turned into text would print Python's own description of it (``<class …>``, type names),
which a report has no use for and which tells more than a template should know.
"""

from __future__ import annotations

import contextvars
import re
import sys
import time
from itertools import chain, islice

TIME_BUDGET = 5.0  # seconds for one render; the built-in templates take milliseconds
OUTPUT_BUDGET = 1_000_000  # characters a render writes, all its outputs counted; a long report has 60,000;
# check and the docx of a million characters take some 10 s and 170 MB
VALUE_BUDGET = 1_000_000  # characters (or items) of one value an operator, filter or method makes
MEMORY_BUDGET = 64 << 20  # bytes of all the values one render makes or keeps; the built-in templates < 1 MB
FORMAT_WIDTH = 1000  # widest field a format, center, indent or wordwrap may ask for
WRAP_INPUT = 100_000  # longest text wordwrap takes (its time grows with the square of a long word)
INT_BITS = 10_000  # largest integer an operator makes (some 3,000 digits)
NODE_BUDGET = 10_000  # elements (names, outputs, tags …) of one template: the built-in ones have < 200;
# compiling 10,000 takes ~1 s and ~60 MB, and both grow with the count


class Refused(Exception):
    """A template went past a limit or asked for what is not allowed; ``why`` says which,
    in Chinese."""

    def __init__(self, why: str, where: str | None = None):
        super().__init__(why)
        self.why = why
        self.where = where  # the template, where no template frame says it (compiling)


class Budget:
    """What one render has spent: time, characters written, bytes of values made."""

    __slots__ = ("deadline", "written", "made")

    def __init__(self) -> None:
        self.deadline = time.monotonic() + TIME_BUDGET
        self.written = 0
        self.made = 0

    def step(self) -> None:
        if time.monotonic() > self.deadline:
            raise Refused(f"模板运行超过 {TIME_BUDGET:g} 秒（可能有过大的循环）")

    def write(self, n: int) -> None:
        self.written += n
        if self.written > OUTPUT_BUDGET:
            raise Refused(f"模板输出超过 {OUTPUT_BUDGET:,} 个字符")

    def charge(self, value):
        """Count ``value`` as made (or kept) by this render and give it back."""
        if isinstance(value, str) and len(value) > 4 * VALUE_BUDGET:  # a step that grows its input (escape)
            refuse_size("值", len(value))
        self.made += cost(value)
        if self.made > MEMORY_BUDGET:
            raise Refused(f"模板运行中产生的内容超过 {MEMORY_BUDGET >> 20} MB")
        return value


_current: contextvars.ContextVar[Budget | None] = contextvars.ContextVar("draftkit_template_budget", default=None)


def start() -> contextvars.Token:
    return _current.set(Budget())


def stop(token: contextvars.Token) -> None:
    _current.reset(token)


def current() -> Budget:
    """The budget of the render under way; outside one (a template compiled on its own),
    a fresh budget, so that the size limits hold even there."""
    return _current.get() or Budget()


def cost(value) -> int:
    """Bytes a value made by one step holds: a text's own size; a container's slots and,
    one level down, its items (shared items are counted again: a bound, not a measure)."""
    if isinstance(value, (str, bytes, int, float)):
        return sys.getsizeof(value)
    if isinstance(value, (list, tuple, dict, set, frozenset)):
        if len(value) > VALUE_BUDGET:
            raise Refused(f"模板产生了超过 {VALUE_BUDGET:,} 项的值")
        items = chain(value.keys(), value.values()) if isinstance(value, dict) else value
        return sys.getsizeof(value) + sum(map(sys.getsizeof, items))
    return 0


# --- only text and numbers become text ---

def is_text(value) -> bool:
    return isinstance(value, (str, int, float)) and not isinstance(value, bool)


def kind(value) -> str:
    """What a value is, in the words of a template's author."""
    if value is None:
        return "空值（none）"
    if isinstance(value, bool):
        return "真假值（true/false）"
    if isinstance(value, (list, tuple, set, frozenset)):
        return "列表"
    if isinstance(value, dict):
        return "字典"
    return "函数或方法" if callable(value) else "对象"


def require_text(value) -> None:
    from jinja2 import Undefined

    if isinstance(value, Undefined):
        str(value)  # a strict undefined says which name is missing
    elif not is_text(value):
        raise Refused(f"模板把{kind(value)}当作文字使用（只有文字和数字能输出、连接或格式化）")


def text_size(value) -> int:
    """Characters ``value`` has as text (after require_text)."""
    return len(value) if isinstance(value, str) else len(repr(value)) if isinstance(value, float) else 32


def refuse_size(what: str, size: int) -> None:
    if size > VALUE_BUDGET:
        raise Refused(f"模板中的 {what} 会产生超过 {VALUE_BUDGET:,} 个字符（或项）的值")


def cap(what: str, n, limit: int = FORMAT_WIDTH) -> None:
    n = len(n) if isinstance(n, str) else n
    if isinstance(n, (int, float)) and n > limit:
        raise Refused(f"模板中 {what} 的宽度 {n:.0f} 过大（最多 {limit:,}）")


def items(what: str, iterable):
    """An iterable's items as a list, refused past VALUE_BUDGET before more are taken (a
    text stays as it is: a list of its characters would take some 80 bytes each)."""
    if isinstance(iterable, str):
        refuse_size(what, len(iterable))
        return iterable
    got = list(islice(iter(iterable), VALUE_BUDGET + 1))
    refuse_size(what, len(got))
    return got


def texts_size(what: str, values, sep: str = "") -> int:
    """The length of ``values`` joined by ``sep``, refused past VALUE_BUDGET."""
    if isinstance(values, str):
        total = len(values) + len(sep) * max(len(values) - 1, 0)
        refuse_size(what, total)
        return total
    for v in values:
        require_text(v)
    total = sum(map(text_size, values)) + len(sep) * max(len(values) - 1, 0)
    refuse_size(what, total)
    return total


# --- operators ---

_SEQ = (str, bytes, list, tuple)


def check_binop(operator: str, left, right) -> None:
    if operator == "*":
        for seq, times in ((left, right), (right, left)):
            if isinstance(seq, _SEQ) and isinstance(times, int) and len(seq) * times > VALUE_BUDGET:
                raise Refused(f"模板中的乘法会产生超过 {VALUE_BUDGET:,} 个字符的值")
        if _ints(left, right) and left.bit_length() + right.bit_length() > INT_BITS:
            raise Refused("模板中的乘法结果过大")
    elif operator == "+":
        if isinstance(left, _SEQ) and isinstance(right, _SEQ) and len(left) + len(right) > VALUE_BUDGET:
            raise Refused(f"模板中的加法会产生超过 {VALUE_BUDGET:,} 个字符的值")
    elif operator == "**":
        if isinstance(left, (int, float)) and isinstance(right, (int, float)) and abs(left) > 1 and (
                abs(right) > 64 or (_ints(left, right) and left.bit_length() * right > INT_BITS)):
            raise Refused("模板中的乘方过大")
    elif operator == "%" and isinstance(left, str):
        check_percent(left, right)


def _ints(*values) -> bool:
    return all(isinstance(v, int) and not isinstance(v, bool) for v in values)


_PERCENT = re.compile(r"%(?:\(([^)]*)\))?[-#0 +]*(\*|\d+)?(?:\.(\*|\d*))?[hlL]?(.?)")


def check_percent(fmt: str, args) -> None:
    """``fmt % args`` (and the ``format`` filter): widths capped, only text and numbers,
    no ``%r``, and the result's length known before it is made."""
    from collections.abc import Mapping

    mapping = args if isinstance(args, Mapping) else None
    values = args if isinstance(args, tuple) else (args,)
    size, i = len(fmt), 0
    for m in _PERCENT.finditer(fmt):
        key, wide, precision, conversion = m.groups()
        if conversion == "%":
            continue
        if conversion in ("r", "a"):
            raise Refused("模板不能显示值的内部表示（%r）")
        if "*" in (wide, precision):
            raise Refused("模板中 % 格式的宽度须直接写出（不能用 *）")
        for n in (wide, precision):
            cap("%", int(n or 0))
        if key is not None and mapping is not None:
            value = mapping.get(key, "")
        else:
            value, i = (values[i] if i < len(values) else ""), i + 1
        require_text(value)
        size += max(int(wide or 0), int(precision or 0) + 32, text_size(value))
    refuse_size("%", size)


def check_spec(spec: str) -> None:
    """A ``str.format`` field's spec (``>20``, ``.2f``, ``0>5``): every number in it capped."""
    for n in re.compile(r"\d+").findall(spec):
        cap("format", int(n))


# --- methods of str, list and dict a template may call (sandbox.ALLOWED) ---

def check_call(obj, args: tuple, kwargs: dict) -> tuple:
    """Refuse a call of a str, list or dict method that would make too big a value; the
    arguments to call it with (an iterable argument taken into a list first)."""
    owner, name = getattr(obj, "__self__", None), getattr(obj, "__name__", "")
    budget = current()
    if isinstance(owner, str):
        if name in ("center", "ljust", "rjust", "zfill") and args:
            cap(name, args[0])
        elif name == "join" and args:
            got = items("join", args[0])
            texts_size("join", got, owner)
            return (got, *args[1:])
        elif name == "replace" and len(args) >= 2:
            refuse_size("replace", replaced_size(owner, *args))
    elif isinstance(owner, list):
        if name in ("append", "insert") and args:
            refuse_size(name, len(owner) + 1)
            budget.charge(args[-1:])  # what a list keeps is counted as made: a loop cannot heap up literals
        elif name == "extend" and args:
            got = items("extend", args[0])
            refuse_size("extend", len(owner) + len(got))
            budget.charge(got)
            return (got, *args[1:])
    elif isinstance(owner, dict) and name in ("update", "setdefault"):
        other = args[0] if name == "update" and args else ()
        refuse_size(name, len(owner) + (len(other) if hasattr(other, "__len__") else 0) + len(kwargs) + 1)
        budget.charge([*args, *kwargs.values()])
    return args


def replaced_size(text: str, old, new, count=-1) -> int:
    if not (isinstance(old, str) and isinstance(new, str) and isinstance(count, int)):
        return len(text)
    found = text.count(old) if old else len(text) + 1
    if count is not None and count >= 0:
        found = min(found, count)
    return len(text) + found * (len(new) - len(old))


# --- filters: each checked before it runs, with the arguments the filter itself takes ---

def _text_filter(env, value, *args, **kwargs):
    require_text(value)
    return value


def _center(env, value, width=80):
    require_text(value)
    cap("center", width)
    return value


def _indent(env, value, width=4, first=False, blank=False):
    require_text(value)
    cap("indent", width)
    lines = str(value).count("\n") + 1
    refuse_size("indent", text_size(value) + lines * (len(width) if isinstance(width, str) else int(width)))
    return value


def _wordwrap(env, value, width=79, break_long_words=True, wrapstring=None, break_on_hyphens=True):
    require_text(value)
    cap("wordwrap", width)
    if len(str(value)) > WRAP_INPUT:
        raise Refused(f"模板中 wordwrap 的文字过长（最多 {WRAP_INPUT:,} 个字符）")
    if isinstance(width, int) and width > 0:
        refuse_size("wordwrap", len(str(value)) * (1 + len(wrapstring or "\n")))
    return value


def _truncate(env, value, length=255, killwords=False, end="...", leeway=None):
    require_text(value)
    require_text(end)
    return value


def _replace(env, value, old, new, count=None):
    for text in (value, old, new):
        require_text(text)
    refuse_size("replace", replaced_size(str(value), old, new, -1 if count is None else count))
    return value


def _format(env, value, *args, **kwargs):
    require_text(value)
    check_percent(str(value), kwargs or args)
    return value


def _join(env, value, d="", attribute=None):
    from jinja2.filters import make_attrgetter

    require_text(d)
    got = items("join", value)
    shown = list(map(make_attrgetter(env, attribute), got)) if attribute is not None else got
    texts_size("join", shown, str(d))
    return got


def _enumerate(env, value):
    got = items("enumerate_cn", value)
    texts_size("enumerate_cn", got, "一是")
    return got


def _attr(env, value, name):
    require_text(name)  # a name, not an object's description
    return value


def _batch(env, value, linecount, fill_with=None):
    refuse_size("batch", linecount if isinstance(linecount, int) else 0)
    return value


def _slice(env, value, slices, fill_with=None):
    refuse_size("slice", slices if isinstance(slices, int) else 0)
    return value


def _sum(env, value, attribute=None, start=0):
    if not is_text(start) or isinstance(start, str):
        raise Refused("模板中 sum 的起始值须是数字")
    return value


FILTER_CHECKS = {
    **dict.fromkeys(("capitalize", "e", "escape", "forceescape", "lower", "safe", "string", "striptags", "title",
                     "trim", "upper", "wordcount", "stop"), _text_filter),
    "center": _center, "indent": _indent, "wordwrap": _wordwrap, "truncate": _truncate, "replace": _replace,
    "format": _format, "join": _join, "attr": _attr, "enumerate_cn": _enumerate, "batch": _batch,
    "slice": _slice, "sum": _sum,
}
# Filters for web pages, of no use in a 公文 and each a way around the limits: Python's own
# description of a value (pprint), HTML attributes and links, URL and JSON encodings.
FILTERS_REMOVED = ("pprint", "xmlattr", "urlize", "urlencode", "tojson")
