"""Hostile input over every command, run as a user runs it: a real process under a memory
cap and a time limit. Every case is a row of CASES: the files it builds (at test time, in
its own folder), the command line, and what must come out — the exit code, at most one
line for the error (plus a summary) naming the file, no traceback or English exception
text, nothing written and no existing file changed, time and memory bounded."""

from __future__ import annotations

import hashlib
import os
import re
import resource
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from hostile_inputs import (
    GOOD_ENTRY,
    NO_BODY,
    NOT_XML,
    Content,
    big_yaml,
    billion_laughs_yaml,
    data,
    deep_block,
    deep_flow,
    docx_bomb,
    docx_empty_paragraphs,
    docx_text,
    docx_with,
    fifo,
    figure,
    folder,
    phrase_item,
    report_txt,
    symlink_to,
    xml_billion_laughs,
    xml_external_entity,
    xml_parameter_entity,
)

MEMORY_CAP = 1536 << 20  # address space of the command, bytes
GB = 1 << 30


@dataclass(frozen=True)
class Case:
    id: str
    argv: tuple[str, ...]
    files: dict[str, Content] = field(default_factory=dict)
    code: int = 2
    expect: tuple[str, ...] = ()  # each must appear in the output (stderr, else stdout)
    forbid: tuple[str, ...] = ()  # none may appear anywhere
    lines: int = 2  # most stderr lines allowed: the error and a summary
    writes: tuple[str, ...] = ()  # files the command may create or change
    closed_stdout: bool = False
    seconds: float = 10
    rss_mb: int = 600
    slow: bool = False


T = "tpl"  # a user template folder
OK = data()
BANK_BAD = GOOD_ENTRY + "{这一行不是 JSON\n"
C = Case
CASES: list[Case] = [
    # --- render: data files ---
    C("render-deep-flow", ("render", "d.yaml", "-o", "o.docx"), {"d.yaml": deep_flow(100_000)}, expect=("d.yaml",)),
    C("render-deep-block", ("render", "d.yaml", "-o", "o.docx"), {"d.yaml": deep_block(100_000)}, expect=("d.yaml",)),
    C("render-deep-map", ("render", "d.yaml", "-o", "o.docx"), {"d.yaml": "{a: " * 50_000 + "1" + "}" * 50_000},
      expect=("d.yaml",)),
    C("render-feb30", ("render", "d.yaml", "-o", "o.docx"), {"d.yaml": data(date="2026-02-30")}, expect=("d.yaml:3",)),
    C("render-feb30-cn", ("render", "d.yaml", "-o", "o.docx"), {"d.yaml": data(date="2026年2月30日")},
      expect=("d.yaml:3",)),
    C("render-month13", ("render", "d.yaml", "-o", "o.docx"), {"d.yaml": data(date="2026-13-01")}, expect=("d.yaml:3",)),
    C("render-hour25", ("render", "d.yaml", "-o", "o.docx"), {"d.yaml": data(date="2026-02-10T25:00:00")},
      expect=("d.yaml:3",)),
    C("render-year-5000-digits", ("render", "d.yaml", "-o", "o.docx"), {"d.yaml": data(year="9" * 5000)},
      expect=("d.yaml:2",)),
    C("render-nan", ("render", "d.yaml", "-o", "o.docx"), {"d.yaml": data(item=figure(".nan"))}, expect=("d.yaml:5",)),
    C("render-inf", ("render", "d.yaml", "-o", "o.docx"), {"d.yaml": data(item=figure(".inf"))}, expect=("d.yaml:5",)),
    C("render-previous-inf", ("render", "d.yaml", "-o", "o.md"), {"d.yaml": data(item=figure("5", "-.inf"))},
      expect=("d.yaml:5",)),
    C("render-1e308", ("render", "d.yaml", "-o", "o.docx"), {"d.yaml": data(item=figure("1.0e+308"))},
      expect=("d.yaml:5",)),
    C("render-5000-digit-int", ("render", "d.yaml", "-o", "o.docx"), {"d.yaml": data(item=figure("9" * 5000))},
      expect=("d.yaml:5",)),
    C("render-many-decimals", ("render", "d.yaml", "-o", "o.docx"),
      {"d.yaml": data(item=figure("0." + "3" * 40))}, expect=("d.yaml:5",)),
    C("render-nul-docx", ("render", "d.yaml", "-o", "o.docx"), {"d.yaml": data(item='"完成\\0工作"')},
      expect=("d.yaml:5",)),
    C("render-nul-md", ("render", "d.yaml", "-o", "o.md"), {"d.yaml": data(item='"完成\\0工作"')}, expect=("d.yaml:5",)),
    C("render-bell-txt", ("render", "d.yaml", "-o", "o.txt"), {"d.yaml": data(item='"完成\\a工作"')},
      expect=("d.yaml:5",)),
    C("render-escape-seq", ("render", "d.yaml", "-o", "o.docx"), {"d.yaml": data(item='"完成\\e[31m工作"')},
      expect=("d.yaml:5",)),
    C("render-lone-surrogate", ("render", "d.yaml", "-o", "o.docx"), {"d.yaml": data(item='"完成\\ud800工作"')},
      expect=("d.yaml:5",)),
    C("render-raw-nul-byte", ("render", "d.yaml", "-o", "o.docx"), {"d.yaml": data(item="完成\x00工作")},
      expect=("d.yaml",)),
    C("render-two-documents", ("render", "d.yaml", "-o", "o.docx"), {"d.yaml": OK + "---\n" + OK}, expect=("d.yaml",)),
    C("render-python-tag", ("render", "d.yaml", "-o", "o.docx"),
      {"d.yaml": data(item="!!python/object/apply:os.system [echo hi]")}, expect=("d.yaml:5",)),
    C("render-billion-laughs-yaml", ("render", "d.yaml", "-o", "o.docx"), {"d.yaml": billion_laughs_yaml()},
      expect=("d.yaml",), lines=22),
    C("render-binary", ("render", "d.yaml", "-o", "o.docx"), {"d.yaml": bytes(range(256)) * 64}, expect=("d.yaml",)),
    C("render-empty", ("render", "d.yaml", "-o", "o.docx"), {"d.yaml": ""}, expect=("d.yaml",)),
    C("render-fifo", ("render", "d.yaml", "-o", "o.docx"), {"d.yaml": fifo}, expect=("d.yaml",)),
    C("render-dev-zero", ("render", "d.yaml", "-o", "o.docx"), {"d.yaml": symlink_to("/dev/zero")},
      expect=("d.yaml",)),
    C("render-50mb", ("render", "d.yaml", "-o", "o.docx"), {"d.yaml": big_yaml(50)}, expect=("d.yaml",),
      seconds=30, slow=True),
    # --- render: outputs, banks, templates ---
    C("render-o-folder", ("render", "d.yaml", "-o", "out"), {"d.yaml": OK, "out": folder}, code=0,
      expect=("out/d.docx",), lines=20, writes=("out/d.docx",)),
    C("render-o-parent-is-file", ("render", "d.yaml", "-o", "f/o.docx"), {"d.yaml": OK, "f": "x"}, expect=("f/o.docx",)),
    C("render-o-over-template", ("render", "d.yaml", "-o", f"{T}/measures.md", "--templates", T),
      {"d.yaml": OK, f"{T}/measures.md": "x", f"{T}/measures.j2": "::body 完成了工作\n"}, expect=("measures.md",)),
    C("render-o-over-data-md", ("render", "d.yaml", "--format", "md", "-o", "./d.yaml"), {"d.yaml": OK},
      expect=("d.yaml",)),
    C("render-o-over-bank", ("render", "d.yaml", "-o", "b/measures.jsonl", "--format", "txt", "--bank", "b"),
      {"d.yaml": data(item=phrase_item("p-0000000001") .replace("}", ", values: {n: 6}}")),
       "b/measures.jsonl": GOOD_ENTRY}, expect=("measures.jsonl",)),
    C("render-bank-missing", ("render", "d.yaml", "-o", "o.docx", "--bank", "nowhere"), {"d.yaml": OK},
      expect=("nowhere",)),
    C("render-bank-corrupt-line", ("render", "d.yaml", "-o", "o.md", "--bank", "b"),
      {"d.yaml": data(item=phrase_item("p-0000000001").replace("}", ", values: {n: 6}}")),
       "b/measures.jsonl": BANK_BAD}, code=0, expect=("o.md",), lines=20, writes=("o.md",)),
    C("render-bank-not-utf8", ("render", "d.yaml", "-o", "o.md", "--bank", "b"),
      {"d.yaml": data(item=phrase_item("p-0000000001").replace("}", ", values: {n: 6}}")),
       "b/measures.jsonl": GOOD_ENTRY.encode() + "全年办理案件\n".encode("gbk")}, code=0,
      expect=("b/measures.jsonl:2",), lines=20, writes=("o.md",)),
    C("render-templates-missing", ("render", "d.yaml", "-o", "o.docx", "--templates", "nowhere"), {"d.yaml": OK},
      expect=("nowhere",)),
    C("tpl-nested-range", ("render", "d.yaml", "-o", "o.docx", "--templates", T),
      {"d.yaml": OK, f"{T}/measures.j2": "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}"
                                         "{% endfor %}"}, expect=("measures.j2",)),
    C("tpl-huge-string", ("render", "d.yaml", "-o", "o.docx", "--templates", T),
      {"d.yaml": OK, f"{T}/measures.j2": "::body {{ 'x' * 4000000000 }}\n"}, expect=("measures.j2",)),
    C("tpl-huge-output", ("render", "d.yaml", "-o", "o.docx", "--templates", T),
      {"d.yaml": OK, f"{T}/measures.j2": "{% for i in range(100000) %}::body {{ '法' * 9000 }}\n{% endfor %}"},
      expect=("measures.j2",)),
    C("tpl-division-by-zero", ("render", "d.yaml", "-o", "o.docx", "--templates", T),
      {"d.yaml": OK, f"{T}/measures.j2": "::body {{ 1/0 }}\n"}, expect=("measures.j2",)),
    C("tpl-macro-recursion", ("render", "d.yaml", "-o", "o.docx", "--templates", T),
      {"d.yaml": OK, f"{T}/measures.j2": "{% macro r(n) %}{{ r(n + 1) }}{% endmacro %}{{ r(0) }}"},
      expect=("measures.j2",)),
    C("tpl-self-include", ("render", "d.yaml", "-o", "o.docx", "--templates", T),
      {"d.yaml": OK, f"{T}/measures.j2": "{% include 'measures.j2' %}"}, expect=("measures.j2",)),
    C("tpl-fifo", ("render", "d.yaml", "-o", "o.docx", "--templates", T), {"d.yaml": OK, f"{T}/measures.j2": fifo},
      expect=("measures.j2",)),
    C("tpl-not-utf8", ("render", "d.yaml", "-o", "o.docx", "--templates", T),
      {"d.yaml": OK, f"{T}/measures.j2": "::body 完成\n".encode("gbk")}, expect=("measures.j2",)),
    C("tpl-syntax", ("render", "d.yaml", "-o", "o.docx", "--templates", T),
      {"d.yaml": OK, f"{T}/measures.j2": "::body ok\n{% for %}\n"}, expect=("measures.j2:2",)),
    C("tpl-sandbox-escape", ("render", "d.yaml", "-o", "o.docx", "--templates", T),
      {"d.yaml": OK, f"{T}/measures.j2": "::body {{ report.__class__.__init__.__globals__ }}\n"},
      expect=("measures.j2",)),
    C("render-closed-pipe", ("render", "d.yaml", "-o", "o.md"), {"d.yaml": OK}, code=0, lines=20,
      closed_stdout=True, writes=("o.md",)),
    # --- check ---
    C("check-deep-yaml", ("check", "d.yaml"), {"d.yaml": deep_flow(100_000)}, expect=("d.yaml",)),
    C("check-feb30", ("check", "d.yaml"), {"d.yaml": data(date="2026-02-30")}, expect=("d.yaml:3",)),
    C("check-dev-zero", ("check", "/dev/zero"), expect=("/dev/zero",)),
    C("check-fifo", ("check", "r.txt"), {"r.txt": fifo}, expect=("r.txt",)),
    C("check-folder", ("check", "r"), {"r": folder}, expect=("r",)),
    C("check-txt-nul", ("check", "r.txt"), {"r.txt": report_txt(extra="继续努力。" * 1000 + "\n继续\x00努力\n")},
      expect=("r.txt:15",)),
    C("check-md-control", ("check", "r.md"), {"r.md": report_txt(extra="继续\x1b[2J努力\n")}, expect=("r.md:14",)),
    C("check-txt-5000-digits", ("check", "r.txt"), {"r.txt": report_txt(n="9" * 5000)}, code=0, lines=0),
    C("check-txt-huge-percent", ("check", "r.txt"), {"r.txt": report_txt(pct="9" * 400 + ".5")}, code=0,
      lines=0),
    C("check-docx-no-body", ("check", "r.docx"), {"r.docx": docx_with(NO_BODY)}, expect=("r.docx",)),
    C("check-docx-not-xml", ("check", "r.docx"), {"r.docx": docx_with(NOT_XML)}, expect=("r.docx",)),
    C("check-docx-not-zip", ("check", "r.docx"), {"r.docx": report_txt()}, expect=("r.docx",)),
    C("check-docx-laughs", ("check", "r.docx"), {"r.docx": docx_with(xml_billion_laughs())}, expect=("r.docx",)),
    C("check-docx-param-entity", ("check", "r.docx"), {"r.docx": docx_with(xml_parameter_entity(Path("/etc/passwd")))},
      expect=("r.docx",)),
    C("check-docx-xxe", ("check", "r.docx"), {"r.docx": docx_with(xml_external_entity(Path("/etc/passwd")))},
      expect=("r.docx",), forbid=("root:",)),
    C("check-docx-bomb", ("check", "r.docx"), {"r.docx": docx_bomb(GB + (1 << 20))}, expect=("r.docx",),
      seconds=30, slow=True),
    C("check-docx-empty-paras", ("check", "r.docx"), {"r.docx": docx_empty_paragraphs(200 << 20)},
      expect=("r.docx",), seconds=30, slow=True),
    C("check-docx-ok", ("check", "r.docx"), {"r.docx": docx_text(*report_txt().splitlines())}, code=0, lines=0),
    C("check-last-fifo", ("check", "r.txt", "--last", "l.txt"), {"r.txt": report_txt(), "l.txt": fifo},
      expect=("l.txt",)),
    C("check-closed-pipe", ("check", "r.txt"), {"r.txt": report_txt()}, code=0, lines=0, closed_stdout=True),
    # --- import ---
    C("import-o-same-force", ("import", "r.txt", "-o", "r.txt", "--force"), {"r.txt": report_txt()},
      expect=("r.txt",)),
    C("import-o-same-other-spelling", ("import", "r.txt", "-o", "./sub/../r.txt", "--force"),
      {"r.txt": report_txt(), "sub": folder}, expect=("r.txt",)),
    C("import-o-symlink-to-input", ("import", "r.txt", "-o", "l.yaml", "--force"),
      {"r.txt": report_txt(), "l.yaml": symlink_to("r.txt")}, expect=("r.txt",)),
    C("import-o-folder", ("import", "r.txt", "-o", "out"), {"r.txt": report_txt(), "out": folder}, expect=("out",)),
    C("import-o-folder-force", ("import", "r.txt", "-o", "out", "--force"), {"r.txt": report_txt(), "out": folder},
      expect=("out",)),
    C("import-o-parent-is-file", ("import", "r.txt", "-o", "f/d.yaml"), {"r.txt": report_txt(), "f": "x"},
      expect=("f/d.yaml",)),
    C("import-fifo", ("import", "r.txt", "-o", "d.yaml"), {"r.txt": fifo}, expect=("r.txt",)),
    C("import-dev-zero", ("import", "/dev/zero", "-o", "d.yaml"), expect=("/dev/zero",)),
    C("import-docx-no-body", ("import", "r.docx", "-o", "d.yaml"), {"r.docx": docx_with(NO_BODY)}, expect=("r.docx",)),
    C("import-docx-laughs", ("import", "r.docx", "-o", "d.yaml"), {"r.docx": docx_with(xml_billion_laughs())},
      expect=("r.docx",)),
    C("import-docx-bomb", ("import", "r.docx", "-o", "d.yaml"), {"r.docx": docx_bomb(GB + (1 << 20))},
      expect=("r.docx",), seconds=30, slow=True),
    C("import-ok", ("import", "r.txt", "-o", "d.yaml"), {"r.txt": report_txt()}, code=0, lines=0,
      expect=("d.yaml",), writes=("d.yaml",)),
    C("import-closed-pipe", ("import", "r.txt", "-o", "d.yaml"), {"r.txt": report_txt()}, code=0, lines=0,
      closed_stdout=True, writes=("d.yaml",)),
    # --- diff ---
    C("diff-parts-lists", ("diff", "a.yaml", "b.yaml"),
      {"a.yaml": data(parts="  - measures\n  - plan\n"), "b.yaml": OK}, expect=("a.yaml",)),
    C("diff-odd-items", ("diff", "a.yaml", "b.yaml"),
      {"a.yaml": data(parts="  measures: {items: [[1, 2], 5, {values: [1]}]}\n"), "b.yaml": OK}, expect=("a.yaml",)),
    C("diff-figure-list", ("diff", "a.yaml", "b.yaml"),
      {"a.yaml": OK, "b.yaml": data(item='{text: "a{n}", values: {n: {current: [1], previous: {a: 1}}}}')},
      expect=("b.yaml",)),
    C("diff-deep", ("diff", "a.yaml", "b.yaml"), {"a.yaml": OK, "b.yaml": deep_flow(100_000)}, expect=("b.yaml",)),
    C("diff-feb30", ("diff", "a.yaml", "b.yaml"), {"a.yaml": OK, "b.yaml": data(date="2026-02-30")},
      expect=("b.yaml:3",)),
    C("diff-nan", ("diff", "a.yaml", "b.yaml"), {"a.yaml": OK, "b.yaml": data(item=figure(".nan"))},
      expect=("b.yaml:5",)),
    C("diff-fifo", ("diff", "a.yaml", "b.yaml"), {"a.yaml": OK, "b.yaml": fifo}, expect=("b.yaml",)),
    C("diff-missing", ("diff", "a.yaml", "b.yaml"), {"a.yaml": OK}, expect=("b.yaml",)),
    C("diff-closed-pipe", ("diff", "a.yaml", "b.yaml"), {"a.yaml": OK, "b.yaml": data(item="完成了更多工作")}, code=0,
      lines=0, closed_stdout=True),
    # --- mine ---
    C("mine-o-file", ("mine", "c", "-o", "out.txt"), {"c/a.txt": report_txt(), "out.txt": "x"}, expect=("out.txt",)),
    C("mine-fifo", ("mine", "p.txt", "-o", "bank"), {"p.txt": fifo}, expect=("p.txt",)),
    C("mine-dev-zero", ("mine", "/dev/zero", "-o", "bank"), expect=("/dev/zero",)),
    C("mine-folder-with-fifo", ("mine", "c", "-o", "bank"), {"c/a.txt": report_txt(), "c/p.txt": fifo}, code=1,
      expect=("p.txt",), lines=2, writes=("bank/*",)),
    C("mine-not-utf8-garbage", ("mine", "g.txt", "-o", "bank"), {"g.txt": bytes(range(128, 256)) * 200},
      expect=("g.txt",)),
    C("mine-docx-bomb", ("mine", "r.docx", "-o", "bank"), {"r.docx": docx_bomb(GB + (1 << 20))}, expect=("r.docx",),
      seconds=30, slow=True),
    C("mine-docx-laughs", ("mine", "r.docx", "-o", "bank"), {"r.docx": docx_with(xml_billion_laughs())},
      expect=("r.docx",)),
    C("mine-input-is-output", ("mine", "bank/plan.jsonl", "-o", "bank"), {"bank/plan.jsonl": report_txt()},
      expect=("plan.jsonl",)),
    C("mine-o-replaces", ("mine", "c", "-o", "bank"), {"c/a.txt": report_txt(), "bank/other.jsonl": GOOD_ENTRY},
      code=0, expect=("other.jsonl",), lines=1, writes=("bank/*",)),
    C("mine-closed-pipe", ("mine", "c", "-o", "bank"), {"c/a.txt": report_txt()}, code=0, lines=0,
      closed_stdout=True, writes=("bank/*",)),
    # --- phrases ---
    C("search-bank-missing", ("phrases", "search", "复议", "--bank", "nowhere"), expect=("nowhere",)),
    C("search-bank-is-file", ("phrases", "search", "复议", "--bank", "b.jsonl"), {"b.jsonl": GOOD_ENTRY},
      expect=("b.jsonl",)),
    C("search-bank-corrupt", ("phrases", "search", "全年办理行政复议案件", "--bank", "b"), {"b/x.jsonl": BANK_BAD},
      code=0, expect=("b/x.jsonl:2", "p-0000000001"), lines=1),
    C("search-bank-wrong-shape", ("phrases", "search", "全年办理行政复议案件", "--bank", "b"),
      {"b/x.jsonl": GOOD_ENTRY + '{"id": 5}\n[1, 2]\n'}, code=0, expect=("b/x.jsonl:2", "b/x.jsonl:3"), lines=2),
    C("search-bank-not-utf8", ("phrases", "search", "全年办理行政复议案件", "--bank", "b"),
      {"b/x.jsonl": GOOD_ENTRY.encode() + "坏行\n".encode("gbk")}, code=0, expect=("b/x.jsonl:2",), lines=1),
    C("search-bank-fifo", ("phrases", "search", "复议", "--bank", "b"), {"b/x.jsonl": fifo}, expect=("x.jsonl",)),
    C("search-negative-limit", ("phrases", "search", "复议", "-n", "-1"), expect=("-n",)),
    C("search-closed-pipe", ("phrases", "search", "依法"), code=0, lines=0, closed_stdout=True),
    C("show-bank-corrupt", ("phrases", "show", "p-0000000001", "--bank", "b"), {"b/x.jsonl": BANK_BAD}, code=0,
      expect=("b/x.jsonl:2", "全年办理行政复议案件"), lines=1),
    C("show-bank-corrupt-target", ("phrases", "show", "p-0000000002", "--bank", "b"),
      {"b/x.jsonl": GOOD_ENTRY + '{"id":"p-0000000002","text":\n'}, expect=("p-0000000002",)),
    C("show-closed-pipe", ("phrases", "show", "p-0000000001", "--bank", "b"), {"b/x.jsonl": GOOD_ENTRY}, code=0,
      lines=0, closed_stdout=True),
    # --- new ---
    C("new-not-a-terminal", ("new", "--bank", "nowhere"), expect=("终端",)),
    C("new-defaults-existing", ("new", "--defaults", "--issuer", "测试县人民政府", "-o", "a.yaml"), {"a.yaml": OK},
      expect=("a.yaml",)),
    C("new-defaults-o-folder", ("new", "--defaults", "--issuer", "测试县人民政府", "-o", "out"), {"out": folder},
      expect=("out",)),
    C("new-defaults-control-issuer", ("new", "--defaults", "--issuer", "测试\x07县人民政府", "-o", "a.yaml"),
      expect=("--issuer", "U+0007")),
    C("new-defaults-bank-missing", ("new", "--defaults", "--issuer", "测试县人民政府", "--bank", "nowhere"),
      expect=("nowhere",)),
    C("new-defaults-huge-year", ("new", "--defaults", "--issuer", "测试县人民政府", "--year", "9" * 5000),
      expect=("--year",)),
    C("new-defaults-closed-pipe", ("new", "--defaults", "--issuer", "测试县人民政府", "-o", "a.yaml"), code=0,
      lines=0, closed_stdout=True, writes=("a.yaml",)),
]


def _limits() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))


def _make(root: Path, files: dict[str, Content]) -> None:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if callable(content):
            content(path)
        else:
            path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)


def _snapshot(root: Path) -> dict[str, str]:
    """Every entry under root: a regular file by its content hash, others by kind."""
    out = {}
    for dirpath, dirnames, filenames in os.walk(root):
        for name in dirnames + filenames:
            path = Path(dirpath) / name
            rel = str(path.relative_to(root))
            st = os.lstat(path)
            if path.is_symlink():
                out[rel] = "link:" + os.readlink(path)
            elif Path(path).is_file():
                h = hashlib.sha1()
                with open(path, "rb") as fh:
                    for chunk in iter(lambda: fh.read(1 << 20), b""):
                        h.update(chunk)
                out[rel] = h.hexdigest()
            else:
                out[rel] = f"mode:{st.st_mode:o}"
    return out


@dataclass
class Outcome:
    code: int
    out: str
    err: str
    seconds: float
    rss_mb: float


def run(case: Case, cwd: Path) -> Outcome:
    out_path, err_path = cwd.parent / f"{cwd.name}.out", cwd.parent / f"{cwd.name}.err"
    env = {k: v for k, v in os.environ.items() if k != "DRAFTKIT_DEBUG"}
    env["PYTHONIOENCODING"] = "utf-8"
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        if case.closed_stdout:
            r, w = os.pipe()
            os.close(r)
            stdout = w
        else:
            stdout = out
        start = time.monotonic()
        proc = subprocess.Popen([sys.executable, "-m", "draftkit", *case.argv], cwd=cwd, stdin=subprocess.DEVNULL,
                                stdout=stdout, stderr=err, env=env, preexec_fn=_limits)
        if case.closed_stdout:
            os.close(w)
        timer = threading.Timer(case.seconds, proc.kill)
        timer.start()
        _, status, usage = os.wait4(proc.pid, 0)
        timer.cancel()
        proc.returncode = os.waitstatus_to_exitcode(status)
        elapsed = time.monotonic() - start
    return Outcome(proc.returncode, out_path.read_text("utf-8", "replace"), err_path.read_text("utf-8", "replace"),
                   elapsed, usage.ru_maxrss / 1024)


# Exception names and English prose (three words in a row; key names listed with commas are ours).
_ENGLISH = re.compile(r"Traceback|Error\b|Exception|errno|[A-Za-z]{2,}(?:[ :'’]+[A-Za-z]{2,}){2,}")


def _params():
    for case in CASES:
        marks = [pytest.mark.slow] if case.slow else []
        yield pytest.param(case, id=case.id, marks=marks)


def test_enough_cases_over_every_command():
    commands = {c.argv[0] if c.argv[0] != "phrases" else " ".join(c.argv[:2]) for c in CASES}
    assert len(CASES) >= 60 and len({c.id for c in CASES}) == len(CASES)
    assert commands >= {"render", "check", "import", "diff", "mine", "phrases search", "phrases show", "new"}


@pytest.mark.parametrize("case", list(_params()))
def test_hostile(case: Case, tmp_path: Path):
    work = tmp_path / "work"
    work.mkdir()
    _make(work, case.files)
    before = _snapshot(work)
    o = run(case, work)
    where = f"exit {o.code} after {o.seconds:.1f} s, {o.rss_mb:.0f} MB\nstderr: {o.err[:2000]}\nstdout: {o.out[:500]}"
    assert o.seconds < case.seconds, "took too long: " + where
    assert o.code == case.code, where
    assert o.rss_mb < case.rss_mb, "too much memory: " + where
    err_lines = o.err.splitlines()
    assert len(err_lines) <= case.lines, where
    if case.code == 2:
        assert err_lines and re.search(r"[\u4e00-\u9fff]", err_lines[0]), where
        assert not o.out.strip(), where
    assert "内部错误" not in o.err and not _ENGLISH.search(o.err.replace(str(work), "")), where
    shown = o.err if case.code == 2 else o.out + o.err
    for text in case.expect:
        assert text in shown, f"{text!r} missing: " + where
    for text in case.forbid:
        assert text not in o.out + o.err, where
    after = _snapshot(work)
    allowed = {k for k in set(before) | set(after)
               if any(k == w or (w.endswith("/*") and k.startswith(w[:-1])) or k == w[:-2] for w in case.writes)}
    changed = {k for k in set(before) | set(after) if before.get(k) != after.get(k)} - allowed
    assert not changed, f"changed or written: {sorted(changed)}; " + where
