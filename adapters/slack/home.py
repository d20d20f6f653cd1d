"""The App Home tab and the one-message welcome: first contact.

The tab shows the member's open debrief and recent notes (as the core summarises them), a "Start a debrief"
button and "Fill in a form instead", a sample note the real composer wrote from a fixed sample debrief, what
reminders do and how to stop them, and the privacy commands. The welcome (the first time a member opens the
bot's DM) says the same in one message."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from slack_sdk.models.blocks import (
    ActionsBlock,
    Block,
    ButtonElement,
    ContextBlock,
    DividerBlock,
    HeaderBlock,
    MarkdownTextObject,
    SectionBlock,
)
from slack_sdk.models.views import View

from adapters.slack import ids
from adapters.slack.escape import escape, split_text
from adapters.slack.message import sections
from bot import messages
from bot.drafts import Draft
from bot.summaries import HomeSummary, NoteSummary
from bot.vocabulary import NoteStatus

RECENT_NOTES = 20
_STATUS: dict[str, str] = {
    NoteStatus.DRAFTED: ":memo: " + messages.text("label_status_drafted"),
    NoteStatus.SENT: ":white_check_mark: " + messages.text("label_status_sent"),
    NoteStatus.REPLIED: ":tada: " + messages.text("label_status_replied"),
}


SAMPLE_LIMIT = 2900  # a section holds 3,000 characters


def home_view(summary: HomeSummary, sample: Draft | None = None) -> dict[str, Any]:
    """The published view (validated by slack_sdk; at most 100 blocks: 14 fixed, 20 notes)."""
    blocks: list[Block] = [HeaderBlock(text=messages.text("slack_home_title"))]
    blocks.extend(_active_blocks(summary))
    blocks.append(start_buttons())
    blocks.append(DividerBlock())
    blocks.extend(_note_blocks(summary.notes))
    blocks.append(DividerBlock())
    blocks.extend(first_contact_blocks(sample))
    return View(type="home", blocks=blocks[:100]).to_dict()


def start_buttons() -> ActionsBlock:
    """ "Start a debrief" (a start choice, decoded like the DM's own start button) and "Fill in a form instead"."""
    start = ButtonElement(
        text=messages.text("label_start_debrief"), action_id=ids.choice_id("start", 0), value="start", style="primary"
    )
    form = ButtonElement(text=messages.text("label_fill_form"), action_id=ids.FORM_OPEN, value="form")
    return ActionsBlock(elements=[start, form])


def first_contact_blocks(sample: Draft | None) -> list[Block]:
    """What the bot does, a sample note, reminders and how to stop them, the privacy commands."""
    blocks: list[Block] = sections(messages.text("first_contact_what"))
    if sample is not None:
        blocks.append(_context(messages.text("first_contact_sample")))
        body = split_text(sample.body, SAMPLE_LIMIT)[0]
        blocks.append(_section(f"```{escape(body)}```"))
    blocks.extend(sections(messages.text("first_contact_reminders")))
    blocks.extend(sections(messages.text("first_contact_privacy")))
    return blocks


def welcome_blocks() -> list[Block]:
    """The one-message welcome for a member's first visit to the DM."""
    return [*sections(messages.text("first_contact_welcome")), start_buttons()]


def _active_blocks(summary: HomeSummary) -> list[Block]:
    if not summary.debrief_open:
        return [_section(messages.text("slack_home_idle"))]
    if summary.open_company is None:
        return [_section(messages.text("slack_home_in_progress"))]
    return [_section(messages.text("slack_home_in_progress_with", company=escape(_short(summary.open_company))))]


def _note_blocks(notes: Sequence[NoteSummary]) -> list[Block]:
    if not notes:
        return [_context(messages.text("slack_home_no_notes"))]
    blocks: list[Block] = []
    for note in notes:
        when = note.created_at.strftime("%d %b %Y")
        status = _STATUS.get(note.status, escape(note.status))
        at = messages.text("at_company", company=escape(_short(note.company)))
        line = f"*{escape(_short(note.interviewer))}* {at} · {status} · {when}"
        blocks.append(_section(line))
    return blocks


def _short(text: str) -> str:
    """Names and companies are user text of any length; keep the first 200 characters, cut between words."""
    return split_text(text, 200)[0] if text else ""


def _section(mrkdwn: str) -> Block:
    return SectionBlock(text=MarkdownTextObject(text=mrkdwn, verbatim=True))


def _context(mrkdwn: str) -> Block:
    return ContextBlock(elements=[MarkdownTextObject(text=mrkdwn)])
