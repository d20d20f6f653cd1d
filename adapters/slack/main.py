"""`thankyou-bot slack [--http] [--port N]`: run the Slack bot in Socket Mode (default) or HTTP mode.

SIGTERM (or Ctrl-C) stops it cleanly: no new events are taken (the socket or HTTP listener closes), the turns
already acknowledged finish and are delivered, the scheduler finishes its batch and hands back its claims,
and the process exits 0.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal

from adapters.slack.app import app_token, build_bot, verify_tokens
from adapters.slack.bot import SlackBot
from adapters.slack.server import EVENTS_PATH, serve
from adapters.slack.translate import PLATFORM
from bot.errors import ConfigError
from bot.observability import health
from bot.runtime import Core

log = logging.getLogger(__name__)


async def run(core: Core, *, http: bool, port: int) -> None:
    """Check secrets (their shape, then with Slack), upgrade the schema, start the reminder scheduler, then
    serve until SIGTERM/SIGINT. A token Slack refuses is a `ConfigError` before the database is touched."""
    settings = core.settings
    bot = build_bot(settings, socket_mode=not http, core=core)  # checks the bot token (and signing secret)
    socket_token = None if http else app_token(settings)
    try:
        if bot.client.token is not None:  # OAuth (many workspaces): tokens come per workspace, from installs
            await verify_tokens(bot.client, socket_token)
    except ConfigError:
        await core.close()
        raise
    await bot.ready()
    stop = stop_on_signals()
    scheduler = None
    if settings.run_scheduler:  # reminders go out through the same sender (RUN_SCHEDULER=false turns this off)
        scheduler = asyncio.create_task(core.run_scheduler({PLATFORM: bot.sender}, stop))
    try:
        if socket_token is None:
            await _serve_http(bot, port, stop)
        else:
            await _serve_socket_mode(bot, socket_token, settings.metrics_port, stop)
    finally:
        stop.set()
        if scheduler is not None:
            with contextlib.suppress(asyncio.CancelledError):
                await scheduler
        await bot.close()  # waits for the acknowledged turns to finish, then closes the database
        log.info("slack bot stopped", extra={"platform": "slack"})


def stop_on_signals() -> asyncio.Event:
    """An event set by SIGTERM or SIGINT (where the platform lets us install handlers)."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        with contextlib.suppress(NotImplementedError, RuntimeError):  # not on this platform / not main thread
            loop.add_signal_handler(signum, stop.set)
    return stop


async def _serve_http(bot: SlackBot, port: int, stop: asyncio.Event) -> None:
    # all interfaces: behind a load balancer; /readyz there asks the database only (no connection to keep)
    runner = await serve(bot.app, host="0.0.0.0", port=port, checks=[bot.core.database_problem])
    log.info("slack http mode listening", extra={"platform": "slack", "port": port, "path": EVENTS_PATH})
    try:
        await stop.wait()
    finally:
        await runner.cleanup()  # stops listening; requests in progress get their answer


async def _serve_socket_mode(bot: SlackBot, app_token: str, metrics_port: int | None, stop: asyncio.Event) -> None:
    """With METRICS_PORT, /readyz there needs the database and a live Socket Mode connection."""
    from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler

    handler = AsyncSocketModeHandler(bot.app, app_token)

    async def connected() -> str | None:
        socket = handler.client  # the WebSocket client, not a Web API call
        return None if await socket.is_connected() else "slack socket mode not connected"

    checks = [bot.core.database_problem, connected]
    ops = await health.serve(metrics_port, checks) if metrics_port is not None else None
    try:
        await handler.connect_async()  # type: ignore[no-untyped-call]
        log.info("slack socket mode connected", extra={"platform": "slack"})
        await stop.wait()
    finally:
        if ops is not None:
            await ops.cleanup()
        await handler.close_async()  # type: ignore[no-untyped-call]
