"""A trade's party organ by tier (data/issuers.yaml trades organ, organ_varies): 应急管理
departments have a 党委 — the ministry, the provinces' 厅 (realset 039, 040), the cities'
bureaus — and a county's mostly too, though some counties' bureaus have a 党组. A county
应急管理局's draft writes 党委, ``new`` tells the clerk that a 党组 is written otherwise,
and check takes either as the bureau's own; above the county a 党组 is still caught."""

import datetime as dt
import os
import subprocess
import sys

import pytest
import yaml
from conftest import default_drafts

from draftkit import issuers
from draftkit.reading.document import from_lines
from draftkit.review import check

PARTY_GROUP = "党组书记、局长认真履行推进法治建设第一责任人职责，主持召开局党组会议4次专题研究应急管理法治建设工作。"


def _s007(issuer, sentence, year=2025):
    lines = [f"{issuer}关于{year}年度法治政府建设情况的报告", "一、主要举措和成效", sentence, issuer, f"{year + 1}年2月1日"]
    doc = from_lines("x.txt", lines, list(range(1, len(lines) + 1)), year=year, date=dt.date(year + 1, 2, 1), issuer=issuer)
    return [f for f in check(doc) if f.code == "S007"]


@pytest.mark.parametrize("issuer", ["桐溪县应急管理局", "柏川市金水区应急管理局", "岚州市临江市应急管理局"])
def test_a_county_emergency_bureau_may_have_either_organ(issuer):
    p = issuers.parse(issuer, "部门")
    assert p.tier == "县区" and p.trade == "应急管理"  # a county-level city's bureau is a county's
    assert not _s007(issuer, PARTY_GROUP)
    assert not _s007(issuer, PARTY_GROUP.replace("党组", "党委"))


@pytest.mark.parametrize("issuer,organ", [("柏川市应急管理局", "党委"), ("岚山省应急管理厅", "党委"),
                                          ("桐溪县公安局", "党委"), ("国家税务总局桐溪县税务局", "党委")])
def test_above_the_county_and_in_other_trades_a_party_group_is_still_caught(issuer, organ):
    sentence = PARTY_GROUP.replace("局长", "厅长").replace("局党组", "厅党组") if issuer.endswith("厅") else PARTY_GROUP
    found = _s007(issuer, sentence)
    assert any(f.suggestion.startswith(f"{organ}书记") for f in found), [(f.message, f.suggestion) for f in found]


def test_a_county_bureau_of_a_trade_with_a_party_group_is_not_told_of_a_party_committee():
    assert not _s007("桐溪县教育局", PARTY_GROUP.replace("应急管理", "教育"))
    assert issuers.organ_note(issuers.parse("桐溪县教育局", "部门")) == ""


def _new(tmp_path, issuer):
    r = subprocess.run([sys.executable, "-m", "draftkit", "new", "--defaults", "--issuer", issuer, "--year", "2025",
                        "-o", str(tmp_path / f"{issuer}.yaml")], capture_output=True, text=True,
                       env=dict(os.environ, PYTHONIOENCODING="utf-8"), timeout=120)
    assert r.returncode == 0, r.stderr
    return r.stdout


def test_new_writes_a_party_committee_and_tells_a_county_bureau_it_may_be_a_party_group(tmp_path):
    md, data = default_drafts(tmp_path, {"county": ("桐溪县应急管理局", "")})["county"]
    assert "党委书记、局长认真履行推进法治建设第一责任人职责，主持召开局党委会议【待填" in md
    assert "党组" not in md
    assert yaml.safe_load(data)["issuer"]["leader"] == "党委书记、局长"
    said = _new(tmp_path, "桐溪县应急管理局")
    assert "县级应急管理部门多数设党委，也有设党组的" in said and "统一改为“局党组会议”“党组书记、局长”" in said
    for other in ("柏川市应急管理局", "岚山省应急管理厅", "桐溪县公安局"):  # their organ is fixed: nothing to say
        assert "也有设党组的" not in _new(tmp_path, other), other
