"""Issuers' names read into place and kind, by the rules of data/issuers.yaml (naming,
kinds' units, offices, trades): 国家税务总局青山县税务局 → a vertical body of 青山县;
临江市东湖街道办事处 → the 街道 东湖街道 of 临江市; 金沙彝族自治县人民政府 → a county."""

from __future__ import annotations

import functools
import re

from draftkit.issuers.model import Profile, Trade, kinds, rx, table, trade_of


@functools.lru_cache(maxsize=1)
def _place_rx() -> re.Pattern:
    from draftkit import levels

    return re.compile(levels.place_pattern())


def _unit(place: str) -> str:
    from draftkit import levels

    return levels.place_unit(place)


def _city_units() -> tuple[str, ...]:
    return kinds()["city"].units


def places_in(name: str) -> list[str]:
    """The run of places a name starts with, each below the one before — a 市 below a 州 or
    a 盟 is a county-level city: 云川市青岚区望江街道办事处 → [云川市, 青岚区, 望江街道];
    云岭州禄川市石门镇 → [云岭州, 禄川市, 石门镇]."""
    from draftkit import levels

    out: list[str] = []
    rank, at = -1, 0
    while m := _place_rx().match(name, at):
        if m.group().endswith("城乡"):  # 住房和城乡建设局: 城乡 is town and country, no 乡
            break
        here = levels.place_rank(levels.place_unit(m.group()))
        county_city = (bool(out) and _unit(out[-1]) in table()["county_cities_below"] and _unit(m.group()) in _city_units()
                       and not re.compile(table()["county_city_not"]).search(name[m.start():m.end() + 1]))
        if county_city:
            here += 1  # ranks as a county
        elif here <= rank:
            break
        out.append(m.group())
        rank = here
        at = m.end()
    return out


def _county_city(places: list[str]) -> bool:
    """Whether the last place is a county-level city (a 市 below a 州, a 盟, a 地区 or a
    设区的市 that runs it: 镇江市丹阳市)."""
    return len(places) >= 2 and _unit(places[-1]) in _city_units() and _unit(places[-2]) in table()["county_cities_below"]


def _split_joint(name: str) -> tuple[str, bool]:
    """中共青岚县委、青岚县人民政府 → (青岚县人民政府, True)."""
    m = re.compile(table()["naming"]["joint"]).fullmatch(name.strip())
    if m and m.group(2).startswith(m.group(1)[:2]):
        return m.group(2), True
    return name.strip(), False


def _is_office(name: str) -> bool:
    return any(d["suffix"] and name.endswith(d["suffix"]) for d in table()["offices"])


def _government_kind(unit: str, level: str, places: list[str]) -> str:
    t = table()
    if places and places[-1] in t["municipalities"] and len(places) == 1:
        return "province"
    for key in ("province", "city", "county", "township", "street"):
        if unit in kinds()[key].units:
            if key == "city" and (level == "县区" or _county_city(places)):
                return "county"
            return key
    return _by_level(level)


def _by_level(level: str) -> str:
    return next((k.key for k in kinds().values() if k.units and k.level == level), "county")


def kind_key(name: str, level: str, places: list[str]) -> str:
    """Which kind of issuer a name (less a joint party committee) is."""
    t, naming = table(), table()["naming"]
    trade = trade_of(name)
    if trade and trade.vertical and (re.compile(naming["national"]).match(name) or not _unit(name) or places):
        return "vertical"
    if re.compile(f"(?:{t['zone_words']})[\u4e00-\u9fff]{{0,8}}?{naming['zone']}").search(name):
        return "zone"
    if re.compile(naming["street"]).search(name) and not _is_office(name):
        return "street"
    if re.compile(naming["government"]).search(name) or (places and name == places[-1]):
        return _government_kind(_unit(places[-1]) if places else "", level, places)
    if not places and re.compile(naming["state_ends"]).search(name) and (
            re.compile(naming["national"]).match(name) or re.compile(naming["state"]).fullmatch(name)):
        return "state_department"
    if _is_office(name) or level == "部门":
        return "department"
    return _by_level(level)


@functools.lru_cache(maxsize=256)
def parse(name: str, level: str = "", place: str = "") -> Profile:
    """The issuer a name describes; ``level`` (--level, issuer.level), when given, is the
    clerk's word where the name is of another level (临江市人民政府 with 县区 is a county-level
    city; without a level a 街道 is a 街道); ``place`` (issuer.place) when the name gives none."""
    t = table()
    own, joint = _split_joint(name)
    head = re.compile(t["national_heads"]).match(own)  # 国家税务总局青山县税务局: the national body, then the place
    bare = own[head.end():] if head else own
    places = [] if re.compile(t["naming"]["national"]).match(own) and not head else places_in(bare)
    key = kind_key(own, level, places)
    if level and level != kinds()[key].level and any(k.level == level for k in kinds().values()):
        # a level given that the name's kind does not have (青岚县司法局 as 县区): the clerk's word stands
        key = "department" if level == "部门" else _government_kind(_unit(places[-1]) if places else "", level, places)
        key = key if kinds()[key].level == level else _by_level(level)
    kind = kinds()[key]
    trade = trade_of(own) if kind.level == "部门" else None
    here = place or (places[-1] if places else "")
    parents = places[:-1] if places and here == places[-1] else places
    if key == "zone":  # 云川市临港新区管理委员会: the zone is 临港新区, set up by 云川市
        parents = [p for p in places if not re.compile(f"(?:{t['zone_words']})$").search(p)]
        rest = bare[sum(map(len, parents)):]
        m = re.compile(f"[\u4e00-\u9fff]+?(?:{t['zone_words']})").match(rest)
        here = place or (m.group(0) if m else rest)
    lead = places[-1] if places else ""
    branch = (re.compile(t["naming"]["branch"]).fullmatch(bare[len(lead):])
              if kind.level == "部门" and lead and bare.startswith(lead) else None)
    if branch and place and place != branch.group(2):  # the clerk's place is not the branch's: the name is read as theirs
        branch = None
    if branch:  # 云川市生态环境局青岚分局: the city bureau's branch in 青岚 (also when issuer.place says 青岚)
        parents, here = [lead], branch.group(2)
    unit = "开发区" if key == "zone" else "直辖市" if key == "province" and here in t["municipalities"] else _unit(here)
    parent = parents[-1] if parents else ""
    office = own[own.rindex(here) + len(here):] if here and here in own and kind.level == "部门" else own
    if branch:
        office = branch.group(1)
    elif head and kind.level == "部门" and not places:
        office = bare
    tier = _tier(key, unit, level)
    if kind.level == "部门" and here == (places or [""])[-1]:  # 镇江市丹阳市司法局: a county's; 北京市公安局: a province's
        tier = "县区" if _county_city(places) else "省" if places == [here] and here in t["municipalities"] else tier
    p = Profile(name, kind, here, unit, parent, _unit(parent) if parent else kind.above, trade.key if trade else "",
                office, tier, joint, bool(re.compile(t["naming"]["autonomous"]).search(here)), bool(branch))
    return _with_fields(p, trade)


def _tier(key: str, unit: str, level: str) -> str:
    """The level of government of an issuer's place (a State Council department counts as 省)."""
    from draftkit import levels

    kind = kinds()[key]
    if kind.level != "部门":
        return kind.level
    if key == "state_department":
        return levels.table().order[0]
    if unit:
        return levels.table().units.get(unit, "县区")
    return "县区" if level in ("", "部门") else level


def _places_row(unit: str) -> dict[str, str]:
    return table()["places"].get(unit) or table()["places"]["县"]


def _office_row(name: str) -> dict[str, str]:
    return next(d for d in table()["offices"] if name.endswith(d["suffix"]))


def _with_fields(p: Profile, trade: Trade | None) -> Profile:
    """The profile with the words its templates are filled from."""
    from draftkit import levels

    t = table()
    known = bool(p.unit) or p.kind.level != "部门"  # a body whose place has no unit (云川海关) speaks of 辖区
    here = _places_row(p.unit or levels.table().level_unit.get(p.tier, "县"))
    up = _places_row(p.parent_unit) if p.parent_unit else {}
    office = _office_row(p.office or p.name)
    f = {"place": p.place, "parent": p.parent, "u": here["short"], "party": here["party"],
         "government": here["government"], "head": here["head"], "meeting": here["meeting"],
         "up": up.get("short", ""), "up_party": up.get("party", ""), "up_government": up.get("government", ""),
         "self": office["self"], "office": office["office"], "chief": office["chief"],
         "organ": trade.organ if trade else "党组", "trade": p.trade, "inner": t["inner_by_level"].get(p.tier, "科室")}
    f["all"] = f"全{f['u']}"
    seated = not (p.branch and trade and trade.branch_led)  # a 生态环境 branch is its city bureau's, not its county's
    if known and p.place and seated:  # the place's own name, party committee and government, when the name gives them
        f.update(seat=p.place, seat_party=f["party"], seat_government=f["government"])
    if not known:
        f.update(t["placeless"])
    f.update(_superior(p, trade))
    return Profile(**{**p.__dict__, "fields": f})


def _superior(p: Profile, trade: Trade | None) -> dict[str, str]:
    """The body above a department: the same office of the place above (云川市青岚区教育局 →
    云川市教育局), a vertical body's superior body, a province's department's ministry."""
    if p.kind.level != "部门" or p.kind.key == "state_department":
        return {}
    national = trade.national if trade else ""
    organ = trade.organ if trade else "党组"
    if p.kind.key == "vertical":
        up = p.parent_unit or (_places_row(_above_unit(p.unit))["short"] if p.unit and p.tier != "省" else "")
        top = re.compile(table()["national_heads"]).match(p.name)
        top = top.group(0) if top else ""
        body = f"{top}{p.parent}{p.office}" if p.parent else national if p.tier == "省" else ""
        above = f"{up}{p.office}" if up else national if p.tier == "省" else (trade.above if trade and trade.above
                                                                                 else f"上级{p.trade}部门")
        return {"superior": body, "superior_party": f"{above}{organ}",
                "superior_hint": f"上一级{p.trade}机关" + (f"（{top}××{up}{p.office}）" if up else "")}
    if trade and trade.dual:
        return _dual(p, trade)
    if p.tier == "省":
        return {"superior": national, "superior_hint": national or "国务院主管部门"}
    if p.parent:
        return {"superior": f"{p.parent}{p.office}", "superior_hint": f"{p.parent}{p.office}"}
    return {"superior": "", "superior_hint": f"上一级{p.trade}主管部门"}


def _dual(p: Profile, trade: Trade) -> dict[str, str]:
    """A department led by its government and by the body above it in its system (公安):
    桐溪县公安局 → 市公安局 (党委); 柏川市公安局 → 省公安厅; 岚山省公安厅 → 公安部; the name
    when the name gives the place above (柏川市金水区公安分局 → 柏川市公安局)."""
    from draftkit import levels

    if p.tier == "省":
        body = short = trade.national
    else:
        up = p.parent_unit or _above_unit(p.unit or levels.table().level_unit.get(p.tier, "县"))
        office = trade.offices.get(up) or re.sub("分局$", "局", p.office)  # 公安分局 → its city's 公安局
        short = f"{_places_row(up)['short'] if up in table()['places'] else '上级'}{office}"
        body = f"{p.parent}{office}" if p.parent else ""
    return {"superior": body, "superior_hint": body or f"上一级{trade.key}机关（{short}）",
            "dual_body": body or short, "dual_party": f"{body or short}{trade.organ}"}


def _above_unit(unit: str) -> str:
    """The unit one level above (县 → 市): the first unit of the kind above the one whose units hold it."""
    order = [k for k in kinds().values() if k.units]
    for higher, lower in zip(order, order[1:]):
        if unit in lower.units:
            return higher.units[0]
    return ""
