"""LOG_FORMAT=json: one JSON object per line, the turn's ids bound, never an answer, a name or a token."""

from __future__ import annotations

import io
import json
import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.observability import logs
from bot.runtime import Core
from tests.observability.debrief import MARKERS, address, finish_debrief

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def json_lines() -> Iterator[io.StringIO]:
    """What the bot's loggers write at INFO, through the JSON formatter, as the CLI configures it."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logs.formatter("json"))
    logger = logging.getLogger("bot")
    level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    yield stream
    logger.removeHandler(handler)
    logger.setLevel(level)


def parsed(stream: io.StringIO) -> list[dict[str, object]]:
    return [json.loads(line) for line in stream.getvalue().splitlines()]


async def test_each_turn_logs_json_with_platform_event_and_conversation_ids(
    core: Core, json_lines: io.StringIO
) -> None:
    await finish_debrief(core, address("discord"))
    lines = parsed(json_lines)
    handled = [line for line in lines if line["message"] == "event handled"]
    assert handled, "the service logs each handled event"
    for line in handled:
        assert {"time", "level", "logger", "message"} <= line.keys()
        assert line["platform"] == "discord" and str(line["event_id"]).startswith("Ev")
        assert isinstance(line["conversation_id"], int)
    assert len({line["event_id"] for line in handled}) == len(handled), "each turn binds its own event id"
    text = json_lines.getvalue().casefold()
    assert not [m for m in MARKERS if m.casefold() in text], "answers, names and user ids stay out of the logs"


def test_bound_ids_nest_and_end_with_their_context(json_lines: io.StringIO) -> None:
    log = logging.getLogger("bot.test")
    with logs.bound(platform="slack", event_id="Ev1"):
        log.info("outer")
        with logs.bound(event_id="Ev2"):
            log.info("inner", extra={"conversation": 7, "answer": "sam quillbright"})
            log.info("later in the same turn")
        log.info("back out")
    log.info("no turn")
    outer, inner, later, back, none = parsed(json_lines)
    assert (outer["platform"], outer["event_id"]) == ("slack", "Ev1")
    assert (inner["event_id"], inner["conversation_id"]) == ("Ev2", 7)
    assert "answer" not in inner, "only whitelisted extras are written"
    assert later["conversation_id"] == 7, "a conversation named once stays bound for the rest of the turn"
    assert back["event_id"] == "Ev1" and "conversation_id" not in back
    assert "platform" not in none and "event_id" not in none


def test_an_exception_is_logged_as_its_type_and_stack_without_its_message(json_lines: io.StringIO) -> None:
    typed = "priya " + "vanta" + "black"  # as a person typed it (the stack shows code lines, not values)
    try:
        raise ValueError(f"could not parse {typed!r}")
    except ValueError:
        logging.getLogger("bot.test").exception("parse failed")
    (line,) = parsed(json_lines)
    assert line["exc_type"] == "ValueError" and "test_logs.py" in str(line["stack"])
    assert "vantablack" not in json_lines.getvalue()


def test_the_cli_writes_one_json_object_per_line_with_log_format_json(tmp_path: Path) -> None:
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path}/bot.db", "LOG_FORMAT": "json", "LOG_LEVEL": "INFO"}
    done = subprocess.run(
        [sys.executable, "-m", "bot.cli", "db", "upgrade"], cwd=tmp_path, env={**env, "PYTHONPATH": str(ROOT)},
        capture_output=True, text=True, timeout=120, check=True,
    )  # fmt: skip
    lines = [json.loads(line) for line in done.stderr.splitlines()]
    assert lines and all({"time", "level", "logger", "message"} <= line.keys() for line in lines)
    assert any(line["logger"].startswith("alembic") for line in lines)


def test_text_is_the_default_format() -> None:
    record = logging.LogRecord("bot.x", logging.INFO, __file__, 1, "hello", None, None)
    assert logs.formatter("text").format(record).endswith("INFO bot.x: hello")
