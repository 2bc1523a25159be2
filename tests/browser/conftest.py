"""The browser tests' harness: ``server`` starts ``draftkit serve`` on a folder of the
test's as a real process (so a test can kill it), ``page`` is a page of Debian's chromium
(/usr/bin/chromium) driven by Playwright with a fresh profile. Playwright's own browser
download is never used (it does not work on these machines); the tests skip, saying why,
where chromium or Playwright is missing.

A new page of the app gets its tests here beside these: ``server.url`` opens the app with
the token (the cookie is then set), ``server.base`` is the address without it."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

CHROMIUM = Path(os.environ.get("DRAFTKIT_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SHOTS = Path(os.environ.get("DRAFTKIT_SHOTS", "/work/notes/serve-shots"))


@dataclass
class Server:
    """A running ``draftkit serve``: its process, folder, port, token and addresses."""

    proc: subprocess.Popen
    folder: Path
    port: int
    token: str

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def url(self) -> str:
        return f"{self.base}/?token={self.token}"

    def stop(self) -> str:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        return self.proc.stderr.read() if self.proc.stderr else ""


def start_server(folder: Path, *extra: str) -> Server:
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    proc = subprocess.Popen([sys.executable, "-m", "draftkit", "serve", str(folder), "--no-browser", *extra],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8", env=env)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            raise AssertionError(f"draftkit serve ended: {proc.stderr.read()}")
        m = re.search(r"http://127\.0\.0\.1:(\d+)/\?token=([\w-]+)", line)
        if m:
            return Server(proc, folder, int(m.group(1)), m.group(2))
    proc.kill()
    raise AssertionError("draftkit serve printed no address within 60 s")


@pytest.fixture
def folder(tmp_path) -> Path:
    f = tmp_path / "报告文件夹"
    f.mkdir()
    return f


@pytest.fixture
def server(folder):
    s = start_server(folder)
    yield s
    s.stop()


@pytest.fixture(scope="module")
def playwright_driver():
    """Playwright's driver for one test module: its sync API runs an event loop in this
    thread while it is open, which later tests' asyncio.run (prompt_toolkit) cannot share."""
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium): the browser tests need Debian's chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("Playwright for Python is not installed (pip install playwright)")
    from playwright.sync_api import expect

    expect.set_options(timeout=20_000)  # a loaded machine: a page's answer may take seconds
    with sync_playwright() as p:
        yield p


@pytest.fixture
def context(playwright_driver, tmp_path):
    profile = tmp_path / "chromium-profile"
    ctx = playwright_driver.chromium.launch_persistent_context(
        str(profile), executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS,
        viewport={"width": 1600, "height": 1000}, locale="zh-CN", accept_downloads=True)
    yield ctx
    ctx.close()


@pytest.fixture
def page(context):
    p = context.pages[0] if context.pages else context.new_page()
    p.set_default_timeout(30000)  # a loaded machine answers in seconds, not milliseconds
    return p


def shot(page, name: str) -> Path | None:
    """A screenshot for the closing note (only where the notes folder exists): of the page's
    window, or of one element when given a locator."""
    if not SHOTS.parent.is_dir():
        return None
    SHOTS.mkdir(exist_ok=True)
    path = SHOTS / f"{name}.png"
    page.screenshot(path=str(path))
    return path


def document_xml(data: bytes) -> str:
    """A downloaded .docx's word/document.xml."""
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.read("word/document.xml").decode("utf-8")


def idle(page) -> None:
    """Until the page's request in flight has been answered (the body's class busy, as a word)."""
    from playwright.sync_api import expect

    expect(page.locator("body")).not_to_have_class(re.compile(r"\bbusy\b"))
    page.wait_for_timeout(30)
