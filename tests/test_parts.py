"""Parts of reports written in ways the corpus does not show (rules: data/parts.yaml)."""

import pytest

from draftkit.reading.normalise import clean
from draftkit.reading.structure import parse


def parts(text: str) -> list[tuple[str, str, str]]:
    lines, chrome = clean(text)
    return [(p.kind, p.heading or p.text, p.part) for p in parse("a.txt", lines, chrome).paras
            if p.kind in ("h1", "h2", "h3")]


def test_heading_split_over_two_lines():
    got = parts("青岚县人民政府关于2024年度法治政府建设情况的报告\n"
                "一、党政主要负责人履行推进法治建设\n第一责任人职责情况\n"
                "县长带头学法4次。\n二、2025年工作打算\n持续推进依法行政。\n")
    assert got == [("h1", "党政主要负责人履行推进法治建设第一责任人职责情况", "leadership"),
                   ("h1", "2025年工作打算", "plan")]


def test_formal_numerals_half_parens_and_one_paren():
    got = parts("青岚縣人民政府關於2024年度法治政府建設情況的報告\n"
                "壹、主要舉措和成效\n一）深化“放管服”改革\n(二)加強組織領導\n貳、存在的問題\n")
    assert got == [("h1", "主要举措和成效", "measures"), ("h2", "深化“放管服”改革", "measures"),
                   ("h2", "加强组织领导", "leadership"), ("h1", "存在的问题", "shortcomings")]


def test_part_numbering_as_top_level():
    got = parts("第一部分　2024年法治政府建设工作情况\n一、全面加强党的领导\n二、严格规范公正文明执法\n"
                "第二部分　存在的不足\n第三部分　2025年工作打算\n")
    assert [g[2] for g in got] == ["measures", "leadership", "measures", "shortcomings", "plan"]


def test_long_heading_and_next_year_measures_are_plan():
    got = parts("青岚县人民政府关于2024年度法治政府建设情况的报告\n"
                "一、深入学习贯彻习近平法治思想，坚持以法治思维和法治方式推动全县经济社会高质量发展，法治政府建设取得新成效\n"
                "二、2025年推进法治政府建设的主要举措\n")
    assert [(g[0], g[2]) for g in got] == [("h1", "measures"), ("h1", "plan")]


@pytest.mark.parametrize("heading, part", [
    ("一、依法全面履行政府职能", "measures"),
    ("一、坚持党的领导，统筹推进法治政府建设", "leadership"),
    ("三、加强法治政府建设组织领导", "leadership"),
    ("四、突出问题专项整治", "measures"),
    ("三、存在的问题及下一步工作打算", "shortcomings"),
    ("四、工作展望", "plan"),
    ("一、2024年工作情况", "measures"),
    ("三、聚焦群众急难愁盼问题，提升政务服务水平", "measures"),  # 问题 here is no shortcoming
    ("二、工作中存在的困难和问题", "shortcomings"),
    ("五、认真办理人大代表建议和政协委员提案", "measures"),  # 建议 here is no plan
    ("四、意见建议", "plan"),
    ("三、强化“关键少数”责任", "leadership"),
])
def test_level_one_headings(heading, part):
    assert parts(f"青岚县人民政府关于2024年度法治政府建设情况的报告\n{heading}\n全年开展工作12次。\n")[0][2] == part


@pytest.mark.parametrize("overview", ["一、总体情况", "一、法治政府建设基本情况", "一、2024年度工作总体情况"])
def test_overview_is_opening_when_a_measures_part_follows_else_the_measures_wrapper(overview):
    head = "青岚县人民政府关于2024年度法治政府建设情况的报告\n"
    got = parts(f"{head}{overview}\n全年开展工作12次。\n二、主要举措和成效\n（一）推进依法决策\n")
    assert [g[2] for g in got] == ["opening", "measures", "measures"]
    got = parts(f"{head}{overview}\n（一）加强组织领导，强化责任落实\n（二）健全决策机制，推动工作落实落细\n"
                "三、存在的不足\n")
    assert [g[2] for g in got] == ["measures", "leadership", "measures", "shortcomings"]


def test_truncated_last_paragraph_with_jiang_is_not_closing():
    lines, chrome = clean("青岚县2024年法治政府建设工作综述\n全县办理复议案件87件。\n"
                          "下阶段，全县将持续深化行政执法体制改革，推动法治政府建设迈上新台")
    last = parse("a.txt", lines, chrome).paras[-1]
    assert last.part != "closing"


def _read(text: str):
    from draftkit.reading.document import from_lines

    return from_lines("a.txt", text.splitlines()).doc


def _heads(text: str) -> list[tuple[str, str]]:
    return [(p.heading or p.text, p.part) for p in _read(text).paras if p.kind in ("h1", "h2")]


HEAD = "青岚县人民政府关于2024年度法治政府建设情况的报告\n2024年，全县扎实推进法治政府建设。现将有关情况报告如下。\n"


def test_leading_part_as_the_first_sections_of_the_measures():
    """No part of its own for the leaders' duties: the first sections of the measures on
    study and leadership are that part (a steering one only as the very first)."""
    text = (HEAD + "一、2024年推进法治政府建设的主要举措和成效\n（一）深入学习贯彻习近平法治思想，筑牢法治思想根基\n"
            "（二）强化组织领导，压实主体责任\n（三）深化“放管服”改革\n（四）健全法治政府建设推进机制\n")
    assert [part for _, part in _heads(text)] == ["measures", "leadership", "leadership", "measures", "measures"]
    doc = _read(text)
    assert [p.heading for p in doc.folded()] == ["深入学习贯彻习近平法治思想，筑牢法治思想根基", "强化组织领导，压实主体责任"]
    assert {p.outer_part for p in doc.folded()} == {"measures"}
    # with a part of its own further on, the study section is one of the measures
    own = text + "二、存在的不足和原因\n三、党政主要负责人履行推进法治建设第一责任人职责情况\n"
    assert [part for _, part in _heads(own)] == ["measures", "measures", "leadership", "measures", "measures",
                                                 "shortcomings", "leadership"]


@pytest.mark.parametrize("h1, h2s, parts", [
    ("一、深入学习宣传贯彻习近平法治思想", ["（一）坚持以上率下", "（二）积极开展“宪法宣传周”活动"],
     ["leadership", "leadership", "measures"]),
    ("一、党对法治政府建设的领导全面加强", ["（一）深入学习贯彻党的二十大精神"], ["leadership", "leadership"]),
    ("一、以务求实效为目标，法治政府建设再上新台阶", ["（一）严格履行第一职责", "（二）全面提升法治思维"],
     ["leadership", "leadership", "leadership"]),
    ("一、统筹谋划依法行政，全面推进法治政府建设", ["（一）全面实施依法行政条例", "（二）部署全年依法行政工作"],
     ["measures", "measures", "measures"]),
    ("一、精心组织，统筹安排，全力推进法治政府建设", ["（一）强化部署推进"], ["leadership", "leadership"]),
    ("一、精心组织，统筹安排，全力推进法治政府建设", [], ["leadership"]),
])
def test_first_part_by_its_words_and_its_first_section(h1, h2s, parts):
    text = HEAD + "\n".join([h1, *h2s]) + "\n二、依法全面履行政府职能\n（一）深化“放管服”改革\n"
    assert [part for _, part in _heads(text)] == parts + ["measures", "measures"]


def test_damaged_copies_read():
    marker = "?" + "　（一）深入學習貫徹黨的二十大精神".encode("gbk")[1:].decode("gbk")  # read one byte off
    lossy = "?" + "　（三）積極開展憲法宣傳周活動".encode("gbk")[1:].decode("gbk", errors="ignore")
    text = ("??一、深入學習貫徹黨的二十大精神,統(tǒng)籌推進法治政府建設(shè)\n" + marker + "。全年學法12次。\n"
            + lossy + "。\n二、堅持提質增效,不斷完善法規制度\n")
    assert _heads(text) == [("深入学习贯彻党的二十大精神，统筹推进法治政府建设", "leadership"),
                            ("深入学习贯彻党的二十大精神", "leadership"),
                            ("积极开展宪法宣传周活动", "measures"), ("坚持提质增效，不断完善法规制度", "measures")]
    run_in = (HEAD.replace("\n", "") + "一.深入学习贯彻习近平法治思想,切实履行推进法治政府建设工作职责"
              "(一)持续深入学习宣传贯彻习近平法治思想市委持续发挥示范引领作用\n")
    assert [part for _, part in _heads(run_in)] == ["leadership", "leadership"]
    assert _heads(HEAD + "一、上一年度推进法治政府建设的主要举措和成效;\n1、强化法治学习\n") == \
        [("上一年度推进法治政府建设的主要举措和成效", "measures")]


def test_leaders_part_by_the_text_under_a_heading_and_study_of_all_staff_is_a_measure():
    text = (HEAD + "一、主要举措和成效\n（一）高位推动\n局党组书记亲自部署，主要负责同志带头学法，党组理论学习中心组专题学习4次。\n"
            "（二）常态化推进法治学习教育\n组织全局干部职工参加网上学法考试，参考率100%。\n"
            "（三）规范行政执法\n局党组研究执法案卷评查，主要负责同志带头旁听庭审。\n")
    assert [part for _, part in _heads(text)] == ["measures", "leadership", "measures", "measures"]
    # a first part on a plain measure keeps the leaders' study under it a measure
    text = HEAD + "一、全力做好疫情防控法治保障\n（一）深入学习贯彻习近平总书记重要讲话精神\n二、依法全面履行政府职能\n"
    assert [part for _, part in _heads(text)] == ["measures", "measures", "measures"]


def test_foundations_first_are_measures_though_the_text_opens_on_the_leaders():
    """The set's labelling guide: a section on foundations or institutions that opens with a
    第一责任人 item is one of the measures."""
    text = (HEAD + "一、主要举措和成效\n（一）夯实法治政府建设基础\n区委、区政府主要负责同志履行第一责任人职责，带头学法。\n"
            "（二）加强制度建设\n局党组主要负责人带头落实第一责任人职责。\n")
    assert [part for _, part in _heads(text)] == ["measures", "measures", "measures"]


@pytest.mark.parametrize("line", ["一,、加强组织领导,,落实主体责任", "一，、加强组织领导，落实主体责任"])
def test_broken_level_one_marker(line):
    assert _heads(HEAD + line + "\n（一）健全领导体制\n") == [("加强组织领导，，落实主体责任" if ",," in line else
                                                           "加强组织领导，落实主体责任", "leadership"),
                                                          ("健全领导体制", "leadership")]
