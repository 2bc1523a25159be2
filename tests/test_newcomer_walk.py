"""What a newcomer hit in ``draftkit new`` (issue 18), each driven through questionary's
real prompts with pipe input (test_interactive's Script)."""

import io
import re
import zipfile

from conftest import ROOT, paced_input, render_bytes, write
from prompt_toolkit.output.plain_text import PlainTextOutput
from test_interactive import BANK_DIR, ENTER, SPACE, TAB, TODAY, Script

from draftkit.bank.phrasebank import Bank
from draftkit.drafting.flow import Flow
from draftkit.drafting.picker import BankCompleter
from draftkit.drafting.prompter import Prompter

CLEAR = "\x15"
ENFORCEMENT = "规范行政执法行为，提升执法质量和效能"


def flow_for(tmp_path, script, parts=None, bank_dir=BANK_DIR) -> tuple[Flow, list[str]]:
    out: list[str] = []
    data = {"issuer": {"name": "青岚县人民政府", "level": "县区", "place": "青岚县"}, "year": 2025,
            "parts": parts or {}, "progress": {"visited": list(parts or {}), "skipped": []}}
    return Flow(tmp_path / "answers.yaml", Bank.load(bank_dir), script.prompter, today=TODAY, data=data,
                echo=out.append), out


def measures(*items) -> dict:
    return {"measures": {"items": [], "sections": [{"heading": ENFORCEMENT, "style": "enumerate", "items": list(items)}]}}


def test_back_in_ones_own_sentence_goes_one_question_back(tmp_path):
    s = Script(
        "受理法律援助案件386件，调解纠纷120" + ENTER,
        ENTER,  # which section: the first
        "<" + ENTER,  # at 386's last year's value: back to the section …
        "<" + ENTER,  # … and back to the sentence, as it was typed
        "，全部办结" + ENTER,  # typed on at its end
        ENTER,
        "300" + ENTER,  # 386's last year's value
        "<" + ENTER,  # at 120's unit: back to 386's last year's value, 300 prefilled
        ENTER,
        "1410" + ENTER + CLEAR + "件" + ENTER,  # a number is no unit
        ENTER,  # 120: no last year's value
    )
    flow, out = flow_for(tmp_path, s, measures({"text": "组织执法人员培训"}))
    part = flow.data["parts"]["measures"]
    flow.write_own(part)
    assert s.queue == []
    assert part["sections"][0]["items"][-1] == {
        "text": "受理法律援助案件{f1}，调解纠纷{f2}，全部办结",
        "values": {"f1": {"current": 386, "unit": "件", "previous": 300}, "f2": {"current": 120, "unit": "件"}}}
    assert [m for _, m in s.asked].count("写一句（不用写“一是”，程序会编号）：") == 2
    # “<” at the sentence itself: back to the part's menu, nothing added
    s2 = Script("<" + ENTER)
    flow.ui = s2.prompter
    flow.write_own(part)
    assert len(part["sections"][0]["items"]) == 2 and not part["items"]


def test_back_while_filling_blanks_goes_to_the_blank_before(tmp_path):
    item = {"text": "全年办理人大代表建议{n2}件、政协提案{n3}件，办复率{pct}", "values": {"n2": None, "n3": None, "pct": None}}
    s = Script(
        ENTER,  # 完成本部分
        "<" + ENTER,  # at the first blank: back to the part's choices …
        ENTER,  # … 完成本部分 again
        "12" + ENTER, ENTER,  # 建议 12件 (its unit is in the sentence: not asked), no last year's
        "<" + ENTER,  # at 提案: back to 建议, its 12 prefilled
        ENTER, "10" + ENTER,  # kept; last year 10
        "30" + ENTER, ENTER,
        "28%" + ENTER,  # a rate typed with its %
    )
    flow, out = flow_for(tmp_path, s, measures(item))
    flow.ask_part("measures")
    assert s.queue == []
    assert item["values"] == {"n2": {"current": 12, "unit": "件", "previous": 10}, "n3": {"current": 30, "unit": "件"},
                              "pct": {"current": 28, "unit": "%"}}
    asked = [m for _, m in s.asked]
    assert asked.count("主要举措和成效（1 项）：") == 2
    assert asked[1] == asked[3] == asked[6] == "  数字1 2025年的数值（件）：" and asked[5] == "  数字2 2025年的数值（件）："
    shown = "\n".join(out + asked)
    assert "  填写：全年办理人大代表建议【数字1】件、政协提案＿＿件，办复率＿＿" in shown
    assert "1. 全年办理人大代表建议【数字1】件、政协提案【数字2】件，办复率【百分比】" in shown
    assert not re.search(r"\{[a-z]\w*\}", shown), shown  # no {n2} {pct} anywhere a user looks


def test_a_count_with_its_measure_word_in_the_sentence_keeps_its_yoy(tmp_path):
    item = {"text": "全年{全域}共化解矛盾纠纷{n}件，涉及金额{n2}亿元", "values": {"n": None, "n2": None}}
    s = Script("1523" + ENTER, "1410" + ENTER, "0.86" + ENTER, "0.5" + ENTER)
    flow, out = flow_for(tmp_path, s, bank_dir=ROOT / "phrasebank")
    flow.fill_blanks([item])
    assert s.queue == [] and not any("单位" in m for _, m in s.asked)  # 件 and 亿元 are in the sentence
    assert item["values"] == {"n": {"current": 1523, "unit": "件", "previous": 1410},
                              "n2": {"current": 0.86, "unit": "亿元", "previous": 0.5}}
    said = "全年全县共化解矛盾纠纷1523件，同比增长8%，涉及金额0.86亿元，比上年增加0.36亿元"
    assert flow.item_preview(item) == said
    import yaml
    data = write(tmp_path, "issuer: {name: 青岚县人民政府, level: 县区}\nyear: 2025\ndate: 2026-02-10\nparts:\n"
                 "  measures: {items: [" + yaml.safe_dump(item, allow_unicode=True, default_flow_style=True).strip() + "]}\n"
                 "  shortcomings: {items: [执法培训不够，主要原因是经费不足]}\n  leadership: {items: [县长带头学法]}\n"
                 "  plan: {items: [加强执法培训]}\n")
    xml = zipfile.ZipFile(io.BytesIO(render_bytes(data))).read("word/document.xml").decode("utf-8")
    assert said in "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml))


def test_picking_by_topic_offers_what_is_not_yet_in_the_draft_under_its_heading(tmp_path):
    drafted = [{"phrase": "p-f000000002", "values": {"pct": None}}, {"phrase": "p-f000000004"}]
    s = Script(SPACE + ENTER, (TAB, ENTER), ENTER)  # 行政执法; the first offered, as listed before a key
    flow, out = flow_for(tmp_path, s, measures(*drafted))
    part = flow.data["parts"]["measures"]
    flow.add_from_bank("measures", part)
    assert s.queue == []
    assert part["items"] == [] and part["sections"][0]["items"] == drafted + [{"phrase": "p-f000000014"}]


class _Screen(io.StringIO):
    encoding = "utf-8"


def test_the_picker_lists_before_a_key_and_says_when_nothing_matches():
    bank = Bank.load(BANK_DIR)
    entries = [e for e in bank.entries() if e.part == "measures"]
    completer = BankCompleter(entries, 2025, builtins={"全域": "全县"})
    screen = _Screen()
    # the next key once the prompt has listed the empty line's sentences, then once it has looked for the word
    settled = {1: lambda: completer._turn >= 1, 2: lambda: completer.query == "无此词" and completer.done}
    with paced_input(["\x1b[C", "无此词", CLEAR + ENTER], lambda k: settled[k]()) as inp:
        answer = Prompter(input=inp, output=PlainTextOutput(screen)).pick("选一句", completer)
    shown = screen.getvalue()
    assert answer == ""
    top = next(t for t in completer._texts if "全县" in t)  # the first listed with the report's own word for {全域}
    first = shown.find(top[:12])
    assert 0 <= first < shown.find("无此词") and "{全域}" not in shown
    assert "本主题 6 句" in shown and "没有含“无此词”的句子" in shown


def test_ctrl_c_keeps_a_half_typed_sentence_for_resume(tmp_path):
    import yaml
    from test_interactive import BASICS, CTRL_C, go, menu

    rc, out = go(tmp_path, Script(*BASICS, menu("自己写一句"), "全面推行行政执法" + CTRL_C))
    assert rc == 130 and "正在输入的“全面推行行政执法”也已保存" in out
    a = yaml.safe_load((tmp_path / "answers.yaml").read_text(encoding="utf-8"))
    assert a["progress"]["typing"] == {"写一句（不用写“一是”，程序会编号）：": "全面推行行政执法"}
    # resumed: the same question has it in its line, to type on
    rc, out = go(tmp_path, Script(menu("自己写一句"), "三项制度" + ENTER, ENTER, CTRL_C), resume=True)
    a = yaml.safe_load((tmp_path / "answers.yaml").read_text(encoding="utf-8"))
    assert {"text": "全面推行行政执法三项制度"} in a["parts"]["measures"]["sections"][0]["items"]
    assert "typing" not in a["progress"]


def test_resume_keeps_the_clerks_comments(tmp_path):
    import yaml
    from test_interactive import BASICS, CTRL_C, LEADERSHIP, MEASURES, go, menu

    go(tmp_path, Script(*BASICS, CTRL_C))  # the basics answered, stopped at the measures
    path = tmp_path / "answers.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("year: 2025\n", "year: 2025  # 报2025年度，3月底前报送\n")
    text = text.replace("  leader: 县长\n", "  # 县长新到任，下面按县长写\n  leader: 县长\n")
    path.write_text("# 王科长：初稿，周五前交司法局\n" + text, encoding="utf-8")
    rc, out = go(tmp_path, Script(*MEASURES, CTRL_C), resume=True)  # measures filled, then stopped again
    kept = path.read_text(encoding="utf-8")
    assert kept.startswith("# 王科长：初稿，周五前交司法局\n")
    assert "year: 2025  # 报2025年度，3月底前报送\n" in kept and "  # 县长新到任，下面按县长写\n  leader: 县长\n" in kept
    # a comment on a sentence stays with the sentence, through more answers
    a = yaml.safe_load(kept)
    assert a["progress"]["step"] == "part:shortcomings" and a["parts"]["measures"]["sections"]
    assert "      - phrase: p-f000000002\n" in kept  # the 执法 section's rate, from the bank
    kept = kept.replace("      - phrase: p-f000000002\n", "      - phrase: p-f000000002  # 数字已与法制科核对\n")
    assert "# 数字已与法制科核对" in kept
    path.write_text(kept, encoding="utf-8")
    rc, out = go(tmp_path, Script(ENTER, *LEADERSHIP, ENTER, ENTER), resume=True)
    assert rc == 0 and "已生成：" in out
    final = path.read_text(encoding="utf-8")
    for comment in ("# 王科长：初稿，周五前交司法局", "# 报2025年度，3月底前报送", "# 县长新到任，下面按县长写",
                    "- phrase: p-f000000002  # 数字已与法制科核对"):
        assert comment in final, comment
    assert yaml.safe_load(final)["progress"]["step"] == "done"


def test_keeping_comments_reads_no_tag_as_an_object(tmp_path):
    from draftkit.report.datafile import dump_keeping

    marker = tmp_path / "ran"
    old = f"# 注释\nyear: !!python/object/apply:os.system ['touch {marker}']  # 年度\nissuer: {{name: 县}}\n"
    out = dump_keeping(old, {"issuer": {"name": "县"}, "year": 2025})
    assert not marker.exists() and "!!python" not in out
    assert out.startswith("# 注释\n") and re.search(r"^year: 2025 +# 年度$", out, re.M), out
