"""Wrong-level sentences a second cold reviewer marked in default drafts (notes/coldread2), as
classes check reads through the issuer model: each with its example and a counter-example
from other names (data/issuers.yaml says_not, data/level_words.yaml)."""

import datetime as dt

from draftkit.reading.document import from_lines
from draftkit.review import check


def _s007(issuer, sentence, year=2025):
    lines = [f"{issuer}关于{year}年度法治政府建设情况的报告", "一、主要举措和成效", sentence, issuer, f"{year + 1}年2月1日"]
    doc = from_lines("x.txt", lines, list(range(1, len(lines) + 1)), year=year, date=dt.date(year + 1, 2, 1), issuer=issuer)
    return [f.message for f in check(doc) if f.code == "S007"]


def test_a_county_tax_bureau_has_no_inspection_bureau():
    sentence = "开展税务稽查，检查纳税人【待填：户数】户，查补税款【待填】万元。"
    assert any("稽查局" in m for m in _s007("国家税务总局石门县税务局", sentence))
    assert _s007("国家税务总局白鹭市税务局", sentence) == []  # a city's 稽查局 is its own
    assert _s007("国家税务总局石门县税务局", "配合市局稽查局查办案件【待填】件。") == []
    # the rule's own exception: helping the city's 稽查局 (the sentence above has no 税务稽查 at all)
    assert _s007("国家税务总局石门县税务局", "协助开展税务稽查【待填】次。") == []


def test_a_bureau_does_not_investigate_accidents_on_its_own():
    sentence = "依法调查处理生产安全事故【待填】起，事故调查报告依法公开。"
    assert any("事故" in m for m in _s007("石门县应急管理局", sentence))
    assert _s007("石门县应急管理局", "受县政府委托组织生产安全事故调查【待填】起。") == []
    # the rule's own exception: investigating as delegated (the sentence above has no 调查处理)
    assert _s007("石门县应急管理局", "受县政府委托调查处理生产安全事故【待填】起。") == []
    assert _s007("石门县人民政府", sentence) == []


def test_the_peoples_congress_inspects_autonomy_regulations():
    sentence = "推动本地自治条例、单行条例的实施，开展实施情况检查【待填】次。"
    assert any("人大常委会" in m for m in _s007("龙河瑶族自治县人民政府", sentence))
    assert _s007("龙河瑶族自治县人民政府", "贯彻实施自治条例和单行条例，配合自治县人大常委会开展执法检查。") == []
