"""A user template cannot make draftkit take more than 256 MB, hang, or print Python's
descriptions of its values — and the limits need no signal (Windows has none to give).

Each hostile template is rendered as a clerk would (``draftkit render --templates``) in
its own process; the process's peak memory is read back from the kernel (its VmHWM as it
exits; the test's own use of ``resource``, Linux only, as the rest of the hostile suite). Every template must
be refused with one Chinese line naming it, within seconds, under 256 MB, writing
nothing. Then the other side: what a template author does in earnest still works."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from conftest import MINIMAL, write

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="peak memory read from /proc (VmHWM)")

MEMORY_MB = 256
BIG = "{% set s = '法' * 999999 %}"  # a value of the largest size allowed, to build on

# id → (template, a fragment the one line of refusal must hold)
BOMBS = {
    # output that grows by format width (issue 22)
    "percent-width": ("::body {{ '%2000000000s' % 'x' }}\n", "宽度 2000000000 过大"),
    "percent-precision": ("::body {{ '%.2000000000d' % 1 }}\n", "宽度 2000000000 过大"),
    "format-width": ("::body {{ '{:>2000000000}'.format('x') }}\n", "宽度 2000000000 过大"),
    "format-nested-width": ("::body {{ '{:{}}'.format('x', 2000000000) }}\n", "宽度 2000000000 过大"),
    "format-via-attr": ("::body {{ ('{:>2000000000}'|attr('format'))('x') }}\n", "宽度 2000000000 过大"),
    "format-filter-width": ("::body {{ '%2000000000s'|format('x') }}\n", "宽度 2000000000 过大"),
    "format-many-fields": (BIG + "::body {{ ('{0}' * 300000).format(s) }}\n", "1,000,000|5 秒"),
    "percent-many-fields": (BIG + "::body {{ ('%(a)s' * 200000) % {'a': s} }}\n", "1,000,000|5 秒"),
    # filters and methods that pad or repeat
    "center-filter": ("::body {{ 'x'|center(2000000000) }}\n", "center 的宽度"),
    "center-method": ("::body {{ 'x'.center(2000000000) }}\n", "center 的宽度"),
    "ljust-method": ("::body {{ 'x'.ljust(2000000000) }}\n", "ljust 的宽度"),
    "indent-doubling": ("{% set ns = namespace(s='a\nb') %}{% for i in range(40) %}{% set ns.s = ns.s|indent(1000) ~ "
                        "'\n' ~ ns.s %}{% endfor %}::body {{ ns.s|length }}\n", "1,000,000|5 秒"),
    "wordwrap-long": (BIG + "::body {{ s|wordwrap(1) }}\n", "wordwrap"),
    "replace-method": ("{% set s = 'a' * 999999 %}::body {{ s.replace('a', s)|length }}\n", "replace"),
    "replace-filter": ("{% set s = 'a' * 999999 %}::body {{ s|replace('a', s)|length }}\n", "replace"),
    "batch-fill": ("::body {{ range(3)|batch(2000000000, 'x')|list|length }}\n", "batch"),
    "slice-count": ("::body {{ []|slice(2000000000)|list|length }}\n", "slice"),
    "sum-of-lists": ("::body {{ [[1]] * 1000000|sum(start=[]) }}\n", "sum"),
    # doubling by ~, join, * and list methods (issue 22)
    "tilde-doubling": ("{% set ns = namespace(s='x') %}{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}"
                       "::body {{ ns.s|length }}\n", "~ 会产生超过|5 秒"),
    "join-doubling": ("{% set ns = namespace(s='x') %}{% for i in range(40) %}{% set ns.s = [ns.s, ns.s]|join %}"
                      "{% endfor %}::body {{ ns.s|length }}\n", "join 会产生超过|5 秒"),
    "join-method-doubling": ("{% set ns = namespace(s='x') %}{% for i in range(40) %}{% set ns.s = ''.join([ns.s, ns.s]) %}"
                             "{% endfor %}::body {{ ns.s|length }}\n", "join 会产生超过|5 秒"),
    "join-of-repeats": ("{% set l = ['法' * 999999] %}{% set l2 = [l] * 1000 %}::body {{ l2|map('join')|join|length }}\n",
                        "64 MB|5 秒"),
    "extend-doubling": ("{% set l = [1] %}{% for i in range(40) %}{% if l.extend(l) %}{% endif %}{% endfor %}"
                        "::body {{ l|length }}\n", "extend 会产生超过|5 秒"),
    "append-doubling": ("{% set ns = namespace(l=[1]) %}{% for i in range(40) %}{% set ns.l = ns.l + ns.l %}{% endfor %}"
                        "::body {{ ns.l|length }}\n", "64 MB|5 秒"),
    "append-big-values": ("{% set l = [] %}{% for i in range(100000) %}{% if l.append('法' * 999999) %}{% endif %}"
                          "{% endfor %}::body {{ l|length }}\n", "64 MB|5 秒"),
    "dict-of-big-values": (BIG + "{% set d = {} %}{% for i in range(100000) %}{% if d.setdefault(i, s[:-100] ~ i) %}"
                           "{% endif %}{% endfor %}::body x\n", "64 MB|5 秒"),
    "namespace-keeps-literals": ("{% set ns = namespace(l=[]) %}{% for i in range(100000) %}{% for j in range(100000) %}"
                                 "{% set ns.l = [ns.l, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16] %}"
                                 "{% endfor %}{% endfor %}::body x\n", "64 MB|5 秒"),
    "namespace-copies": ("{% set d = dict.fromkeys(range(100000)) %}{% set l = [] %}{% for i in range(100000) %}"
                         "{% if l.append(namespace(d)) %}{% endif %}{% endfor %}::body x\n", "64 MB|5 秒"),
    "splat-copies": ("{% set r = range(100000)|list %}{% set l = [] %}{% for i in range(100000) %}"
                     "{% if l.append(cycler(*r)) %}{% endif %}{% endfor %}::body x\n", "64 MB|5 秒"),
    "characters-listed": (BIG + "{% set a = s|list %}{% set b = s|list %}{% set c = s|list %}::body x\n", "64 MB|5 秒"),
    "centered-many": ("::body {{ range(100000)|map('string')|map('center', 1000)|join|length }}\n", "64 MB|5 秒"),
    "big-integers": ("{% set ns = namespace(x=3) %}{% for i in range(100) %}{% set ns.x = ns.x * ns.x %}{% endfor %}"
                     "::body x\n", "乘法结果过大|5 秒"),
    "big-power": ("::body {{ (10 ** 60) ** 60 }}\n", "乘方过大"),
    "to-bytes": ("::body {{ (1).to_bytes(2000000000, 'big') }}\n", "不允许的操作（访问“to_bytes”）"),
    "lipsum": ("::body {{ lipsum(2000000000) }}\n", "不存在的内容“lipsum”"),
    # literal text repeated: in a loop inside a macro, an include in a loop
    "macro-buffers-loop": ("{% macro m() %}{% for i in range(100000) %}" + "法" * 5000 + "{% endfor %}{% endmacro %}"
                           "{% set x = m() %}::body x\n", "输出超过 1,000,000|5 秒"),
    "include-in-loop": ("{% macro m() %}{% for i in range(100000) %}{% include 'big.j2' %}{% endfor %}{% endmacro %}"
                        "{% set x = m() %}::body x\n", "输出超过 1,000,000|5 秒"),  # named: big.j2, where it grows
    # time, without a signal
    "exponential-macro": ("{% macro r(n) %}{% if n < 40 %}{{ r(n + 1) }}{{ r(n + 1) }}{% endif %}{% endmacro %}"
                          "::body {{ r(0) }}\n", "5 秒|超过 64 MB"),  # it grows as it takes time: either budget
    "loop-over-growing-list": ("{% set l = [1] %}{% for x in l %}{% if l.append(x) %}{% endif %}{% endfor %}::body x\n",
                               "5 秒"),
    # compiling
    "too-many-elements": ("::body " + "{{ report.title }}" * 12000 + "\n", "过于复杂"),
    "nested-too-deep": ("::body {{ " + "(" * 5000 + "1" + ")" * 5000 + " }}\n", "嵌套过深"),
    # Python's descriptions of values (issue 22: the sandbox leaked <class …>)
    "percent-of-object": ("::body {{ '%s' % report }}\n", "把对象当作文字"),
    "percent-of-class": ("::body {{ '%s' % report.parts[0].sections }}\n", "把列表当作文字"),
    "percent-r": ("::body {{ '%r' % 'x' }}\n", "内部表示"),
    "format-of-object": ("::body {{ '{}'.format(report) }}\n", "把对象当作文字"),
    "format-r": ("::body {{ '{!r}'.format('x') }}\n", "内部表示"),
    "output-object": ("::body {{ report }}\n", "把对象当作文字"),
    "output-list": ("::body {{ report.parts }}\n", "把列表当作文字"),
    "output-method": ("::body {{ report.title.upper }}\n", "把函数或方法当作文字"),
    "output-none": ("::body {{ none }}\n", "空值"),
    "string-filter": ("::body {{ report|string }}\n", "把对象当作文字"),
    "tilde-of-list": ("::body {{ 'x' ~ report.parts }}\n", "把列表当作文字"),
    "join-of-objects": ("::body {{ report.parts|join('、') }}\n", "把对象当作文字"),
    "join-with-object": ("::body {{ ['a', 'b']|join(report) }}\n", "把对象当作文字"),
    "pprint": ("::body {{ report|pprint }}\n", "模板语法错误"),
}
# Words of Python's own that must never reach the clerk (the template's path aside).
PYTHON_WORDS = re.compile(r"<class|object at|0x[0-9a-f]{6}|Error|Exception|Traceback|View\b|\b(?:str|list|dict|tuple|int|"
                          r"float|NoneType|object|type|Namespace|Markup|method|function)\b")


def run_render(tmp_path: Path, template: str) -> tuple[int, str, float, float]:
    """draftkit render with ``template`` as measures.j2: (exit code, stderr, seconds, peak MB)."""
    import resource

    tdir = tmp_path / "tpl"
    tdir.mkdir()
    (tdir / "measures.j2").write_text(template, encoding="utf-8")
    (tdir / "big.j2").write_text("::body " + "法" * 80_000 + "\n", encoding="utf-8")
    data = write(tmp_path, MINIMAL)
    env = {k: v for k, v in os.environ.items() if k != "DRAFTKIT_DEBUG"}
    env["PYTHONIOENCODING"] = "utf-8"

    def cap() -> None:  # a safety net only: a regression must show as memory measured, not hang the machine
        resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))

    peak = tmp_path / "peak"
    with open(tmp_path / "err", "wb") as err:
        start = time.monotonic()
        proc = subprocess.Popen([sys.executable, "-c", PEAK_AT_EXIT, str(peak), "render", str(data), "-o",
                                 str(tmp_path / "o.docx"), "--templates", str(tdir)], stdin=subprocess.DEVNULL,
                                stdout=subprocess.DEVNULL, stderr=err, env=env, preexec_fn=cap)
        timer = threading.Timer(60, proc.kill)
        timer.start()
        _, status, _ = os.wait4(proc.pid, 0)
        timer.cancel()
    mb = int(peak.read_text()) / 1024 if peak.exists() else float("inf")  # killed: no peak written
    return (os.waitstatus_to_exitcode(status), (tmp_path / "err").read_text("utf-8", "replace"),
            time.monotonic() - start, mb)


# draftkit as ``python -m draftkit``, writing its own peak memory (VmHWM, in kB) as it exits. Not
# wait4's ru_maxrss: the kernel carries the forking process's peak over into the child's across
# exec, so a child of a pytest of 300 MB reads 300 MB doing nothing.
PEAK_AT_EXIT = """\
import atexit, runpy, sys
out = sys.argv.pop(1)
def peak():
    with open("/proc/self/status") as status, open(out, "w") as f:
        f.write(next(line.split()[1] for line in status if line.startswith("VmHWM:")))
atexit.register(peak)
sys.argv[0] = "draftkit"
runpy.run_module("draftkit", run_name="__main__", alter_sys=True)
"""


@pytest.mark.parametrize("name", list(BOMBS))
def test_hostile_template_is_refused_in_one_line_under_256_mb(name, tmp_path):
    template, why = BOMBS[name]
    code, err, seconds, peak = run_render(tmp_path, template)
    where = f"{name}: exit {code}, {seconds:.1f} s, {peak:.0f} MB: {err[:500]}"
    assert code == 2, where
    assert peak < MEMORY_MB, where
    assert seconds < 30, where
    lines = err.splitlines()
    named = "big.j2:1" if name == "include-in-loop" else "measures.j2"
    assert len(lines) == 1 and named in lines[0] and any(w in lines[0] for w in why.split("|")), where
    assert not PYTHON_WORDS.search(lines[0].replace(str(tmp_path), "")), where
    assert not (tmp_path / "o.docx").exists()


def test_the_limits_take_no_signal_and_hold_in_any_thread(tmp_path):
    """The old time limit was SIGALRM's, in the main thread only; the budget is checked
    from the template's own steps, so a render in a worker thread stops in time too."""
    import signal

    from draftkit.errors import DraftkitError
    from draftkit.render.sandbox import render_limited
    from draftkit.render.templating import make_env

    (tmp_path / "loop.j2").write_text("{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
                                      encoding="utf-8")
    before = signal.getsignal(signal.SIGALRM) if hasattr(signal, "SIGALRM") else None
    outcome: dict = {}

    def worker() -> None:
        start = time.monotonic()
        try:
            render_limited(make_env(tmp_path), "loop.j2")
        except DraftkitError as exc:
            outcome["error"] = str(exc)
        outcome["seconds"] = time.monotonic() - start

    thread = threading.Thread(target=worker)
    thread.start()
    thread.join(60)
    assert not thread.is_alive()
    assert "loop.j2:1: 模板运行超过 5 秒" in outcome["error"] and outcome["seconds"] < 20
    if before is not None:
        assert signal.getsignal(signal.SIGALRM) is before


EARNEST = {  # what authors of templates do: output as plain Jinja makes it
    "{{ '{:>5}|{:.2f}|{:,}'.format('x', 3.14159, 1234567) }}": "    x|3.14|1,234,567",
    "{{ '%05.1f %s %d%%' % (3.14159, 'a', 7) }}|{{ '%(a)s-%(b)03d' % {'a': 'x', 'b': 5} }}": "003.1 a 7%|x-005",
    "{{ 'ab'|center(6) }}|{{ 'a\nb'|indent(2, true) }}|{{ ['a', 'b']|join('、') }}|{{ 'x' ~ 1 ~ 2.5 }}":
        "  ab  |  a\n  b|a、b|x12.5",
    "{{ '%s=%s'|format('k', 3) }}|{{ 'abc def ghi'|wordwrap(4) }}|{{ 'abcdef'|truncate(5, true, '…', 0) }}":
        "k=3|abc\ndef\nghi|abcd…",
    "{{ 'aXa'|replace('a', 'bb') }}|{{ 'aXa'.replace('a', 'c', 1) }}|{{ 'x'.zfill(3) }}|{{ 'a b  c'.split()|join('/') }}":
        "bbXbb|cXa|00x|a/b/c",
    "{% set ns = namespace(t='', n=0) %}{% for x in ['a', 'b', 'c'] %}{% set ns.t = ns.t ~ x %}"
    "{% set ns.n = ns.n + loop.index %}{% endfor %}{{ ns.t }}{{ ns.n }}": "abc6",
    "{% set l = [] %}{% for x in range(3) %}{% if l.append(x * 2) %}{% endif %}{% endfor %}{% if l.extend([9]) %}"
    "{% endif %}{{ l|join(',') }}|{{ l|sum }}|{{ l|batch(3)|list|length }}|{{ (l * 2)|length }}": "0,2,4,9|15|2|8",
    "{% for x in '甲乙丙' %}{{ loop.index }}{{ x }}{{ loop.length }}{% if loop.last %}。{% endif %}{% endfor %}":
        "1甲32乙33丙3。",
    "{% for x in [[1, [2]], [3]] recursive %}[{% if x is iterable %}{{ loop(x) }}{% else %}{{ x }}{% endif %}]{% endfor %}":
        "[[1][[2]]][[3]]",
    "{% macro m(a, b='乙') %}{{ a }}{{ b }}{{ varargs|length }}{% endmacro %}{{ m('甲') }}{{ m(1, 2, 3, 4) }}": "甲乙0122",
    "{% set d = dict(a=1, b=2) %}{% for k, v in d|dictsort %}{{ k }}{{ v }}{% endfor %}{{ d.get('a') }}": "a1b21",
    "{% filter upper %}abc{{ 'd' }}{% endfilter %}{% set cap %}x{{ 1 }}{% endset %}{{ cap }}": "ABCDx1",
    "{{ 'y' if 1 in [1, 2] else 'n' }}{{ [1, 2, 3]|select('odd')|list|length }}{{ [{'a': 1}]|map(attribute='a')|first }}":
        "y21",
    "{% autoescape true %}{{ '<a>' ~ 'b' }}{% endautoescape %}": "&lt;a&gt;b",
    "{% include 'part.j2' %}{% for i in range(2) %}{% include 'part.j2' %}{% endfor %}": "部分部分部分",
    "{{ report.title }}": "测试县人民政府关于2025年度法治政府建设情况的报告",
}


def test_what_template_authors_do_still_renders(tmp_path):
    from draftkit.render.compose import build_view
    from draftkit.render.sandbox import render_limited
    from draftkit.render.templating import make_env
    from draftkit.report.loader import load_report

    view = build_view(load_report(write(tmp_path, MINIMAL)))
    (tmp_path / "part.j2").write_text("部分", encoding="utf-8")
    for i, source in enumerate(EARNEST):
        (tmp_path / f"t{i}.j2").write_text(source, encoding="utf-8")
    env = make_env(tmp_path)
    got = {source: render_limited(env, f"t{i}.j2", report=view) for i, source in enumerate(EARNEST)}
    assert got == EARNEST
