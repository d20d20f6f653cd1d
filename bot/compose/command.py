"""`thankyou-bot draft --answers FILE|- [--format text|json]`: compose notes from an answers document.

Bad input is the user's to fix, so it exits 2 with one line per problem on stderr and prints nothing else.
Only what this command needs is imported (no database, no chat SDKs), to keep the cold start short; the
composer itself only once the input is read, so `thankyou-bot check`, which shares the reading, never
loads it.
"""

from __future__ import annotations

import json
import os
import re
import sys
from datetime import UTC, datetime, tzinfo

from bot import messages
from bot.answers import Answers, parse_answers
from bot.errors import AnswersInvalid

EXIT_OK, EXIT_USAGE = 0, 2
#: An answers document is a few kilobytes; anything far larger is not one.
MAX_INPUT_BYTES = 1_000_000
#: An answers document nests three levels (document, interviewers list, interviewer); far deeper is hostile.
MAX_DEPTH = 32
#: strings (skipped whole, escapes included) or a bracket: what `nesting` scans
_STRUCTURE = re.compile(r'"(?:[^"\\]|\\.)*"?|[\[\]{}]')


class _BadInput(Exception):
    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


def _read(path: str) -> bytes:
    if path == "-":
        return sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)
    try:
        with open(path, "rb") as handle:
            return handle.read(MAX_INPUT_BYTES + 1)
    except OSError as error:
        raise _BadInput([f"answers: cannot read {path} ({error.strerror or error})"]) from None


def nesting(text: str) -> int:
    """How deeply arrays and objects nest in a JSON text, strings skipped; counted without recursion, so a
    hostile `[[[[…` is measured before the parser could overflow the stack on it."""
    depth = deepest = 0
    for token in _STRUCTURE.findall(text):
        if token in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif token in "]}":
            depth -= 1
    return deepest


def _decode(raw: bytes) -> object:
    if len(raw) > MAX_INPUT_BYTES:
        raise _BadInput([f"answers: larger than {MAX_INPUT_BYTES:,} bytes; an answers document is a few kilobytes"])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _BadInput(["answers: not UTF-8 text"]) from None
    if nesting(text) > MAX_DEPTH:
        raise _BadInput([messages.text("answers_too_deep", limit=MAX_DEPTH)])
    try:
        return json.loads(text)
    except RecursionError:  # belt and braces: the scan above should make this impossible
        raise _BadInput([messages.text("answers_too_deep", limit=MAX_DEPTH)]) from None
    except json.JSONDecodeError as error:
        where = f"line {error.lineno}, column {error.colno}"
        raise _BadInput([f"answers: not valid JSON ({error.msg} at {where})"]) from None


def user_zone(answers: Answers) -> tzinfo:
    """DEFAULT_TIMEZONE when set, else the offset the interview time was given with, else UTC."""
    name = os.environ.get("DEFAULT_TIMEZONE", "").strip()
    if name:
        from bot.time import zones

        if not zones.is_known(name):
            raise _BadInput([f"DEFAULT_TIMEZONE: unknown time zone {name!r}; use an IANA name like Europe/Berlin"])
        return zones.zone(name)
    if answers.interview_at is not None and answers.interview_at.tzinfo is not None:
        return answers.interview_at.tzinfo
    return UTC


def _output(answers: Answers, tz: tzinfo, output_format: str) -> str:
    from bot.compose.composer import compose
    from bot.compose.text_format import format_drafts

    document = compose(answers, tz=tz, now=datetime.now(UTC))
    if output_format == "json":
        return json.dumps(document.to_json_dict(), ensure_ascii=False, indent=2) + "\n"
    return format_drafts(document)


def run(answers_path: str, output_format: str) -> int:
    """Exit 0 with the drafts on stdout, or 2 with one line per problem on stderr."""
    if output_format not in ("text", "json"):
        sys.stderr.write(f"format: must be text or json, not {output_format!r}\n")
        return EXIT_USAGE
    try:
        answers = parse_answers(_decode(_read(answers_path)))
        tz = user_zone(answers)
    except (_BadInput, AnswersInvalid) as error:
        sys.stderr.write("".join(f"{problem}\n" for problem in error.problems))
        return EXIT_USAGE
    sys.stdout.write(_output(answers, tz, output_format))
    sys.stdout.flush()
    return EXIT_OK
