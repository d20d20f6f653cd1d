"""What the community features exchange with adapters: neutral requests, replies and the two capabilities an
adapter provides (finding a channel by what an admin typed; posting in a channel and DMing an admin)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal, Protocol

from bot.errors import DeliveryError

MemberCommand = Literal["forget", "forget now", "export", "quiet", "quiet off"]


@dataclass(frozen=True, slots=True)
class ChannelRef:
    """A channel the bot can see: the platform's id and its name (without `#`)."""

    id: str
    name: str


@dataclass(frozen=True, slots=True)
class ChannelMessage:
    """A career-channel post: plain text plus one Start button (`post_id` tags it for reconciliation)."""

    post_id: int | None
    text: str
    button: str


class ChannelUnavailable(DeliveryError):
    """The bot was removed from the channel or lacks permission there: the schedule pauses."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason, permanent=True)


class ChannelDirectory(Protocol):
    """Resolve what an admin typed (`C123`, `<#C123|careers>`, `#careers`, a Discord id) to a visible channel."""

    async def find_channel(self, workspace: str, typed: str) -> ChannelRef | None: ...


class ChannelPoster(Protocol):
    """Posts in a community's channel; raises `ChannelUnavailable` for lost access, `DeliveryError` otherwise."""

    async def post(self, workspace: str, channel: str, message: ChannelMessage) -> str: ...

    async def find_post(self, workspace: str, channel: str, post_id: int, since: datetime) -> str | None:
        """The message we posted for `post_id` since `since` (a worker died mid-post), or None."""
        ...

    async def tell_admin(self, workspace: str, user: str, text: str) -> None: ...


@dataclass(frozen=True, slots=True)
class AdminRequest:
    """One admin command, platform-neutral. `is_admin` is decided by the adapter on every call, on our side
    (Slack owners/admins and the admin list; Discord's Manage Server), never from the command's visibility."""

    platform: str
    workspace: str
    actor: str
    is_admin: bool
    text: str
    command: str = "/thankyou"
    directory: ChannelDirectory | None = None
    poster: ChannelPoster | None = None


@dataclass(frozen=True, slots=True)
class AdminReply:
    """What the admin sees, privately: one line (or the help/settings), and the post preview when asked."""

    text: str
    preview: ChannelMessage | None = None
    changed: bool = False
