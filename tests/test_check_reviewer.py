"""What a 政府办 reviewer found that ``draftkit check`` missed: each planted in a few lines
and found, and a near miss beside it that is not."""

import datetime as dt

from draftkit.reading.document import from_lines
from draftkit.review import check


def _check(lines, year=2025, issuer="青岚县人民政府"):
    head = [f"{issuer}关于{year}年度法治政府建设情况的报告", "一、主要举措和成效"]
    doc = from_lines("x.txt", head + lines, list(range(1, len(head) + len(lines) + 1)), year=year,
                     date=dt.date(year + 1, 2, 1), issuer=issuer)
    return check(doc)


def _hits(findings, code, paragraph=3):
    return [f for f in findings if f.code == code and f.paragraph == paragraph]


def _one(code, text, issuer="青岚县人民政府", year=2025):
    hits = _hits(_check([text], year, issuer), code)
    assert all(f.suggestion for f in hits), hits
    return hits


def test_own_year_since_c203():
    hit = _one("C203", "2025年以来，全县共办理行政复议案件20件。")
    assert [f.severity for f in hit] == ["warning"] and "全年" in hit[0].suggestion and "2025年" in hit[0].suggestion
    assert _one("C203", "2021年以来，全县累计办理行政复议案件120件。") == []  # a span that began earlier
    assert _one("C203", "12025年以来的数字。") == []


def test_department_speaking_as_its_government_s007():
    bureau = "青岚县司法局"
    for text, word in [("县政府新出台规范性文件5件。", "县政府新出台"),
                       ("三是青岚县坚持用法治来规范政府和市场的边界。", "青岚县坚持"),
                       ("全年下放行政许可3项。", "下放行政许可")]:
        hit = _one("S007", text, bureau)
        assert [f.severity for f in hit] == ["warning"] and word in hit[0].message, text
    for text in ("配合县政府出台规范性文件5件。", "青岚县司法局坚持依法行政。", "推动在全县形成尊法学法守法用法氛围。"):
        assert _one("S007", text, bureau) == [], text
    # the government itself may say all of it
    assert _one("S007", "县政府新出台规范性文件5件，青岚县坚持依法决策。", "青岚县人民政府") == []


def test_government_making_local_regulations_s007():
    hit = _one("S007", "共制定地方性法规2件、政府规章3件。", "云川市人民政府")
    assert hit and "人大" in hit[0].message
    assert _one("S007", "提请市人大常委会审议地方性法规2件，制定政府规章3件。", "云川市人民政府") == []


def test_township_claims_s007():
    town = "白石镇人民政府"
    for text in ("全年办理行政复议案件5件，规范行政复议行为。", "组织3家律所和12名律师签订服务协议。",
                 "有效倒逼各级各部门依法行政。"):
        assert len(_one("S007", text, town)) == 1, text
    for text in ("镇政府被申请行政复议1件，已按复议决定整改。", "聘请1家律师事务所担任镇政府法律顾问。",
                 "配合县直各部门开展执法检查。"):
        assert _one("S007", text, town) == [], text


def test_register_l012_notes():
    for text, word in [("有效倒逼各部门依法行政、争先进位。", "争先进位"), ("执法力量得到极大提升。", "极大提升"),
                       ("法治引领作用充分彰显。", "充分彰显"), ("为市场主体厚植土壤。", "厚植土壤"),
                       ("为高质量发展提供不竭动力。", "不竭动力")]:
        hit = _one("L012", text)
        assert [f.severity for f in hit] == ["note"] and word in hit[0].message, text
    assert _one("L012", "执法力量明显增强，办案质量提升。") == []
    assert _one("L012", "制定《法治政府建设争先进位目标和措施计划表》。") == []  # a document's name


def test_doubled_punctuation_l013():
    for text in ("开展普法活动12场。；组织培训3次。", "开展普法活动12场。。组织培训3次。"):
        hit = _one("L013", text)
        assert [f.severity for f in hit] == ["warning"], text
    assert _one("L013", "开展普法活动12场；组织培训3次……效果明显。") == []
    assert _one("L013", "提出“三个一”：一张网、一支队伍。") == []


def test_each_claim_of_another_body_once_in_a_paragraph():
    hits = _one("S007", "县政府新出台规范性文件5件，全年下放行政许可3项，全市排名第一。", "青岚县司法局")
    assert [("县政府新出台" in f.message, "下放行政许可" in f.message) for f in hits] == [(True, False), (False, True)]
    hits = _one("S007", "全市共办理案件20件，全市调解纠纷30件。", "青岚县人民政府")
    assert len(hits) == 1  # a self-reference: once a paragraph


def test_township_writing_as_its_county_s007():
    """A township report copied from the county's: the county head's duties, the county
    government's meetings and documents, the county as the subject of the opening. Naming the
    county as the superior is fine."""
    for town in ("青岚县石桥镇人民政府", "石桥镇人民政府"):
        for text, word in [("县长认真履行推进法治建设第一责任人职责。", "县长"),
                           ("主持召开县政府常务会议专题研究法治政府建设4次。", "县政府常务会议"),
                           ("全年县政府新出台规范性文件3件。", "县政府新出台"),
                           ("2025年，青岚县坚持以习近平新时代中国特色社会主义思想为指导。", "青岚县坚持")]:
            hit = _one("S007", text, town)
            assert len(hit) == 1 and word in hit[0].message and hit[0].severity == "warning", (town, text, hit)
        for text in ("在县委、县政府的坚强领导下，石桥镇坚持依法行政。", "按时办结县政府交办的事项12件。",
                     "组织镇村干部参加县级培训3次。", "认真落实县政府印发的《青岚县行政执法监督办法》。",
                     "镇长认真履行推进法治建设第一责任人职责。", "参加县政府常务会议学法2次。",
                     "2025年，石桥镇坚持以习近平新时代中国特色社会主义思想为指导。",
                     "副县长到我镇督导法治建设工作。", "配合县政府出台农村宅基地管理办法。"):
            assert _one("S007", text, town) == [], (town, text)
    # the county itself may say all of it
    assert _one("S007", "县长认真履行第一责任人职责，全年县政府新出台规范性文件3件。", "青岚县人民政府") == []


def test_township_report_rendered_and_checked_as_docx(tmp_path):
    from conftest import write

    from draftkit.render.pipeline import render_report
    from draftkit.report.loader import load_report
    from draftkit.review import check_file

    data = write(tmp_path, """\
issuer: {name: 青岚县石桥镇人民政府, level: 乡镇}
year: 2025
date: 2026-02-10
addressee: 青岚县人民政府
opening: 2025年，青岚县坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平法治思想。现将有关情况报告如下：
parts:
  measures: {items: [在县委、县政府的坚强领导下，全镇办理县政府交办事项12件, 全年县政府新出台规范性文件3件]}
  shortcomings: {items: [镇村干部法治意识不强，原因是培训不够]}
  leadership: {items: [县长认真履行推进法治建设第一责任人职责，主持召开县政府常务会议专题研究法治政府建设4次, 镇长带头参加县级培训]}
  plan: {items: [加强镇村干部法治培训]}
""")
    out = tmp_path / "r.docx"
    out.write_bytes(render_report(load_report(data)))
    s007 = [f for f in check_file(out) if f.code == "S007"]
    words = {f.message.split("”")[0].lstrip("“") for f in s007}
    assert len(s007) == 4 and words == {"县长", "县政府新出台", "主持召开县政府常务会议", "青岚县坚持"}, s007


def _yoy_table():
    from draftkit.resources import data_file

    return data_file("yoy.yaml")


def test_yoy_on_a_small_base_f009():
    for text in _yoy_table()["examples"]:
        hit = _one("F009", text)
        assert [f.severity for f in hit] == ["note"], text
    for text in _yoy_table()["counter_examples"]:
        assert _one("F009", text) == [], text
    hit = _one("F009", "行政诉讼败诉案件2件，同比减少60%。")
    assert "上年5件" in hit[0].message and hit[0].suggestion == "改为“2件，比上年减少3件”，或删去同比"
    hit = _one("F009", "县政府常务会议会前学法12次，同比增长20%。")
    assert hit[0].suggestion == "改为“12次，比上年增加2次”，或删去同比"


def test_f009_where_a_report_says_it_and_draftkit_never_writes_it(tmp_path):
    """A report from elsewhere with 同比 on a small count gets F009; draftkit itself writes
    such a count as 比上年增加N次 (one rule, data/yoy.yaml, for the writer and the check)."""
    from conftest import EXAMPLES, write

    from draftkit.render.pipeline import render_report
    from draftkit.report.loader import load_report
    from draftkit.review import check_file

    data = write(tmp_path, """\
issuer: {name: 青岚县人民政府, level: 县区}
year: 2025
date: 2026-02-10
parts:
  measures: {items: [{text: '会前学法{学法}，办理行政复议案件{复议}', values: {学法: {current: 12, previous: 10, unit: 次}, 复议: {current: 87, previous: 64, unit: 件}}}]}
  shortcomings: {items: [执法力量不足，原因是编制少]}
  leadership: {items: [县长带头学法]}
  plan: {items: [加强执法培训]}
""")
    out = tmp_path / "r.docx"
    out.write_bytes(render_report(load_report(data)))
    ours = check_file(out)
    assert not [f for f in ours if f.code == "F009"]
    import docx

    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "会前学法12次，比上年增加2次" in text and "87件，同比增长35.9%" in text
    theirs = tmp_path / "theirs.txt"
    theirs.write_text(text.replace("12次，比上年增加2次", "12次，同比增长20%"), encoding="utf-8")
    f009 = [f for f in check_file(theirs) if f.code == "F009"]
    assert len(f009) == 1 and "12次，同比增长20%" in f009[0].message and f009[0].severity == "note"
    for name in ("county.yaml", "department.yaml"):
        assert not [f for f in check_file(EXAMPLES / name) if f.code == "F009"], name
