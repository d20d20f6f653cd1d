"""`thankyou-bot console`: the guided conversation in a terminal, on the same core and database as the bots."""

from __future__ import annotations

import asyncio
import getpass
import logging
import os
import sys
import threading
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from adapters.console.files import save_notes
from adapters.console.render import as_text, json_line, sample_text
from bot import messages
from bot.actions import Action, DraftsReady, End, Say
from bot.events import Address, Start, TextAnswer
from bot.runtime import Core

if TYPE_CHECKING:
    from prompt_toolkit import PromptSession

_EOF_NOTE = messages.text("console_eof")
_REMINDER_HINT = messages.text("console_reminder_hint")
_PROMPT = "> "


class ConsoleSender:
    """Prints actions to stdout and remembers whether the conversation ended; with `save`, writes drafts there."""

    def __init__(self, *, jsonl: bool, timezone: str, save: Path | None = None) -> None:
        self.jsonl = jsonl
        self.timezone = timezone
        self.save = save
        self.ended = False

    async def send(self, address: Address, actions: Sequence[Action]) -> list[str]:
        for action in actions:
            text = json_line(action) if self.jsonl else as_text(action, self.timezone)
            if text:
                print(text, flush=True)
            if isinstance(action, DraftsReady) and self.save is not None:
                self._save(action)
            self.ended = self.ended or isinstance(action, End)
        return []

    def _save(self, action: DraftsReady) -> None:
        """Write the notes; where they went is told to a person (stdout) but never put into `--jsonl` output."""
        assert self.save is not None
        out = sys.stderr if self.jsonl else sys.stdout
        try:
            written = save_notes(action.drafts, self.save)
        except OSError as error:
            reason = error.strerror or type(error).__name__
            print(messages.text("console_notes_not_saved", folder=str(self.save), reason=reason), file=out, flush=True)
            return
        if not self.jsonl:
            lines = [messages.text("console_notes_saved", folder=str(self.save))]
            lines += [f"  {path.name}" for path in written]
            print("\n".join(["", *lines]), flush=True)


#: A console line is one answer; anything longer than this is refused as it streams in, never held whole.
MAX_LINE_BYTES = 16 * 1024


@dataclass(frozen=True)
class Refused:
    """A line that was not accepted at the edge (undecodable, too long): `text` tells the person why."""

    text: str


class LineReader(Protocol):
    """Where the person's lines come from: `read()` returns one line without its newline, a `Refused` line, or
    None at the end."""

    async def read(self) -> str | Refused | None: ...


class StreamLines:
    """Plain lines from a file descriptor (pipes, files, `--jsonl`), read by a daemon thread.

    The thread is our own, not the event loop's executor, so Ctrl-C never waits for a read that is blocked.
    Lines are decoded strictly (invalid UTF-8 is refused, never stored as replacement characters) and memory
    stays bounded: a line over `max_bytes` is skipped to its newline as it arrives and refused.
    """

    def __init__(self, fd: int, *, prompt: str = "", encoding: str | None = None, max_bytes: int = MAX_LINE_BYTES):
        self.fd = fd
        self.prompt = prompt
        self.encoding = encoding or getattr(sys.stdin, "encoding", None) or "utf-8"
        self.max_bytes = max_bytes
        self._queue: asyncio.Queue[str | Refused | None] | None = None

    async def read(self) -> str | Refused | None:
        if self._queue is None:
            self._queue = asyncio.Queue()
            loop = asyncio.get_running_loop()
            threading.Thread(target=self._pump, args=(loop, self._queue), daemon=True).start()
        if self.prompt:
            print(self.prompt, end="", flush=True)
        return await self._queue.get()

    def _decode(self, raw: bytes) -> str | Refused:
        try:
            return raw.decode(self.encoding, "strict").rstrip("\r")
        except UnicodeDecodeError:
            return Refused(messages.text("console_line_not_utf8"))

    def _pump(self, loop: asyncio.AbstractEventLoop, lines: asyncio.Queue[str | Refused | None]) -> None:
        def put(line: str | Refused | None) -> bool:
            try:
                loop.call_soon_threadsafe(lines.put_nowait, line)
            except RuntimeError:  # the loop is closed: the session is over
                return False
            return True

        too_long = Refused(messages.text("console_line_too_long", limit=f"{self.max_bytes:,}"))
        pending, skipping = b"", False
        while True:
            try:
                chunk = os.read(self.fd, 65536)
            except OSError:
                chunk = b""
            if not chunk:
                break
            *complete, rest = chunk.split(b"\n")
            for raw in complete:
                oversized = skipping or len(pending) + len(raw) > self.max_bytes
                line = too_long if oversized else self._decode(pending + raw)
                pending, skipping = b"", False
                if not put(line):
                    return
            if skipping or len(pending) + len(rest) > self.max_bytes:
                pending, skipping = b"", True  # drop the rest of this line as it arrives
            else:
                pending += rest
        if skipping:
            put(too_long)
        elif pending:
            put(self._decode(pending))
        put(None)


class PromptLines:
    """Lines typed at a terminal through prompt_toolkit: arrow keys edit the line, up and down recall earlier
    answers (kept in memory only, never written to disk). Ctrl-D ends input; Ctrl-C raises KeyboardInterrupt."""

    def __init__(self, session: PromptSession[str], *, prompt: str = _PROMPT) -> None:
        self.session = session
        self.prompt = prompt

    async def read(self) -> str | None:
        try:
            return await self.session.prompt_async(self.prompt)
        except EOFError:
            return None


def stdin_reader(*, jsonl: bool) -> LineReader:
    """Line editing for a person at a terminal; plain lines for pipes, files and always for `--jsonl`."""
    if not jsonl and sys.stdin.isatty() and sys.stdout.isatty():
        from prompt_toolkit import PromptSession

        return PromptLines(PromptSession())
    return StreamLines(sys.stdin.fileno(), prompt="" if jsonl else _PROMPT)


async def converse(
    core: Core, *, user: str, jsonl: bool, reader: LineReader | None = None, save: Path | None = None
) -> int:
    """Hold the conversation until it ends or input runs out (it stays saved)."""
    timezone = core.settings.default_timezone
    address = Address(platform="console", workspace="local", channel="terminal", user=user)
    sender = ConsoleSender(jsonl=jsonl, timezone=timezone, save=save)
    lines = reader if reader is not None else stdin_reader(jsonl=jsonl)
    await core.tidy()  # retention for console-only installs (once a day; no scheduler runs here)
    if await core.deliver_due(address, sender):  # the console has no background scheduler
        await sender.send(address, [Say(_REMINDER_HINT)])
    if not jsonl and await core.desk.welcome_once(address):  # quick start: what the notes will look like
        print(sample_text(core.desk.sample_note()), flush=True)
    await core.handle(Start(address, _event_id(), timezone), sender)
    while not sender.ended:
        line = await lines.read()
        if line is None:
            if not jsonl:
                print("\n" + _EOF_NOTE, flush=True)
            break
        if isinstance(line, Refused):  # refused at the edge: said, and nothing reaches the core
            await sender.send(address, [Say(line.text)])
            continue
        await core.handle(TextAnswer(address, _event_id(), line), sender)
    return 0


def _event_id() -> str:
    return f"console-{uuid.uuid4()}"


def run(core: Core, *, user: str | None, jsonl: bool, save: Path | None = None) -> int:
    """Entry point for the CLI; returns the process exit code. Ctrl-C saves and exits at once, with code 0."""

    async def session() -> int:
        try:
            return await converse(core, user=user or _login_name(), jsonl=jsonl, save=save)
        finally:
            await core.close()

    _quiet_pool()
    try:
        return asyncio.run(session())
    except KeyboardInterrupt:
        if not jsonl:
            print("\n" + _EOF_NOTE, flush=True)
        return 0


def _quiet_pool() -> None:
    """Ctrl-C can cut a connection off mid-use, and the pool then logs a traceback as it gives the connection
    back (at any point of the interrupted turn). Every answer was already committed, and any real database
    fault reaches the member as a short message from the core, so the pool's own log stays out of the
    terminal; LOG_LEVEL=DEBUG still shows it."""
    if logging.getLogger().getEffectiveLevel() > logging.DEBUG:
        logging.getLogger("sqlalchemy.pool").setLevel(logging.CRITICAL + 1)  # its pools' loggers inherit it


def _login_name() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "me"
