"""argparse in Chinese for the ``draftkit`` command: usage, section titles and -h in
Chinese, errors in one Chinese line and exit 2."""

from __future__ import annotations

import argparse
import contextlib
import re


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
        return re.sub(r"^(参数|选项):$", r"\1：", super().format_help(), flags=re.M)

    def error(self, message: str) -> None:
        for english, chinese in ARGPARSE_MESSAGES:
            message = re.sub(english, chinese, message)
        self.exit(2, f"draftkit: 命令参数有误：{message}（用 draftkit -h 查看用法）\n")


ARGPARSE_MESSAGES = [
    (r"the following arguments are required: (.*)", r"缺少 \1"),
    (r"unrecognized arguments: (.*)", r"无法识别的参数 \1"),
    (r"argument (\S+): invalid choice: '([^']*)' \(choose from (.*)\)", r"\1 不能是“\2”，可选：\3"),
    (r"argument (\S+): expected one argument", r"\1 后面需要一个值"),
    (r"argument (\S+): invalid (\w+) value: '([^']*)'", r"\1 的值“\3”无效"),
]


@contextlib.contextmanager
def untranslated():
    """While a parser is built, argparse's own phrases are taken as they are. argparse
    asks gettext for each, and gettext searches the locale folders anew every time (2–3 ms
    for draftkit's parser, with the import of locale); the phrases draftkit shows are its
    own Chinese (titles and help), or put in Chinese from the English (errors, above)."""
    translate = argparse._
    argparse._ = str
    try:
        yield
    finally:
        argparse._ = translate
