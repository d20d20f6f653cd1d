"""SIGKILL the real `thankyou-bot console --jsonl` process mid-conversation; a restart must lose nothing.

The console is a subprocess speaking the JSON-lines protocol on a SQLite file. It is killed at several
points: right after an answer was acknowledged by the next question, while idle waiting for input, with an
answer in flight, and in the middle of an edit. Each restart must ask exactly the question that was open,
with every earlier answer still in the database row, and the conversation must finish with drafts.
"""

from __future__ import annotations

import json
import os
import queue
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import IO, Any

import pytest

ROOT = Path(__file__).resolve().parents[3]
WAIT = 60.0  # generous bound for one reply on a slow CI machine; never a fixed sleep

TOP = {
    "candidate": "Sam Rivera",
    "company": "Acme Robotics",
    "role": "Data Engineer",
    "interview_at": "yesterday 3pm",
    "format": "Video call",
    "went": "well",
    "interviewers": "Priya Natarajan and Tom Li",
    "strengths": "five years running Kafka in production",
    "add": "skip",
    "share": "example.com/my-talk",
    "next_steps": "they'll decide by next Friday",
    "tone": "warm",
    "channel": "email",
    "confirm": "yes",
}
PEOPLE = [
    {"title": "Engineering Manager", "email": "priya@acme.example", "discussed": "streaming", "detail": "on-call"},
    {"title": "Staff Engineer", "email": "tom@acme.example", "discussed": "Kafka lag", "detail": "his cycling trip"},
]
EXPECTED = {
    "candidate": "Sam Rivera",
    "company": "Acme Robotics",
    "role": "Data Engineer",
    "went": "well",
    "interviewers": [{"name": "Priya Natarajan", **PEOPLE[0]}, {"name": "Tom Li", **PEOPLE[1]}],
    "strengths": "five years running Kafka in production",
    "share": "https://example.com/my-talk",
    "next_steps": "they'll decide by next Friday",
    "tone": "warm",
    "channel": "email",
}


def value_at(answers: dict[str, Any], path: str) -> Any:
    if path.startswith("interviewers."):
        _, index, name = path.split(".")
        people = answers.get("interviewers", [])
        return people[int(index)].get(name) if int(index) < len(people) else None
    return answers.get(path)


def reply(field: str) -> str:
    if field.startswith("interviewers."):
        _, index, name = field.split(".")
        person = PEOPLE[int(index)]
        together = {
            "title": f"{person['title']}, {person['email']}",
            "discussed": f"{person['discussed']}; {person['detail']}",
        }
        return together.get(name, person[name])
    return TOP[field]


class Console:
    """One console process; stdout lines arrive on a queue so every read has a deadline."""

    def __init__(self, db_file: Path, log: IO[str]) -> None:
        command = [sys.executable, "-m", "bot.cli", "console", "--db", f"sqlite:///{db_file}", "--user", "sam"]
        command += ["--tz", "America/New_York", "--jsonl"]
        env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
        self.process = subprocess.Popen(
            command, cwd=ROOT, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=log, text=True,
            encoding="utf-8", bufsize=1,
        )  # fmt: skip
        self.lines: queue.Queue[str | None] = queue.Queue()
        threading.Thread(target=self._pump, daemon=True).start()

    def _pump(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line)
        self.lines.put(None)

    def until_question(self) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        """Read until an `ask` or `end` line; return it and everything read on the way."""
        seen: list[dict[str, Any]] = []
        deadline = time.monotonic() + WAIT
        while True:
            line = self.lines.get(timeout=max(0.0, deadline - time.monotonic()))
            assert line is not None, f"the console exited early (code {self.process.wait(WAIT)}): {seen}"
            message = json.loads(line)
            seen.append(message)
            if message["type"] in ("ask", "end"):
                return message, seen

    def send(self, text: str) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(text + "\n")
        self.process.stdin.flush()

    def wait_idle(self) -> None:
        """Bounded polling until the process sleeps (blocked reading stdin), not busy finishing a turn."""
        stat = Path(f"/proc/{self.process.pid}/stat")
        deadline = time.monotonic() + WAIT
        while stat.exists() and stat.read_text().rsplit(")", 1)[1].split()[0] != "S":
            assert time.monotonic() < deadline, "the console never went idle"
            time.sleep(0.01)

    def kill(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        assert self.process.wait(WAIT) == -signal.SIGKILL

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(WAIT)


Starter = Callable[[], Console]


def stored(db_file: Path) -> dict[str, Any]:
    """The user's latest conversation row, read straight from the file."""
    with sqlite3.connect(db_file) as connection:
        row = connection.execute(
            "SELECT step, status, answers, progress FROM conversations WHERE user_id = 'sam' ORDER BY id DESC LIMIT 1"
        ).fetchone()
    assert row is not None, "no conversation row"
    return {"step": row[0], "status": row[1], "answers": json.loads(row[2]), "progress": json.loads(row[3])}


@pytest.fixture
def run(tmp_path: Path) -> Iterator[Starter]:
    """Start consoles on one database; all are killed at the end even if the test fails."""
    started: list[Console] = []
    log = (tmp_path / "stderr.log").open("w")

    def start() -> Console:
        started.append(Console(tmp_path / "x.db", log))
        return started[-1]

    yield start
    for console in started:
        console.close()
    log.close()


def resumed(start: Starter, db_file: Path, open_field: str) -> Console:
    """Restart and check the very same question comes back with the stored row unchanged."""
    before = stored(db_file)
    console = start()
    ask, seen = console.until_question()
    assert ask == {**ask, "type": "ask", "field": open_field}, seen
    assert any(m["type"] == "say" and "welcome back" in m["text"].casefold() for m in seen), seen
    after = stored(db_file)
    assert [after[k] for k in ("step", "answers", "progress")] == [before[k] for k in ("step", "answers", "progress")]
    return console


def test_killed_console_resumes_at_the_exact_question_with_nothing_lost(run: Starter, tmp_path: Path) -> None:
    db_file = tmp_path / "x.db"
    console = run()
    ask, _ = console.until_question()
    assert ask["field"] == "candidate"
    kills = 0
    while ask["type"] == "ask":
        field = ask["field"]
        if field in ("company", "interviewers.1.title"):  # kill right after the answer was acknowledged
            console.send(reply(field))
            ask, _ = console.until_question()
            assert value_at(stored(db_file)["answers"], field), f"{field} was acknowledged but not stored"
            console.kill()
            console, kills = resumed(run, db_file, ask["field"]), kills + 1
            continue
        if field in ("interview_at", "confirm"):  # kill while idle, waiting for the user
            console.wait_idle()
            console.kill()
            console, kills = resumed(run, db_file, field), kills + 1
        if field == "interviewers.0.discussed":  # kill in the middle of an edit; the edit survives
            console.send("edit company")
            ask, _ = console.until_question()
            assert ask["field"] == "company"
            console.kill()
            console, kills = resumed(run, db_file, "company"), kills + 1
            assert stored(db_file)["progress"]["return_to"] == field
            console.send("Acme Robotics")
            ask, _ = console.until_question()
            assert ask["field"] == field, "after the edit the console must return to where the user was"
        console.send(reply(field))
        ask, seen = console.until_question()
    assert ask == {"type": "end", "reason": "done"}, seen
    assert kills == 5
    drafts = [m for m in seen if m["type"] == "drafts"]
    assert [d["to"]["name"] for d in drafts[0]["drafts"]] == ["Priya Natarajan", "Tom Li"]
    row = stored(db_file)
    assert row["status"] == "done"
    assert {k: v for k, v in row["answers"].items() if k != "interview_at"} == EXPECTED
    assert datetime.fromisoformat(row["answers"]["interview_at"]).hour == 15
    with sqlite3.connect(db_file) as connection:
        notes = connection.execute("SELECT interviewer FROM notes ORDER BY position").fetchall()
    assert notes == [("Priya Natarajan",), ("Tom Li",)]


@pytest.mark.parametrize("field", ["candidate", "interviewers", "interviewers.0.title"])
def test_kill_with_an_answer_in_flight_stores_it_whole_or_not_at_all(run: Starter, tmp_path: Path, field: str) -> None:
    """Killed between reading the answer and replying: on restart the answer is either kept or asked again."""
    db_file = tmp_path / "x.db"
    console = run()
    ask, _ = console.until_question()
    while ask["field"] != field:
        console.send(reply(ask["field"]))
        ask, _ = console.until_question()
    before = stored(db_file)
    console.send(reply(field))
    console.kill()
    after = stored(db_file)
    if after["step"] == field:
        assert after["answers"] == before["answers"], "a half-applied answer was stored"
    else:
        assert value_at(after["answers"], field), "the step moved on but the answer is missing"
        top = field.split(".")[0]
        assert {k: v for k, v in after["answers"].items() if k != top} == {
            k: v for k, v in before["answers"].items() if k != top
        }
    console = resumed(run, db_file, after["step"])
    console.send(reply(after["step"]))
    ask, _ = console.until_question()
    assert ask["type"] == "ask"
