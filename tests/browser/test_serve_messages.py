"""What the page tells the clerk is in the page's own words: a 【待写】 note says which
button to press (the command line's answers file keeps 「删去todo这一行」), a paragraph's
blanks do not send her to --json, the refused download names each part and sentence as
the editor shows it (no .yaml path, no {slot}, no English key), and a sentence from the
phrase bank comes in marked to confirm; one graded 不提供 cannot be added."""

from __future__ import annotations

import re
import subprocess
import sys

import yaml
from playwright.sync_api import expect

from .conftest import document_xml, idle, shot

ISSUER, YEAR = "桐庐县城南街道办事处", 2026



def first_draft(server, page, name="a.yaml"):
    r = subprocess.run([sys.executable, "-m", "draftkit", "new", "--defaults", "--issuer", ISSUER,
                        "--year", str(YEAR), "-o", str(server.folder / name)], capture_output=True, text=True,
                       encoding="utf-8")
    assert r.returncode == 0, r.stderr
    assert "删去todo这一行" in (server.folder / name).read_text(encoding="utf-8")  # the command line's words
    page.goto(server.url)
    page.goto(f"{server.base}/edit?file={name}")
    expect(page.locator("#live .sheet").first).to_be_visible()
    return server.folder / name


def test_todo_notes_and_blank_tips_in_the_pages_words(server, page, tmp_path):
    answers = first_draft(server, page)
    live = page.inner_text("#live")
    assert "【待写：" in live and "点“确认保留”" in live
    assert "todo" not in live.lower() and "--json" not in live, [ln for ln in live.splitlines() if "todo" in ln or "json" in ln][:3]
    assert "todo" not in page.inner_text("#editor").lower()
    expect(page.locator("#live .finding .tip").first).to_be_visible()  # F004's tip: where each blank is
    tips = page.locator("#live .finding .tip").all_inner_texts()
    assert any("标黄" in t for t in tips) and not any("删去【待写" in t for t in tips), tips[:4]
    shot(page, "walk3-todo-wording")
    # the draft downloaded from the page speaks the same; the command line's draft is unchanged
    with page.expect_download() as dl:
        page.click("#get-draft")
    got = document_xml(dl.value.path().read_bytes())
    assert "todo" not in got and "点“确认保留”" in got
    out = tmp_path / "cli.docx"
    r = subprocess.run([sys.executable, "-m", "draftkit", "render", str(answers), "--draft", "-o", str(out)],
                       capture_output=True, text=True, encoding="utf-8")
    assert r.returncode == 0, r.stderr
    cli = document_xml(out.read_bytes())
    assert "删去todo这一行" in cli
    from draftkit.drafting.todonotes import for_page

    assert for_page(cli) == got  # the same draft, only the notes worded for the page


def test_refused_download_names_parts_and_sentences(server, page):
    first_draft(server, page)
    page.click("#get-docx")
    box = page.locator("#message")
    expect(box).to_contain_text("不能下载正式稿")
    said = box.inner_text()
    shot(page, "walk3-docx-refused")
    assert ".yaml" not in said and not re.search(r":\d+:\d+", said), said[:400]
    assert "{" not in said and "}" not in said, said[:400]
    for word in ("todo", "current", "date", "items", "measures"):
        assert word not in said, (word, said[:400])
    assert f"成文日期：还没有填（{YEAR + 1}年内，如 {YEAR + 1}-02-10）" in said  # as the form's own hint
    assert f"{YEAR}-02-20" not in said
    assert re.search(r"主要举措和成效 第\d+句：", said), said[:400]
    assert re.search(r"……还有 \d+ 处", said), said[-200:]  # none cut off without a count
    # a blank is named as its field is labelled in the editor
    labels = {t.strip() for t in page.locator(".item .slot .name").all_inner_texts()}
    named = set(re.findall(r"【[^】]+】", said))
    assert named and named <= labels, (named - labels, sorted(labels)[:10])


def bank_notes(answers) -> int:
    data = yaml.safe_load(answers.read_text(encoding="utf-8"))
    return sum(1 for s in data["parts"]["measures"]["sections"] for it in s["items"]
               if isinstance(it, dict) and "取自短语库" in (it.get("todo") or ""))


def test_a_bank_sentence_comes_in_to_confirm(server, page):
    answers = first_draft(server, page)
    notes = bank_notes(answers)
    confirming = page.locator("#part-measures form.item.confirm").count()
    page.locator("#bank-measures summary").click()
    page.locator("#bank-measures select[name=topic]").select_option(index=1)  # the topic most offered
    expect(page.locator("#bank-measures-results li .grade").first).to_be_visible()
    first = page.locator("#bank-measures-results li", has=page.locator("button:not([disabled])")).first
    picked = first.locator(".text").inner_text().split("（")[0].strip()
    first.locator("button").click()
    idle(page)
    expect(page.locator("#part-measures form.item.confirm")).to_have_count(confirming + 1)
    assert bank_notes(answers) == notes + 1
    card = page.locator("#part-measures form.item.confirm", has_text="取自短语库").filter(
        has=page.locator("textarea")).last
    expect(card.locator("p.todo")).to_contain_text("待确认：取自短语库")
    assert picked[:6] in page.inner_text("#live").replace("\n", "") or "【" in picked[:6]
    # shown with “也显示……”, a sentence graded 不提供 is there to read, with no 加入
    page.fill("#bank-measures-q", "执法")
    page.locator("#bank-measures input[name=all]").check()
    no = page.locator("#bank-measures-results li", has=page.locator(".grade.no"))
    expect(no.first).to_be_visible()
    for i in range(no.count()):
        assert no.nth(i).locator("button").count() == 0
    expect(no.first).to_contain_text("只供参考")
    shot(page, "walk3-bank-no")


def test_a_sentence_graded_no_is_refused_when_posted(server, page):
    from draftkit.app import load_bank

    answers = first_draft(server, page)
    entry = next(e for e in load_bank([]).entries() if e.grade == "no" and e.part == "measures")
    before = answers.read_text(encoding="utf-8")
    status = page.evaluate("""async (id) => {
        const body = new FormData(); body.append('file', 'a.yaml'); body.append('part', 'measures'); body.append('id', id);
        const r = await fetch('/bank/add', {method: 'POST', body, headers: {'X-Draftkit': '1'}}); return r.status; }""",
                           entry.id)
    assert status == 400
    assert answers.read_text(encoding="utf-8") == before
