"""slack_sdk's async installation and OAuth state stores, on our own database (migration 0007).

slack_sdk ships SQLAlchemy stores, but they are synchronous and create their own tables; these keep
installations in the core's vault (`bot.installations`): one row per workspace (or org), the latest install
wins, and every token (bot, refresh, user) is inside one Fernet-encrypted text, never in a plain column.
"""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime, timedelta
from typing import Any

from slack_sdk.oauth.installation_store.async_installation_store import AsyncInstallationStore
from slack_sdk.oauth.installation_store.models.bot import Bot
from slack_sdk.oauth.installation_store.models.installation import Installation
from slack_sdk.oauth.state_store.async_state_store import AsyncOAuthStateStore

from bot.installations import InstallationVault, StateLedger

log = logging.getLogger(__name__)
STATE_LIFETIME = timedelta(minutes=10)  # the install page to Slack's redirect: a person clicking through


class DatabaseInstallationStore(AsyncInstallationStore):
    """Installations keyed by (enterprise, team), kept encrypted in `vault`."""

    def __init__(self, vault: InstallationVault) -> None:
        self._vault = vault

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
        stored = await self._vault.get(enterprise_id, None if is_enterprise_install else team_id)
        if stored is None or (user_id is not None and stored.installer != user_id):
            return None
        return Installation(**json.loads(stored.data))

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
        await self._vault.delete(enterprise_id, team_id)

    async def _put(self, installation: Installation) -> None:
        expires = installation.bot_token_expires_at
        await self._vault.put(
            installation.enterprise_id,
            None if installation.is_enterprise_install else installation.team_id,
            enterprise_install=installation.is_enterprise_install,
            installer=installation.user_id or "",
            data=json.dumps(_fields(installation)),
            expires_at=datetime.fromtimestamp(expires, UTC) if expires is not None else None,
        )


_BOT_FIELDS = frozenset(
    {"app_id", "enterprise_id", "enterprise_name", "team_id", "team_name", "bot_token", "bot_id", "bot_user_id",
     "bot_scopes", "bot_refresh_token", "bot_token_expires_at", "is_enterprise_install"}
)  # fmt: skip


def _fields(installation: Installation) -> dict[str, Any]:
    """The constructor arguments that rebuild `installation` (plain JSON values: numbers, strings, lists)."""
    return dict(vars(installation))


class DatabaseStateStore(AsyncOAuthStateStore):
    """OAuth states from the core's ledger: random, single use, valid for ten minutes."""

    def __init__(self, ledger: StateLedger) -> None:
        self._ledger = ledger

    @property
    def logger(self) -> logging.Logger:
        return log

    async def async_issue(self, *args: Any, **kwargs: Any) -> str:
        return await self._ledger.issue()

    async def async_consume(self, state: str) -> bool:
        return await self._ledger.consume(state)
