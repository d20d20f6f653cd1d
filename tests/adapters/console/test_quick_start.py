"""The console's quick start: a sample note (from the real composer) before the first question, once per
member, and never in `--jsonl` (whose every line stays a protocol object)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from bot import messages

ROOT = Path(__file__).resolve().parents[3]
INTRO = messages.text("console_sample_intro")


def console(db: Path, lines: list[str], *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", "console", "--db", f"sqlite:///{db}", "--user", "sam",
         "--tz", "America/New_York", *extra],
        cwd=ROOT, input="".join(f"{line}\n" for line in lines), capture_output=True, text=True, timeout=120,
        env={k: v for k, v in os.environ.items() if k != "DATABASE_URL"},
    )  # fmt: skip


def test_a_first_run_shows_a_sample_note_before_the_first_question_then_never_again(tmp_path: Path) -> None:
    first = console(tmp_path / "bot.db", ["sam rivera"])
    assert first.returncode == 0, first.stderr
    out = first.stdout
    assert out.startswith(INTRO), "before anything else"
    assert out.index("to Dana Whitfield") < out.index("> "), "before the first question"
    again = console(tmp_path / "bot.db", ["acme"])
    assert INTRO not in again.stdout and "to Dana Whitfield" not in again.stdout


def test_jsonl_never_carries_the_sample(tmp_path: Path) -> None:
    result = console(tmp_path / "bot.db", ["sam rivera"], "--jsonl")
    assert result.returncode == 0, result.stderr
    said = [json.loads(line) for line in result.stdout.splitlines()]
    assert {line["type"] for line in said} <= {"say", "ask", "nudge", "drafts", "reminder", "end"}
    assert not any("to Dana Whitfield" in str(line) for line in said)
