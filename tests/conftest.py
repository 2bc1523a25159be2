from __future__ import annotations

import contextlib
import io
import os
import shutil
import tempfile
import textwrap
from pathlib import Path

import docx
import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

MINIMAL = """\
issuer: {name: 测试县人民政府, level: 县区}
year: 2025
date: 2026-02-10
parts:
  measures: {items: [完成了工作]}
  shortcomings: {items: [还有不足]}
  leadership: {items: [履行了职责]}
  plan: {items: [继续努力]}
"""


def pytest_configure(config):
    """The tests never write to the user's cache: draftkit's cache folder (jieba's
    dictionary) is a folder of the session's, set before any test module imports
    draftkit; subprocesses inherit it."""
    config._draftkit_cache = tempfile.mkdtemp(prefix="draftkit-test-cache-")
    config._draftkit_cache_was = os.environ.get("DRAFTKIT_CACHE")
    os.environ["DRAFTKIT_CACHE"] = config._draftkit_cache


def pytest_unconfigure(config):
    was = getattr(config, "_draftkit_cache_was", None)
    if was is None:
        os.environ.pop("DRAFTKIT_CACHE", None)
    else:
        os.environ["DRAFTKIT_CACHE"] = was
    shutil.rmtree(getattr(config, "_draftkit_cache", ""), ignore_errors=True)


@pytest.fixture(scope="session", autouse=True)
def session_cache() -> Path:
    """The session's cache folder (see pytest_configure)."""
    path = Path(os.environ["DRAFTKIT_CACHE"])
    assert path.is_dir() and path.name.startswith("draftkit-test-cache-")
    return path


def write(tmp_path: Path, text: str, name: str = "data.yaml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def render_bytes(path: Path, fmt: str = "docx", **kw) -> bytes:
    from draftkit.render.pipeline import render_report
    from draftkit.report.loader import load_report

    return render_report(load_report(path), fmt, **kw)


def render_doc(path: Path, **kw) -> docx.document.Document:
    return docx.Document(io.BytesIO(render_bytes(path, "docx", **kw)))


def style_of(p) -> str:
    ps = p._p.find(f"{W}pPr/{W}pStyle")
    return ps.get(f"{W}val") if ps is not None else ""


@pytest.fixture(scope="session")
def county_doc():
    return render_doc(EXAMPLES / "county.yaml")


@pytest.fixture(scope="session")
def department_doc():
    return render_doc(EXAMPLES / "department.yaml")


def default_drafts(folder: Path, issuers: dict[str, tuple[str, str]], year: int = 2025) -> dict[str, tuple[str, str]]:
    """``draftkit new --defaults`` then ``render --draft`` (Markdown) for each issuer, as a
    clerk runs them: key → (the rendered draft, the data file)."""
    import os
    import subprocess
    import sys

    def run(*args):
        r = subprocess.run([sys.executable, "-m", "draftkit", *args], capture_output=True, text=True,
                           env=dict(os.environ, PYTHONIOENCODING="utf-8"), timeout=120)
        assert r.returncode == 0, r.stderr

    out = {}
    for key, (issuer, level) in issuers.items():
        data, md = folder / f"{key}.yaml", folder / f"{key}.md"
        run("new", "--defaults", "--issuer", issuer, *(["--level", level] if level else []), "--year", str(year),
            "-o", str(data))
        run("render", str(data), "--draft", "--format", "md", "-o", str(md))
        out[key] = (md.read_text(encoding="utf-8"), data.read_text(encoding="utf-8"))
    return out


@contextlib.contextmanager
def paced_input(chunks: list[str], settled=None):
    """prompt_toolkit pipe input fed each chunk 0.3 s after the last, as a person types and
    pauses; closed after the last, so keys that do not finish a question end in EOFError,
    not a hang. ``settled(k)``, if given, says whether the prompt has finished with the
    first k chunks: the next one waits for it (up to 20 s), so that a loaded machine,
    where the prompt lags behind the keys, does not change what the test sees."""
    import threading
    import time

    from prompt_toolkit.input import create_pipe_input

    with create_pipe_input() as inp:
        inp.send_text(chunks[0])

        def rest():
            for k, chunk in enumerate(chunks[1:], start=1):
                time.sleep(0.3)
                deadline = time.monotonic() + 20
                while settled is not None and not settled(k) and time.monotonic() < deadline:
                    time.sleep(0.02)
                inp.send_text(chunk)
            inp.close()

        sender = threading.Thread(target=rest)
        sender.start()
        try:
            yield inp
        finally:
            sender.join()
