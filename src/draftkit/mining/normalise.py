"""Normalise scraped report text: Traditional → Simplified, Taiwan vocabulary → mainland
usage, Chinese full-width punctuation, and web page chrome removed.

OpenCC's plain ``t2s`` does the characters. Its ``tw2sp`` (phrases) is not used: it
fixes 最佳化 and 程式 but rewrites correct government prose (建立健全→创建健全,
严格执行→严格运行, 行政效能→行政性能, 整合→集成). The vocabulary is our own table
below, applied after ``t2s``, each row tested; some rows depend on context (檔案 is 文件
in 规范性文件 but stays 档案 in 诚信档案; 契约精神 stays).
"""

from __future__ import annotations

import functools
import re

# (pattern, replacement) applied in order to Simplified text.
TAIWAN_TO_MAINLAND: list[tuple[str, str]] = [
    (r"最佳化", "优化"),
    (r"(规范性|政策|红头|配套|相关|有关|政府|部门|制度)档案", r"\1文件"),
    (r"档案(起草|制定|制发|备案|清理|审查|审核|公平竞争)", r"文件\1"),
    (r"程式(?!化)", "程序"),  # 程式化 is mainland usage
    (r"契约(?!精神)", "合同"),
    (r"网际网路", "互联网"),
    (r"网路", "网络"),
    (r"法务部", "司法部"),
    (r"人民民众", "人民群众"),
    (r"民众", "群众"),
    (r"数位(?=化|政府|转型|经济|平台|技术|时代)", "数字"),  # 数位专家 (several) is mainland usage
    (r"智慧财产权", "知识产权"),
    (r"资讯", "信息"),
    (r"软体", "软件"),
    (r"计画", "计划"),
]
# Not in the table, on purpose: 品质 (it matches inside 产品质量), 透过 (mainland usage too).
_TW = [(re.compile(p), r) for p, r in TAIWAN_TO_MAINLAND]

_CJK = "\u3400-\u4dbf\u4e00-\u9fff"
_CJK_OR_FW = _CJK + "\u3000-\u303f\uff00-\uffef\u2018-\u201d《》"
_HALF_TO_FULL = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！"}
_PUNCT_NEAR_CJK = re.compile(rf"(?<=[{_CJK_OR_FW}])\s*([,:;?!])|([,:;?!])\s*(?=[{_CJK_OR_FW}])")
_PARENS = re.compile(r"\(([^()]*)\)")
_SPACE_IN_CJK = re.compile(rf"(?<=[{_CJK_OR_FW}])[ \t\u00a0\u3000]+|[ \t\u00a0\u3000]+(?=[{_CJK_OR_FW}])")
_YEAR_RANGE = re.compile(r"(\d{4})\s*[-－~～—]+\s*(\d{4})(?=年)")
_ANGLE_IN_TITLE = re.compile(r"《([^《》]*)<([^<>]*)>([^《》]*)》")
_STRAIGHT_QUOTES = re.compile(r'"([^"\n]*)"')


@functools.lru_cache(maxsize=1)
def opencc_t2s():
    """OpenCC's plain Traditional → Simplified converter, made once."""
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional characters and Taiwan vocabulary to mainland Simplified usage."""
    text = opencc_t2s().convert(text)
    for pattern, repl in _TW:
        text = pattern.sub(repl, text)
    return text


def _paren(m: re.Match) -> str:
    inner = m.group(1)
    return f"（{inner}）" if re.search(f"[{_CJK}]", inner) or not inner.strip() else m.group(0)


def punctuation(text: str) -> str:
    """Half-width punctuation in Chinese text to full-width, straight quotes to “”."""
    text = _PUNCT_NEAR_CJK.sub(lambda m: _HALF_TO_FULL[m.group(1) or m.group(2)], text)
    text = _PARENS.sub(_paren, text)
    text = _YEAR_RANGE.sub(r"\1—\2", text)
    text = _ANGLE_IN_TITLE.sub(r"《\1〈\2〉\3》", text)
    text = _STRAIGHT_QUOTES.sub(r"“\1”", text)
    return _SPACE_IN_CJK.sub("", text)


# Lines of web page chrome, matched against a whole normalised line.
CHROME_LINES = [
    r"索\s*引\s*号.*",
    r"(发布机构|组配分类|公开方式|失效日期|主题分类|发文字号).*",
    r"(成文日期|有效性|文号)(\d|：|$).{0,40}",
    r".{0,30}(发布日期|发布时间|更新时间|点击数|浏览次数|阅读次数|信息来源|来源|作者|字体)：.{0,60}",
    r"当前位置.*",
    r".*首页\s*(>|>>|》|›).*",
    r"[\d\s]{1,12}",
    r"(基本介绍|相关词条|热门词条|联络我们|联系我们|打印本页|关闭窗口|分享到|返回顶部|上一篇|下一篇).{0,30}",
    r"[•·●]\s*.{0,60}",
    r"《[^》]+》是\d{4}年.{0,30}发布的.{0,6}。",
    r"\d{4}年.{0,8}第\s*\d+\s*期",
    r"[（(](本文作者|作者|通讯员|来源|责任编辑|编辑|审核)[^)）]{0,60}[)）]",
]
_CHROME = re.compile("|".join(f"(?:{p})" for p in CHROME_LINES))


def is_chrome(line: str) -> bool:
    return bool(_CHROME.fullmatch(line.strip()))


def normalise_line(line: str) -> str:
    return punctuation(to_simplified(line)).strip()


def clean(text: str) -> tuple[list[str], list[str]]:
    """Text to clean, non-empty lines (paragraphs), and the chrome lines taken out (they
    still tell who published the page and when)."""
    text = to_simplified(text.replace("\r\n", "\n").replace("\r", "\n"))
    lines, chrome = [], []
    for raw in text.split("\n"):
        line = punctuation(raw).strip(" \t\u00a0\u3000\ufeff")
        if not line:
            continue
        (chrome if is_chrome(line) else lines).append(line)
    return lines, chrome


def normalise(text: str) -> list[str]:
    return clean(text)[0]
