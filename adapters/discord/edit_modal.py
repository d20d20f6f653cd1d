""" "Edit note" on Discord: the button opens a modal with the note; on submit it is proofread and the result
comes back as an ephemeral reply (Discord modals can't show errors inline, unlike Slack's).

The button is a `DynamicItem` rebuilt from its custom_id (`ty:e:<conversation>:<position>`), so it works after
a restart. Opening reads the note from the core before answering (one query, well inside the 3 seconds; a
modal can't follow a deferral). Submitting defers first, then checks (`core.check_note_edit`, which keeps the
edited text) and replies with the note to copy, every finding, and "Edit note" again. A modal that is open
while the bot restarts is lost (discord.py keeps modals in memory); pressing "Edit note" again opens a new one.
"""

from __future__ import annotations

import re
from typing import Any, Protocol, cast

import discord

from adapters.discord import ids, translate
from adapters.discord.markdown import escape
from adapters.discord.sender import NO_MENTIONS
from adapters.discord.split import Block, pack
from bot import messages
from bot.drafts import Draft
from bot.runtime import Core

#: Discord's limits: a text input holds 4,000 characters; titles and labels 45.
MAX_TEXT, MAX_TITLE = 4000, 45
_MARKS = {"error": "✖", "warning": "⚠", "info": "ℹ"}
Interaction = discord.Interaction[Any]


class EditHost(Protocol):
    core: Core


def as_text(draft: Draft) -> str:
    """The note as one text, as `thankyou-bot draft` prints it (`thankyou-bot check` reads it back the same)."""
    return f"Subject: {draft.subject}\n\n{draft.body}" if draft.subject else draft.body


def edit_button(conversation_id: int, position: int) -> discord.ui.Button[Any]:
    label = messages.text("label_edit_note")
    return discord.ui.Button(label=label, custom_id=ids.note_edit_id(conversation_id, position))


def checked_contents(draft: Draft) -> list[str]:
    """The edited note as messages of at most 2,000 characters: intro, the note in a code block, findings."""
    blocks = [Block(escape(messages.text("edit_note_checked", recipient=draft.to.name)))]
    if draft.subject:
        blocks.append(Block(f"**{messages.text('label_subject')}:** {escape(draft.subject)}"))
    blocks.append(Block(draft.body, code=True))
    if draft.checks:
        lines = [f"{_MARKS.get(c.level, '•')} {escape(c.message)}" for c in draft.checks]
        blocks.append(Block(escape(messages.text("edit_note_fix")) + "\n" + "\n".join(lines)))
    else:
        blocks.append(Block(escape(messages.text("edit_note_ready"))))
    return pack(blocks)


class EditNoteButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=ids.NOTE_EDIT_TEMPLATE):
    def __init__(self, conversation_id: int, position: int) -> None:
        super().__init__(edit_button(conversation_id, position))
        self.conversation_id, self.position = conversation_id, position

    @classmethod
    async def from_custom_id(cls, interaction: Interaction, item: discord.ui.Item[Any], match: re.Match[str], /) -> Any:
        return cls(int(match["conversation"]), int(match["position"]))

    async def callback(self, interaction: Interaction) -> None:
        host = cast(EditHost, interaction.client)
        where = translate.address(user_id=interaction.user.id, channel_id=interaction.channel_id or 0)
        draft = await host.core.note_for_edit(where, self.conversation_id, self.position)
        if draft is None or len(as_text(draft)) > MAX_TEXT:
            key = "edit_note_gone" if draft is None else "edit_note_too_long"
            await interaction.response.send_message(messages.text(key), ephemeral=True, allowed_mentions=NO_MENTIONS)
            return
        custom_id = f"ty:m:{self.conversation_id}:{self.position}:{interaction.id}"
        modal = EditNoteModal(host, draft, self.conversation_id, self.position, custom_id=custom_id)
        await interaction.response.send_modal(modal)


class EditNoteModal(discord.ui.Modal):
    """One long text input holding the note."""

    def __init__(self, host: EditHost, draft: Draft, conversation_id: int, position: int, *, custom_id: str) -> None:
        super().__init__(title=messages.text("label_edit_note_title")[:MAX_TITLE], custom_id=custom_id, timeout=None)
        self.host, self.conversation_id, self.position = host, conversation_id, position
        self.note: discord.ui.TextInput[Any] = discord.ui.TextInput(
            custom_id="note", style=discord.TextStyle.long, default=as_text(draft), max_length=MAX_TEXT, required=True
        )
        self.add_item(discord.ui.Label(text=messages.text("label_edit_note_field")[:MAX_TITLE], component=self.note))

    async def on_submit(self, interaction: Interaction) -> None:
        await interaction.response.defer(ephemeral=True, thinking=True)
        where = translate.address(user_id=interaction.user.id, channel_id=interaction.channel_id or 0)
        draft = await self.host.core.check_note_edit(where, self.conversation_id, self.position, self.note.value)
        if draft is None:
            await interaction.followup.send(
                messages.text("edit_note_gone"), ephemeral=True, allowed_mentions=NO_MENTIONS
            )
            return
        *first, last = checked_contents(draft)
        for content in first:
            await interaction.followup.send(content, ephemeral=True, allowed_mentions=NO_MENTIONS)
        again = discord.ui.View(timeout=None)
        again.add_item(edit_button(self.conversation_id, self.position))
        await interaction.followup.send(last, view=again, ephemeral=True, allowed_mentions=NO_MENTIONS)
