"""Input hygiene at every edge: bad input gets a clear message where it enters and changes nothing.

Console: strict UTF-8 and bounded line reads (a 200 MB line is refused as it streams, never held). `draft`:
undecodable or absurdly nested JSON exits 2 with one line. `--user`: over 64 characters exits 2 on every
database. Text everywhere: the whole Unicode "format" category (Cf) is refused, U+061C and tag characters
included, while emoji joiner sequences still pass. Each edge is fuzzed with hypothesis.
"""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import threading
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from adapters.console.main import MAX_LINE_BYTES, Refused, StreamLines
from adapters.discord.translate import dm_text
from adapters.slack.decode import plain_text
from bot import messages
from bot.answers import parse_answers
from bot.compose.command import MAX_DEPTH, _BadInput, _decode, nesting
from bot.errors import AnswersInvalid
from bot.storage.db import make_engine
from bot.text import TextProblem, clean_text, valid_identifier
from tests.adapters.slack.conftest import any_rig, slack_api  # noqa: F401
from tests.conftest import PG_ENV
from tests.fakes.slack_rig import SlackRig
from tests.storage.console_process import ROOT, WAIT, ConsoleProcess

NOT_UTF8 = messages.text("console_line_not_utf8")
FORMAT_CHARS = [chr(c) for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c)) == "Cf"]
DROPPED = set("\u200b\u2060\ufeff\u00ad")  # harmless web-paste invisibles: removed, not refused
JOINERS = set("\u200c\u200d")


def _safe(cleaned: str) -> bool:
    """No control, surrogate or format character left, except a joiner between two visible characters."""
    for i, ch in enumerate(cleaned):
        category = unicodedata.category(ch)
        if category in ("Cc", "Cs") and ch != "\t":
            return False
        if category == "Cf" and not (ch in JOINERS and 0 < i < len(cleaned) - 1):
            return False
    return True


# --- the text rules (every adapter's text reaches the core through them) ---------------------------------


@pytest.mark.parametrize("hidden", ["\u061c", "\U000e0001", "\U000e0041", "\U000e007f", "\u2064", "\u206a"])
def test_arabic_letter_mark_tag_and_other_format_characters_are_refused(hidden: str) -> None:
    with pytest.raises(TextProblem):
        clean_text(f"zentropa{hidden} widgets")


def test_every_format_character_is_refused_or_dropped_but_never_stored() -> None:
    for ch in FORMAT_CHARS:
        try:
            cleaned = clean_text(f"acme {ch}robotics")
        except TextProblem:
            continue
        assert ch in DROPPED | JOINERS and _safe(cleaned), f"U+{ord(ch):04X} was kept"


@pytest.mark.parametrize("written", ["👩‍💻 dev rel", "❤️‍🔥 loved it", "می‌خواهم", "thanks 🙏🏽"])
def test_emoji_sequences_and_joined_scripts_still_pass(written: str) -> None:
    assert clean_text(written) == unicodedata.normalize("NFC", written)


@given(st.text(max_size=300))
def test_any_text_is_either_refused_or_cleaned_to_safe_text(raw: str) -> None:
    try:
        cleaned = clean_text(raw)
    except TextProblem:
        return
    assert _safe(cleaned) and len(cleaned) <= 1000


@given(st.text(max_size=300))
def test_slack_text_after_decoding_is_refused_or_safe(raw: str) -> None:
    try:
        cleaned = clean_text(plain_text(raw))
    except TextProblem:
        return
    assert _safe(cleaned)


@given(st.text(max_size=300), st.integers(min_value=1, max_value=2**63 - 1))
def test_discord_text_after_translation_is_refused_or_safe(raw: str, user: int) -> None:
    event = dm_text(message_id=1, user_id=user, channel_id=2, text=raw)
    try:
        cleaned = clean_text(event.text)
    except TextProblem:
        return
    assert _safe(cleaned) and len(event.address.user) <= 64


# --- console: strict UTF-8, bounded lines --------------------------------------------------------------------


def _read_all(data: bytes, *, max_bytes: int = MAX_LINE_BYTES) -> list[str | Refused]:
    """Feed `data` through a pipe to StreamLines and collect every line until the end."""
    reading, writing = os.pipe()

    def write() -> None:
        with os.fdopen(writing, "wb") as out:
            out.write(data)

    threading.Thread(target=write, daemon=True).start()

    async def collect() -> list[str | Refused]:
        lines = StreamLines(reading, encoding="utf-8", max_bytes=max_bytes)
        got: list[str | Refused] = []
        for _ in range(len(data) + 2):
            line = await asyncio.wait_for(lines.read(), WAIT)
            if line is None:
                return got
            got.append(line)
        raise AssertionError("more lines than bytes")

    try:
        return asyncio.run(collect())
    finally:
        os.close(reading)


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.lists(st.binary(max_size=80), max_size=6))
def test_console_lines_are_strict_utf8_or_refused_one_for_one(chunks: list[bytes]) -> None:
    data = b"\n".join(chunks) + b"\n"
    got = _read_all(data, max_bytes=64)
    expected = data.split(b"\n")[:-1]
    assert len(got) == len(expected)
    for raw, line in zip(expected, got, strict=True):
        try:
            decoded = raw.decode("utf-8").rstrip("\r")
        except UnicodeDecodeError:
            assert isinstance(line, Refused) and line.text == NOT_UTF8
            continue
        assert line == decoded if len(raw) <= 64 else isinstance(line, Refused)


def test_a_line_over_the_limit_is_refused_and_the_next_line_is_read_normally() -> None:
    got = _read_all(b"x" * (MAX_LINE_BYTES * 5) + b"\nzentropa widgets\n")
    assert isinstance(got[0], Refused) and "too long" in got[0].text
    assert got[1:] == ["zentropa widgets"]


@pytest.fixture
def console(tmp_path: Path) -> ConsoleProcess:
    return ConsoleProcess("--db", f"sqlite:///{tmp_path}/hygiene.db", "--user", "sam")


def _stored(tmp_path: Path) -> str:
    async def read() -> str:
        engine = make_engine(f"sqlite:///{tmp_path}/hygiene.db")
        try:
            async with engine.connect() as connection:
                rows = (await connection.execute(text("SELECT answers FROM conversations"))).scalars().all()
        finally:
            await engine.dispose()
        return json.dumps(rows, ensure_ascii=False)

    return asyncio.run(read())


def test_invalid_utf8_on_the_console_is_refused_where_it_enters_and_nothing_is_stored(
    console: ConsoleProcess, tmp_path: Path
) -> None:
    try:
        ask = console.until("ask")
        console.send(b"sam quill\xff\xfebright\n")
        said = console.until("say")
        assert said["text"] == NOT_UTF8
        console.say("sam quillbright")
        following = console.until("ask")
        assert following["field"] != ask["field"]
        assert console.finish() == 0
    finally:
        console.kill()
    stored = _stored(tmp_path)
    assert "quillbright" in stored.lower() and "\\udc" not in stored and "\ufffd" not in stored


def test_a_200_mb_line_is_refused_without_holding_it_in_memory(console: ConsoleProcess, tmp_path: Path) -> None:
    block = b"a" * (1 << 20)
    try:
        console.until("ask")
        for _ in range(200):
            console.send(block)
        console.send(b"\n")
        said = console.until("say")
        assert "too long" in said["text"]
        peak_kb = int(next(line.split()[1] for line in Path(f"/proc/{console.process.pid}/status").read_text()
                           .splitlines() if line.startswith("VmHWM:")))  # fmt: skip
        console.say("sam quillbright")
        console.until("ask")
        assert console.finish() == 0
    finally:
        console.kill()
    assert peak_kb < 200 * 1024, f"the console peaked at {peak_kb // 1024} MB reading a 200 MB line"
    assert "aaaa" not in _stored(tmp_path)


# --- draft: undecodable or too-deep JSON ---------------------------------------------------------------------


def _draft(stdin: bytes) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", "draft", "--answers", "-"], input=stdin, capture_output=True,
        cwd=ROOT, timeout=WAIT,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("stdin", "says"),
    [(b"[" * 100_000, b"nested more than"), (b'{"candidate": "sam \xff"}', b"not UTF-8"),
     (b'{"a": ' * 50_000, b"nested more than")],
)  # fmt: skip
def test_draft_refuses_undecodable_or_absurdly_nested_json_in_one_line_with_exit_2(stdin: bytes, says: bytes) -> None:
    result = _draft(stdin)
    assert result.returncode == 2
    assert result.stderr.count(b"\n") == 1 and says in result.stderr and b"Traceback" not in result.stderr
    assert result.stdout == b""


@settings(max_examples=80, deadline=None)
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=20),
        lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
        max_leaves=40,
    )
)
def test_draft_input_of_any_shape_is_parsed_or_refused_with_problems(document: object) -> None:
    raw = json.dumps(document).encode()
    assert nesting(raw.decode()) <= MAX_DEPTH + 1
    try:
        parse_answers(_decode(raw))
    except (_BadInput, AnswersInvalid) as error:
        assert error.problems and all(isinstance(p, str) and p for p in error.problems)


@given(st.binary(max_size=200))
def test_draft_bytes_of_any_kind_never_crash_the_reader(raw: bytes) -> None:
    try:
        _decode(raw)
    except _BadInput as error:
        assert error.problems


# --- --user ----------------------------------------------------------------------------------------------------


def _console_as(user: str, url: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", "console", "--db", url, "--user", user], input="", text=True,
        capture_output=True, cwd=ROOT, timeout=WAIT,
    )  # fmt: skip


@pytest.mark.parametrize("user", ["s" * 65, "sam\u061c", "sam\x1b[31m", "", " sam"])
def test_a_bad_user_name_is_refused_with_exit_2_before_sqlite_is_touched(user: str, tmp_path: Path) -> None:
    result = _console_as(user, f"sqlite:///{tmp_path}/users.db")
    assert result.returncode == 2 and "--user" in result.stderr and len(result.stderr.splitlines()) == 1
    assert not (tmp_path / "users.db").exists()


def test_a_user_name_over_64_characters_is_refused_with_exit_2_on_postgresql_too(pg_url: str) -> None:
    assert os.environ.get(PG_ENV)
    result = _console_as("priya-" + "n" * 60, pg_url)
    assert result.returncode == 2 and "--user" in result.stderr and "Traceback" not in result.stderr
    assert _console_as("s" * 64, pg_url).returncode == 0  # exactly 64 fits


# --- platform identifiers ----------------------------------------------------------------------------------------


async def test_a_slack_event_with_an_overlong_user_id_changes_nothing_on_either_database(
    any_rig: SlackRig,  # noqa: F811
) -> None:
    odd = "U" + "0" * 80
    reply = await any_rig.dm(odd, "hi, zentropa widgets")
    assert reply.status == 200
    assert any_rig.posts(odd) == [] and await any_rig.conversations(odd) == []
    reply = await any_rig.dm("U0SAM", "hi")  # the next person is served as usual
    assert reply.status == 200 and any_rig.posts("U0SAM")


@given(st.text(max_size=90))
def test_identifiers_are_accepted_only_when_they_fit_a_column_and_show_as_stored(value: str) -> None:
    if valid_identifier(value):
        assert 0 < len(value) <= 64 and value == value.strip()
        assert not any(unicodedata.category(ch) in ("Cc", "Cf", "Cs") for ch in value)
