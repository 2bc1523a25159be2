"""What ``draftkit new --from`` asks about last year's report carried forward: each sentence
of last year confirmed, rewritten in place or deleted; each item of last year's plan written
as whole sentences (what was done; for what was not, why — an empty cause is refused);
last year's shortcomings and leaders' duties written anew."""

from __future__ import annotations

import re

from draftkit import slots
from draftkit.drafting.prompter import wrap
from draftkit.drafting.validators import to_number, v_number, v_sentence
from draftkit.report.schema import figure, record


class CarriedPrompts:
    """Mixed into the flow: needs ``ui``, ``year``, ``echo``, ``save`` and the slot prompts."""

    def resolve_todo(self, key: str, holder: dict, item: dict) -> None:
        """A note carried from last year's report: a sentence of last year to confirm or
        rewrite, last year's plan item (done / partly / not done, written as whole
        sentences), or last year's shortcoming or leaders' duty to write anew."""
        todo = item["todo"]
        if "text" in item or "phrase" in item:
            return self.confirm_item(key, holder, item)
        self.echo(wrap(todo, "  "))
        plan = re.compile(r"去年计划：(.*?)(?: — 完成情况？)?$", re.S).match(todo)
        lead = re.compile(r"[。；]").split(plan.group(1) if plan else re.compile(r"^.*?：| — .*$").sub("", todo))[0]
        if plan:
            status = self.ui.select("完成情况：", ["已完成", "部分完成", "未完成", "删去这一项"], back=False)
        else:
            status = self.ui.select("这一项：", ["写今年的情况", "删去这一项"], back=False)
        if status == "删去这一项":
            holder["items"].remove(item)
            self.save(f"part:{key}")
            return
        if status in ("已完成", "部分完成", "未完成"):
            sentence = self.plan_sentence(lead, status)
        else:
            sentence = self.ui.text("写成完整的一句（可修改）：", lead, v_sentence, back=False)
        new = record("item", text=sentence)
        written = self.ui.text("有关数据，如“12场次”（可留空）：", "",
                               lambda t: True if not t.strip() or re.compile(r"\s*\d+(\.\d+)?\s*\S{1,4}\s*").fullmatch(t)
                               else "请写成数字加单位，如 12场次", back=False)
        if written.strip():
            m = re.compile(r"\s*(\d+(?:\.\d+)?)\s*(\S{1,4})\s*").fullmatch(written)
            prev = self.ui.text(f"{self.year - 1}年的数值（用于计算同比，可留空）：", "",
                                lambda t: v_number(t, optional=True), back=False)
            value = figure(to_number(m.group(1)), m.group(2), to_number(prev) if prev else None)
            name = slots.fresh_name({k for it in holder["items"] for k in it.get("values", {})})
            new = record("item", text=f"{sentence.rstrip('。；，')}，{{{name}}}。", values={name: value})
        holder["items"][holder["items"].index(item)] = new
        self.save(f"part:{key}")

    def plan_sentence(self, lead: str, status: str) -> str:
        """Last year's plan item as this year's sentence: what was done, and for what was
        not, why (an empty cause is refused)."""
        topic = lead.strip("。；，")
        if status == "已完成":
            return self.ui.text(f"上年度安排的“{topic}”，今年做了什么（写成完整的一句）：", "", v_sentence,
                                back=False)
        done = ""
        if status == "部分完成":
            done = self.ui.text(f"上年度安排的“{topic}”，已经做了什么（写成完整的一句）：", "", v_sentence,
                                back=False).rstrip("。；，")
        missing = self.ui.text("哪些还没有完成：", "" if done else topic, v_sentence, back=False).rstrip("。；，")
        cause = self.ui.text("没有完成的原因：", "", v_sentence, back=False).rstrip("。；，")
        cause = re.compile(r"^(?:主要)?原因是").sub("", cause)
        if done:
            return f"{done}；{missing}尚未完成，主要原因是{cause}。"
        return f"上年度安排的“{missing}”尚未完成，主要原因是{cause}。"

    def confirm_item(self, key: str, holder: dict, item: dict) -> None:
        """A sentence to confirm (last year's, or a first draft's): keep it, rewrite it in
        place (prefilled), or delete it; a plan item is kept as next year's, not as done."""
        self.echo(wrap(self.item_preview(item), "  "))  # its slots by name (【数字】), not {n}
        self.echo(wrap(item["todo"], "  （", "）"))
        keep = "明年要这样做，保留" if key == "plan" else "今年仍是这样，保留"  # a plan is next year's
        choice = self.ui.select("这一句：", [keep, "修改这一句", "删去这一句"], back=False)
        if choice == "删去这一句":
            holder["items"].remove(item)
        else:
            del item["todo"]
            if choice == "修改这一句":
                self.edit_item(item, back=False)
        self.save(f"part:{key}")
