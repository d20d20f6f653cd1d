"""`thankyou-bot slack [--http] [--port N]`: run the Slack bot in Socket Mode (default) or HTTP mode."""

from __future__ import annotations

import asyncio
import contextlib
import logging

from adapters.slack.app import SlackBot, build_bot
from adapters.slack.server import EVENTS_PATH, serve
from bot.config import Settings

log = logging.getLogger(__name__)


async def run(settings: Settings, *, http: bool, port: int) -> None:
    """Check secrets, upgrade the schema, start the reminder scheduler, then serve until cancelled."""
    bot = build_bot(settings, socket_mode=not http)  # checks the bot token (and the signing secret for HTTP)
    app_token = None if http else settings.require_secret("slack_app_token")
    await bot.ready()
    stop = asyncio.Event()
    scheduler = asyncio.create_task(_scheduler(bot, settings, stop)) if settings.run_scheduler else None
    try:
        if app_token is None:
            await _serve_http(bot, port)
        else:
            await _serve_socket_mode(bot, app_token)
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


async def _scheduler(bot: SlackBot, settings: Settings, stop: asyncio.Event) -> None:
    """Reminders go out through the same sender as the conversation (RUN_SCHEDULER=false turns this off)."""
    from bot.reminders.scheduler import run_scheduler

    await run_scheduler(
        bot.sessions,
        {"slack": bot.sender},
        bot.service.clock,
        stop=stop,
        poll_seconds=settings.reminder_poll_seconds,
        default_timezone=settings.default_timezone,
    )
