"""`thankyou-bot discord`: check the token, build the client around the core, run until stopped.

SIGTERM (or Ctrl-C) stops it cleanly: the turns already being handled finish and are answered (up to
`GRACE` seconds), then the client closes: the gateway disconnects, the scheduler finishes its batch and
hands back its claims, and the process exits 0.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal

import discord

from adapters.discord import build_client
from adapters.discord.sender import TOKEN_REFUSED
from bot.errors import ConfigError
from bot.observability import health
from bot.runtime import Core

log = logging.getLogger(__name__)
GRACE = 8.0  # seconds the turns in hand get at shutdown (the whole stop stays within 10 s)
_EVENT_TASKS = ("discord.py: on_", "CommandTree")  # how discord.py names the tasks that run event handlers


async def run(core: Core) -> None:
    """Refuses to start without a real DISCORD_TOKEN (ConfigError names the variable, never its value).

    A token Discord refuses ends the process with one line (exit code 2) after the client has closed its
    HTTP session; it is not retried, since every refused login counts toward Discord's invalid-request limit.
    """
    token = core.settings.require_secret("discord_token")
    client = build_client(core.settings, core=core)
    port = core.settings.metrics_port  # /healthz, /readyz (database and gateway), /metrics
    ops = await health.serve(port, [core.database_problem, client.connection_problem]) if port is not None else None
    try:
        async with client:
            log.info("starting discord bot", extra={"platform": "discord", "shards": client.shard_ids or "auto"})
            stop = _stop_on_signals()
            closer = asyncio.create_task(_close_on(stop, client))
            try:
                await client.start(token)
            finally:
                if stop.is_set():
                    await closer  # a clean stop under way: let it finish (turns, scheduler batch, close)
                else:
                    closer.cancel()
    except discord.LoginFailure:
        raise ConfigError(TOKEN_REFUSED) from None
    finally:
        if ops is not None:
            await ops.cleanup()


def _stop_on_signals() -> asyncio.Event:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        with contextlib.suppress(NotImplementedError, RuntimeError):  # not on this platform / not main thread
            loop.add_signal_handler(signum, stop.set)
    return stop


async def _close_on(stop: asyncio.Event, client: discord.Client) -> None:
    await stop.wait()
    log.info("stopping discord bot", extra={"platform": "discord"})
    await finish_turns()
    await client.close()


async def finish_turns(grace: float = GRACE) -> int:
    """Wait (at most `grace` s) for the event handlers already running: each is a turn a user is waiting on.

    Returns how many were still running when the time was up (0: all finished)."""
    current = asyncio.current_task()
    busy = {t for t in asyncio.all_tasks() if t is not current and t.get_name().startswith(_EVENT_TASKS)}
    if not busy:
        return 0
    _done, pending = await asyncio.wait(busy, timeout=grace)
    if pending:
        log.warning("turns still running at shutdown", extra={"platform": "discord", "turns": len(pending)})
    return len(pending)
