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
    assert len(helps) == 10  # draftkit, its 7 commands, phrases search and show
    for text in helps:
        assert "选项：" in text and not re.search(r"^\S+:$", text, re.M), text
        # no English metavar (ANSWERS, DOCX, BANK, PART, TOPIC …); YAML and JSON are names
        assert not set(re.findall(r"\b[A-Z][A-Z_]{2,}\b", text)) - {"YAML", "JSON"}, text
    new = next(h for h in helps if h.startswith("用法：draftkit new"))
    assert "--resume 答案文件" in new and "--bank 文件夹" in new
