"""The title, the opening, a part's heading and intro and a section's heading edited on the
page: saved where the answers file's schema has them, and what the downloaded .docx (and
``draftkit render`` of the saved file) prints."""

from __future__ import annotations

import re
import subprocess
import sys

import yaml
from playwright.sync_api import expect

from conftest import EXAMPLES

from .conftest import document_xml, idle, shot



def typed(page, selector, text):
    field = page.locator(selector)
    field.fill(text)
    field.dispatch_event("change")
    idle(page)


def test_headings_and_title_edited_on_the_page(server, page, tmp_path):
    answers = server.folder / "county.yaml"
    answers.write_text((EXAMPLES / "county.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    page.goto(server.url)
    page.goto(f"{server.base}/edit?file=county.yaml")
    expect(page.locator("#live .sheet").first).to_be_visible()
    # the shortcomings' intro is shown as it reads ({year} filled in); left alone, nothing is saved
    intro = page.locator("#intro-shortcomings").input_value()
    assert "{" not in intro
    before = answers.read_text(encoding="utf-8")
    page.locator("#intro-shortcomings").dispatch_event("change")
    idle(page)
    assert answers.read_text(encoding="utf-8") == before

    typed(page, "#words-title", "青岚县人民政府关于2025年度法治政府建设工作的报告")
    expect(page.locator("#live .GwTitle")).to_contain_text("法治政府建设工作的报告")
    typed(page, "#words-opening", "2025年，全县上下坚持依法行政，法治政府建设取得新进展。\n现将有关情况报告如下：")
    expect(page.locator("#live")).to_contain_text("全县上下坚持依法行政")
    typed(page, "#heading-measures", "2025年法治政府建设的主要举措和成效")
    typed(page, "#intro-measures", "一年来，我县重点抓了以下几方面工作：")
    typed(page, "#heading-measures-2", "严格依法决策，规范文件审核")
    expect(page.locator("#live")).to_contain_text("（三）严格依法决策，规范文件审核")
    shot(page, "walk3-headings")
    data = yaml.safe_load(answers.read_text(encoding="utf-8"))
    assert data["title"] == "青岚县人民政府关于2025年度法治政府建设工作的报告"
    assert data["opening"] == ["2025年，全县上下坚持依法行政，法治政府建设取得新进展。", "现将有关情况报告如下："]
    assert data["parts"]["measures"]["heading"] == "2025年法治政府建设的主要举措和成效"
    assert data["parts"]["measures"]["intro"] == "一年来，我县重点抓了以下几方面工作："
    assert data["parts"]["measures"]["sections"][2]["heading"] == "严格依法决策，规范文件审核"
    # the comments the example file carries are still there
    kept = [line for line in before.splitlines() if line.lstrip().startswith("#")]
    now = answers.read_text(encoding="utf-8")
    assert all(line in now for line in kept)

    with page.expect_download() as dl:
        page.click("#get-docx")
    got = document_xml(dl.value.path().read_bytes())
    for text in ("法治政府建设工作的报告", "全县上下坚持依法行政", "2025年法治政府建设的主要举措和成效",
                 "一年来，我县重点抓了以下几方面工作", "严格依法决策，规范文件审核"):
        assert text in got, text
    out = tmp_path / "cli.docx"
    r = subprocess.run([sys.executable, "-m", "draftkit", "render", str(answers), "-o", str(out)],
                       capture_output=True, text=True, encoding="utf-8")
    assert r.returncode == 0, r.stderr
    assert document_xml(out.read_bytes()) == got

    # cleared, the title and the part's heading are the defaults again (left out of the file)
    typed(page, "#words-title", "")
    typed(page, "#heading-measures", "")
    data = yaml.safe_load(answers.read_text(encoding="utf-8"))
    assert "title" not in data and "heading" not in data["parts"]["measures"]
    expect(page.locator("#live .GwTitle")).to_contain_text("法治政府建设情况的报告")
    expect(page.locator("#heading-measures")).to_have_value("2025年推进法治政府建设的主要举措和成效")
    # a section's heading cannot be emptied (the section is deleted instead)
    page.locator("#heading-measures-2").fill("")
    page.locator("#heading-measures-2").dispatch_event("change")
    expect(page.locator("#message")).to_contain_text("小标题不能为空")
    assert yaml.safe_load(answers.read_text(encoding="utf-8"))["parts"]["measures"]["sections"][2]["heading"]
