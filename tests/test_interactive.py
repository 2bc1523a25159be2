"""Drive the whole interactive flow through questionary's real prompts, one pipe input a
question (prompt_toolkit's create_pipe_input with DummyOutput)."""

import datetime as dt
import os
import shutil
import subprocess
import sys
import time

import docx
import pytest
import yaml
from conftest import FIXTURES, paced_input
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from draftkit.bank.phrasebank import Bank
from draftkit.drafting.defaults import default_date, default_opening, default_year
from draftkit.drafting.flow import run
from draftkit.drafting.picker import BankCompleter
from draftkit.drafting.prompter import Prompter

ENTER, DOWN, UP, SPACE, TAB, CTRL_C, CLEAR = "\r", "\x1b[B", "\x1b[A", " ", "\t", "\x03", "\x15"
BANK_DIR = FIXTURES / "flowbank"
TODAY = dt.date(2026, 2, 10)
MENU = ["完成本部分", "按主题从短语库添加", "自己写一句", "修改一项", "删除一项", "调整顺序", "预览本部分", "跳过这一部分", "← 返回上一步"]


def menu(choice: str) -> str:
    return DOWN * MENU.index(choice) + ENTER


class Script:
    """Keystrokes for each question in turn; records what was asked. A question's keys may
    be a tuple of chunks: each after the next is sent 0.3 s later, as a person types (the
    completion menu fills in the background)."""

    def __init__(self, *keys: str):
        self.queue = list(keys)
        self.asked: list[tuple[str, str]] = []
        self.prompter = Prompter()
        for name in ("text", "select", "checkbox", "confirm", "pick"):
            setattr(self.prompter, name, self._wrap(name, getattr(self.prompter, name)))

    def _wrap(self, name, method):
        def ask(message, *args, **kwargs):
            assert self.queue, f"no keys left for {name}: {message}"
            self.asked.append((name, message))
            keys = self.queue.pop(0)
            chunks = list(keys) if isinstance(keys, tuple) else [keys]
            with paced_input(chunks) as inp:
                self.prompter.kwargs = {"input": inp, "output": DummyOutput()}
                return method(message, *args, **kwargs)
        return ask


def go(tmp_path, script, resume=False):
    out = []
    rc = run(tmp_path / "answers.yaml", resume, Bank.load(BANK_DIR), script.prompter, today=TODAY,
             echo=out.append, bank_dirs=[BANK_DIR])
    assert script.queue == [], f"unused keys: {script.queue}"
    return rc, "\n".join(out)


def answers(tmp_path):
    return yaml.safe_load((tmp_path / "answers.yaml").read_text(encoding="utf-8"))


def docx_text(tmp_path):
    return "\n".join(p.text for p in docx.Document(tmp_path / "answers.docx").paragraphs)


# name, level, principal leader (县长), year, addressee, date, title, opening
BASICS = ["青岚县人民政府" + ENTER, ENTER, ENTER, ENTER, CLEAR + "云川市人民政府" + ENTER, ENTER, ENTER, ENTER]
# measures: accept the default draft — the bank's 执法 section, then a county government's own work
# (issue 20): its 规范性文件, 重大行政决策 and 行政复议 (it is the 复议机关 since 2024), our own 普法 —
# and fill its slots in order: the bank's rate 91.5; documents made 6 (last year 10), reviewed 6,
# filed 6; documents filed with it 35, corrected 2; decisions listed 8, reviewed 8; 复议 cases 42
# (last year 30), closed 40, corrected 9.5 %; mediated 12, opinion letters 3; 普法 activities 120
MEASURES = [ENTER, "91.5" + ENTER,
            "6" + ENTER, "10" + ENTER, "6" + ENTER, ENTER, "6" + ENTER, ENTER, "35" + ENTER, ENTER, "2" + ENTER, ENTER,
            "8" + ENTER, ENTER, "8" + ENTER, ENTER,
            "42" + ENTER, "30" + ENTER, "40" + ENTER, ENTER, "9.5" + ENTER, "12" + ENTER, ENTER, "3" + ENTER, ENTER,
            "120" + ENTER, ENTER]
# leaders' part as drafted: the 县委's 常委会 meetings 4 and its 委员会 meetings 2, the government's 5
# (no last year's values), the 中心组's study 6, the 常务会议's study sessions 3 (last year 2), court 100 %,
# cases lost 0 (no last year's) — one blank a body (issue 20)
LEADERSHIP = [ENTER, "4" + ENTER, ENTER, "2" + ENTER, ENTER, "5" + ENTER, ENTER, "6" + ENTER, ENTER, "3" + ENTER,
              "2" + ENTER, "100" + ENTER, "0" + ENTER, ENTER]


def test_defaults_only_path_gives_a_full_report(tmp_path):
    s = Script(*BASICS, *MEASURES, ENTER, *LEADERSHIP, ENTER, ENTER)
    rc, out = go(tmp_path, s)
    assert rc == 0 and "未填写的空位：0 个" in out and "已生成：" in out
    a = answers(tmp_path)
    assert a["issuer"] == {"name": "青岚县人民政府", "level": "县区", "place": "青岚县", "leader": "县长"}
    assert a["year"] == 2025 and a["date"] == dt.date(2026, 2, 10) and a["addressee"] == "云川市人民政府"
    assert a["progress"]["step"] == "done"
    sections = a["parts"]["measures"]["sections"]  # the default draft: a section a topic, under its heading
    assert [s["heading"][:6] for s in sections] == ["规范行政执法", "加强行政规范", "严格落实决策", "发挥行政复议", "深入推进全民"]
    assert sections[1]["items"][0]["values"] == {"制发规范性文件件数": {"current": 6, "unit": "件", "previous": 10},
                                                 "审核规范性文件件数": {"current": 6, "unit": "件"},
                                                 "报备规范性文件件数": {"current": 6, "unit": "件"}}
    text = docx_text(tmp_path)
    assert "（一）规范行政执法行为，提升执法质量和效能" in text
    assert "青岚县人民政府关于2025年度\n法治政府建设情况的报告" in text
    assert "行政执法案卷评查优良率达到91.5%" in text
    # the county government's own work, in its own words, with what the clerk typed
    assert "县政府制发行政规范性文件6件，同比减少40%，经合法性审核6件，报上一级政府和县人大常委会备案6件" in text
    assert "审查乡镇（街道）和县政府部门报备的行政规范性文件35件，督促纠正问题文件2件" in text
    assert "列入目录的事项8项" in text and "经合法性审查8件" in text
    assert ("县政府统一行使行政复议职责，县司法局作为行政复议机构具体办理，全年新收行政复议案件42件，同比增长40%，"
            "审结40件，纠错率9.5%") in text
    assert "调解和解结案12件；有纠错案件的，针对反映出的执法问题向有关部门制发行政复议意见书、建议书3份" in text
    # the leaders' part names the leader; shortcomings give causes, each answered in the plan
    assert "县长认真履行推进法治建设第一责任人职责，主持召开县政府常务会议5次专题研究法治政府建设工作" in text
    assert "县政府常务会议会前学法3次，比上年增加1次" in text and "出庭应诉率100%" in text
    assert "主要原因是执法培训针对性不强" in text and "常态化开展行政执法案卷评查" in text
    assert "全面贯彻党的二十大和二十届二中、三中、四中全会精神" in text  # current for a 2025 report
    assert "县委常委会会议4次、县委全面依法治县委员会会议2次" in text and "开展各类普法活动120场次" in text
    assert "县委理论学习中心组集体学法6次" in text and "行政诉讼败诉案件0件" in text
    # every slot was asked, each once: the bank's rate, our own 12 counts (this year's and last year's) and the
    # 复议 rate, 普法 ×2; 县委 meetings ×2 ×2, meetings ×2, study ×2 ×2, court rate, cases lost ×2
    assert len([q for q in s.asked if q[0] == "text"]) == 7 + 26 + 13  # 7 basics typed (level is a choice)


def test_every_question_type_validation_back_and_editing(tmp_path):
    s = Script(
        "青岚县司法局" + ENTER,
        UP + UP + ENTER,  # level: guessed 部门 (ends in 局); two up is 县区
        "<" + ENTER,  # back to the level question …
        ENTER,  # … which now defaults to 县区
        CLEAR + "X" + ENTER + CLEAR + "党委书记、镇长" + ENTER,  # principal leader: not a title, then one
        CLEAR + "二〇二五" + ENTER + CLEAR + "2025" + ENTER,  # year: a validation error, then fixed
        ENTER,  # addressee: empty is fine
        CLEAR + "2025-12-01" + ENTER + CLEAR + "2026年2月26日" + ENTER,  # date before the year ends, then fixed
        CLEAR + "青岚县司法局2025年度法治政府建设情况报告" + ENTER,  # title edited
        ENTER,  # opening
        # measures: add from the bank by topic
        menu("按主题从短语库添加"),
        SPACE + ENTER,  # topics checkbox: the first (行政执法: 1 条 not yet in the draft)
        ("说理", TAB, ENTER),  # filter as you type, Tab to the first match, take it
        "自建执法培训平台" + ENTER,  # or write your own sentence
        ENTER,  # empty line ends the topic
        menu("自己写一句"), "全面推行行政执法三项制度" + ENTER, ENTER,  # in the first section (执法)
        # what is picked by topic goes under its heading, one's own where one says (执法: f2 f4 f14 自建
        # 全面推行; then the county government's own: 规范性文件 ×2, 决策, 复议 ×2, 普法 ×2)
        menu("删除一项"), DOWN * 7 + ENTER,  # drop the eighth (the 重大行政决策 one: its section goes)
        menu("调整顺序"), DOWN * 4 + ENTER, DOWN * 2 + ENTER,  # the fifth (typed just now) to the front of 执法
        menu("预览本部分"),
        menu("完成本部分"),
        CLEAR + "120" + ENTER + CLEAR + "95" + ENTER,  # a rate over 100, then fixed
        "6" + ENTER, ENTER, "6" + ENTER, ENTER, "6" + ENTER, ENTER,  # documents made, reviewed, filed: no last year's
        "35" + ENTER, ENTER, "2" + ENTER, ENTER,  # documents filed with it, corrected
        "42" + ENTER, ENTER, "40" + ENTER, ENTER, "9.5" + ENTER, "12" + ENTER, ENTER, "3" + ENTER, ENTER,  # 复议
        "120" + ENTER, ENTER,  # our own 普法 item's count, no last-year value
        # shortcomings: try to skip, decline, then finish
        menu("跳过这一部分"), "n", ENTER,
        # leadership: go back to shortcomings, then forward again
        menu("← 返回上一步"), ENTER, ENTER, "2" + ENTER, ENTER, "1" + ENTER, ENTER, "4" + ENTER, ENTER, "5" + ENTER, ENTER,
        "3" + ENTER, ENTER, "100" + ENTER, "0" + ENTER, ENTER,  # one count a body: 常委会 and 委员会, 中心组 and 常务会议
        ENTER,  # plan
        ENTER,  # generate
    )
    rc, out = go(tmp_path, s)
    assert rc == 0, out
    kinds = {k for k, _ in s.asked}
    assert kinds == {"text", "select", "checkbox", "confirm", "pick"}
    a = answers(tmp_path)
    assert a["issuer"]["level"] == "县区" and a["year"] == 2025 and a["date"] == dt.date(2026, 2, 26)
    assert a["title"] == "青岚县司法局2025年度法治政府建设情况报告"
    measures = a["parts"]["measures"]
    items = measures["items"]
    assert items == []  # nothing loose above （一）
    enforcement = measures["sections"][0]["items"]
    assert enforcement[0] == {"text": "全面推行行政执法三项制度"}  # moved
    assert {"phrase": "p-f000000014"} in enforcement and {"text": "自建执法培训平台"} in enforcement  # by topic
    assert ("pick", "【行政执法】选一句或自己写") in s.asked
    items = items + [it for sec in measures["sections"] for it in sec["items"]]
    assert not any("重大行政决策" in it.get("text", "") for it in items)  # deleted, and its empty section with it
    assert [sec["heading"][:6] for sec in measures["sections"]] == ["规范行政执法", "加强行政规范", "发挥行政复议", "深入推进全民"]
    assert {"phrase": "p-f000000002", "values": {"pct": {"current": 95, "unit": "%"}}} in items
    # the preview was shown as rendered: the part's heading, one paragraph per 一是 as in the output
    assert "（一）规范行政执法行为，提升执法质量和效能\n  一是全面推行行政执法三项制度；二是" in out
    text = docx_text(tmp_path)
    assert "制发行政规范性文件6件，经合法性审核6件" in text  # no 同比 without last year's value
    assert "全年新收行政复议案件42件，审结40件，纠错率9.5%" in text and "重大行政决策事项目录" not in text
    assert "青岚县司法局2025年度法治政府建设情况报告" in text


def test_skip_a_part_with_confirmation(tmp_path):
    s = Script(*BASICS, menu("跳过这一部分"), "y", ENTER, *LEADERSHIP, ENTER, ENTER)
    rc, out = go(tmp_path, s)
    a = answers(tmp_path)
    assert a["progress"]["skipped"] == ["measures"] and "measures" not in a["parts"]
    assert "主要举措和成效：已跳过" in out
    assert "还不能生成报告" in out and "缺少必需部分" in out  # the regulation requires it
    assert not (tmp_path / "answers.docx").exists()


def test_interrupt_saves_and_resume_continues(tmp_path):
    s = Script(*BASICS, ENTER, "91.5" + ENTER, "6" + ENTER, CTRL_C)  # Ctrl-C while typing last year's figure
    rc, out = go(tmp_path, s)
    assert rc == 130 and "draftkit new --resume" in out
    a = answers(tmp_path)
    assert a["progress"]["step"] == "part:measures"
    assert a["issuer"]["name"] == "青岚县人民政府"  # nothing typed before is lost
    # the rate and this year's figure (6) were kept: --resume asks last year's figure first, then the rest of
    # that sentence's (reviewed, filed), then shows the part and asks the other sentences' slots
    s2 = Script("10" + ENTER, *MEASURES[4:8], ENTER, *MEASURES[8:], ENTER, *LEADERSHIP, ENTER, ENTER)
    rc, out = go(tmp_path, s2, resume=True)
    assert rc == 0 and "已生成：" in out
    assert "县政府制发行政规范性文件6件，同比减少40%，经合法性审核6件" in docx_text(tmp_path)
    assert "行政执法案卷评查优良率达到91.5%" in docx_text(tmp_path)


def test_answers_file_renders_by_hand(tmp_path):
    go(tmp_path, Script(*BASICS, *MEASURES, ENTER, *LEADERSHIP, ENTER, ENTER))
    edited = (tmp_path / "answers.yaml").read_text(encoding="utf-8").replace("云川市人民政府", "云川市政府")
    (tmp_path / "answers.yaml").write_text(edited, encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "draftkit", "render", str(tmp_path / "answers.yaml"), "-o",
                        str(tmp_path / "b.md"), "--bank", str(BANK_DIR)], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert "云川市政府：" in (tmp_path / "b.md").read_text(encoding="utf-8")


def test_defaults_for_year_and_date():
    assert default_year(dt.date(2026, 3, 31)) == 2025 and default_year(dt.date(2026, 4, 1)) == 2026
    assert default_date(dt.date(2026, 2, 10), 2025) == dt.date(2026, 2, 10)
    assert default_date(dt.date(2026, 11, 23), 2026) is None
    assert "党的十九大和十九届历次全会精神" in default_opening(2021, "青岚县")
    assert "纲要（2015—2020年）" in default_opening(2019, "") and "新理念新思想新战略" in default_opening(2019, "")
    assert "纲要" not in default_opening(2026, "")  # no 2026–2030 纲要 is known


def test_completer_filters_and_ranks():
    bank = Bank.load(BANK_DIR)
    c = BankCompleter(bank.entries())
    assert [e.id for e in c.matches("复议")] == ["p-f000000012", "p-f000000005"]  # more documents first
    assert [e.id for e in c.matches("执法 培训")] == ["p-f000000011", "p-f000000004", "p-f000000007"]  # then shorter


def test_completer_marks_outdated_wording():
    from prompt_toolkit.document import Document

    from draftkit.bank.phrasebank import Entry

    old = Entry("p-x", "深入开展扫黑除恶专项斗争", "plan", "task", "general", "sentence", 1)
    new = Entry("p-y", "推进常态化扫黑除恶斗争", "plan", "task", "general", "sentence", 1)
    metas = {c.text: c.display_meta_text for c in BankCompleter([old, new], 2025).get_completions(Document("扫黑"), None)}
    assert "过时提法" in metas["深入开展扫黑除恶专项斗争"] and "过时提法" not in metas["推进常态化扫黑除恶斗争"]
    assert BankCompleter([old], 2019).outdated(old) == ""  # still current in 2019


def test_not_a_terminal_says_so():
    r = subprocess.run([sys.executable, "-m", "draftkit", "new"], stdin=subprocess.DEVNULL, capture_output=True,
                       text=True, timeout=30)
    assert r.returncode == 2 and len(r.stderr.strip().splitlines()) == 1
    assert "需要在终端中交互使用" in r.stderr and "draftkit render" in r.stderr


def test_existing_answers_file_is_not_overwritten(tmp_path):
    (tmp_path / "answers.yaml").write_text("issuer: {name: 旧的}\n", encoding="utf-8")
    code = ("import sys; sys.stdin.isatty = lambda: True; sys.stdout.isatty = lambda: True; "
            "from draftkit.cli import main; sys.exit(main(['new', '-o', sys.argv[1]]))")
    r = subprocess.run([sys.executable, "-c", code, str(tmp_path / "answers.yaml")], capture_output=True, text=True)
    assert r.returncode == 2 and "--resume" in r.stderr
    assert (tmp_path / "answers.yaml").read_text(encoding="utf-8") == "issuer: {name: 旧的}\n"


@pytest.mark.slow
@pytest.mark.skipif(not shutil.which("tmux"), reason="tmux is not installed")
def test_real_terminal_with_chinese_input(tmp_path):
    """The real command in tmux: type Chinese, read the screen, Ctrl-C, check the file."""
    session = f"dk{os.getpid()}"
    answers_file = tmp_path / "answers.yaml"
    env = f"cd {tmp_path} && LANG=C.UTF-8 {sys.executable} -m draftkit new -o {answers_file}; sleep 30"
    subprocess.run(["tmux", "new-session", "-d", "-s", session, "-x", "120", "-y", "30", env], check=True)
    try:
        def screen():
            return subprocess.run(["tmux", "capture-pane", "-p", "-t", session], capture_output=True,
                                  text=True).stdout

        def wait_for(text, timeout=15):
            end = time.time() + timeout
            while time.time() < end:
                if text in screen():
                    return True
                time.sleep(0.1)
            raise AssertionError(f"{text!r} not on screen:\n{screen()}")

        wait_for("发文机关名称")
        subprocess.run(["tmux", "send-keys", "-t", session, "-l", "青岚县人民政府"], check=True)
        wait_for("青岚县人民政府")
        subprocess.run(["tmux", "send-keys", "-t", session, "Enter"], check=True)
        wait_for("层级")
        assert "县区" in screen()
        subprocess.run(["tmux", "send-keys", "-t", session, "C-c"], check=True)
        wait_for("已中断")
        assert "name: 青岚县人民政府" in answers_file.read_text(encoding="utf-8")
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)


LAST_YEAR = """\
issuer: {name: 青岚县人民政府, level: 县区}
year: 2024
date: 2025-02-10
addressee: 云川市人民政府
opening: 2024年，我县坚持依法行政，推进法治政府建设。现将有关情况报告如下：
parts:
  measures:
    items:
      - text: 全年制发行政规范性文件{n}，全部经过合法性审核
        values: {n: {current: 6, previous: 10, unit: 件}}
  shortcomings: {items: [乡镇执法人员法律素养不高]}
  leadership: {items: [县长带头学法，县政府常务会议专题研究法治政府建设4次]}
  plan:
    items:
      - 加强基层执法人员培训。组织分领域轮训
      - 推进行政复议规范化建设
"""


def test_start_from_last_years_report(tmp_path):
    from draftkit.continuity.importer import import_report
    from draftkit.continuity.rollover import carry_forward
    from draftkit.render.pipeline import render_report
    from draftkit.report.loader import load_report

    (tmp_path / "last.yaml").write_text(LAST_YEAR, encoding="utf-8")
    last = tmp_path / "last.docx"
    last.write_bytes(render_report(load_report(tmp_path / "last.yaml")))
    start, _ = carry_forward(import_report(last))
    s = Script(
        *([ENTER] * 8),  # basics as carried (year 2025), date defaults to today
        ENTER,  # measures: done → confirm last year's sentences, walk last year's plan
        ENTER,  # last year's sentence: still so this year, kept
        ENTER, "分领域轮训基层执法人员" + ENTER, "12场次" + ENTER, "10" + ENTER,  # 已完成: what was done, a figure
        DOWN * 2 + ENTER, ENTER,  # 未完成: what is not done (proposed: the plan item) …
        "。" + ENTER + CLEAR + "原因是" + ENTER + CLEAR + "编制不足" + ENTER,  # the cause: bare ones refused
        ENTER,  # no figure
        "9" + ENTER,  # this year's value of the carried figure (last year 6件)
        ENTER, ENTER, CLEAR + "乡镇执法装备不足，原因在于经费投入有限" + ENTER, ENTER,  # shortcomings
        ENTER, ENTER, CLEAR + "县长带头学法，县政府常务会议专题研究法治政府建设5次" + ENTER, ENTER,  # leadership
        ENTER, ENTER, CLEAR + "加强乡镇执法装备保障" + ENTER, ENTER,  # plan for 2026
        ENTER,  # generate
    )
    out = []
    rc = run(tmp_path / "answers.yaml", False, Bank.load(BANK_DIR), s.prompter, today=TODAY, echo=out.append,
             start=start)
    assert rc == 0 and s.queue == [], "\n".join(out)
    text = docx_text(tmp_path)
    assert "青岚县人民政府关于2025年度" in text and "四、2026年推进法治政府建设的主要安排" in text
    assert "全年制发行政规范性文件9件，比上年增加3件，全部经过合法性审核" in text  # last year's 6 became previous
    assert "分领域轮训基层执法人员，12场次，同比增长20%。" in text
    assert "上年度安排的“推进行政复议规范化建设”尚未完成，主要原因是编制不足。" in text
    assert "原因是。" not in text and "已部分完成" not in text
    assert "（一）落实上年度工作安排情况" in text
    a = answers(tmp_path)
    assert a["year"] == 2025 and a["progress"]["step"] == "done"
    # the opening is written anew with the formulations current for 2025, not copied
    assert "我县坚持依法行政" not in text
    assert "2025年，青岚县坚持以习近平新时代中国特色社会主义思想为指导" in text
    assert "党的二十大和二十届二中、三中、四中全会精神" in text


def test_recommended_defaults_from_the_shipped_bank():
    from conftest import ROOT

    from draftkit.bank.recommend import recommended

    bank = Bank.load(ROOT / "phrasebank")
    for part, n in {"measures": 4, "shortcomings": 2, "leadership": 3, "plan": 3}.items():
        chosen = recommended(bank, part, n)
        assert len(chosen) == n and len({e.id for e in chosen}) == n
        assert all(e.part == part and e.kind in ("sentence", "item") for e in chosen)
        assert not any(e.text.endswith(("主要是", "如下")) or "以下" in e.text for e in chosen), part
    assert recommended(bank, "shortcomings", 2)[0].move == "cause"  # so the default part gives a cause


def test_edit_in_place_own_figures_and_year_slots(tmp_path):
    s = Script(
        *BASICS,
        menu("修改一项"), DOWN * 2 + ENTER,  # the third item (our own sentence with three figures), prefilled
        CLEAR + "全县全年制发行政规范性文件【制发规范性文件件数】，报上一级政府和县人大常委会备案" + ENTER,  # two dropped
        "6" + ENTER, "10" + ENTER,  # the figure kept, asked at once; the two dropped are not asked
        menu("按主题从短语库添加"), DOWN * 2 + SPACE + ENTER,  # topics: 执法, 制度, 决策 (the third), 复议
        # the bank sentence typed as the list shows it (no race with the completion menu on a loaded machine),
        # its title asked at once
        "出台【文件名称】，规范重大行政决策程序" + ENTER, "青岚县重大行政决策程序规定" + ENTER, ENTER,
        menu("自己写一句"), "受理法律援助案件386，【年份】以来累计办理2000余件" + ENTER,
        ENTER,  # in the first section (执法), after its two sentences
        "件" + ENTER, "300" + ENTER,  # 386 has no measure word: asked; last year's value
        ENTER,  # 2000余件 is approximate: last year's value may stay empty
        menu("完成本部分"),
        "91.5" + ENTER,  # 执法's rate, then the year of one's own sentence (【年份】 is a slot)
        CLEAR + "2021年" + ENTER,  # a year slot takes 2021年 as well as 2021
        *MEASURES[8:],  # then the other sentences of our own: filings, decisions, 复议, 普法
        ENTER, *LEADERSHIP, ENTER, ENTER,
    )
    rc, out = go(tmp_path, s)
    assert rc == 0, out
    text = docx_text(tmp_path)
    assert "全县全年制发行政规范性文件6件，同比减少40%，报上一级政府和县人大常委会备案" in text
    assert "经合法性审核" not in text.split("全县全年制发行政规范性文件")[1].split("。")[0]  # the dropped slots went
    assert "出台《青岚县重大行政决策程序规定》，规范重大行政决策程序" in text
    decisions = [sec for sec in answers(tmp_path)["parts"]["measures"]["sections"] if sec["heading"].startswith("严格落实决策")]
    assert [it.get("phrase") for it in decisions[0]["items"]] == [None, "p-f000000003"]  # after our own, under 决策
    assert "受理法律援助案件386件，同比增长28.7%，2021年以来累计办理2000余件" in text
    assert "2021以来" not in text and "余件，同比" not in text
    assert [q for q in s.asked if "审核规范性文件件数" in q[1] or "报备规范性文件件数" in q[1]] == []
    # the slot question shows the whole sentence, the slot marked
    assert "受理法律援助案件386件，同比增长28.7%，【年份】以来累计办理2000余件" in out.replace("\n", "").replace(" ", "")


def test_slots_asked_in_sentence_order_and_sentences_wrapped():
    from draftkit.drafting.prompter import wrap
    from draftkit.drafting.slotprompts import SlotPrompts

    class Phrase:
        text = "自{y}年以来共出台{title}，办理案件{n}"
        slots = {"title": "title", "n": "number", "y": "year"}  # the miner's order, not the sentence's

    class Bank:
        def get(self, _):
            return Phrase()

    prompts = SlotPrompts()
    prompts.bank = Bank()
    assert prompts.unfilled({"phrase": "p-x"}) == ["y", "title", "n"]
    long = "全县共配备执法人员104名，" * 8
    lines = wrap(long, "  填写：", width=40).split("\n")
    assert len(lines) > 1 and all(sum(2 if ord(c) > 0x2E80 else 1 for c in line) <= 40 for line in lines)
    assert "".join(line.strip() for line in lines) == "填写：" + long


def test_checkbox_answer_line_in_chinese():
    import io

    from prompt_toolkit.output.plain_text import PlainTextOutput

    class Out(io.StringIO):
        encoding = "utf-8"

    buf = Out()
    with create_pipe_input() as inp:
        inp.send_text(SPACE + DOWN + SPACE + ENTER)
        answer = Prompter(input=inp, output=PlainTextOutput(buf)).checkbox("主题：", [("a", "甲", False), ("b", "乙", False)])
    assert answer == ["a", "b"]
    assert "已选 2 项" in buf.getvalue() and "done" not in buf.getvalue() and "selections" not in buf.getvalue()


def test_partly_done_plan_item_is_written_as_whole_sentences():
    from draftkit.drafting.carried import CarriedPrompts
    from draftkit.drafting.validators import v_sentence

    answers_given = iter(["组织执法人员分领域轮训6期", "执法能力测试", "原因是受场地限制"])

    class UI:
        def text(self, message, default, check, back=True):
            answer = next(answers_given)
            assert check(answer) is True
            return answer

    prompts = CarriedPrompts()
    prompts.ui = UI()
    sentence = prompts.plan_sentence("进一步深化依法行政水平", "部分完成")
    assert sentence == "组织执法人员分领域轮训6期；执法能力测试尚未完成，主要原因是受场地限制。"
    assert "已部分完成" not in sentence
    for empty in ("", "。", "原因是", "原因是。", "无"):
        assert v_sentence(empty) is not True  # an empty cause is refused
