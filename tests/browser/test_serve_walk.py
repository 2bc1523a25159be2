"""A clerk's whole walk in chromium: a new report from the start page, every blank filled,
every sentence from the bank confirmed or deleted, one added from the bank by search, a
finding of check fixed, and the .docx downloaded — which is what ``draftkit render`` makes
of the answers file the page saved."""

from __future__ import annotations

import io
import re
import subprocess
import sys
import zipfile

from playwright.sync_api import expect

from .conftest import shot


def document_xml(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.read("word/document.xml").decode("utf-8")


FILLED: set = set()  # the kinds of slot fill_everything has filled


def fill_everything(page):
    """Each empty slot field given a number, each sentence to write written, each to confirm kept."""
    n = 0
    while True:
        blanks = [f for f in page.locator(".item input[name$=':current']").all() if not f.input_value()]
        if not blanks:
            break
        n += 1
        f = blanks[0]
        kind = f.get_attribute("data-kind")
        FILLED.add(kind)
        if kind == "title":
            f.fill("行政执法监督工作办法")  # the page writes the 《》
        elif kind == "text":
            f.fill("县法治政府建设领导小组")
        else:
            f.fill(str(100 - n))  # falling: a part written after its total (其中…) stays below it
        unit = f.locator("xpath=ancestor::div[@class='slot']//input[contains(@name, ':unit')]")
        if unit.count() and not unit.input_value():
            unit.fill("件")
        f.dispatch_event("change")
        expect(page.locator("body")).not_to_have_class(re.compile(r"\bbusy\b"))
        page.wait_for_timeout(50)
        assert n < 80, "blanks do not go away"
    for _ in range(40):
        writing = page.locator(".item.write")
        if not writing.count():
            break
        left = writing.count()
        form = writing.first
        form.locator("textarea").fill("全年组织执法人员培训12次，培训覆盖全部执法岗位")
        form.locator("button[value=rewrite]").click()
        expect(writing).to_have_count(left - 1)  # the page answered (a loaded machine answers late)
    for _ in range(40):
        confirming = page.locator(".item.confirm")
        if not confirming.count():
            break
        left = confirming.count()
        confirming.first.locator("button[value=keep]").click()
        expect(confirming).to_have_count(left - 1)
    return n


def test_a_clerks_whole_walk(server, page, tmp_path):
    page.goto(server.url)
    page.fill("input[name=issuer]", "青岚县司法局")
    page.locator("input[name=issuer]").dispatch_event("change")
    expect(page.locator("input[name=leader]")).to_have_value("党组书记、局长")  # the defaults came back
    page.fill("input[name=year]", "2025")
    page.fill("input[name=file]", "司法局2025.yaml")
    page.click("text=写出初稿，开始编辑")
    page.wait_for_url("**/edit?file=*")
    answers = server.folder / "司法局2025.yaml"
    assert answers.exists()
    expect(page.locator("#live .sheet").first).to_be_visible()
    assert "【待填" in page.inner_text("#live")
    shot(page, "editor-new-draft")

    page.fill("#basics-date", "2026-02-10")
    page.locator("#basics-date").dispatch_event("change")
    expect(page.locator("#live")).not_to_contain_text("【待填：成文日期】")

    # a wrong number is refused with the prompt's own message, and nothing is saved
    before = answers.read_text(encoding="utf-8")
    field = page.locator(".item input[name$=':current']").first
    field.fill("十二")
    field.dispatch_event("change")
    expect(page.locator(".item .said").first).to_have_text("请输入数字，如 12 或 3.5")
    assert answers.read_text(encoding="utf-8") == before
    field = page.locator(".item input[name$=':current']").first
    field.fill("")

    filled = fill_everything(page)
    assert filled >= 5

    # add one from the bank by searching as one types
    page.locator("#bank-measures summary").click()
    page.fill("#bank-measures-q", "复议")
    expect(page.locator("#bank-measures-results li .grade").first).to_be_visible()
    grades = page.locator("#bank-measures-results li .grade").all_inner_texts()
    assert set(grades) == {"可用"}, grades  # only usable ones unless asked for
    first = page.locator("#bank-measures-results li").first
    picked = first.locator(".text").inner_text().split("（")[0].strip()
    first.locator("button").click()
    expect(page.locator("#part-measures textarea", has_text=picked[:8])).to_be_visible()
    fill_everything(page)

    # a finding: an outdated formulation typed in; check flags it inline, the clerk rewrites it
    own = page.locator("form.own input[name=text]").first
    own.fill("认真贯彻落实党的十九大精神，推进严格规范公正文明执法")
    own.press("Enter")
    expect(page.locator("#live .finding", has_text="十九大")).to_be_visible()
    shot(page, "live-with-finding")
    shot(page.locator("#live .sheet", has_text="十九大"), "live-page-finding")
    link = page.locator("#live .finding-link", has_text="十九大")
    link.click()
    expect(page.locator("#live .flash")).to_contain_text("十九大")  # the finding's own sentence
    page.locator("#live .finding", has_text="十九大").locator("a.to-item").click()  # to its sentence on the left
    item = page.locator("form.item.flash")
    expect(item.locator("textarea")).to_have_value("认真贯彻落实党的十九大精神，推进严格规范公正文明执法")
    item.locator("textarea").fill("认真贯彻落实党的二十大和二十届历次全会精神，推进严格规范公正文明执法")
    item.locator("button[value=save]").click()
    expect(page.locator("#live")).not_to_contain_text("十九大")
    if "title" in FILLED:  # a document title typed into a slot is printed in its 《》
        assert "《行政执法监督工作办法》" in page.inner_text("#live")

    errors = page.locator("#live .finding.error")
    assert errors.count() == 0, page.inner_text("#live .summary")
    shot(page, "editor-done")
    page.locator("#live .sheet").first.scroll_into_view_if_needed()
    shot(page.locator("#live .sheet").nth(1), "live-page-2")

    with page.expect_download() as dl:
        page.click("#get-docx")
    got = dl.value.path().read_bytes()
    out = tmp_path / "rendered.docx"
    r = subprocess.run([sys.executable, "-m", "draftkit", "render", str(answers), "-o", str(out)],
                       capture_output=True, text=True, encoding="utf-8")
    assert r.returncode == 0, r.stderr
    assert document_xml(got) == document_xml(out.read_bytes())
    check = subprocess.run([sys.executable, "-m", "draftkit", "check", str(out)], capture_output=True, text=True,
                           encoding="utf-8")
    assert check.returncode == 0, check.stdout


def test_downloads_while_blanks_remain(server, page, tmp_path):
    """A draft with blanks: the .docx is refused with the reasons on the page; the draft
    download is what ``render --draft`` writes (its notes saying which button to press)."""
    r = subprocess.run([sys.executable, "-m", "draftkit", "new", "--defaults", "--issuer", "青岚县司法局",
                        "--year", "2025", "-o", str(server.folder / "a.yaml")], capture_output=True, text=True,
                       encoding="utf-8")
    assert r.returncode == 0, r.stderr
    page.goto(server.url)
    page.click("text=a.yaml")
    page.wait_for_url("**/edit?file=a.yaml")
    page.click("#get-docx")
    expect(page.locator("#message")).to_contain_text("不能下载正式稿")
    assert "edit?file=a.yaml" in page.url  # still on the page
    with page.expect_download() as dl:
        page.click("#get-draft")
    assert dl.value.suggested_filename == "a（草稿）.docx"
    out = tmp_path / "draft.docx"
    r = subprocess.run([sys.executable, "-m", "draftkit", "render", str(server.folder / "a.yaml"), "--draft", "-o", str(out)],
                       capture_output=True, text=True, encoding="utf-8")
    assert r.returncode == 0, r.stderr
    from draftkit.drafting.todonotes import for_page

    got = document_xml(dl.value.path().read_bytes())  # render --draft's, its todo notes in the page's words
    assert got == for_page(document_xml(out.read_bytes())) and "【待填：" in got and "todo" not in got


def test_reorder_delete_and_undo(server, page):
    from conftest import EXAMPLES

    original = (EXAMPLES / "county.yaml").read_text(encoding="utf-8")
    (server.folder / "county.yaml").write_text(original, encoding="utf-8")
    page.goto(server.url)
    page.goto(f"{server.base}/edit?file=county.yaml")
    first = page.locator("#part-measures form.item").first
    text = first.locator("textarea").input_value()
    first.locator("button[value=down]").click()
    expect(page.locator("#part-measures form.item").nth(1).locator("textarea")).to_have_value(text)
    page.locator("#part-measures form.item").nth(1).locator("button[value=delete]").click()
    expect(page.locator("#part-measures textarea", has_text=text[:10])).to_have_count(0)
    expect(page.locator("#live")).not_to_contain_text("会前学法")
    page.click("#bar button:has-text('撤销')")
    expect(page.locator("#part-measures textarea", has_text=text[:10])).to_have_count(1)
    page.click("#bar button:has-text('撤销')")
    expect(page.locator("#part-measures form.item").first.locator("textarea")).to_have_value(text)
    assert (server.folder / "county.yaml").read_text(encoding="utf-8") == original  # as it was, comments and all
    expect(page.locator("#bar button:has-text('撤销')")).to_be_disabled()
