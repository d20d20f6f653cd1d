"""Career-channel posts on Discord: the post with its persistent Start button, finding it again, DMing the
admin, and checking that the bot can see the channel an admin picked.

The post carries only the community's wording and anonymous counts. Its Start button (`ty:cs:<post id>`)
opens the clicker's own DM debrief; the click is answered ephemerally, so the channel never learns who.
"""

from __future__ import annotations

import logging
import re
from datetime import datetime
from typing import Any, Protocol, cast

import discord

from adapters.discord.markdown import escape
from adapters.discord.sender import NO_MENTIONS
from bot.community.ports import ChannelMessage, ChannelRef, ChannelUnavailable
from bot.errors import DeliveryError

log = logging.getLogger(__name__)
START_TEMPLATE = r"ty:cs:(?P<post>\d+)"
#: Discord's codes for "you can't post there": Unknown Channel, Missing Access, Missing Permissions
NO_ACCESS_CODES = frozenset({10003, 50001, 50013})
HISTORY_LIMIT = 100  # recent messages looked through for a post whose outcome was lost


class StartHandler(Protocol):
    async def on_channel_start(self, interaction: discord.Interaction[Any]) -> None: ...


class ChannelStartButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=START_TEMPLATE):
    """The Start button under a channel post; rebuilt from its custom_id, so it works after restarts."""

    def __init__(self, post: int, label: str = "") -> None:
        button: discord.ui.Button[Any] = discord.ui.Button(
            custom_id=f"ty:cs:{post}", label=label or None, style=discord.ButtonStyle.primary
        )
        super().__init__(button)
        self.post = post

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> Any:
        return cls(int(match["post"]))

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        await cast(StartHandler, interaction.client).on_channel_start(interaction)


def start_view(message: ChannelMessage) -> discord.ui.View:
    view = discord.ui.View(timeout=None)
    view.add_item(ChannelStartButton(message.post_id or 0, message.button))
    return view


def _unavailable(error: discord.HTTPException) -> bool:
    return error.code in NO_ACCESS_CODES or isinstance(error, discord.Forbidden | discord.NotFound)


class DiscordChannelPoster:
    """`bot.community.ports.ChannelPoster` over Discord's REST API (no gateway cache needed)."""

    def __init__(self, client: discord.Client) -> None:
        self.client = client

    async def post(self, workspace: str, channel: str, message: ChannelMessage) -> str:
        target = self.client.get_partial_messageable(int(channel))
        try:
            sent = await target.send(escape(message.text), view=start_view(message), allowed_mentions=NO_MENTIONS)
        except discord.HTTPException as error:
            log.warning("discord channel post failed", extra={"platform": "discord", "error": error.code})
            if _unavailable(error):
                raise ChannelUnavailable(f"discord_{error.code or error.status}") from None
            raise DeliveryError(
                f"discord_{error.status}", permanent=400 <= error.status < 500 and error.status != 429
            ) from None
        return str(sent.id)

    async def find_post(self, workspace: str, channel: str, post_id: int, since: datetime) -> str | None:
        wanted = f"ty:cs:{post_id}"
        target = self.client.get_partial_messageable(int(channel))
        try:
            async for message in target.history(limit=HISTORY_LIMIT):
                for row in message.components:
                    for item in getattr(row, "children", []):
                        if getattr(item, "custom_id", None) == wanted:
                            return str(message.id)
        except discord.HTTPException as error:
            raise DeliveryError(f"discord_{error.status}", permanent=False) from None
        return None

    async def tell_admin(self, workspace: str, user: str, text: str) -> None:
        try:
            data = await self.client.http.start_private_message(int(user))
            dm = self.client.get_partial_messageable(int(data["id"]))
            await dm.send(escape(text), allowed_mentions=NO_MENTIONS)
        except discord.HTTPException as error:
            raise DeliveryError(f"discord_{error.status}", permanent=True) from None


class DiscordDirectory:
    """`bot.community.ports.ChannelDirectory`: the channel picked in the command (its id), if the bot can see it
    and it belongs to this server."""

    def __init__(self, client: discord.Client) -> None:
        self.client = client

    async def find_channel(self, workspace: str, typed: str) -> ChannelRef | None:
        digits = typed.strip().removeprefix("<#").removesuffix(">")
        if not digits.isdigit():
            return None
        try:
            channel = await self.client.fetch_channel(int(digits))
        except discord.HTTPException:
            return None
        guild = getattr(channel, "guild", None)
        name = getattr(channel, "name", None)
        if guild is None or str(guild.id) != workspace or not isinstance(name, str):
            return None
        return ChannelRef(str(channel.id), name)
