"""What the core needs from an adapter: a way to deliver actions to an address."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from bot.actions import Action
from bot.events import Address


class Sender(Protocol):
    """Delivers neutral actions to one user; raises `bot.errors.DeliveryError` when it cannot.

    Returns the platform message ids it created (used for idempotent reminder delivery).
    """

    async def send(self, address: Address, actions: Sequence[Action]) -> list[str]: ...
