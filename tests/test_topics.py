"""Topic labels (mining/labels.py, data/topics.yaml) on units we wrote for these tests."""

from __future__ import annotations

from draftkit.mining.extract import Slotter
from draftkit.mining.labels import topic_of, unit_topic
from draftkit.mining.mine import labelled_units, mine
from draftkit.reading.normalise import clean

HEAD = ["平川市人民政府关于2025年度法治政府建设情况的报告", "一、2025年推进法治政府建设的主要举措和成效"]


def _report(path, *sentences):
    path.write_text("\n".join(HEAD + list(sentences)) + "\n", encoding="utf-8")
    return path


def test_a_title_keeps_its_signal_after_slotting(tmp_path):
    raw = "研究制定并印发施行《平川市行政复议工作规定》"
    text, kinds, _ = Slotter(2025, "平川市")(raw)
    assert text == "研究制定并印发施行{title}" and topic_of(text) == "general"  # the slot alone says nothing
    assert unit_topic(raw, text, kinds) == "disputes"
    a = _report(tmp_path / "a.txt", raw + "。", "认真贯彻《党政主要负责人履行推进法治建设第一责任人职责规定》，层层压实责任。")
    units = {u.text: u.topic for u in labelled_units(a)}
    assert units["研究制定并印发施行{title}"] == "disputes"
    assert units["认真贯彻{title}，层层压实责任"] == "organisation"


def test_a_merged_entry_takes_the_topic_most_of_its_titles_give(tmp_path):
    _report(tmp_path / "a.txt", "研究制定并印发施行《平川市行政复议工作规定》。")
    _report(tmp_path / "b.txt", "研究制定并印发施行《云溪市行政复议听证办法》。")
    _report(tmp_path / "c.txt", "研究制定并印发施行《江北县行政规范性文件管理办法》。")
    found = [p for p in mine([tmp_path]).phrases if p.text == "研究制定并印发施行{title}"]
    assert len(found) == 1 and found[0].docs == 3 and found[0].topic == "disputes"
    (tmp_path / "a.txt").unlink()
    (tmp_path / "b.txt").unlink()
    found = [p for p in mine([tmp_path]).phrases if p.text == "研究制定并印发施行{title}"]
    assert found[0].topic == "rules"


def _topic(sentence: str) -> str:
    """A sentence read as the miner reads it: cleaned (Traditional → Simplified), slotted."""
    lines, _ = clean(sentence)
    text, kinds, _ = Slotter(None, "")(lines[0])
    return unit_topic(lines[0], text, kinds)


# Sentences of our own with vocabulary that reports at every level use, and the same in
# Traditional script (the miner reads them after OpenCC t2s and data/wording.yaml).
COMMON = [
    ("对首次轻微违法的经营主体推行包容审慎监管", "enforcement"),
    ("在市场监管领域落实首违不罚清单制度", "enforcement"),
    ("“双随机、一公开”抽查覆盖全部执法部门", "enforcement"),
    ("食品安全抽检合格率保持在98%以上", "enforcement"),
    ("镇政府出台文件前全部经司法所合法性审核", "rules"),
    ("对报送的规范性文件开展备案审查，纠正违法文件2件", "rules"),
    ("公布年度重大行政决策目录，逐项明确承办单位", "decisions"),
    ("县政府常务会议审议的重大事项事先全部经过合法性审查", "decisions"),
    ("推进诉源治理，万人成讼率持续下降", "disputes"),
    ("创建“枫桥式”司法所3个", "disputes"),
    ("建立府院联动机制，定期会商行政争议", "disputes"),
    ("企业开办实现“一网通办”，全程半天办结", "functions"),
    ("政务服务“好差评”实现线上线下全覆盖", "functions"),
    ("12345热线受理群众诉求全部按期办结", "functions"),
    ("开展法治督察，督促整改问题15个", "organisation"),
    ("各乡镇党委书记年终述法实现全覆盖", "organisation"),
    ("新增省级民主法治示范村4个", "organisation"),
    ("修订城市内涝应急预案，组织防汛演练", "emergency"),
    ("进入森林防火期后严格管控野外用火", "emergency"),
    ("开展安全生产大检查，整改隐患点240处", "emergency"),
    ("推行电子印章，实现跨部门数据共享", "digital"),
    ("现将我县2025年度法治政府建设情况报告如下", "general"),  # the formula names no area
    ("推行政務服務「好差評」制度，差評整改率100%", "functions"),
    ("推行包容審慎監管，對輕微違法行為依法不予處罰", "enforcement"),
    ("建立府院聯動機制，推動行政爭議實質性化解", "disputes"),
    ("開展森林防火應急演練，參演幹部群眾300餘人", "emergency"),
    ("推進資訊共享，打通部門間數據壁壘", "digital"),
    ("年終開展黨政主要負責人述法", "organisation"),
    ("區人大常委會對本區行政執法工作開展專題詢問", "oversight"),
    ("組織領導幹部旁聽行政訴訟庭審", "thought"),
]


def test_common_vocabulary_in_both_scripts():
    wrong = [(s, want, _topic(s)) for s, want in COMMON if _topic(s) != want]
    assert not wrong



def test_a_keyword_naming_the_issuers_level_counts_once_slotted():
    text, _, _ = Slotter(2025, "青岚县")("县委全面依法治县委员会召开全体会议2次")
    assert text == "{本级党委}全面依法治{本级}委员会召开全体会议{n}次"
    assert topic_of(text) == "organisation"


def test_the_topic_model_is_plain_data_and_defers_to_a_clear_keyword_lead():
    """mining/topicmodel.py: counts trained from labelled words, written and read back as
    JSON; the keyword rule decides where it leads by more than the margin, the model where
    it finds nothing."""
    import json

    from draftkit.mining.topicmodel import build, decide, rule, train

    keys = ["enforcement", "disputes", "general"]
    raw = train([(("执法", "检查"), "enforcement"), (("调解", "纠纷"), "disputes"), (("调解", "人民"), "disputes"),
                 (("总体", "成效"), "general")], keys, alpha=0.5)
    model = build(json.loads(json.dumps(raw, ensure_ascii=False)), gamma=1.0, margin=0)
    none = {"enforcement": 0, "disputes": 0}
    assert rule(none, list(none)) == ("general", 0.0)
    assert decide(model, ("纠纷", "人民"), none) == "disputes"  # no keyword: the model
    assert decide(model, ("总体", "成效"), none) == "general"
    assert decide(model, ("纠纷", "调解"), {"enforcement": 4, "disputes": 0}) == "enforcement"  # a clear lead: the rule
    assert decide(model, ("陌生",), none) == "general"  # nothing known, no keyword
    assert decide(None, ("纠纷",), {"enforcement": 2, "disputes": 2}) == "enforcement"  # a tie: the earlier topic


PLAIN = "坚持问题导向，持续用力抓好落实，取得明显成效。"  # names no area


def test_a_sentence_that_names_no_area_takes_its_headings(tmp_path):
    """The heading's area where the sentence names none; a general heading (主要举措和成效)
    gives none; a sentence that clearly says another area keeps it; a （一） that names no
    area hands on to the 一、 above it only within the configured depth."""
    a = _report(tmp_path / "a.txt", PLAIN, "（一）坚持严格规范公正文明执法", PLAIN, "召开行政复议委员会会议研究疑难案件。",
                "（二）深入推进政务服务改革", "1.加强统筹", PLAIN)
    got = [(u.headings[:1], u.topic) for u in labelled_units(a) if u.kind != "heading"]
    assert got[0] == (("2025年推进法治政府建设的主要举措和成效",), "general")
    assert got[1] == (("坚持严格规范公正文明执法",), "enforcement")
    assert got[2] == (("坚持严格规范公正文明执法",), "disputes")
    assert got[3][0] == ("加强统筹",) and got[3][1] == "general"  # depth 1: the 1. names no area
    assert topic_of(PLAIN.rstrip("。"), ("加强统筹", "深入推进政务服务改革")) == "general"
    assert topic_of(PLAIN.rstrip("。"), ("深入推进政务服务改革",)) == "functions"


def test_a_merged_entry_takes_the_topic_most_of_its_headings_give(tmp_path):
    for name, heading in (("a", "（一）坚持严格规范公正文明执法"), ("b", "（一）推进行政执法规范化"),
                          ("c", "（一）加强行政复议和应诉工作")):
        _report(tmp_path / f"{name}.txt", heading, PLAIN)
    found = [p for p in mine([tmp_path]).phrases if p.text == PLAIN.rstrip("。")]
    assert len(found) == 1 and found[0].docs == 3 and found[0].topic == "enforcement"
    (tmp_path / "a.txt").unlink()
    found = [p for p in mine([tmp_path]).phrases if p.text == PLAIN.rstrip("。")]
    assert found[0].topic == "enforcement"  # a tie: the first seen (b)
