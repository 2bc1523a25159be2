"""The pages at a common Windows laptop's 1366×768 and at 1920×1080: the bar on one line
with no label broken, no sideways scrolling, the workbench filling the window (no second
scrollbar), a sentence's box as tall as its text, and the check summary scrolling away
with the page instead of covering it."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from playwright.sync_api import expect

SHOTS = Path("/work/notes/walk3-shots")


def snap(page, name):
    if SHOTS.parent.is_dir():
        SHOTS.mkdir(exist_ok=True)
        page.screenshot(path=str(SHOTS / f"{name}.png"))


@pytest.mark.parametrize("width, height", [(1366, 768), (1920, 1080)])
def test_layout_at_common_screens(server, context, width, height):
    r = subprocess.run([sys.executable, "-m", "draftkit", "new", "--defaults", "--issuer", "桐庐县城南街道办事处",
                        "--year", "2026", "-o", str(server.folder / "桐庐县城南街道办事处2026年度报告.yaml")],
                       capture_output=True, text=True, encoding="utf-8")
    assert r.returncode == 0, r.stderr
    page = context.new_page()
    page.set_viewport_size({"width": width, "height": height})
    page.goto(server.url)
    expect(page.locator("#new")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= width  # no sideways scrolling
    snap(page, f"test_{width}_start")
    page.click("text=桐庐县城南街道办事处2026年度报告.yaml")
    expect(page.locator("#live .sheet").first).to_be_visible()
    # a change, so that the undo button names it (its longest label)
    page.locator("#part-measures form.item").first.locator("button[value=keep]").click()
    expect(page.locator("#bar button", has_text="撤销：")).to_be_visible()
    expect(page.locator("body")).not_to_have_class(re.compile(r"\bbusy\b"))
    assert page.evaluate("document.documentElement.scrollHeight") <= height  # one scrollbar per pane
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    bar = page.locator("header.bar").bounding_box()
    assert bar["height"] < 60, bar  # one line, even with a long file name and the undo named
    for el in page.locator("header.bar a, header.bar button, header.bar .state").all():
        box = el.bounding_box()
        assert box["height"] < 40, (el.inner_text(), box)  # no label broken over two lines
    for ta in page.locator(".item textarea").all()[:12]:
        client, scroll = ta.evaluate("e => [e.clientHeight, e.scrollHeight]")
        assert scroll <= client + 1, (ta.input_value()[:20], client, scroll)  # the whole sentence shown
    summary = page.locator("#live .summary")
    top = summary.bounding_box()["y"]
    page.locator("#live").evaluate("el => el.scrollTop = 900")
    page.wait_for_timeout(100)
    assert summary.bounding_box()["y"] < top - 500  # scrolled away, not pinned over the sheets
    snap(page, f"test_{width}_editor_scrolled")
    page.close()
