"""What a new draft starts from: the year and date a clerk most likely means, an opening
with the formulations current for the year, and how each part's items are laid out."""

from __future__ import annotations

import datetime as dt

from draftkit.currency import plenums, rule_of_law_meeting

PART_STYLE = {"measures": "enumerate_paragraphs", "shortcomings": "enumerate", "leadership": "paragraphs",
              "plan": "enumerate"}


def default_year(today: dt.date) -> int:
    """The report due next: last year's until the end of March, this year's after."""
    return today.year - 1 if today.month <= 3 else today.year


def default_date(today: dt.date, year: int) -> dt.date | None:
    """Today, when today falls in January–March of the year after the reported one."""
    return today if today.year == year + 1 and today.month <= 3 else None


def default_addressee(name: str, level: str) -> str:
    """Whom the report goes to (the issuer model, data/issuers.yaml; spec/annual-report.md):
    a province to 党中央、国务院; a city or county government to its own party committee and
    people's congress standing committee; a department to its place's party committee and
    government; a township or 街道 to its county's or district's; a vertical body to the
    body above it. '' where the name does not tell."""
    from draftkit import issuers

    return issuers.parse(name, level).addressee or ""


def default_opening(year: int, place: str, level: str = "", name: str = "") -> str:
    """An opening in our own words with the formulations current for the year; a
    department speaks as itself (我局), under its place's party committee and government,
    and of its trade's work (依法治教: data/trades.yaml goal)."""
    thought = "习近平法治思想" if year >= 2020 else "习近平全面依法治国新理念新思想新战略"
    if 2021 <= year <= 2025:
        plan = "对照《法治政府建设实施纲要（2021—2025年）》确定的目标任务"
        if year == 2025:
            plan += "，推动纲要各项任务落实收官"
    elif year <= 2020:
        plan = "对照《法治政府建设实施纲要（2015—2020年）》确定的目标任务"
    else:
        plan = "对照法治政府建设的目标任务"  # no 2026–2030 纲要 has been found: none is named
    meeting = "深入贯彻中央全面依法治国工作会议精神，" if rule_of_law_meeting(year) else ""
    from draftkit import issuers
    from draftkit.drafting.trades import goal

    p = issuers.parse(name, level, place)
    if p.level == "部门":  # 我局在县委、县政府的坚强领导下，
        who = f"{p.self_name}{p.led_by}"
    else:  # 在县委、县政府的坚强领导下，石桥镇…
        who = p.led_by + (place or p.place or p.self_name)
    return (f"{year}年，{who}坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻{thought}，"
            f"全面贯彻{plenums(year)}，{meeting}{plan}，{goal(p)}各项工作。现将有关情况报告如下：")
