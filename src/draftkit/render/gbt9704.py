"""Every layout number of GB/T 9704-2012 《党政机关公文格式》 that draftkit uses, once.

Units: twips (1/20 pt) unless the name says otherwise; half-points for font sizes
(w:sz). See ../shared/spec/layout-gbt9704.md for how the OOXML values were derived and
measured; "practice" marks what offices do where the standard is silent.
"""

from __future__ import annotations

# 5.1 幅面尺寸: A4, 210 mm × 297 mm.
PAGE_WIDTH = 11906
PAGE_HEIGHT = 16838

# 5.2.1 页边与版心尺寸: 天头 37 mm ± 1 mm, 订口 28 mm ± 1 mm, 版心 156 mm × 225 mm
# (so the bottom margin is 35 mm and the right margin 26 mm).
MARGIN_TOP = 2098  # 37 mm
MARGIN_BOTTOM = 1984  # 35 mm
MARGIN_LEFT = 1588  # 28 mm
MARGIN_RIGHT = 1474  # 26 mm
HEADER_DISTANCE = 851  # practice: 15 mm; the report has no header text
# 7.5 页码: the dash line sits 7 mm below the type area; a footer 25 mm from the page edge.
FOOTER_DISTANCE = 1418

# 5.2.2 字体和字号: 3号 (16 pt) unless said otherwise.
SIZE_3HAO = 32  # half-points
SIZE_2HAO = 44  # 7.3.1 标题: 2号
SIZE_4HAO = 28  # 7.5 页码: 4号

# 5.2.3 行数和字数: 22 lines of 28 characters fill the type area.
# 225 mm = 12756 twips / 22 = 579.8, so an exact 579-twip line (580 gives 21 lines).
LINE_PITCH = 579
# 156 mm = 442.2 pt / 28 = 15.79 pt per character, so 3号 characters are condensed by
# 0.25 pt (w:spacing w:val in twentieths of a point). −0.2 pt gives only 27 a line.
CHAR_SPACING_3HAO = -5
# The 2号 title keeps its own exact line height and no condensing (practice: 35 pt).
TITLE_LINE = 700
TITLE_CHARS_PER_LINE = 20  # 442.2 pt / 22 pt

# 7.3.3 正文: each paragraph indented two characters.
INDENT_CHARS = 200  # w:firstLineChars, hundredths of a character
INDENT_TWIPS = 640  # the same as a length for applications that ignore *Chars: 2 × 16 pt

# Widths used to place the signature (3号 with the condensing above).
CJK_CHAR_TWIPS = 320 + CHAR_SPACING_3HAO
LATIN_CHAR_TWIPS = 160 + CHAR_SPACING_3HAO  # Times New Roman digits are half an em

# 7.3.5.1 加盖印章的公文: 成文日期右空四字; 署名在日期之上、以日期为准居中.
DATE_RIGHT_INDENT_SEALED = 4 * 320
BLANK_LINES_BEFORE_SIGNATURE_SEALED = 2  # practice: room for the seal, its top within a line of the body
# 7.3.5.2 不加盖印章的公文: 正文下空一行，右空二字编排署名; 日期首字比署名首字右移二字.
SIGNATURE_RIGHT_INDENT_UNSEALED = 2 * 320
DATE_SHIFT_UNSEALED = 2 * 320
BLANK_LINES_BEFORE_SIGNATURE_UNSEALED = 1

# 7.5 页码: 4号半角宋体阿拉伯数字，左右各一条一字线；单页码居右空一字，双页码居左空一字.
PAGE_NUMBER_INDENT = 280  # one 4号 character
EM_DASH = "\u2014"

# Fonts (5.2.2, 7.3.1, 7.3.3, 7.5). The Chinese font goes on w:eastAsia; Latin text and
# digits are Times New Roman (practice).
FONT_LATIN = "Times New Roman"
FONT_BODY = "仿宋_GB2312"
FONT_TITLE = "方正小标宋简体"
FONT_H1 = "黑体"
FONT_H2 = "楷体_GB2312"
FONT_PAGE_NUMBER = "宋体"
# The font table names a stand-in for each (w:altName), for a machine that lacks the font:
# Windows since Vista ships 仿宋 and 楷体 but not the *_GB2312 fonts of Windows XP, which
# offices install themselves; 方正小标宋简体 is an office font, 宋体 its usual stand-in
# (practice); 黑体 and 宋体 go by their English names on a non-Chinese Windows.
FONT_STAND_IN = {FONT_BODY: "仿宋", FONT_H2: "楷体", FONT_TITLE: "宋体", FONT_H1: "SimHei",
                 FONT_PAGE_NUMBER: "SimSun"}
FONT_CHARSET_GB2312 = "86"  # w:charset of a Chinese font (GB2312_CHARSET, 134)
LANGUAGE = "zh-CN"  # w:lang/@w:eastAsia and the document's language
# w:lang/@w:val, the language of Latin text, stays en-US as Chinese Word writes it: with
# zh-CN there, LibreOffice breaks numbers such as 37 across two lines.
LANGUAGE_LATIN = "en-US"
