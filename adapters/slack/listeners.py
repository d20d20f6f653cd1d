"""bolt listeners: acknowledge at once, translate, and hand the turn to the service in the background.

Nothing slow happens before `ack()`: opening the DM, reading the user's time zone, the database and
the posts all run after Slack has its response.
"""

from __future__ import annotations

import logging
import re
from dataclasses import replace
from typing import Any

from slack_bolt.context.ack.async_ack import AsyncAck
from slack_sdk.errors import SlackApiError
from slack_sdk.webhook.async_client import AsyncWebhookClient

from adapters.slack import translate
from adapters.slack.bot import SlackBot
from adapters.slack.edit_modal import register_note_edits
from adapters.slack.form_modal import register_forms
from adapters.slack.home import RECENT_NOTES, home_view, welcome_blocks
from bot import messages
from bot.actions import Say
from bot.errors import DeliveryError
from bot.events import Address, Event, Start
from bot.ports import Sender

log = logging.getLogger(__name__)

COMMAND = "/thankyou"
DM_POINTER = messages.text("slack_dm_pointer")
MENTION_POINTER = messages.text("slack_mention_pointer")
NO_DM = messages.text("slack_no_dm")
SORRY = messages.text("slack_sorry")
EDITED = messages.text("slack_edited")
REPLY_LOST = messages.text("slack_reply_lost")
Body = dict[str, Any]


def register(bot: SlackBot) -> None:
    """Attach every listener to `bot.app`."""
    app = bot.app

    @app.command(COMMAND)
    async def on_command(ack: AsyncAck, body: Body) -> None:
        await ack(text=DM_POINTER)
        bot.background.spawn(_key(body.get("team_id"), body.get("user_id")), lambda: _command(bot, body))

    @app.event("message")
    async def on_message(ack: AsyncAck, body: Body) -> None:
        await ack()
        thread = translate.thread_of(body)
        event = translate.message_event(body)
        if event is not None and translate.unnamed_users(body):
            key = (event.address.workspace, event.address.user)
            bot.background.spawn(key, lambda: _turn_with_names(bot, body, thread))
            return
        if event is not None:
            _hand_off(bot, event, thread)
            return
        edited = translate.edited_message(body)
        if edited is not None:
            address, edit_id = edited
            key = (address.workspace, address.user)
            bot.background.spawn(key, lambda: _notice_edit(bot, address, edit_id, thread))

    @app.action(re.compile(r"^ty-"))
    async def on_action(ack: AsyncAck, body: Body) -> None:
        await ack()
        event = translate.action_event(body)
        if event is not None:
            _hand_off(bot, event, fallback=_response_url(body))

    @app.event("app_mention")
    async def on_mention(ack: AsyncAck, body: Body) -> None:
        await ack()
        bot.background.spawn(("mention", body.get("event_id")), lambda: _point_to_dm(bot, body))

    @app.event("app_home_opened")
    async def on_home(ack: AsyncAck, body: Body) -> None:
        await ack()
        event = body.get("event") or {}
        team = translate.event_team(body)
        if event.get("tab") == "home":
            bot.background.spawn(_key(team, event.get("user")), lambda: _publish_home(bot, body))
        elif event.get("tab") == "messages":  # the DM: a first visit gets the welcome, once
            bot.background.spawn(_key(team, event.get("user")), lambda: _welcome(bot, body))

    register_forms(bot)
    register_note_edits(bot)


def _key(team: object, user: object) -> tuple[str, str]:
    return (str(team), str(user))


def _hand_off(bot: SlackBot, event: Event, thread: str | None = None, *, fallback: str | None = None) -> None:
    key = (event.address.workspace, event.address.user)
    bot.background.spawn(key, lambda: _turn(bot, event, thread, fallback=fallback))


async def _turn(bot: SlackBot, event: Event, thread: str | None = None, *, fallback: str | None = None) -> None:
    """One conversation turn, answered in `thread` when the person wrote in one; a Start from a button first
    learns the user's time zone. `fallback` (a click's or command's `response_url`) is how the person hears
    that the reply in the DM failed after Slack had its ack; the core re-asks at their next message."""
    if isinstance(event, Start) and event.timezone is None:
        event = replace(event, timezone=await _timezone(bot, event.address))
    if not event.address.channel:  # a button outside the DM (App Home): answer in the DM
        opened = await bot.client.conversations_open(users=event.address.user)
        event = replace(event, address=replace(event.address, channel=str((opened.get("channel") or {}).get("id", ""))))
    try:
        await bot.core.handle(event, _sender(bot, thread))
    except DeliveryError:
        if fallback is not None:
            await _reply_to_command({"response_url": fallback}, REPLY_LOST)
        raise
    except Exception:
        await _apologise(bot, event.address.channel, thread)
        raise


async def _turn_with_names(bot: SlackBot, body: Body, thread: str | None) -> None:
    """A message that mentions people by id: their display names first (so the note says "Tom Lee", not
    "@U0TOMLEE"), then the turn. A failed lookup keeps the id."""
    names = {user: name for user in translate.unnamed_users(body) if (name := await _display_name(bot, user))}
    event = translate.message_event(body, names=names)
    if event is not None:
        await _turn(bot, event, thread)


async def _display_name(bot: SlackBot, user: str) -> str | None:
    try:
        info = await bot.client.users_info(user=user)
    except Exception:  # only costs the nicer name
        log.info("users.info failed; keeping the mention's id", extra={"platform": "slack"})
        return None
    found = info.get("user") or {}
    profile = found.get("profile") or {}
    for name in (profile.get("display_name"), profile.get("real_name"), found.get("real_name"), found.get("name")):
        if isinstance(name, str) and name.strip():
            return name.strip()
    return None


def _sender(bot: SlackBot, thread: str | None) -> Sender:
    """The bot's sender, posting into `thread` when the person wrote in one. The thread stays here, in the
    adapter: the core's `Address` names the DM, and reminders sent later go to the DM itself."""
    return bot.sender.in_thread(thread)


async def _notice_edit(bot: SlackBot, address: Address, edit_id: str, thread: str | None) -> None:
    """Tell the person, once per edit event, that the first version of an edited answer was used.

    A platform notice, not a turn: the engine never sees edits."""
    if await bot.core.first_time(platform=translate.PLATFORM, event_id=edit_id):
        await _sender(bot, thread).send(address, [Say(EDITED)])


async def _command(bot: SlackBot, body: Body) -> None:
    """`/thankyou`: open (or find) the DM, read the time zone, then start, resume or navigate there."""
    user = str(body.get("user_id", ""))
    try:
        opened = await bot.client.conversations_open(users=user)
    except SlackApiError as error:
        await _reply_to_command(body, NO_DM)
        raise DeliveryError(str(error.response.get("error", "cannot_open_dm")), permanent=True) from None
    channel = str((opened.get("channel") or {}).get("id", ""))
    event = translate.command_event(body, channel=channel, timezone=None)
    zone = await _timezone(bot, event.address)
    if isinstance(event, Start):
        event = replace(event, timezone=zone)
    await _turn(bot, event, fallback=_response_url(body))


def _response_url(body: Body) -> str | None:
    """Where an ephemeral answer to a click or command goes (valid for 30 minutes), when Slack gave one."""
    url = body.get("response_url")
    return url if isinstance(url, str) and url else None


async def _reply_to_command(body: Body, text: str) -> None:
    """A private reply where the command was typed (its response_url works for 30 minutes)."""
    url = body.get("response_url")
    if not isinstance(url, str) or not url:
        return
    try:
        await AsyncWebhookClient(url).send(text=text, response_type="ephemeral")
    except Exception:  # best effort: the failure is logged by the caller, never the URL (a capability)
        log.warning("command reply failed", extra={"platform": "slack"})


async def _timezone(bot: SlackBot, address: Address) -> str | None:
    """The user's zone from their Slack profile; quietly None when Slack can't tell us. Their locale comes
    with it and is kept, so "11/29 2pm" is read in the order they write dates (en-US month first)."""
    try:
        info = await bot.client.users_info(user=address.user, include_locale=True)
    except Exception:  # any failure here only costs us a default time zone
        log.info("users.info failed; using the default time zone", extra={"platform": "slack"})
        return None
    found = info.get("user") or {}
    locale = found.get("locale")
    if isinstance(locale, str) and locale:
        await bot.core.desk.remember_locale(address, locale.replace("_", "-"))
    zone = found.get("tz")
    return zone if isinstance(zone, str) and zone else None


async def _apologise(bot: SlackBot, channel: str, thread: str | None = None) -> None:
    try:
        await bot.client.chat_postMessage(channel=channel, text=SORRY, thread_ts=thread)
    except Exception:  # the apology is best effort; the original error is logged by the caller
        log.warning("could not post the apology", extra={"platform": "slack"})


async def _point_to_dm(bot: SlackBot, body: Body) -> None:
    """Answer a channel mention privately (ephemeral) and only once per event, whatever was written."""
    event = body.get("event") or {}
    event_id = translate.stable_id("mention", str(body.get("event_id", "")))
    if await bot.core.first_time(platform=translate.PLATFORM, event_id=event_id):
        await bot.client.chat_postEphemeral(
            channel=str(event.get("channel", "")), user=str(event.get("user", "")), text=MENTION_POINTER
        )


async def _publish_home(bot: SlackBot, body: Body) -> None:
    user = str((body.get("event") or {}).get("user", ""))
    where = Address(translate.PLATFORM, translate.event_team(body), "", user)
    view = home_view(await bot.core.home(where, recent=RECENT_NOTES), bot.core.desk.sample_note())
    await bot.client.views_publish(user_id=user, view=view)


async def _welcome(bot: SlackBot, body: Body) -> None:
    """One message the first time a member opens the bot's DM (never again, whatever they do)."""
    event = body.get("event") or {}
    team, channel, user = translate.event_team(body), str(event.get("channel", "")), str(event.get("user", ""))
    where = Address(translate.PLATFORM, team, channel, user)
    if where.channel and await bot.core.desk.welcome_once(where):
        text = messages.text("first_contact_welcome")
        await bot.client.chat_postMessage(channel=where.channel, text=text, blocks=welcome_blocks())
