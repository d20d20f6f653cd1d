"""The `--jsonl` console protocol end to end: a real `thankyou-bot console` process on a SQLite file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

from tests.transcripts import load_transcripts

TIMEOUT = 60


def run_console(db: Path, lines: list[str], *extra: str) -> list[dict[str, Any]]:
    """Feed the lines on stdin (then end of input) and return the JSON objects printed on stdout."""
    process = subprocess.run(
        [sys.executable, "-m", "bot.cli", "console", "--db", f"sqlite:///{db}", "--user", "sam",
         "--tz", "America/New_York", "--jsonl", *extra],
        input="".join(f"{line}\n" for line in lines), capture_output=True, text=True, timeout=TIMEOUT,
        env={**os.environ, "DEFAULT_TIMEZONE": "UTC"},
    )  # fmt: skip
    assert process.returncode == 0, process.stderr
    assert process.stderr == "", process.stderr
    return [json.loads(line) for line in process.stdout.splitlines()]


def test_whole_conversation_speaks_the_protocol(tmp_path: Path) -> None:
    transcript = next(t for t in load_transcripts() if t.name == "panel_interview")
    answers = [str(turn.text) for turn in transcript.turns[1:]]
    out = run_console(tmp_path / "bot.db", answers)
    kinds = [o["type"] for o in out]
    assert kinds[0] == "say" and kinds[-1] == "end" and out[-1]["reason"] == "done"
    assert set(kinds) <= {"say", "ask", "drafts", "reminder", "end"}
    first_ask = next(o for o in out if o["type"] == "ask")
    assert first_ask["field"] == "candidate" and first_ask["optional"] is False
    went = next(o for o in out if o["type"] == "ask" and o["field"] == "went")
    assert {"value": "well", "label": "Well"} in went["choices"] and went["optional"] is True
    together = next(o for o in out if o["type"] == "ask" and o["field"] == "interviewers.0.title")
    assert together["fields"] == ["interviewers.0.title", "interviewers.0.email"], "one line fills both"
    text_ask = next(o for o in out if o["type"] == "ask" and o["field"] == "company")
    assert "choices" not in text_ask and text_ask["optional"] is False
    drafts = next(o for o in out if o["type"] == "drafts")
    assert [d["to"]["name"] for d in drafts["drafts"]] == ["Priya Natarajan", "Tom Li"]
    assert {"send_by", "follow_up_at"} <= drafts.keys()
    reminders = [o for o in out if o["type"] == "reminder"]
    assert reminders and {r["kind"] for r in reminders} <= {"send_by", "follow_up"}
    assert all(datetime.fromisoformat(r["due_at"]).tzinfo is not None for r in reminders)


def test_end_of_input_saves_and_next_run_resumes(tmp_path: Path) -> None:
    db = tmp_path / "bot.db"
    first = run_console(db, ["Sam Rivera", "Acme"])
    assert [o["field"] for o in first if o["type"] == "ask"][-1] == "role"
    assert first[-1]["type"] == "ask", "no end message: the conversation is only paused"
    second = run_console(db, [])
    assert "welcome back" in second[0]["text"].lower()
    assert second[-1] == {**second[-1], "type": "ask", "field": "role"}


def test_navigation_words_and_validation_messages(tmp_path: Path) -> None:
    out = run_console(tmp_path / "bot.db", ["", "Sam", "BACK", "Sam Rivera", "edit nothing", "cancel", "yes"])
    says = [o["text"] for o in out if o["type"] == "say"]
    assert any("looks empty" in s for s in says)
    assert any('"nothing"' in s for s in says)
    assert [o["field"] for o in out if o["type"] == "ask"][-1] == "cancel", "cancel asks first"
    assert out[-1] == {"type": "end", "reason": "cancelled"}


def test_a_question_with_several_fields_takes_one_line_split_by_semicolons(tmp_path: Path) -> None:
    answers = ["Sam Rivera", "Acme", "Data Engineer", "skip", "Priya Natarajan", "video", "well",
               "Engineering Manager; priya@acme.example", "streaming pipelines; her dog Max", "skip", "skip",
               "skip", "skip", "skip", "skip", "yes"]  # fmt: skip
    out = run_console(tmp_path / "bot.db", answers)
    drafts = next(o for o in out if o["type"] == "drafts")
    assert drafts["drafts"][0]["to"] == {"name": "Priya Natarajan", "email": "priya@acme.example"}
    detail = next(o for o in out if o["type"] == "ask" and o["field"] == "interviewers.0.discussed")
    assert detail["fields"] == ["interviewers.0.discussed", "interviewers.0.detail"]


def test_unknown_time_zone_is_a_usage_error(tmp_path: Path) -> None:
    process = subprocess.run(
        [sys.executable, "-m", "bot.cli", "console", "--db", f"sqlite:///{tmp_path}/x.db", "--tz", "Mars/Olympus"],
        input="", capture_output=True, text=True, timeout=TIMEOUT,
    )  # fmt: skip
    assert process.returncode == 2
    assert "unknown time zone" in process.stderr and "Traceback" not in process.stderr


def test_without_tz_the_console_follows_the_computers_zone(tmp_path: Path) -> None:
    """No --tz and no DEFAULT_TIMEZONE: "yesterday at 2:30" is read on this computer's clock (TZ here)."""
    env = {k: v for k, v in os.environ.items() if k != "DEFAULT_TIMEZONE"} | {"TZ": "Asia/Tokyo"}
    process = subprocess.run(
        [sys.executable, "-m", "bot.cli", "console", "--db", f"sqlite:///{tmp_path}/tz.db", "--user", "kim",
         "--jsonl"],
        input="Kim Lee\nAcme\nData Engineer\nyesterday at 2:30\n", capture_output=True, text=True,
        timeout=TIMEOUT, env=env, cwd=tmp_path,
    )  # fmt: skip
    assert process.returncode == 0, process.stderr
    said = [json.loads(line)["text"] for line in process.stdout.splitlines() if '"say"' in line]
    assert any("14:30 (Asia/Tokyo)" in text for text in said), said
