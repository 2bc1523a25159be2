"""Default drafts: ``new --defaults`` → ``render --draft`` → ``check``, for a county
government and a county department (issue 10), read back from the files written."""

import json
import os
import re
import subprocess
import sys

import docx
import pytest
import yaml
from conftest import MINIMAL, write

OTHER_LEVEL = {  # words of another level than a county's, and what a department must not call itself
    "county": re.compile(r"全市|我市|市政府|市委|全区|我区|区政府|区委|全省|我省|地方性法规|政府规章"),
    "dept": re.compile(r"全市|我市|市政府|市委|全区|我区|区政府|区委|全省|我省|我县|地方性法规|政府规章|"
                       r"县政府常务会议|机构改革"),
}


def run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "draftkit", *args], capture_output=True, text=True, cwd=cwd,
                          env=dict(os.environ, PYTHONIOENCODING="utf-8"), timeout=120)


@pytest.fixture(scope="module")
def drafts(tmp_path_factory):
    d = tmp_path_factory.mktemp("drafts")
    out = {}
    for key, issuer, level in (("county", "青岚县人民政府", "县区"), ("dept", "青岚县司法局", "部门")):
        r = run("new", "--defaults", "--issuer", issuer, "--level", level, "--year", "2025", "-o", str(d / f"{key}.yaml"))
        assert r.returncode == 0, r.stderr
        assert "已写出 2025 年度初稿" in r.stdout and "--draft" in r.stdout
        data = yaml.safe_load((d / f"{key}.yaml").read_text(encoding="utf-8"))
        items = [it for part in data["parts"].values() for sec in [part, *part.get("sections", [])]
                 for it in sec.get("items", []) if isinstance(it, dict)]
        # every phrase-bank sentence (another office's practice) is a todo to confirm, and the clerk is told how many
        picked = [it for it in items if it.get("todo", "").startswith("取自短语库")]
        assert all(it in picked for it in items if "phrase" in it) and picked
        assert f"其中 {len(picked)} 句取自短语库，是别的单位报告中的做法：已逐句标为待确认" in r.stdout, r.stdout
        r = run("render", str(d / f"{key}.yaml"), "--draft", "-o", str(d / f"{key}.md"))
        assert r.returncode == 0, r.stderr
        assert run("render", str(d / f"{key}.yaml"), "--draft", "-o", str(d / f"{key}.docx")).returncode == 0
        check = run("check", str(d / f"{key}.md"), "--json")
        out[key] = {
            "data": yaml.safe_load((d / f"{key}.yaml").read_text(encoding="utf-8")),
            "md": (d / f"{key}.md").read_text(encoding="utf-8"),
            "docx": "\n".join(p.text for p in docx.Document(str(d / f"{key}.docx")).paragraphs),
            "check": json.loads(check.stdout),
            "check_rc": check.returncode,
        }
    return out


@pytest.mark.parametrize("key", ["county", "dept"])
def test_default_draft_checks_clean_but_for_its_blanks(drafts, key):
    dr = drafts[key]
    findings = dr["check"]["findings"] if isinstance(dr["check"], dict) else dr["check"]
    errors = [f for f in findings if f["severity"] == "error"]
    # Every error is a blank still to be filled, and every blank is reported.
    assert errors and all(f["code"] == "F004" and "【待" in f["message"] for f in errors), errors
    assert len(errors) == dr["md"].count("【待")  # the date line's blank as well
    assert dr["check_rc"] == 1
    assert not [f for f in findings if f["code"] in ("A001", "A002", "A004", "S001", "S006")]
    assert not OTHER_LEVEL[key].search(dr["md"]), OTHER_LEVEL[key].findall(dr["md"])
    assert "【待填：" in dr["docx"] and "【待填：成文日期】" in dr["docx"]


@pytest.mark.parametrize("key,leader,self_name,addressee", [
    ("county", "县长", "青岚县", "中共青岚县委、青岚县人大常委会："),  # a county reports to its own 县委 and 人大常委会
    ("dept", "党组书记、局长", "我局", "中共青岚县委、青岚县人民政府：")])  # a department to its place's
def test_default_draft_substance(drafts, key, leader, self_name, addressee):
    md, data = drafts[key]["md"], drafts[key]["data"]
    parts = re.split(r"^## ", md, flags=re.M)
    measures, short, leaders, plan = parts[1], parts[2], parts[3], parts[4]
    assert md.split("\n\n")[1] == addressee
    assert md.split("\n\n")[2].startswith(f"2025年，{self_name}")  # the opening speaks as the issuer
    assert len(re.findall(r"^### （[一二三四五]）", measures, flags=re.M)) >= 3  # grouped by topic under headings
    shortcomings = re.findall(r"[一二三四]是([^；。]+(?:；|。))", short)
    assert shortcomings and all("原因" in s for s in shortcomings)
    assert len(re.findall(r"[一二三四五]是", plan)) >= len(shortcomings)
    assert leaders.count(leader) >= 2  # a government's part also names its party committee's head
    assert data["issuer"]["leader"] == leader and data["date"] is None
    values = [v for part in data["parts"].values() for sec in [part, *part.get("sections", [])]
              for it in sec.get("items", []) if isinstance(it, dict) for v in (it.get("values") or {}).values()]
    assert values and all(v is None or v.get("current") is None for v in values)  # unfilled values stay null


def test_department_and_county_drafts_differ_where_levels_differ(drafts):
    assert "我局在县委、县政府的坚强领导下" in drafts["dept"]["md"]
    assert "局党组会议" in drafts["dept"]["md"] and "县政府常务会议" in drafts["county"]["md"]


def test_render_without_draft_refuses_a_draft(tmp_path):
    r = run("new", "--defaults", "--issuer", "青岚县人民政府", "--year", "2025", "-o", str(tmp_path / "a.yaml"))
    assert r.returncode == 0, r.stderr
    r = run("render", str(tmp_path / "a.yaml"), "-o", str(tmp_path / "a.docx"))
    assert r.returncode == 2 and "date（成文日期）" in r.stderr and not (tmp_path / "a.docx").exists()


def test_draft_shows_todos_and_missing_values(tmp_path):
    data = MINIMAL.replace("[完成了工作]", "[{todo: 去年计划：完善执法制度 — 完成情况？}, {text: '办理案件{件数}'}]")
    path = write(tmp_path, data)
    r = run("render", str(path), "--draft", "-o", str(tmp_path / "d.md"))
    assert r.returncode == 0, r.stderr
    md = (tmp_path / "d.md").read_text(encoding="utf-8")
    assert "【待写：去年计划：完善执法制度—完成情况？】" in md and "办理案件【待填：件数】" in md
    assert "F004" in r.stderr
    r = run("render", str(path), "-o", str(tmp_path / "e.md"))
    assert r.returncode == 2 and not (tmp_path / "e.md").exists()


def test_check_reports_placeholders_in_a_text_report(tmp_path):
    text = MINIMAL.replace("[完成了工作]", "[办理案件【待填：件数】件]")
    r = run("render", str(write(tmp_path, text)), "--force", "-o", str(tmp_path / "r.txt"))
    assert r.returncode == 0, r.stderr
    r = run("check", str(tmp_path / "r.txt"), "--json")
    found = [f for f in json.loads(r.stdout)["findings"] if f["code"] == "F004"]
    assert r.returncode == 1 and found and "【待填：件数】" in found[0]["message"]


def test_defaults_option_errors(tmp_path):
    r = run("new", "--defaults", "-o", str(tmp_path / "a.yaml"))
    assert r.returncode == 2 and "--issuer" in r.stderr and "Traceback" not in r.stderr
    r = run("new", "--defaults", "--issuer", "青岚县司法局", "--level", "区县", "--leader", "X1",
            "-o", str(tmp_path / "a.yaml"))
    assert r.returncode == 2 and "--level" in r.stderr and "--leader" in r.stderr
    assert not (tmp_path / "a.yaml").exists()
    (tmp_path / "b.yaml").write_text("x: 1\n", encoding="utf-8")
    r = run("new", "--defaults", "--issuer", "青岚县司法局", "-o", str(tmp_path / "b.yaml"))
    assert r.returncode == 2 and "已存在" in r.stderr
    assert (tmp_path / "b.yaml").read_text(encoding="utf-8") == "x: 1\n"


def test_check_a_draft_data_file_reports_its_blanks(tmp_path):
    r = run("new", "--defaults", "--issuer", "青岚县司法局", "--year", "2025", "-o", str(tmp_path / "a.yaml"))
    assert r.returncode == 0, r.stderr
    r = run("check", str(tmp_path / "a.yaml"), "--json")
    findings = json.loads(r.stdout)["findings"]
    errors = [f for f in findings if f["severity"] == "error"]
    assert r.returncode == 1 and errors and all(f["code"] == "F004" for f in errors)
    assert any("【待填：研究次数】" in f["message"] for f in errors)
