"""Neutral actions → Discord messages (content, buttons, files). Pure: no discord.py objects, no I/O.

User-visible text from the engine may contain user answers, so every prose line goes through `escape`: it
always displays literally (no formatting, links, mentions, dates, commands or emoji) and pings nobody. A note
body is shown verbatim inside a code block, which Discord never parses, so what the user copies is the note
unchanged.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from adapters.discord import ids
from adapters.discord.markdown import escape
from adapters.discord.split import FENCE, Block, pack
from bot import messages
from bot.actions import Action, Ask, DraftsReady, End, Nudge, ReminderScheduled, Say
from bot.compose.delivery import to_eml
from bot.drafts import Draft
from bot.vocabulary import DraftActionName

Style = Literal["primary", "secondary", "success", "danger"]
MAX_LABEL = 80
PER_ROW = 5
_NAV_LABELS = {
    "skip": messages.text("label_nav_skip"),
    "back": messages.text("label_nav_back"),
    "cancel": messages.text("label_nav_cancel"),
    "help": messages.text("label_nav_help"),
}
_TONES = (
    (DraftActionName.TONE_FORMAL, messages.text("discord_label_more_formal")),
    (DraftActionName.TONE_WARM, messages.text("discord_label_warmer")),
    (DraftActionName.TONE_CONCISE, messages.text("discord_label_more_concise")),
)
_MARKS = {"error": "✖", "warning": "⚠", "info": "ℹ"}
DONE_TEXT = messages.text("goodbye")


@dataclass(frozen=True, slots=True)
class Button:
    custom_id: str
    label: str
    style: Style = "secondary"
    row: int = 0


@dataclass(frozen=True, slots=True)
class Attachment:
    filename: str
    data: bytes


@dataclass(frozen=True, slots=True)
class Outgoing:
    """One Discord message; `kind` says what it carries (for tests and logs, never sent)."""

    content: str
    buttons: tuple[Button, ...] = ()
    files: tuple[Attachment, ...] = ()
    kind: str = "text"


@dataclass
class _Builder:
    """Accumulates blocks; `flush` closes a message group, attaching buttons/files to its last message."""

    out: list[Outgoing] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)

    def text(self, text: str) -> None:
        if text:
            self.blocks.append(Block(text))

    def flush(self, buttons: Sequence[Button] = (), files: Sequence[Attachment] = (), kind: str = "text") -> None:
        contents = pack(self.blocks) or ([] if not (buttons or files) else ["\u200b"])
        self.blocks = []
        for n, content in enumerate(contents):
            last = n == len(contents) - 1
            self.out.append(Outgoing(content, tuple(buttons) if last else (), tuple(files) if last else (), kind))


def render(actions: Sequence[Action]) -> list[Outgoing]:
    """Consecutive short texts share one message; questions, drafts and nudges end a message."""
    builder = _Builder()
    for action in actions:
        if isinstance(action, Say):
            builder.text(escape(action.text))
        elif isinstance(action, Ask):
            _ask(builder, action)
        elif isinstance(action, DraftsReady):
            builder.flush()
            _drafts(builder, action)
        elif isinstance(action, ReminderScheduled):
            builder.text(_reminder_line(action))
        elif isinstance(action, Nudge):
            _nudge(builder, action)
        elif isinstance(action, End) and action.reason == "done":
            builder.text(DONE_TEXT)
    builder.flush()
    return builder.out


def _ask(builder: _Builder, ask: Ask) -> None:
    builder.text(escape(ask.text))
    buttons = _grid([(ids.choice_id(ask.field, c.value), c.label) for c in ask.choices], style="primary", rows=4)
    if buttons:
        builder.text(messages.text("discord_tap_hint"))
    nav = [(ids.nav_id(cmd, ask.field), _NAV_LABELS[cmd]) for cmd in ask.navigation if cmd in _NAV_LABELS]
    if "form" in ask.navigation:  # the first question offers the whole debrief as a form
        nav.append((ids.form_id(1), messages.text("label_fill_form")))
    buttons += _grid(nav, style="secondary", rows=1, first_row=buttons[-1].row + 1 if buttons else 0)
    builder.flush(buttons, kind="ask")


def _grid(items: Sequence[tuple[str | None, str]], *, style: Style, rows: int, first_row: int = 0) -> list[Button]:
    """Buttons laid out five to a row from `first_row`, dropping any whose custom_id would not fit."""
    usable = [(cid, label) for cid, label in items if cid is not None][: rows * PER_ROW]
    return [Button(cid, _label(label), style, first_row + n // PER_ROW) for n, (cid, label) in enumerate(usable)]


def _label(text: str) -> str:
    return text if len(text) <= MAX_LABEL else text[: MAX_LABEL - 1] + "…"


def _drafts(builder: _Builder, ready: DraftsReady) -> None:
    total = len(ready.drafts.drafts)
    for position, draft in enumerate(ready.drafts.drafts):
        _draft(builder, draft, position, total, ready.conversation_id)
    if ready.conversation_id is None:
        return
    more = [(ids.draft_id(ready.conversation_id, action), label) for action, label in _TONES]
    more.append((ids.draft_id(ready.conversation_id, DraftActionName.EDIT), messages.text("label_edit_answer")))
    builder.text(messages.text("discord_draft_actions"))
    builder.flush(_grid(more, style="secondary", rows=1), kind="draft-actions")


def _draft(builder: _Builder, draft: Draft, position: int, total: int, conversation_id: int | None) -> None:
    to = escape(draft.to.name) + (f" ({escape(draft.to.email)})" if draft.to.email else "")
    note = messages.text("label_note_position", n=position + 1, total=total)
    to_line = messages.text("label_note_to", recipient=to)
    words = messages.text("label_note_words", count=draft.words)
    builder.text(f"**{note}** · {to_line} · {draft.channel} · {words}")
    if draft.subject:
        builder.text(_subject(draft.subject))
    if FENCE in draft.body:
        builder.text(messages.text("discord_note_as_file"))
    else:
        builder.blocks.append(Block(draft.body, code=True))
    if draft.checks:
        checks = [f"{_MARKS.get(c.level, '•')} {escape(c.message)}" for c in draft.checks]
        builder.text(messages.text("before_you_send") + "\n" + "\n".join(checks))
    buttons: list[Button] = []
    if conversation_id is not None:
        sent = (ids.draft_id(conversation_id, DraftActionName.SENT, position), messages.text("label_mark_sent"))
        buttons = _grid([sent], style="success", rows=1)
        edit = (ids.note_edit_id(conversation_id, position), messages.text("label_edit_note"))  # a modal
        buttons += _grid([edit], style="secondary", rows=1)
    builder.flush(buttons, attachments(draft, position), kind="draft")


def _subject(subject: str) -> str:
    return f"**{messages.text('label_subject')}:** {escape(subject)}"


def attachments(draft: Draft, position: int) -> tuple[Attachment, ...]:
    """The note as plain text (exactly the body) and, for emails, as a ready-to-open .eml file."""
    stem = f"note-{position + 1}-{_slug(draft.to.name)}"
    files = [Attachment(f"{stem}.txt", draft.body.encode("utf-8"))]
    if draft.channel == "email":
        files.append(Attachment(f"{stem}.eml", to_eml(draft)))
    return tuple(files)


MAX_SLUG_CHARS = 40
MAX_SLUG_BYTES = 100  # file systems count bytes (255 per name); leaves room for "note-N-" and the extension


def _slug(name: str) -> str:
    """The person's name as a file-name part that is safe on every OS: letters, digits and the marks that
    belong to them in any script; everything else (`/ \\ : * ? " < > |`, controls, spaces, dots) becomes "-"."""
    kept = "".join(c if c.isalnum() or unicodedata.category(c).startswith("M") else "-" for c in _nfc(name))
    slug = re.sub(r"-+", "-", kept).strip("-")[:MAX_SLUG_CHARS]
    while len(slug.encode("utf-8")) > MAX_SLUG_BYTES:
        slug = slug[:-1]
    slug = slug.strip("-")
    return slug if slug and not unicodedata.category(slug[0]).startswith("M") else "note"


def _nfc(name: str) -> str:
    return unicodedata.normalize("NFC", name.casefold())


def _reminder_line(action: ReminderScheduled) -> str:
    # <t:…:F> shows the time in each reader's own time zone
    return messages.text(f"reminder_scheduled_{action.kind}", when=f"<t:{int(action.due_at.timestamp())}:F>")


def _nudge(builder: _Builder, nudge: Nudge) -> None:
    builder.text("⏰ " + escape(nudge.text))
    files: tuple[Attachment, ...] = ()
    if nudge.draft is not None:
        if nudge.draft.subject:
            builder.text(_subject(nudge.draft.subject))
        if FENCE in nudge.draft.body:
            builder.text(messages.text("discord_checkin_as_file"))
        else:
            builder.blocks.append(Block(nudge.draft.body, code=True))
        files = attachments(nudge.draft, 0)
    options = [(ids.reminder_id(nudge.reminder_id, c.value), c.label) for c in nudge.options]
    builder.flush(_grid(options, style="secondary", rows=5), files, kind="nudge")
