"""One test per validation rule: one line each, with file:line:col, all listed, exit 2, no file."""

import pytest
from conftest import MINIMAL, write

from draftkit.cli import main
from draftkit.errors import DraftkitError
from draftkit.report.loader import load_report


def problems(tmp_path, text, name="data.yaml"):
    path = write(tmp_path, text, name)
    with pytest.raises(DraftkitError) as exc:
        from draftkit.app import render_file

        render_file(path, tmp_path / "out.docx")
    assert not (tmp_path / "out.docx").exists()
    return [str(p) for p in exc.value.problems]


def test_minimal_is_valid(tmp_path):
    report = load_report(write(tmp_path, MINIMAL))
    assert report.year == 2025 and report.issuer.level == "县区"


def test_yaml_syntax_error_has_line_and_column(tmp_path):
    out = problems(tmp_path, "issuer: {name: a, level: 县区}\nyear: 2025\n  date: x\n")
    assert out == [f"{tmp_path / 'data.yaml'}:3:7: YAML 格式错误：此处不能出现“键: 值”（可能少了空格、缩进不对，或文字中的冒号需要加引号）"]


def test_tab_indentation(tmp_path):
    out = problems(tmp_path, "issuer:\n\tname: a\n")
    assert len(out) == 1 and ":2:1: YAML 格式错误：不能用制表符" in out[0]


def test_unknown_key_did_you_mean(tmp_path):
    out = problems(tmp_path, MINIMAL + "titel: 标题\n")
    assert out == [f"{tmp_path / 'data.yaml'}:9:1: 报告中有未知的键“titel”，是否想写“title”？"]


def test_unknown_nested_key(tmp_path):
    text = MINIMAL.replace("measures: {items: [完成了工作]}", "measures: {itmes: [完成了工作]}")
    out = problems(tmp_path, text)
    assert any(":5:14: 部分“measures”中有未知的键“itmes”，是否想写“items”？" in o for o in out)


def test_wrong_type(tmp_path):
    out = problems(tmp_path, MINIMAL.replace("year: 2025", "year: 二〇二五"))
    assert f"{tmp_path / 'data.yaml'}:2:7: year（年度）应为整数，实际是文字“二〇二五”" in out


def test_wrong_type_figure(tmp_path):
    text = MINIMAL.replace("measures: {items: [完成了工作]}",
                           "measures: {items: [{text: '制发{n}', values: {n: {current: 六件}}}]}")
    out = problems(tmp_path, text)
    assert any("空位“n”的本年数值 current应为数值，实际是文字“六件”" in o for o in out)


def test_missing_required_field(tmp_path):
    out = problems(tmp_path, MINIMAL.replace("date: 2026-02-10\n", ""))
    assert out == [f"{tmp_path / 'data.yaml'}:1:1: 报告缺少必填项“date”"]


def test_missing_required_part(tmp_path):
    out = problems(tmp_path, MINIMAL.replace("  leadership: {items: [履行了职责]}\n", ""))
    assert any("缺少必需部分“leadership”（党政主要负责人履职情况）" in o for o in out)


def test_date_before_year_end(tmp_path):
    out = problems(tmp_path, MINIMAL.replace("date: 2026-02-10", "date: 2025-12-20"))
    assert out == [f"{tmp_path / 'data.yaml'}:3:7: 成文日期 2025-12-20 早于 2025 年结束，年度报告应在次年成文"]


def test_date_more_than_a_year_after(tmp_path):
    out = problems(tmp_path, MINIMAL.replace("date: 2026-02-10", "date: 2027年1月3日"))
    assert out == [f"{tmp_path / 'data.yaml'}:3:7: 成文日期 2027-01-03 距 2025 年结束已超过一年"]


def test_invalid_date(tmp_path):
    out = problems(tmp_path, MINIMAL.replace("date: 2026-02-10", "date: 2026年2月30日"))
    assert any("不是有效日期" in o for o in out)


def test_plan_for_wrong_year(tmp_path):
    out = problems(tmp_path, MINIMAL.replace("plan: {items: [继续努力]}", "plan: {year: 2027, items: [继续努力]}"))
    assert out == [f"{tmp_path / 'data.yaml'}:8:16: 主要安排应是 2026 年的计划（报告年度 2025 的下一年），而不是 2027 年"]


def test_invalid_level(tmp_path):
    out = problems(tmp_path, MINIMAL.replace("level: 县区", "level: 县"))
    assert any("level（层级）“县”无效，应为 省/市/县区/乡镇/部门 之一" in o for o in out)


def test_duplicate_key(tmp_path):
    out = problems(tmp_path, MINIMAL + "year: 2024\n")
    assert any(":9:1: 键“year”重复出现，前一处在第 2 行" in o for o in out)


def test_unfilled_slot_and_unused_value(tmp_path):
    text = MINIMAL.replace("measures: {items: [完成了工作]}", "measures: {items: [{text: '制发{n}', values: {m: 3}}]}")
    out = problems(tmp_path, text)
    assert any("空位“{n}”没有填写" in o for o in out)
    assert any("值“m”没有对应的空位；可填的空位：n" in o for o in out)


def test_current_value_left_empty(tmp_path):
    text = MINIMAL.replace("measures: {items: [完成了工作]}",
                           "measures: {items: [{text: '制发{n}', values: {n: {current: null, previous: 5, unit: 件}}}]}")
    out = problems(tmp_path, text)
    assert any("空位“n”的本年数值还没有填写（current）" in o for o in out)


def test_rate_over_100(tmp_path):
    text = MINIMAL.replace("measures: {items: [完成了工作]}",
                           "measures: {items: [{text: '合格率{r}', values: {r: {current: 120, unit: '%'}}}]}")
    assert any("是百分率，不能超过 100" in o for o in problems(tmp_path, text))


def test_all_errors_listed_not_just_first(tmp_path):
    text = MINIMAL.replace("year: 2025", "year: abc").replace("level: 县区", "levl: 县区") + "titel: x\n"
    text = text.replace("measures: {items: [完成了工作]}", "measures: {items: [{text: '{n}件'}]}")
    out = problems(tmp_path, text)
    assert len(out) >= 5  # level missing, levl unknown, year type, titel unknown, slot n
    lines = [int(o.split(":")[1]) for o in out]
    assert lines == sorted(lines)  # in file order


def test_empty_file(tmp_path):
    assert problems(tmp_path, "") == [f"{tmp_path / 'data.yaml'}: 文件是空的"]


def test_not_a_mapping(tmp_path):
    out = problems(tmp_path, "- a\n- b\n")
    assert out == [f"{tmp_path / 'data.yaml'}:1:1: 报告应为键值对（“键: 值”），实际是列表"]


def test_gbk_file_is_read(tmp_path):
    path = tmp_path / "gbk.yaml"
    path.write_bytes(MINIMAL.encode("gb18030"))
    assert load_report(path).issuer.name == "测试县人民政府"


def test_cli_exit_code_one_line_each_no_traceback(tmp_path, capsys):
    path = write(tmp_path, MINIMAL.replace("year: 2025", "year: x") + "titel: y\n")
    out = tmp_path / "out.docx"
    code = main(["render", str(path), "-o", str(out)])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2
    assert not out.exists()
    assert "Traceback" not in "\n".join(err)
    assert err[0].startswith(f"{path}:2:7: ") and err[1].startswith(f"{path}:9:1: ")
    assert err[-1] == "共 2 处问题，未生成任何文件。"


def test_existing_output_not_touched_on_error(tmp_path):
    out = tmp_path / "out.docx"
    out.write_bytes(b"previous report")
    path = write(tmp_path, MINIMAL.replace("year: 2025", "year: x"))
    assert main(["render", str(path), "-o", str(out)]) == 2
    assert out.read_bytes() == b"previous report"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temp file left


def test_missing_file(tmp_path, capsys):
    assert main(["render", str(tmp_path / "nope.yaml")]) == 2
    assert capsys.readouterr().err.strip() == f"{tmp_path / 'nope.yaml'}: 文件不存在"
