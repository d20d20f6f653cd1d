"""The App Home tab: the user's open debrief and their recent notes, as the core summarises them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from slack_sdk.models.blocks import Block, ContextBlock, DividerBlock, HeaderBlock, MarkdownTextObject, SectionBlock
from slack_sdk.models.views import View

from adapters.slack.escape import escape, split_text
from bot import messages
from bot.summaries import HomeSummary, NoteSummary
from bot.vocabulary import NoteStatus

RECENT_NOTES = 20
_STATUS: dict[str, str] = {
    NoteStatus.DRAFTED: ":memo: " + messages.text("label_status_drafted"),
    NoteStatus.SENT: ":white_check_mark: " + messages.text("label_status_sent"),
    NoteStatus.REPLIED: ":tada: " + messages.text("label_status_replied"),
}


def home_view(summary: HomeSummary) -> dict[str, Any]:
    """The published view (validated by slack_sdk; at most 100 blocks)."""
    blocks: list[Block] = [HeaderBlock(text=messages.text("slack_home_title"))]
    blocks.extend(_active_blocks(summary))
    blocks.append(DividerBlock())
    blocks.extend(_note_blocks(summary.notes))
    return View(type="home", blocks=blocks).to_dict()


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
