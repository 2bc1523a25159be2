"""What is still to do before the final .docx, as the clerk finds it on the page: each
sentence named by its part and place (「主要举措和成效 第3句：……」), read as the editor
shows it (slots by the names its fields carry), each blank by its field's label, the date
as the form asks for it. The command line's refusal names the answers file's lines and
keys; the page names what the clerk sees."""

from __future__ import annotations

SHOWN = 12  # lines listed; the rest counted
CUT = 24  # characters of a sentence quoted


def _quoted(text: str) -> str:
    text = text.strip()
    return f"“{text[:CUT]}……”" if len(text) > CUT else f"“{text}”"


def open_points(reading, data: dict) -> list[str]:
    """Every blank, sentence to write and sentence to confirm, in the report's order."""
    from draftkit.domain import PART_NAMES
    from draftkit.drafting.todonotes import for_page
    from draftkit.serve.items import slot_fields
    from draftkit.serve.views import order_of, sentence_shown

    out = []
    year = data.get("year") or 0
    if not data.get("date"):
        out.append(f"成文日期：还没有填（{year + 1}年内，如 {year + 1}-02-10）")
    for key in order_of(data):
        part = (data.get("parts") or {}).get(key) or {}
        n = 0
        for holder in [part, *(part.get("sections") or [])]:
            for it in holder.get("items") or []:
                n += 1
                item = {"text": it} if isinstance(it, str) else it
                where = f"{PART_NAMES.get(key, key)} 第{n}句"
                if "todo" in item and "text" not in item and "phrase" not in item:
                    out.append(f"{where}：还没有写（{for_page(item['todo'])}）")
                    continue
                shown = sentence_shown(reading, reading.item_text(item).removeprefix("【待确认】"))
                if "todo" in item:
                    out.append(f"{where}：还没有确认 {_quoted(shown)}——确认属实点“确认保留”，或改写、删除")
                blanks = [f"【{f.shown}】" for f in slot_fields(reading, item) if not f.current]
                if blanks:
                    out.append(f"{where}：{'、'.join(blanks)}还没有填 {_quoted(shown)}")
    return out


def listed(lines: list[str]) -> list[str]:
    """The first lines, and how many more there are."""
    if len(lines) <= SHOWN:
        return lines
    return lines[:SHOWN] + [f"……还有 {len(lines) - SHOWN} 处，见左边标为待填、待写、待确认的各句"]
