import pytest

from draftkit.figures import figure_text, number, yoy
from draftkit.report.model import Figure


@pytest.mark.parametrize(
    "cur, prev, expected",
    [
        (6, 10, "同比减少40%"),  # down
        (26, 30, "同比减少13.3%"),  # 13.333… rounds down
        (12, 10, "同比增长20%"),  # up, trailing .0 dropped
        (2, 3, "同比减少33.3%"),
        (3, 2, "同比增长50%"),
        (1, 3, "同比减少66.7%"),  # 66.666… rounds up
        (10, 10, "同比持平"),  # equal
        (5, 0, ""),  # last year zero: no 同比
        (5, None, ""),  # last year missing
        (20001, 20000, "同比增长不足0.1%"),  # 0.005 %
        (10.5, 10, "同比增长5%"),
        (2001, 2000, "同比增长0.1%"),  # 0.05 % rounds half up
    ],
)
def test_yoy(cur, prev, expected):
    assert yoy(cur, prev) == expected


def test_rate_in_percentage_points():
    assert figure_text(Figure(98.6, 97.2, "%")) == "98.6%，同比提高1.4个百分点"
    assert figure_text(Figure(90, 91.5, "%")) == "90%，同比下降1.5个百分点"
    assert figure_text(Figure(100, 100, "%")) == "100%，同比持平"
    assert figure_text(Figure(98.6, None, "%")) == "98.6%"


def test_figure_text_with_unit():
    assert figure_text(Figure(6, 10, "件")) == "6件，同比减少40%"
    # small counts (data/yoy.yaml): a base under 10, or meetings and sessions, take the difference
    assert figure_text(Figure(2, 5, "件"), "败诉案件") == "2件，比上年减少3件"
    assert figure_text(Figure(5, 5, "件")) == "5件，与上年持平"
    assert figure_text(Figure(12, 10, "次"), "全年安排会前学法") == "12次，比上年增加2次"
    assert figure_text(Figure(12, 10, "场次"), "分领域轮训基层执法人员，") == "12场次，同比增长20%"
    assert figure_text(Figure(6, 0, "件")) == "6件"


def test_number_formatting():
    assert number(6) == "6"
    assert number(6.0) == "6"
    assert number(98.50) == "98.5"
    assert number(41260) == "41260"
    assert number(0.1) == "0.1"


def test_unfilled_figure_refuses():
    with pytest.raises(ValueError):
        figure_text(Figure(None, 5, "件"))


# --- where a 同比 may stand (issue 10: 同比 spliced mid-phrase, approximate figures made exact) ---

@pytest.mark.parametrize(
    "before, fig, after, expected",
    [
        ("组织", Figure(19, 17, "个"), "执法部门", "19个"),  # never before the noun it counts
        ("共计近", Figure(7200, 8000, "件"), "次", "7200件"),
        ("共计近", Figure(7200, 8000, "件次"), "，其中", "7200件次"),  # 近: approximate
        ("培养“法律明白人”", Figure(3300, 3000, "余人"), "，", "3300余人"),  # approximate: no exact 同比
        ("培养“法律明白人”", Figure(3465, 3300, "余人"), "，", "3465人"),  # an exact number is said exactly
        ("播发专题", Figure(21, 20, "多期"), "，", "21期"),  # never “21多期”
        ("法律咨询", Figure(3390, 3000, "多人次"), "，", "3390人次"),  # nor “3390多人次”
        ("开展活动", Figure(120, 100, "余场次"), "。", "120余场次"),
        ("由", Figure(356, 299, "项"), "增加到{f2}", "356项"),  # the baseline of a stated change
        ("由356项增加到", Figure(402, 356, "项"), "，", "402项"),  # the change is stated by the numbers
        ("新华社等", Figure(12, 10, "家"), "媒体宣传报道", "12家"),
        ("监督检查部门", Figure(14, 12, "个"), "、伴随监督7次", "14个"),  # 、 does not end a clause
        ("共完成普法活动1万场次，其中村居普法", Figure(2617, 2316, "场次"), "，", "2617场次"),  # part of a total
        ("法律援助案件", Figure(386, 300, ""), "，", "386"),  # no measure word, no 同比
        ("受理法律援助案件", Figure(386, 300, "件"), "，", "386件，同比增长28.7%"),
        ("受理法律援助案件", Figure(386, 300, "件"), "", "386件，同比增长28.7%"),
        ("考试通过率", Figure(99, 98, "%"), "。", "99%，同比提高1个百分点"),
        ("受理案件", Figure(386, 300, "件"), "，同比增长28.7%", "386件"),  # a 同比 already written
    ],
)
def test_figure_in_its_sentence(before, fig, after, expected):
    assert figure_text(fig, before, after) == expected


def test_reading_keeps_a_misplaced_yoy_as_text():
    from draftkit.figures import find_written

    # 近7200件，同比减少10%: the number is read, the 同比 stays as written (no exact 同比 on 近)
    text = "共计近7200件，同比减少10%。"
    found = list(find_written(text))
    assert [(text[f.start:f.end], f.figure.previous) for f in found] == [("7200件", None)]
    # 8000件次 is one measure word: nothing of it is left behind to follow a 同比
    found = list(find_written("提供法律服务共计近8000件次，其中"))
    assert [f.figure.unit for f in found] == ["件次"]
