"""slack_sdk's async installation and OAuth state stores, on our own database (migration 0007).

slack_sdk ships SQLAlchemy stores, but they are synchronous and create their own tables; these run on the
core's async sessions and our migrations. One row per workspace (or org): the latest install wins. Every
token (bot, refresh, user) is inside one Fernet-encrypted JSON column, never in a plain one.
"""

from __future__ import annotations

import json
import logging
import secrets
from datetime import UTC, datetime, timedelta
from typing import Any

from slack_sdk.oauth.installation_store.async_installation_store import AsyncInstallationStore
from slack_sdk.oauth.installation_store.models.bot import Bot
from slack_sdk.oauth.installation_store.models.installation import Installation
from slack_sdk.oauth.state_store.async_state_store import AsyncOAuthStateStore
from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlmodel import col

from bot.storage.crypto import Cipher
from bot.storage.models import SlackInstallation, SlackOAuthState
from bot.time.clock import Clock

log = logging.getLogger(__name__)
STATE_LIFETIME = timedelta(minutes=10)  # the install page to Slack's redirect: a person clicking through


class DatabaseInstallationStore(AsyncInstallationStore):
    """Installations keyed by (enterprise, team); tokens encrypted with `cipher`."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession], cipher: Cipher, clock: Clock) -> None:
        self._sessions = sessions
        self._cipher = cipher
        self._clock = clock

    @property
    def logger(self) -> logging.Logger:
        return log

    async def async_save(self, installation: Installation) -> None:
        await self._put(installation)

    async def async_save_bot(self, bot: Bot) -> None:
        """A rotated bot token: keep the installation's other fields, replace the bot's."""
        stored = await self.async_find_installation(enterprise_id=bot.enterprise_id, team_id=bot.team_id)
        fields = _fields(stored) if stored is not None else {"user_id": ""}
        fields.update({k: v for k, v in vars(bot).items() if k in _BOT_FIELDS})
        await self._put(Installation(**fields))

    async def async_find_bot(
        self, *, enterprise_id: str | None, team_id: str | None, is_enterprise_install: bool | None = False
    ) -> Bot | None:
        found = await self.async_find_installation(
            enterprise_id=enterprise_id, team_id=team_id, is_enterprise_install=is_enterprise_install
        )
        return found.to_bot() if found is not None and found.bot_token else None

    async def async_find_installation(
        self,
        *,
        enterprise_id: str | None,
        team_id: str | None,
        user_id: str | None = None,
        is_enterprise_install: bool | None = False,
    ) -> Installation | None:
        """The workspace's installation; with `user_id`, only when that person installed it (their token)."""
        async with self._sessions() as session:
            row = await _row(session, enterprise_id, None if is_enterprise_install else team_id)
        if row is None or (user_id is not None and row.installer != user_id):
            return None
        return Installation(**json.loads(self._cipher.decrypt(row.secrets)))

    async def async_delete_bot(self, *, enterprise_id: str | None, team_id: str | None) -> None:
        await self.async_delete_all(enterprise_id=enterprise_id, team_id=team_id)

    async def async_delete_installation(
        self, *, enterprise_id: str | None, team_id: str | None, user_id: str | None = None
    ) -> None:
        """Without `user_id`: the whole installation. With it: only that person's user token, if any."""
        if user_id is None:
            await self.async_delete_all(enterprise_id=enterprise_id, team_id=team_id)
            return
        stored = await self.async_find_installation(enterprise_id=enterprise_id, team_id=team_id, user_id=user_id)
        if stored is not None and stored.user_token:
            fields = _fields(stored)
            fields.update(user_token=None, user_refresh_token=None, user_token_expires_at=None, user_scopes="")
            await self._put(Installation(**fields))

    async def async_delete_all(self, *, enterprise_id: str | None, team_id: str | None) -> None:
        async with self._sessions() as session, session.begin():
            await session.execute(
                delete(SlackInstallation).where(
                    col(SlackInstallation.enterprise_id) == (enterprise_id or ""),
                    col(SlackInstallation.team_id) == (team_id or ""),
                )
            )

    async def _put(self, installation: Installation) -> None:
        now = self._clock.now()
        team = "" if installation.is_enterprise_install else installation.team_id or ""
        expires = installation.bot_token_expires_at
        async with self._sessions() as session, session.begin():
            row = await _row(session, installation.enterprise_id, team)
            if row is None:
                row = SlackInstallation(
                    enterprise_id=installation.enterprise_id or "",
                    team_id=team,
                    installer="",
                    secrets="",
                    installed_at=now,
                    updated_at=now,
                )
                session.add(row)
            row.is_enterprise_install = installation.is_enterprise_install
            row.installer = installation.user_id or ""
            row.secrets = self._cipher.encrypt(json.dumps(_fields(installation)))
            row.bot_token_expires_at = datetime.fromtimestamp(expires, UTC) if expires is not None else None
            row.updated_at = now


_BOT_FIELDS = frozenset(
    {"app_id", "enterprise_id", "enterprise_name", "team_id", "team_name", "bot_token", "bot_id", "bot_user_id",
     "bot_scopes", "bot_refresh_token", "bot_token_expires_at", "is_enterprise_install"}
)  # fmt: skip


def _fields(installation: Installation) -> dict[str, Any]:
    """The constructor arguments that rebuild `installation` (plain JSON values: numbers, strings, lists)."""
    return dict(vars(installation))


async def _row(session: AsyncSession, enterprise_id: str | None, team_id: str | None) -> SlackInstallation | None:
    statement = select(SlackInstallation).where(
        col(SlackInstallation.enterprise_id) == (enterprise_id or ""),
        col(SlackInstallation.team_id) == (team_id or ""),
    )
    return (await session.execute(statement)).scalars().first()


class DatabaseStateStore(AsyncOAuthStateStore):
    """OAuth states: random, single use, valid for `STATE_LIFETIME` on the injected clock."""

    def __init__(
        self, sessions: async_sessionmaker[AsyncSession], clock: Clock, lifetime: timedelta = STATE_LIFETIME
    ) -> None:
        self._sessions = sessions
        self._clock = clock
        self._lifetime = lifetime

    @property
    def logger(self) -> logging.Logger:
        return log

    async def async_issue(self, *args: Any, **kwargs: Any) -> str:
        state = secrets.token_urlsafe(32)
        now = self._clock.now()
        async with self._sessions() as session, session.begin():
            await session.execute(delete(SlackOAuthState).where(col(SlackOAuthState.expires_at) < now))
            session.add(SlackOAuthState(state=state, expires_at=now + self._lifetime))
        return state

    async def async_consume(self, state: str) -> bool:
        """True once for a state we issued that has not expired; deleting it makes a replay fail."""
        async with self._sessions() as session, session.begin():
            result = await session.execute(
                delete(SlackOAuthState).where(
                    col(SlackOAuthState.state) == state[:64], col(SlackOAuthState.expires_at) > self._clock.now()
                )
            )
            return int(result.rowcount) == 1  # type: ignore[attr-defined]
