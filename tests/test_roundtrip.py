"""Round trip: each example and each issuer kind's default draft (``new --defaults``),
filled as a clerk fills it — the numbers in, each phrase-bank sentence confirmed (its todo
line deleted), the date given — rendered to .docx and .md and checked: not one finding,
errors, warnings or hints."""

import datetime as dt
import itertools
import re

import pytest
import yaml
from conftest import EXAMPLES

from draftkit import slots
from draftkit.app import render_file
from draftkit.bank.phrasebank import Bank, shipped_bank_dir
from draftkit.drafting.firstdraft import write_first_draft
from draftkit.review import check_file

ISSUERS = {  # one of each kind: its name says its level
    "county": "青岚县人民政府", "township": "青岚县云溪镇人民政府", "department": "青岚县市场监督管理局",
    "justice": "青岚县司法局", "city": "云川市人民政府", "province": "江川省人民政府",
    # kinds whose names end otherwise (办事处, 管委会, 海关, 调查队, 税务局 under 国家税务总局)
    "street": "云川市东湖区临江街道办事处", "zone": "云川经济技术开发区管理委员会", "customs": "云川海关",
    "survey": "国家统计局青岚调查队", "tax": "国家税务总局青岚县税务局"}
# whom the clerk addresses where the name does not tell (a real superior body's name)
ADDRESSEES = {"street": "中共云川市东湖区委、云川市东湖区人民政府", "zone": "中共云川市委、云川市人民政府",
              "customs": "海关总署", "survey": "国家统计局云川调查总队", "tax": "国家税务总局云川市税务局"}
TODAY = dt.date(2026, 2, 10)


class Clerk:
    """Fills a draft as a clerk does by hand: each count and rate with this year's and last
    year's value (counts of meetings small), a document's title, a year."""

    def __init__(self, bank: Bank, kind: str):
        self.bank, self.kind = bank, kind
        self.n = itertools.count()

    def figure(self, unit: str, part_of_total: bool = False) -> dict:
        k = next(self.n)
        if part_of_total:  # 其中…: a part of the total before it
            return {"current": 3 + k % 4, "previous": 2 + k % 4, "unit": unit}
        if unit == "%":
            return {"current": 95 + k % 5, "previous": 93 + k % 5, "unit": "%"}
        if unit == "次":
            return {"current": 4 + k % 3, "previous": 3 + k % 3, "unit": "次"}
        return {"current": 30 + 11 * k, "previous": 26 + 11 * k, "unit": unit}

    def value(self, name: str, kind: str, text: str):
        if kind == "percent":
            return self.figure("%")
        if kind == "number" or kind.startswith("figure"):
            return self.figure(slots.unit_after(text, name) or kind.partition(":")[2] or "件")
        return {"year": 2021, "title": "《青岚县行政执法监督办法》", "date": "2025年3月1日"}.get(kind, "执法监督")

    def fill(self, data: dict) -> dict:
        data["date"] = TODAY
        data.pop("progress", None)
        if data.get("addressee", "") is None:  # the name does not tell whom it reports to: the clerk writes it
            data["addressee"] = ADDRESSEES[self.kind]
        # the body above whose party organ leads it, when the name does not tell (海关, 调查队): its addressee
        data["opening"] = re.sub(r"【待填：上级[^】]*名称】", ADDRESSEES.get(self.kind, ""), data["opening"])
        for part in data["parts"].values():
            for sec in part.get("sections", []):
                if "【待写" in sec.get("heading", ""):  # a trade the table lacks: the clerk writes its heading
                    sec["heading"] = "依法履行本单位法定职责，推进依法治理"
            for holder in [part, *part.get("sections", [])]:
                for item in holder.get("items", []):
                    if not isinstance(item, dict):
                        continue
                    if set(item) == {"todo"}:  # 【待写】 only (a trade the table lacks): the clerk writes it
                        item["text"] = "依法开展本行业执法检查，全年检查12次"
                    assert "text" in item or "phrase" in item, item
                    item.pop("todo", None)  # confirmed: this office did it this year
                    phrase = self.bank.get(item["phrase"]) if "phrase" in item else None
                    text, kinds = (phrase.text, dict(phrase.slots)) if phrase else (item["text"], {})
                    values = item.get("values") or {}
                    for name, v in values.items():
                        if isinstance(v, dict) and v.get("current") is None:
                            values[name] = self.figure(v.get("unit") or "件", "其中" in text.split("{" + name + "}")[0])
                        elif v is None:
                            values[name] = self.value(name, kinds.get(name) or slots.kind_by_name(name), text)
        return data


def findings_of(data: "Path", tmp_path) -> dict[str, list]:  # noqa: F821
    out = {}
    for fmt in ("docx", "md"):
        target, found = render_file(data, tmp_path / f"{data.stem}.{fmt}")
        assert target is not None, [str(f) for f in found]
        out[data.name] = [f"{f.code} {f.message}" for f in found]
        out[target.name] = [f"{f.code} {f.message}" for f in check_file(target)]
    return out


@pytest.fixture(scope="module")
def bank():
    return Bank.load(shipped_bank_dir())


@pytest.mark.parametrize("key", ISSUERS)
def test_a_filled_default_draft_renders_and_checks_clean(key, bank, tmp_path):
    answers = tmp_path / f"{key}.yaml"
    write_first_draft(answers, bank, ISSUERS[key], None, 2025, today=TODAY)
    data = Clerk(bank, key).fill(yaml.safe_load(answers.read_text(encoding="utf-8")))
    answers.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    found = findings_of(answers, tmp_path)
    assert found == {name: [] for name in found}, found
    text = (tmp_path / f"{key}.md").read_text(encoding="utf-8")
    assert "【待" not in text and not slots.SLOT_RE.search(text)


@pytest.mark.parametrize("example", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.stem)
def test_each_example_renders_and_checks_clean(example, tmp_path):
    found = findings_of(example, tmp_path)
    assert len(found) == 3 and found == {name: [] for name in found}, found


def test_a_claim_after_a_figure_and_its_yoy_counts_the_figure():
    """“办理答复162件，同比增长2.5%，均按时提交”: the 同比 draftkit writes after a figure does not
    take the figure away from the claim that follows it (check A006)."""
    from draftkit.review.claim_rules import unconfirmed

    for said in ("全年办理行政复议答复162件，同比增长2.5%，均按时提交答复书和证据材料",
                 "制发规范性文件6件，比上年减少3件，全部经合法性审核"):
        assert unconfirmed(said) == [], said
    assert unconfirmed("全年办理行政复议答复162件，同比增长2.5%，按时提交答复书")  # no subject: still asked
    assert unconfirmed("同比增长2.5%，均按时提交")  # a change with no figure before it counts nothing
