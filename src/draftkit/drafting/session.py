"""A session of ``draftkit new``: the answers file checked, last year's report carried
forward when one is given, the phrase bank loaded in the background while the first
questions are asked, and the walk run (flow.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from draftkit.app import load_bank
from draftkit.errors import DraftkitError


def new_draft(answers: Path, resume: bool, last_year: Path | None, docx: Path | None, bank_dirs: list[Path],
              tell: Callable[[str], None] = print) -> int:
    """``draftkit new``: the interactive walk, new (from last year's report if given) or
    resumed; the phrase bank loads in the background meanwhile."""
    if not resume and answers.exists():
        raise DraftkitError(f"{answers} 已存在：继续上次的请用 draftkit new --resume {answers}，"
                            "重新开始请用 -o 另指定文件名")
    if resume and not answers.exists():
        raise DraftkitError(f"{answers}: 文件不存在")
    for d in bank_dirs:
        if not d.is_dir():
            raise DraftkitError(f"{d}: 短语库文件夹不存在")
    start = None
    if last_year is not None:
        if resume:
            raise DraftkitError("--from 和 --resume 不能同时使用")
        from draftkit.continuity.importer import import_report
        from draftkit.continuity.rollover import carry_forward

        start, flags = carry_forward(import_report(last_year))
        start["based_on"] = str(last_year)
        for flag in flags:
            tell(f"提示：{flag}")
    from concurrent.futures import ThreadPoolExecutor

    def load_later():
        # Load once the first question is on screen: a large bank loading at start-up
        # would hold the interpreter while the prompt is drawn. It is first needed several
        # questions later.
        import time

        time.sleep(0.25)
        return load_bank(bank_dirs)

    from draftkit.drafting.answersfile import held

    with held(answers), ThreadPoolExecutor(max_workers=1) as pool:  # one session a file
        bank = pool.submit(load_later)
        from draftkit.drafting.flow import run
        from draftkit.drafting.prompter import Prompter

        return run(answers, resume, bank.result, Prompter(), output=docx, bank_dirs=bank_dirs, start=start)
