"""Answers never reach logs, at any level: a whole debrief with marker strings in every answer, at DEBUG,
through the console (a subprocess), Slack (the app against the fake Web API), Discord (the client against
the fake REST API) and the reminder worker. Every log record and everything written to stdout/stderr is
scanned; the console's stdout is the conversation itself (the notes quote the answers), so there only its
stderr is scanned.

Logging is set up as `thankyou-bot` sets it (`bot.cli`), with LOG_LEVEL=DEBUG: the payload-logging
libraries (aiosqlite's SQL parameters, discord.http's bodies, slack_sdk's requests) stay at INFO.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Iterator

import pytest

from adapters.discord import ThankYouClient
from adapters.slack import sender as slack_sender
from bot.cli import PAYLOAD_LOGGERS, cap_library_loggers
from tests.adapters.discord.conftest import ClientFactory, api, bot_db, discord_fake, make_client, schemas  # noqa: F401
from tests.adapters.discord.helpers import active, click, custom_ids, say
from tests.adapters.slack.conftest import rig, slack_api  # noqa: F401
from tests.adapters.slack.helpers import asked_field
from tests.fakes.answering import PANEL, answer_for
from tests.fakes.clock import FakeClock
from tests.fakes.discord_gateway import DiscordFake
from tests.fakes.slack_rig import SlackRig
from tests.storage.console_process import ConsoleProcess

#: distinctive words typed into every free-text answer; none may appear in any log line
MARKERS = ("quillmk", "zentropamk", "plumbermk", "vantamk", "glimmermk", "pickleworthmk", "kafkamk", "zanzimk")
MARKED = {
    **PANEL,
    "candidate": "sam quillmk",
    "company": "zentropamk widgets",
    "role": "data plumbermk i think",
    "interview_at": "yesterday 3pm",  # the console runs on the real clock: "today 10am" is ahead before 10:00
    "interviewers": "priya vantamk and omar glimmermk",
    "interviewers.0.title": "eng manager, priya@zentropamk.example",
    "interviewers.0.discussed": "the pickleworthmk migration lol 🙃",
    "interviewers.1.title": "staff eng",
    "interviewers.1.discussed": "how they test kafkamk schema changes",
    "strengths": "i ran kafkamk pipelines for 5 yrs tbh",
    "next_steps": "they said zanzimk by friday maybe",
    "add": "sorry long day, i also love zanzimk",
}


class _Everything(logging.Handler):
    """Keeps each record fully rendered: message, arguments and any traceback."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        rendered = [record.name, record.getMessage(), repr(record.args), repr(record.__dict__.get("extra"))]
        rendered += [f"{k}={v!r}" for k, v in record.__dict__.items() if k not in logging.LogRecord.__dict__]
        if record.exc_info:
            rendered += traceback.format_exception(*record.exc_info)
        self.lines.append(" ".join(rendered))


@pytest.fixture
def debug_logs() -> Iterator[_Everything]:
    """LOG_LEVEL=DEBUG as `bot.cli` configures it (libraries capped); levels restored afterwards."""
    root = logging.getLogger()
    saved = {name: logging.getLogger(name).level for name in ("", *PAYLOAD_LOGGERS)}
    handler = _Everything()
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    cap_library_loggers(None)
    yield handler
    root.removeHandler(handler)
    for name, level in saved.items():
        logging.getLogger(name).setLevel(level)


def _leaks(*texts: str) -> list[str]:
    found = []
    for text in texts:
        lowered = text.lower()
        found += [marker for marker in MARKERS if marker in lowered]
    return sorted(set(found))


def test_the_console_at_debug_logs_no_answer(tmp_path: object) -> None:
    console = ConsoleProcess("--db", f"sqlite:///{tmp_path}/c.db", "--user", "sam", env={"LOG_LEVEL": "DEBUG"})
    try:
        for _ in range(60):
            line = console.next()
            if line["type"] == "drafts":
                break
            if line["type"] == "ask":
                console.say(answer_for(str(line["field"]), MARKED))
        else:
            raise AssertionError("the debrief did not finish")
        assert console.finish() == 0
    finally:
        console.kill()
    stderr = b"".join(console.stderr).decode()
    assert "DEBUG" in stderr, "the console did log at DEBUG (so the scan means something)"
    assert _leaks(stderr) == []
    assert _leaks(b"".join(console.stdout).decode()) != [], "the notes on stdout do quote the answers"


async def test_slack_and_the_worker_at_debug_log_no_answer(
    rig: SlackRig,  # noqa: F811
    clock: FakeClock,
    debug_logs: _Everything,
    capfd: pytest.CaptureFixture[str],
) -> None:
    user = "U0MARKER42"
    await rig.dm(user, "hi")
    for _ in range(60):
        field = asked_field(rig.last(user))
        if field is None:
            break
        await rig.dm(user, answer_for(field, MARKED))
    else:
        raise AssertionError("the debrief did not finish")
    assert len(await rig.notes(user)) == 2
    assert _leaks(*(p.text for p in rig.posts(user))) != [], "the notes in the DM do quote the answers"

    assert rig.bot is not None
    clock.advance(days=1)  # the "send your notes" reminder is due: the worker delivers it
    client = slack_sender.make_client("xoxb-test-token", rig.api.base_url)
    result = await rig.bot.core.scheduler({"slack": slack_sender.SlackSender(client)}).tick()
    assert result.delivered >= 1

    written = capfd.readouterr()
    assert debug_logs.lines, "something was logged (so the scan means something)"
    assert _leaks(*debug_logs.lines, written.out, written.err) == []


async def test_discord_at_debug_logs_no_answer(
    make_client: ClientFactory,  # noqa: F811
    discord_fake: DiscordFake,  # noqa: F811
    debug_logs: _Everything,
    capfd: pytest.CaptureFixture[str],
) -> None:
    client: ThankYouClient = await make_client()
    user = discord_fake.user("zentropamk fan")
    await say(discord_fake, client, user, "hi")
    for _ in range(60):
        row = await active(client, user)
        if row is None:
            break
        wanted = answer_for(row.step, MARKED)
        last = discord_fake.messages_to(user)[-1]
        button = f"ty:c:{row.step}:{wanted}"
        if button in custom_ids(last):
            await click(discord_fake, client, user, last, button)
        else:
            await say(discord_fake, client, user, wanted)
    else:
        raise AssertionError("the debrief did not finish")
    written = capfd.readouterr()
    assert debug_logs.lines, "something was logged (so the scan means something)"
    assert _leaks(*debug_logs.lines, written.out, written.err) == []
