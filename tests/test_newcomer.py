"""What a newcomer hit at the prompt and in the output (issue 18), each driven through the
real code: the command's help, the answers' validators, the rendered docx read back."""

import re

from draftkit.cli import build_parser


def _parsers(parser):
    yield parser
    for action in parser._subparsers._group_actions if parser._subparsers else ():
        for sub in action.choices.values():
            yield from _parsers(sub)


def test_help_is_chinese_throughout():
    helps = [p.format_help() for p in _parsers(build_parser())]
    assert len(helps) == 11  # draftkit, its 8 commands, phrases search and show
    for text in helps:
        assert "选项：" in text and not re.search(r"^\S+:$", text, re.M), text
        # no English metavar (ANSWERS, DOCX, BANK, PART, TOPIC …); YAML and JSON are names
        assert not set(re.findall(r"\b[A-Z][A-Z_]{2,}\b", text)) - {"YAML", "JSON"}, text
    new = next(h for h in helps if h.startswith("用法：draftkit new"))
    assert "--resume 答案文件" in new and "--bank 文件夹" in new


def test_answers_validators_take_what_a_clerk_types():
    from draftkit.drafting.validators import to_number, v_date_for, v_number, v_percent, v_unit

    for rate in ("28%", "28", "28.5％", "２８％", " 95 % "):
        assert v_percent(rate) is True, rate
    assert to_number("28%") == 28 and to_number("２８．５％") == 28.5
    assert v_percent("120%") == "百分率应在 0 到 100 之间" and v_percent("很高") is not True
    assert v_number("28%") is not True  # a count is not a rate
    check = v_date_for(2025)
    assert check("2026年2月30日") == "没有这一天：2026年2月只有28天"
    assert check("2028-02-30") == "没有这一天：2028年2月只有29天"
    assert check("2026年13月1日") == "没有13月"
    assert check("下个月") == "请输入日期，如 2026-02-10 或 2026年2月10日"
    assert check("2026年2月28日") is True
    for unit in ("件", "人次", "万元", "场次"):
        assert v_unit(unit) is True
    for bad in ("1410", "12件", "", "件，同比增长"):
        assert v_unit(bad) is not True, bad


def test_no_such_date_in_a_data_file(tmp_path):
    import pytest
    from conftest import MINIMAL, write

    from draftkit.errors import DraftkitError
    from draftkit.report.loader import load_report

    path = write(tmp_path, MINIMAL.replace("date: 2026-02-10", "date: 2026年2月30日"))
    with pytest.raises(DraftkitError) as e:
        load_report(path)
    assert "不是有效日期（没有这一天：2026年2月只有28天）" in str(e.value.problems[0])


RATE_AND_UNITS = """\
issuer: {name: 测试县人民政府, level: 县区}
year: 2025
date: 2026-02-10
parts:
  measures:
    items:
      - text: 全年办理人大代表建议{n2}件、政协提案{n3}件，办复率{pct}
        values: {n2: 12, n3: 30, pct: 12}
      - text: 全年化解矛盾纠纷{n}件，涉及金额{n2}亿元
        values: {n: {current: 1523, previous: 1410, unit: 件}, n2: {current: 0.86, previous: 0.5, unit: 亿元}}
  shortcomings: {items: [执法培训不够，主要原因是经费投入不足]}
  leadership: {items: [县长主持召开县政府常务会议5次专题研究法治政府建设工作]}
  plan: {items: [加强执法培训]}
"""


def test_a_rate_keeps_its_percent_and_a_unit_is_written_once(tmp_path):
    from conftest import W, render_bytes, write
    import io
    import zipfile

    data = write(tmp_path, RATE_AND_UNITS)
    xml = zipfile.ZipFile(io.BytesIO(render_bytes(data))).read("word/document.xml").decode("utf-8")
    text = "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml))
    assert "办复率12%" in text
    assert "化解矛盾纠纷1523件，同比增长8%，涉及金额0.86亿元，比上年增加0.36亿元" in text
    assert "件件" not in text and "亿元亿元" not in text
    assert W  # the namespace the XML is read by


def test_check_flags_a_doubled_measure_word_and_reads_a_congress_addressee(tmp_path):
    from draftkit.review import check_file

    text = ("青岚县人民政府关于2025年度法治政府建设情况的报告\n\n中共青岚县委、青岚县人大常委会：\n\n"
            "2025年，青岚县坚持依法行政。现将有关情况报告如下：\n\n一、2025年推进法治政府建设的主要举措和成效\n\n"
            "全年化解矛盾纠纷1523件件，涉及金额0.86亿元亿元。\n")
    (tmp_path / "r.txt").write_text(text, encoding="utf-8")
    findings = check_file(tmp_path / "r.txt")
    l005 = sorted(f.message for f in findings if f.code == "L005")
    assert l005 == ["重复的词“亿元亿元”", "重复的量词“件件”"]
    assert not [f for f in findings if f.code == "S004"]  # 「中共青岚县委、青岚县人大常委会：」 is the addressee


def test_phrases_search_hides_entries_not_offered_and_shows_each_grade():
    import os
    import subprocess
    import sys

    def search(*args):
        return subprocess.run([sys.executable, "-m", "draftkit", "phrases", "search", *args], capture_output=True,
                              text=True, env=dict(os.environ, PYTHONIOENCODING="utf-8"), timeout=60)

    for word in ("张吉军同志", "濮阳县"):  # a person named, another place: graded 不提供
        r = search(word)
        assert r.returncode == 1 and r.stdout == "" and "加 --all 显示" in r.stderr, r.stdout
    r = search("濮阳县", "--all")
    assert r.returncode == 0 and "，不提供]" in r.stdout and "濮阳县" in r.stdout
    r = search("调解", "-n", "5")
    lines = r.stdout.splitlines()
    assert len(lines) == 5 and all(re.search(r"篇，(可用|需修改)\]", line) for line in lines), lines


def test_phrases_show_names_each_slot():
    import os
    import subprocess
    import sys

    from draftkit.bank.phrasebank import Bank, shipped_bank_dir

    entry = next(e for e in Bank.load(shipped_bank_dir()).entries() if "{pct}" in e.text and "{全域}" in e.text)
    r = subprocess.run([sys.executable, "-m", "draftkit", "phrases", "show", entry.id], capture_output=True, text=True,
                       env=dict(os.environ, PYTHONIOENCODING="utf-8"), timeout=60)
    line = next(line for line in r.stdout.splitlines() if line.startswith("空位："))
    assert "{pct}（百分比）" in line and "{全域}（自动填写）" in line and "percent" not in line
