""" "Edit note": a delivered note opens in a modal, and what the member submits is proofread.

- The button (`tynote-edit|<conversation>|<position>`, outside `ty-`, which the turn listener takes) is
  acknowledged at once; the note is read from the core and `views.open` runs with the click's `trigger_id`
  (valid for 3 seconds; the read is one query).
- `view_submission` is checked against the note's answers before Slack gets its answer (`core.check_note_edit`:
  one read, one write, the checks themselves in milliseconds), so that an error (the name misspelled, a
  placeholder, another company's name) shows under the text with the modal still open
  (`response_action: errors`). Otherwise the modal closes and the edited note is posted in the DM with its
  checks, ready to copy, with "Edit note" again.
- "Edit an answer" (reopening the debrief) stays beside it: changing an answer rewrites every note, while
  this changes one note's wording.

Block Kit limits: a 24-character title and button texts, 3,000 characters in a text input and in
`private_metadata`.
"""

from __future__ import annotations

import json
import logging
import re
from typing import Any

from slack_bolt.context.ack.async_ack import AsyncAck
from slack_sdk.models.blocks import (
    ActionsBlock,
    Block,
    ContextBlock,
    InputBlock,
    MarkdownTextObject,
    PlainTextInputElement,
    SectionBlock,
)
from slack_sdk.models.views import View

from adapters.slack import ids, translate
from adapters.slack.bot import SlackBot
from adapters.slack.draft_blocks import code_blocks, edit_button
from adapters.slack.escape import escape, split_text
from bot import messages
from bot.drafts import Draft
from bot.events import Address

log = logging.getLogger(__name__)

CALLBACK = "tynote"
BLOCK = "note"
VALUE = "text"
MAX_TEXT = 3000
_ID = re.compile(rf"^{re.escape(ids.NOTE_EDIT)}\|(?P<conversation>[0-9]{{1,18}})\|(?P<position>[0-9]{{1,3}})$")
_MARKS = {"error": ":red_circle:", "warning": ":warning:", "info": ":information_source:"}
Body = dict[str, Any]


def as_text(draft: Draft) -> str:
    """The note as one text, as `thankyou-bot draft` prints it (`thankyou-bot check` reads it back the same)."""
    return f"Subject: {draft.subject}\n\n{draft.body}" if draft.subject else draft.body


def edit_view(draft: Draft, *, conversation_id: int, position: int, channel: str) -> dict[str, Any]:
    """The modal, pre-filled with the note (validated by slack_sdk's models)."""
    text = PlainTextInputElement(action_id=VALUE, multiline=True, max_length=MAX_TEXT, initial_value=as_text(draft))
    blocks: list[Block] = [
        ContextBlock(elements=[MarkdownTextObject(text=escape(messages.text("edit_note_hint")), verbatim=True)]),
        InputBlock(block_id=BLOCK, label=messages.text("label_edit_note_field"), element=text),
    ]
    metadata = json.dumps({"c": conversation_id, "p": position, "channel": channel})
    view = View(
        type="modal", callback_id=CALLBACK, title=messages.text("label_edit_note_title"),
        submit=messages.text("label_edit_note_submit"), close=messages.text("label_edit_note_close"),
        blocks=blocks, private_metadata=metadata,
    )  # fmt: skip
    return view.to_dict()


def checked_blocks(draft: Draft, conversation_id: int, position: int) -> list[Block]:
    """The edited note posted back: what was checked, the text to copy, the findings, "Edit note" again."""
    intro = messages.text("edit_note_checked", recipient=draft.to.name)
    blocks: list[Block] = [SectionBlock(text=MarkdownTextObject(text=f"*{escape(intro)}*", verbatim=True))]
    if draft.subject:
        blocks.append(_context(f"{messages.text('label_subject')}: {draft.subject}"))
    blocks.extend(code_blocks(draft.body))
    if draft.checks:
        lines = [messages.text("edit_note_fix")] + [f"{_MARKS[c.level]} {escape(c.message)}" for c in draft.checks]
        blocks.extend(_context(piece, escaped=True) for piece in split_text("\n".join(lines), 3000))
    else:
        blocks.append(_context(messages.text("edit_note_ready")))
    blocks.append(ActionsBlock(elements=[edit_button(conversation_id, position)]))
    return blocks


def _context(text: str, *, escaped: bool = False) -> Block:
    return ContextBlock(elements=[MarkdownTextObject(text=text if escaped else escape(text), verbatim=True)])


def _metadata(view: Body) -> tuple[int, int, str] | None:
    try:
        data = json.loads(view.get("private_metadata") or "{}")
        return int(data["c"]), int(data["p"]), str(data.get("channel") or "")
    except (ValueError, KeyError, TypeError):
        return None


def _submitted_text(view: Body) -> str:
    values = ((view.get("state") or {}).get("values") or {}).get(BLOCK) or {}
    return str((values.get(VALUE) or {}).get("value") or "")


def _user(body: Body) -> str:
    return str((body.get("user") or {}).get("id", ""))


def register_note_edits(bot: SlackBot) -> None:
    """The modal's listeners: open it from the button, check what is submitted."""
    app = bot.app

    @app.action(re.compile(rf"^{re.escape(ids.NOTE_EDIT)}\|"))
    async def on_edit(ack: AsyncAck, body: Body) -> None:
        await ack()
        action = (body.get("actions") or [{}])[0]
        found = _ID.match(str(action.get("action_id", "")))
        if found is not None:
            where = int(found["conversation"]), int(found["position"])
            bot.background.spawn(("note", translate.action_team(body), _user(body)), lambda: _open(bot, body, *where))

    @app.view_submission(CALLBACK)
    async def on_submit(ack: AsyncAck, body: Body) -> None:
        view = body.get("view") or {}
        where = _metadata(view)
        if where is None:
            await ack(response_action="errors", errors={BLOCK: messages.text("edit_note_gone")})
            return
        conversation_id, position, channel = where
        address = Address(translate.PLATFORM, translate.action_team(body), channel, _user(body))
        draft = await bot.core.check_note_edit(address, conversation_id, position, _submitted_text(view))
        if draft is None:
            await ack(response_action="errors", errors={BLOCK: messages.text("edit_note_gone")})
            return
        errors = [c.message for c in draft.checks if c.level == "error"]
        if errors:  # shown under the text; the modal stays open with what they typed
            await ack(response_action="errors", errors={BLOCK: " ".join(errors)[:2000]})
            return
        await ack()
        bot.background.spawn(("note", address.workspace, address.user), lambda: _post(bot, address, draft, where))


async def _open(bot: SlackBot, body: Body, conversation_id: int, position: int) -> None:
    user = _user(body)
    channel = str((body.get("channel") or {}).get("id") or (body.get("container") or {}).get("channel_id") or "")
    address = Address(translate.PLATFORM, translate.action_team(body), channel, user)
    draft = await bot.core.note_for_edit(address, conversation_id, position)
    if draft is None or len(as_text(draft)) > MAX_TEXT:
        key = "edit_note_gone" if draft is None else "edit_note_too_long"
        await bot.client.chat_postEphemeral(channel=channel, user=user, text=messages.text(key))
        return
    view = edit_view(draft, conversation_id=conversation_id, position=position, channel=channel)
    await bot.client.views_open(trigger_id=str(body.get("trigger_id", "")), view=view)


async def _post(bot: SlackBot, address: Address, draft: Draft, where: tuple[int, int, str]) -> None:
    channel = address.channel
    if not channel:
        opened = await bot.client.conversations_open(users=address.user)
        channel = str((opened.get("channel") or {}).get("id", ""))
    blocks = [block.to_dict() for block in checked_blocks(draft, where[0], where[1])]
    text = escape(messages.text("edit_note_checked", recipient=draft.to.name))
    await bot.client.chat_postMessage(channel=channel, text=text, blocks=blocks)
