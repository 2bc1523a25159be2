"""check on text as published pages give it (tuned on realset's tune part, see
tests/realset_check.py): a page copied only in part, titles among page chrome, issuers
named by their place, the report's year said only in its opening, and the false alarms
real reports raised. The texts here are written for the tests."""

from draftkit.reading.document import from_lines
from draftkit.reading.titles import clean, issuer_of
from draftkit.review import check
from draftkit.review.structure_rules import _names_issuer

MEASURES = ("一、2024年推进法治政府建设的主要举措和成效",
            "（一）深化行政执法改革。全年开展执法检查120次，办理行政处罚案件86件，组织执法人员培训4期。")
SHORT = "二、2024年推进法治政府建设存在的不足和原因"
SHORT_TEXT = "行政执法队伍专业化水平不高，主要原因是培训不够系统。"
LEAD = "三、2024年党政主要负责人履行推进法治建设第一责任人职责情况"
LEAD_TEXT = "县长主持召开县政府常务会议专题研究法治政府建设3次，带头学法4次，出庭应诉2次。"
PLAN = "四、2025年推进法治政府建设的主要安排"
PLAN_TEXT = "加强执法人员培训，全年组织专题培训不少于4期。"
TITLE = "青岚县人民政府关于2024年度法治政府建设情况的报告"
END = ("特此报告。", "青岚县人民政府", "2025年2月10日")


def codes(lines, **known):
    return [(f.code, f.severity, f.paragraph) for f in check(from_lines("x.txt", list(lines), **known))]


def messages(lines, code):
    return [f.message for f in check(from_lines("x.txt", list(lines))) if f.code == code]


def test_a_page_copied_in_part_says_so_once():
    """The text stops mid-sentence in the measures: one S009 naming the parts not seen,
    no S001 for each of them, no S005, no 《 left open at the cut."""
    cut = [TITLE, "县委、县人大常委会：", *MEASURES, "（二）推进严格规范公正文明执法。制定《青岚县行政执法"]
    found = codes(cut)
    s009 = [f for f in found if f[0] == "S009"]
    assert s009 == [("S009", "error", 5)], found
    assert not [f for f in found if f[0] in ("S001", "S005", "L003")], found
    (message,) = messages(cut, "S009")
    assert "存在的不足和原因" in message and "下一年度主要安排" in message
    # cut in the heading of the next section: a heading with nothing under it
    assert [f for f in codes([TITLE, *MEASURES, "（二）推进严格规范公正文明执法"]) if f[0] == "S009"]
    # 一是 and the text stops: the 二是 may have followed
    found = codes([TITLE, *MEASURES, "（二）推进严格规范公正文明执法。一是严格执法程序，全面落实行政执法"])
    assert not [f for f in found if f[0] == "S006"], found


def test_a_whole_report_is_not_taken_for_a_cut_one():
    whole = [TITLE, *MEASURES, SHORT, SHORT_TEXT, LEAD, LEAD_TEXT, PLAN, PLAN_TEXT, *END]
    assert not [f for f in codes(whole) if f[0] in ("S009", "S001", "S005")]
    # a closing paragraph that only lost its full stop still ends the report; a missing
    # part is then missing
    article = [*MEASURES, "我们将以更高标准推进法治政府建设，为全县高质量发展保驾护航"]
    found = codes(article)
    assert not [f for f in found if f[0] == "S009"]
    assert [f for f in found if f[0] == "S001"] and [f for f in found if f[0] == "S005"]


def test_the_regulations_five_parts_by_report_year():
    """A report on 2017, whose year only its opening says, is not held to the five parts of
    the 2019 regulation: notes, not errors."""
    old = ["2017年，我市全面落实党的十八大和十八届历次全会精神，扎实推进法治政府建设。",
           "一、统筹谋划依法行政，全面推进法治政府建设",
           "（一）全面实施依法行政条例。全年审核规范性文件38件。", *END]
    doc = from_lines("x.txt", old)
    assert doc.doc.year == 2017
    s001 = [f for f in check(doc) if f.code == "S001"]
    assert s001 and {f.severity for f in s001} == {"note"}
    new = ["2022年，我市全面贯彻党的二十大精神，扎实推进法治政府建设。", *old[1:]]
    assert {f.severity for f in check(from_lines("x.txt", new)) if f.code == "S001"} == {"error"}


def test_report_follows_rukuxia():
    """「现将有关情况报告如下。」 with the report after it is a whole sentence; at the very end
    of a text it is a fragment."""
    opening = "2024年，青岚县扎实推进法治政府建设。现将有关情况报告如下。"
    whole = [TITLE, opening, *MEASURES, SHORT, SHORT_TEXT, LEAD, LEAD_TEXT, PLAN, PLAN_TEXT, *END]
    assert not [f for f in codes(whole) if f[0] == "L011"]
    assert [f for f in codes([TITLE, opening]) if f[0] == "L011"]


def test_title_issuer_named_by_place_and_year():
    for title in ("2024年上海市法治政府建设情况报告", "深圳市2025年法治政府建设年度报告", "浙江省2021年法治政府建设情况",
                  "关于杭州市2024年度法治政府建设情况的报告", "三都镇2025年法治政府建设年度报告",
                  "厦门市人民政府外事办公室关于2025年法治政府建设工作情况的报告", "天津滨海高新区2023年度法治政府建设情况报告",
                  "关于报送《浦东新区财政局2023年度法治政府建设情况报告》的报告", "]丰都县栗子乡人民政府关于2025年度法治政府建设情况的报告"):
        assert _names_issuer(title), title
    for title in ("经济开发区2024年度法治政府建设情况报告", "关于2024年度法治政府建设情况的报告",
                  "2022年度法治政府建设年度报告", "济宁市法治政府建设工作综述"):
        assert not _names_issuer(title), title


def test_the_reports_title_among_page_chrome():
    """The site's greeting, a sign-in bar, an index-table row or a dateline in brackets is
    not the title; the line naming the report is, without the table round it."""
    body = ["2024年，我厅坚持以习近平法治思想为指导，扎实推进法治政府建设。", *MEASURES]
    for chrome, title in (("欢迎您访问福建省农业农村厅网站", "福建省农业农村厅2024年度法治政府建设情况"),
                          ("登录 注册 退出", "宜昌市人民政府2024年法治政府建设年度报告"),
                          ("长沙市政府门户网站-长沙市2024年法治政府建设情况报告_首页", "长沙市2024年法治政府建设情况报告")):
        doc = from_lines("x.txt", [chrome, title, *body]).doc
        assert doc.title == title, (chrome, doc.title)
    doc = from_lines("x.txt", ["| 标 题: | 厦门市人民政府外事办公室关于2024年法治政府建设工作情况的报告 | ||", *body]).doc
    assert doc.title == "厦门市人民政府外事办公室关于2024年法治政府建设工作情况的报告"
    assert doc.issuer == "厦门市人民政府外事办公室"
    doc = from_lines("x.txt", ["（2025年4月29日在杭州市第十四届人民代表大会常务委员会第十七次会议上）", "杭州市人民政府",
                               "主任、副主任、秘书长、各位委员：", *body]).doc
    assert doc.title == ""
    assert clean("| 标 题: | 某报告 |") == "某报告"
    assert issuer_of("上海市司法局2023年法治政府建设情况报告（2024-02-26）") == "上海市司法局"


def test_addressee_lookalikes_that_are_not():
    """A page's date-and-publisher line, and the speaker's line above 各位委员：, are no
    addressee without its colon."""
    body = [*MEASURES, SHORT, SHORT_TEXT, LEAD, LEAD_TEXT]
    found = codes(["武汉市水务局2024年度法治政府建设情况报告", "2025-01-20 17:01 | 武汉市水务局", *body])
    assert not [f for f in found if f[0] == "S004" and f[1] == "warning"], found
    found = codes(["关于杭州市2024年度法治政府建设情况的报告", "杭州市人民政府", "主任、副主任、秘书长、各位委员：", *body])
    assert not [f for f in found if f[0] == "S004" and f[1] == "warning"], found
    found = codes(["关于杭州市2024年度法治政府建设情况的报告", "杭州市人民政府", *body])
    assert [f for f in found if f[0] == "S004" and f[1] == "warning"], found


def test_false_alarms_of_real_reports():
    def one(text, code, issuer="青岚县人民政府", year=2024):
        lines = [f"{issuer}关于{year}年度法治政府建设情况的报告", "一、主要举措和成效", text, *END]
        return [f for f in check(from_lines("x.txt", lines)) if f.code == code]

    # （其中…） ends at its bracket: 15 is not a part of 67
    assert not one("在规划确定的133项任务中，除日常推进的51项外，其余67项已完成（其中48项取得重大进展），15项正在推进"
                   "（其中9项取得阶段性成果）。", "F008")
    assert one("共办理案件100件（其中民事80件、刑事30件）。", "F008")
    # 检查自查自纠: no 查自查自
    assert not one("将依法行政要求落实到执法检查自查自纠等各方面。", "L005")
    assert one("推进推进法治政府建设。", "L005")
    # a 乡 is told 全乡, a document's name is quoted, marks of a page off the issuer
    s007 = one("落实《2024年全县法治政府建设工作要点》，全县各部门支持我乡工作。", "S007", issuer="]丰都县栗子乡人民政府")
    assert len(s007) == 1 and s007[0].suggestion == "全乡" and "]" not in s007[0].message
    # history is no outdated formulation
    assert not one("党的十九大以来，我县法治政府建设持续推进，全年审核文件30件。", "C112")
    assert one("深入贯彻党的十九大和十九届历次全会精神，全年审核文件30件。", "C112")


def test_leaders_part_naming_its_actor():
    def a005(text):
        lines = ["青岚县石桥街道办事处关于2024年度法治政府建设情况的报告", LEAD, text, *END]
        return [f for f in check(from_lines("x.txt", lines)) if f.code == "A005"]

    assert not a005("街道党工委把法治建设纳入重要议事日程，专题研究法治工作3次，督办重点任务12项，带头学法4次。")
    assert not a005("坚持一把手亲自抓、分管领导具体抓，专题研究法治工作3次，督办重点任务12项，全年学法4次。")
    assert a005("坚持亲自抓，专题研究法治工作3次，督办重点任务12项，全年学法4次，推动各项工作落实。")


def test_measures_figures_count_documents_named():
    """制定《……方案》 tells a result as a figure does; a text cut short is judged on more of its measures."""
    named = ("制定《青岚县推进长三角一体化发展重点工作行动方案》，编制《青岚县2024年度一体化发展工作计划》和"
             "《青岚县一体化重点合作事项清单》，协调推动示范区国土空间规划编制，研究形成投资项目目录，推动项目核准、"
             "产业发展指导、产业准入标准等方面的制度统一，协调建立公共服务共建共享机制。")
    vague = ("强化重大执法决定法制审核，建立重大法治案件事前介入和疑难会商机制，破解案件办理难题。坚持用制度管人管事，"
             "完善内部管理和外部监督制度，确保法治建设责任清晰、发力精准。规范法治文书制作，提升办案效率和规范化水平，"
             "不断增强依法行政能力，推动各项工作落到实处。加强法治宣传教育，举办各类法治宣讲会和学习会，增强干部依法办事意识，"
             "深入开展以宪法为核心的法治宣传教育，全面推进法律进机关、进企业、进校园、进社区活动，使群众的法律素质不断提高。")

    def a003(text):
        lines = [TITLE, "一、主要举措和成效", text, *END]
        return [f for f in check(from_lines("x.txt", lines)) if f.code == "A003"]

    assert not a003(named)
    assert a003(vague)
    cut = [TITLE, "一、主要举措和成效", vague[:-1] + "，进一步"]
    assert not [f for f in check(from_lines("x.txt", cut)) if f.code == "A003"]  # under 400 characters before the cut


def test_an_outline_of_the_report_is_no_shortcoming():
    """本报告包括工作开展情况……存在的差距和不足及2025年工作安排四个部分 tells what follows: it
    admits nothing, and the shortcomings part is still missing."""
    outline = ("本报告包括工作开展情况、党政主要负责人履行推进法治建设第一责任人职责情况、存在的差距和不足及"
               "2025年工作安排四个部分。")
    lines = [TITLE, outline, *MEASURES, LEAD, LEAD_TEXT, PLAN, PLAN_TEXT, *END]
    doc = from_lines("x.txt", lines)
    assert doc.doc.paras[1].part != "shortcomings"
    found = check(doc)
    assert not [f for f in found if f.code in ("A001", "A002")]
    assert any(f.code == "S001" and "不足" in f.message for f in found)


def test_a_title_printed_over_lines_and_a_place_reporting_for_itself():
    """中共长沙市委 / 长沙市人民政府 / 关于……建设 / 情况的报告 is one title naming its issuers,
    not the page's publisher; 上海市2024年……报告 is the city's own, and a 直辖市 says 全市."""
    body = ["2020年，我市认真学习贯彻习近平法治思想，全市法治政府建设取得新成效。",
            "一、加强组织领导，统筹推进法治政府建设", "（一）加强党对法治政府建设工作的领导。全市召开推进会3次。"]
    doc = from_lines("x.txt", ["长沙市司法局_关于长沙市2020年法治政府建设情况的报告", "中共长沙市委", "长沙市人民政府",
                               "关于长沙市2020年法治政府建设", "情况的报告", "中共湖南省委、湖南省人民政府：", *body])
    assert doc.doc.title == "中共长沙市委 长沙市人民政府关于长沙市2020年法治政府建设情况的报告"
    assert doc.doc.issuer == "中共长沙市委 长沙市人民政府"
    assert not [f for f in check(doc) if f.code in ("S003", "S007")]
    doc = from_lines("x.txt", ["2024年上海市法治政府建设情况报告", *body])
    assert doc.doc.issuer == "上海市"
    assert not [f for f in check(doc) if f.code in ("S003", "S007")]
    assert issuer_of("济宁市法治政府建设工作综述") == ""  # no year: the place need not be the issuer


def test_a_leaders_subsection_counts_as_their_part():
    """（一）加强组织领导 under 一、主要举措和成效 is the leaders' part folded into the measures:
    present (no S001 error), with a note that it may stand as a part of its own."""
    folded = ["一、2024年推进法治政府建设的主要举措和成效",
              "（一）加强组织领导，切实履行推进法治建设第一责任人职责。县长主持召开县政府常务会议专题研究法治政府建设3次，带头学法4次。",
              "（二）深化行政执法改革。全年开展执法检查120次，办理行政处罚案件86件。"]
    lines = [TITLE, *folded, SHORT, SHORT_TEXT, PLAN, PLAN_TEXT, *END]
    found = [f for f in check(from_lines("x.txt", lines)) if f.code == "S001"]
    assert [(f.severity, f.paragraph) for f in found] == [("note", 3)], found
    assert "单列" in found[0].message


def test_a_page_cut_right_after_a_full_stop_says_so_once():
    """The excerpt stops after a 。 in the measures: no plan, no signature, no date — cut off,
    said once (S009), not every later part and the signature reported missing."""
    cut = [TITLE, "县委、县人大常委会：", *MEASURES, "（二）推进严格规范公正文明执法。全年评查行政执法案卷120卷。"]
    found = codes(cut)
    assert [f for f in found if f[0] == "S009"] == [("S009", "error", 5)], found
    assert not [f for f in found if f[0] in ("S001", "S005")], found
    (message,) = messages(cut, "S009")
    assert "话没有说完" not in message and "下一年度主要安排" in message and "署名和日期" in message
    # stopping in the shortcomings, the plan still to come, is the same
    found = codes([TITLE, *MEASURES, SHORT, SHORT_TEXT])
    assert [f[0] for f in found if f[0] in ("S009", "S001", "S005")] == ["S009"], found


def test_a_report_that_leaves_a_part_out_is_not_taken_for_a_cut_one():
    # all four parts, no signature or date: the signature and date are missing, nothing is cut
    found = codes([TITLE, *MEASURES, SHORT, SHORT_TEXT, LEAD, LEAD_TEXT, PLAN, PLAN_TEXT])
    assert not [f for f in found if f[0] == "S009"] and len([f for f in found if f[0] == "S005"]) == 2
    # signed and dated, the plan left out: the plan is missing
    found = codes([TITLE, *MEASURES, SHORT, SHORT_TEXT, LEAD, LEAD_TEXT, *END])
    assert [f for f in found if f[0] == "S001"] and not [f for f in found if f[0] == "S009"]
    # a plan part and then the text stops after a 。: the parts are there, the end is not
    found = codes([TITLE, *MEASURES, SHORT, SHORT_TEXT, PLAN, PLAN_TEXT])
    assert not [f for f in found if f[0] == "S009"] and [f for f in found if f[0] == "S005"]


def test_a_real_page_cut_after_a_full_stop():
    """A realset tune excerpt (its 2,000-byte cut moved back to the last 。 before it)."""
    import sys
    from pathlib import Path

    import pytest

    sys.path.insert(0, str(Path(__file__).parent))
    import realset_check

    if not realset_check.available():
        pytest.skip("../shared/realset is not beside the checkout")
    assert "062" in realset_check.ids("tune")
    text = (realset_check.REALSET / "texts" / "062.txt").read_text(encoding="utf-8")
    lines = text[:text.rindex("。") + 1].splitlines()
    found = codes(lines)
    assert [f[0] for f in found if f[0] in ("S009", "S001", "S005")] == ["S009"], found


def _l001(line):
    return [(f.message, f.suggestion) for f in check(from_lines("x.txt", [TITLE, line, *MEASURES])) if f.code == "L001"]


def test_damaged_bytes_are_no_half_width_question_mark():
    """成效?,F將 is 成效。現將 decoded wrongly: no “？” suggested for it (nor for ?? or ?。ㄒ唬);
    the page's other half-width marks are still reported, and a real ? in Chinese still is."""
    (message, fix), = _l001("2022年,河東區政府堅持依法行政,取得明顯成效?,F將有關情況報告如下。")
    assert "2 处" in message and "？" not in message + fix and "成效?,F將" in fix
    assert not _l001("??一、深入學習貫徹黨的二十大精神") and not _l001("成效?。ㄒ唬┥钊雽W習貫徹")
    (message, fix), = _l001("是否存在问题?如何整改到位需要研究。")
    assert "“?”→“？”" in message and fix.startswith("是否存在问题？如何")


def _l005(line):
    return [f.message for f in check(from_lines("x.txt", [TITLE, line, *MEASURES])) if f.code == "L005"]


def test_two_cells_of_a_table_are_no_repeated_word():
    """主动公开 公开范围 — cells of a page's index row read as one line; a repeat written
    together (公开公开, 推进推进 依法行政) is still one."""
    assert not _l005("主动公开 公开范围")
    assert not _l005("主动公开\t公开范围")
    assert not _l005("主动公開　公開範圍")
    assert _l005("全年主动公开公开政府信息120条。") == ["重复的词“公开公开”"]
    assert _l005("推进推进 依法行政。") == ["重复的词“推进推进”"]
