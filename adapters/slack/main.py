"""`thankyou-bot slack [--http] [--port N]`: run the Slack bot in Socket Mode (default) or HTTP mode."""

from __future__ import annotations

import asyncio
import contextlib
import logging

from adapters.slack.app import app_token, build_bot, verify_tokens
from adapters.slack.bot import SlackBot
from adapters.slack.server import EVENTS_PATH, serve
from adapters.slack.translate import PLATFORM
from bot.errors import ConfigError
from bot.runtime import Core

log = logging.getLogger(__name__)


async def run(core: Core, *, http: bool, port: int) -> None:
    """Check secrets (their shape, then with Slack), upgrade the schema, start the reminder scheduler, then
    serve until cancelled. A token Slack refuses is a `ConfigError` before the database is touched."""
    settings = core.settings
    bot = build_bot(settings, socket_mode=not http, core=core)  # checks the bot token (and signing secret)
    socket_token = None if http else app_token(settings)
    try:
        await verify_tokens(bot.client, socket_token)
    except ConfigError:
        await core.close()
        raise
    await bot.ready()
    stop = asyncio.Event()
    scheduler = None
    if settings.run_scheduler:  # reminders go out through the same sender (RUN_SCHEDULER=false turns this off)
        scheduler = asyncio.create_task(core.run_scheduler({PLATFORM: bot.sender}, stop))
    try:
        if socket_token is None:
            await _serve_http(bot, port)
        else:
            await _serve_socket_mode(bot, socket_token)
    finally:
        stop.set()
        if scheduler is not None:
            with contextlib.suppress(asyncio.CancelledError):
                await scheduler
        await bot.close()


async def _serve_http(bot: SlackBot, port: int) -> None:
    runner = await serve(bot.app, host="0.0.0.0", port=port)  # all interfaces: behind a load balancer
    log.info("slack http mode listening", extra={"platform": "slack", "port": port, "path": EVENTS_PATH})
    try:
        await asyncio.Event().wait()
    finally:
        await runner.cleanup()


async def _serve_socket_mode(bot: SlackBot, app_token: str) -> None:
    from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler

    handler = AsyncSocketModeHandler(bot.app, app_token)
    try:
        await handler.start_async()  # type: ignore[no-untyped-call]
    finally:
        await handler.close_async()  # type: ignore[no-untyped-call]
