"""`thankyou-bot draft` end to end, as a user runs it: a real process, real files and stdin."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.compose.helpers import ANA, PRIYA, TOM, document

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
BOT = Path(sys.executable).parent / "thankyou-bot"


def draft(*args: str, stdin: str | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k != "DEFAULT_TIMEZONE"} | (env or {})
    return subprocess.run(
        [str(BOT), "draft", *args], input=stdin, capture_output=True, text=True, env=environment, cwd=ROOT, timeout=60
    )


def write(tmp_path: Path, data: Any) -> str:
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


def test_text_output_shows_each_draft_clearly_separated() -> None:
    result = draft("--answers", str(EXAMPLES / "panel.json"))
    assert result.returncode == 0 and result.stderr == ""
    out = result.stdout
    headers = [line.split(" (email, ")[0] for line in out.splitlines() if line.startswith("Note ")]
    assert headers == [
        "Note 1 of 3: to Priya Natarajan <priya@acme.example>",
        "Note 2 of 3: to Tom Li <tom.li@acme.example>",
        "Note 3 of 3: to Dr. Ana García",
    ]
    assert out.count("Subject: ") == 3 and out.count("\nSam Rivera\n") == 3
    assert out.count("Checks: none. This note is ready to send.") == 3
    assert "Send by: " in out and "Follow up: " in out


def test_json_output_is_exactly_the_drafts_document(tmp_path: Path) -> None:
    result = draft("--answers", write(tmp_path, document(interviewers=[PRIYA, TOM])), "--format", "json")
    assert result.returncode == 0 and result.stderr == ""
    data = json.loads(result.stdout)
    assert set(data) == {"drafts", "send_by", "follow_up_at"}
    assert [d["to"]["name"] for d in data["drafts"]] == ["Priya Natarajan", "Tom Li"]
    assert data["follow_up_at"] == "2026-12-01T10:00:00-05:00"  # the interview's own offset is the zone
    assert all(set(d) == {"to", "channel", "subject", "body", "words", "checks"} for d in data["drafts"])


def test_answers_from_stdin() -> None:
    result = draft("--answers", "-", "--format", "json", stdin=json.dumps(document(interviewers=[ANA])))
    assert result.returncode == 0
    assert json.loads(result.stdout)["drafts"][0]["to"]["name"] == "Ana García"


def test_default_timezone_sets_the_users_zone(tmp_path: Path) -> None:
    path = write(tmp_path, document())
    result = draft("--answers", path, "--format", "json", env={"DEFAULT_TIMEZONE": "Asia/Kolkata"})
    assert result.returncode == 0
    assert json.loads(result.stdout)["follow_up_at"].endswith("+05:30")


def test_every_example_composes_without_a_warning() -> None:
    for example in sorted(EXAMPLES.glob("*.json")):
        result = draft("--answers", str(example), "--format", "json")
        assert result.returncode == 0, (example.name, result.stderr)
        for item in json.loads(result.stdout)["drafts"]:
            assert [c for c in item["checks"] if c["level"] != "info"] == [], (example.name, item["checks"])


def test_same_answers_give_the_same_drafts_in_every_process(tmp_path: Path) -> None:
    path = write(tmp_path, document(interviewers=[PRIYA, TOM, ANA]))
    runs = [draft("--answers", path, "--format", "json", env={"PYTHONHASHSEED": seed}) for seed in ("1", "2")]
    first, second = (json.loads(run.stdout)["drafts"] for run in runs)
    assert first == second


@pytest.mark.parametrize(
    ("data", "lines"),
    [
        (
            {"candidate": " ", "company": "Acme", "interviewers": [{"title": "CTO"}], "tone": "loud"},
            ["candidate: required", "interviewers.0.name: required", "tone: must be one of"],
        ),
        ({**document(), "occasion": "party"}, ["occasion: must be one of"]),
        ({**document(), "channel": "fax"}, ["channel: must be one of"]),
        ({**document(), "mood": "happy"}, ["mood: unknown field"]),
        ({**document(), "interviewers": []}, ["interviewers: "]),
        ([1, 2, 3], ["document: must be a JSON object"]),
    ],
)
def test_invalid_answers_exit_2_with_one_line_per_problem(tmp_path: Path, data: Any, lines: list[str]) -> None:
    result = draft("--answers", write(tmp_path, data))
    assert result.returncode == 2 and result.stdout == ""
    problems = result.stderr.splitlines()
    assert len(problems) == len(lines), problems
    for problem, expected in zip(sorted(problems), sorted(lines), strict=True):
        assert problem.startswith(expected), problems


@pytest.mark.parametrize(
    ("args", "stdin", "message"),
    [
        (["--answers", "-"], "{not json", "answers: not valid JSON"),
        (["--answers", "-"], "", "answers: not valid JSON"),
        (["--answers", "/no/such/answers.json"], None, "answers: cannot read /no/such/answers.json"),
    ],
)
def test_unreadable_input_exits_2_with_a_clear_line(args: list[str], stdin: str | None, message: str) -> None:
    result = draft(*args, stdin=stdin)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.startswith(message) and len(result.stderr.splitlines()) == 1


def test_input_that_is_not_utf8_or_far_too_large_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "latin1.json"
    path.write_bytes('{"candidate": "Zoë"}'.encode("latin-1"))
    result = draft("--answers", str(path))
    assert (result.returncode, result.stderr) == (2, "answers: not UTF-8 text\n")
    big = tmp_path / "big.json"
    big.write_text(json.dumps({**document(), "add": "x" * 2_000_000}))
    result = draft("--answers", str(big))
    assert result.returncode == 2 and result.stderr.startswith("answers: larger than")


def test_an_unknown_default_timezone_is_a_clear_error(tmp_path: Path) -> None:
    result = draft("--answers", write(tmp_path, document()), env={"DEFAULT_TIMEZONE": "Mars/Olympus"})
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr == "DEFAULT_TIMEZONE: unknown time zone 'Mars/Olympus'; use an IANA name like Europe/Berlin\n"


def test_draft_never_imports_chat_or_database_libraries() -> None:
    script = (
        "import sys; from bot.cli import main; code = main(['draft', '--answers', 'examples/panel.json']);"
        "heavy = sorted({m.split('.')[0] for m in sys.modules} & {'slack_bolt', 'slack_sdk', 'discord', 'sqlalchemy',"
        " 'sqlmodel', 'aiohttp', 'asyncpg', 'aiosqlite', 'alembic', 'pydantic_settings'});"
        "print(code, heavy, file=sys.stderr)"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, check=True)
    assert result.stderr.strip() == "0 []"


def test_run_as_a_program_draft_skips_the_teardown_but_delivers_everything(tmp_path: Path) -> None:
    """Started as `thankyou-bot draft` (no argv given to main), the process ends as soon as the notes are out:
    exit handlers do not run (the interpreter's teardown is what is skipped), yet the whole document arrives
    through a pipe, and a bad input still exits 2."""
    many = write(tmp_path, document(interviewers=[{**PRIYA, "name": f"Person {n}"} for n in range(1, 21)]))
    script = (
        "import atexit, sys; atexit.register(lambda: print('teardown ran', file=sys.stderr));"
        "from bot.cli import main; sys.argv = ['thankyou-bot', *sys.argv[1:]]; sys.exit(main())"
    )
    run = subprocess.run([sys.executable, "-c", script, "draft", "--answers", many, "--format", "json"],
                         capture_output=True, text=True, cwd=ROOT)  # fmt: skip
    assert run.returncode == 0 and "teardown ran" not in run.stderr
    assert len(json.loads(run.stdout)["drafts"]) == 20
    bad = subprocess.run([sys.executable, "-c", script, "draft", "--answers", str(tmp_path / "missing.json")],
                         capture_output=True, text=True, cwd=ROOT)  # fmt: skip
    assert bad.returncode == 2 and bad.stderr.startswith("answers: cannot read") and "teardown ran" not in bad.stderr
    called = subprocess.run([sys.executable, "-c", script.replace("main()", "main(sys.argv[1:])"), "draft",
                             "--answers", many], capture_output=True, text=True, cwd=ROOT)  # fmt: skip
    assert called.returncode == 0 and "teardown ran" in called.stderr  # main(argv) from code returns normally


def test_draft_of_typed_answers_needs_neither_lemminflect_nor_numpy_once_the_tables_exist(tmp_path: Path) -> None:
    """Questions and clauses get their verb forms from the cached tables (bot/compose/verb_tables.py)."""
    typed = {"discussed": "why did they pick Snowflake over BigQuery?", "detail": "she still codes every day"}
    answers = write(tmp_path, document(interviewers=[{**PRIYA, **typed}]))
    script = (
        f"import sys; from bot.cli import main; code = main(['draft', '--answers', {answers!r}]);"
        "print(code, sorted({m.split('.')[0] for m in sys.modules} & {'numpy', 'lemminflect', 'spellchecker'}),"
        " file=sys.stderr)"
    )
    env = {**os.environ, "THANKYOU_BOT_CACHE_DIR": str(tmp_path / "cache")}
    runs = [subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, env=env)]
    runs.append(subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, env=env))
    assert runs[1].stderr.strip() == "0 []"
    clock = re.compile(r"\d{1,2}:\d{2}")  # the send-by time follows the real clock, which may turn a minute
    assert clock.sub("hh:mm", runs[0].stdout) == clock.sub("hh:mm", runs[1].stdout)
    assert "why they picked Snowflake over BigQuery" in runs[1].stdout
