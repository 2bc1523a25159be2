"""Runs of questions whose answers are kept as they are given: a figure's value, its
measure word and last year's value, or one's own sentence, the section it goes in and
its figures' questions. Each answer goes into the answers file (progress.pending) the
moment it is given, so that a run killed at its third question (kill -9, a power cut,
a closed window) has lost only the answer being typed, as the README promises;
``draftkit new --resume`` takes each such run up where it stopped, before the part's
menu. Mixed into the flow: needs ``data``, ``save``, ``item_text``, ``entries``,
``unfilled``, ``fill_blanks`` and ``write_own`` (adding.py)."""

from __future__ import annotations

from typing import Any, Callable

from draftkit.drafting.validators import Back, in_turn


class KeptRuns:
    """The runs of questions kept in progress.pending, by key: ``slot:…`` a slot's, ``own:PART``
    one's own sentence in a part (``own:PART/…`` its figures')."""

    def pending(self) -> dict:
        """progress.pending: the answers of each run of questions not yet finished."""
        progress = self.data.setdefault("progress", {})
        if not isinstance(progress.get("pending"), dict):
            progress["pending"] = {}
        return progress["pending"]

    def kept_in_turn(self, key: str, steps: list[Callable[[dict], Any]], keys: list[str]) -> dict:
        """``in_turn``, each answer saved in the answers file as soon as it is given
        (progress.pending[key]): killed (kill -9, a power cut) at a figure's third
        question, its value and unit are on disk, and --resume asks the third. ``keys``:
        the answer each step gives, to tell where a run taken up again starts. The caller
        drops the run (``done``) once it has put the result in the report."""
        pending = self.pending()
        answers = dict(pending[key]) if isinstance(pending.get(key), dict) else {}
        begin = next((i for i, k in enumerate(keys) if k not in answers), len(keys))

        def keep(a: dict) -> None:
            pending[key] = dict(a)
            self.save(self.data.get("progress", {}).get("step", "issuer"))

        try:
            return in_turn(steps, answers, begin, keep)
        except Back:  # given up: not taken up again on --resume
            if key in pending:
                self.done(key)
                self.save(self.data.get("progress", {}).get("step", "issuer"))
            raise

    def done(self, prefix: str) -> None:
        """The runs under ``prefix`` are in the report now (or given up): no longer pending."""
        pending = self.pending()
        for key in [k for k in pending if k == prefix or k.startswith(prefix + "/")]:
            del pending[key]

    def slot_key(self, item: dict, name: str) -> str:
        """A slot's run, told apart by its sentence and name (stable across --resume)."""
        import hashlib

        return f"slot:{hashlib.sha1(self.item_text(item).encode('utf-8')).hexdigest()[:12]}:{name}"

    def take_up(self, key: str, part: dict) -> None:
        """Runs of questions of this part that were cut short (kill -9, a power cut: what
        was answered is in progress.pending) are asked on from where they stopped, before
        the part's menu: one's own sentence, then the slots of its sentences."""
        pending = self.pending()
        if not pending:
            return
        if any(k == f"own:{key}" or k.startswith(f"own:{key}/") for k in pending):
            self.write_own(part, key)
            self.save(f"part:{key}")
        cut = [item for _, item in self.entries(part)
               if any(self.slot_key(item, name) in pending for name in self.unfilled(item))]
        if cut:
            try:
                self.fill_blanks(cut)
            except Back:
                pass
            self.save(f"part:{key}")
