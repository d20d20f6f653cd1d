"""`/thankyou admin …`, the member controls `/thankyou forget|export|quiet`, and the channel post's Start button.

Listeners only acknowledge and translate; the core decides. Whether someone is an admin is asked of Slack
(`users.info`: owner, primary owner or admin) on every command, plus `SLACK_ADMIN_USERS`. Replies go back
privately through the command's `response_url`; forget and export answer in the member's DM, as the typed
commands do.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from slack_bolt.context.ack.async_ack import AsyncAck
from slack_sdk.errors import SlackApiError
from slack_sdk.webhook.async_client import AsyncWebhookClient

from adapters.slack import translate
from adapters.slack.bot import SlackBot
from adapters.slack.channel_posts import START_ACTION, SlackChannelPoster, SlackDirectory, post_blocks
from adapters.slack.decode import plain_text
from adapters.slack.escape import escape
from bot import messages
from bot.community.commands import is_admin_text
from bot.community.ports import AdminReply, AdminRequest
from bot.events import Address, Start, TextAnswer

log = logging.getLogger(__name__)
COMMAND = "/thankyou"
ADMIN_COMMAND = "/thankyou admin"
IN_DM = messages.text("community_member_in_dm")
FAILED = messages.text("community_admin_failed")
#: what `/thankyou <words>` types into the DM on the member's behalf (the same confirmation as typing it)
TYPED_FOR_MEMBER = {
    "forget": "forget me", "forget me": "forget me", "forget now": "forget me now", "forget me now": "forget me now",
    "export": "export my data", "export my data": "export my data",
}  # fmt: skip
QUIET = {"quiet": True, "quiet on": True, "quiet off": False, "unquiet": False}
_CHANNEL_TOKEN = re.compile(r"<#([CG][A-Z0-9]+)(?:\|[^>]*)?>")
Body = dict[str, Any]


def register(bot: SlackBot) -> None:
    """Attach the community listeners; call before `listeners.register`, whose `/thankyou` takes the rest."""
    app = bot.app
    bot.core.community.register(translate.PLATFORM, SlackChannelPoster(bot.client))

    async def for_community(body: Body) -> bool:
        return _words(body) in TYPED_FOR_MEMBER or _words(body) in QUIET or is_admin_text(_words(body))

    @app.command(COMMAND, matchers=[for_community])
    async def on_command(ack: AsyncAck, body: Body) -> None:
        await ack()
        key = (str(body.get("team_id")), str(body.get("user_id")))
        bot.background.spawn(key, lambda: _command(bot, body))

    @app.action(START_ACTION)
    async def on_start(ack: AsyncAck, body: Body) -> None:
        await ack()  # nothing is said in the channel: the clicker hears from us in their DM only
        key = (translate.action_team(body), str((body.get("user") or {}).get("id")))
        bot.background.spawn(key, lambda: _start_from_channel(bot, body))


def _words(body: Body) -> str:
    return " ".join(plain_text(str(body.get("text") or "")).casefold().split())


async def _command(bot: SlackBot, body: Body) -> None:
    words = _words(body)
    try:
        if words in TYPED_FOR_MEMBER or words in QUIET:
            await _member(bot, body, words)
        else:
            await _reply(body, await _admin(bot, body))
    except Exception:
        await _reply(body, AdminReply(FAILED))
        raise


async def _admin(bot: SlackBot, body: Body) -> AdminReply:
    team, user = str(body.get("team_id", "")), str(body.get("user_id", ""))
    text = plain_text(_CHANNEL_TOKEN.sub(r"\1", str(body.get("text") or "")))  # a linked channel becomes its id
    request = AdminRequest(
        platform=translate.PLATFORM, workspace=team, actor=user, is_admin=await is_admin(bot, user), text=text,
        command=ADMIN_COMMAND, directory=SlackDirectory(bot.client), poster=SlackChannelPoster(bot.client),
    )  # fmt: skip
    return await bot.core.community.admin(request)


async def is_admin(bot: SlackBot, user: str) -> bool:
    """Asked every time: an owner or admin of the workspace, or listed in SLACK_ADMIN_USERS."""
    listed = {u.strip() for u in bot.core.settings.slack_admin_users.split(",") if u.strip()}
    if user in listed:
        return True
    try:
        info = await bot.client.users_info(user=user)
    except SlackApiError:
        log.info("users.info failed; treating the caller as a member", extra={"platform": "slack"})
        return False
    found = info.get("user") or {}
    return any(found.get(flag) is True for flag in ("is_admin", "is_owner", "is_primary_owner"))


async def _member(bot: SlackBot, body: Body, words: str) -> None:
    team, user = str(body.get("team_id", "")), str(body.get("user_id", ""))
    if words in QUIET:
        reply = await bot.core.community.quiet(Address(translate.PLATFORM, team, "", user), on=QUIET[words])
        await _reply(body, AdminReply(reply))
        return
    opened = await bot.client.conversations_open(users=user)
    address = Address(translate.PLATFORM, team, str((opened.get("channel") or {}).get("id", "")), user)
    event_id = translate.stable_id("cmd", str(body.get("trigger_id") or body.get("command_ts") or ""))
    await bot.core.handle(TextAnswer(address, event_id, TYPED_FOR_MEMBER[words]), bot.sender)
    await _reply(body, AdminReply(IN_DM))


async def _start_from_channel(bot: SlackBot, body: Body) -> None:
    """The Start button under a channel post: the clicker's own debrief, in their DM."""
    user = str((body.get("user") or {}).get("id", ""))
    team = translate.action_team(body)
    opened = await bot.client.conversations_open(users=user)
    address = Address(translate.PLATFORM, team, str((opened.get("channel") or {}).get("id", "")), user)
    action = (body.get("actions") or [{}])[0]
    event_id = translate.stable_id("chan", str(action.get("action_ts", "")), user)
    await bot.core.community.remember_member(address, team)
    await bot.core.handle(Start(address, event_id, await _timezone(bot, user)), bot.sender)


async def _timezone(bot: SlackBot, user: str) -> str | None:
    try:
        info = await bot.client.users_info(user=user)
    except SlackApiError:
        return None
    zone = (info.get("user") or {}).get("tz")
    return zone if isinstance(zone, str) and zone else None


async def _reply(body: Body, reply: AdminReply) -> None:
    """Only the person who typed the command sees this (`ephemeral` through its response_url)."""
    url = body.get("response_url")
    if not isinstance(url, str) or not url:
        return
    text = escape(reply.text)
    blocks_list: list[dict[str, Any]] | None = None
    if reply.preview is not None:
        text = f"{text}\n\n{escape(reply.preview.text)}"
        intro: dict[str, Any] = {"type": "section", "text": {"type": "mrkdwn", "text": escape(reply.text)}}
        blocks_list = [intro, {"type": "divider"}, *post_blocks(reply.preview)]
    try:
        await AsyncWebhookClient(url).send(text=text, blocks=blocks_list, response_type="ephemeral")
    except Exception:  # best effort; never log the URL (a capability)
        log.warning("command reply failed", extra={"platform": "slack"})
