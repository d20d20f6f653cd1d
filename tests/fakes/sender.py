"""A sender that records what the bot would have shown, errbot-style: push an event, pop the replies."""

from __future__ import annotations

from collections.abc import Sequence

from bot.actions import Action, Ask
from bot.events import Address


class RecordingSender:
    def __init__(self) -> None:
        self.sent: list[tuple[Address, Action]] = []

    async def send(self, address: Address, actions: Sequence[Action]) -> list[str]:
        self.sent.extend((address, action) for action in actions)
        return [f"msg-{len(self.sent)}"]

    def pop(self) -> list[Action]:
        """Everything sent since the last pop."""
        actions = [action for _, action in self.sent]
        self.sent.clear()
        return actions

    @staticmethod
    def last_ask(actions: Sequence[Action]) -> Ask:
        asks = [a for a in actions if isinstance(a, Ask)]
        assert asks, f"expected a question, got {actions}"
        return asks[-1]
