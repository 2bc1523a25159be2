"""Templates are compiled by each process from their source (Jinja's bytecode cache is
off: nothing is loaded as code from a file), so an edited template is never rendered
from its old code, and every render is sandboxed and locates its errors."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import MINIMAL, write


def render(data: Path, tdir: Path, cache: Path, out: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "DRAFTKIT_CACHE": str(cache)}
    return subprocess.run([sys.executable, "-m", "draftkit", "render", str(data), "-o", str(out), "--templates",
                           str(tdir), "--force"], capture_output=True, text=True, env=env)


def setup(tmp_path: Path, plan: str) -> tuple[Path, Path, Path, Path]:
    tdir = tmp_path / "tpl"
    tdir.mkdir()
    (tdir / "plan.j2").write_text(plan, encoding="utf-8")
    return write(tmp_path, MINIMAL), tdir, tmp_path / "cache", tmp_path / "out.txt"


def test_an_edited_template_is_compiled_again(tmp_path):
    data, tdir, cache, out = setup(tmp_path, "::h1 {{ part.number }}、明年打算\n::body 自定义甲：{{ part.sections[0].items|join('、') }}\n")
    assert render(data, tdir, cache, out).returncode == 0
    assert "自定义甲：继续努力" in out.read_text(encoding="utf-8")
    assert not cache.exists() or not any(cache.iterdir())  # no compiled template is kept
    # the same size and the same modification time: only the content tells
    plan = tdir / "plan.j2"
    stat = plan.stat()
    plan.write_text(plan.read_text(encoding="utf-8").replace("自定义甲", "自定义乙"), encoding="utf-8")
    os.utime(plan, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert plan.stat().st_size == stat.st_size
    assert render(data, tdir, cache, out).returncode == 0
    text = out.read_text(encoding="utf-8")
    assert "自定义乙：继续努力" in text and "自定义甲" not in text


def test_every_render_is_sandboxed_and_errors_keep_their_place(tmp_path):
    data, tdir, cache, out = setup(tmp_path, "::body 正文\n::body {{ part.__class__.__init__.__globals__ }}\n")
    first, second = render(data, tdir, cache, out), render(data, tdir, cache, out)
    for r in (first, second):
        assert r.returncode != 0
        assert "plan.j2:2: 模板试图执行不允许的操作（访问“__init__”）" in r.stderr
