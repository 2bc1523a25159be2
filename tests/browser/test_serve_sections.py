"""A section emptied in the editor: the clerk deletes every sentence under a heading and
the report is still a report — the live page lays it out without that heading, the
answers file still loads and renders, and the editor offers to delete the empty section."""

from __future__ import annotations

import subprocess
import sys

import yaml
from playwright.sync_api import expect

from conftest import EXAMPLES

from .conftest import idle


def open_county(server, page, name="county.yaml"):
    (server.folder / name).write_text((EXAMPLES / "county.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    page.goto(server.url)
    page.goto(f"{server.base}/edit?file={name}")
    expect(page.locator("#live .sheet").first).to_be_visible()
    return server.folder / name


def test_deleting_a_sections_last_sentence_keeps_the_page(server, page, tmp_path):
    answers = open_county(server, page)
    heading = "深化放管服改革，持续优化法治化营商环境"
    expect(page.locator("#live")).to_contain_text(heading)
    for _ in range(10):
        items = page.locator("#part-measures form.item[id^='item-measures-1-']")
        if not items.count():
            break
        items.first.locator("button[value=delete]").click()
        idle(page)
    expect(page.locator("#part-measures form.item[id^='item-measures-1-']")).to_have_count(0)
    # the page is still laid out: no YAML message, the heading left out and the next one numbered （二）
    expect(page.locator("#live .sheet").first).to_be_visible()
    live = page.inner_text("#live")
    assert "还不能排版" not in live and ".yaml" not in live and "items" not in live, live[:300]
    assert heading not in live
    assert "（二）严格依法决策" in live.replace("\n", "")
    # the editor keeps the heading, says what to do, and the file stays a valid report
    empty = page.locator("#part-measures form.empty-section")
    expect(empty).to_contain_text("这一节还没有句子")
    data = yaml.safe_load(answers.read_text(encoding="utf-8"))
    assert data["parts"]["measures"]["sections"][1]["heading"] == heading
    out = tmp_path / "out.md"
    r = subprocess.run([sys.executable, "-m", "draftkit", "render", str(answers), "--draft", "-o", str(out)],
                       capture_output=True, text=True, encoding="utf-8")
    assert r.returncode == 0, r.stderr
    assert heading not in out.read_text(encoding="utf-8")
    # a sentence of her own under it brings the heading back
    own = page.locator("#own-measures-1")
    own.fill("推行证明事项告知承诺制，全年办理承诺事项120件")
    own.press("Enter")
    idle(page)
    expect(page.locator("#live")).to_contain_text(heading)
    page.locator("#part-measures form.item[id^='item-measures-1-']").first.locator("button[value=delete]").click()
    idle(page)
    # or she deletes the empty section
    page.locator("#part-measures form.empty-section button[value=delete]").click()
    idle(page)
    expect(page.locator("#part-measures h3", has_text=heading)).to_have_count(0)
    data = yaml.safe_load(answers.read_text(encoding="utf-8"))
    assert heading not in [s.get("heading") for s in data["parts"]["measures"]["sections"]]
    expect(page.locator("#live")).to_contain_text("严格依法决策")
