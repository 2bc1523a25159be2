"""User templates run under limits: Jinja's sandbox, plus a time budget and an output
budget per render, operators that cannot build huge values (``'x' * 4000000000``), and
every failure — syntax, recursion, 1/0, a budget — one Chinese line naming the template
and its line."""

from __future__ import annotations

import re
import signal
import threading
import time

from draftkit.errors import DraftkitError, Loc, Problem

TIME_BUDGET = 5.0  # seconds for one render; the built-in templates take milliseconds
OUTPUT_BUDGET = 4_000_000  # characters of template output; a long report has 60,000
VALUE_BUDGET = 1_000_000  # characters (or items) one operator may build


class BudgetExceeded(Exception):
    """A template went past a limit; ``why`` says which, in Chinese."""

    def __init__(self, why: str):
        super().__init__(why)
        self.why = why


def environment_class():
    from jinja2.sandbox import SandboxedEnvironment

    class LimitedEnvironment(SandboxedEnvironment):
        intercepted_binops = frozenset(["*", "**", "+"])

        def __init__(self, *args, **kwargs):
            super().__init__(*args, finalize=self._count, **kwargs)
            self.written = 0

        def _count(self, value):
            """Every {{ }} output passes here, inside the template: the output budget is
            counted where the template is, so that the error can name it."""
            self.written += len(value) if isinstance(value, str) else 16
            if self.written > OUTPUT_BUDGET:
                raise BudgetExceeded(f"模板输出超过 {OUTPUT_BUDGET:,} 个字符")
            return value

        def call_binop(self, context, operator, left, right):
            _check_binop(operator, left, right)
            return super().call_binop(context, operator, left, right)

    return LimitedEnvironment


def _size(value) -> int:
    return len(value) if isinstance(value, (str, bytes, list, tuple)) else 0


def _check_binop(operator: str, left, right) -> None:
    if operator == "*":
        for seq, times in ((left, right), (right, left)):
            if _size(seq) and isinstance(times, int) and _size(seq) * times > VALUE_BUDGET:
                raise BudgetExceeded(f"模板中的乘法会产生超过 {VALUE_BUDGET:,} 个字符的值")
    elif operator == "+":
        if _size(left) + _size(right) > VALUE_BUDGET:
            raise BudgetExceeded(f"模板中的加法会产生超过 {VALUE_BUDGET:,} 个字符的值")
    elif operator == "**":
        if isinstance(right, (int, float)) and abs(right) > 64 and isinstance(left, (int, float)) and abs(left) > 1:
            raise BudgetExceeded("模板中的乘方过大")


def render_limited(env, name: str, **context) -> str:
    """Render template ``name`` within the budgets; any failure is a DraftkitError."""
    from jinja2 import TemplateSyntaxError

    try:
        template = env.get_template(name)
        env.written = 0
        return _run(template, context)
    except TemplateSyntaxError as exc:
        line = (exc.source or "").splitlines()[exc.lineno - 1:exc.lineno] if exc.lineno else []
        shown = f"：{line[0].strip()[:40]}" if line else ""
        raise DraftkitError(Problem(Loc(exc.filename or exc.name or "模板", exc.lineno or 0),
                                    f"模板语法错误{shown}")) from None
    except DraftkitError:
        raise
    except (Exception, RecursionError) as exc:  # noqa: B014 - RecursionError named for the reader
        raise DraftkitError(Problem(_where(exc), _why(exc))) from None


def _run(template, context: dict) -> str:
    deadline = time.monotonic() + TIME_BUDGET
    alarm = threading.current_thread() is threading.main_thread()
    if alarm:
        def on_alarm(signum, frame):
            raise BudgetExceeded(f"模板运行超过 {TIME_BUDGET:g} 秒（可能有过大的循环）")

        previous = signal.signal(signal.SIGALRM, on_alarm)
        signal.setitimer(signal.ITIMER_REAL, TIME_BUDGET)
    try:
        out, size = [], 0
        for chunk in template.generate(**context):
            size += len(chunk)
            if size > OUTPUT_BUDGET:
                raise BudgetExceeded(f"模板输出超过 {OUTPUT_BUDGET:,} 个字符")
            if time.monotonic() > deadline:
                raise BudgetExceeded(f"模板运行超过 {TIME_BUDGET:g} 秒（可能有过大的循环）")
            out.append(chunk)
        return "".join(out)
    finally:
        if alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)


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

    quoted = re.compile(r"'([^']{1,40})'").findall(str(exc))
    if isinstance(exc, BudgetExceeded):
        return exc.why
    if isinstance(exc, TemplateNotFound):
        return f"找不到模板“{exc.name}”"
    if isinstance(exc, UndefinedError):
        return "模板引用了不存在的内容" + (f"“{quoted[-1]}”" if quoted else "")
    if isinstance(exc, SecurityError):
        return "模板试图执行不允许的操作" + (f"（访问“{quoted[0]}”）" if quoted else "")
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
