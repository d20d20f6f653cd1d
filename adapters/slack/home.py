"""The App Home tab: the user's open debrief and their recent notes, read from the database."""

from __future__ import annotations

from typing import Any

from slack_sdk.models.blocks import Block, ContextBlock, DividerBlock, HeaderBlock, MarkdownTextObject, SectionBlock
from slack_sdk.models.views import View
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlmodel import col

from adapters.slack.escape import escape, split_text
from adapters.slack.translate import PLATFORM
from bot.storage.models import Conversation, Note

RECENT_NOTES = 20
_STATUS = {"drafted": ":memo: drafted", "sent": ":white_check_mark: sent", "replied": ":tada: replied"}


async def home_view(sessions: async_sessionmaker[AsyncSession], *, workspace: str, user: str) -> dict[str, Any]:
    """The published view (validated by slack_sdk; at most 100 blocks)."""
    async with sessions() as session:
        active = await _active(session, workspace, user)
        notes = await _recent_notes(session, workspace, user)
    blocks: list[Block] = [HeaderBlock(text="Your thank-you notes")]
    blocks.extend(_active_blocks(active))
    blocks.append(DividerBlock())
    blocks.extend(_note_blocks(notes))
    return View(type="home", blocks=blocks).to_dict()


async def _active(session: AsyncSession, workspace: str, user: str) -> Conversation | None:
    statement = select(Conversation).where(
        col(Conversation.platform) == PLATFORM,
        col(Conversation.workspace) == workspace,
        col(Conversation.user_id) == user,
        col(Conversation.status) == "active",
    )
    return (await session.execute(statement)).scalars().first()


async def _recent_notes(session: AsyncSession, workspace: str, user: str) -> list[Note]:
    statement = (
        select(Note)
        .where(col(Note.platform) == PLATFORM, col(Note.workspace) == workspace, col(Note.user_id) == user)
        .order_by(col(Note.created_at).desc(), col(Note.id).desc())
        .limit(RECENT_NOTES)
    )
    return list((await session.execute(statement)).scalars())


def _active_blocks(active: Conversation | None) -> list[Block]:
    if active is None:
        text = "No debrief in progress. Type `/thankyou` after your next interview and I'll help you write the notes."
        return [_section(text)]
    company = str(active.answers.get("company") or "").strip()
    about = f" with *{escape(_short(company))}*" if company else ""
    text = f":speech_balloon: You have a debrief in progress{about}. Type `/thankyou` to pick up where you left off."
    return [_section(text)]


def _note_blocks(notes: list[Note]) -> list[Block]:
    if not notes:
        return [_context("Your notes will show up here once you've written some.")]
    blocks: list[Block] = []
    for note in notes:
        when = note.created_at.strftime("%d %b %Y")
        status = _STATUS.get(note.status, escape(note.status))
        line = f"*{escape(_short(note.interviewer))}* at {escape(_short(note.company))} · {status} · {when}"
        blocks.append(_section(line))
    return blocks


def _short(text: str) -> str:
    """Names and companies are user text of any length; keep the first 200 characters, cut between words."""
    return split_text(text, 200)[0] if text else ""


def _section(mrkdwn: str) -> Block:
    return SectionBlock(text=MarkdownTextObject(text=mrkdwn, verbatim=True))


def _context(mrkdwn: str) -> Block:
    return ContextBlock(elements=[MarkdownTextObject(text=mrkdwn)])
