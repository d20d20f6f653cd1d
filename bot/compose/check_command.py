"""`thankyou-bot check --answers FILE [--to N] [--format text|json] [NOTE|-]`: proofread an edited note.

The note (a file, or stdin for `-` or when none is given) is checked against the answers it was written
from, with the same checks as a draft (`bot/compose/edited.py`). Exit 0 when the check ran, whatever it
found; 2 with a one-line reason on bad input (missing file, bad JSON, N out of range, an empty note). Like
`draft`, it loads no database and no chat SDK, to keep the cold start short.
"""

from __future__ import annotations

import json
import sys

from bot.answers import Answers, parse_answers
from bot.compose.command import EXIT_OK, EXIT_USAGE, _BadInput, _decode, _read
from bot.compose.edited import check_edited
from bot.drafts import Check
from bot.errors import AnswersInvalid

#: A note is a few hundred words; anything far larger is not one.
MAX_NOTE_BYTES = 100_000
_LEVEL_MARK = {"error": "ERROR  ", "warning": "warning", "info": "tip    "}


def _note(path: str) -> str:
    if path == "-":
        raw = sys.stdin.buffer.read(MAX_NOTE_BYTES + 1)
    else:
        try:
            with open(path, "rb") as handle:
                raw = handle.read(MAX_NOTE_BYTES + 1)
        except OSError as error:
            raise _BadInput([f"note: cannot read {path} ({error.strerror or error})"]) from None
    if len(raw) > MAX_NOTE_BYTES:
        raise _BadInput([f"note: larger than {MAX_NOTE_BYTES:,} bytes; a thank-you note is a few hundred words"])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _BadInput(["note: not UTF-8 text"]) from None
    if "\x00" in text:
        raise _BadInput(["note: contains NUL bytes; it should be plain text"])
    if not text.strip():
        raise _BadInput(["note: empty; give the note's text in a file or on stdin"])
    return text


def _position(answers: Answers, to: int) -> int:
    count = len(answers.interviewers)
    if not 1 <= to <= count:
        people = "1 interviewer" if count == 1 else f"{count} interviewers"
        raise _BadInput([f"--to: {to} is out of range; the answers list {people} (use 1 to {count})"])
    return to - 1


def format_checks(checks: list[Check], recipient: str) -> str:
    """The checks as text for people, in the words `thankyou-bot draft` uses."""
    if not checks:
        return f"Note to {recipient}\nChecks: none. This note is ready to send.\n"
    lines = [f"Note to {recipient}", "Checks:"]
    lines += [f"  {_LEVEL_MARK[c.level]}  {c.code}: {c.message}" for c in checks]
    return "\n".join(lines) + "\n"


def run(answers_path: str, note_path: str, to: int, output_format: str) -> int:
    """Exit 0 with the checks on stdout, or 2 with one line per problem on stderr."""
    if output_format not in ("text", "json"):
        sys.stderr.write(f"format: must be text or json, not {output_format!r}\n")
        return EXIT_USAGE
    try:
        if answers_path == "-" and note_path == "-":
            raise _BadInput(["answers and note cannot both come from stdin; give one of them as a file"])
        answers = parse_answers(_decode(_read(answers_path)))
        position = _position(answers, to)
        text = _note(note_path)
    except (_BadInput, AnswersInvalid) as error:
        sys.stderr.write("".join(f"{problem}\n" for problem in error.problems))
        return EXIT_USAGE
    found = check_edited(answers, position, text)
    if output_format == "json":
        document = {"checks": [check.model_dump(mode="json") for check in found]}
        sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(format_checks(found, answers.interviewers[position].name))
    sys.stdout.flush()
    return EXIT_OK
