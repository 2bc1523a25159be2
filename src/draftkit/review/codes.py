"""Every finding code of ``draftkit check`` once: its family and what it checks. The
README's table lists the same codes (a test compares them)."""

from __future__ import annotations

FAMILIES = {
    "S": "结构", "C": "提法时效", "F": "数据", "L": "文字", "A": "实质", "P": "与去年比较",
}

CODES: dict[str, str] = {
    "S001": "缺少必需部分",
    "S002": "主要安排不是下一年度的",
    "S003": "标题缺少年度或发文机关",
    "S004": "主送机关的冒号",
    "S005": "文末署名和成文日期",
    "S006": "序号不连续",
    "S007": "与发文机关层级不符的自称（全市、我县……）",
    "S008": "举措、不足、第一责任人部分标题的年度不是报告年度",
    "S009": "正文中途中断（文本不完整）",
    # C1xx: one code a row of the currency table (data/currency.yaml), see known().
    "C201": "提到成文日期之后的事",
    "C202": "往年的事写成今年的工作",
    "C203": "报告年度写成“某年以来”",
    "F001": "同比数字不符",
    "F002": "比率超过100%",
    "F003": "同一指标前后不一致",
    "F004": "未填写的空位、占位符",
    "F005": "同比写在短语中间",
    "F006": "约数后写了同比",
    "F007": "数字缺少单位",
    "F008": "分项之和大于总数",
    "F009": "小数目写了同比",
    "L001": "半角标点", "L002": "直引号", "L003": "括号、引号、书名号不配对", "L004": "繁体字和台湾用语",
    "L005": "重复的字词", "L006": "重复的句子", "L007": "段落过长", "L008": "日期写法",
    "L009": "残缺的日期", "L010": "年份缺少“年”字", "L011": "残句",
    "L012": "审稿常删的措辞", "L013": "标点重叠",
    "A001": "不足没有分析原因",
    "A002": "不足在安排中没有对应措施",
    "A003": "主要举措缺少数据",
    "A004": "第一责任人部分单薄",
    "A005": "第一责任人部分没有写明履职的人",
    "A006": "没有数字的全称断言（全部、全覆盖、按期完成、逐案……）",
    "A007": "数字未填就下的比较结论（远低于目标、高于全省平均……）",
    "P000": "找不到去年的报告",
    "P001": "去年计划今年没有提到",
    "P002": "不足与去年一字不差",
    "P003": "安排与去年一字不差",
}


def family(code: str) -> str:
    return FAMILIES[code[0]]


def known(code: str) -> bool:
    if code in CODES:
        return True
    from draftkit import currency

    return any(row.code == code for row in currency.table().rows)
