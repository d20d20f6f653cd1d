"""Drafts as Slack posts: the exact text to copy in code blocks, the checks, and the note's buttons.

A code block shows `&`, `<`, `>` from their entities, so what a user copies is the composed note
unchanged (tests un-escape and compare). A note longer than one section is split between words.
"""

from __future__ import annotations

from slack_sdk.models.blocks import (
    ActionsBlock,
    Block,
    ButtonElement,
    ContextBlock,
    MarkdownTextObject,
    Option,
    SectionBlock,
    StaticSelectElement,
)

from adapters.slack import ids
from adapters.slack.escape import escape, split_text
from adapters.slack.message import Message, pack
from bot import messages
from bot.actions import DraftsReady
from bot.compose.delivery import mailto_link
from bot.drafts import Draft
from bot.vocabulary import DraftActionName

URL_LIMIT = 3000 - 40  # a section holds 3,000 characters: the link plus its label and emoji
_FENCE = "```"
_CODE_LIMIT = 3000 - 2 * len(_FENCE)
_TONES = (
    (DraftActionName.TONE_FORMAL, "slack_label_tone_formal"),
    (DraftActionName.TONE_WARM, "slack_label_tone_warm"),
    (DraftActionName.TONE_CONCISE, "slack_label_tone_concise"),
)
_LEVELS = {"error": ":red_circle:", "warning": ":warning:", "info": ":information_source:"}
_CHANNELS = {
    "email": "slack_label_channel_email",
    "linkedin": "slack_label_channel_linkedin",
    "card": "slack_label_channel_card",
}


def draft_messages(ready: DraftsReady) -> list[Message]:
    """One post per draft (more only if a note is too long for one), buttons on its last post."""
    total = len(ready.drafts.drafts)
    posts: list[Message] = []
    for position, draft in enumerate(ready.drafts.drafts):
        title = _title(draft, position, total)
        blocks = [_bold(title), *copy_blocks(draft), *_checks(draft)]
        if ready.conversation_id is not None:
            blocks.extend(_buttons(draft, ready.conversation_id, position))
        posts.extend(pack(blocks, title))
    return posts


def copy_blocks(draft: Draft) -> list[Block]:
    """Subject and body, each in blocks the user can copy exactly."""
    blocks: list[Block] = []
    if draft.subject:
        blocks.append(_label(messages.text("label_subject")))
        blocks.extend(code_blocks(draft.subject))
    blocks.append(_label(messages.text("slack_label_message")))
    blocks.extend(code_blocks(draft.body))
    return blocks


def code_blocks(text: str) -> list[Block]:
    """Preformatted sections; text that itself holds a fence is shown as plain (still exact) text."""
    if _FENCE in text:
        return [SectionBlock(text=MarkdownTextObject(text=escape(p), verbatim=True)) for p in split_text(text, 3000)]
    return [
        SectionBlock(text=MarkdownTextObject(text=f"{_FENCE}{escape(piece)}{_FENCE}", verbatim=True))
        for piece in split_text(text, _CODE_LIMIT)
    ]


def nudge_draft_blocks(draft: Draft) -> list[Block]:
    """A follow-up email attached to a reminder: the text to copy and an email link."""
    blocks = copy_blocks(draft)
    link = email_link(draft)
    if draft.channel == "email" and link is not None:
        blocks.append(link)
    return blocks


def email_link(draft: Draft) -> Block | None:
    """ "Open in email" as a `<mailto:…|label>` link in text, the form Slack documents for e-mail links (a
    button's `url` is documented only for web pages). None when the link would not fit one section."""
    link = mailto_link(draft)  # percent-encoded, so it holds no `|`, `<` or `>` that could end the token
    if len(link) > URL_LIMIT:
        return None
    label = messages.text("slack_label_open_in_email")
    return SectionBlock(text=MarkdownTextObject(text=messages.text("slack_email_link", link=link, label=label)))


def _buttons(draft: Draft, conversation_id: int, position: int) -> list[Block]:
    elements: list[ButtonElement | StaticSelectElement] = []
    notes: list[Block] = []
    if draft.channel == "email":
        link = email_link(draft)
        notes.append(link if link is not None else _context(messages.text("slack_note_too_long_for_link")))
    elements.append(
        StaticSelectElement(
            placeholder=messages.text("slack_label_change_tone"),
            action_id=ids.draft_id("tone", conversation_id, position),
            options=[Option(value=value, text=messages.text(label)) for value, label in _TONES],
        )
    )
    elements.append(edit_button(conversation_id, position))  # the wording of this note, in a modal
    elements.append(
        ButtonElement(
            text=messages.text("label_edit_answer"),
            action_id=ids.draft_id("edit", conversation_id, position),
            value=DraftActionName.EDIT,
        )
    )
    elements.append(
        ButtonElement(
            text=messages.text("label_mark_sent"),
            action_id=ids.draft_id("sent", conversation_id, position),
            value=DraftActionName.SENT,
            style="primary",
        )
    )
    return [*notes, ActionsBlock(elements=elements)]


def edit_button(conversation_id: int, position: int) -> ButtonElement:
    """ "Edit note": this note's wording in a modal (adapters/slack/edit_modal.py), proofread on submit."""
    return ButtonElement(
        text=messages.text("label_edit_note"), action_id=ids.note_edit_id(conversation_id, position), value="edit"
    )


def _title(draft: Draft, position: int, total: int) -> str:
    """ "Note 1 of 2: to Priya Natarajan (email)": the words from the catalogue, the punctuation here."""
    key = _CHANNELS.get(draft.channel)
    channel = messages.text(key) if key is not None else draft.channel
    note = messages.text("label_note_position", n=position + 1, total=total)
    return f"{note}: {messages.text('label_note_to', recipient=draft.to.name)} ({channel})"


def _checks(draft: Draft) -> list[Block]:
    if not draft.checks:
        return []
    lines = "\n".join(f"{_LEVELS.get(c.level, '•')} {c.message}" for c in draft.checks)
    return [_context(piece) for piece in split_text(lines, 3000)]


def _bold(text: str) -> Block:
    return SectionBlock(text=MarkdownTextObject(text=f"*{escape(split_text(text, 2990)[0])}*", verbatim=True))


def _label(text: str) -> Block:
    return ContextBlock(elements=[MarkdownTextObject(text=f"*{text}*")])


def _context(text: str) -> Block:
    return ContextBlock(elements=[MarkdownTextObject(text=escape(text), verbatim=True)])
