"""What the core needs from an adapter: a way to deliver actions to an address."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Protocol

from sqlalchemy.ext.asyncio import AsyncSession

from bot.actions import Action
from bot.events import Address, Event


class Sender(Protocol):
    """Delivers neutral actions to one user; raises `bot.errors.DeliveryError` when it cannot.

    Returns the platform message ids it created (used for idempotent reminder delivery).
    """

    async def send(self, address: Address, actions: Sequence[Action]) -> list[str]: ...


class EventHandler(Protocol):
    """Sees each new (deduplicated) event first, inside the service's transaction.

    Returns None when the event is not its business, so the next handler (finally the engine) gets it.
    Used by features beside the debrief, e.g. reminder buttons and reminder commands.
    """

    async def handle(self, session: AsyncSession, event: Event, now: datetime) -> list[Action] | None: ...
