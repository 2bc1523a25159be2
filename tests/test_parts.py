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
