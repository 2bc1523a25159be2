"""The start page: a new report (the questions of ``draftkit new``, drafting/questions.py,
answered in a form with the same defaults and validators), last year's report uploaded
(importpage.py), or an answers file of the folder opened."""

from __future__ import annotations

import datetime as dt

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from draftkit.drafting.questions import BASICS, ask_basic
from draftkit.errors import DraftkitError
from draftkit.serve.files import inside, listed
from draftkit.serve.pages import html
from draftkit.serve.state import served

ASKED = ("issuer", "level", "year", "leader", "addressee")  # what the start page asks, in this order
QUESTIONS = {q.step: q for q in BASICS if q.step in ASKED}


class FormAnswers:
    """The prompt of drafting/questions.py answered from a form: each question's answer is
    the field of its step (its default when the field was not sent), checked by the
    question's own validator; a message it gives is kept for the field."""

    def __init__(self, form: dict[str, str]):
        self.form, self.step, self.errors = form, "", {}
        self.shown: dict[str, str] = {}

    def _answer(self, default: str, check) -> str:
        value = self.form[self.step].strip() if self.step in self.form else str(default)
        self.shown[self.step] = value
        said = check(value) if check else True
        if said is not True:  # the prompt would ask again: the default stands meanwhile
            self.errors[self.step] = said
            return str(default)
        return value

    def text(self, message: str, default: str = "", validate=None, back: bool = True) -> str:
        return self._answer(default, validate)

    def select(self, message: str, choices: list[str], default: str | None = None, back: bool = True) -> str:
        if not self.form.get(self.step, "").strip():  # “decide by the name”: the question's default
            self.form = {**self.form, self.step: default or ""}
        return self._answer(default or "", lambda v: True if v in choices else f"请从 {'/'.join(choices)} 中选一个")


class NewReport:
    """The walk of questions.py's Drafting protocol over a form: the answers so far (data)."""

    def __init__(self, form: dict[str, str], today: dt.date | None = None):
        self.data: dict = {}
        self.ui = FormAnswers(form)
        self.today = today or dt.date.today()

    @property
    def year(self) -> int:
        from draftkit.drafting.defaults import default_year

        return self.data.get("year") or default_year(self.today)

    @property
    def issuer(self) -> dict:
        return self.data.setdefault("issuer", {})

    def ask(self) -> "NewReport":
        """Every question asked (as ``new`` asks them); a wrong answer stops the ones that need it."""
        for step in ASKED:
            if step != "issuer" and "issuer" in self.ui.errors:
                break
            self.ui.step = step
            ask_basic(self, QUESTIONS[step])
        return self

    def fields(self) -> list[dict]:
        from draftkit.domain import LEVELS

        return [{"step": s, "label": QUESTIONS[s].message.format(year=self.year, next_year=self.year + 1).rstrip("：:"),
                 "value": self.ui.shown.get(s, str(self.year) if s == "year" else ""), "error": self.ui.errors.get(s, ""),
                 "choices": list(LEVELS) if QUESTIONS[s].kind == "select" else []} for s in ASKED]


def answers_name(issuer: str, year: int) -> str:
    return f"{issuer}{year}年度报告.yaml"


async def start_page(request: Request) -> Response:
    s = served(request)
    walk = NewReport({"issuer": ""}).ask()
    walk.ui.errors.clear()
    return html("start.html", here="/", folder=str(s.folder), files=listed(s.folder), fields=walk.fields(),
                file_name="", notes=[])


async def new_defaults(request: Request) -> Response:
    """The form again with the defaults the issuer's name gives (level, leader, addressee)."""
    q = request.query_params
    issuer = q.get("issuer", "")
    walk = NewReport({k: q[k] for k in ("issuer", "year") if k in q}).ask()
    walk.ui.errors.pop("issuer", None)
    name = q.get("file", "") or (answers_name(issuer.strip(), walk.year) if issuer.strip() else "")
    return html("new_fields.html", fields=walk.fields(), file_name=name)


async def new_report(request: Request) -> Response:
    from draftkit import atomic
    from draftkit.app import load_bank
    from draftkit.drafting.answersfile import HEADER
    from draftkit.drafting.firstdraft import first_draft
    from draftkit.outputs import target
    from draftkit.report.datafile import dump

    s = served(request)
    form = {k: str(v) for k, v in (await request.form()).items()}
    walk = NewReport(form).ask()
    name = form.get("file", "").strip() or answers_name(walk.issuer.get("name", ""), walk.year)
    path = None
    if not walk.ui.errors:
        try:
            path = target(inside(s.folder, name, what="答案文件"), "答案文件")
            if path.exists():
                walk.ui.errors["file"] = f"{name} 已存在：为免覆盖已填写的内容，请换一个文件名，或在下面打开它"
        except DraftkitError as exc:
            walk.ui.errors["file"] = str(exc.problems[0])
    if walk.ui.errors:
        return html("new_fields.html", status=400, fields=walk.fields(), file_name=name,
                    file_error=walk.ui.errors.get("file", ""))
    i = walk.issuer
    data = first_draft(s.bank(load_bank), i["name"], i["level"], walk.year, walk.today, i.get("leader", ""),
                       i.get("place", ""), confirm="defaults")
    if walk.data.get("addressee") is not None:
        data["addressee"] = walk.data["addressee"] or None
    atomic.write_text(path, dump(data, HEADER))
    return redirect(request, f"/edit?file={path.name}")


def redirect(request: Request, where: str) -> Response:
    """To another page: for the script's requests a header it follows, else a 303."""
    from urllib.parse import quote

    where = quote(where, safe="/?=&")
    if "x-draftkit" in request.headers:
        return Response(status_code=204, headers={"X-Draftkit-Go": where})
    return RedirectResponse(where, status_code=303)


ROUTES = [
    Route("/", start_page),
    Route("/new/defaults", new_defaults),
    Route("/new", new_report, methods=["POST"]),
]
