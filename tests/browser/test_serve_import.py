"""Last year's report uploaded on the start page: ``draftkit import``'s own path, its notes
shown, the draft opened in the editor with last year's figures as 上年; a file that is not
a report refused with import's own reason."""

from __future__ import annotations

import subprocess
import sys

from playwright.sync_api import expect

from conftest import EXAMPLES

from .conftest import shot


def test_import_of_last_years_report(server, page, tmp_path):
    last = tmp_path / "青岚县2025年法治政府建设情况报告.docx"
    r = subprocess.run([sys.executable, "-m", "draftkit", "render", str(EXAMPLES / "county.yaml"), "-o", str(last)],
                       capture_output=True, text=True, encoding="utf-8")
    assert r.returncode == 0, r.stderr
    page.goto(server.url)
    page.set_input_files("#import input[type=file]", str(last))
    page.click("#import button[type=submit]")
    expect(page.locator("#import-result .ok")).to_be_visible()
    notes = page.inner_text("#import-result")
    assert "2026 年度草稿" in notes and "待填" in notes, notes
    assert "/tmp" not in notes  # files named as the clerk knows them
    shot(page, "start-import")
    made = server.folder / "青岚县2025年法治政府建设情况报告（导入）.yaml"
    assert made.exists() and (server.folder / last.name).read_bytes() == last.read_bytes()
    expect(page.locator("#open")).to_contain_text(made.name)  # the list of reports refreshed
    # what the command line writes from the same report
    cli = tmp_path / "cli.yaml"
    r = subprocess.run([sys.executable, "-m", "draftkit", "import", str(server.folder / last.name), "-o", str(cli)],
                       capture_output=True, text=True, encoding="utf-8")
    assert r.returncode == 0, r.stderr
    strip = lambda t: [line for line in t.splitlines() if not line.startswith(("#", "based_on"))]  # noqa: E731
    assert strip(made.read_text(encoding="utf-8")) == strip(cli.read_text(encoding="utf-8"))

    page.click("#import-result a.button")
    page.wait_for_url("**/edit?file=*")
    # last year's 12 会前学法 is this year's 上年, this year's to fill
    field = page.locator(".item", has_text="会前学法").locator("input[name$=':previous']").first
    expect(field).to_have_value("12")
    expect(page.locator("#live")).to_contain_text("【待填")


def test_a_file_that_is_not_a_report_is_refused(server, page, tmp_path):
    notice = tmp_path / "会议通知.txt"
    notice.write_text("关于召开全县安全生产工作会议的通知\n各乡镇人民政府：\n定于3月5日召开会议，请准时参加。\n", encoding="utf-8")
    page.goto(server.url)
    page.set_input_files("#import input[type=file]", str(notice))
    page.click("#import button[type=submit]")
    expect(page.locator("#import-result .problems")).to_be_visible()
    assert not list(server.folder.glob("*.yaml"))
    bad = tmp_path / "picture.png"
    bad.write_bytes(b"\x89PNG\r\n")
    page.set_input_files("#import input[type=file]", str(bad))
    page.click("#import button[type=submit]")
    expect(page.locator("#import-result")).to_contain_text("不是可以导入的报告")


def test_a_doubted_report_is_imported_with_the_pages_own_button(server, page, tmp_path):
    """A report import doubts (here a 综述, not a 情况报告): the reason on the page, no
    command line named, and 「仍然导入」 does what ``import --force`` does."""
    cli = tmp_path / "c.md"
    r = subprocess.run([sys.executable, "-m", "draftkit", "render", str(EXAMPLES / "county.yaml"), "-o", str(cli)],
                       capture_output=True, text=True, encoding="utf-8")
    assert r.returncode == 0, r.stderr
    review = tmp_path / "青岚县法治政府建设工作综述.md"
    review.write_text("# 青岚县法治政府建设工作综述\n" + cli.read_text(encoding="utf-8").split("\n", 1)[1], encoding="utf-8")
    page.goto(server.url)
    page.set_input_files("#import input[type=file]", str(review))
    page.click("#import button[type=submit]")
    box = page.locator("#import-result .problems")
    expect(box).to_contain_text("不像是本单位的年度法治政府建设情况报告")
    said = page.inner_text("#import-result")
    assert "--force" not in said and "draftkit" not in said, said
    assert "仍然导入" in said
    assert not list(server.folder.glob("*.yaml"))
    shot(page, "start-import-doubted")
    page.click("#import-anyway")
    expect(page.locator("#import-result .ok")).to_be_visible()
    said = page.inner_text("#import-result")
    assert "--force" not in said and "不像是" in said, said  # the doubt still told
    made = server.folder / "青岚县法治政府建设工作综述（导入）.yaml"
    assert made.exists()
    forced = tmp_path / "forced.yaml"
    r = subprocess.run([sys.executable, "-m", "draftkit", "import", str(server.folder / review.name), "--force",
                        "-o", str(forced)], capture_output=True, text=True, encoding="utf-8")
    assert r.returncode == 0, r.stderr
    strip = lambda t: [line for line in t.splitlines() if not line.startswith(("#", "based_on"))]  # noqa: E731
    assert strip(made.read_text(encoding="utf-8")) == strip(forced.read_text(encoding="utf-8"))
    # 仍然导入 again never overwrites the draft now there
    before = made.read_text(encoding="utf-8")
    page.set_input_files("#import input[type=file]", str(review))
    page.click("#import button[type=submit]")
    expect(page.locator("#import-result .problems")).to_be_visible()
    page.evaluate("document.querySelector('#import-anyway') && document.querySelector('#import-anyway').click()")
    expect(page.locator("#import-result .problems")).to_contain_text("已存在")
    assert made.read_text(encoding="utf-8") == before
