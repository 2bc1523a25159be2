"""The shape of the house: no import circle among draftkit's modules (imports inside
functions count too: a lazy import is still a dependency), no module over 400 lines."""

from __future__ import annotations

import ast
import re
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src" / "draftkit"
MAX_LINES = 400


def _module_name(path: Path) -> str:
    parts = path.relative_to(SRC.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def import_graph() -> dict[str, set[str]]:
    """Module → the draftkit modules it imports, wherever the import stands: at the top, in
    a function (a lazy import is still a dependency) or under ``if TYPE_CHECKING:`` (a type
    named in a signature ties the two modules as much as a call does)."""
    modules = {_module_name(p): p for p in SRC.rglob("*.py")}
    graph: dict[str, set[str]] = {m: set() for m in modules}
    for name, path in modules.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets: list[str] = []
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                targets = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            elif isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            for t in targets:
                if t in modules and t != name:
                    graph[name].add(t)
    return graph


def all_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan): each holds a circle."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in sorted(graph[node]):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                top = stack.pop()
                group.append(top)
                if top == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return groups


def find_cycle(graph: dict[str, set[str]]) -> list[str]:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str]:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt):] + [nxt]
            if nxt not in state:
                found = visit(nxt)
                if found:
                    return found
        stack.pop()
        state[node] = 2
        return []

    for node in sorted(graph):
        if node not in state:
            found = visit(node)
            if found:
                return found
    return []


def test_no_import_circle():
    cycle = find_cycle(import_graph())
    assert not cycle, " → ".join(cycle)
    assert all_cycles(import_graph()) == []


def test_the_cycle_finder_finds_one():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) == []
    assert all_cycles({"a": {"b"}, "b": {"a"}, "c": {"d"}, "d": {"c", "a"}}) == [["a", "b"], ["c", "d"]]


def test_a_type_only_import_counts(tmp_path, monkeypatch):
    pkg = tmp_path / "draftkit"
    pkg.mkdir()
    (pkg / "a.py").write_text("from draftkit.b import B\n", encoding="utf-8")
    (pkg / "b.py").write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from draftkit.a import A\n",
                              encoding="utf-8")
    monkeypatch.setattr(__import__(__name__), "SRC", pkg)
    assert import_graph() == {"draftkit.a": {"draftkit.b"}, "draftkit.b": {"draftkit.a"}}


def reachable(graph: dict[str, set[str]], start: str) -> dict[str, str]:
    """Every module start imports, directly or through others: {module: the one that imports it}."""
    seen: dict[str, str] = {}
    todo = [start]
    while todo:
        here = todo.pop()
        for nxt in sorted(graph[here]):
            if nxt not in seen and nxt != start:
                seen[nxt] = here
                todo.append(nxt)
    return seen


def _path(seen: dict[str, str], start: str, end: str) -> str:
    chain = [end]
    while chain[-1] != start:
        chain.append(seen[chain[-1]])
    return " → ".join(reversed(chain))


def test_reading_rendering_and_review_need_no_miner():
    """The reader is its own package: render, check and the reader itself run without the
    phrase miner (nothing under reading/, render/ or review/ reaches mining/, even through
    a lazy import)."""
    graph = import_graph()
    bad = []
    for start in sorted(graph):
        if start.split(".")[1:2] in (["reading"], ["render"], ["review"]):
            seen = reachable(graph, start)
            bad += [_path(seen, start, m) for m in sorted(seen) if m.startswith("draftkit.mining")]
    assert not bad, bad


def test_the_miner_reads_through_reading():
    graph = import_graph()
    assert "draftkit.reading.ingest" in reachable(graph, "draftkit.mining.mine")
    assert "draftkit.reading.document" in reachable(graph, "draftkit.review")
    assert "draftkit.reading.document" in reachable(graph, "draftkit.continuity.importer")


def test_no_module_over_400_lines():
    long = {str(p.relative_to(SRC)): n for p in SRC.rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert not long, long


def test_every_dataclass_has_a_docstring():
    """Without one, dataclasses writes one at import with inspect.signature (~0.1 ms a
    class, on every start of the command)."""
    missing = []
    for path in SRC.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef) and not ast.get_docstring(node) and any(
                    (d.func if isinstance(d, ast.Call) else d).__dict__.get("id") == "dataclass"
                    for d in node.decorator_list):
                missing.append(f"{path.relative_to(SRC)}:{node.name}")
    assert not missing, missing


def _strings(path: Path) -> list[tuple[int, str]]:
    """The string constants of a module (f-strings' literal parts too), less docstrings."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docs = {id(n.body[0].value) for n in ast.walk(tree)
            if isinstance(n, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and n.body
            and isinstance(n.body[0], ast.Expr) and isinstance(n.body[0].value, ast.Constant)}
    return [(n.lineno, n.value) for n in ast.walk(tree)
            if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docs]


def test_each_fact_has_one_home():
    """The sentence-end marks live in punctuation.py; the place units and their levels, the
    level slots and the offices' name endings in data/levels.yaml (read through levels.py)."""
    slots = ("全域", "我方", "本级政府", "本级党委", "常务会议")
    copies = []
    for path in SRC.rglob("*.py"):
        where = str(path.relative_to(SRC))
        if where != "punctuation.py":
            copies += [f"{where}:{n}: sentence ends {s!r}" for n, s in _strings(path)
                       if any("。" in run and {"！", "？"} & set(run) for run in re.findall("[。！？；，]+", s))]
        copies += [f"{where}:{n}: place units {s!r}" for n, s in _strings(path) if "自治区" in s]
        copies += [f"{where}:{n}: office endings {s!r}" for n, s in _strings(path)
                   if re.search(r"局\|委员会|委员会\|委\|", s)]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
                named = {e.value for e in node.elts if isinstance(e, ast.Constant)} & set(slots)
                if len(named) >= 3:
                    copies.append(f"{where}:{node.lineno}: level slots {sorted(named)}")
    assert not copies, copies


def test_the_fact_finder_finds_a_copy(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text('"""Ends: 。！？"""\nX = "[。；！？]"\nY = ("全域", "我方", "本级政府")\n', encoding="utf-8")
    assert _strings(bad) == [(2, "[。；！？]"), (3, "全域"), (3, "我方"), (3, "本级政府")]


def test_the_cli_only_handles_arguments():
    """cli.py reads the arguments and prints what the commands return: the work is in app.py
    and the subpackages (no command over 15 lines, no reading or writing of files of its own)."""
    tree = ast.parse((SRC / "cli.py").read_text(encoding="utf-8"))
    long = [f.name for f in tree.body if isinstance(f, ast.FunctionDef) and f.name.startswith("cmd_")
            and f.end_lineno - f.lineno + 1 > 15]
    assert not long, long
    doing = {"draftkit.atomic", "draftkit.report.datafile", "draftkit.bank.phrasebank", "draftkit.mining.mine",
             "draftkit.reading.document", "draftkit.continuity.importer", "draftkit.continuity.rollover"}
    assert not import_graph()["draftkit.cli"] & doing


def test_the_readme_code_map_names_every_module():
    """A module the code map (README, 开发 → 代码地图) does not name is one a new engineer cannot find."""
    readme = (SRC.parent.parent / "README.md").read_text(encoding="utf-8")
    code_map = readme[readme.index("### 代码地图"):]
    named = set(re.findall(r"`([\w/.]+)`", code_map))
    missing = []
    for path in sorted(SRC.rglob("*.py")):
        if path.stem in ("__init__", "__main__"):
            continue
        rel = path.relative_to(SRC)
        if not ({str(rel), path.name, path.stem} & named):
            missing.append(str(rel))
    assert not missing, f"add to the README's code map: {missing}"
