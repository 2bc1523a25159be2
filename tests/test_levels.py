"""Level-aware wording and the quality grade of bank entries (issue 10, first half)."""

import json
import re

import pytest
from conftest import MINIMAL, ROOT, write

from draftkit import issuers, levels
from draftkit.bank.phrasebank import Bank, shipped_bank_dir
from draftkit.bank.recommend import offerable, recommended
from draftkit.mining.grade import grade, reasons

CORPUS = ROOT.parent / "shared" / "corpus"
needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not beside the checkout")
OWN_WORDS = {  # what a report of this level must not say of itself
    "市": re.compile(r"全市|我市|市政府|市委"),
    "区": re.compile(r"全区|我区|区政府|区委"),
    "县": re.compile(r"全县|我县|县政府|县委"),
}


@pytest.fixture(scope="module")
def bank():
    return Bank.load(shipped_bank_dir())


def test_level_values_for_a_county_a_department_a_city_and_a_town():
    county = issuers.values("青岚县人民政府", "县区", "青岚县")
    assert (county["全域"], county["我方"], county["本级政府"], county["本级党委"], county["主要负责人"]) == \
        ("全县", "我县", "县政府", "县委", "县长")
    dept = issuers.values("青岚县司法局", "部门", "青岚县")
    assert (dept["全域"], dept["我方"], dept["本级政府"], dept["常务会议"], dept["主要负责人"]) == \
        ("全县", "我局", "县政府", "局党组会议", "党组书记、局长")
    assert issuers.values("云川市人民政府", "市", "云川市")["主要负责人"] == "市长"
    assert issuers.values("云川市济阳区人民政府", "县区", "济阳区")["本级政府"] == "区政府"
    assert issuers.values("桃源镇人民政府", "乡镇", "桃源镇")["本级党委"] == "镇党委"
    assert issuers.values("青岚县发展和改革委员会", "部门", "青岚县")["我方"] == "我委"
    assert issuers.values("青岚县人民政府", "县区", "青岚县", leader="代县长")["主要负责人"] == "代县长"


def test_own_level_words_become_slots_and_other_levels_restrict_the_entry():
    text, found, fits = levels.neutralise("全市{n}个镇街建成公共法律服务站，市政府印发{title}", "荣成市")
    assert text == "{全域}{n}个镇街建成公共法律服务站，{本级政府}印发{title}"
    assert set(found) == {"全域", "本级政府"}
    assert "乡镇" not in fits and "县区" in fits  # 镇街 is said from above a town
    # 我市 of the territory is 全县 for everyone; 我市 acting is 我县 or 我局 (not 我局镇街).
    assert levels.neutralise("目前我市共有执法人员", "荣成市")[0] == "目前{全域}共有执法人员"
    assert levels.neutralise("目前，我市镇街共配备执法人员{n}名", "荣成市")[0] == "目前，{全域}镇街共配备执法人员{n}名"
    assert levels.neutralise("我市出台{title}", "荣成市")[0] == "{我方}出台{title}"
    # Only the level's character of 依法治市 is the slot: 依法治{本级}, filled 依法治县.
    assert levels.neutralise("市委全面依法治市委员会办公室", "荣成市")[0] == "{本级党委}全面依法治{本级}委员会办公室"
    assert levels.neutralise("我局牵头制定", "济宁市")[0] == "{我方}牵头制定"
    # From a district's report, 全市 is the city above it: only for levels below a city.
    assert levels.neutralise("全市率先", "济阳区") == ("全市率先", [], ("县区", "乡镇", "部门", "司法部门"))
    assert levels.neutralise("省委依法治省办组织", "荣成市")[2] == ("市", "县区", "乡镇", "部门", "司法部门")
    # Words that only look like level words stay as they are.
    for word in ("城市管理", "全市场", "社区委员会", "市场监督管理局"):
        assert levels.neutralise(word, "荣成市") == (word, [], ())


def test_the_justice_bureaus_own_work_is_offered_to_justice_departments_only():
    fits = levels.neutralise("全市{n}个镇街公共法律服务站全部进驻综治中心", "荣成市")[2]
    assert issuers.offered(fits, "部门", "青岚县", "青岚县司法局")
    assert not issuers.offered(fits, "部门", "青岚县", "青岚县市场监督管理局")
    assert issuers.offered(fits, "县区", "青岚县", "青岚县人民政府")
    # what any department does is offered to both
    fits = levels.neutralise("严格落实重大执法决定法制审核制度", "荣成市")[2]
    assert issuers.offered(fits, "部门", "青岚县", "青岚县市场监督管理局") and issuers.offered(fits, "部门", "青岚县", "青岚县司法局")


@needs_corpus
def test_shipped_bank_neutral_entries_name_no_level(bank):
    """An entry offered to every level names none: 89 entries used to say 全市/我市…"""
    neutral = [e for e in bank.entries() if not e.levels]
    mentions = re.compile("|".join(levels.table().mentions.values()))
    said = [e.text for e in neutral if mentions.search(e.text)]
    assert not said, said[:5]
    assert sum("{全域}" in e.text or "{我方}" in e.text or "{本级政府}" in e.text for e in bank.entries()) >= 40


@pytest.mark.parametrize("issuer,level,place,own", [
    ("青岚县人民政府", "县区", "青岚县", ("市", "区")),
    ("青岚县司法局", "部门", "青岚县", ("市", "区")),
])
def test_default_sentences_speak_at_the_issuers_level(bank, issuer, level, place, own):
    """9 of 12 default sentences for a county department spoke as a city."""
    values = issuers.values(issuer, level, place)
    for part in ("measures", "shortcomings", "leadership", "plan"):
        for e in recommended(bank, part, 6, level, place):
            text = re.sub(r"\{(\w+)\}", lambda m: values.get(m.group(1), m.group(0)), e.text)
            for o in own:
                assert not OWN_WORDS[o].search(text), (part, text)
            if level == "部门":
                assert "我县" not in text


def test_render_fills_level_slots_and_names_the_leader(tmp_path):
    from draftkit.render.pipeline import render_report
    from draftkit.report.loader import load_report

    data = MINIMAL.replace("{name: 测试县人民政府, level: 县区}", "{name: 青岚县司法局, level: 部门, leader: 党组书记、局长}")
    data = data.replace("[履行了职责]", "['{主要负责人}主持召开{常务会议}，{我方}研究{全域}法治工作，报{本级政府}']")
    md = render_report(load_report(write(tmp_path, data)), "md").decode()
    assert "党组书记、局长主持召开局党组会议，我局研究全县法治工作，报县政府" in md


def test_leader_is_validated(tmp_path):
    from draftkit.errors import DraftkitError
    from draftkit.report.loader import load_report

    data = MINIMAL.replace("level: 县区}", "level: 县区, leader: 'Mr 1'}")
    with pytest.raises(DraftkitError) as exc:
        load_report(write(tmp_path, data))
    assert "data.yaml:1:" in str(exc.value.problems[0]) and "leader" in str(exc.value.problems[0])


# --- grades ------------------------------------------------------------------------

@pytest.mark.parametrize("text,kind,expected,why", [
    ("依法行政需要人民群众的监督与支持，更需要需要和谐稳定的法治环境", "sentence", "edit", "重复"),
    ("职责抓住“关键少数”，压实党政主要负责人切实履行推进法治建设第一责任人职责", "sentence", "edit", "开头残缺"),
    ("扎实开展学习宣传习近平法治思想", "item", "edit", "标题"),
    ("按照{本级党委}常委、政法委书记王天阳同志的要求，赴外地考察", "sentence", "no", "人名"),
    ("{y}年，汇鑫社区获批“全国民主法治示范村（社区）”", "sentence", "no", "专名"),
    ("一座传统文化之城，一部资源转型历史一条法治建设道路", "sentence", "no", "笔调"),
    ("通过这次考察学习，我们找到了差距，主要是", "sentence", "no", "残缺"),
    ("深入学习贯彻党的十九大精神", "sentence", "edit", "过时"),
    ("出台“利民、惠企、提速”十五条意见", "sentence", "edit", "品牌"),
    ("{本级政府}机构改革基本完成，机构设定、职能配置进一步优化", "sentence", "edit", "阶段性"),
    ("积极推动儒家文化与人民调解工作相融合，创新调解新模式", "sentence", "edit", "文化品牌"),
    ("实行“大部门”综合执法，减少多头执法、重复执法", "sentence", "edit", "大部门"),
    ("推动传统文化与人民调解相融合", "sentence", "edit", "文化品牌"),
    ("开展行政复议基层基础提升年活动，出台{title}，规范行政复议行为", "sentence", "edit", "专项活动"),
    ("在全省率先建成县级行政复议服务中心", "sentence", "edit", "荣誉"),  # a first is true of one place only
    ("建成全市首个“无证明”政务服务大厅", "sentence", "edit", "荣誉"),
    ("对标全省先进，补齐行政复议短板", "sentence", "ok", ""),
    ("全面推行行政执法公示制度、执法全过程记录制度、重大执法决定法制审核制度", "sentence", "ok", ""),
    # another office's one-off act (issue 20): it issued that document that year
    ("出台{title}，保障公众的立法参与权，实现公众有效有序参与", "sentence", "edit", "出台的文件"),
    ("建立行政应诉反馈机制", "sentence", "edit", "一次性"),
    ("选任{n}名律师成立{本级政府}法律顾问专家库", "sentence", "edit", "一次性"),
    ("对{place}门户网站进行全面改版", "sentence", "edit", "一次性"),
    ("设立{n}个政府立法基层联系点", "sentence", "ok", ""),  # how many: the clerk's figure
    ("建立健全行政执法协调监督工作体系，开展执法案卷评查{n}次", "sentence", "ok", ""),
    ("累计建成村居法律顾问工作室{n}个", "sentence", "ok", ""),
])
def test_grade_rules(text, kind, expected, why):
    assert grade(text, kind, 2025) == expected
    if why:
        assert any(why in w for _, w in reasons(text, kind, 2025))


@needs_corpus
def test_shipped_bank_grades_the_quoted_defects(bank):
    by_text = {e.text: e for e in bank.entries()}

    def entry(fragment):
        found = [e for t, e in by_text.items() if fragment in t]
        assert found, fragment
        return found[0]

    assert entry("更需要需要").grade == "edit"
    assert entry("职责抓住").grade == "edit"
    assert entry("王天阳").grade == "no"
    assert entry("汇鑫社区").grade == "no"
    assert entry("一座传统文化之城").grade == "no"
    grades = {g: sum(e.grade == g for e in bank.entries()) for g in ("ok", "edit", "no")}
    assert grades["ok"] > grades["edit"] > 0 and grades["no"] > 0


def test_fast_loader_reads_grade_and_levels_like_json(bank):
    files = sorted(shipped_bank_dir().glob("*.jsonl"))
    lines = [json.loads(line) for f in files for line in f.read_text(encoding="utf-8").splitlines()]
    assert {(d["id"], d["grade"], d["levels"]) for d in lines} == {(e.id, e.grade, e.levels) for e in bank.entries()}
    assert any(d["levels"] for d in lines) and any(d["grade"] != "ok" for d in lines)


def test_picker_and_defaults_offer_only_usable_entries_of_the_level(bank):
    for part in ("measures", "shortcomings", "leadership", "plan"):
        pool = offerable(bank, part, "部门", "青岚县")
        assert pool and all(e.grade == "ok" and issuers.offered(e.levels, "部门", "青岚县") for e in pool)
    marked = [e for e in bank.entries() if e.levels and "县区" not in e.levels.split(",")]
    assert marked and not any(e in offerable(bank, e.part, "县区", "青岚县") for e in marked)


@needs_corpus
def test_phrases_show_gives_grade_reason_and_levels(bank):
    import subprocess
    import sys

    name = next(e for e in bank.entries() if "王天阳" in e.text)
    r = subprocess.run([sys.executable, "-m", "draftkit", "phrases", "show", name.id], capture_output=True, text=True)
    assert r.returncode == 0 and "质量：不提供（no）：含人名" in r.stdout
    marked = next(e for e in bank.entries() if e.levels == "县区,乡镇,部门,司法部门")
    r = subprocess.run([sys.executable, "-m", "draftkit", "phrases", "show", marked.id], capture_output=True, text=True)
    assert "适用层级：县区、乡镇、部门" in r.stdout


def test_units_office_endings_and_level_slots_are_read_from_the_data():
    """Place units and their levels from data/levels.yaml; office endings and the level
    slots from the issuer model (data/issuers.yaml)."""
    from draftkit import issuers
    from draftkit.domain import guess_level, places_of
    from draftkit.slots import REPORT_SLOTS, builtin_slots

    t = levels.table()
    for d in issuers.table()["offices"]:
        if d["suffix"]:
            assert guess_level(f"青岚县{d['suffix']}") == "部门", d["suffix"]
    assert guess_level("青岚县人民政府") == "县区" and guess_level("安宁省人民政府") == "省"
    for unit, level in t.units.items():
        assert levels.place_rank(unit) == t.order.index(level)
        assert levels.place_unit(f"青岚{unit}") == unit
    assert places_of("广西壮族自治区云川市青岚县石桥镇人民政府") == ["广西壮族自治区", "云川市", "青岚县", "石桥镇"]
    assert places_of("云川市青岚区司法局") == ["云川市", "青岚区"] and places_of("青岚县云川市") == ["青岚县"]
    assert builtin_slots() == (*REPORT_SLOTS, *issuers.slot_names())
    filled = issuers.values("青岚县司法局", "部门", "青岚县")
    assert set(filled) == set(issuers.slot_names()) and filled["我方"] == "我局" and filled["全域"] == "全县"
