"""draftkit diff, and the checks against last year's report."""

import subprocess
import sys

from conftest import EXAMPLES, write

from draftkit.continuity.diff import diff_files
from draftkit.reading.document import read
from draftkit.review import check

LAST = """\
青岚县人民政府关于2024年度法治政府建设情况的报告
云川市人民政府：
2024年，我县坚持以习近平新时代中国特色社会主义思想为指导，推进法治政府建设。现将有关情况报告如下：
一、2024年推进法治政府建设的主要举措和成效
全年制发行政规范性文件6件，同比减少40%，全部经过合法性审核。
二、2024年推进法治政府建设存在的不足和原因
一是基层执法人员法律素养不高，执法文书质量参差不齐；二是其原因在于培训投入不足。
三、2024年党政主要负责人履行推进法治建设第一责任人职责情况
县长带头学法，县政府常务会议专题研究法治政府建设4次，主持召开全县法治政府建设工作会议。
四、2025年推进法治政府建设的主要安排
一是加强基层执法人员培训，提升执法文书质量。二是推进行政复议规范化建设，提高办案质量。
青岚县人民政府
2025年2月10日
"""


def this_year(repeat_shortcoming: bool) -> str:
    short = "一是基层执法人员法律素养不高，执法文书质量参差不齐；二是其原因在于培训投入不足。" if repeat_shortcoming else \
        "一是乡镇执法装备保障不足；二是其原因在于经费投入有限。"
    return f"""\
青岚县人民政府关于2025年度法治政府建设情况的报告
云川市人民政府：
2025年，我县坚持以习近平新时代中国特色社会主义思想为指导，推进法治政府建设。现将有关情况报告如下：
一、2025年推进法治政府建设的主要举措和成效
全年制发行政规范性文件9件，同比增长50%，全部经过合法性审核。
组织基层执法人员分批培训，统一执法文书范本，文书质量明显提升。
二、2025年推进法治政府建设存在的不足和原因
{short}
三、2025年党政主要负责人履行推进法治建设第一责任人职责情况
县长带头学法，县政府常务会议专题研究法治政府建设5次，主持召开全县法治政府建设工作会议。
四、2026年推进法治政府建设的主要安排
一是加强乡镇执法装备保障。二是深化行政执法协调监督。
青岚县人民政府
2026年2月10日
"""


def codes(tmp_path, repeat: bool) -> list[tuple[str, str]]:
    (tmp_path / "last.txt").write_text(LAST, encoding="utf-8")
    (tmp_path / "this.txt").write_text(this_year(repeat), encoding="utf-8")
    document = read(tmp_path / "this.txt")
    document.last = tmp_path / "last.txt"
    return [(f.code, f.message) for f in check(document) if f.code.startswith("P")]


def test_plan_items_not_followed_up(tmp_path):
    found = codes(tmp_path, repeat=False)
    assert found == [("P001", "去年计划的“推进行政复议规范化建设，提高办案质量”在今年的报告中没有提到落实情况")]


def test_shortcomings_repeated_word_for_word(tmp_path):
    found = [c for c, _ in codes(tmp_path, repeat=True)]
    assert found.count("P002") == 2 and found.count("P001") == 1


def test_based_on_in_a_data_file_is_used(tmp_path):
    (tmp_path / "last.txt").write_text(LAST, encoding="utf-8")
    data = write(tmp_path, """\
issuer: {name: 青岚县人民政府, level: 县区}
year: 2025
date: 2026-02-10
based_on: last.txt
parts:
  measures: {items: [组织基层执法人员分批培训，统一执法文书范本，文书质量明显提升]}
  shortcomings: {items: [乡镇执法装备保障不足，其原因在于经费投入有限]}
  leadership: {items: [县长带头学法，县政府常务会议专题研究法治政府建设5次，主持召开全县法治政府建设工作会议]}
  plan: {items: [加强乡镇执法装备保障]}
""")
    found = [f.code for f in check(read(data))]
    assert found.count("P001") == 1
    missing = write(tmp_path, (tmp_path / "data.yaml").read_text(encoding="utf-8").replace("last.txt", "nope.txt"),
                    "other.yaml")
    assert "P000" in [f.code for f in check(read(missing))]


def test_diff_reports_and_data_files(tmp_path):
    (tmp_path / "last.txt").write_text(LAST, encoding="utf-8")
    (tmp_path / "this.txt").write_text(this_year(False), encoding="utf-8")
    out = diff_files(tmp_path / "last.txt", tmp_path / "this.txt")
    lines = out.splitlines()
    assert lines[0].endswith("（2024 年度）与 " + str(tmp_path / "this.txt") + "（2025 年度）")
    assert "【主要举措和成效】新增 1 项，数据变化 1 处" in lines
    assert "  数据：全年制发行政规范性文件6件 → 9件（增长50%）" in lines
    assert "  + 新增：组织基层执法人员分批培训，统一执法文书范本，文书质量明显提升。" in lines
    assert "【党政主要负责人履职情况】数据变化 1 处" in lines
    assert "  数据：常务会议专题研究法治政府建设4次 → 5次（增长25%）" in lines  # up to 14 characters of context
    assert any(line.startswith("  - 删去：推进行政复议规范化建设") for line in lines)


def test_diff_cli_on_the_example_against_itself():
    r = subprocess.run([sys.executable, "-m", "draftkit", "diff", str(EXAMPLES / "county.yaml"),
                        str(EXAMPLES / "county.yaml")], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert all(line.endswith("没有变化") for line in r.stdout.splitlines()[1:])


def test_plan_reported_in_other_words_is_followed_up(tmp_path):
    """P001 by meaning: 推进行政复议规范化建设 reported as 复议案件…规范化… is followed up."""
    (tmp_path / "last.txt").write_text(LAST, encoding="utf-8")
    this = this_year(False).replace("组织基层执法人员分批培训", "复议案件全部按统一规范办理，复议规范化水平明显提升。组织基层执法人员分批培训")
    (tmp_path / "this.txt").write_text(this, encoding="utf-8")
    document = read(tmp_path / "this.txt")
    document.last = tmp_path / "last.txt"
    assert [f.code for f in check(document) if f.code.startswith("P")] == []


def test_plan_copied_from_last_year(tmp_path):
    (tmp_path / "last.txt").write_text(LAST, encoding="utf-8")
    this = this_year(False).replace("一是加强乡镇执法装备保障。", "一是加强基层执法人员培训，提升执法文书质量。")
    (tmp_path / "this.txt").write_text(this, encoding="utf-8")
    document = read(tmp_path / "this.txt")
    document.last = tmp_path / "last.txt"
    p003 = [f for f in check(document) if f.code == "P003"]
    assert len(p003) == 1 and p003[0].part == "plan" and p003[0].suggestion


def test_the_plans_opening_is_not_an_item(tmp_path):
    """carried-002 (coldread3a): last year's plan opens 2019年，我市将高举……, then its items; the
    opening is not a plan item of its own (P001 said it was not followed up). An item under it
    still is; a plan of one paragraph is its item."""
    opening = "2025年，我县将深入学习贯彻习近平法治思想，紧紧围绕县委、县政府决策部署，全面建设法治政府。"
    last = LAST.replace("四、2025年推进法治政府建设的主要安排\n", "四、2025年推进法治政府建设的主要安排\n" + opening + "\n")
    (tmp_path / "last.txt").write_text(last, encoding="utf-8")
    (tmp_path / "this.txt").write_text(this_year(False), encoding="utf-8")
    document = read(tmp_path / "this.txt")
    document.last = tmp_path / "last.txt"
    found = [f.message for f in check(document) if f.code == "P001"]
    assert found == ["去年计划的“推进行政复议规范化建设，提高办案质量”在今年的报告中没有提到落实情况"], found
    alone = LAST.replace("一是加强基层执法人员培训，提升执法文书质量。二是推进行政复议规范化建设，提高办案质量。", "推进乡村振兴法治保障体系建设。")
    (tmp_path / "last.txt").write_text(alone, encoding="utf-8")
    assert [f.code for f in check(document) if f.code == "P001"] == ["P001"]
