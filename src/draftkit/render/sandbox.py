"""User templates run under limits: Jinja's sandbox, plus the budgets of render/limits.py
(time, output, the size of every value made, the memory of all of them) checked from the
sandbox's own hooks, and every failure — syntax, recursion, 1/0, a budget — one Chinese
line naming the template and its line.

No signal or timer thread is used, so the limits hold wherever Python runs (Windows has no
SIGALRM) and in any thread. A template's time goes by in steps that all pass a hook:

- each item of every ``{% for %}`` (the compiler wraps the loop's iterable, and charges
  the loop body's literal text to the output budget per item, as if it were output),
- each entry into a template (its literal text charged likewise: an include in a loop),
- each call (macros, methods, ``loop(…)``), attribute, item, operator, filter, test and
  output.

A step that makes a value is checked before the value is made (limits.py), so that no
single step holds the interpreter long or takes much memory.
"""

from __future__ import annotations

import re
import types

from draftkit.errors import DraftkitError, Loc, Problem
from draftkit.render import limits
from draftkit.render.limits import Refused

# The methods a template may call on Python's own values (attributes of anything else are
# Jinja's rule: no names with an underscore). Those that can make a big value are checked
# in limits.check_call; str.format/format_map go through the limited formatter.
ALLOWED = {
    str: frozenset("""capitalize casefold center count endswith find format format_map index isalnum isalpha
        isascii isdecimal isdigit isidentifier islower isnumeric isprintable isspace istitle isupper join ljust
        lower lstrip partition removeprefix removesuffix replace rfind rindex rjust rpartition rsplit rstrip split
        splitlines startswith strip swapcase title upper zfill""".split()),
    list: frozenset("append clear copy count extend index insert pop remove reverse sort".split()),
    tuple: frozenset(["count", "index"]),
    dict: frozenset("clear copy get items keys pop popitem setdefault update values".split()),
    range: frozenset("count index start step stop".split()),
}
_PYTHON_VALUES = (str, bytes, bytearray, int, float, complex, list, tuple, dict, set, frozenset, range, type(None))


def environment_class():
    from jinja2 import nodes
    from jinja2.compiler import CodeGenerator
    from jinja2.runtime import LoopContext, Namespace, markup_join
    from jinja2.sandbox import SandboxedEnvironment, SandboxedEscapeFormatter, SandboxedFormatter
    from jinja2.sandbox import SecurityError
    from markupsafe import Markup

    def hook(name: str, *args, lineno: int):
        return nodes.Call(nodes.EnvironmentAttribute(name), list(args), [], None, None, lineno=lineno)

    def literal(node) -> int:
        """Characters of literal text under ``node``: what one pass over it writes besides
        its {{ }} outputs."""
        return (sum(len(d.data) for d in node.find_all(nodes.TemplateData))
                + sum(len(c.value) for c in node.find_all(nodes.Const) if isinstance(c.value, str)))

    class LimitedCodeGenerator(CodeGenerator):
        """Jinja's compiler with the budget's hooks where a template repeats itself:
        every loop's items are counted, every entry into a template is charged."""

        def visit_Template(self, node, frame=None):
            if sum(1 for _ in node.find_all(nodes.Node)) > limits.NODE_BUDGET:
                raise Refused(f"模板过于复杂（超过 {limits.NODE_BUDGET:,} 个元素），请拆分")
            loops = [(loop, literal(loop)) for loop in node.find_all(nodes.For)]
            for loop, cost in loops:
                loop.iter = hook("counted", loop.iter, nodes.Const(cost), lineno=loop.lineno)
            node.body.insert(0, nodes.ExprStmt(hook("entered", nodes.Const(literal(node)), lineno=1), lineno=1))
            node.set_environment(self.environment)
            super().visit_Template(node, frame)

        def visit_Concat(self, node, frame):
            """``a ~ b``: through the environment, which checks the parts and the length."""
            self.write("environment.joined(context.eval_ctx, (")
            for arg in node.nodes:
                self.visit(arg, frame)
                self.write(", ")
            self.write("))")

    class Limited:
        """The format fields of str.format: only text and numbers, widths capped, the
        whole result counted as it is made."""

        def vformat(self, format_string, args, kwargs):
            self.made = 0
            return super().vformat(format_string, args, kwargs)

        def convert_field(self, value, conversion):
            if conversion in ("r", "a"):
                raise Refused("模板不能显示值的内部表示（!r）")
            if conversion is not None:
                limits.require_text(value)
            return super().convert_field(value, conversion)

        def format_field(self, value, format_spec):
            limits.require_text(value)
            limits.check_spec(format_spec)
            out = super().format_field(value, format_spec)
            self.made += len(out)
            limits.refuse_size("format", self.made + len(format_spec))
            return out

    class LimitedFormatter(Limited, SandboxedFormatter):
        pass

    class LimitedEscapeFormatter(Limited, SandboxedEscapeFormatter):
        pass

    class LimitedNamespace(Namespace):
        """``namespace()``: what it copies and what ``{% set ns.x = … %}`` keeps are
        counted as made."""

        def __init__(self, *args, **kwargs):
            limits.current().charge([*args, kwargs])
            super().__init__(*args, **kwargs)

        def __setitem__(self, name, value):
            budget = limits.current()
            budget.step()
            super().__setitem__(name, budget.charge(value))

    class LimitedEnvironment(SandboxedEnvironment):
        code_generator_class = LimitedCodeGenerator
        intercepted_binops = frozenset(["*", "**", "+", "%"])

        def __init__(self, *args, **kwargs):
            super().__init__(*args, finalize=self._shown, **kwargs)
            del self.globals["lipsum"]  # Latin filler, made by the thousand words
            self.globals["namespace"] = LimitedNamespace
            for name in limits.FILTERS_REMOVED:
                self.filters.pop(name, None)

        def compile(self, source, name=None, filename=None, raw=False, defer_init=False):
            """Jinja's compile; what goes wrong while parsing or compiling (too complex, too
            deeply nested) names the template, as no template frame is running yet."""
            try:
                return super().compile(source, name, filename, raw, defer_init)
            except Refused as exc:
                raise Refused(exc.why, filename or name) from None
            except RecursionError:
                raise Refused("模板嵌套过深", filename or name) from None

        def add_filter(self, name: str, func) -> None:
            self.filters[name] = func
            self.guard_filters()

        def guard_filters(self) -> None:
            """Every filter and test a step of the budget, each filter checked before it runs
            (limits.FILTER_CHECKS) and what it made counted. Idempotent."""
            for table, checks in ((self.filters, limits.FILTER_CHECKS), (self.tests, {})):
                for name, func in table.items():
                    if not getattr(func, "draftkit_guarded", False):
                        table[name] = _guarded(self, func, checks.get(name))

        def _shown(self, value):
            """Every {{ }} passes here: only text and numbers, counted against the output
            budget where the template is, so that the error can name it."""
            from jinja2 import Undefined

            budget = limits.current()
            budget.step()
            if not isinstance(value, Undefined):
                limits.require_text(value)
                budget.write(limits.text_size(value))
            return value

        def counted(self, iterable, cost: int):
            budget = limits.current()
            for item in iterable:
                budget.step()
                if cost:
                    budget.write(cost)
                yield item

        def entered(self, cost: int) -> str:
            budget = limits.current()
            budget.step()
            budget.write(cost)
            return ""

        def joined(self, eval_ctx, values: tuple):
            budget = limits.current()
            budget.step()
            limits.texts_size("~", values)
            return budget.charge(markup_join(values) if eval_ctx.autoescape else "".join(map(str, values)))

        def call_binop(self, context, operator, left, right):
            budget = limits.current()
            budget.step()
            limits.check_binop(operator, left, right)
            return budget.charge(super().call_binop(context, operator, left, right))

        def getattr(self, obj, attribute):
            limits.current().step()
            return super().getattr(obj, attribute)

        def getitem(self, obj, argument):
            limits.current().step()
            return super().getitem(obj, argument)

        def is_safe_attribute(self, obj, attr, value) -> bool:
            if not super().is_safe_attribute(obj, attr, value):
                return False
            if isinstance(obj, _PYTHON_VALUES):
                return any(attr in names for cls, names in ALLOWED.items() if isinstance(obj, cls))
            return True

        def unsafe_undefined(self, obj, attribute):
            return self.undefined(f"不允许访问“{attribute}”", name=attribute, obj=obj, exc=SecurityError)

        def wrap_str_format(self, value):
            """``'…'.format(…)`` of a template: through the limited formatter."""
            if not (isinstance(value, (types.MethodType, types.BuiltinMethodType))
                    and value.__name__ in ("format", "format_map") and isinstance(value.__self__, str)):
                return None
            text = value.__self__
            formatter = (LimitedEscapeFormatter(self, escape=text.escape) if isinstance(text, Markup)
                         else LimitedFormatter(self))
            as_map = value.__name__ == "format_map"

            def format_text(*args, **kwargs):
                if as_map:
                    if kwargs or len(args) != 1:
                        raise TypeError("format_map")
                    args, kwargs = (), args[0]
                return type(text)(formatter.vformat(text, args, kwargs))

            return format_text

        def call(self, context, obj, /, *args, **kwargs):
            budget = limits.current()
            budget.step()
            if not self.is_safe_callable(obj):
                raise SecurityError("不允许调用")
            obj = self.wrap_str_format(obj) or obj  # reached without an attribute hook (|attr)
            if isinstance(obj, LoopContext) and args:  # loop(children) of a recursive loop
                args = (self.counted(args[0], 0), *args[1:])
            if len(args) > 8 or len(kwargs) > 8:  # f(*items), f(**d): Python copies them for the call
                budget.charge([args, kwargs])
            args = limits.check_call(obj, args, kwargs)
            return budget.charge(context.call(obj, *args, **kwargs))

    return LimitedEnvironment


def _guarded(env, func, check):
    """``func`` (a filter or test) as one step of the budget, checked first by ``check``
    (``check(env, value, *args, **kwargs)`` returns the value to pass on)."""
    import functools

    lead = 1 if hasattr(func, "jinja_pass_arg") else 0  # Jinja passes a context or environment first

    def guarded(*args, **kwargs):
        budget = limits.current()
        budget.step()
        if check is not None and len(args) > lead:
            args = (*args[:lead], check(env, *args[lead:], **kwargs), *args[lead + 1:])
        return budget.charge(func(*args, **kwargs))

    functools.update_wrapper(guarded, func)
    guarded.draftkit_guarded = True
    return guarded


def template_folder(path):
    """A loader of the templates in ``path``: regular files only (a FIFO would block the
    render), at most inputs.TEMPLATE_LIMIT, UTF-8 — else one line naming the file."""
    import os
    from pathlib import Path

    from jinja2 import FileSystemLoader, TemplateNotFound
    from jinja2.loaders import split_template_path

    from draftkit.inputs import TEMPLATE_LIMIT, read_bytes

    class TemplateFolder(FileSystemLoader):
        def get_source(self, environment, template):
            file = Path(path, *split_template_path(template))
            if not os.path.lexists(file):
                raise TemplateNotFound(template)
            try:
                source = read_bytes(file, TEMPLATE_LIMIT, "模板").decode("utf-8-sig")  # 记事本 may write a BOM
            except UnicodeDecodeError:
                raise DraftkitError(f"{file}: 模板文件不是 UTF-8 编码") from None
            mtime = os.path.getmtime(file)

            def uptodate() -> bool:
                try:
                    return os.path.getmtime(file) == mtime
                except OSError:
                    return False

            return source, str(file), uptodate

    return TemplateFolder(str(path))


def render_limited(env, name: str, **context) -> str:
    """Render template ``name`` within the budgets; any failure is a DraftkitError."""
    from jinja2 import TemplateSyntaxError

    token = limits.start()
    try:
        env.guard_filters()  # filters added since the environment was made
        template = env.get_template(name)
        return _run(template, context)
    except TemplateSyntaxError as exc:
        line = (exc.source or "").splitlines()[exc.lineno - 1:exc.lineno] if exc.lineno else []
        shown = f"：{line[0].strip()[:40]}" if line else ""
        raise DraftkitError(Problem(Loc(exc.filename or exc.name or "模板", exc.lineno or 0),
                                    f"模板语法错误{shown}")) from None
    except DraftkitError:
        raise
    except (Exception, RecursionError) as exc:  # noqa: B014 - RecursionError named for the reader
        where = exc.where if isinstance(exc, Refused) and exc.where else None
        raise DraftkitError(Problem(Loc(where) if where else _where(exc), _why(exc))) from None
    finally:
        limits.stop(token)


def _run(template, context: dict) -> str:
    budget = limits.current()
    out, size = [], 0
    for chunk in template.generate(**context):
        size += len(chunk)
        if size > limits.OUTPUT_BUDGET:
            raise Refused(f"模板输出超过 {limits.OUTPUT_BUDGET:,} 个字符")
        budget.step()
        out.append(chunk)
    return "".join(out)


def _where(exc: BaseException) -> Loc:
    """The innermost template frame of the traceback (Jinja rewrites it to name the
    template file and line)."""
    loc, tb = Loc("模板"), exc.__traceback__
    while tb is not None:
        name = tb.tb_frame.f_code.co_filename
        if name.endswith(".j2"):
            loc = Loc(name, tb.tb_lineno)
        tb = tb.tb_next
    return loc


def _why(exc: BaseException) -> str:
    from jinja2 import TemplateNotFound, UndefinedError
    from jinja2.exceptions import SecurityError

    if isinstance(exc, Refused):
        return exc.why
    if isinstance(exc, TemplateNotFound):
        return f"找不到模板“{exc.name}”"
    if isinstance(exc, SecurityError):  # our own messages (LimitedEnvironment) quote the name
        named = re.compile(r"“([^”]{1,40})”").search(str(exc))
        return "模板试图执行不允许的操作" + (f"（访问“{named.group(1)}”）" if named else "")
    if isinstance(exc, UndefinedError):  # "'x' is undefined", "'<type> object' has no attribute 'x'"
        named = re.compile(r"(?:has no (?:attribute|element) |^)'?([\w.\-]{1,40}?)'?(?: is undefined)?$").search(str(exc))
        return "模板引用了不存在的内容" + (f"“{named.group(1)}”" if named else "")
    if isinstance(exc, RecursionError):
        return "模板递归调用过深（宏或 include 调用了自己？）"
    if isinstance(exc, MemoryError):
        return "模板产生的内容太大，内存不足"
    if isinstance(exc, ZeroDivisionError):
        return "模板中除以零"
    kinds = {TypeError: "类型不符", ValueError: "值不对", OverflowError: "数值溢出", KeyError: "取不到的键",
             IndexError: "下标超出范围", AttributeError: "取不到的属性"}
    kind = next((v for k, v in kinds.items() if isinstance(exc, k)), "无法执行")
    return f"模板运行出错：{kind}"
