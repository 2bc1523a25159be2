"""The issuer model's data (data/issuers.yaml) and what an issuer is once its name is read:
its kind (Kind), its trade (Trade) and the profile parse() returns (Profile)."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

_CJK = "\u4e00-\u9fff"


@dataclass(frozen=True)
class Kind:
    """One kind of issuer as data/issuers.yaml gives it."""

    key: str
    name: str
    level: str  # the level of the bank and the drafts' data: 省 市 县区 乡镇 部门
    words: dict[str, str]
    led_by: str | list[str]
    addressee: str | list[str]
    superior: str | list[str]
    inner: str
    area: str
    powers: dict[str, bool | str]
    says_not: dict[str, str]
    sources: dict[str, str]
    examples: tuple[str, ...]
    drafts: tuple[str, ...] = ()  # the keys of the drafts' data for this kind, most specific first
    by_tier: bool = False  # a department: a province's department first takes 省级 keys
    lacks: str = ""  # what a bank sentence fit for its level may say that this kind has not or does not do
    justice_work: bool = True  # False: the justice bureau's work (levels.yaml justice_only) is not its own
    units: tuple[str, ...] = ()  # a government's: the units its place's name ends with
    above: str = ""  # the unit above it when its name does not give the place above


@dataclass(frozen=True)
class Trade:
    """A department's trade (教育, 税务…): its party organ, whether it is vertically managed
    and the State Council department at its head."""

    key: str
    match: str
    organ: str = "党组"
    organ_varies: tuple[str, ...] = ()  # tiers where some of the trade's bodies have the other organ (县区: 应急)
    branch_led: bool = False  # its branches in the counties are led by the city's bureau alone (生态环境)
    says_not: dict = field(default_factory=dict)  # what its departments do not say, as kinds' says_not (by tier)
    vertical: bool = False
    national: str = ""
    source: str = ""
    drafts: tuple[str, ...] = ()  # keys of the drafts' data before its kind's (司法部门)
    above: str = ""  # how its superior is named when the name does not tell (上级海关)
    dual: bool = False  # led by its government and by the body above it in its system (公安)
    offices: dict[str, str] = field(default_factory=dict)  # the superior's name by the unit of its place (省: 公安厅)


@dataclass(frozen=True)
class Profile:
    """An issuer parsed: its kind, its place and the place above it, its trade."""

    name: str  # as given (a joint 中共…委、…人民政府 included)
    kind: Kind
    place: str = ""  # the place it stands for: 青山县, 东湖街道, 云川经济技术开发区
    unit: str = ""  # the unit of that place (data/issuers.yaml places): 县, 自治县, 街道, 开发区
    parent: str = ""  # the place above, when the name gives it: 临江市 (of 临江市东湖街道办事处)
    parent_unit: str = ""  # its unit; a county's or township's superior unit when the name does not give it
    trade: str = ""  # 税务, 教育…; '' for a government
    office: str = ""  # a department's name less its place: 税务局, 自然资源和规划局
    tier: str = ""  # the level of government of its place: 省 市 县区 乡镇
    joint: bool = False  # a party committee and its government (中共青岚县委、青岚县人民政府)
    autonomous: bool = False  # 自治区, 自治州, 自治县, 自治旗, 民族乡
    branch: bool = False  # a bureau's branch named after the place it is set in (云川市生态环境局青岚分局)
    fields: dict[str, str] = field(default_factory=dict, compare=False, repr=False)

    @property
    def level(self) -> str:
        return self.kind.level

    def words(self, leader: str = "") -> dict[str, str]:
        """Every slot's value for this issuer (data/issuers.yaml slots): 全域 全县, 我方 我局…;
        ``leader`` (issuer.leader) for the principal leader when given."""
        out = {slot: fill(form, self.fields) for slot, form in self.kind.words.items()}
        if leader:
            out["主要负责人"] = leader
        return out

    @property
    def leader(self) -> str:
        return self.words()["主要负责人"]

    @property
    def self_name(self) -> str:
        return self.words()["我方"]

    @property
    def area(self) -> str:
        return fill(self.kind.area, self.fields)

    @property
    def inner(self) -> str:
        return fill(self.kind.inner, self.fields)

    @property
    def led_by(self) -> str:
        """How the opening says under whom it works (在县委、县政府的坚强领导下，), or ''."""
        return first(self.kind.led_by, self.fields) or ""

    @property
    def addressee(self) -> str | None:
        """Whom the report goes to; None when the name does not tell (a clerk fills it)."""
        return first(self.kind.addressee, self.fields)

    @property
    def superior(self) -> str:
        """The body above it that the report also goes to, as the clerk would name it."""
        return first(self.kind.superior, self.fields) or self.fields.get("superior_hint", "")

    @property
    def draft_keys(self) -> tuple[str, ...]:
        """The keys the drafts' data (drafts.yaml) is looked up by, most specific first: a
        街道's 街道 then 乡镇; a 司法厅's 省级司法部门, 司法部门, 省级部门, 部门."""
        keys: list[str] = []
        trade = next((tr for tr in trades() if tr.key == self.trade), None)
        for key in [*(trade.drafts if trade else ()), *self.kind.drafts]:
            keys += [f"{self.tier}级{key}"] if self.kind.by_tier and self.tier == "省" else []
            keys.append(key)
        return tuple(dict.fromkeys(keys))

    def can(self, power: str) -> bool | str:
        """What the model says of a power (data/issuers.yaml power_names): True, False, or a
        condition in words (参照, 按省级规定)."""
        return self.kind.powers.get(power, False)


@functools.lru_cache(maxsize=1)
def table() -> dict:  # noqa: D103 - data/issuers.yaml as read
    from draftkit.resources import data_file

    return data_file("issuers.yaml")


@functools.lru_cache(maxsize=1)
def body_ends() -> str:
    """How a body's name ends (offices' suffixes and body_ends), as a regex alternation,
    longest first: the reader finds signatures, addressees and a title's issuer by it."""
    ends = {o["suffix"] for o in table()["offices"] if o["suffix"]} | set(table()["body_ends"])
    return "|".join(sorted(ends, key=lambda e: (-len(e), e)))


@functools.lru_cache(maxsize=1)
def kinds() -> dict[str, Kind]:
    """Every kind, in the order of data/issuers.yaml."""
    return {key: Kind(key, k["name"], k["level"], dict(k["words"]), k.get("led_by", ""), k.get("addressee", ""),
                      k.get("superior", ""), k.get("inner", ""), k.get("area", ""), dict(k.get("powers", {})),
                      dict(k.get("says_not") or {}), dict(k.get("sources", {})), tuple(k.get("examples", ())),
                      tuple(k.get("drafts", ())), bool(k.get("by_tier")), k.get("lacks", ""), k.get("justice_work", True),
                      tuple(k.get("units", ())), k.get("above", ""))
            for key, k in table()["kinds"].items()}


@functools.lru_cache(maxsize=1)
def trades() -> tuple[Trade, ...]:
    return tuple(Trade(**{**t, "drafts": tuple(t.get("drafts", ())), "offices": dict(t.get("offices") or {}),
                          "organ_varies": tuple(t.get("organ_varies", ())), "says_not": dict(t.get("says_not") or {})})
                 for t in table()["trades"])


def trade_of(name: str) -> Trade | None:
    """The trade a department's name shows (教育局 → 教育), or None."""
    return next((t for t in trades() if rx(t.match).search(name)), None)


def slot_names() -> tuple[str, ...]:
    """The slots an issuer fills (data/issuers.yaml slots), in their order."""
    return tuple(table()["slots"])


@functools.lru_cache(maxsize=512)
def rx(pattern: str) -> re.Pattern:
    return re.compile(pattern)


_FIELD = re.compile(r"\{(\w+)\}")


def fill(form: str, fields: dict[str, str], strict: bool = False) -> str | None:
    """A template of data/issuers.yaml filled; with ``strict``, None where a field is unknown."""
    missing = [m for m in _FIELD.findall(form) if not fields.get(m)]
    if strict and missing:
        return None
    return _FIELD.sub(lambda m: fields.get(m.group(1), ""), form)


def first(forms: str | list[str], fields: dict[str, str]) -> str | None:
    """The first of a field's templates (one, or a list) whose words are all known."""
    for form in [forms] if isinstance(forms, str) else forms:
        if (out := fill(form, fields, strict=True)) is not None:
            return out
    return None


