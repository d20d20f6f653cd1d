"""Stored platform installations (one deployment, many Slack workspaces), for adapters that cannot touch storage.

The vault keeps each installation as opaque text, encrypted with ENCRYPTION_KEY; the ledger hands out
single-use OAuth states; `forget_workspace` deletes a workspace's installation-independent data after an
uninstall. What the text means (slack_sdk's installation fields) is the adapter's business.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlmodel import col

from bot.config import Settings
from bot.storage.crypto import Cipher, cipher_from
from bot.storage.models import SlackInstallation, SlackOAuthState
from bot.storage.workspace_purge import purge_workspace
from bot.time.clock import Clock

Sessions = async_sessionmaker[AsyncSession]


@dataclass(frozen=True, slots=True)
class Stored:
    """One installation as the adapter saved it: who installed it and its fields (decrypted)."""

    installer: str
    data: str


class InstallationVault:
    """Installations keyed by (enterprise, team); `data` never reaches the database unencrypted."""

    def __init__(self, sessions: Sessions, cipher: Cipher, clock: Clock) -> None:
        self._sessions = sessions
        self._cipher = cipher
        self._clock = clock

    async def get(self, enterprise: str | None, team: str | None) -> Stored | None:
        async with self._sessions() as session:
            row = await _row(session, enterprise, team)
        return None if row is None else Stored(row.installer, self._cipher.decrypt(row.secrets))

    async def put(
        self, enterprise: str | None, team: str | None, *, enterprise_install: bool, installer: str, data: str,
        expires_at: datetime | None,
    ) -> None:  # fmt: skip
        now = self._clock.now()
        async with self._sessions() as session, session.begin():
            row = await _row(session, enterprise, team)
            if row is None:
                row = SlackInstallation(
                    enterprise_id=enterprise or "", team_id=team or "", installer="", secrets="",
                    installed_at=now, updated_at=now,
                )  # fmt: skip
                session.add(row)
            row.is_enterprise_install = enterprise_install
            row.installer = installer
            row.secrets = self._cipher.encrypt(data)
            row.bot_token_expires_at = expires_at
            row.updated_at = now

    async def delete(self, enterprise: str | None, team: str | None) -> None:
        async with self._sessions() as session, session.begin():
            await session.execute(
                delete(SlackInstallation).where(
                    col(SlackInstallation.enterprise_id) == (enterprise or ""),
                    col(SlackInstallation.team_id) == (team or ""),
                )
            )


async def _row(session: AsyncSession, enterprise: str | None, team: str | None) -> SlackInstallation | None:
    statement = select(SlackInstallation).where(
        col(SlackInstallation.enterprise_id) == (enterprise or ""), col(SlackInstallation.team_id) == (team or "")
    )
    return (await session.execute(statement)).scalars().first()


class StateLedger:
    """OAuth states: random, single use, valid for `lifetime` on the injected clock."""

    def __init__(self, sessions: Sessions, clock: Clock, lifetime: timedelta) -> None:
        self._sessions = sessions
        self._clock = clock
        self._lifetime = lifetime

    async def issue(self) -> str:
        state = secrets.token_urlsafe(32)
        now = self._clock.now()
        async with self._sessions() as session, session.begin():
            await session.execute(delete(SlackOAuthState).where(col(SlackOAuthState.expires_at) < now))
            session.add(SlackOAuthState(state=state, expires_at=now + self._lifetime))
        return state

    async def consume(self, state: str) -> bool:
        """True once for a state we issued that has not expired; deleting it makes a replay fail."""
        async with self._sessions() as session, session.begin():
            result = await session.execute(
                delete(SlackOAuthState).where(
                    col(SlackOAuthState.state) == state[:64], col(SlackOAuthState.expires_at) > self._clock.now()
                )
            )
            return int(result.rowcount) == 1  # type: ignore[attr-defined]


def vault(settings: Settings, sessions: Sessions, clock: Clock) -> InstallationVault:
    """The vault for ENCRYPTION_KEY; `ConfigError` naming the variable when it is missing or malformed."""
    return InstallationVault(sessions, cipher_from(settings), clock)


async def forget_workspace(sessions: Sessions, *, platform: str, workspace: str) -> int:
    """Delete every row of `workspace` (debriefs, notes, reminders, prefs, community); rows deleted."""
    async with sessions() as session, session.begin():
        return sum((await purge_workspace(session, platform=platform, workspace=workspace)).values())
