"""Work that runs after Slack has its acknowledgement, kept in order per user and awaitable in tests.

Slack wants a response within 3 s; the debrief turn (database, Web API posts, 429 waits) happens here.
Each user's turns run one after another, so two quick messages are answered in the order they were sent.
At most `limit` jobs run at once: acks stay quick under load, and SQLite's single writer isn't swamped.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Hashable

log = logging.getLogger(__name__)

Job = Callable[[], Awaitable[None]]


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
        try:
            async with self._slots:
                await job()
        except Exception as error:  # one user's failure must not stop anyone else's work
            log.error("slack background job failed", extra={"platform": "slack", "error": type(error).__name__})

    def _finished(self, key: Hashable, task: asyncio.Task[None]) -> None:
        self._running.discard(task)
        if self._tails.get(key) is task:
            del self._tails[key]

    async def drain(self) -> None:
        """Wait until every job (including ones spawned meanwhile) has finished."""
        while self._running:
            await asyncio.wait(list(self._running))
