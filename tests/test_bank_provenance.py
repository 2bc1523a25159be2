"""The shipped bank is mined from ../shared/corpus and ../shared/realset together: each
source keeps the page it was taken from (the realset manifest's url) and its issuer, each
entry the kinds and trades of the offices that wrote it (the issuer model), and a 教育局 is
offered what 教育 bureaus wrote before anything general — and nothing only another trade wrote."""

import csv
import json

import pytest
from conftest import ROOT

from draftkit import issuers
from draftkit.bank.phrasebank import Bank, shipped_bank_dir
from draftkit.bank.recommend import affinity, offerable, written_for
from draftkit.mining.mine import mine
from draftkit.mining.provenance import clean_issuer, provenance_of

REALSET = ROOT.parent / "shared" / "realset"
needs_realset = pytest.mark.skipif(not (REALSET / "manifest.tsv").is_file(), reason="../shared/realset is not beside the checkout")


def manifest() -> dict[str, dict]:
    with open(REALSET / "manifest.tsv", encoding="utf-8") as f:
        return {r["id"]: r for r in csv.DictReader(f, delimiter="\t")}


@pytest.fixture(scope="module")
def shipped():
    lines = [json.loads(x) for f in sorted(shipped_bank_dir().glob("*.jsonl"))
             for x in f.read_text(encoding="utf-8").splitlines()]
    return lines


@needs_realset
def test_every_realset_source_carries_its_page_and_issuer(shipped):
    rows = manifest()
    realset = [s for e in shipped for s in e["sources"] if s["file"][:3] in rows and s["file"] == f"{s['file'][:3]}.txt"]
    assert len({s["file"] for s in realset}) >= 150  # nearly every excerpt gave something
    for s in realset:
        row = rows[s["file"][:3]]
        assert s["url"] == row["url"] and s["issuer"] == clean_issuer(row["issuer"]), s


@needs_realset
def test_each_entry_records_who_wrote_it(shipped):
    for e in shipped:
        said = {s["issuer"] for s in e["sources"] if s.get("issuer")}
        kinds = {issuers.parse(n).kind.key for n in said}
        trades = {issuers.parse(n).trade for n in said} - {""}
        # the sources kept (at most 20) are among the writers the entry counts
        assert kinds <= set(filter(None, e["writers"].split(","))), e
        assert trades <= set(filter(None, e["trades"].split(","))), e
    by_trade = {t for e in shipped for t in e["trades"].split(",") if t}
    assert by_trade >= {"教育", "人社", "农业农村", "交通运输", "应急管理", "林业", "水利", "文旅", "卫健", "公安", "民政",
                        "生态环境", "统计", "财政", "城管", "司法", "自然资源", "商务", "市场监管", "医保", "审计"}
    assert {"county", "city", "province", "township", "street", "zone", "department"} <= {
        k for e in shipped for k in e["writers"].split(",") if k}


def test_a_manifest_beside_the_folder_gives_page_issuer_and_year(tmp_path):
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "007.txt").write_text(
        "一、主要举措和成效\n全年组织执法人员培训12场次，开展校外培训机构专项检查35次，查处违规培训机构4家。\n", encoding="utf-8")
    (tmp_path / "manifest.tsv").write_text("id\turl\tissuer\treport_year\n007\thttps://example.org/a.html\t"
                                           "白河县教育局(推定)\t2023\n", encoding="utf-8")
    assert provenance_of(tmp_path / "texts" / "007.txt").issuer == "白河县教育局"
    phrases = [p for p in mine([tmp_path]).phrases if p.kind == "sentence"]
    assert phrases and all(p.writers == "department" and p.trades == "教育" and p.tiers == "县区" and p.years == [2023]
                           for p in phrases)
    assert phrases[0].sources == [{"file": "007.txt", "para": phrases[0].sources[0]["para"],
                                   "url": "https://example.org/a.html", "issuer": "白河县教育局"}]


def test_without_a_manifest_the_report_names_its_writer(tmp_path):
    (tmp_path / "r.txt").write_text("黑水县人力资源和社会保障局关于2023年度法治政府建设情况的报告\n"
                                    "一、主要举措和成效\n全年办理劳动保障监察案件25件，为劳动者追发工资86万元。\n", encoding="utf-8")
    p = next(p for p in mine([tmp_path]).phrases if p.kind == "sentence")
    assert (p.writers, p.trades) == ("department", "人社") and "url" not in p.sources[0]


def _entry(writers, trades, tiers=""):
    from draftkit.bank.phrasebank import Entry

    return Entry("p-x", "开展专项检查{n}次", "measures", "result", "enforcement", "sentence", 1, "ok", "", writers, trades,
                 tiers)


def test_who_may_be_offered_what_by_its_writers():
    edu, gov, state = _entry("department", "教育"), _entry("county,department", "教育"), _entry("state_department", "教育")
    assert written_for(edu, "department", "教育") and not written_for(edu, "department", "税务")
    assert not written_for(edu, "county", "") and not written_for(edu, "vertical", "税务")
    assert written_for(gov, "county", "") and written_for(gov, "department", "税务")  # a government wrote it too
    assert not written_for(state, "department", "教育") and written_for(state, "state_department", "教育")
    assert written_for(_entry("", ""), "department", "教育")  # an older bank says nothing of its writers
    province = _entry("department", "交通运输", "省")  # a 省厅's work (省本级…) is not a county bureau's
    assert written_for(province, "department", "交通运输", "省") and not written_for(province, "department", "交通运输", "县区")
    city = _entry("department", "交通运输", "市")
    assert written_for(city, "department", "交通运输", "县区") and not written_for(city, "department", "交通运输", "省")


@needs_realset
def test_a_bureau_is_offered_its_trades_sentences_first_and_no_other_trades():
    bank = Bank.load(shipped_bank_dir())
    for name, trade in (("白河县教育局", "教育"), ("白河县人力资源和社会保障局", "人社"), ("白河县农业农村局", "农业农村")):
        got = offerable(bank, "measures", "部门", "白河县", name)
        near = affinity(name, "部门", "白河县")
        order = [near(e) for e in got]
        assert order == sorted(order) and order.count(0) >= 3, name  # its own trade's first, and there are some
        assert all(trade in e.trades.split(",") for e in got if e.writers and set(e.writers.split(",")) <= {"department"})
    tax = offerable(bank, "measures", "部门", "青山县", "国家税务总局青山县税务局")
    assert not [e for e in tax if e.writers == "department"]  # no bureau of its trade wrote: none of theirs
    county = offerable(bank, "measures", "县区", "白河县", "白河县人民政府")
    assert not [e for e in county if e.writers == "department"]


@needs_realset
def test_phrases_show_tells_who_wrote_it_and_where(shipped):
    import subprocess
    import sys

    e = next(e for e in shipped if e["trades"] == "教育" and e["sources"][0].get("url"))
    r = subprocess.run([sys.executable, "-m", "draftkit", "phrases", "show", e["id"]], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert "写它的机关：政府工作部门（行业：教育）" in r.stdout
    assert f"{e['sources'][0]['issuer']}  {e['sources'][0]['url']}" in r.stdout
