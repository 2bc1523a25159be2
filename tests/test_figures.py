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
