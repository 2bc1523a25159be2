"""What ``draftkit new`` adds to a part: one's own sentence (in the section one says) and
sentences picked from the phrase bank by topic (under that topic's heading), none of those
already in the draft."""

from __future__ import annotations

from draftkit import slots
from draftkit.domain import TOPIC_NAMES
from draftkit.drafting.picker import BankCompleter
from draftkit.drafting.validators import Back, v_required
from draftkit.report.schema import record


class AddPrompts:
    """Mixed into the flow: needs ``bank``, ``ui``, ``year``, ``issuer``, ``data``, ``save``,
    ``entries`` and the slot prompts."""

    def write_own(self, part: dict, key: str | None = None) -> None:
        """The user's own sentence, the section it goes in (where the part has sections),
        then its figures' questions; ``<`` goes back one of these (the sentence comes back
        as it was typed), and at the sentence to the menu. Each answer is kept as it is
        given (kept.py): --resume takes the sentence up where it stopped. ``key``: the
        part's (found from the part when not given)."""
        from draftkit.cnfmt import cn_number

        sections = part.get("sections") or []
        before = "放在各节之前（不属于哪一节）"
        labels = [f"（{cn_number(n)}）{sec.get('heading', '')}"[:40] for n, sec in enumerate(sections, 1)]

        def sentence(a: dict) -> None:
            a["text"] = self.ui.text("写一句（不用写“一是”，程序会编号）：", a.get("text", ""), v_required)

        def where(a: dict) -> None:
            a["where"] = self.ui.select("放在哪一节：", labels + [before], default=a.get("where", labels[0]))

        key = key or next((k for k, p in self.data.get("parts", {}).items() if p is part), "")
        run = f"own:{key}"

        def figures(a: dict) -> None:
            a["item"] = self.own_sentence(a["text"], run)

        try:
            a = self.kept_in_turn(run, [sentence] + ([where] if sections else []) + [figures],
                                  ["text"] + (["where"] if sections else []) + ["item"])
        except Back:
            return
        holder = sections[labels.index(a["where"])] if a.get("where", before) in labels else part
        holder.setdefault("items", []).append(a["item"])
        self.done(run)

    def add_from_bank(self, key: str, part: dict) -> None:
        from draftkit.bank.recommend import affinity, offerable

        who = (self.issuer.get("name", ""), self.issuer.get("level", ""), self.issuer.get("place", ""))
        entries = offerable(self.bank, key, who[1], who[2], who[0])  # the issuer's own trade's first
        counts: dict[str, int] = {}
        for e in entries:
            counts[e.topic] = counts.get(e.topic, 0) + 1
        topics = sorted(counts, key=lambda t: -counts[t])
        try:
            chosen = self.ui.checkbox("本部分写哪些主题（括号里是短语库中的句子数）：",
                                      [(t, f"{TOPIC_NAMES.get(t, t)}（{counts[t]}条）", False) for t in topics])
        except Back:
            return
        from draftkit.drafting.firstdraft import draft_text, section_for

        for topic in chosen:
            used = self.used_phrases()
            completer = BankCompleter([e for e in entries if e.topic == topic and not {e.id, draft_text(e)} & used],
                                      self.year, builtins=self.builtins(), first=affinity(*who))
            while True:
                try:
                    text = self.ui.pick(f"【{TOPIC_NAMES.get(topic, topic)}】选一句或自己写", completer)
                except Back:
                    break
                if not text:
                    break
                entry = completer.entry_for(text)
                item = record("item", phrase=entry.id) if entry else record("item", text=slots.from_marks(text))
                holder = section_for(part, topic)  # under the topic's own heading, not above （一）
                holder.setdefault("items", []).append(item)
                try:
                    self.fill_slots(item)
                except Back:  # “<” at its first blank: the sentence is not taken
                    holder["items"].remove(item)
                    if holder is not part and not holder["items"]:
                        part["sections"].remove(holder)
                    continue
                completer.exclude(item.get("phrase"))
                self.save(f"part:{key}")

    def used_phrases(self) -> set[str]:
        """The phrase-bank sentences already in the draft, by id and by text (not offered again)."""
        items = [it for part in self.data.get("parts", {}).values() if isinstance(part, dict)
                 for _, it in self.entries(part) if isinstance(it, dict)]
        return {it["phrase"] for it in items if "phrase" in it} | {it["text"] for it in items if "text" in it}
