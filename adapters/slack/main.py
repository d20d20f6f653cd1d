"""`thankyou-bot slack [--http] [--port N]`: run the Slack bot in Socket Mode (default) or HTTP mode."""

from __future__ import annotations

import asyncio
import logging

from adapters.slack.app import build_bot
from adapters.slack.server import EVENTS_PATH, serve
from bot.config import Settings

log = logging.getLogger(__name__)


async def run(settings: Settings, *, http: bool, port: int) -> None:
    """Check secrets, upgrade the schema, then serve until cancelled (Ctrl+C)."""
    app_token = None if http else settings.require_secret("slack_app_token")
    bot = build_bot(settings, socket_mode=not http)
    await bot.ready()
    try:
        if http:
            runner = await serve(bot.app, host="0.0.0.0", port=port)  # all interfaces: behind a load balancer
            log.info("slack http mode listening", extra={"platform": "slack", "port": port, "path": EVENTS_PATH})
            try:
                await asyncio.Event().wait()
            finally:
                await runner.cleanup()
        else:
            from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler

            handler = AsyncSocketModeHandler(bot.app, app_token)
            try:
                await handler.start_async()  # type: ignore[no-untyped-call]
            finally:
                await handler.close_async()  # type: ignore[no-untyped-call]
    finally:
        await bot.close()
