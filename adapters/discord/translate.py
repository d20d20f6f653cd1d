"""Discord facts (ids, text, parsed custom_id parts) → neutral events. Pure: no discord.py objects.

Every Discord conversation lives in the user's DMs, so the workspace is always "@dm": a debrief started
with /thankyou in any server continues with DMs to the bot, and the user has one open debrief at a time.
Event ids are the interaction or message snowflakes, which the service uses to drop duplicates. A DM's text
is decoded once, here (`inbound.plain_text`), so the engine sees what the person meant, not Discord's tokens.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import cast

from adapters.discord.inbound import plain_text
from bot.events import Address, ChoiceMade, Command, DraftAction, Navigate, ReminderAction, Start, TextAnswer

PLATFORM = "discord"
DM_WORKSPACE = "@dm"
SLASH_ACTIONS = ("start", "help", "cancel", "resume")


def address(*, user_id: int, channel_id: int) -> Address:
    return Address(platform=PLATFORM, workspace=DM_WORKSPACE, channel=str(channel_id), user=str(user_id))


def dm_text(
    *, message_id: int, user_id: int, channel_id: int, text: str, mentions: Mapping[int, str] | None = None
) -> TextAnswer:
    """A typed DM; `mentions` are the display names of the users it mentions, by id (see `inbound`)."""
    return TextAnswer(
        address(user_id=user_id, channel_id=channel_id), str(message_id), plain_text(text, mentions or {})
    )


def slash_command(*, interaction_id: int, user_id: int, channel_id: int, action: str | None) -> Start | Navigate:
    """`/thankyou` alone (or action=start) starts or resumes; the other actions are navigation commands."""
    where = address(user_id=user_id, channel_id=channel_id)
    if action in (None, "start"):
        return Start(where, str(interaction_id))
    if action not in SLASH_ACTIONS:
        raise ValueError(f"unknown /thankyou action {action!r}")
    return Navigate(where, str(interaction_id), cast(Command, action))


def choice(*, interaction_id: int, user_id: int, channel_id: int, field: str, value: str) -> ChoiceMade:
    return ChoiceMade(address(user_id=user_id, channel_id=channel_id), str(interaction_id), field, value)


def navigation(*, interaction_id: int, user_id: int, channel_id: int, command: str, question: str) -> Navigate:
    """A navigation button, with the question it was shown under (the engine spots clicks on old ones)."""
    where = address(user_id=user_id, channel_id=channel_id)
    return Navigate(where, str(interaction_id), cast(Command, command), question=question)


def draft_action(
    *, interaction_id: int, user_id: int, channel_id: int, conversation: str, action: str, position: str
) -> DraftAction:
    where = address(user_id=user_id, channel_id=channel_id)
    spot = None if position == "-" else int(position)
    return DraftAction(where, str(interaction_id), int(conversation), action, spot)


def reminder_action(
    *, interaction_id: int, user_id: int, channel_id: int, reminder: str, action: str
) -> ReminderAction:
    return ReminderAction(address(user_id=user_id, channel_id=channel_id), str(interaction_id), int(reminder), action)
