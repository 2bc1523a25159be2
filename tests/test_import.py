"""Import real and rendered reports, carry them forward, and refuse what is not a report."""

import datetime as dt
import io
import subprocess
import sys

import docx
import pytest
import yaml
from conftest import EXAMPLES, ROOT, render_bytes, write

from draftkit.continuity.importer import import_report, slot_figures
from draftkit.continuity.rollover import carry_forward
from draftkit.errors import DraftkitError
from draftkit.render.pipeline import render_report
from draftkit.report.datafile import count_open, dump
from draftkit.report.loader import load_report

CORPUS = ROOT.parent / "shared" / "corpus"
needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not beside the checkout")


def paragraphs(data_bytes: bytes) -> list[str]:
    return [p.text for p in docx.Document(io.BytesIO(data_bytes)).paragraphs]


def save(tmp_path, data, name="data.yaml"):
    path = tmp_path / name
    path.write_text(dump(data), encoding="utf-8")
    return path


@pytest.mark.parametrize("name", ["county.yaml", "department.yaml"])
@pytest.mark.parametrize("fmt", ["docx", "txt", "md"])
def test_round_trip_of_rendered_examples(tmp_path, name, fmt):
    original = render_bytes(EXAMPLES / name)
    rendered = tmp_path / f"report.{fmt}"
    rendered.write_bytes(render_bytes(EXAMPLES / name, fmt))
    data = import_report(rendered)
    again = render_report(load_report(save(tmp_path, data)))
    if fmt == "docx":
        assert paragraphs(again) == paragraphs(original)
    else:  # text carries no layout: the seal's blank line may differ, the words may not
        assert [p for p in paragraphs(again) if p] == [p for p in paragraphs(original) if p]
    source = load_report(EXAMPLES / name)
    assert data["year"] == source.year and data["date"] == source.date
    assert data["issuer"]["name"] == source.issuer.name and set(data["parts"]) == set(source.parts)


def test_figures_become_values():
    text, values = slot_figures("全年制发规范性文件6件，同比减少40%，审查合同214件，同比增长15.1%，合格率98.6%，"
                                "同比提高1.4个百分点，出庭率100%，同比持平，培训500余人次", [0])
    assert text == "全年制发规范性文件{f1}，审查合同{f2}，合格率{f3}，出庭率{f4}，培训{f5}"
    assert values == {"f1": {"current": 6, "unit": "件", "previous": 10},
                      "f2": {"current": 214, "unit": "件", "previous": 186},
                      "f3": {"current": 98.6, "unit": "%", "previous": 97.2},
                      "f4": {"current": 100, "unit": "%", "previous": 100},
                      "f5": {"current": 500, "unit": "余人次"}}
    # a 同比 that does not add up stays as written
    assert slot_figures("审查合同214件，同比增长50%", [0]) == ("审查合同214件，同比增长50%", {})


@needs_corpus
def test_import_rongcheng_2022():
    data = import_report(CORPUS / "001_24ed7445c0d67c95.txt")
    assert (data["issuer"]["name"], data["year"], data["date"]) == ("荣成市人民政府", 2022, dt.date(2023, 1, 10))
    assert list(data["parts"]) == ["measures", "shortcomings", "leadership", "plan"]
    measures = data["parts"]["measures"]["sections"]
    assert [s["heading"] for s in measures][:2] == ["创新管理服务，全力优化法治营商环境", "完善体制机制，加快推进法治政府建设"]
    assert sum(len(s["items"]) for s in measures) == 15
    first = measures[0]["items"][0]
    assert "由{f1}增加到{f2}" in first["text"]
    assert first["values"]["f1"] == {"current": 299, "unit": "项"} and first["values"]["f2"]["current"] == 356
    assert data["parts"]["plan"]["year"] == 2023 and len(data["parts"]["plan"]["items"]) == 3


@needs_corpus
def test_import_huzhou_2018():
    data = import_report(CORPUS / "002_0c9705d165460661.txt")
    assert (data["year"], data["addressee"]) == (2018, "浙江省人民政府")
    # the leaders' duties as part one's first section, shortcomings at its end: each its own part, in the report's order
    assert list(data["parts"]) == ["leadership", "measures", "shortcomings", "plan"]
    assert data["order"][:4] == ["leadership", "measures", "shortcomings", "plan"]
    assert data["parts"]["leadership"]["sections"][0]["heading"] == "高标准谋划和推动法治政府建设"
    short = data["parts"]["shortcomings"]
    items = short.get("items") or short["sections"][0]["items"]
    assert items == ["行政争议矛盾纠纷化解压力较大", "少数基层干部法治意识不够强", "法治工作力量与当前法治政府建设要求还有差距"]
    assert data["parts"]["plan"]["year"] == 2019 and len(data["parts"]["plan"]["sections"]) == 8


@needs_corpus
def test_carry_rongcheng_forward(tmp_path):
    data, flags = carry_forward(import_report(CORPUS / "001_24ed7445c0d67c95.txt"))
    assert data["year"] == 2023 and data["date"] is None
    assert data["parts"]["plan"] == {"year": 2024, "items": [
        {"todo": "写明 2024 年推进法治政府建设的主要安排：每一条不足都要有一项针对它的措施"}]}
    first = data["parts"]["measures"]["sections"][0]["items"][0]
    # 由A增加到B: last year's B is this year's baseline, written out; only B is asked
    assert "由356项增加到{f2}" in first["text"] and "f1" not in first["values"]
    assert first["values"]["f2"] == {"current": None, "previous": 356, "unit": "项"}
    # and its todo names the start it kept (the cold reviewer's carried-001, coldread3a)
    assert "「由356项增加到」的356项是去年报告的期末数" in first["todo"]
    assert sum("期末数" in it.get("todo", "") for s in data["parts"]["measures"]["sections"]
               for it in s["items"] if isinstance(it, dict)) == 1  # only the item with a stated change
    checklist = data["parts"]["measures"]["sections"][-1]
    assert checklist["heading"] == "落实上年度工作安排情况" and len(checklist["items"]) == 3
    assert checklist["items"][0]["todo"].startswith("去年计划：进一步压实法治建设工作责任。")
    short = data["parts"]["shortcomings"]["items"]
    assert len(short) == 3 and short[0]["todo"].startswith("去年的不足：个别党政主要负责人履职意识有待进一步加强")
    leaders = data["parts"]["leadership"]["items"]
    assert "2022年5月" in leaders[0]["todo"]  # last year's words, last year's dates
    assert any("疫情防控" in f for f in flags)  # flagged for a 2023 report, not silently dropped
    figures, todos = count_open(data)
    # every measures sentence of last year is a todo to confirm or rewrite, not silent text
    assert figures >= 40 and todos == 15 + 3 + 3 + 3 + 1
    # render refuses until the figures and todos are filled in
    with pytest.raises(DraftkitError) as exc:
        load_and_render = render_report(load_report(save(tmp_path, data)))  # noqa: F841
    messages = "\n".join(str(p) for p in exc.value.problems)
    assert "date（成文日期）应为日期" in messages


@needs_corpus
def test_carried_draft_refuses_empty_figures_and_todos(tmp_path):
    data, _ = carry_forward(import_report(CORPUS / "001_24ed7445c0d67c95.txt"))
    data["date"] = dt.date(2024, 2, 1)
    with pytest.raises(DraftkitError) as exc:
        render_report(load_report(save(tmp_path, data)))
    messages = "\n".join(str(p) for p in exc.value.problems)
    assert "空位“f2”的本年数值还没有填写（current）" in messages
    assert "还没有确认：持续深化“放管服”改革" in messages
    assert "还没有写：去年计划：进一步压实法治建设工作责任" in messages


def test_outdated_wording_replaced_when_moving_on(tmp_path):
    report = write(tmp_path, """\
issuer: {name: 青岚县人民政府, level: 县区}
year: 2020
date: 2021-02-01
opening: 2020年，我县认真贯彻《法治政府建设实施纲要（2015—2020年）》。
parts:
  measures: {items: [县法制办审查规范性文件12件, 深入开展“七五”普法, 深化扫黑除恶专项斗争]}
  shortcomings: {items: [执法力量不足]}
  leadership: {items: [县长带头学法，全年学法4次]}
  plan: {items: [加强执法培训]}
""")
    rendered = tmp_path / "r.docx"
    rendered.write_bytes(render_report(load_report(report)))
    data, flags = carry_forward(import_report(rendered))
    text = yaml.safe_dump(data, allow_unicode=True)
    # the opening is written anew with the current formulations, not copied
    assert "纲要（2021—2025年）" in data["opening"][0] and "2015" not in data["opening"][0]
    # last year's measures speak of work done: never rewritten, each flagged in its todo
    items = {it["text"]: it["todo"] for it in data["parts"]["measures"]["sections"][0]["items"]}
    assert set(items) == {"县法制办审查规范性文件{f1}", "深入开展“七五”普法", "深化扫黑除恶专项斗争"}
    assert "司法局" in items["县法制办审查规范性文件{f1}"] and "八五" in items["深入开展“七五”普法"]
    assert any("七五" in f for f in flags) and any("法制办" in f for f in flags)
    assert "常态化扫黑除恶斗争" in items["深化扫黑除恶专项斗争"]


def test_currency_replaced_only_in_forward_looking_sentences():
    from draftkit.currency import replace_outdated

    past = "“八五”普法规划各项任务如期完成。"
    assert replace_outdated(past, 2026, forward_only=True)[0] == past  # history stays as written
    assert replace_outdated(past + "深入实施“八五”普法规划。", 2026, forward_only=True)[0] == past + "深入实施“九五”普法规划。"
    # “纲要” holds 要 but is not a forward-looking word
    said = "我县认真贯彻《法治政府建设实施纲要（2015—2020年）》。"
    assert replace_outdated(said, 2021, forward_only=True)[0] == said


def test_not_a_report(tmp_path):
    (tmp_path / "a.txt").write_text("今天天气很好，我们去公园散步。\n公园里有很多人。\n", encoding="utf-8")
    with pytest.raises(DraftkitError, match="不像是一份年度报告"):
        import_report(tmp_path / "a.txt")


def test_empty_docx_and_tables_only(tmp_path):
    docx.Document().save(tmp_path / "empty.docx")
    with pytest.raises(DraftkitError) as exc:
        import_report(tmp_path / "empty.docx")
    assert len(exc.value.problems) == 1 and "没有可用的文字" in str(exc.value)
    d = docx.Document()
    t = d.add_table(rows=2, cols=2)
    for i, cell in enumerate(t._cells):
        cell.text = ["指标", "数值", "复议案件", "87件"][i]
    d.save(tmp_path / "table.docx")
    with pytest.raises(DraftkitError, match="不像是一份年度报告"):
        import_report(tmp_path / "table.docx")


@needs_corpus
def test_cli_import(tmp_path):
    out = tmp_path / "d.yaml"
    cmd = [sys.executable, "-m", "draftkit", "import", str(CORPUS / "001_24ed7445c0d67c95.txt"), "-o", str(out)]
    r = subprocess.run(cmd, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert "2023 年度草稿" in r.stdout and "条待写内容" in r.stdout
    assert yaml.safe_load(out.read_text(encoding="utf-8"))["based_on"].endswith("001_24ed7445c0d67c95.txt")
    r = subprocess.run(cmd, capture_output=True, text=True)
    assert r.returncode == 2 and "已存在" in r.stderr  # never overwrites a data file someone may have filled in
    r = subprocess.run([sys.executable, "-m", "draftkit", "import", str(tmp_path / "none.docx"), "-o",
                        str(tmp_path / "x.yaml")], capture_output=True, text=True)
    assert r.returncode == 2 and r.stderr.strip().endswith("文件不存在") and len(r.stderr.strip().splitlines()) == 1


def test_carried_department_report_opens_as_the_department(tmp_path):
    report = write(tmp_path, """\
issuer: {name: 青岚县司法局, level: 部门}
year: 2024
date: 2025-02-10
opening: 2024年，我局认真贯彻党的二十大和二十届二中全会精神。现将有关情况报告如下：
parts:
  measures: {items: [全年办理行政复议案件12件]}
  shortcomings: {items: [执法力量不足，原因是编制少]}
  leadership: {items: [局长带头学法]}
  plan: {items: [加强执法培训]}
""")
    rendered = tmp_path / "r.docx"
    rendered.write_bytes(render_report(load_report(report)))
    data, _ = carry_forward(import_report(rendered))
    opening = data["opening"][0]
    assert opening.startswith("2025年，我局") and "二十届二中、三中、四中全会" in opening


@needs_corpus
@pytest.mark.parametrize("name, why", [
    ("000_44a0e7a542831519.txt", ["标题“济宁市法治政府建设工作综述”不是情况报告", "没有“存在的不足和原因”部分",
                                  "没有“下一年度主要安排”部分"]),
    ("003_3f2a7be6bd882b3f.txt", ["标题“学习先进地区经验推进法治政府建设”不是情况报告",
                                  "主要举措部分讲的是驻马店市的做法，发文机关却是濮阳市司法局"]),
])
def test_not_the_issuers_annual_report_is_refused(name, why):
    """A review article (000) and a study report on another city (003) carried forward would
    make another body's measures the clerk's own: refused, saying why; --force imports them."""
    from draftkit.continuity.importer import read_report

    with pytest.raises(DraftkitError) as exc:
        import_report(CORPUS / name)
    message = str(exc.value)
    assert len(exc.value.problems) == 1 and "\n" not in message and "--force" in message
    for reason in why:
        assert reason in message
    data, warning = read_report(CORPUS / name, force=True)
    assert data["parts"]["measures"] and all(reason in warning for reason in why)


@needs_corpus
@pytest.mark.parametrize("name", ["001_24ed7445c0d67c95.txt", "002_0c9705d165460661.txt"])
def test_real_annual_reports_are_accepted(name):
    from draftkit.continuity.importer import read_report

    data, warning = read_report(CORPUS / name)
    assert warning == "" and data["parts"]["shortcomings"] and data["parts"]["plan"]


@needs_corpus
def test_news_item_is_still_not_a_report():
    with pytest.raises(DraftkitError, match="不像是一份年度报告"):
        import_report(CORPUS / "004_bcaf0456118a9987.txt")


@needs_corpus
def test_cli_refuses_a_study_report_unless_forced(tmp_path):
    out = tmp_path / "d.yaml"
    cmd = [sys.executable, "-m", "draftkit", "import", str(CORPUS / "003_3f2a7be6bd882b3f.txt"), "-o", str(out)]
    r = subprocess.run(cmd, capture_output=True, text=True)
    assert r.returncode == 2 and len(r.stderr.strip().splitlines()) == 1 and "驻马店市" in r.stderr
    assert not out.exists() and r.stdout == ""
    r = subprocess.run(cmd + ["--force"], capture_output=True, text=True)
    assert r.returncode == 0 and out.exists()
    assert r.stderr.startswith("警告：003_3f2a7be6bd882b3f.txt: 不像是本单位的年度法治政府建设情况报告")


@needs_corpus
def test_diff_still_reads_a_study_report():
    from draftkit.continuity.diff import diff_files

    path = CORPUS / "003_3f2a7be6bd882b3f.txt"
    assert diff_files(path, path).endswith("【下一年度主要安排】没有变化")


def test_other_place_in_a_measures_heading(tmp_path):
    from draftkit.continuity.importer import read_report

    text = """青岚县人民政府关于2024年度法治政府建设情况的报告
一、{place}推进法治政府建设的主要举措和成效
全年办理行政复议案件6件。
二、2024年推进法治政府建设存在的不足和原因
执法力量不足，原因是编制少。
三、党政主要负责人履行推进法治建设第一责任人职责情况
县长带头学法。
四、2025年推进法治政府建设的主要安排
加强执法培训。
青岚县人民政府
2025年2月10日
"""
    for place, refused in (("2024年", False), ("青岚县", False), ("柘溪区", True)):
        (tmp_path / "r.txt").write_text(text.format(place=place), encoding="utf-8")
        _, warning = read_report(tmp_path / "r.txt", force=True)
        assert bool(warning) == refused, (place, warning)


@needs_corpus
def test_carried_part_headings_follow_the_regulation():
    """002 heads its parts 2018年法治政府建设工作情况 / 2019年法治政府建设工作计划: the draft on
    2019 takes the regulation's headings and says so; 001's own (regulation) headings stay."""
    data, flags = carry_forward(import_report(CORPUS / "002_0c9705d165460661.txt"))
    parts = data["parts"]
    assert "heading" not in parts["measures"] and "heading" not in parts["plan"]
    assert any("2019年法治政府建设工作情况" in f and "2019年推进法治政府建设的主要举措和成效" in f for f in flags)
    data, flags = carry_forward(import_report(CORPUS / "001_24ed7445c0d67c95.txt"))
    assert data["parts"]["leadership"]["heading"].startswith("2023年党政主要负责人履行推进法治建设第一责任人职责，加强")
    assert not any("不是规定的写法" in f for f in flags)
