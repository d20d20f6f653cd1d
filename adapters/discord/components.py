"""Persistent buttons: `DynamicItem`s rebuilt from their custom_id on every click, so they work after restarts.

Each click becomes a neutral event and goes to the client's `on_click`, which answers Discord first (within
the 3-second window) and only then does the database work.
"""

from __future__ import annotations

import re
from typing import Any, Protocol, cast

import discord

from adapters.discord import ids, translate
from bot.events import Event

Click = discord.Interaction[discord.Client]


class ClickHandler(Protocol):
    async def on_click(self, interaction: Click, event: Event, *, clear: bool) -> None: ...


def _button(custom_id: str) -> discord.ui.Button[Any]:
    return discord.ui.Button(custom_id=custom_id)


def _who(interaction: Click) -> dict[str, int]:
    return {"interaction_id": interaction.id, "user_id": interaction.user.id, "channel_id": interaction.channel_id or 0}


def _handler(interaction: Click) -> ClickHandler:
    return cast(ClickHandler, interaction.client)


class ChoiceButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=ids.CHOICE_TEMPLATE):
    def __init__(self, field: str, value: str) -> None:
        super().__init__(_button(f"ty:c:{field}:{value}"))
        self.field, self.value = field, value

    @classmethod
    async def from_custom_id(cls, interaction: Click, item: discord.ui.Item[Any], match: re.Match[str], /) -> Any:
        return cls(match["field"], match["value"])

    async def callback(self, interaction: Click) -> None:
        event = translate.choice(**_who(interaction), field=self.field, value=self.value)
        await _handler(interaction).on_click(interaction, event, clear=True)


class NavButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=ids.NAV_TEMPLATE):
    def __init__(self, command: str, field: str) -> None:
        super().__init__(_button(f"ty:n:{command}:{field}"))
        self.command, self.field = command, field

    @classmethod
    async def from_custom_id(cls, interaction: Click, item: discord.ui.Item[Any], match: re.Match[str], /) -> Any:
        return cls(match["command"], match["field"])

    async def callback(self, interaction: Click) -> None:
        event = translate.navigation(**_who(interaction), command=self.command, question=self.field)
        await _handler(interaction).on_click(interaction, event, clear=True)


class DraftButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=ids.DRAFT_TEMPLATE):
    def __init__(self, conversation: str, action: str, position: str) -> None:
        super().__init__(_button(f"ty:d:{conversation}:{action}:{position}"))
        self.conversation, self.action, self.position = conversation, action, position

    @classmethod
    async def from_custom_id(cls, interaction: Click, item: discord.ui.Item[Any], match: re.Match[str], /) -> Any:
        return cls(match["conversation"], match["action"], match["position"])

    async def callback(self, interaction: Click) -> None:
        event = translate.draft_action(
            **_who(interaction), conversation=self.conversation, action=self.action, position=self.position
        )
        await _handler(interaction).on_click(interaction, event, clear=False)


class ReminderButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=ids.REMINDER_TEMPLATE):
    def __init__(self, reminder: str, action: str) -> None:
        super().__init__(_button(f"ty:r:{reminder}:{action}"))
        self.reminder, self.action = reminder, action

    @classmethod
    async def from_custom_id(cls, interaction: Click, item: discord.ui.Item[Any], match: re.Match[str], /) -> Any:
        return cls(match["reminder"], match["action"])

    async def callback(self, interaction: Click) -> None:
        event = translate.reminder_action(**_who(interaction), reminder=self.reminder, action=self.action)
        await _handler(interaction).on_click(interaction, event, clear=True)


DYNAMIC_ITEMS: tuple[type[discord.ui.DynamicItem[Any]], ...] = (ChoiceButton, NavButton, DraftButton, ReminderButton)
