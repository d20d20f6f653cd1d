"""A delivered note, edited by hand in a chat modal: the text to start from, and the check of what was typed.

Adapters reach this only through `Core.note_for_edit` and `Core.check_note_edit`. The edited text is checked
against the answers the note was composed from (`bot/compose/edited.py`, the same checks as
`thankyou-bot check`), and stored as the note's new text, so the next "Edit note" starts from it. Changing
the tone writes fresh notes from the answers, as it always did.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from bot.answers import Answers
from bot.compose.edited import check_edited, split_subject
from bot.drafts import Check, Draft, Recipient
from bot.events import Address
from bot.storage.models import Conversation, Note
from bot.storage.store import answers_of

#: The most text a modal sends back (Discord's text input holds 4,000 characters, Slack's 3,000).
MAX_EDIT_CHARS = 4000


@dataclass(frozen=True)
class _Found:
    note: Note
    answers: Answers


async def _find(session: AsyncSession, address: Address, conversation_id: int, position: int) -> _Found | None:
    """The user's own note and its answers; None when it is gone or belongs to someone else."""
    statement = select(Note).where(col(Note.conversation_id) == conversation_id, col(Note.position) == position)
    note = (await session.execute(statement)).scalars().first()
    if note is None or (note.platform, note.workspace, note.user_id) != address.key:
        return None
    row = await session.get(Conversation, conversation_id)
    answers = answers_of(row) if row is not None else None
    if answers is None or not 0 <= position < len(answers.interviewers):
        return None
    return _Found(note, answers)


def as_text(subject: str | None, body: str) -> str:
    """The note as one editable text, in the form `thankyou-bot draft` prints it."""
    return f"Subject: {subject}\n\n{body}" if subject else body


def _draft(note: Note, answers: Answers, subject: str | None, body: str, checks: list[Check]) -> Draft:
    person = answers.interviewers[note.position]
    to = Recipient(name=note.interviewer, email=person.email)
    return Draft(to=to, channel=answers.channel, subject=subject, body=body, words=len(body.split()), checks=checks)


async def note_for_edit(
    session: AsyncSession, *, address: Address, conversation_id: int, position: int
) -> Draft | None:
    """The note as it stands (the last edit, if any), without checks; None when it can't be edited."""
    found = await _find(session, address, conversation_id, position)
    if found is None:
        return None
    return _draft(found.note, found.answers, found.note.subject, found.note.body, [])


async def _other_companies(session: AsyncSession, note: Note) -> list[str]:
    statement = select(col(Note.company)).where(
        col(Note.platform) == note.platform,
        col(Note.workspace) == note.workspace,
        col(Note.user_id) == note.user_id,
        col(Note.conversation_id) != note.conversation_id,
    )
    return sorted({company for company in (await session.execute(statement)).scalars() if company})


async def check_note_edit(
    session: AsyncSession, *, address: Address, conversation_id: int, position: int, text: str, now: datetime
) -> Draft | None:
    """Check the edited text and keep it as the note's text; None when the note can't be edited (gone, not
    this user's). Empty text is checked but not stored, so the note is never lost."""
    found = await _find(session, address, conversation_id, position)
    if found is None:
        return None
    text = text[:MAX_EDIT_CHARS]
    others = await _other_companies(session, found.note)
    checks = check_edited(found.answers, position, text, other_companies=others)
    edited = split_subject(text)
    subject = edited.subject or found.note.subject  # a removed "Subject:" line keeps the subject
    if edited.body:
        found.note.body, found.note.subject, found.note.updated_at = edited.body, subject, now
    return _draft(found.note, found.answers, subject, edited.body, checks)
