"""`thankyou-bot check` end to end, as a member runs it: a real process, real files and stdin."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.compose.helpers import ANA, PRIYA, TOM, document
from tests.compose.test_edited import GOOD

ROOT = Path(__file__).resolve().parents[2]
BOT = Path(sys.executable).parent / "thankyou-bot"


def check(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(BOT), "check", *args], input=stdin, capture_output=True, text=True, cwd=ROOT, timeout=60)


@pytest.fixture
def answers(tmp_path: Path) -> str:
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(document(interviewers=[PRIYA, TOM, ANA])), encoding="utf-8")
    return str(path)


def write(tmp_path: Path, text: str, name: str = "note.txt") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_json_output_is_exactly_the_checks_document(answers: str, tmp_path: Path) -> None:
    edited = GOOD.replace("Dear Priya,", "Dear Pryia,").replace("how your team", "how there team")
    result = check("--answers", answers, "--format", "json", write(tmp_path, edited))
    assert result.returncode == 0 and result.stderr == ""
    data = json.loads(result.stdout)
    assert set(data) == {"checks"}
    assert all(set(c) == {"code", "level", "message"} for c in data["checks"])
    assert [c["code"] for c in data["checks"]] == ["name-missing", "confusable"]


def test_a_clean_note_from_stdin_is_ready_to_send(answers: str) -> None:
    result = check("--answers", answers, stdin=GOOD)
    assert result.returncode == 0 and result.stderr == ""
    assert result.stdout == "Note to Priya Natarajan\nChecks: none. This note is ready to send.\n"


def test_to_picks_the_interviewer(answers: str, tmp_path: Path) -> None:
    note = write(tmp_path, GOOD.replace("Dear Priya,", "Hi Tom,"))
    assert check("--answers", answers, "--to", "2", note).stdout.startswith("Note to Tom Li\nChecks: none.")
    result = check("--answers", answers, "--to", "1", "--format", "text", note)
    assert result.returncode == 0 and "ERROR    name-missing: The note calls them “Tom”" in result.stdout


def test_answers_from_stdin_and_the_note_from_a_file(tmp_path: Path) -> None:
    result = check("--answers", "-", write(tmp_path, GOOD), stdin=json.dumps(document()))
    assert result.returncode == 0 and "ready to send" in result.stdout


@pytest.mark.parametrize(
    ("args", "stdin", "reason"),
    [
        (["--to", "4"], GOOD, "--to: 4 is out of range; the answers list 3 interviewers (use 1 to 3)\n"),
        (["--to", "0"], GOOD, "--to: 0 is out of range; the answers list 3 interviewers (use 1 to 3)\n"),
        ([], "  \n\n", "note: empty; give the note's text in a file or on stdin\n"),
        (["missing-note.txt"], None, "note: cannot read missing-note.txt (No such file or directory)\n"),
    ],
)
def test_bad_input_exits_2_with_one_line(answers: str, args: list[str], stdin: str | None, reason: str) -> None:
    result = check("--answers", answers, *args, stdin=stdin)
    assert (result.returncode, result.stdout, result.stderr) == (2, "", reason)


def test_bad_answers_exit_2(tmp_path: Path) -> None:
    broken = write(tmp_path, "{not json", "answers.json")
    result = check("--answers", broken, write(tmp_path, GOOD))
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.startswith("answers: not valid JSON (") and result.stderr.count("\n") == 1
    missing = check("--answers", str(tmp_path / "nope.json"), write(tmp_path, GOOD))
    assert missing.returncode == 2 and missing.stderr.startswith("answers: cannot read ")
    both = check("--answers", "-", "-", stdin=GOOD)
    assert both.returncode == 2 and "cannot both come from stdin" in both.stderr


def test_a_non_number_for_to_is_a_usage_error(answers: str) -> None:
    result = check("--answers", answers, "--to", "two", stdin=GOOD)
    assert result.returncode == 2 and "--to" in result.stderr


def test_check_never_imports_chat_or_database_libraries(answers: str, tmp_path: Path) -> None:
    """Like `draft`: a short cold start, and nothing that could reach a network or a database."""
    note = write(tmp_path, GOOD.replace("especially", "especialy"))
    script = (
        f"import sys; from bot.cli import main; code = main(['check', '--answers', {answers!r}, {note!r}]);"
        "heavy = sorted({m.split('.')[0] for m in sys.modules} & {'slack_bolt', 'slack_sdk', 'discord', 'sqlalchemy',"
        " 'sqlmodel', 'aiohttp', 'asyncpg', 'aiosqlite', 'alembic', 'pydantic_settings'});"
        "print(code, heavy, file=sys.stderr)"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, check=True)
    assert result.stderr.strip() == "0 []"
    assert "especialy (→ especially)" in result.stdout


def test_check_loads_neither_the_composer_nor_the_librarys_dictionary(answers: str, tmp_path: Path) -> None:
    """A proofread needs no sentence bank (Jinja2, YAML), no verb-form guesser (numpy) and, once the word table
    is in the cache folder, not even pyspellchecker: what keeps its cold start short."""
    note = write(tmp_path, GOOD.replace("especially", "especialy"))
    script = (
        f"import sys; from bot.cli import main; code = main(['check', '--answers', {answers!r}, {note!r}]);"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in {'jinja2', 'yaml', 'numpy', 'lemminflect',"
        " 'spellchecker', 'rapidfuzz'} or m in {'bot.compose.composer', 'bot.compose.bank'});"
        "print(code, loaded, file=sys.stderr)"
    )
    env = {**os.environ, "THANKYOU_BOT_CACHE_DIR": str(tmp_path / "cache")}
    for _ in range(2):  # the first run builds the word table, the second reads it
        run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, env=env)
        assert run.returncode == 0 and run.stderr.strip() == "0 []"
        assert "especialy (→ especially)" in run.stdout
