"""Heading parts by the realset labelling guidelines (../shared/realset/README.md,
"Labelling"), one case a test, on skeletons we wrote ourselves (no realset text): the
leaders' words wherever they stand, wrappers, the leading part by meaning, synonyms real
reports use for the same heading, the same heading under another parent, with and without
a paragraph under it (rules: data/parts.yaml)."""

from __future__ import annotations

import pytest

from draftkit.reading.document import from_lines

HEAD = "青岚县人民政府关于2024年度法治政府建设情况的报告\n2024年，全县扎实推进法治政府建设。现将有关情况报告如下。\n"
BODY = "全年召开专题会议4次，印发工作方案2份。\n"  # a paragraph that names no part


def _heads(text: str) -> list[tuple[str, str]]:
    doc = from_lines("a.txt", text.splitlines()).doc
    return [(p.heading or p.text, p.part) for p in doc.paras if p.kind in ("h1", "h2")]


def _parts(text: str) -> list[str]:
    return [part for _, part in _heads(text)]


# The guidelines' leadership words, each in a heading of our own.
LEADERS = [
    "加强党对法治政府建设的领导", "加强党委对法治政府建设的领导", "强化党组对法治建设的领导",
    "坚持党的全面领导", "坚持党委领导，统筹推进法治建设", "加强组织领导，强化责任落实", "加强领导，压实责任",
    "健全法治政府建设领导体制", "完善领导机制，凝聚工作合力", "切实履行推进法治建设第一责任人职责",
    "落实主要负责人推进法治建设职责", "压实法治建设主体责任", "抓住领导干部这个“关键少数”",
    "强化政治引领，把牢正确方向", "统筹推进法治政府建设", "统筹谋划法治建设各项工作",
]


@pytest.mark.parametrize("words", LEADERS)
def test_leaders_words_as_the_first_part(words):
    text = HEAD + f"一、{words}\n{BODY}二、深化“放管服”改革\n{BODY}"
    assert _parts(text) == ["leadership", "measures"]


@pytest.mark.parametrize("words", LEADERS)
def test_leaders_words_as_a_section_of_the_measures_first_or_later(words):
    first = HEAD + f"一、主要举措和成效\n（一）{words}\n{BODY}（二）推进严格规范公正文明执法\n{BODY}"
    assert _parts(first) == ["measures", "leadership", "measures"]
    later = HEAD + f"一、主要举措和成效\n（一）深化“放管服”改革\n{BODY}（二）推进严格规范公正文明执法\n{BODY}（三）{words}\n{BODY}"
    # steering opens the leading part and does not carry it on (data/parts.yaml): later, a measure
    assert _parts(later) == ["measures", "measures", "measures", "measures" if words.startswith("统筹") else "leadership"]


@pytest.mark.parametrize("study", [
    "深入学习贯彻习近平法治思想", "学习宣传贯彻党的二十大精神", "深入学习贯彻党的二十届三中全会精神",
    "认真贯彻落实党的十九大精神", "深入贯彻习近平新时代中国特色社会主义思想",
    "全面贯彻落实中央全面依法治国工作会议精神", "强化理论武装，筑牢思想根基",
])
def test_the_leaders_study_leads_as_a_part_or_as_the_first_section(study):
    as_part = HEAD + f"一、{study}\n{BODY}二、深化“放管服”改革\n{BODY}"
    assert _parts(as_part) == ["leadership", "measures"]
    as_section = HEAD + f"一、2024年推进法治政府建设的主要举措和成效\n（一）{study}\n{BODY}（二）深化“放管服”改革\n{BODY}"
    assert _parts(as_section) == ["measures", "leadership", "measures"]


@pytest.mark.parametrize("wrapper", [
    "主要举措和成效", "2024年工作情况", "工作完成情况", "依法行政工作的完成情况", "基本情况", "总体情况",
    "2024年法治政府建设情况", "2024年度法治政府建设工作回顾", "法治政府建设任务落实情况",
])
def test_wrappers_are_measures_and_their_first_section_leads(wrapper):
    text = HEAD + f"一、{wrapper}\n（一）加强组织领导，落实工作责任\n{BODY}（二）加快推进政府职能转变\n{BODY}"
    assert _parts(text) == ["measures", "leadership", "measures"]


@pytest.mark.parametrize("first, second", [
    ("强化理论武装，筑牢思想根基", "强化组织领导，压实主体责任"),
    ("深入学习贯彻党的二十大精神", "深入学习贯彻习近平法治思想"),
    ("切实履行推进法治建设第一责任人职责", "坚持理论学习，把准工作方向"),
    ("健全完善推进机制，统筹谋划法治建设全局", "强化政治引领，夯实法治建设根基"),
])
def test_leading_part_over_two_top_level_headings(first, second):
    """The leading part written as two parts of their own: both lead, what follows is measures."""
    text = HEAD + f"一、{first}\n{BODY}二、{second}\n{BODY}三、依法全面履行政府职能\n{BODY}"
    assert _parts(text) == ["leadership", "leadership", "measures"]


def test_a_measure_after_the_leading_part_is_a_measure_though_it_names_the_study():
    text = (HEAD + "一、加强党的领导\n" + BODY + "二、坚持以习近平法治思想为指导，依法全面履行政府职能\n" + BODY
            + "三、深化行政执法体制改革\n" + BODY)
    assert _parts(text) == ["leadership", "measures", "measures"]


def test_a_later_part_of_its_own_keeps_the_study_section_a_measure():
    text = (HEAD + "一、主要举措和成效\n（一）深入学习贯彻习近平法治思想\n" + BODY + "（二）深化“放管服”改革\n"
            "二、存在的不足和原因\n三、党政主要负责人履行推进法治建设第一责任人职责情况\n")
    assert _parts(text) == ["measures", "measures", "measures", "shortcomings", "leadership"]


@pytest.mark.parametrize("heading", [
    "深入学习践行习近平法治思想，全力谋划推进法治政府建设", "科学谋划，力促法治政府建设走在前列",
    "统筹谋划依法行政，全面推进法治政府建设",
])
def test_steering_is_no_plan(heading):
    """谋划推进, 科学谋划: how the work was steered, not the next year's plan."""
    assert _parts(HEAD + f"一、{heading}\n{BODY}二、2025年工作谋划\n{BODY}")[1] == "plan"
    assert _parts(HEAD + f"一、{heading}\n{BODY}二、2025年工作谋划\n{BODY}")[0] != "plan"


@pytest.mark.parametrize("section, part", [
    ("推进机制更加健全", "leadership"), ("持续统筹加强法治政府建设", "leadership"), ("健全工作机制", "leadership"),
    ("深入学习贯彻习近平法治思想", "leadership"), ("提升依法决策质量", "measures"),
    ("积极开展“宪法宣传周”活动", "measures"), ("规划中期评估顺利完成", "measures"),
])
def test_sections_under_a_leadership_part(section, part):
    """Study, steering, mechanisms and duties stay with the leaders; a plain measure does not."""
    text = HEAD + f"一、坚持党的领导，统筹推进法治政府建设\n（一）落实第一责任人职责\n{BODY}（二）{section}\n{BODY}"
    assert _parts(text) == ["leadership", "leadership", part]


@pytest.mark.parametrize("section", ["常态化推进法治学习教育", "组织开展法治宣传教育", "加强学法用法",
                                     "进一步完善法治政府建设顶层设计", "夯实法治政府建设基础", "加强制度建设",
                                     "依法全面履行政府职能"])
def test_study_of_all_staff_and_foundations_are_measures(section):
    text = HEAD + f"一、主要举措和成效\n（一）{section}\n组织全体干部职工参加学法考试，参考率100%。\n（二）深化“放管服”改革\n"
    assert _parts(text) == ["measures", "measures", "measures"]


@pytest.mark.parametrize("with_body", [True, False])
def test_the_same_headings_with_and_without_a_paragraph(with_body):
    body = BODY if with_body else ""
    text = (HEAD + f"一、推进法治政府建设的主要举措和成效\n（一）加强组织领导\n{body}（二）深入学习贯彻习近平法治思想\n{body}"
            f"（三）深化“放管服”改革\n{body}（四）落实主体责任\n{body}")
    assert _parts(text) == ["measures", "leadership", "leadership", "measures", "leadership"]


def test_safety_duties_of_firms_are_no_leaders_duties():
    """主体责任 of firms (安全生产) is a measure of an 应急管理局, not the leaders' duty."""
    text = HEAD + "一、主要举措和成效\n（一）深化“放管服”改革\n" + BODY + "（二）压实企业安全生产主体责任\n" + BODY
    assert _parts(text) == ["measures", "measures", "measures"]


@pytest.mark.parametrize("heading", ["全面正确履职，提升政府效能", "认真履行安全生产监管责任", "依法全面履行政府职能"])
def test_duties_of_the_government_or_a_trade_are_measures(heading):
    """履职, 履行…责任 of the government or of a trade (not the leaders' own duties) are measures,
    also right after the leading sections."""
    text = HEAD + f"一、主要举措和成效\n（一）加强组织领导\n{BODY}（二）{heading}\n{BODY}二、{heading}\n{BODY}"
    assert _parts(text) == ["measures", "leadership", "measures", "measures"]


@pytest.mark.parametrize("heading", ["补齐基层法治短板，提升依法治理水平", "补强执法薄弱环节", "创新监管思路，提升执法效能"])
def test_a_measure_that_mends_a_weakness_or_renews_an_approach_is_no_shortcoming_or_plan(heading):
    text = HEAD + f"一、加强党的领导\n{BODY}二、{heading}\n{BODY}三、存在的不足\n四、2025年工作思路\n"
    assert _parts(text) == ["leadership", "measures", "shortcomings", "plan"]


@pytest.mark.parametrize("heading, part", [("工作思路和举措", "plan"), ("履职情况", "leadership")])
def test_plain_plan_and_duty_headings_of_a_full_report(heading, part):
    text = HEAD + f"一、主要举措和成效\n（一）深化“放管服”改革\n{BODY}二、存在的不足\n{BODY}三、{heading}\n{BODY}"
    assert _parts(text)[-1] == part


def test_a_part_framed_by_the_guiding_thought_after_the_leading_part_is_a_measure():
    text = HEAD + f"一、加强党的领导\n{BODY}二、坚持以习近平法治思想为引领，全面推进依法行政\n{BODY}"
    assert _parts(text) == ["leadership", "measures"]


@pytest.mark.parametrize("section", ["统筹推进法治社会建设", "统筹推进法治政府建设示范创建"])
def test_steering_a_named_piece_of_work_is_a_measure(section):
    text = HEAD + f"一、主要举措和成效\n（一）深化“放管服”改革\n{BODY}（二）{section}\n{BODY}"
    assert _parts(text) == ["measures", "measures", "measures"]
