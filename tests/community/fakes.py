"""An in-memory channel poster and directory for core tests (the adapters' real ones are tested through the
Slack and Discord fakes in tests/adapters/)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from bot.community.ports import ChannelMessage, ChannelRef, ChannelUnavailable
from bot.errors import DeliveryError

CHANNELS = {"C0CAREERS": "careers", "C0GENERAL": "general"}


@dataclass
class Posted:
    workspace: str
    channel: str
    message: ChannelMessage
    id: str


@dataclass
class FakePoster:
    posts: list[Posted] = field(default_factory=list)
    told: list[tuple[str, str, str]] = field(default_factory=list)
    refuse: str | None = None  # "not_in_channel": lost access; "timeout": a passing failure
    die_after_post: bool = False  # the worker is killed right after the platform took the post

    async def post(self, workspace: str, channel: str, message: ChannelMessage) -> str:
        if self.refuse == "not_in_channel":
            raise ChannelUnavailable("not_in_channel")
        if self.refuse:
            raise DeliveryError(self.refuse, permanent=False)
        posted = Posted(workspace, channel, message, f"m{len(self.posts) + 1}")
        self.posts.append(posted)
        if self.die_after_post:
            raise KillWorker
        return posted.id

    async def find_post(self, workspace: str, channel: str, post_id: int, since: datetime) -> str | None:
        return next((p.id for p in self.posts if p.channel == channel and p.message.post_id == post_id), None)

    async def tell_admin(self, workspace: str, user: str, text: str) -> None:
        self.told.append((workspace, user, text))


class KillWorker(BaseException):
    """Stands for the process dying mid-post: nothing after the platform call runs."""


class FakeDirectory:
    async def find_channel(self, workspace: str, typed: str) -> ChannelRef | None:
        name = typed.strip().lstrip("#").casefold()
        for channel_id, channel_name in CHANNELS.items():
            if name in (channel_id.casefold(), channel_name):
                return ChannelRef(channel_id, channel_name)
        return None
