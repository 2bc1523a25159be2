"""The command as a user runs it: a real process, Chinese output, exit codes."""

import os
import re
import shutil
import subprocess
import sys
import zipfile

import pytest
from conftest import EXAMPLES, MINIMAL, ROOT, write


def run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "draftkit", *args], capture_output=True, text=True, cwd=cwd,
                          env=dict(os.environ, PYTHONIOENCODING="utf-8"), timeout=120)


def test_python_m_draftkit_renders_example(tmp_path):
    out = tmp_path / "county.docx"
    r = run("render", str(EXAMPLES / "county.yaml"), "-o", str(out))
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == f"已生成：{out}"
    with zipfile.ZipFile(out) as z:
        assert "word/document.xml" in z.namelist()


def test_default_output_next_to_data(tmp_path):
    data = write(tmp_path, MINIMAL)
    r = run("render", str(data), "--format", "md")
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "data.md").read_text(encoding="utf-8").startswith("# 测试县人民政府关于2025年度")


def test_format_from_extension_and_conflict(tmp_path):
    data = write(tmp_path, MINIMAL)
    assert run("render", str(data), "-o", str(tmp_path / "a.txt")).returncode == 0
    assert (tmp_path / "a.txt").read_text(encoding="utf-8").startswith("测试县人民政府关于")
    r = run("render", str(data), "-o", str(tmp_path / "b.md"), "--format", "docx")
    assert r.returncode == 2 and "与 --format docx 不一致" in r.stderr
    assert not (tmp_path / "b.md").exists()


def test_bad_input_exit_2_no_traceback(tmp_path):
    data = write(tmp_path, "issuer: [\n")
    r = run("render", str(data), "-o", str(tmp_path / "x.docx"))
    assert r.returncode == 2
    assert "Traceback" not in r.stderr and len(r.stderr.strip().splitlines()) == 1
    assert r.stderr.startswith(f"{data}:")


def test_bad_arguments_one_line_in_chinese():
    r = run("render")
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert r.stderr.strip() == "draftkit: 命令参数有误：缺少 数据文件（用 draftkit -h 查看用法）"
    r = run("render", "x.yaml", "--format", "pdf")
    assert "--format 不能是“pdf”" in r.stderr
    h = run("render", "-h")
    assert h.stdout.startswith("用法：draftkit render") and "显示本帮助并退出" in h.stdout


def test_console_script_installed():
    exe = shutil.which("draftkit", path=os.path.dirname(sys.executable))
    assert exe, "the draftkit console script is installed beside python"
    r = subprocess.run([exe, "--version"], capture_output=True, text=True)
    assert r.returncode == 0 and r.stdout.startswith("draftkit ")


def test_render_does_not_import_jieba_or_questionary(tmp_path):
    # render runs the checks, which need OpenCC (4 ms to import) but never jieba (a second)
    code = ("import sys; from draftkit.cli import main; "
            f"main(['render', r'{EXAMPLES / 'county.yaml'}', '-o', r'{tmp_path / 'c.docx'}']); "
            "print(sorted(m for m in ('jieba', 'questionary') if m in sys.modules))")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert r.stdout.strip().splitlines()[-1] == "[]"


@pytest.mark.slow
def test_non_editable_install_renders(tmp_path):
    """Build the wheel and render from it with the source tree out of reach."""
    wheel_dir, target = tmp_path / "wheel", tmp_path / "site"
    r = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                        "-w", str(wheel_dir), str(ROOT)], capture_output=True, text=True)
    if r.returncode != 0:
        pytest.fail(r.stderr[-2000:])
    (wheel,) = wheel_dir.glob("draftkit-*.whl")
    with zipfile.ZipFile(wheel) as z:
        names = z.namelist()
    assert "draftkit/templates/frame.j2" in names and "draftkit/templates/plan.j2" in names
    assert any(n.startswith("draftkit/phrasebank/") for n in names)
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
                   check=True, capture_output=True)
    out = tmp_path / "c.docx"
    code = ("import sys; sys.path = [p for p in sys.path if 'src' not in p and p != '']; "
            f"sys.path.insert(0, r'{target}'); import draftkit; assert draftkit.__file__.startswith(r'{target}'); "
            f"from draftkit.cli import main; sys.exit(main(['render', r'{EXAMPLES / 'county.yaml'}', '-o', r'{out}']))")
    r = subprocess.run([sys.executable, "-I", "-c", code], capture_output=True, text=True, cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    import docx

    assert docx.Document(str(out)).paragraphs[0].text.startswith("青岚县人民政府关于2025年度")


def test_the_chinese_parser_leaves_argparse_and_gettext_as_they_are(capsys):
    """The Chinese comes from draftkit's own parser and formatter classes: building and
    using the parser changes nothing in the standard library's modules."""
    import argparse
    import gettext

    from draftkit.cli import build_parser

    before = {m: dict(vars(m)) for m in (argparse, gettext)}
    parser = build_parser()
    assert parser.format_help().startswith("用法：draftkit")
    with pytest.raises(SystemExit):
        parser.parse_args(["render"])
    assert {m: dict(vars(m)) for m in (argparse, gettext)} == before
    capsys.readouterr()


@pytest.mark.parametrize("args, said", [
    (["render"], "缺少 数据文件"),
    (["render", "a.yaml", "--nonsense"], "无法识别的参数 --nonsense"),
    (["rendr"], "命令 不能是“rendr”，可选："),
    (["render", "a.yaml", "-o"], "-o/--output 后面需要一个值"),
    (["phrases", "search", "-n", "x"], "-n/--limit 的值“x”无效"),
    (["new", "--year", "二〇二五"], "--year 的值“二〇二五”无效"),
    (["render", "a.yaml", "--force=yes"], "--force 后面不能跟“yes”"),
    (["new", "--d"], "--d 不明确，可能是"),
])
def test_every_argument_error_is_one_line_in_chinese(capsys, args, said):
    from draftkit.cli import build_parser

    with pytest.raises(SystemExit) as exit_:
        build_parser().parse_args(args)
    assert exit_.value.code == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith("draftkit: 命令参数有误：") and said in line, line
    assert not re.search(r"\b(argument|expected|invalid|choose|required|unrecognized|ambiguous|could)\b", line), line
