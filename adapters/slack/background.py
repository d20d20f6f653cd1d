"""Work that runs after Slack has its acknowledgement, kept in order per user and awaitable in tests.

Slack wants a response within 3 s; the debrief turn (database, Web API posts, 429 waits) happens here.
Each user's turns run one after another, so two quick messages are answered in the order they were sent.
At most `limit` jobs run at once: acks stay quick under load, and SQLite's single writer isn't swamped.

A job that has to wait for Slack (a 429's `Retry-After`) waits through `pause()`, which hands the job's
worker slot back for the wait and takes one again afterwards: throttled users never hold up other users'
turns, and each user's own turns still run in order (the next one waits for this one to finish).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Hashable
from contextvars import ContextVar

log = logging.getLogger(__name__)

Job = Callable[[], Awaitable[None]]


class _Slot:
    """One job's hold on the worker slots; it knows whether it holds one right now (so a wait that is
    cancelled before the slot came back never gives back a slot it does not hold)."""

    def __init__(self, slots: asyncio.Semaphore) -> None:
        self._slots = slots
        self._held = False

    async def take(self) -> None:
        await self._slots.acquire()
        self._held = True

    def give_back(self) -> None:
        if self._held:
            self._held = False
            self._slots.release()

    async def pause(self, seconds: float) -> None:
        self.give_back()
        try:
            await asyncio.sleep(seconds)
        finally:
            await self.take()


_current: ContextVar[_Slot | None] = ContextVar("slack_background_slot", default=None)


async def pause(seconds: float) -> None:
    """Sleep `seconds`; inside a background job, without holding a worker slot meanwhile (elsewhere, such as
    in the reminder scheduler, this is a plain sleep)."""
    slot = _current.get()
    if slot is None:
        await asyncio.sleep(seconds)
    else:
        await slot.pause(seconds)


class Background:
    def __init__(self, limit: int = 16) -> None:
        self._tails: dict[Hashable, asyncio.Task[None]] = {}
        self._running: set[asyncio.Task[None]] = set()
        self._slots = asyncio.Semaphore(limit)

    def spawn(self, key: Hashable, job: Job) -> None:
        """Run `job` after the previous job with the same key; failures are logged, never raised."""
        previous = self._tails.get(key)
        task = asyncio.create_task(self._run(previous, job))
        self._tails[key] = task
        self._running.add(task)
        task.add_done_callback(lambda done: self._finished(key, done))

    async def _run(self, previous: asyncio.Task[None] | None, job: Job) -> None:
        if previous is not None:
            await asyncio.wait([previous])
        slot = _Slot(self._slots)
        try:
            await slot.take()
            _current.set(slot)  # this task's own context: seen by `pause()` anywhere inside the job
            await job()
        except Exception as error:  # one user's failure must not stop anyone else's work
            log.error("slack background job failed", extra={"platform": "slack", "error": type(error).__name__})
        finally:
            slot.give_back()

    def _finished(self, key: Hashable, task: asyncio.Task[None]) -> None:
        self._running.discard(task)
        if self._tails.get(key) is task:
            del self._tails[key]

    async def drain(self) -> None:
        """Wait until every job (including ones spawned meanwhile) has finished."""
        while self._running:
            await asyncio.wait(list(self._running))
