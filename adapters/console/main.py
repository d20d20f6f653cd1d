"""`thankyou-bot console`: the guided conversation in a terminal, on the same engine and database as the bots."""

from __future__ import annotations

import asyncio
import getpass
import sys
import uuid
from collections.abc import Sequence
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from adapters.console.render import as_text, json_line
from bot.actions import Action, End, Say
from bot.compose import compose
from bot.config import load_settings
from bot.conversation.engine import Engine
from bot.conversation.flow import default_flow
from bot.conversation.service import ConversationService
from bot.errors import ConfigError
from bot.events import Address, Start, TextAnswer
from bot.reminders.handler import ReminderHandler
from bot.reminders.scheduler import deliver_due
from bot.storage.db import make_engine, session_factory, upgrade_engine

_EOF_NOTE = "Saved. Run the same command again to pick up where you left off."
_REMINDER_HINT = "To answer a reminder, type e.g. reminders sent 12, reminders snooze 12 tomorrow or reminders help."


class ConsoleSender:
    """Prints actions to stdout and remembers whether the conversation ended."""

    def __init__(self, *, jsonl: bool, timezone: str) -> None:
        self.jsonl = jsonl
        self.timezone = timezone
        self.ended = False

    async def send(self, address: Address, actions: Sequence[Action]) -> list[str]:
        for action in actions:
            text = json_line(action) if self.jsonl else as_text(action, self.timezone)
            if text:
                print(text, flush=True)
            self.ended = self.ended or isinstance(action, End)
        return []


def _check_zone(name: str) -> str:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError(f"unknown time zone {name!r}; use an IANA name like America/New_York") from None
    return name


async def _converse(*, url: str, user: str, timezone: str, jsonl: bool) -> int:
    database = make_engine(url)
    try:
        await upgrade_engine(database)
        sessions = session_factory(database)
        service = ConversationService(
            sessions=sessions, engine=Engine(default_flow(), compose), default_timezone=timezone,
            handlers=[ReminderHandler(default_timezone=timezone)],
        )  # fmt: skip
        address = Address(platform="console", workspace="local", channel="terminal", user=user)
        sender = ConsoleSender(jsonl=jsonl, timezone=timezone)
        if await deliver_due(sessions, address, sender, default_timezone=timezone):  # the console has no background
            await sender.send(address, [Say(_REMINDER_HINT)])
        await service.handle(Start(address, _event_id(), timezone), sender)
        while not sender.ended:
            if not jsonl:
                print("> ", end="", flush=True)
            line = await asyncio.to_thread(sys.stdin.readline)
            if not line:
                if not jsonl:
                    print("\n" + _EOF_NOTE, flush=True)
                break
            await service.handle(TextAnswer(address, _event_id(), line.rstrip("\r\n")), sender)
    finally:
        await database.dispose()
    return 0


def _event_id() -> str:
    return f"console-{uuid.uuid4()}"


def run(*, db: str | None, user: str | None, tz: str | None, jsonl: bool) -> int:
    """Entry point for the CLI; returns the process exit code."""
    settings = load_settings()
    timezone = _check_zone(tz or settings.default_timezone)
    who = user or _login_name()
    try:
        return asyncio.run(_converse(url=db or settings.database_url, user=who, timezone=timezone, jsonl=jsonl))
    except KeyboardInterrupt:
        if not jsonl:
            print("\n" + _EOF_NOTE)
        return 0


def _login_name() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "me"
