"""Word's automatic numbering as the reader of a .docx sees it: the 一、 or （一） that Word
draws before a paragraph from numbering.xml, which is not in the paragraph's text.

Each paragraph's list (w:numPr: w:numId and w:ilvl, given on the paragraph or by its style
and the styles that style is based on, or by a level's w:pStyle) leads to an abstract
numbering (w:abstractNum, perhaps through w:numStyleLink) whose level (w:lvl) gives the
start (w:start), the format (w:numFmt), the text around the numbers (w:lvlText with %1…%9
for the counters of levels 1…9) and when it restarts (w:lvlRestart). A list instance
(w:num) may restart a level (w:lvlOverride/w:startOverride) or replace it (w:lvl inside
the override). Counters run per abstract numbering, as in Word: two instances of one list
without overrides continue one sequence. ECMA-376 Part 1, 17.9.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
LEVELS = 9

_DIGITS = "〇一二三四五六七八九"
_LEGAL_SIMPLIFIED = "零壹贰叁肆伍陆柒捌玖"
_LEGAL_TRADITIONAL = "零壹貳參肆伍陸柒捌玖"
_STEMS = "甲乙丙丁戊己庚辛壬癸"
_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"


def _counting(n: int, digits: str = _DIGITS, units: str = "十百千") -> str:
    """一 … 九, 十, 十一, 二十, 一百零一, 一千: Chinese counting below ten thousand."""
    if n <= 0 or n >= 10000:
        return str(n)
    out, zero = [], False
    for power in (3, 2, 1, 0):
        d = n // 10 ** power % 10
        if d == 0:
            zero = bool(out)
            continue
        if zero:
            out.append("零" if digits[0] == "〇" else digits[0])
            zero = False
        if not (power == 1 and d == 1 and not out):  # 十一, not 一十一
            out.append(digits[d])
        if power:
            out.append(units[power - 1])
    return "".join(out)


def _enclosed(n: int, first: int, count: int) -> str:
    return chr(first + n - 1) if 1 <= n <= count else str(n)


def _circled(n: int) -> str:
    if 1 <= n <= 20:
        return chr(0x2460 + n - 1)
    if 21 <= n <= 35:
        return chr(0x3251 + n - 21)
    if 36 <= n <= 50:
        return chr(0x32B1 + n - 36)
    return str(n)


def _roman(n: int) -> str:
    if n <= 0 or n >= 4000:
        return str(n)
    out = []
    for value, mark in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                        (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out.append(mark)
            n -= value
    return "".join(out)


def _letter(n: int) -> str:
    """A, B … Z, AA, BB …: Word repeats the letter."""
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1) if n > 0 else str(n)


FORMATS = {
    "decimal": str,
    "decimalHalfWidth": str,
    "decimalZero": lambda n: f"{n:02d}" if 0 <= n < 10 else str(n),
    "decimalFullWidth": lambda n: str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９")),
    "decimalEnclosedCircle": _circled,
    "decimalEnclosedCircleChinese": _circled,
    "decimalEnclosedParen": lambda n: _enclosed(n, 0x2474, 20),
    "decimalEnclosedFullstop": lambda n: _enclosed(n, 0x2488, 20),
    "ideographEnclosedCircle": lambda n: _enclosed(n, 0x3280, 10),
    "ideographParenthesized": lambda n: _enclosed(n, 0x3220, 10),
    "chineseCounting": _counting,
    "chineseCountingThousand": _counting,
    "japaneseCounting": _counting,
    "taiwaneseCounting": _counting,
    "taiwaneseCountingThousand": _counting,
    "chineseLegalSimplified": lambda n: _counting(n, _LEGAL_SIMPLIFIED, "拾佰仟"),
    "ideographLegalTraditional": lambda n: _counting(n, _LEGAL_TRADITIONAL, "拾佰仟"),
    "ideographDigital": lambda n: "".join(_DIGITS[int(d)] for d in str(n)) if n >= 0 else str(n),
    "japaneseDigitalTenThousand": lambda n: "".join(_DIGITS[int(d)] for d in str(n)) if n >= 0 else str(n),
    "taiwaneseDigital": lambda n: "".join(_DIGITS[int(d)] for d in str(n)) if n >= 0 else str(n),
    "ideographTraditional": lambda n: _STEMS[(n - 1) % 10] if n > 0 else str(n),
    "ideographZodiac": lambda n: _BRANCHES[(n - 1) % 12] if n > 0 else str(n),
    "ideographZodiacTraditional": lambda n: _STEMS[(n - 1) % 10] + _BRANCHES[(n - 1) % 12] if n > 0 else str(n),
    "upperRoman": _roman,
    "lowerRoman": lambda n: _roman(n).lower(),
    "upperLetter": _letter,
    "lowerLetter": lambda n: _letter(n).lower(),
    "none": lambda n: "",
}


def format_number(n: int, fmt: str) -> str:
    """A counter as Word writes it in a format (w:numFmt); an unknown format as decimal."""
    return FORMATS.get(fmt, str)(n)


@dataclass(frozen=True)
class Level:
    """One level of a list: how its number is written and when it starts again."""

    fmt: str = "decimal"
    text: str = ""  # w:lvlText, e.g. "%1、" or "（%2）"
    start: int = 1
    restart: int | None = None  # w:lvlRestart: restart after a use of levels 1…n (0: never)
    legal: bool = False  # w:isLgl: the numbers of all levels as decimals
    style: str = ""  # w:pStyle: the paragraph style that takes this level


def _val(el, tag: str, default: str | None = None) -> str | None:
    child = el.find(f"{W}{tag}") if el is not None else None
    return child.get(f"{W}val", default) if child is not None else default


def _int(value: str | None, default: int | None) -> int | None:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _level(el, base: Level | None = None) -> Level:
    base = base or Level()
    lgl = el.find(f"{W}isLgl")
    return Level(
        fmt=_val(el, "numFmt", base.fmt) or "decimal",
        text=_val(el, "lvlText", base.text) or "",
        start=_int(_val(el, "start"), base.start),
        restart=_int(_val(el, "lvlRestart"), base.restart),
        legal=base.legal if lgl is None else lgl.get(f"{W}val", "1") not in ("0", "false", "off"),
        style=_val(el, "pStyle", base.style) or "",
    )


def _ilvl(value: str | None) -> int | None:
    n = _int(value, None)
    return n if n is not None and 0 <= n < LEVELS else None


class Numbering:
    """The numbering of one document, its counters run as paragraphs are read in order."""

    def __init__(self, numbering_root=None, styles_root=None) -> None:
        self.abstract: dict[str, dict[int, Level]] = {}
        self.style_link: dict[str, str] = {}  # abstractNum → the numbering style it takes its list from
        self.nums: dict[str, tuple[str, dict[int, int], dict[int, Level]]] = {}
        self.styles: dict[str, tuple[str | None, int | None, str | None]] = {}  # id → numId, ilvl, basedOn
        self.default_style = ""
        self.counters: dict[str, list[int | None]] = {}
        self.started: set[tuple[str, int]] = set()  # (numId, ilvl) whose startOverride has been applied
        if numbering_root is not None:
            self._read_numbering(numbering_root)
        if styles_root is not None:
            self._read_styles(styles_root)

    def _read_numbering(self, root) -> None:
        for a in root.iter(f"{W}abstractNum"):
            levels = {}
            for lvl in a.iter(f"{W}lvl"):
                if (i := _ilvl(lvl.get(f"{W}ilvl"))) is not None:
                    levels[i] = _level(lvl)
            key = a.get(f"{W}abstractNumId", "")
            self.abstract[key] = levels
            if (link := _val(a, "numStyleLink")) is not None:
                self.style_link[key] = link
        for num in root.iter(f"{W}num"):
            starts, levels = {}, {}
            for o in num.iter(f"{W}lvlOverride"):
                if (i := _ilvl(o.get(f"{W}ilvl"))) is None:
                    continue
                if (s := _int(_val(o, "startOverride"), None)) is not None:
                    starts[i] = s
                if (lvl := o.find(f"{W}lvl")) is not None:
                    levels[i] = lvl
            self.nums[num.get(f"{W}numId", "")] = (_val(num, "abstractNumId", "") or "", starts, levels)

    def _read_styles(self, root) -> None:
        for s in root.iter(f"{W}style"):
            if s.get(f"{W}type", "paragraph") != "paragraph":
                continue
            sid = s.get(f"{W}styleId", "")
            ppr = s.find(f"{W}pPr")
            numpr = ppr.find(f"{W}numPr") if ppr is not None else None
            num_id = _val(numpr, "numId") if numpr is not None else None
            ilvl = _ilvl(_val(numpr, "ilvl")) if numpr is not None else None
            self.styles[sid] = (num_id, ilvl, _val(s, "basedOn"))
            if s.get(f"{W}default") in ("1", "true", "on"):
                self.default_style = sid

    def _style_numpr(self, style: str) -> tuple[str | None, int | None]:
        num_id, ilvl, seen = None, None, set()
        while style and style not in seen and style in self.styles:
            seen.add(style)
            s_num, s_ilvl, based = self.styles[style]
            num_id = num_id if num_id is not None else s_num
            ilvl = ilvl if ilvl is not None else s_ilvl
            style = based or ""
        return num_id, ilvl

    def _abstract_of(self, num_id: str) -> str | None:
        """The abstract numbering a list instance uses, through numbering-style links."""
        seen = set()
        abstract = self.nums.get(num_id, (None, {}, {}))[0]
        while abstract in self.style_link and abstract not in seen:
            seen.add(abstract)
            linked, _ = self._style_numpr(self.style_link[abstract])
            if linked is None or linked not in self.nums:
                break
            abstract = self.nums[linked][0]
        return abstract if abstract in self.abstract else None

    def label(self, p) -> str | None:
        """The number Word draws before paragraph ``p`` (an lxml w:p), its counters advanced;
        None for a paragraph without numbering or with a bullet."""
        ppr = p.find(f"{W}pPr")
        style = (_val(ppr, "pStyle") if ppr is not None else None) or self.default_style
        numpr = ppr.find(f"{W}numPr") if ppr is not None else None
        num_id = _val(numpr, "numId") if numpr is not None else None
        ilvl = _ilvl(_val(numpr, "ilvl")) if numpr is not None else None
        s_num, s_ilvl = self._style_numpr(style)
        num_id = num_id if num_id is not None else s_num
        if num_id is None or num_id == "0" or num_id not in self.nums:
            return None
        abstract = self._abstract_of(num_id)
        if abstract is None:
            return None
        _, starts, override_levels = self.nums[num_id]
        levels = self.abstract[abstract]
        if ilvl is None:
            ilvl = s_ilvl if s_ilvl is not None else next(
                (i for i, lv in sorted(levels.items()) if style and lv.style == style), 0)

        def level(i: int) -> Level:
            base = levels.get(i, Level())
            return _level(override_levels[i], base) if i in override_levels else base

        lv = level(ilvl)
        counters = self.counters.setdefault(abstract, [None] * LEVELS)
        if (num_id, ilvl) not in self.started and ilvl in starts:
            self.started.add((num_id, ilvl))
            counters[ilvl] = None
            lv = replace(lv, start=starts[ilvl])
        counters[ilvl] = lv.start if counters[ilvl] is None else counters[ilvl] + 1
        for deeper in range(ilvl + 1, LEVELS):
            restart = level(deeper).restart
            if ilvl < (deeper if restart is None else restart):
                counters[deeper] = None
        if lv.fmt == "bullet":
            return None
        text = lv.text
        for i in range(LEVELS - 1, -1, -1):  # %1 … %9; from the end so %1 does not eat %10
            mark = f"%{i + 1}"
            if mark in text:
                li = level(i)
                n = counters[i] if counters[i] is not None else (starts.get(i, li.start) if i != ilvl else lv.start)
                text = text.replace(mark, format_number(n, "decimal" if lv.legal and li.fmt != "none" else li.fmt))
        return text
