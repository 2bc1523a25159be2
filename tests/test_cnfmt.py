import datetime as dt

from draftkit.cnfmt import cn_number, date_cn, enumerate_items


def test_cn_number():
    assert [cn_number(n) for n in (1, 9, 10, 11, 20, 21, 99)] == ["一", "九", "十", "十一", "二十", "二十一", "九十九"]


def test_date_cn_no_padding():
    assert date_cn(dt.date(2026, 1, 5)) == "2026年1月5日"


def test_enumerate_sentences_and_phrases():
    assert enumerate_items(["加强学习。", "规范执法"]) == "一是加强学习。二是规范执法。"
    assert enumerate_items(["加强学习", "规范执法", "强化监督"]) == "一是加强学习；二是规范执法；三是强化监督。"
    assert enumerate_items(["只有一项"]) == "只有一项。"
    assert enumerate_items([]) == ""
