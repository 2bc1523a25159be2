"""``draftkit new``: draft a report by answering questions, part by part, from the bank.

The answers are kept in the data-file format that ``draftkit render`` reads, plus a
``progress`` key, and saved (temp file, then rename) after every answer, keeping the
comments the clerk wrote in the file; Ctrl-C saves what was being typed too, and
``--resume`` continues where it stopped with it back in the line.

Every question accepts ``<`` to go back one step. The first questions are data
(questions.py); the parts are walked here; what is added to them is adding.py's; slots are
asked in slotprompts.py; the terminal is prompter.py's.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from draftkit import slots
from draftkit.bank.phrasebank import Bank
from draftkit.domain import (
    PART_NAMES,
    REQUIRED_PARTS,
    default_part_heading,
)
from draftkit.drafting.defaults import PART_STYLE, default_year
from draftkit.drafting.prompter import Prompter, wrap
from draftkit.drafting.questions import BASICS, ask_basic
from draftkit.drafting.adding import AddPrompts
from draftkit.drafting import answersfile
from draftkit.drafting.carried import CarriedPrompts
from draftkit.drafting.kept import KeptRuns
from draftkit.drafting.slotprompts import SlotPrompts
from draftkit.drafting.validators import Back
from draftkit.report.schema import record


@dataclass
class Flow(SlotPrompts, CarriedPrompts, AddPrompts, KeptRuns):
    """The interactive drafting: the questions asked, the answers kept, the report written."""

    answers_path: Path
    bank_source: Bank | Callable[[], Bank]  # a bank, or a function that returns it (loading in the background)
    ui: Prompter
    today: dt.date = field(default_factory=dt.date.today)
    data: dict = field(default_factory=dict)
    output: Path | None = None
    echo: Callable[[str], None] = print
    bank_dirs: list[Path] = field(default_factory=list)  # extra banks, needed again to render
    on_disk: str | None = None  # what the answers file held when last read or written (answersfile.py)

    @property
    def bank(self) -> Bank:
        if not isinstance(self.bank_source, Bank):
            self.bank_source = self.bank_source()
        return self.bank_source

    # -- persistence --
    def save(self, step: str) -> None:
        answersfile.save(self, step)

    @classmethod
    def resume(cls, answers_path: Path, bank: Bank, ui: Prompter, **kw) -> "Flow":
        from draftkit.report.datafile import read_data

        flow = cls(answers_path, bank, ui, data=read_data(answers_path, "答案文件"), **kw)
        flow.on_disk = answersfile.fingerprint(answers_path)
        typing = flow.data.get("progress", {}).pop("typing", None)  # what Ctrl-C interrupted
        if isinstance(typing, dict) and hasattr(ui, "typing"):
            ui.typing.update({str(k): str(v) for k, v in typing.items()})
        return flow

    # -- the steps --
    def steps(self) -> list[tuple[str, Callable[[], None]]]:
        out: list[tuple[str, Callable[[], None]]] = [(q.step, lambda q=q: ask_basic(self, q)) for q in BASICS]
        for key in REQUIRED_PARTS:
            out.append((f"part:{key}", lambda key=key: self.ask_part(key)))
        out.append(("finish", self.finish))
        return out

    def run(self) -> int:
        steps = self.steps()
        keys = [k for k, _ in steps]
        start = self.data.get("progress", {}).get("step", "issuer")
        i = keys.index(start) if start in keys else 0
        while i < len(steps):
            key, fn = steps[i]
            try:
                fn()
            except Back:
                i = max(0, i - 1)
                self.save(keys[i])
                continue
            i += 1
            self.save(keys[i] if i < len(steps) else "done")
        return 0

    @property
    def issuer(self) -> dict:
        return self.data.setdefault("issuer", {})

    @property
    def year(self) -> int:
        return int(self.data.get("year") or default_year(self.today))

    # -- parts --
    def _part(self, key: str) -> dict:
        part = self.data.setdefault("parts", {}).setdefault(key, record("part", style=PART_STYLE[key], items=[]))
        if "items" not in part and "sections" in part:
            part["items"] = []  # new items come before the sections
        return part

    @staticmethod
    def entries(part: dict) -> list[tuple[dict, dict]]:
        """(holder, item) for the part's own items and those of its sections, in order."""
        holders = [part] + part.get("sections", [])
        return [(h, it) for h in holders for it in h.get("items", [])]

    def ask_part(self, key: str) -> None:
        progress = self.data.setdefault("progress", {})
        skipped = progress.setdefault("skipped", [])
        visited = progress.setdefault("visited", [])
        part = self._part(key)
        if key not in visited:  # first visit: start from the default draft (drafting/firstdraft.py)
            from draftkit.drafting.firstdraft import part_content

            level, place = self.issuer.get("level", ""), self.issuer.get("place", "")
            part.clear()
            part.update(part_content(key, self.bank, level, place, self.issuer.get("name", ""), self.year + 1))
            part.setdefault("items", [])  # what is added comes before the drafted sections
            part.setdefault("style", PART_STYLE[key])
            visited.append(key)
            self.save(f"part:{key}")
        title = default_part_heading(key, self.year, self.issuer.get("level", ""))
        self.take_up(key, part)
        while True:
            entries = self.entries(part)
            self.echo(f"\n{PART_NAMES[key]}：{title}")
            last_holder = None
            for n, (holder, item) in enumerate(entries, 1):
                if holder is not last_holder and holder.get("heading"):
                    self.echo(f"  （{holder['heading']}）")
                last_holder = holder
                self.echo(f"  {n}. {self.item_preview(item)[:50]}")
            choice = self.ui.select(
                f"{PART_NAMES[key]}（{len(entries)} 项）：",
                ["完成本部分", "按主题从短语库添加", "自己写一句", "修改一项", "删除一项", "调整顺序", "预览本部分",
                 "跳过这一部分"],
                default="完成本部分")
            if choice == "完成本部分":
                if not entries:
                    self.echo("本部分还没有内容：请添加，或选择“跳过这一部分”。")
                    continue
                try:
                    for holder, item in entries:
                        if "todo" in item:
                            self.resolve_todo(key, holder, item)
                    self.fill_blanks([item for _, item in self.entries(part)])
                except Back:  # “<” at the first blank: back to this part's choices
                    continue
                if key in skipped:
                    skipped.remove(key)
                return
            if choice == "按主题从短语库添加":
                self.add_from_bank(key, part)
            elif choice == "自己写一句":
                self.write_own(part, key)
            elif choice == "修改一项" and entries:
                try:
                    _, item = entries[self._choose_item(entries, "修改哪一项：")]
                    self.edit_item(item)
                except Back:
                    continue
                item.pop("todo", None)
            elif choice == "删除一项" and entries:
                try:
                    holder, item = entries[self._choose_item(entries, "删除哪一项：")]
                except Back:
                    continue
                holder["items"].remove(item)
                if holder is not part and not holder["items"]:  # a drafted section left empty goes
                    part["sections"].remove(holder)
            elif choice == "调整顺序" and len(entries) > 1:
                try:
                    holder, item = entries[self._choose_item(entries, "移动哪一项（在本节之内）：")]
                    where = self.ui.select("移到：", ["上移一位", "下移一位", "移到最前", "移到最后"])
                except Back:
                    continue
                items = holder["items"]
                n = items.index(item)
                items.pop(n)
                target = {"上移一位": max(0, n - 1), "下移一位": min(len(items), n + 1), "移到最前": 0,
                          "移到最后": len(items)}[where]
                items.insert(target, item)
            elif choice == "预览本部分":
                self.echo(self.preview_part(key))
            elif choice == "跳过这一部分":
                if self.ui.confirm(f"确定跳过“{PART_NAMES[key]}”？这是规定必须报告的内容。", default=False):
                    if key not in skipped:
                        skipped.append(key)
                    self.data["parts"].pop(key, None)
                    return
            self.save(f"part:{key}")

    def _choose_item(self, entries: list[tuple[dict, dict]], message: str) -> int:
        labels = [f"{n}. {self.item_preview(it)[:40]}" for n, (_, it) in enumerate(entries, 1)]
        answer = self.ui.select(message, labels)
        return labels.index(answer)

    # -- slots --
    def preview_part(self, key: str) -> str:
        """The part as the report will read: the render path's own paragraphs (one per
        一是 where the output has one per 一是), blanks shown as 【待填】 and 【待写】."""
        import copy
        import datetime as dt

        from draftkit.errors import DraftkitError
        from draftkit.render.pipeline import report_blocks
        from draftkit.report.datafile import dump
        from draftkit.report.loader import load_report_lenient

        part = copy.deepcopy(self._part(key))
        for holder in [part] + part.get("sections", []):
            items = []
            for item in holder.get("items", []):
                if "todo" in item and "text" not in item and "phrase" not in item:
                    items.append(f"【待写：{item['todo'][:30]}…】")
                    continue
                item = {k: v for k, v in item.items() if k != "todo"}
                for name in self.unfilled(item):
                    item.setdefault("values", {})[name] = slots.TO_FILL.format(slots.label(name))
                items.append(item)
            if "items" in holder:
                holder["items"] = items
        if not part.get("items"):
            part.pop("items", None)
        data = record("report", issuer=record("issuer", name=self.issuer.get("name") or "预览",
                                              level=self.issuer.get("level") or "县区"),
                      year=self.year, date=dt.date(self.year + 1, 1, 1),
                      parts={k: (record("part", items=["预览"]) if k != key else part) for k in REQUIRED_PARTS})
        try:
            report, _ = load_report_lenient("预览", dump(data))
            blocks = report_blocks(report, bank_dirs=self.bank_dirs)
        except DraftkitError as exc:
            return "暂时无法预览：" + "；".join(str(p) for p in exc.problems[:3])
        return "\n".join(wrap(b.text, "  " if b.kind == "body" else "") for b in blocks if b.part == key)

    def summary(self) -> str:
        lines = ["", "汇总："]
        skipped = self.data.get("progress", {}).get("skipped", [])
        unfilled = 0
        for key in REQUIRED_PARTS:
            if key in skipped:
                lines.append(f"  {PART_NAMES[key]}：已跳过")
                continue
            items = [it for _, it in self.entries(self.data.get("parts", {}).get(key, {}))]
            gaps = sum(len(self.unfilled(it)) + ("todo" in it and "text" not in it) for it in items)
            unfilled += gaps
            lines.append(f"  {PART_NAMES[key]}：{len(items)} 项" + (f"，{gaps} 个空位未填" if gaps else ""))
        lines.append(f"  未填写的空位：{unfilled} 个")
        return "\n".join(lines)

    def finish(self) -> None:
        from draftkit.app import render_file
        from draftkit.errors import DraftkitError
        from draftkit.review.output import format_human

        self.echo(self.summary())
        if not self.ui.confirm("生成报告？", default=True):
            raise Back
        self.save("finish")
        target = self.output or self.answers_path.with_suffix(".docx")
        try:
            written, findings = render_file(self.answers_path, target, bank_dirs=self.bank_dirs)
        except DraftkitError as exc:
            self.echo("答案已保存，但还不能生成报告：")
            for p in exc.problems:
                self.echo(f"  {p}")
            self.echo(f"修改后运行：draftkit render {self.answers_path}")
            return
        if findings:
            self.echo(format_human("检查", findings))
        if written is None:
            self.echo(f"检查发现错误，未生成报告；答案已保存在 {self.answers_path}。")
        else:
            self.echo(f"已生成：{written}\n答案已保存：{self.answers_path}")


def run(answers_path: Path, resume: bool, bank: Bank | Callable[[], Bank], ui: Prompter, output: Path | None = None,
        today: dt.date | None = None, echo: Callable[[str], None] = print,
        bank_dirs: list[Path] | None = None, start: dict | None = None) -> int:
    """Run the flow; Ctrl-C saves and says how to resume. ``start``: data to begin from
    (last year's report carried forward by the importer)."""
    kw: dict = {"output": output, "echo": echo, "bank_dirs": list(bank_dirs or [])}
    if today:
        kw["today"] = today
    if resume:
        flow = Flow.resume(answers_path, bank, ui, **kw)
    else:
        flow = Flow(answers_path, bank, ui, data=dict(start or {}), **kw)
        if start:  # its parts are already written: no recommended sentences over them
            flow.data["progress"] = record("progress", visited=list(REQUIRED_PARTS), skipped=[])
            if flow.data.get("date") is None:
                flow.data.pop("date", None)
            flow.save("issuer")
    try:
        return flow.run()
    except KeyboardInterrupt:
        step = flow.data.get("progress", {}).get("step", "issuer")
        typing = dict(getattr(ui, "typing", {}))
        if typing:  # kept, and put back in the line when the question comes again
            flow.data.setdefault("progress", {})["typing"] = typing
        flow.save(step)
        kept = "；正在输入的“" + "”“".join(t[:20] for t in typing.values()) + "”也已保存，继续时会填在输入行里" if typing else ""
        echo(f"\n已中断，答案已保存到 {answers_path}{kept}。继续：draftkit new --resume {answers_path}")
        return 130


__all__ = ["run", "Flow"]

