"""What the clerk typed is never lost, nor overwritten: a real ``kill -9`` at the third
question of a figure (its value and unit confirmed) or of one's own sentence leaves both
answers in the answers file, and ``new --resume`` asks the third; two ``new --resume`` on
one file — the second is refused in one line, and a killed session's lock is free again;
an answers file changed by another program meanwhile is not overwritten (the session's
answers go beside it); SIGTERM ends ``new`` as Ctrl-C does (saved) and ``mine`` without
leaving its scratch folder; a ``mine`` killed by kill -9 leaves one that the next run
removes. Each run is a real process; the terminal where one is needed is a pty."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
import yaml
from conftest import FIXTURES
from hostile_inputs import long_paragraph, report_txt

pytestmark = pytest.mark.skipif(os.name == "nt", reason="signals, ptys and kill -9 are POSIX here")

BANK = FIXTURES / "flowbank"
# A bank slot whose measure word the sentence does not give: asked value, unit, last year's.
UNITLESS = {"id": "p-u000000001", "text": "全年开展执法检查{n}，发现问题全部整改", "part": "measures", "move": "result",
            "topic": "enforcement", "kind": "sentence", "docs": 2, "years": [2024], "slots": {"n": "figure:"},
            "sources": [{"file": "ours.txt", "para": 1}]}
ANSWERS = """\
issuer: {name: 青岚县人民政府, level: 县区, place: 青岚县, leader: 县长}
year: 2025
date: 2026-02-10
addressee: 云川市人民政府
parts:
  measures:
    items:
      - {phrase: p-u000000001, values: {n: null}}
progress: {step: 'part:measures', visited: [measures]}
"""

# Runs the flow in a process of its own with answers given in turn (a list in argv[3]);
# "KILL" sends itself SIGKILL at that question, as kill -9 from another terminal would.
DRIVER = textwrap.dedent("""
    import json, os, signal, sys, datetime as dt
    from pathlib import Path
    from draftkit.bank.phrasebank import Bank
    from draftkit.drafting.flow import run
    from draftkit.drafting.validators import Back

    answers, banks, script = Path(sys.argv[1]), [Path(p) for p in sys.argv[2].split(os.pathsep)], json.loads(sys.argv[3])
    asked = open(sys.argv[4], "a", encoding="utf-8")

    class Scripted:
        typing = {}
        def _next(self, message):
            asked.write(message + "\\n"); asked.flush()
            answer = script.pop(0)
            if answer == "KILL":
                os.kill(os.getpid(), signal.SIGKILL)
            if answer == "<":
                raise Back
            return answer
        def text(self, message, default="", validate=None, back=True):
            answer = self._next(message)
            ok = validate(answer) if validate else True
            assert ok is True, (message, answer, ok)
            return answer
        def select(self, message, choices, default=None, back=True):
            answer = self._next(message)
            return next(c for c in choices if c.startswith(answer))
        def checkbox(self, message, choices):
            return json.loads(self._next(message))
        def confirm(self, message, default=True):
            return self._next(message) == "y"
        def pick(self, message, completer):
            return self._next(message)

    resume = answers.exists()
    sys.exit(run(answers, resume, Bank.load(*banks), Scripted(), today=dt.date(2026, 2, 10), echo=lambda s: None,
                 bank_dirs=banks))
""")


def drive(tmp_path: Path, script: list[str]) -> tuple[int, list[str]]:
    asked = tmp_path / "asked.txt"
    asked.write_text("", encoding="utf-8")
    r = subprocess.run([sys.executable, "-c", DRIVER, str(tmp_path / "answers.yaml"),
                        os.pathsep.join([str(BANK), str(tmp_path / "bank")]), json.dumps(script), str(asked)],
                       capture_output=True, text=True, timeout=60)
    return r.returncode, asked.read_text(encoding="utf-8").splitlines()


def answers(tmp_path: Path) -> dict:
    return yaml.safe_load((tmp_path / "answers.yaml").read_text(encoding="utf-8"))


@pytest.fixture
def unitless(tmp_path: Path) -> Path:
    (tmp_path / "bank").mkdir()
    (tmp_path / "bank" / "measures.jsonl").write_text(json.dumps(UNITLESS, ensure_ascii=False) + "\n", encoding="utf-8")
    (tmp_path / "answers.yaml").write_text(ANSWERS, encoding="utf-8")
    return tmp_path


def test_kill_9_at_a_figures_third_question_keeps_value_and_unit(unitless: Path):
    code, asked = drive(unitless, ["完成本部分", "6", "件", "KILL"])
    assert code == -signal.SIGKILL, asked
    assert "年的数值（用于计算同比" in asked[-1]  # killed at last year's value
    a = answers(unitless)
    (key,) = a["progress"]["pending"]
    assert key.startswith("slot:") and a["progress"]["pending"][key] == {"current": "6", "unit": "件"}
    code, asked = drive(unitless, ["10", "KILL"])  # --resume asks the third question first
    assert "年的数值（用于计算同比" in asked[0] and len(asked) == 2, asked
    a = answers(unitless)
    assert a["parts"]["measures"]["items"][0]["values"]["n"] == {"current": 6, "unit": "件", "previous": 10}
    assert not a["progress"].get("pending")


def test_kill_9_in_ones_own_sentence_keeps_the_sentence_and_its_unit(unitless: Path):
    code, asked = drive(unitless, ["自己写一句", "组织执法人员培训386", "场次", "KILL"])
    assert code == -signal.SIGKILL and "用于计算同比" in asked[-1], asked
    pending = answers(unitless)["progress"]["pending"]
    assert pending["own:measures"] == {"text": "组织执法人员培训386"}
    assert [v for k, v in pending.items() if k.startswith("own:measures/")] == [{"unit1": "场次"}]
    code, asked = drive(unitless, ["300", "KILL"])
    assert "用于计算同比" in asked[0] and len(asked) == 2, asked
    a = answers(unitless)
    (item,) = [it for it in a["parts"]["measures"]["items"] if "text" in it]
    assert item["text"].startswith("组织执法人员培训{") and list(item["values"].values()) == [
        {"current": 386, "unit": "场次", "previous": 300}]
    assert not a["progress"].get("pending")


def test_going_back_out_of_a_kept_run_drops_it(unitless: Path):
    code, asked = drive(unitless, ["完成本部分", "6", "<", "<", "KILL"])  # back to the value, then out to the menu
    assert code == -signal.SIGKILL
    assert not answers(unitless)["progress"].get("pending")


HOLDER = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from draftkit.drafting.answersfile import held
    with held(Path(sys.argv[1])):
        print("held", flush=True)
        time.sleep(60)
""")


def test_two_sessions_on_one_answers_file(tmp_path: Path):
    from draftkit.drafting.answersfile import held
    from draftkit.errors import DraftkitError

    path = tmp_path / "answers.yaml"
    path.write_text(ANSWERS, encoding="utf-8")
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(path)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(DraftkitError, match=f"另一个窗口.*进程 {holder.pid}"):
            with held(path):
                pass
        out = _in_a_terminal(["new", "--resume", str(path)], tmp_path)  # the real command, in a pty
        assert out.code == 2 and "另一个窗口" in out.text and str(holder.pid) in out.text, out.text
        assert path.read_text(encoding="utf-8") == ANSWERS
    finally:
        holder.kill()  # kill -9: no handler runs
        holder.wait()
    with held(path):  # the killed session's lock went with it
        pass
    assert not (tmp_path / "answers.yaml.lock").exists()


def test_answers_changed_on_disk_are_not_overwritten(tmp_path: Path):
    from draftkit.bank.phrasebank import Bank
    from draftkit.drafting.flow import Flow
    from draftkit.errors import DraftkitError

    path = tmp_path / "answers.yaml"
    path.write_text(ANSWERS, encoding="utf-8")
    flow = Flow.resume(path, Bank.load(BANK), ui=None)
    flow.data["addressee"] = "本次会话改的主送机关"
    flow.save("part:measures")  # the session's own save
    edited = path.read_text(encoding="utf-8").replace("青岚县人民政府", "另一个程序改的名称")
    path.write_text(edited, encoding="utf-8")  # an editor, meanwhile
    flow.data["title"] = "本次会话写的标题"
    with pytest.raises(DraftkitError) as caught:
        flow.save("part:measures")
    (line,) = [str(p) for p in caught.value.problems]
    assert "别的程序改过" in line and "另存为" in line
    assert path.read_text(encoding="utf-8") == edited  # left as the other program wrote it
    (aside,) = tmp_path.glob("answers.本次答案-*.yaml")
    kept = yaml.safe_load(aside.read_text(encoding="utf-8"))
    assert kept["title"] == "本次会话写的标题" and kept["addressee"] == "本次会话改的主送机关"


class Terminal:
    def __init__(self, code: int, text: str) -> None:
        self.code, self.text = code, text


def _in_a_terminal(argv: list[str], cwd: Path, keys: list[tuple[str, str]] = (), signal_at: str | None = None,
                   timeout: float = 30) -> Terminal:
    """``draftkit ARGV`` in a pty: each (wait for this text, then type these keys); then,
    with ``signal_at``, SIGTERM once that text is on screen."""
    import pty
    import select

    master, slave = pty.openpty()
    env = {**os.environ, "LANG": "C.UTF-8", "TERM": "xterm", "PYTHONIOENCODING": "utf-8"}
    proc = subprocess.Popen([sys.executable, "-m", "draftkit", *argv], stdin=slave, stdout=slave, stderr=slave,
                            cwd=cwd, env=env, start_new_session=True)
    os.close(slave)
    seen, steps, end = b"", list(keys) + ([(signal_at, None)] if signal_at else []), time.time() + timeout
    while time.time() < end:
        if steps and steps[0][0].encode() in seen:
            wait, typed = steps.pop(0)
            seen = b""
            if typed is None:
                proc.send_signal(signal.SIGTERM)
            else:
                os.write(master, typed.encode())
        ready, _, _ = select.select([master], [], [], 0.1)
        if ready:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
        elif proc.poll() is not None:
            break
    try:
        code = proc.wait(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
        os.close(master)
    return Terminal(code, seen.decode("utf-8", "replace"))


def test_sigterm_during_new_saves_like_ctrl_c(tmp_path: Path):
    out = _in_a_terminal(["new", "-o", "a.yaml", "--bank", str(BANK)], tmp_path,
                         keys=[("发文机关名称", "青岚县人民政府\r")], signal_at="层级")
    assert out.code == 130 and "已中断" in out.text and "draftkit new --resume" in out.text, out.text
    saved = yaml.safe_load((tmp_path / "a.yaml").read_text(encoding="utf-8"))
    assert saved["issuer"]["name"] == "青岚县人民政府"
    assert not (tmp_path / "a.yaml.lock").exists()


# Mining in a process of its own, spilling after every 50 occurrences (the real limit is
# 40,000: a corpus a test can mine in seconds then still goes to disk).
MINE = "import sys\nimport draftkit.mining.spill as s\ns.FLUSH = 50\nfrom draftkit.cli import main\nsys.exit(main(sys.argv[1:]))"


def _corpus(folder: Path) -> Path:
    folder.mkdir()
    for i in range(40):
        lines = report_txt().splitlines()
        (folder / f"r{i:02d}.txt").write_text("\n".join(lines[:3] + [long_paragraph(3000, seed=i)] + lines[3:]),
                                              encoding="utf-8")
    return folder


def _mine(tmp_path: Path, corpus: Path, name: str) -> subprocess.Popen:
    env = {**os.environ, "DRAFTKIT_CACHE": str(tmp_path / "cache"), "TMPDIR": str(tmp_path / "temp")}
    return subprocess.Popen([sys.executable, "-c", MINE, "mine", str(corpus), "-o", str(tmp_path / name)],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _scratch(tmp_path: Path) -> list[Path]:
    return sorted((tmp_path / "cache" / "scratch").glob("draftkit-mine-*")) if (tmp_path / "cache").exists() else []


def _when_spilling(tmp_path: Path, proc: subprocess.Popen) -> list[Path]:
    end = time.time() + 60
    while time.time() < end and proc.poll() is None:
        found = [p for p in _scratch(tmp_path) if any(p.glob("*.spill")) or len(list(p.iterdir())) > 1]
        if found:
            return found
        time.sleep(0.02)
    raise AssertionError(f"mining never spilled: {proc.communicate()}")


@pytest.mark.parametrize("how", ["SIGTERM", "SIGKILL"])
def test_mine_leaves_no_scratch_folder(tmp_path: Path, how: str):
    (tmp_path / "temp").mkdir()
    corpus = _corpus(tmp_path / "corpus")
    proc = _mine(tmp_path, corpus, "bank")
    spilling = _when_spilling(tmp_path, proc)
    proc.send_signal(getattr(signal, how))
    _, err = proc.communicate(timeout=60)
    if how == "SIGTERM":
        assert proc.returncode == 130 and "已中断" in err, err
        assert not _scratch(tmp_path), "SIGTERM: the scratch folder is removed"
    else:
        assert proc.returncode == -signal.SIGKILL and _scratch(tmp_path) == spilling  # nothing could run
        again = _mine(tmp_path, corpus, "bank2")
        _, err = again.communicate(timeout=120)
        assert again.returncode == 0, err
        assert not _scratch(tmp_path), "the next run removed what the killed one left"
    assert not any((tmp_path / "temp").iterdir()), "nothing in the system's temporary folder"
    assert not (tmp_path / "bank").exists() or not any((tmp_path / "bank").glob("*.jsonl"))


def test_sigterm_cutting_an_import_short_is_still_an_interruption(monkeypatch, capsys):
    """SIGTERM raised inside a library's import (OpenCC turns whatever stops its loader
    into an ImportError) ends the command as interrupted, not as an internal error."""
    from draftkit import cli

    def cut_short(args):
        cli._terminated = True  # as the handler sets it
        raise ImportError("opencc_clib not found in Bazel runfiles")

    monkeypatch.setattr(cli, "cmd_check", cut_short)
    monkeypatch.setattr(cli, "_terminated", False)
    parser = cli.build_parser()
    monkeypatch.setattr(cli, "build_parser", lambda: parser)
    parser._subparsers._group_actions[0].choices["check"].set_defaults(func=cut_short)
    assert cli.main(["check", "x.txt"]) == 130
    assert capsys.readouterr().err.strip() == "已中断。"
