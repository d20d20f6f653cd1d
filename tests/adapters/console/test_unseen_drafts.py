"""A console killed with SIGKILL after a turn was committed and before its reply was printed (issue 11, item 1).

The real `thankyou-bot console` runs as a subprocess on a SQLite file. A small launcher kills the process from
inside the console's sender, which the core calls only after the turn's commit: exactly the window between
commit and send. A restart must ask the question that never appeared, and notes that never appeared are shown
at start ("Here are the notes you didn't see yet"; a `drafts` event in `--jsonl`), once.
"""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

from bot import messages
from tests.adapters.console.test_console_crash import ROOT, WAIT, Console, reply, stored, value_at

UNSEEN = messages.text("notes_unseen")
#: Runs the real CLI, with the console's sender killing the process when it is handed the reply named by
#: TY_KILL_AT ("drafts", or the field of the question asked): the turn is committed, nothing printed yet.
LAUNCHER = """
import os, signal, sys
from adapters.console import main as console
from bot.actions import Ask, DraftsReady
from bot.cli import main
at, send = os.environ["TY_KILL_AT"], console.ConsoleSender.send
async def killing(self, address, actions):
    if any(isinstance(a, DraftsReady) if at == "drafts" else isinstance(a, Ask) and a.field == at for a in actions):
        os.kill(os.getpid(), signal.SIGKILL)
    return await send(self, address, actions)
console.ConsoleSender.send = killing
sys.exit(main(sys.argv[1:]))
"""


class KilledConsole(Console):
    """A console whose sender kills it at the chosen reply (see LAUNCHER)."""

    def __init__(self, db_file: Path, log: Any, kill_at: str) -> None:
        command = [sys.executable, "-c", LAUNCHER, "console", "--db", f"sqlite:///{db_file}", "--user", "sam"]
        command += ["--tz", "America/New_York", "--jsonl"]
        env = {**{k: v for k, v in os.environ.items() if k != "DATABASE_URL"}, "TY_KILL_AT": kill_at}
        self.process = subprocess.Popen(
            command, cwd=ROOT, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=log, text=True,
            encoding="utf-8", bufsize=1,
        )  # fmt: skip
        self.lines: queue.Queue[str | None] = queue.Queue()
        threading.Thread(target=self._pump, daemon=True).start()


def _answer_until_killed(console: Console) -> list[dict[str, Any]]:
    """Answer every question until the process dies; what it printed on the way."""
    seen: list[dict[str, Any]] = []
    while True:
        try:
            ask, lines = console.until_question()
        except AssertionError:  # the stream ended: the process was killed
            break
        seen += lines
        console.send(reply(ask["field"]))
    assert console.process.wait(WAIT) == -9, "killed by SIGKILL"
    return seen


def _read_all(console: Console) -> list[dict[str, Any]]:
    """Everything up to the first question, then end of input (the console saves and exits 0)."""
    _, seen = console.until_question()
    assert console.process.stdin is not None
    console.process.stdin.close()
    assert console.process.wait(WAIT) == 0
    return seen


def test_a_question_lost_to_a_kill_after_the_commit_is_asked_at_restart(tmp_path: Path) -> None:
    db_file = tmp_path / "x.db"
    with (tmp_path / "stderr.log").open("w") as log:
        killed = KilledConsole(db_file, log, kill_at="role")
        try:
            printed = _answer_until_killed(killed)
        finally:
            killed.close()
        assert not any(m["type"] == "ask" and m["field"] == "role" for m in printed), "the reply never appeared"
        assert stored(db_file)["step"] == "role" and value_at(stored(db_file)["answers"], "company")

        console = Console(db_file, log)
        try:
            ask, _ = console.until_question()
            assert ask["field"] == "role"
            console.send("acme robotics")  # typed where "what role?" finally appeared: it is the role
            ask, _ = console.until_question()
            assert ask["field"] == "interview_at"
            assert stored(db_file)["answers"]["role"] == "acme robotics"
        finally:
            console.close()


def test_notes_lost_to_a_kill_after_the_commit_are_shown_at_the_next_start_once(tmp_path: Path) -> None:
    db_file = tmp_path / "x.db"
    with (tmp_path / "stderr.log").open("w") as log:
        killed = KilledConsole(db_file, log, kill_at="drafts")
        try:
            printed = _answer_until_killed(killed)
        finally:
            killed.close()
        assert not any(m["type"] == "drafts" for m in printed)
        assert stored(db_file)["status"] == "done"

        first = _read_all(Console(db_file, log))
        kinds = [m["type"] for m in first]
        assert {"type": "say", "text": UNSEEN} in first
        drafts = [m for m in first if m["type"] == "drafts"]
        assert len(drafts) == 1 and [d["to"]["name"] for d in drafts[0]["drafts"]] == ["Priya Natarajan", "Tom Li"]
        assert kinds.index("drafts") < len(kinds) - 1 and first[-1]["type"] == "ask"  # then the usual start

        second = _read_all(Console(db_file, log))
        assert not any(m["type"] == "drafts" for m in second), "shown once"
        assert json.dumps(second).find(UNSEEN) == -1


def test_the_plain_console_says_which_notes_were_not_seen(tmp_path: Path) -> None:
    db_file = tmp_path / "x.db"
    with (tmp_path / "stderr.log").open("w") as log:
        killed = KilledConsole(db_file, log, kill_at="drafts")
        try:
            _answer_until_killed(killed)
        finally:
            killed.close()
        env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
        command = [sys.executable, "-m", "bot.cli", "console", "--db", f"sqlite:///{db_file}", "--user", "sam"]
        shown = subprocess.run(
            command, cwd=ROOT, env=env, input="", capture_output=True, text=True, timeout=WAIT, check=True
        ).stdout
        assert UNSEEN in shown and "Note 1 of 2" in shown and "Note 2 of 2" in shown
        assert shown.index(UNSEEN) < shown.index("Note 1 of 2")
