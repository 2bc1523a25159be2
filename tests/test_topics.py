"""Topic labels (mining/labels.py, data/topics.yaml) on units we wrote for these tests."""

from __future__ import annotations

from draftkit.mining.extract import Slotter
from draftkit.mining.labels import topic_of, unit_topic
from draftkit.mining.mine import labelled_units, mine
from draftkit.mining.normalise import clean

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
