"""Batch review: `draftkit check FOLDER … --table 汇总.xlsx|.csv|.html` over a reviewer's
folder of real-derived submissions (real openings from the realset's tune texts, a corpus
report, the county example), with a broken .docx, a .doc through LibreOffice when it is
installed, and files that are not reports. The tables are read back (openpyxl, csv,
html.parser) and each row's counts compared with the one-file check of that file."""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import docx
import pytest
from conftest import EXAMPLES, ROOT

SHARED = ROOT.parent / "shared"
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
TUNE = ("002", "003", "005", "006")  # tune texts of tests/fixtures/realset/split.tsv


def run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "draftkit", *args], capture_output=True, text=True, cwd=cwd,
                          env=dict(os.environ, PYTHONIOENCODING="utf-8"), timeout=600)


def _docx(path: Path, lines: list[str]) -> None:
    d = docx.Document()
    for line in lines:
        d.add_paragraph(line)
    d.save(str(path))


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    """A reviewer's folder: units in two subfolders, one broken file, an attachment, a lock file."""
    root = tmp_path_factory.mktemp("batch") / "报送材料"
    towns, depts = root / "乡镇", root / "部门"
    towns.mkdir(parents=True)
    depts.mkdir()
    split = (ROOT / "tests" / "fixtures" / "realset" / "split.tsv").read_text(encoding="utf-8")
    assert all(re.search(rf"^{i}\ttune$", split, re.M) for i in TUNE)
    texts = [(SHARED / "realset" / "texts" / f"{i}.txt").read_text(encoding="utf-8") for i in TUNE]
    shutil.copy(SHARED / "realset" / "texts" / "002.txt", towns / "甲镇.txt")
    _docx(towns / "乙镇.docx", texts[1].splitlines())
    _docx(depts / "司法局.docx", [line for line in texts[2].splitlines() if line.strip()])
    corpus = sorted((SHARED / "corpus").glob("*.txt"))[4]
    (depts / "济阳区.md").write_text(corpus.read_text(encoding="utf-8"), encoding="utf-8")
    (depts / "教育局.txt").write_bytes(texts[3].encode("gb18030"))
    r = run("render", str(EXAMPLES / "county.yaml"), "-o", str(root / "青岚县.docx"))
    assert r.returncode == 0, r.stderr
    (root / "坏了的.docx").write_bytes(b"PK\x03\x04 this is not a zip any more")
    (root / "附件统计表.xlsx").write_bytes(b"PK\x03\x04")  # not a report: told, not a row
    (root / "~$青岚县.docx").write_bytes(b"\x00" * 162)  # Word's lock file while the report is open
    if SOFFICE:
        subprocess.run([SOFFICE, f"-env:UserInstallation={(root.parent / 'profile').as_uri()}", "--headless",
                        "--convert-to", "doc", "--outdir", str(depts), str(root / "青岚县.docx")],
                       capture_output=True, timeout=300)
        (depts / "青岚县.doc").rename(depts / "旧格式.doc")
    return root


NAMES = ["乡镇/乙镇.docx", "乡镇/甲镇.txt", "坏了的.docx", "部门/司法局.docx", "部门/教育局.txt",
         *(["部门/旧格式.doc"] if SOFFICE else []), "部门/济阳区.md", "青岚县.docx"]  # by the names' characters


def one_file_counts(path: Path) -> tuple[int, int, int]:
    """What `draftkit check FILE` says of it: its first line's counts."""
    r = run("check", str(path))
    assert r.returncode in (0, 1), r.stderr
    head = r.stdout.splitlines()[0]
    if head.endswith("没有发现问题"):
        return 0, 0, 0
    m = re.search(r"：(\d+) 个错误，(\d+) 个警告，(\d+) 个提示$", head)
    return int(m[1]), int(m[2]), int(m[3])


@pytest.fixture(scope="module")
def expected(folder) -> dict[str, tuple[int, int, int]]:
    return {name: one_file_counts(folder / name) for name in NAMES if name != "坏了的.docx"}


def test_a_folder_as_xlsx(folder, expected, tmp_path):
    from openpyxl import load_workbook

    table = tmp_path / "汇总.xlsx"
    r = run("check", str(folder), "--table", str(table))
    assert r.returncode == 1, r.stderr  # some units have errors, one could not be read
    assert "Traceback" not in r.stderr and "已跳过 1 个不是报告的文件：附件统计表.xlsx" in r.stderr
    assert f"已写出表格：{table}" in r.stdout
    wb = load_workbook(table)
    ws, fs = wb["汇总"], wb["全部问题"]
    head = [c.value for c in ws[1]]
    rows = [dict(zip(head, (c.value for c in row))) for row in ws.iter_rows(min_row=2)]
    assert [row["文件"] for row in rows] == NAMES
    broken = rows[NAMES.index("坏了的.docx")]
    assert broken["结论"] == "未能检查" and "不是有效的 .docx" in broken["主要问题"] and broken["错误"] is None
    for row in rows:
        if row is not broken:
            assert (row["错误"], row["警告"], row["提示"]) == expected[row["文件"]], row["文件"]
    county = rows[NAMES.index("青岚县.docx")]
    assert county["发文机关"] == "青岚县人民政府" and county["层级"] == "县区" and county["年度"] == 2025
    assert county["安排年度"] == 2026 and county["结论"] == "没有错误" and county["缺少的部分"] is None
    assert county["待填空位"] == 0 and county["同比错误"] == 0
    cut = rows[NAMES.index("乡镇/甲镇.txt")]  # an excerpt: stops in the measures
    assert "存在的不足和原因" in cut["缺少的部分"] and "S009" in cut["主要问题"]
    if SOFFICE:
        assert rows[NAMES.index("部门/旧格式.doc")]["错误"] == expected["青岚县.docx"][0]
    # each row's link goes to its unit's first finding on the second sheet
    details = list(fs.iter_rows(min_row=2, values_only=True))
    for n, row in enumerate(ws.iter_rows(min_row=2), 1):
        link = row[head.index("全部问题")].hyperlink
        target = int(re.fullmatch(r"'全部问题'!A(\d+)", link.location)[1])
        assert fs.cell(target, 2).value == NAMES[n - 1] and fs.cell(target - 1, 2).value != NAMES[n - 1]
        mine = [d for d in details if d[1] == NAMES[n - 1]]
        total = sum(expected.get(NAMES[n - 1], (0, 0, 0)))
        assert len(mine) == max(total, 1)  # every finding, or one row: no problem / why not read
    assert [d[6] for d in details if d[1] == "坏了的.docx"] == [broken["主要问题"]]


def test_a_folder_as_csv_with_a_bom(folder, expected, tmp_path):
    table = tmp_path / "汇总.csv"
    r = run("check", str(folder / "乡镇"), str(folder / "青岚县.docx"), str(folder / "坏了的.docx"), "--table",
            str(table))
    assert r.returncode == 1, r.stderr
    data = table.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert [row["文件"] for row in rows] == ["乡镇/乙镇.docx", "乡镇/甲镇.txt", str(folder / "青岚县.docx"),
                                           str(folder / "坏了的.docx")]  # in the order given
    for row in rows:
        name = row["文件"].removeprefix(str(folder) + "/")
        if name != "坏了的.docx":
            assert (int(row["错误"]), int(row["警告"]), int(row["提示"])) == expected[name]
    details_file = tmp_path / "汇总-全部问题.csv"
    assert details_file.read_bytes().startswith(b"\xef\xbb\xbf")
    details = list(csv.reader(io.StringIO(details_file.read_bytes().decode("utf-8-sig"))))
    for row in rows:  # 见 汇总-全部问题.csv 第 N 行起: that line is the unit's first
        n = int(re.search(r"第 (\d+) 行起", row["全部问题"])[1])
        assert details[n - 1][1] == row["文件"] and details[n - 2][1] != row["文件"]


class _Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids, self.links, self.rows, self.scripts, self._cell, self._in = set(), [], [], 0, None, ""

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "a" and a.get("href", "").startswith("#u"):
            self.links.append(a["href"][1:])
        if tag == "script":
            self.scripts += 1
            assert "src" not in a  # nothing fetched
        if tag == "tr":
            self.rows.append([])
        if tag == "td":
            self._cell = ""

    def handle_endtag(self, tag):
        if tag == "td":
            self.rows[-1].append(self._cell)
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell += data


def test_a_folder_as_html_escapes_every_value(folder, expected, tmp_path):
    hostile = tmp_path / "units"
    shutil.copytree(folder / "乡镇", hostile)
    (hostile / "<b>粗.txt").write_text("<script>alert(1)</script>\n" + (folder / "乡镇" / "甲镇.txt")
                                           .read_text(encoding="utf-8"), encoding="utf-8")
    table = tmp_path / "汇总.html"
    r = run("check", str(hostile), "--table", str(table))
    assert r.returncode == 1, r.stderr
    page = table.read_text(encoding="utf-8")
    assert "<script>alert" not in page and "<b>粗" not in page and "&lt;b&gt;粗.txt" in page
    parsed = _Page()
    parsed.feed(page)
    assert parsed.scripts == 1 and "http" not in page.split("<script>")[1]
    body = [row for row in parsed.rows if row]
    assert [row[1] for row in body] == ["<b>粗.txt", "乙镇.docx", "甲镇.txt"]
    assert (int(body[2][6]), int(body[2][7]), int(body[2][8])) == expected["乡镇/甲镇.txt"]
    assert parsed.links == ["u1", "u2", "u3"] and {"u1", "u2", "u3"} <= parsed.ids


def test_a_clean_batch_exits_0_and_a_file_alone_is_checked_as_before(folder, tmp_path):
    r = run("check", str(folder / "青岚县.docx"), str(EXAMPLES / "county.yaml"))
    assert r.returncode == 0, r.stdout + r.stderr
    assert r.stdout.splitlines()[-1] == "共 2 份：0 份有错误，2 份没有错误。"
    one = run("check", str(folder / "乡镇" / "甲镇.txt"))
    assert one.returncode == 1 and one.stdout.startswith(f"{folder / '乡镇' / '甲镇.txt'}：")
    assert "【" in one.stdout  # the findings by part, as before
    broken = run("check", str(folder / "坏了的.docx"))
    assert broken.returncode == 2 and "不是有效的 .docx" in broken.stderr


def test_the_table_is_checked_before_any_work(folder, tmp_path):
    for table, said in ((tmp_path / "汇总.pdf", "表格只能是 .xlsx、.csv 或 .html"), (tmp_path, "表格只能是")):
        r = run("check", str(folder), "--table", str(table))
        assert r.returncode == 2 and "Traceback" not in r.stderr and said in r.stderr, r.stderr
        assert r.stdout == ""  # nothing was checked
    (tmp_path / "folder.csv").mkdir()
    r = run("check", str(folder), "--table", str(tmp_path / "folder.csv"))
    assert r.returncode == 2 and r.stdout == "", r.stderr
    r = run("check", str(folder), str(tmp_path / "没有这个"), "--table", str(tmp_path / "t.xlsx"))
    assert r.returncode == 2 and "没有这个: 文件或文件夹不存在" in r.stderr and not (tmp_path / "t.xlsx").exists()
    r = run("check", str(folder), str(folder), "--last", str(folder / "青岚县.docx"))
    assert r.returncode == 2 and "--last 只能用于检查一份报告" in r.stderr


def test_text_that_looks_like_a_formula_stays_text(tmp_path):
    from openpyxl import load_workbook

    shutil.copy(SHARED / "realset" / "texts" / "002.txt", tmp_path / "=1+1.txt")
    shutil.copy(SHARED / "realset" / "texts" / "003.txt", tmp_path / "@SUM(A1).txt")
    r = run("check", str(tmp_path), "--table", str(tmp_path / "t.xlsx"))
    assert r.returncode == 1, r.stderr
    ws = load_workbook(tmp_path / "t.xlsx")["汇总"]
    assert [(ws.cell(n, 2).value, ws.cell(n, 2).data_type) for n in (2, 3)] == [("=1+1.txt", "s"),
                                                                              ("@SUM(A1).txt", "s")]
    r = run("check", str(tmp_path), "--table", str(tmp_path / "t.csv"))
    rows = list(csv.reader(io.StringIO((tmp_path / "t.csv").read_text(encoding="utf-8-sig"))))
    assert [row[1] for row in rows[1:]] == ["'=1+1.txt", "'@SUM(A1).txt"]


def crashing_worker(path: str, shown: str):
    """A worker that dies (as a crash in a library would) on files named so; a top-level
    function, so that spawned processes find it."""
    if "崩溃" in shown:
        os._exit(3)
    from draftkit.batch.units import check_unit

    return check_unit(path, shown)


def test_a_worker_that_dies_is_its_files_row_and_the_pool_is_spawn_safe(folder, expected, tmp_path):
    import multiprocessing

    from draftkit.batch.pool import CRASHED, check_all
    from draftkit.batch.units import find_reports

    shutil.copy(folder / "乡镇" / "甲镇.txt", tmp_path / "崩溃.txt")
    reports, _ = find_reports([folder / "乡镇"])
    reports = [reports[0], (tmp_path / "崩溃.txt", "崩溃.txt"), *reports[1:]] * 2
    units = check_all(reports, workers=2, worker=crashing_worker, context=multiprocessing.get_context("spawn"))
    assert [u.file for u in units] == [shown for _, shown in reports]
    assert [u.problem == CRASHED for u in units] == [False, True, False] * 2
    for u in units:
        if not u.problem:
            assert (u.errors, u.warnings, u.notes) == expected["乡镇/" + u.file]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_pipe_named_like_a_report_is_a_row_not_a_hang(tmp_path):
    shutil.copy(SHARED / "realset" / "texts" / "002.txt", tmp_path / "甲.txt")
    os.mkfifo(tmp_path / "管道.docx")
    (tmp_path / "空的.txt").write_bytes(b"")
    r = run("check", str(tmp_path))
    assert r.returncode == 1, r.stderr
    assert "管道.docx：未能检查：不是普通文件" in r.stdout and "空的.txt：未能检查：文件是空的" in r.stdout
    assert "甲.txt：1 个错误" in r.stdout


BODY = ["一、主要举措和成效", "（一）推进依法行政", "全年办理行政复议案件12件，同比增长20%。"]


@pytest.mark.parametrize("lines, issuer, level", [
    # the title names it after 中共…党组 (a real tune text's title: realset 003)
    (["中共双牌县教育局党组2024年度法治政府建设年度报告", "2024年，双牌县教育局坚持依法行政。", *BODY], "双牌县教育局", "部门"),
    # on its own line above a title that names no issuer, one the model reads no place in too
    (["赵县人民政府", "2022年度法治政府建设情况报告", "2022年，县政府坚持依法行政。", *BODY], "赵县人民政府", "县区"),
    (["青岚县石桥镇人民政府", "2025年度法治政府建设情况报告", "2025年，我镇坚持依法行政。", *BODY], "青岚县石桥镇人民政府", "乡镇"),
    # no title: the opening's subject (a web copy's excerpt, as realset 134's)
    (["中共东莞市委、东莞市人民政府：", "2021年度，在市委、市政府的领导下，东城街道深入学习贯彻习近平法治思想。", *BODY],
     "东城街道", "乡镇"),
    (["2024年，苏州市文化广电和旅游局在市委、市政府坚强领导下坚持依法行政。", *BODY], "苏州市文化广电和旅游局", "部门"),
    (["2024年，海淀区坚持以习近平新时代中国特色社会主义思想为指导。", *BODY], "海淀区", "县区"),
    # nothing names it: said so, not left blank (我局, 县政府, a draft's 某街道, a verb after the place)
    (["2020年，我局在市委、市政府的正确指导下，坚持依法行政。", *BODY], "未识别", "未识别"),
    (["某街道2025年度法治政府建设情况报告", "2025年，我街道坚持依法行政。", *BODY], "未识别", "未识别"),
    (["2020年，广州市深入践行习近平法治思想。", *BODY], "广州市", "市"),
    (["中共东莞市委、东莞市人民政府", "2021年，全市坚持依法行政。", *BODY], "未识别", "未识别"),  # an addressee, no title
])
def test_the_issuer_and_level_come_from_title_signature_or_opening(tmp_path, lines, issuer, level):
    from draftkit.batch.units import check_unit

    f = tmp_path / "报告.txt"
    f.write_text("\n".join(lines), encoding="utf-8")
    unit = check_unit(str(f), f.name)
    assert not unit.problem and (unit.issuer, unit.level) == (issuer, level)


def test_the_issuer_column_is_filled_for_a_folder(folder, tmp_path):
    table = tmp_path / "汇总.csv"
    r = run("check", str(folder), "--table", str(table))
    assert r.returncode == 1, r.stderr
    rows = {row["文件"]: row for row in csv.DictReader(io.StringIO(table.read_bytes().decode("utf-8-sig")))}
    assert (rows["乡镇/乙镇.docx"]["发文机关"], rows["乡镇/乙镇.docx"]["层级"]) == ("双牌县教育局", "部门")
    assert (rows["青岚县.docx"]["发文机关"], rows["青岚县.docx"]["层级"]) == ("青岚县人民政府", "县区")
    assert all(row["发文机关"] and row["层级"] for name, row in rows.items() if name != "坏了的.docx")
    assert rows["坏了的.docx"]["发文机关"] == ""  # not read: the row says why instead
