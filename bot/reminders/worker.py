"""`thankyou-bot worker`: the reminder scheduler on its own (bots also run one in-process).

The platform senders are built by the composition root (`bot/cli.py`) and passed in, so this module
never imports an adapter. Several workers may run against one PostgreSQL database.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from collections.abc import Mapping

from bot.config import Settings
from bot.errors import ConfigError
from bot.ports import Sender
from bot.reminders.scheduler import INLINE_HOLD, Scheduler
from bot.storage.db import make_engine, session_factory, upgrade_engine
from bot.time.clock import SystemClock

log = logging.getLogger(__name__)
NO_PLATFORMS = (
    "the worker has no platform to deliver to. Set SLACK_BOT_TOKEN and/or DISCORD_TOKEN. "
    "(Console reminders need no worker: they are shown when you next run thankyou-bot console.)"
)


async def run(
    settings: Settings, senders: Mapping[str, Sender] | None = None, *, stop: asyncio.Event | None = None
) -> None:
    """Deliver due reminders until SIGINT/SIGTERM (or `stop`); refuses to start with nothing to deliver to."""
    if not senders:
        raise ConfigError(NO_PLATFORMS)
    stop = stop or asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError):  # not on this platform / not main thread
            loop.add_signal_handler(signum, stop.set)
    engine = make_engine(settings.database_url)
    try:
        await upgrade_engine(engine)
        scheduler = Scheduler(
            session_factory(engine), senders, SystemClock(),
            poll_seconds=settings.reminder_poll_seconds, default_timezone=settings.default_timezone,
            inline_hold=INLINE_HOLD,
        )  # fmt: skip
        log.info("reminder worker running", extra={"platforms": sorted(senders), "worker": scheduler.worker})
        await scheduler.run(stop)
    finally:
        await engine.dispose()
