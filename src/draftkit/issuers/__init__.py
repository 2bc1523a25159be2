"""The issuer model (data/issuers.yaml): what kind of body issues a report — a province, a
city, a county, a township, a 街道, a development zone's 管委会, a government department,
a vertically managed body, a State Council department — and, for each kind, how it names
itself, who leads it and in which meetings, whom it reports to, what it can do and what
units it has. ``new`` (the first draft and the prompt's defaults), ``check`` (S007) and
``import`` read it through :func:`parse`:

    >>> p = parse("国家税务总局青山县税务局")
    >>> p.kind.key, p.trade, p.place, p.words()["主要负责人"]
    ('vertical', '税务', '青山县', '党委书记、局长')

The place units and their levels are levels.py's (data/levels.yaml units); everything else
said of an issuer is here: model.py (the data and the profile), names.py (names read).
"""

from __future__ import annotations

from draftkit.issuers import model
from draftkit.issuers.model import Kind, Profile, Trade, body_ends, kinds, slot_names, table, trade_of, trades
from draftkit.issuers.names import kind_key, parse, places_in

__all__ = ["Kind", "Profile", "Trade", "body_ends", "default_leader", "is_justice", "kind_key", "kinds", "offered", "organ_note", "parse",
           "places_in", "says_not", "slot_names", "table", "trade_of", "trades", "values"]


def values(name: str, level: str = "", place: str = "", leader: str = "") -> dict[str, str]:
    """The slots filled for an issuer (its kind's words): 全域 全县, 我方 我局…"""
    return parse(name, level, place).words(leader)


def default_leader(name: str, level: str = "", place: str = "") -> str:
    """The principal leader's title: 县长; 镇党委书记、镇长; 党组书记、局长; a 税务局's 党委书记、局长."""
    return parse(name, level, place).leader


def is_justice(name: str) -> bool:
    """A justice department (司法局, 司法厅: trades 司法), which also takes the county's 复议 and 调解 work."""
    trade = trade_of(name)
    return trade is not None and trade.key == "司法"


def offered(marks: str | tuple[str, ...], level: str, place: str = "", name: str = "", text: str = "") -> bool:
    """Whether a bank entry marked for ``marks`` (levels.py: 县区, 部门, 司法部门…; empty: all)
    may be offered to an issuer (a department named ``name``: 司法局 and 司法厅 also take the
    justice bureau's work); and, its ``text`` given, whether it says nothing the issuer's kind
    has not or does not do (data/issuers.yaml lacks: a 街道 has no 村, a zone no 人大)."""
    from draftkit import levels

    if text and name:
        p = parse(name, level, place)
        kind, own = p.kind, table()["places"].get(p.unit, {}).get("lacks", "")
        if kind.lacks and model.rx(kind.lacks).search(text):
            return False
        if own and model.rx(own).search(text):  # 为区内… offered to a 县 or a 旗
            return False
        if not kind.justice_work and model.rx(levels.table().justice_only).search(text):
            return False
    if not marks:
        return True
    wanted = marks.split(",") if isinstance(marks, str) else marks
    tier = parse(name, level, place).tier if name else levels.government_level(level, place)
    if level != "部门":
        return tier in wanted
    kind = "司法部门" if is_justice(name) else "部门"
    return tier in wanted and kind in wanted


def says_not(p: Profile) -> list[tuple[str, str, str]]:
    """What an issuer of this kind does not say, as (pattern, fix, note): its kind's and its
    trade's says_not (data/issuers.yaml; fix a slot whose value the issuer has, ``led_by``, or
    words), and for a trade whose party organ is not a 党组 (税务, 公安…) the 党组's head and
    meeting; for a trade under dual leadership (公安) an opening under its local government alone."""
    out = []
    trade = next((t for t in trades() if t.key == p.trade), None)
    own = {**p.kind.says_not, **(trade.says_not if trade and p.level == "部门" else {})}
    for find, rule in own.items():
        rule = rule if isinstance(rule, dict) else {"fix": rule}
        if not rule.get("tiers") or p.tier in rule["tiers"]:
            out.append((find, rule["fix"], rule.get("note", "")))
    if trade and trade.dual and p.kind.key == "department" and p.led_by:  # 公安: its superior body leads it too
        out += [(find, "led_by", note) for find, note in table()["dual_says_not"].items()]
    organ, other = (trade.organ if trade else ""), table()["organs"][0]
    if p.level == "部门" and organ and organ != other and p.tier not in trade.organ_varies:
        chief, office = p.fields["chief"], p.fields["office"]
        note = f"{p.trade}部门设{organ}，不是{other}"
        out += [(f"{other}书记、{chief}", "主要负责人", note), (f"{office}{other}(?:会议|理论学习中心组)", "常务会议", note)]
    return out


_TIER_NAMES = {"省": "省级", "市": "市级", "县区": "县级", "乡镇": "乡镇"}


def organ_note(p: Profile) -> str:
    """What ``new`` tells a department whose trade has either party organ at its tier (an
    应急管理局 of a county: 党委 mostly, 党组 in some; data/issuers.yaml organ_varies), or ''."""
    trade = next((t for t in trades() if t.key == p.trade), None)
    if p.level != "部门" or trade is None or p.tier not in trade.organ_varies:
        return ""
    other = next(o for o in table()["organs"] if o != trade.organ)
    return table()["organ_note"].format(tier_name=_TIER_NAMES.get(p.tier, ""), trade=p.trade, organ=trade.organ,
                                        other=other, office=p.fields["office"], chief=p.fields["chief"]) + "\n"
