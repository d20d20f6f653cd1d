"""`thankyou-bot worker`: the reminder scheduler on its own (bots also run one in-process).

The core and the platform senders are built by `bot/cli.py` and passed in, so this module never imports an
adapter. Several workers may run against one PostgreSQL database.

SIGTERM or SIGINT stops it cleanly: the scheduler posts and records what it has started, hands its other
claims back (`Scheduler.run`), and the command exits 0.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from collections.abc import Mapping

from bot.errors import ConfigError
from bot.observability import health
from bot.ports import Sender
from bot.runtime import Core

log = logging.getLogger(__name__)
NO_PLATFORMS = (
    "the worker has no platform to deliver to. Set SLACK_BOT_TOKEN and/or DISCORD_TOKEN. "
    "(Console reminders need no worker: they are shown when you next run thankyou-bot console.)"
)


async def run(core: Core, senders: Mapping[str, Sender] | None = None, *, stop: asyncio.Event | None = None) -> None:
    """Deliver due reminders until SIGINT/SIGTERM (or `stop`); refuses to start with nothing to deliver to.

    With METRICS_PORT set it also serves /healthz, /readyz and /metrics there while it runs."""
    if not senders:
        raise ConfigError(NO_PLATFORMS)
    stop = stop or asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError):  # not on this platform / not main thread
            loop.add_signal_handler(signum, stop.set)
    log.info("reminder worker running", extra={"platforms": sorted(senders)})
    port = core.settings.metrics_port  # /healthz, /readyz (database only), /metrics
    ops = await health.serve(port, [core.database_problem]) if port is not None else None
    try:
        await core.run_scheduler(senders, stop)
    finally:
        if ops is not None:
            await ops.cleanup()
