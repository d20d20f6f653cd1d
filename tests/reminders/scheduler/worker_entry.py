"""Test-only worker process: the real Scheduler against a database and the loopback reminder API, which
SIGKILLs itself at a chosen point (right after claiming, or right after a post succeeded but before it is
recorded) so tests can prove nothing is lost or doubled.

    python tests/reminders/scheduler/worker_entry.py DB_URL API_URL {claimed,sent,sent-blind,none}
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from collections.abc import Sequence
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

from sqlalchemy.ext.asyncio import AsyncSession

from bot.actions import Action
from bot.config import load_settings
from bot.events import Address
from bot.reminders.planning import Plan
from bot.reminders.scheduler import Scheduler, TickResult
from bot.runtime import build_core
from tests.fakes.reminder_api import ApiSender, LookupApiSender


def die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


class DieAfterClaim(Scheduler):
    async def _prepare(self, session: AsyncSession, plans: list[Plan], now: datetime, result: TickResult) -> list[Plan]:
        die()  # the claim is committed; nothing is marked `sending` and nothing is posted
        return []


class DieAfterPost(LookupApiSender):
    async def send(self, address: Address, actions: Sequence[Action]) -> list[str]:
        ids = await super().send(address, actions)
        die()  # the platform has the post; our row still says `sending`
        return ids


class BlindDieAfterPost(ApiSender):
    """The same, for a platform that cannot be asked afterwards (like Slack)."""

    async def send(self, address: Address, actions: Sequence[Action]) -> list[str]:
        ids = await super().send(address, actions)
        die()
        return ids


async def main(db_url: str, api_url: str, kill: str) -> None:
    core = build_core(load_settings(database_url=db_url))
    senders = {"sent": DieAfterPost, "sent-blind": BlindDieAfterPost}
    sender = senders.get(kill, LookupApiSender)(api_url)
    kind = DieAfterClaim if kill == "claimed" else Scheduler
    scheduler = kind(core.sessions, {"fake": sender}, lease=timedelta(seconds=30), concurrency=1)
    while (await scheduler.tick()).claimed:
        pass
    await sender.close()
    await core.close()


if __name__ == "__main__":
    asyncio.run(main(*sys.argv[1:4]))
