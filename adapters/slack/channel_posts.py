"""Career-channel posts on Slack: the post with its Start button, finding it again, DMing the admin, and
finding the channel an admin named.

The post carries no personal data: only the community's wording and anonymous counts. Its Start button
(`START_ACTION`) opens a DM debrief for whoever clicks it; the click is answered in that person's DM only.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Awaitable
from datetime import datetime
from typing import Any

import aiohttp
from slack_sdk.errors import SlackApiError
from slack_sdk.models.blocks import ActionsBlock, ButtonElement, MarkdownTextObject, SectionBlock
from slack_sdk.web.async_client import AsyncWebClient
from slack_sdk.web.async_slack_response import AsyncSlackResponse

from adapters.slack.escape import escape
from bot.community.ports import ChannelMessage, ChannelRef, ChannelUnavailable
from bot.errors import DeliveryError

log = logging.getLogger(__name__)
START_ACTION = "thankyou-channel-start"
POST_EVENT = "thankyou_channel_post"
#: Slack's answers that mean the bot cannot post in that channel any more (removed, archived, no permission).
NO_ACCESS = frozenset(
    {"not_in_channel", "channel_not_found", "is_archived", "restricted_action", "missing_scope", "ekm_access_denied"}
)
#: Failures that trying again cannot fix (the rest, such as internal_error or a rate limit, are retried later).
_HOPELESS = frozenset(
    {"invalid_auth", "not_authed", "token_revoked", "account_inactive", "invalid_blocks", "msg_too_long"}
)
_LINK = re.compile(r"^<#([CG][A-Z0-9]+)(?:\|([^>]*))?>$")
_ID = re.compile(r"^[CG][A-Z0-9]{6,}$")
CLOCK_SLACK = 60.0  # seconds looked back before `since`: our clock and Slack's may differ; metadata tells posts apart
_MAX_PAGES = 20  # conversations.list pages looked through for a channel named by hand (200 each)


def post_blocks(message: ChannelMessage) -> list[dict[str, Any]]:
    """The post: its text (escaped, so nothing in a template pings or links) and the Start button."""
    button = ButtonElement(text=message.button, action_id=START_ACTION, value="start", style="primary")
    text = SectionBlock(text=MarkdownTextObject(text=escape(message.text)))
    return [text.to_dict(), ActionsBlock(elements=[button]).to_dict()]


class SlackChannelPoster:
    """`bot.community.ports.ChannelPoster` over the Web API."""

    def __init__(self, client: AsyncWebClient) -> None:
        self.client = client

    async def post(self, workspace: str, channel: str, message: ChannelMessage) -> str:
        metadata = None
        if message.post_id is not None:
            metadata = {"event_type": POST_EVENT, "event_payload": {"post_id": message.post_id}}
        response = await _call(
            self.client.chat_postMessage(
                channel=channel,
                text=escape(message.text),
                blocks=post_blocks(message),
                metadata=metadata,
                unfurl_links=False,
                unfurl_media=False,
            )
        )
        return str(response.get("ts", ""))

    async def find_post(self, workspace: str, channel: str, post_id: int, since: datetime) -> str | None:
        response = await _call(
            self.client.conversations_history(
                channel=channel, oldest=f"{since.timestamp() - CLOCK_SLACK:.6f}", include_all_metadata=True, limit=200
            )
        )
        for message in response.get("messages") or []:
            metadata = message.get("metadata") or {}
            payload = metadata.get("event_payload") or {}
            if metadata.get("event_type") == POST_EVENT and payload.get("post_id") == post_id:
                return str(message.get("ts"))
        return None

    async def tell_admin(self, workspace: str, user: str, text: str) -> None:
        opened = await _call(self.client.conversations_open(users=user))
        channel = str((opened.get("channel") or {}).get("id", ""))
        await _call(self.client.chat_postMessage(channel=channel, text=escape(text)))


class SlackDirectory:
    """`bot.community.ports.ChannelDirectory`: `<#C…|name>` (what Slack sends with should_escape), a bare id,
    or `#name` typed by hand, resolved to a channel the bot can see."""

    def __init__(self, client: AsyncWebClient) -> None:
        self.client = client

    async def find_channel(self, workspace: str, typed: str) -> ChannelRef | None:
        typed = typed.strip()
        link = _LINK.match(typed)
        if link or _ID.match(typed):
            return await self._by_id(link.group(1) if link else typed)
        return await self._by_name(typed.lstrip("#").strip().casefold())

    async def _by_id(self, channel: str) -> ChannelRef | None:
        try:
            response = await self.client.conversations_info(channel=channel)
        except SlackApiError:
            return None
        found = response.get("channel") or {}
        return ChannelRef(channel, str(found.get("name") or channel))

    async def _by_name(self, name: str) -> ChannelRef | None:
        cursor = None
        for _ in range(_MAX_PAGES):
            try:
                response = await self.client.conversations_list(
                    types="public_channel,private_channel", exclude_archived=True, limit=200, cursor=cursor
                )
            except SlackApiError:
                return None
            for channel in response.get("channels") or []:
                if str(channel.get("name", "")).casefold() == name:
                    return ChannelRef(str(channel["id"]), str(channel["name"]))
            cursor = (response.get("response_metadata") or {}).get("next_cursor")
            if not cursor:
                return None
        return None


async def _call(request: Awaitable[AsyncSlackResponse]) -> AsyncSlackResponse:
    """Slack failures as the community job understands them (never with the text we tried to post)."""
    try:
        return await request
    except SlackApiError as error:
        code = str(error.response.get("error", "unknown_error"))
        log.warning("slack channel call failed", extra={"platform": "slack", "error": code})
        if code in NO_ACCESS:
            raise ChannelUnavailable(code) from None
        raise DeliveryError(code, permanent=code in _HOPELESS) from None
    except (TimeoutError, aiohttp.ClientError) as error:
        log.warning("slack unreachable", extra={"platform": "slack", "error": type(error).__name__})
        raise DeliveryError("slack_unreachable", permanent=False) from None
