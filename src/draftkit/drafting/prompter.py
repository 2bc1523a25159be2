"""The only module that talks to the terminal: questionary's prompts with Chinese
instructions and ``<`` for back (the completer that filters the bank as one types is
drafting/picker.py).
``kwargs`` (input/output) pass through to prompt_toolkit, which the tests use to drive the
whole flow with pipe input."""

from __future__ import annotations

import re
from typing import Any

from draftkit.drafting.validators import BACK, Back, is_back

BACK_CHOICE = "← 返回上一步"


class Prompter:
    """questionary with Chinese instructions and ``<`` for back; ``kwargs`` (input/output)
    are passed through to prompt_toolkit."""

    def __init__(self, **kwargs: Any):
        self.kwargs = kwargs
        # What was being typed when Ctrl-C came (question → text), kept by the flow and put
        # back in the line when the same question is asked again (new --resume).
        self.typing: dict[str, str] = {}

    def _ask(self, question, message: str = "") -> Any:
        try:
            return question.unsafe_ask()  # Ctrl-C raises KeyboardInterrupt: the flow saves first
        except KeyboardInterrupt:
            typed = question.application.current_buffer.text.strip()
            if message and typed and not typed.endswith("<"):
                self.typing[message] = typed
            raise

    def text(self, message: str, default: str = "", validate=None, back: bool = True) -> str:
        import questionary

        hint = "（输入 < 返回上一步）" if back else ""
        default = self.typing.pop(message, default)  # what Ctrl-C interrupted, back in the line
        answer = self._ask(questionary.text(message + hint, default=default, validate=validate, **self.kwargs),
                           message)
        if back and is_back(answer):
            raise Back
        return answer.strip()

    def select(self, message: str, choices: list[str], default: str | None = None, back: bool = True) -> str:
        import questionary

        options = choices + ([BACK_CHOICE] if back else [])
        question = questionary.select(message, options, default=default, instruction="（↑↓ 选择，回车确认）",
                                      **self.kwargs)
        if back:
            _back_key(question, BACK_CHOICE)
        answer = self._ask(question)
        if answer == BACK_CHOICE:
            raise Back
        return answer

    def checkbox(self, message: str, choices: list[tuple[str, str, bool]]) -> list[str]:
        """choices: (value, label, checked); an empty selection with nothing checked is back."""
        import questionary

        qs = [questionary.Choice(label, value=value, checked=checked) for value, label, checked in choices]
        qs.append(questionary.Choice(BACK_CHOICE, value=BACK))
        question = questionary.checkbox(message, qs, instruction="（空格勾选，回车确认）", **self.kwargs)
        _chinese_answer_line(question)
        _back_key(question, [BACK])
        answer = self._ask(question)
        if BACK in answer:
            raise Back
        return answer

    def confirm(self, message: str, default: bool = True) -> bool:
        import questionary

        return self._ask(questionary.confirm(message, default=default, **self.kwargs))

    def pick(self, message: str, completer) -> str:
        """Type to filter the bank; Tab/↑↓ through the matches; Enter on an empty line ends."""
        import questionary

        extra = {"bottom_toolbar": completer.status} if hasattr(completer, "status") else {}
        question = questionary.autocomplete(message + "（输入关键词筛选，空行回车结束，< 返回）", choices=[],
                                            completer=completer, default=self.typing.pop(message, ""), **extra,
                                            **self.kwargs)
        app = question.application  # the list is there before a key is typed
        app.pre_run_callables.append(lambda: _list_when_idle(app))
        answer = self._ask(question, message)
        if is_back(answer):
            raise Back
        return answer.strip()


def _list_when_idle(app, after: float = 0.2) -> None:
    """Show the completions of an empty line once the user has typed nothing for a moment
    (typing at once starts its own completion: two would race)."""
    import asyncio

    def start() -> None:
        buffer = app.current_buffer
        if app.is_running and not buffer.text and buffer.complete_state is None:
            buffer.start_completion(select_first=False)

    asyncio.get_running_loop().call_later(after, start)


def _back_key(question, result) -> None:
    """``<`` goes back from a list as from a typed answer (the list's own 返回 choice)."""
    from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings

    keys = KeyBindings()
    keys.add("<")(lambda event: event.app.exit(result=result))
    app = question.application
    app.key_bindings = merge_key_bindings([app.key_bindings, keys]) if app.key_bindings else keys


def _chinese_answer_line(question) -> None:
    """questionary's checkbox writes its answer line in English (“done (2 selections)”):
    every text control of the prompt has it said in Chinese instead."""
    from prompt_toolkit.formatted_text import to_formatted_text
    from prompt_toolkit.layout.controls import FormattedTextControl

    def chinese(fragments):
        out = []
        for style, text, *rest in to_formatted_text(fragments):
            if "answer" in style:
                text = re.compile(r"^done \((\d+) selections\)$").sub(r"已选 \1 项", text)
                text = "未选" if text == "done" else text
            out.append((style, text, *rest))
        return out

    from prompt_toolkit.shortcuts import PromptSession

    for window in question.application.layout.find_all_windows():
        control = window.content
        text = getattr(control, "text", None) if isinstance(control, FormattedTextControl) else None
        for cell in getattr(text, "__closure__", None) or ():
            session = getattr(cell.cell_contents, "__self__", None)
            if isinstance(session, PromptSession):  # the prompt line reads its message on every redraw
                original = session.message
                session.message = lambda original=original: chinese(original() if callable(original) else original)
                return


def wrap(text: str, indent: str = "", end: str = "", width: int | None = None) -> str:
    """The whole text, wrapped at the screen edge (a Chinese character is two columns wide),
    each line after the first indented like the first."""
    import shutil
    import unicodedata

    width = width or max(20, shutil.get_terminal_size((80, 24)).columns - 1)
    pad = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in indent)
    lines, line, used = [], indent, pad
    for ch in text + end:
        w = 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        if used + w > width and line.strip():
            lines.append(line)
            line, used = " " * pad, pad
        line += ch
        used += w
    lines.append(line)
    return "\n".join(lines)
