"""The batch review page in chromium: a folder inside the served folder with a broken
file in it checked (a row for the broken file, saying why), the table sorted by clicking
a column, a unit's findings reached from its row, the tables downloaded and read back;
many files uploaded at once; the standalone .html sorting by itself."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from playwright.sync_api import expect

from .conftest import shot

ROOT = Path(__file__).resolve().parent.parent.parent
SHARED = ROOT.parent / "shared"
TUNE = ("002", "003", "005")  # tune texts of tests/fixtures/realset/split.tsv (006 too)
HOSTILE = "<img src=x onerror=alert(1)>.txt"  # a name is someone else's text


def _reports(where: Path) -> list[str]:
    """Real-derived submissions, the county example and a broken .docx; their names."""
    where.mkdir(parents=True, exist_ok=True)
    names = []
    for i, rid in enumerate(TUNE):
        name = ("石桥镇.txt", "司法局.txt", "教育局.md")[i]
        shutil.copy(SHARED / "realset" / "texts" / f"{rid}.txt", where / name)
        names.append(name)
    r = subprocess.run([sys.executable, "-m", "draftkit", "render", str(ROOT / "examples" / "county.yaml"), "-o",
                        str(where / "青岚县人民政府.docx")], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    (where / "坏了的.docx").write_bytes(b"PK\x03\x04 not a zip any more")
    (where / HOSTILE).write_text("<script>alert(1)</script>\n" + (SHARED / "realset" / "texts" / "006.txt")
                                 .read_text(encoding="utf-8"), encoding="utf-8")
    return names + ["青岚县人民政府.docx", "坏了的.docx", HOSTILE]


def _rows(page) -> list[list[str]]:
    return page.eval_on_selector_all("#units tbody tr", "rs => rs.map(r => Array.from(r.cells).map(c => c.innerText))")


def test_a_folder_with_a_broken_file(server, page, folder):
    _reports(folder / "报送材料")
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(server.url)
    page.goto(server.base + "/batch")
    expect(page.locator("h2", has_text="审核一个文件夹")).to_be_visible()
    page.select_option("select[name=folder]", "报送材料")
    page.click("#batch-folder button[type=submit]")
    expect(page.locator("#units tbody tr")).to_have_count(6, timeout=120000)
    rows = _rows(page)
    broken = [r for r in rows if r[1] == "坏了的.docx"]
    assert broken and broken[0][5] == "未能检查" and "不是有效的 .docx" in broken[0][13]
    county = [r for r in rows if r[1] == "青岚县人民政府.docx"][0]
    assert county[2] == "青岚县人民政府" and county[5] == "没有错误" and county[10] == "2026"
    assert any(r[1] == HOSTILE for r in rows) and page.locator("#units img, #units script").count() == 0
    assert dialogs == []
    shot(page, "batch-folder")
    # sorted by 警告, most first after a second click
    page.click("#units th:has-text('警告')")
    page.click("#units th:has-text('警告')")
    warnings = [int(r[7]) for r in _rows(page) if r[7].strip()]
    assert warnings == sorted(warnings, reverse=True) and len(warnings) == 5
    assert [r[7] for r in _rows(page)][-1] == ""  # the file not read last
    page.click("#units th:has-text('文件')")
    first = _rows(page)[0]
    page.click("#units tbody tr:first-child td.go a")
    section = page.locator("section:target")
    expect(section).to_be_visible()
    expect(section.locator("h2")).to_contain_text(first[1])
    shot(page, "batch-findings")
    with page.expect_download() as d:
        page.click("a[href='/batch/table.xlsx']")
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(Path(d.value.path()).read_bytes()))
    assert sorted(r[1] for r in wb["汇总"].iter_rows(min_row=2, values_only=True)) == sorted(r[1] for r in rows)
    with page.expect_download() as d:
        page.click("a[href='/batch/table.csv']")
    assert Path(d.value.path()).read_bytes().startswith(b"\xef\xbb\xbf")


def test_many_files_uploaded(server, page, folder, tmp_path):
    names = _reports(tmp_path / "上传")
    page.goto(server.url)
    page.goto(server.base + "/batch")
    page.set_input_files("input[name=files]", [str(tmp_path / "上传" / n) for n in names])
    expect(page.locator("#batch-chosen")).to_contain_text(f"已选择 {len(names)} 个文件：石桥镇.txt、司法局.txt、教育局.md 等")
    page.click("#batch-upload button[type=submit]")
    expect(page.locator("#units tbody tr")).to_have_count(len(names), timeout=120000)
    rows = _rows(page)
    assert [r[1] for r in rows] == names
    assert [r[5] for r in rows if r[1] == "坏了的.docx"] == ["未能检查"]
    assert not any(folder.iterdir())  # nothing uploaded is left in the served folder
    shot(page, "batch-upload")


def _post(server, path: str, body: bytes, kind: str, **headers):
    import http.client

    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=20)
    conn.request("POST", path, body=body, headers={
        "Cookie": f"draftkit-{server.port}={server.token}", "Content-Type": kind, "Origin": server.base, **headers})
    r = conn.getresponse()
    return r.status, r.read().decode("utf-8")


def test_a_folder_outside_and_an_oversized_upload_are_refused(server, folder):
    (folder.parent / "别处").mkdir()
    for name in ("..", "../别处", "/etc", "报送材料"):
        status, body = _post(server, "/batch/folder", f"folder={name}".encode(), "application/x-www-form-urlencoded")
        assert status == 400 and "不是本文件夹" in body and "<table" not in body, name
    status, body = _post(server, "/batch/upload", b"x" * 10, "multipart/form-data; boundary=b",
                         **{"Content-Length": str(600 * 1024 * 1024)})
    assert status == 413 and "上传的文件太大" in body  # the guard's limit of a request
    status, body = _post(server, "/batch/upload", b"--b--\r\n", "multipart/form-data; boundary=b")
    assert status == 400 and "没有选择文件" in body


def test_the_standalone_html_sorts_by_itself(page, tmp_path):
    subprocess.run([sys.executable, "-m", "draftkit", "check", str(SHARED / "realset" / "texts" / "002.txt"),
                    str(SHARED / "realset" / "texts" / "003.txt"), str(ROOT / "examples" / "county.yaml"),
                    "--table", str(tmp_path / "汇总.html")], capture_output=True, timeout=300)
    page.goto((tmp_path / "汇总.html").as_uri())
    page.click("#units th:has-text('错误')")
    errors = [int(r[6]) for r in _rows(page)]
    assert errors == sorted(errors)
    page.click("#units th:has-text('错误')")
    assert [int(r[6]) for r in _rows(page)] == sorted(errors, reverse=True)
    shot(page, "batch-standalone")
