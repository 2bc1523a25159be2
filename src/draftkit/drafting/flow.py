"""``draftkit new``: draft a report by answering questions, part by part, from the bank.

The answers are kept in the data-file format that ``draftkit render`` reads, plus a
``progress`` key, and saved (temp file, then rename) after every answer, so an interrupted
run loses at most the answer being typed and ``--resume`` continues where it stopped.

Every question accepts ``<`` to go back one step. The prompts are questionary's; the
``Prompter`` passes prompt_toolkit input/output through, which the tests use to drive the
whole flow with pipe input.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from draftkit.mining.labels import PART_NAMES, TOPIC_NAMES
from draftkit.report.model import LEVELS, PART_KEYS, REQUIRED_PARTS, default_part_heading, default_title
from draftkit.bank.phrasebank import Bank, Entry
from draftkit.mining.structure import place_of

BACK = "<"
BACK_CHOICE = "← 返回上一步"
BUILTIN_SLOTS = {"year", "next_year", "place", "issuer"}
PART_STYLE = {"measures": "enumerate_paragraphs", "shortcomings": "enumerate", "leadership": "paragraphs",
              "plan": "enumerate"}
RECOMMENDED = {"measures": 4, "shortcomings": 2, "leadership": 3, "plan": 3}
PICK_LIMIT = 50  # completions shown while filtering


class Back(Exception):
    """The user asked to go back one step."""


# --- defaults --------------------------------------------------------------------------

def default_year(today: dt.date) -> int:
    """The report due next: last year's until the end of March, this year's after."""
    return today.year - 1 if today.month <= 3 else today.year


def default_date(today: dt.date, year: int) -> dt.date | None:
    """Today, when today falls in January–March of the year after the reported one."""
    return today if today.year == year + 1 and today.month <= 3 else None


def plenums(year: int) -> str:
    """The congress and plenums to cite in a report on ``year`` written early in year+1
    (../shared/spec/currency.md)."""
    if year >= 2026:
        return "党的二十大和二十届历次全会精神"
    return {
        2025: "党的二十大和二十届二中、三中、四中全会精神",
        2024: "党的二十大和二十届二中、三中全会精神",
        2023: "党的二十大和二十届二中全会精神",
        2022: "党的二十大精神",
    }.get(year, "党的十九大和十九届历次全会精神")


def default_opening(year: int, place: str) -> str:
    """An opening in our own words with the formulations current for the year."""
    thought = "习近平法治思想" if year >= 2020 else "习近平全面依法治国新理念新思想新战略"
    if 2021 <= year <= 2025:
        plan = "对照《法治政府建设实施纲要（2021—2025年）》确定的目标任务"
    elif year <= 2020:
        plan = "对照《法治政府建设实施纲要（2015—2020年）》确定的目标任务"
    else:
        plan = "对照法治政府建设的目标任务"  # no 2026–2030 纲要 has been found: none is named
    who = place or "我们"
    return (f"{year}年，{who}坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻{thought}，"
            f"全面贯彻{plenums(year)}，{plan}，扎实推进依法行政各项工作。现将有关情况报告如下：")



# What a part's default sentences should do (moves of ../shared/spec/phrasebank.md).
_CORE_MOVES = {
    "measures": {"result": 3, "measure": 2, "innovation": 2},
    "shortcomings": {"problem": 3, "cause": 3},
    "leadership": {"deploy": 3, "study": 3, "court": 3, "report": 3, "assess": 3, "supervise": 2},
    "plan": {"task": 3, "safeguard": 2},
}
_LEAD_IN = re.compile(r"如下|以下|下列|主要是$|考察|调研|学习借鉴")


def _score(e: Entry) -> int:
    score = e.docs * 10 + _CORE_MOVES.get(e.part, {}).get(e.move, 0)
    score += 2 if 12 <= len(e.text) <= 60 else 0
    return score - (20 if _LEAD_IN.search(e.text) else 0)


def recommended(bank: Bank, part: str, n: int) -> list[Entry]:
    """Default sentences for a part: the bank's most used first, then those doing the
    part's core job (results, causes, the leaders' concrete duties, tasks), of clause
    length, not lead-ins; one a topic before a second of any; a shortcoming's cause
    among the shortcomings."""
    pool = sorted((e for e in bank.entries() if e.part == part and e.kind in ("sentence", "item")),
                  key=lambda e: (-_score(e), e.id))
    out: list[Entry] = []
    if part == "shortcomings":
        out.extend([e for e in pool if e.move == "cause"][:1])
    seen_topics = {e.topic for e in out}
    for e in pool:
        if len(out) >= n:
            break
        if e.topic not in seen_topics and e not in out:
            out.append(e)
            seen_topics.add(e.topic)
    for e in pool:
        if len(out) >= n:
            break
        if e not in out:
            out.append(e)
    return out


# --- validators (return True or the message to show) -----------------------------------

def _is_back(text: str) -> bool:
    """``<`` typed at the end of the answer: a default already in the line need not be erased."""
    return text.strip().endswith(BACK)


def v_required(text: str) -> bool | str:
    return True if _is_back(text) or text.strip() else "不能为空"


def v_year(text: str) -> bool | str:
    if _is_back(text):
        return True
    return True if re.fullmatch(r"\s*(19|20)\d{2}\s*", text) else "请输入四位年份，如 2025"


def v_int(text: str) -> bool | str:
    if _is_back(text):
        return True
    return True if re.fullmatch(r"\s*\d+\s*", text) else "请输入整数，如 12"


def v_number(text: str, optional: bool = False) -> bool | str:
    if _is_back(text) or (optional and not text.strip()):
        return True
    return True if re.fullmatch(r"\s*\d+(\.\d+)?\s*", text) else "请输入数字，如 12 或 3.5"


def v_percent(text: str) -> bool | str:
    ok = v_number(text)
    if ok is not True or _is_back(text):
        return ok
    return True if float(text) <= 100 else "百分率应在 0 到 100 之间"


def parse_date(text: str) -> dt.date | None:
    from draftkit.report.loader import parse_date as parse  # lazily: yaml is not needed for the first question

    return parse(text)


def v_date_for(year: int) -> Callable[[str], bool | str]:
    def check(text: str) -> bool | str:
        if _is_back(text):
            return True
        d = parse_date(text)
        if d is None:
            return "请输入日期，如 2026-02-10 或 2026年2月10日"
        if d <= dt.date(year, 12, 31):
            return f"成文日期应在 {year} 年结束之后"
        if d > dt.date(year + 1, 12, 31):
            return f"成文日期不应晚于 {year + 1} 年底"
        return True

    return check


def _num(text: str) -> int | float:
    v = float(text)
    return int(v) if v.is_integer() else v


# --- the prompter ----------------------------------------------------------------------

class Prompter:
    """questionary with Chinese instructions and ``<`` for back; ``kwargs`` (input/output)
    are passed through to prompt_toolkit."""

    def __init__(self, **kwargs: Any):
        self.kwargs = kwargs

    def _ask(self, question) -> Any:
        return question.unsafe_ask()  # Ctrl-C raises KeyboardInterrupt: the flow saves first

    def text(self, message: str, default: str = "", validate=None, back: bool = True) -> str:
        import questionary

        hint = "（输入 < 返回上一步）" if back else ""
        answer = self._ask(questionary.text(message + hint, default=default, validate=validate, **self.kwargs))
        if back and _is_back(answer):
            raise Back
        return answer.strip()

    def select(self, message: str, choices: list[str], default: str | None = None, back: bool = True) -> str:
        import questionary

        options = choices + ([BACK_CHOICE] if back else [])
        answer = self._ask(questionary.select(message, options, default=default, instruction="（↑↓ 选择，回车确认）",
                                              **self.kwargs))
        if answer == BACK_CHOICE:
            raise Back
        return answer

    def checkbox(self, message: str, choices: list[tuple[str, str, bool]]) -> list[str]:
        """choices: (value, label, checked); an empty selection with nothing checked is back."""
        import questionary

        qs = [questionary.Choice(label, value=value, checked=checked) for value, label, checked in choices]
        qs.append(questionary.Choice(BACK_CHOICE, value=BACK))
        answer = self._ask(questionary.checkbox(message, qs, instruction="（空格勾选，回车确认）", **self.kwargs))
        if BACK in answer:
            raise Back
        return answer

    def confirm(self, message: str, default: bool = True) -> bool:
        import questionary

        return self._ask(questionary.confirm(message, default=default, **self.kwargs))

    def pick(self, message: str, completer) -> str:
        """Type to filter the bank; Tab/↑↓ through the matches; Enter on an empty line ends."""
        import questionary

        answer = self._ask(questionary.autocomplete(message + "（输入关键词筛选，空行回车结束，< 返回）", choices=[],
                                                    completer=completer, **self.kwargs))
        if _is_back(answer):
            raise Back
        return answer.strip()


class BankCompleter:
    """Completions from the bank entries of one part (and topic), best first: entries
    containing every typed word, more documents first, then shorter."""

    def __init__(self, entries: list[Entry], year: int | None = None):
        self.entries = sorted(entries, key=lambda e: (-e.docs, len(e.text), e.id))
        self._outdated = None
        if year:
            from draftkit.review.check import currency_table

            rows = [r["find"] for r in currency_table()["outdated"]
                    if r.get("min_year", 0) <= year <= r.get("max_year", 9999)]
            self._outdated = re.compile("|".join(f"(?:{f})" for f in rows)) if rows else None

    def outdated(self, e: Entry) -> str:
        """'过时提法' when the entry uses wording outdated for the report's year."""
        return "过时提法" if self._outdated is not None and self._outdated.search(e.text) else ""

    def matches(self, query: str, limit: int = PICK_LIMIT) -> list[Entry]:
        words = query.split()
        out = []
        for e in self.entries:
            if all(w in e.text for w in words):
                out.append(e)
                if len(out) >= limit:
                    break
        return out

    def get_completions(self, document, complete_event):
        from prompt_toolkit.completion import Completion

        query = document.text_before_cursor
        for e in self.matches(query):
            slots = "、".join(re.findall(r"\{(\w+)\}", e.text))
            old = self.outdated(e)
            meta = f"{e.docs}篇" + (f"，空位：{slots}" if slots else "") + (f"，{old}" if old else "")
            yield Completion(e.text, start_position=-len(query), display=e.text[:60], display_meta=meta)

    async def get_completions_async(self, document, complete_event):
        for c in self.get_completions(document, complete_event):
            yield c


# --- the flow --------------------------------------------------------------------------

@dataclass
class Flow:
    answers_path: Path
    bank_source: Bank | Callable[[], Bank]  # a bank, or a function that returns it (loading in the background)
    ui: Prompter
    today: dt.date = field(default_factory=dt.date.today)
    data: dict = field(default_factory=dict)
    output: Path | None = None
    echo: Callable[[str], None] = print
    bank_dirs: list[Path] = field(default_factory=list)  # extra banks, needed again to render

    @property
    def bank(self) -> Bank:
        if not isinstance(self.bank_source, Bank):
            self.bank_source = self.bank_source()
        return self.bank_source

    # -- persistence --
    def save(self, step: str) -> None:
        from draftkit import atomic
        from draftkit.continuity.importer import dump

        self.data.setdefault("progress", {})["step"] = step
        atomic.write_text(self.answers_path,
                          dump(self.data, "# draftkit new 的答案文件：可以手工修改，再用 draftkit render 生成报告\n"))

    @classmethod
    def resume(cls, answers_path: Path, bank: Bank, ui: Prompter, **kw) -> "Flow":
        import yaml

        from draftkit.errors import DraftkitError
        from draftkit.report.loader import read_text

        try:
            data = yaml.safe_load(read_text(answers_path)) or {}
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f":{mark.line + 1}" if mark else ""
            raise DraftkitError(f"{answers_path}{where}: 答案文件不是有效的 YAML，无法继续") from None
        if not isinstance(data, dict):
            raise DraftkitError(f"{answers_path}: 答案文件的格式不对，无法继续")
        return cls(answers_path, bank, ui, data=data, **kw)

    # -- the steps --
    def steps(self) -> list[tuple[str, Callable[[], None]]]:
        out = [("issuer", self.ask_issuer), ("level", self.ask_level), ("year", self.ask_year),
               ("addressee", self.ask_addressee), ("date", self.ask_date), ("title", self.ask_title),
               ("opening", self.ask_opening)]
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

    def ask_issuer(self) -> None:
        self.issuer["name"] = self.ui.text("发文机关名称（如 青岚县人民政府）：", self.issuer.get("name", ""),
                                           v_required, back=False)
        place = place_of(self.issuer["name"])
        if place:
            self.issuer["place"] = place

    def ask_level(self) -> None:
        from draftkit.continuity.importer import guess_level

        guess = self.issuer.get("level") or guess_level(self.issuer.get("name", ""))
        self.issuer["level"] = self.ui.select("层级：", list(LEVELS), default=guess)

    def ask_year(self) -> None:
        self.data["year"] = int(self.ui.text("报告哪一年的情况（年度）：", str(self.year), v_year))

    def ask_addressee(self) -> None:
        self.data["addressee"] = self.ui.text("主送机关（报送给谁，可留空）：", self.data.get("addressee", "")).rstrip("：:")

    def ask_date(self) -> None:
        old = self.data.get("date")
        suggestion = default_date(self.today, self.year)
        default = str(old) if old else (f"{suggestion:%Y-%m-%d}" if suggestion else "")
        text = self.ui.text(f"成文日期（{self.year + 1}年内，如 {self.year + 1}-02-10）：", default,
                            v_date_for(self.year))
        self.data["date"] = parse_date(text)

    def ask_title(self) -> None:
        from draftkit.report.model import Issuer

        computed = default_title(Issuer(self.issuer.get("name", ""), self.issuer.get("level", "")), self.year)
        current = self.data.get("title") or computed
        title = self.ui.text("标题（可修改）：", current, v_required)
        if title == computed:
            self.data.pop("title", None)  # computed: follows the issuer and year if they change
        else:
            self.data["title"] = title

    def ask_opening(self) -> None:
        current = self.data.get("opening") or default_opening(self.year, self.issuer.get("place", ""))
        if isinstance(current, list):  # several paragraphs (an imported report): one question each
            self.data["opening"] = [self.ui.text(f"开头第 {n} 段（可修改；{{year}} 会写成年度）：", para, v_required)
                                    for n, para in enumerate(current, 1)]
            return
        self.data["opening"] = self.ui.text("开头一段（已按年度写好现行提法，可修改）：", current, v_required)

    # -- parts --
    def _part(self, key: str) -> dict:
        part = self.data.setdefault("parts", {}).setdefault(key, {"style": PART_STYLE[key], "items": []})
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
        if key not in visited:  # first visit: start from the bank's most used sentences
            part["items"] = [{"phrase": e.id} for e in recommended(self.bank, key, RECOMMENDED[key])]
            visited.append(key)
            self.save(f"part:{key}")
        title = default_part_heading(key, self.year)
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
                ["完成本部分", "按主题从短语库添加", "自己写一句", "删除一项", "调整顺序", "预览本部分", "跳过这一部分"],
                default="完成本部分")
            if choice == "完成本部分":
                if not entries:
                    self.echo("本部分还没有内容：请添加，或选择“跳过这一部分”。")
                    continue
                for holder, item in entries:
                    if "todo" in item and "text" not in item:
                        self.resolve_todo(key, holder, item)
                for _, item in self.entries(part):
                    self.fill_slots(item)
                if key in skipped:
                    skipped.remove(key)
                return
            if choice == "按主题从短语库添加":
                self.add_from_bank(key, part)
            elif choice == "自己写一句":
                try:
                    text = self.ui.text("写一句（不用写“一是”，程序会编号）：", "", v_required)
                except Back:
                    continue
                part.setdefault("items", []).append({"text": text})
            elif choice == "删除一项" and entries:
                try:
                    holder, item = entries[self._choose_item(entries, "删除哪一项：")]
                except Back:
                    continue
                holder["items"].remove(item)
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

    def resolve_todo(self, key: str, holder: dict, item: dict) -> None:
        """A note carried from last year's report: last year's plan item (done / partly /
        not done), or last year's shortcoming or leaders' duty to write anew."""
        todo = item["todo"]
        self.echo(f"  {todo[:90]}")
        plan = re.match(r"去年计划：(.*?)(?: — 完成情况？)?$", todo)
        lead = re.split(r"[。；]", plan.group(1) if plan else re.sub(r"^.*?：| — .*$", "", todo))[0]
        if plan:
            status = self.ui.select("完成情况：", ["已完成", "部分完成", "未完成", "删去这一项"], back=False)
            default = {"已完成": lead, "部分完成": f"{lead}，已部分完成", "未完成": f"{lead}尚未完成，原因是"}.get(status, "")
        else:
            status = self.ui.select("这一项：", ["写今年的情况", "删去这一项"], back=False)
            default = lead
        if status == "删去这一项":
            holder["items"].remove(item)
            self.save(f"part:{key}")
            return
        sentence = self.ui.text("写成一句（可修改）：", default, v_required, back=False)
        new: dict = {"text": sentence}
        figure = self.ui.text("有关数据，如“12场次”（可留空）：", "",
                              lambda t: True if not t.strip() or re.fullmatch(r"\s*\d+(\.\d+)?\s*\S{1,4}\s*", t)
                              else "请写成数字加单位，如 12场次", back=False)
        if figure.strip():
            m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*(\S{1,4})\s*", figure)
            prev = self.ui.text(f"{self.year - 1}年的数值（用于计算同比，可留空）：", "",
                                lambda t: v_number(t, optional=True), back=False)
            value: dict = {"current": _num(m.group(1)), "unit": m.group(2)}
            if prev:
                value["previous"] = _num(prev)
            name = f"d{sum(len(it.get('values', {})) for it in holder['items']) + 1}"
            new["text"] = f"{sentence.rstrip('。；，')}，{{{name}}}"
            new["values"] = {name: value}
        holder["items"][holder["items"].index(item)] = new
        self.save(f"part:{key}")

    def _choose_item(self, entries: list[tuple[dict, dict]], message: str) -> int:
        labels = [f"{n}. {self.item_preview(it)[:50]}" for n, (_, it) in enumerate(entries, 1)]
        answer = self.ui.select(message, labels)
        return labels.index(answer)

    def add_from_bank(self, key: str, part: dict) -> None:
        entries = [e for e in self.bank.entries() if e.part == key and e.kind != "formula"]
        counts: dict[str, int] = {}
        for e in entries:
            counts[e.topic] = counts.get(e.topic, 0) + 1
        topics = sorted(counts, key=lambda t: -counts[t])
        try:
            chosen = self.ui.checkbox("本部分写哪些主题（括号里是短语库中的句子数）：",
                                      [(t, f"{TOPIC_NAMES.get(t, t)}（{counts[t]}条）", False) for t in topics])
        except Back:
            return
        for topic in chosen:
            completer = BankCompleter([e for e in entries if e.topic == topic], self.year)
            while True:
                try:
                    text = self.ui.pick(f"【{TOPIC_NAMES.get(topic, topic)}】选一句或自己写", completer)
                except Back:
                    break
                if not text:
                    break
                exact = [e for e in completer.entries if e.text == text]
                item = {"phrase": exact[0].id} if exact else {"text": text}
                part.setdefault("items", []).append(item)
                self.fill_slots(item)
                self.save(f"part:{key}")

    # -- slots --
    def slots_of(self, item: dict) -> dict[str, str]:
        if "phrase" in item:
            p = self.bank.get(item["phrase"])
            return dict(p.slots) if p else {}
        values = item.get("values", {})
        kinds = {}
        for name in re.findall(r"\{(\w+)\}", item.get("text", "")):
            v = values.get(name)
            if isinstance(v, dict):
                kinds[name] = "percent" if v.get("unit") == "%" else f"figure:{v.get('unit', '')}"
            else:
                kinds[name] = "text"
        return kinds

    def item_text(self, item: dict) -> str:
        if "todo" in item and "text" not in item:
            return f"【待写】{item['todo']}"
        if "phrase" in item:
            p = self.bank.get(item["phrase"])
            return p.text if p else f"（短语库中没有 {item['phrase']}）"
        return item.get("text", "")

    def item_preview(self, item: dict) -> str:
        """The item as it will read, with the slots filled so far."""
        from draftkit.render.compose import value_text
        from draftkit.report.model import Figure

        values = item.get("values", {})
        builtins = {"year": self.year, "next_year": self.year + 1, "place": self.issuer.get("place", ""),
                    "issuer": self.issuer.get("name", "")}

        def sub(m: re.Match) -> str:
            name = m.group(1)
            v = values.get(name, builtins.get(name))
            if isinstance(v, dict):
                if v.get("current") is None:
                    return m.group(0)
                v = Figure(v["current"], v.get("previous"), v.get("unit", ""))
            return value_text(v) if v not in (None, "") else m.group(0)

        return re.sub(r"\{(\w+)\}", sub, self.item_text(item))

    def unfilled(self, item: dict) -> list[str]:
        values = item.get("values", {})
        return [n for n in self.slots_of(item) if n not in BUILTIN_SLOTS and
                (n not in values or (isinstance(values[n], dict) and values[n].get("current") is None))]

    def fill_slots(self, item: dict) -> None:
        todo = self.unfilled(item)
        if not todo:
            return
        self.echo(f"  填写：{self.item_text(item)[:70]}")
        kinds = self.slots_of(item)
        values = item.setdefault("values", {})
        for name in todo:
            old = values.get(name)
            if isinstance(old, dict) and old.get("previous") is not None:  # carried from last year's report
                unit = old.get("unit", "")
                check = v_percent if unit == "%" else v_number
                cur = self.ui.text(f"  {{{name}}} {self.year}年的数值（{self.year - 1}年为 {old['previous']}{unit}）：", "",
                                   check)
                values[name] = {**old, "current": _num(cur)}
            else:
                values[name] = self.ask_slot(name, kinds[name])
            self.save(self.data.get("progress", {}).get("step", "issuer"))

    def ask_slot(self, name: str, kind: str) -> Any:
        label = f"  {{{name}}}"
        if kind.startswith("figure"):
            unit = kind.split(":", 1)[1] if ":" in kind else ""
            cur = self.ui.text(f"{label} {self.year}年的数值（{unit or '数字'}）：", "", v_number)
            prev = self.ui.text(f"{label} {self.year - 1}年的数值（用于计算同比，没有可留空）：", "",
                                lambda t: v_number(t, optional=True))
            value: dict = {"current": _num(cur), "unit": unit}
            if prev:
                value["previous"] = _num(prev)
            return value
        if kind == "percent":
            return {"current": _num(self.ui.text(f"{label} 百分率（0–100，不用写 %）：", "", v_percent)), "unit": "%"}
        if kind == "number":
            return _num(self.ui.text(f"{label} 数字：", "", v_number))
        if kind == "year":
            return int(self.ui.text(f"{label} 年份：", "", v_year))
        if kind == "years":
            text = self.ui.text(f"{label} 起止年份（如 2021—2025）：", "",
                                lambda t: True if _is_back(t) or re.fullmatch(r"\s*\d{4}\s*[—\-－~至]+\s*\d{4}\s*", t)
                                else "请写成 2021—2025 的形式")
            a, b = re.findall(r"\d{4}", text)
            return f"{a}—{b}年"
        if kind == "date":
            text = self.ui.text(f"{label} 日期（如 2025年3月1日）：", "",
                                lambda t: True if _is_back(t) or parse_date(t) else "请输入日期，如 2025年3月1日")
            d = parse_date(text)
            return f"{d.year}年{d.month}月{d.day}日"
        if kind == "title":
            return "《" + self.ui.text(f"{label} 文件或法规名称（不用写书名号）：", "", v_required).strip("《》") + "》"
        return self.ui.text(f"{label}：", "", v_required)

    # -- preview and finish --
    def preview_part(self, key: str) -> str:
        from draftkit.cnfmt import enumerate_items

        texts = [self.item_preview(it) for _, it in self.entries(self._part(key))]
        return f"{default_part_heading(key, self.year)}\n{enumerate_items(texts)}"

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
        from draftkit.review.check import format_human
        from draftkit.errors import DraftkitError
        from draftkit.render.pipeline import render_file

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
            flow.data["progress"] = {"visited": list(REQUIRED_PARTS), "skipped": []}
            if flow.data.get("date") is None:
                flow.data.pop("date", None)
            flow.save("issuer")
    try:
        return flow.run()
    except KeyboardInterrupt:
        step = flow.data.get("progress", {}).get("step", "issuer")
        flow.save(step)
        echo(f"\n已中断，答案已保存到 {answers_path}。继续：draftkit new --resume {answers_path}")
        return 130


__all__ = ["run", "Flow", "Prompter", "BankCompleter", "PART_KEYS"]
