"""`thankyou-bot console`: the guided conversation in a terminal, on the same core and database as the bots."""

from __future__ import annotations

import asyncio
import getpass
import sys
import uuid
from collections.abc import Sequence

from adapters.console.render import as_text, json_line
from bot import messages
from bot.actions import Action, End, Say
from bot.events import Address, Start, TextAnswer
from bot.runtime import Core

_EOF_NOTE = messages.text("console_eof")
_REMINDER_HINT = messages.text("console_reminder_hint")


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


async def converse(core: Core, *, user: str, jsonl: bool) -> int:
    """Hold the conversation on stdin/stdout until it ends or input runs out (it stays saved)."""
    timezone = core.settings.default_timezone
    address = Address(platform="console", workspace="local", channel="terminal", user=user)
    sender = ConsoleSender(jsonl=jsonl, timezone=timezone)
    if await core.deliver_due(address, sender):  # the console has no background scheduler
        await sender.send(address, [Say(_REMINDER_HINT)])
    await core.handle(Start(address, _event_id(), timezone), sender)
    while not sender.ended:
        if not jsonl:
            print("> ", end="", flush=True)
        line = await asyncio.to_thread(sys.stdin.readline)
        if not line:
            if not jsonl:
                print("\n" + _EOF_NOTE, flush=True)
            break
        await core.handle(TextAnswer(address, _event_id(), line.rstrip("\r\n")), sender)
    return 0


def _event_id() -> str:
    return f"console-{uuid.uuid4()}"


def run(core: Core, *, user: str | None, jsonl: bool) -> int:
    """Entry point for the CLI; returns the process exit code."""

    async def session() -> int:
        try:
            return await converse(core, user=user or _login_name(), jsonl=jsonl)
        finally:
            await core.close()

    try:
        return asyncio.run(session())
    except KeyboardInterrupt:
        if not jsonl:
            print("\n" + _EOF_NOTE)
        return 0


def _login_name() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "me"
