"""Queries behind the neutral read models in `bot.summaries`."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from bot.events import Address
from bot.storage.models import Note
from bot.storage.store import load_active
from bot.summaries import HomeSummary, NoteSummary


async def home_summary(session: AsyncSession, *, address: Address, recent: int) -> HomeSummary:
    """The user's open debrief and their `recent` newest notes, newest first."""
    platform, workspace, user = address.key
    active = await load_active(session, address=address)
    statement = (
        select(Note)
        .where(col(Note.platform) == platform, col(Note.workspace) == workspace, col(Note.user_id) == user)
        .order_by(col(Note.created_at).desc(), col(Note.id).desc())
        .limit(recent)
    )
    notes = tuple(
        NoteSummary(interviewer=n.interviewer, company=n.company, status=n.status, created_at=n.created_at)
        for n in (await session.execute(statement)).scalars()
    )
    company = active.answers.get("company") if active is not None else None
    open_company = company.strip() if isinstance(company, str) and company.strip() else None
    return HomeSummary(debrief_open=active is not None, open_company=open_company, notes=notes)
