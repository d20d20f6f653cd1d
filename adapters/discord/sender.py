"""DiscordSender: delivers neutral actions to a user's DM channel over REST (also used by the scheduler).

Platform errors are mapped here into `DeliveryError`: a closed DM (403, code 50007) is permanent, so callers
never retry it; Discord counts repeated 401/403/429 answers toward a temporary IP ban. A 429 becomes
`RateLimited`, a hold the scheduler waits out for `retry_after` seconds; our clients tell discord.py to raise
instead of sleeping when Discord asks for a wait longer than `MAX_RATELIMIT_WAIT`.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime
from typing import Any

import aiohttp
import discord

from adapters.discord.metered import meter
from adapters.discord.render import Button, Outgoing, render
from bot import messages
from bot.actions import Action, Nudge
from bot.errors import ConfigError, DeliveryError, DeliveryInDoubt
from bot.events import Address

log = logging.getLogger(__name__)
DmClosed = Callable[[Address], Awaitable[None]]
CANNOT_DM = 50007
TOO_MANY_REQUESTS = 429
MAX_RATELIMIT_WAIT = 30.0
"""discord.py's smallest `max_ratelimit_timeout`: it sleeps through shorter 429s and raises for longer ones."""
UNKNOWN_WAIT = 60.0
"""How long to hold when a 429 says nothing about when to come back (a Cloudflare answer, for instance)."""
LOOKBACK = 50
NO_MENTIONS = discord.AllowedMentions.none()
TOKEN_REFUSED = messages.text("discord_token_refused")
_STYLES = {
    "primary": discord.ButtonStyle.primary,
    "secondary": discord.ButtonStyle.secondary,
    "success": discord.ButtonStyle.success,
    "danger": discord.ButtonStyle.danger,
}


def to_view(buttons: Sequence[Button]) -> discord.ui.View | None:
    """Plain buttons whose custom_ids the registered DynamicItems recognise after any restart.

    The view is stopped before sending so discord.py does not keep it in memory: clicks are routed by
    custom_id pattern, not by this object.
    """
    if not buttons:
        return None
    view = discord.ui.View(timeout=None)
    for b in buttons:
        view.add_item(discord.ui.Button(label=b.label, custom_id=b.custom_id, style=_STYLES[b.style], row=b.row))
    view.stop()
    return view


def message_kwargs(out: Outgoing) -> dict[str, Any]:
    kwargs: dict[str, Any] = {"content": out.content, "allowed_mentions": NO_MENTIONS}
    view = to_view(out.buttons)
    if view is not None:
        kwargs["view"] = view
    if out.files:
        kwargs["files"] = [discord.File(io.BytesIO(f.data), filename=f.filename) for f in out.files]
    return kwargs


class RateLimited(DeliveryError):
    """Discord said 429; `retry_after` (seconds) tells the scheduler when to try again (read with getattr)."""

    def __init__(self, retry_after: float) -> None:
        super().__init__("discord_ratelimited", permanent=False)
        self.retry_after = retry_after


class DiscordSender:
    """Implements `bot.ports.Sender`; `address.channel` is the user's DM channel id."""

    def __init__(self, client: discord.Client, *, on_dm_closed: DmClosed | None = None) -> None:
        self.client = client
        self.on_dm_closed = on_dm_closed

    async def send(self, address: Address, actions: Sequence[Action]) -> list[str]:
        """Post each rendered message. A reminder's posts carry a nonce derived from its id, sent with
        `enforce_nonce` (discord.py adds it with any nonce): Discord then answers a repeat within minutes with
        the message it already has instead of posting again, so a scheduler retry is idempotent too."""
        channel = self.client.get_partial_messageable(int(address.channel), type=discord.ChannelType.private)
        reminder = next((a.reminder_id for a in actions if isinstance(a, Nudge)), None)
        sent: list[str] = []
        for part, out in enumerate(render(actions)):
            kwargs = message_kwargs(out)
            if reminder is not None:
                kwargs["nonce"] = reminder_nonce(reminder, part)
            try:
                message = await channel.send(**kwargs)
            except discord.RateLimited as error:  # raised instead of sleeping longer than MAX_RATELIMIT_WAIT
                log.warning("discord rate limit", extra={"retry_after": error.retry_after})
                raise RateLimited(max(error.retry_after, 1.0)) from None
            except discord.HTTPException as error:
                failure = delivery_error(error)
                if failure.reason == "dm_closed" and self.on_dm_closed is not None:
                    await self.on_dm_closed(address)  # remembered, so nobody retries it in a loop
                raise failure from None
            except aiohttp.ClientConnectorError:  # no connection was made: nothing reached Discord
                log.warning("discord unreachable", extra={"platform": "discord"})
                raise DeliveryError("discord_unreachable", permanent=False) from None
            except (TimeoutError, aiohttp.ClientError, OSError) as error:  # sent, but no answer came back
                log.warning("discord gave no answer", extra={"platform": "discord", "error": type(error).__name__})
                raise DeliveryInDoubt("discord_no_answer") from None
            sent.append(str(message.id))
        return sent

    async def delivered(self, address: Address, reminder_id: int, since: datetime) -> str | None:
        """The id of a nudge for `reminder_id` we posted since `since`, if any (scheduler reconciliation).

        A worker that died between posting and recording leaves the reminder in doubt; its buttons carry the
        reminder id, so the DM history answers whether it went out, and it is never sent twice.
        """
        me = self.client.user
        channel = self.client.get_partial_messageable(int(address.channel), type=discord.ChannelType.private)
        prefix = f"ty:r:{reminder_id}:"
        async for message in channel.history(after=since, limit=LOOKBACK, oldest_first=True):
            if me is not None and message.author.id != me.id:
                continue
            if any(str(getattr(item, "custom_id", "")).startswith(prefix) for item in _items(message)):
                return str(message.id)
        return None


async def rest_sender(
    token: str, *, on_dm_closed: DmClosed | None = None
) -> tuple[DiscordSender, Callable[[], Awaitable[None]]]:
    """A sender over REST alone (no gateway connection) for the stand-alone worker, and how to close it.

    `on_dm_closed` is told about every closed DM (the worker passes `Core.dm_closed`), as in the bot process.
    """
    client = discord.Client(
        intents=discord.Intents.none(), allowed_mentions=NO_MENTIONS, max_ratelimit_timeout=MAX_RATELIMIT_WAIT
    )
    meter(client.http)  # REST calls and 429s by route, for /metrics
    try:
        await client.login(token)
    except BaseException as error:
        await client.close()  # closes the HTTP session, so a refused token leaves no unclosed connector
        if isinstance(error, discord.LoginFailure):
            raise ConfigError(TOKEN_REFUSED) from None
        raise
    return DiscordSender(client, on_dm_closed=on_dm_closed), client.close


def reminder_nonce(reminder_id: int, part: int = 0) -> str:
    """The nonce of a reminder's `part`-th message: the same on every try (Discord allows 25 characters)."""
    return f"tyr{reminder_id}p{part}"[:25]


def _items(message: discord.Message) -> list[object]:
    return [child for row in message.components for child in getattr(row, "children", [])]


def delivery_error(error: discord.HTTPException) -> DeliveryError:
    """Map a Discord failure to the core's error; 4xx cannot be fixed by retrying, 5xx might, 429 is a hold.

    discord.py gives up on a 429 as an `HTTPException` after its own retries, or at once when the answer did not
    come through Discord's API (no `Via` header: Cloudflare); the wait is then read from `Retry-After`.
    """
    if isinstance(error, discord.Forbidden) and error.code == CANNOT_DM:
        return DeliveryError("dm_closed", permanent=True)
    if error.status == TOO_MANY_REQUESTS:
        log.warning("discord rate limit", extra={"status": error.status})
        return RateLimited(_retry_after(error))
    log.warning("discord delivery failed", extra={"status": error.status, "code": error.code})
    return DeliveryError(f"discord_http_{error.status}", permanent=error.status < 500)


def _retry_after(error: discord.HTTPException) -> float:
    headers = getattr(error.response, "headers", None) or {}
    try:
        seconds = float(headers.get("Retry-After", UNKNOWN_WAIT))
    except (TypeError, ValueError):
        seconds = UNKNOWN_WAIT
    return max(seconds, 1.0)
