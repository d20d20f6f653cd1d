"""Fake platform senders for scheduler tests: in-memory with scripted failures and a lookup of what it posted."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from bot.actions import Action, Nudge
from bot.errors import DeliveryError
from bot.events import Address


class RateLimited(DeliveryError):
    """What a platform sender raises for HTTP 429: not sent, try again after `retry_after` seconds."""

    def __init__(self, retry_after: float) -> None:
        super().__init__("rate limited", permanent=False)
        self.retry_after = retry_after


class FakePlatform:
    """Records every delivered nudge; `fail_next` queues errors (or a crash) for the next sends."""

    def __init__(self) -> None:
        self.posts: list[tuple[Address, Nudge]] = []
        self.failures: list[BaseException] = []

    def fail_next(self, *errors: BaseException) -> None:
        self.failures.extend(errors)

    async def send(self, address: Address, actions: Sequence[Action]) -> list[str]:
        if self.failures:
            raise self.failures.pop(0)
        ids = []
        for action in actions:
            assert isinstance(action, Nudge)
            self.posts.append((address, action))
            ids.append(f"m{len(self.posts)}")
        return ids

    def reminder_ids(self) -> list[int]:
        return [nudge.reminder_id for _, nudge in self.posts]


class LookupPlatform(FakePlatform):
    """A platform that can answer "did you post this reminder?" (like searching message metadata)."""

    async def delivered(self, address: Address, reminder_id: int, since: datetime) -> str | None:
        for number, (_, nudge) in enumerate(self.posts, start=1):
            if nudge.reminder_id == reminder_id:
                return f"m{number}"
        return None
