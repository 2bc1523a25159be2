"""argparse in Chinese for the ``draftkit`` command: usage, section titles and -h in
Chinese, errors in one Chinese line and exit 2.

All of it through argparse's own means of extension (a HelpFormatter and an
ArgumentParser of our own: the usage prefix, the groups' titles, the -h action, ``error``);
argparse and gettext themselves are left as they are. argparse's English error messages
are put in Chinese when they reach ``error``; one it words differently in another Python
version, or that is not listed, is still one line and exit 2."""

from __future__ import annotations

import argparse
import re


_TITLE_COLON = re.compile(r"^(参数|选项):$", re.M)


class Formatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        return super().add_usage(usage, actions, groups, prefix="用法：" if prefix is None else prefix)


class Parser(argparse.ArgumentParser):
    """argparse in Chinese: usage, section titles and -h; errors in one line, exit 2."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", Formatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "参数"
        self._optionals.title = "选项"
        self.add_argument("-h", "--help", action="help", help="显示本帮助并退出")

    def format_help(self) -> str:
        """The help, its section titles ended by a full-width colon (argparse writes “选项:”)."""
        return _TITLE_COLON.sub(r"\1：", super().format_help())

    def error(self, message: str) -> None:
        for english, chinese in ARGPARSE_MESSAGES:
            message = english.sub(chinese, message)
        self.exit(2, f"draftkit: 命令参数有误：{message}（用 draftkit -h 查看用法）\n")


ARGPARSE_MESSAGES = [
    (re.compile(r"the following arguments are required: (.*)"), r"缺少 \1"),
    (re.compile(r"unrecognized arguments: (.*)"), r"无法识别的参数 \1"),
    (re.compile(r"argument (\S+): invalid choice: '([^']*)' \(choose from (.*)\)"), r"\1 不能是“\2”，可选：\3"),
    (re.compile(r"argument (\S+): expected one argument"), r"\1 后面需要一个值"),
    (re.compile(r"argument (\S+): invalid (\w+) value: '([^']*)'"), r"\1 的值“\3”无效"),
    (re.compile(r"argument (\S+): expected (\d+) arguments?"), r"\1 后面需要 \2 个值"),
    (re.compile(r"argument (\S+): ignored explicit argument '([^']*)'"), r"\1 后面不能跟“\2”"),
    (re.compile(r"ambiguous option: (\S+) could match (.*)"), r"\1 不明确，可能是 \2"),
]
