"""Normalise scraped report text: Traditional → Simplified, Taiwan vocabulary → mainland
usage, Chinese full-width punctuation, and web page chrome removed.

OpenCC's plain ``t2s`` does the characters. Its ``tw2sp`` (phrases) is not used: it
fixes 最佳化 and 程式 but rewrites correct government prose (建立健全→创建健全,
严格执行→严格运行, 行政效能→行政性能, 整合→集成). The vocabulary is our own table
in ``data/wording.yaml``, applied after ``t2s``, each row tested with an example and a
counter-example; some rows depend on context (檔案 is 文件 in 规范性文件 but stays 档案 in
诚信档案; 品质 is 质量 where it is the noun of 高品质发展, not in 产品质量).
"""

from __future__ import annotations

import functools
import re


@functools.lru_cache(maxsize=1)
def wording_rows() -> tuple[dict, ...]:
    """The rows of ``data/wording.yaml``: Taiwan and old wording → mainland usage."""
    from draftkit.resources import data_file

    raw = data_file("wording.yaml")
    return tuple(raw["rows"])


@functools.lru_cache(maxsize=1)
def wording_table() -> tuple[tuple[re.Pattern, str], ...]:
    """(compiled pattern, replacement) in the order they apply to Simplified text."""
    return tuple((re.compile(r["find"]), r["replace"]) for r in wording_rows())


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
    """Traditional characters and Taiwan vocabulary to mainland Simplified usage. OpenCC
    is loaded only for a text it may change (most reports hold nothing it converts)."""
    from draftkit.reading.simplified import may_change

    if may_change(text):
        text = opencc_t2s().convert(text)
    for pattern, repl in wording_table():
        text = pattern.sub(repl, text)
    return text


def _paren(m: re.Match) -> str:
    inner = m.group(1)
    return f"（{inner}）" if re.compile(f"[{_CJK}]").search(inner) or not inner.strip() else m.group(0)


def punctuation(text: str) -> str:
    """Half-width punctuation in Chinese text to full-width, straight quotes to “”."""
    text = _PUNCT_NEAR_CJK.sub(lambda m: _HALF_TO_FULL[m.group(1) or m.group(2)], text)
    text = _PARENS.sub(_paren, text)
    text = _YEAR_RANGE.sub(r"\1—\2", text)
    text = _ANGLE_IN_TITLE.sub(r"《\1〈\2〉\3》", text)
    text = _STRAIGHT_QUOTES.sub(r"“\1”", text)
    return _SPACE_IN_CJK.sub("", text)


def has_chrome_field(text: str) -> bool:
    """A piece holding a field of a page's index table (发文日期：…名称：, data/page.yaml
    ``row_label``), wherever it stands in the piece."""
    from draftkit.resources import data_file

    return bool(re.compile(data_file("page.yaml")["title"]["row_label"]).search(text)) or is_chrome(text)


@functools.cache
def _chrome() -> re.Pattern:
    """One pattern for all the lines of page chrome (data/page.yaml), compiled when first
    needed (not by render)."""
    from draftkit.resources import data_file

    return re.compile("|".join(f"(?:{r['find']})" for r in data_file("page.yaml")["chrome"]))

# Pinyin glosses after characters (领(lǐng)导(dǎo)) and note marks ([1], ［注2］, 【注】).
_TONED = "āáǎàōóǒòēéěèīíǐìūúǔùǖǘǚǜüńňǹḿ"
_SYLLABLE = rf"[a-z{_TONED}]{{1,6}}"


@functools.cache
def _cleaning() -> dict[str, re.Pattern]:
    """The patterns that clean scraped text, compiled when first needed (mining and
    import use them; render and check of a data file do not)."""
    return {
        "gloss": re.compile(rf"(?<![A-Za-z])[（(]\s*({_SYLLABLE}(?:\s+{_SYLLABLE})*)\s*[）)]"),
        "pinyin": re.compile(r"^(?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh)?(?:[aeiouv]{1,3})(?:n|ng|r)?$"),
        "note_mark": re.compile(r"[\[［【〔](?:注(?:释)?\s*)?\d{1,2}[\]］】〕]|[\[［【](?:注|注释|编者按)[\]］】]|[¹²³⁴⁵⁶⁷⁸⁹⁰]+"),
        "bullet": re.compile(r"^(?:[•·●▪◆◇■□★☆►▶→✓√]|-{1,2}(?!\d)|—{2}(?=[^\u4e00-\u9fff]))\s*"),
        "url": re.compile(r"(?:(?:本文)?(?:来源|来自|转自|出自)[于：:]?\s*)?(?:https?://|www\.)[A-Za-z0-9_./?=&%#:~+-]*\s*"),
        "footnote": re.compile(r"^(?:[\[［【〔]\d{1,2}[\]］】〕]|注\s*\d{1,2}[：:.．]|注释[：:]?$|注[：:]$|参考文献)"),
        "watermark": re.compile(r"[（(【\[]?(?:本文)?(?:来源|来自|转自|出自)[于：:]?\s*[\u4e00-\u9fff]{2,12}(?:网|文库|网站)[）)】\]]?"
                                r"|[\u4e00-\u9fff]{2,8}(?:范文网|文库|资料网|文秘网|写作网)"),
        "mojibake": re.compile(r"[\ufffd\ue000-\uf8ff]|锟斤拷|烫烫|屯屯|[À-ÿ]{2}|[A-Za-z][（(][a-z" + _TONED + r"]{1,6}[）)]"),
        "han": re.compile("[\u4e00-\u9fff]"),
    }


def _gloss(m: re.Match) -> str:
    """A reading in brackets goes: toned pinyin anywhere, plain pinyin right after a
    character. After a Latin letter it is mojibake (F(xiàn)) and stays to be caught."""
    syllables = m.group(1).split()
    toned = any(ch in _TONED for ch in m.group(1))
    after_cjk = m.start() > 0 and "\u4e00" <= m.string[m.start() - 1] <= "\u9fff"
    plain = after_cjk and all(_cleaning()["pinyin"].match(x) for x in syllables)
    return "" if toned or plain else m.group(0)


def strip_annotations(line: str) -> str:
    """Pinyin glosses, note marks, URLs and site watermarks out of a line."""
    pat = _cleaning()
    line = pat["gloss"].sub(_gloss, line)
    line = pat["note_mark"].sub("", line)
    line = pat["url"].sub("", line)
    line = pat["watermark"].sub("", line)
    return line.strip(" \t\u00a0\u3000\ufeff")


def strip_bullet(line: str) -> str:
    return _cleaning()["bullet"].sub("", line)


def garbled(text: str) -> bool:
    """Mojibake: replacement characters, 锟斤拷, Latin-1 runs, a letter standing for a
    lost character with its reading (F(xiàn)), or many characters outside GB2312 that a
    mainland report would not use."""
    pat = _cleaning()
    if pat["mojibake"].search(text):
        return True
    cjk = pat["han"].findall(text)
    try:
        "".join(cjk).encode("gb2312")
        return False  # all in GB2312 (most units): no character needs a look of its own
    except UnicodeEncodeError:
        pass
    rare = 0
    for ch in cjk:
        try:
            ch.encode("gb2312")
        except UnicodeEncodeError:
            rare += 1
    return rare >= 3 and rare * 5 >= len(cjk)


_NUMERALS = "一二三四五六七八九十"
_LOST_SPACE = re.compile(r"^\?+(?=[\u4e00-\u9fff（(])")


def mend(line: str) -> str:
    """Damage of how a page was stored, mended where it can be: lines that start with ``??``
    (ideographic spaces lost), and a marker ``?。ㄒ唬┥…`` — 　（一）深… stored as GBK and read one
    byte off, its lost first byte a ``?``: the bytes read again one byte on give （一） and, when
    none was dropped, the words after it; when some were, （一） and the rest as it stands."""
    if line.startswith("?。"):
        return _shifted_marker(line)
    return _LOST_SPACE.sub("", line)


def _shifted_marker(line: str) -> str:
    end = next((i for i in range(1, len(line)) if line[i].isascii()), len(line) - 1)
    try:
        data = b"\xa1" + line[1:end + 1].encode("gbk")
    except UnicodeEncodeError:
        return line
    lead = {n.encode("gbk")[0]: n for n in _NUMERALS}
    if not data.startswith("\u3000（".encode("gbk")) or len(data) < 6 or data[4] not in lead:
        return line
    numeral = lead[data[4]]
    if data[5:8] == numeral.encode("gbk")[1:] + "）".encode("gbk"):  # nothing dropped: read on
        return f"（{numeral}）{data[8:].decode('gbk', errors='ignore')}{line[end + 1:]}"
    return f"（{numeral}）{line[3:].lstrip('）')}"


@functools.cache
def _page_rows() -> dict:
    """data/page.yaml's ``open_row`` and ``links`` rules, compiled."""
    from draftkit.resources import data_file

    data = data_file("page.yaml")
    links = data["links"]
    return {"label": re.compile(data["open_row"]["label"]), "value": re.compile(data["open_row"]["value"]),
            "separator": re.compile(links["separator"]), "piece": re.compile(links["piece"]), "min": int(links["min"]),
            "title": re.compile(data["title"]["report"])}


def _link_row(raw: str, page: dict) -> bool:
    """A row of a site's links as the page had it (首页 政务公开 政务服务 互动交流 …): at least
    ``min`` pieces between spaces or separators, each a short name, and not a title spaced out
    (青岚县 2024年 法治政府建设 情况报告)."""
    pieces = [x for x in page["separator"].split(raw.strip()) if x]
    return len(pieces) >= page["min"] and all(page["piece"].fullmatch(x) for x in pieces) \
        and not page["title"].search("".join(pieces))


class PageChrome:
    """Tells the lines of a page's chrome one after another, as they come: a line of chrome
    (data/page.yaml ``chrome``), a row of a site's links above the report (before its first
    sentence), or the value of an index table's cell whose label stood alone on the line
    before (发布机构： / 青岚县司法局)."""

    def __init__(self) -> None:
        self.rules = _page_rows()
        self.open_row = self.sentence_seen = False

    def __call__(self, raw: str, line: str) -> bool:
        """Whether ``line`` (``raw`` as the page had it) is chrome."""
        r = self.rules
        if is_chrome(line) or (not self.sentence_seen and _link_row(raw, r)) \
                or (self.open_row and r["value"].fullmatch(line)):
            self.open_row = bool(r["label"].fullmatch(line))
            return True
        self.open_row = False
        self.sentence_seen = self.sentence_seen or "。" in line
        return False


def is_chrome(line: str) -> bool:
    return bool(_chrome().fullmatch(line.strip()))


def normalise_line(line: str) -> str:
    return punctuation(to_simplified(line)).strip()


def read_line(line: str, simplified: bool = False) -> str:
    """A line from outside as the reader reads it: mended, in Simplified (unless it is known
    to be already), full-width punctuation, pinyin glosses, note marks and URLs out."""
    line = mend(line)
    return strip_annotations(punctuation(line if simplified else to_simplified(line)).strip())


def clean(text: str) -> tuple[list[str], list[str]]:
    """Text to clean, non-empty lines (paragraphs), and the chrome lines taken out (they
    still tell who published the page and when)."""
    text = to_simplified("\n".join(mend(line) for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")))
    lines, chrome = [], []
    footnote = _cleaning()["footnote"].match
    aside = PageChrome()
    for raw in text.split("\n"):
        line = punctuation(raw).strip(" \t\u00a0\u3000\ufeff")
        if footnote(line):  # the note itself, at the end of the page
            chrome.append(line)
            continue
        line = strip_annotations(line)
        if not line:
            continue
        if aside(raw, line):
            chrome.append(line)
            continue
        line = strip_bullet(line)
        if line:
            lines.append(line)
    return lines, chrome


def normalise(text: str) -> list[str]:
    return clean(text)[0]
