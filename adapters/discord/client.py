"""ThankYouClient: a discord.Client that translates DMs, /thankyou and button clicks into service calls.

Interactions are acknowledged at once (Discord allows 3 seconds) while the database work runs, and replies
follow the acknowledgement; DMs are the only place the conversation happens. Nothing here touches the
network until the client is started.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable
from typing import Any

import discord
from discord import app_commands

from adapters.discord import admin as community
from adapters.discord import translate
from adapters.discord.channel_posts import ChannelStartButton, DiscordChannelPoster
from adapters.discord.commands import (
    ZONE_ITEMS,
    invite_url,
    show_help,
    sync_commands,
    thankyou_command,
    user_install_url,
    zone_question,
)
from adapters.discord.components import DYNAMIC_ITEMS
from adapters.discord.edit_modal import EditNoteButton
from adapters.discord.form_modals import FormButton
from adapters.discord.metered import meter
from adapters.discord.sender import MAX_RATELIMIT_WAIT, NO_MENTIONS, DiscordSender
from bot import messages
from bot.actions import Say
from bot.errors import DatabaseUnavailable, DeliveryError
from bot.events import Address, Event
from bot.runtime import Core

log = logging.getLogger(__name__)
SQLITE_CONCURRENCY = 4
PG_CONCURRENCY = 20
Interaction = discord.Interaction[Any]

SENT_TO_DM = messages.text("discord_sent_to_dm")
STARTED_IN_DM = messages.text("discord_started_in_dm")
CLOSED_DMS = messages.text("discord_closed_dms")
NOT_DELIVERED = messages.text("discord_not_delivered")
TEXT_ONLY = messages.text("discord_text_only")
OOPS = messages.text("discord_oops")
FORWARDED = messages.text("discord_forwarded")
EDITED = messages.text("discord_edited")
REPLY_LOST = messages.text("discord_reply_lost")
#: what a person types; pins, calls, thread notices and other system messages are not answers
TYPED = (discord.MessageType.default, discord.MessageType.reply)


def intents() -> discord.Intents:
    """Only DM messages: DM content needs no privileged message-content intent; interactions need none."""
    wanted = discord.Intents.none()
    wanted.dm_messages = True
    return wanted


class ThankYouClient(discord.AutoShardedClient):
    """The Discord side of the bot in one object: sender, `/thankyou`, persistent buttons, around the core.

    Sharded by discord.py: SHARD_COUNT unset asks Discord how many shards to run, all in this process;
    SHARD_COUNT with SHARD_IDS runs only those shards here (a shard group per process; deploy/README.md).
    """

    def __init__(self, core: Core, **options: Any) -> None:
        # a long 429 raises (the scheduler holds the reminder) instead of sleeping inside a send
        options.setdefault("max_ratelimit_timeout", MAX_RATELIMIT_WAIT)
        options.setdefault("shard_count", core.settings.shard_count)
        options.setdefault("shard_ids", core.settings.discord_shard_ids)
        super().__init__(intents=intents(), allowed_mentions=NO_MENTIONS, **options)
        meter(self.http)  # REST calls and 429s by route, for /metrics
        self.core = core
        self.settings = core.settings
        # SQLite has one writer: a few turns at a time overlap reads with the write; more only meet its
        # busy-wait back-off (measured in benchmarks/bench_discord.py)
        self.db_slots = SQLITE_CONCURRENCY if core.single_writer else PG_CONCURRENCY
        self.db_gate = asyncio.Semaphore(self.db_slots)
        self.sender = DiscordSender(self, on_dm_closed=self._dm_closed)
        self._stop = asyncio.Event()
        self.scheduler_task: asyncio.Task[None] | None = None
        self._logged_in = False
        self.tree: app_commands.CommandTree[ThankYouClient] = app_commands.CommandTree(self)
        self.tree.add_command(thankyou_command())
        # community career channel: /thankyou-admin, the channel post's Start button, posts by the scheduler
        self.tree.add_command(community.admin_group())
        self.add_dynamic_items(ChannelStartButton)
        core.community.register(translate.PLATFORM, DiscordChannelPoster(self))

    async def setup_hook(self) -> None:
        """Runs once at login: schema upgrade, persistent buttons, command sync."""
        self._logged_in = True
        await self.core.ready()
        self.add_dynamic_items(*DYNAMIC_ITEMS, FormButton, *ZONE_ITEMS, EditNoteButton)
        await sync_commands(self.tree, self.settings.discord_dev_guild)
        if self.settings.run_scheduler:
            self.scheduler_task = asyncio.create_task(self._run_scheduler(), name="thankyou-scheduler")

    async def _run_scheduler(self) -> None:
        """Reminders go out through the same sender, after login (RUN_SCHEDULER=false turns this off)."""
        await self.core.run_scheduler({translate.PLATFORM: self.sender}, self._stop)

    async def close(self) -> None:
        self._stop.set()
        if self.scheduler_task is not None:
            await self.scheduler_task
        if self._logged_in:
            await super().close()
        else:  # discord.py's sharded close needs state only a login creates; there are no shards to close
            await discord.Client.close(self)
        await self.core.close()

    async def connection_problem(self) -> str | None:
        """Readiness: every shard of this process connected, the client not closed (None), else why not."""
        if self.is_closed():
            return "discord client closed"
        if not self.is_ready() or any(shard.is_closed() for shard in self.shards.values()):
            return "discord not connected"
        return None

    async def on_ready(self) -> None:
        if self.application_id is not None:
            log.info("discord bot ready; invite it with %s", invite_url(self.application_id))
            log.info("members can also add it to their own account with %s", user_install_url(self.application_id))

    async def _dm_closed(self, address: Address) -> None:
        await self.core.dm_closed(address)

    async def deliver(self, event: Event, *, acknowledged: Awaitable[None] | None = None) -> DeliveryError | None:
        """Run the event through the service, then deliver (after `acknowledged`, the interaction's ack).

        A closed DM is recorded once by the sender and reported here; it is never retried.
        """
        try:
            try:
                async with self.db_gate:
                    actions = await self.core.process(event)
            except DatabaseUnavailable as trouble:  # the turn rolled back; earlier answers are saved
                log.warning("database unavailable for a turn", extra={"platform": "discord"})
                if acknowledged is not None:
                    await acknowledged
                await self.sender.send(event.address, [Say(str(trouble))])
                return None
            if acknowledged is not None:
                await acknowledged
            if actions:
                await self.sender.send(event.address, actions)
                await self.core.delivered(event.address, actions)  # only now is the question "seen"
        except DeliveryError as error:
            log.info("reply not delivered", extra={"platform": "discord", "reason": error.reason})
            return error
        return None

    def _from_a_person_in_dm(self, message: discord.Message) -> bool:
        """A DM typed by someone other than a bot: without the guilds intent a server message has no cached
        guild, so the channel is checked too; system messages (pins, thread notices…) are not answers."""
        me = self.user
        if message.author.bot or me is None or message.author.id == me.id:
            return False
        if message.guild is not None or not isinstance(message.channel, discord.DMChannel):
            return False
        return message.type in TYPED

    async def on_message(self, message: discord.Message) -> None:
        """DMs only; a forward or an attachment alone gets a hint to type the answer instead."""
        if not self._from_a_person_in_dm(message):
            return
        where = translate.address(user_id=message.author.id, channel_id=message.channel.id)
        if _forwarded(message):
            await self._quietly(self.sender.send(where, [Say(FORWARDED)]))
            return
        if not message.content.strip() and (message.attachments or message.stickers):
            await self._quietly(self.sender.send(where, [Say(TEXT_ONLY)]))
            return
        event = translate.dm_text(
            message_id=message.id,
            user_id=message.author.id,
            channel_id=message.channel.id,
            text=message.content,
            mentions={user.id: user.display_name for user in message.mentions},
        )
        try:
            await self.deliver(event)
        except Exception:
            log.exception("dm handling failed", extra={"platform": "discord"})
            await self._quietly(self.sender.send(where, [Say(OOPS)]))

    async def on_raw_message_edit(self, payload: discord.RawMessageUpdateEvent) -> None:
        """An answer edited after it was sent: the debrief already used the first version, so say so.

        Raw, so it works for messages no longer cached (after a restart). Updates that are not edits by the
        person (a link preview appearing, a pin) carry no new `edited_timestamp` and are ignored; DM edits
        need no message-content intent.
        """
        message = payload.message
        if payload.guild_id is not None or message.edited_at is None or not self._from_a_person_in_dm(message):
            return
        before = payload.cached_message
        if before is not None and before.edited_at == message.edited_at:
            return  # the same edit again (the message was pinned, or its preview changed)
        where = translate.address(user_id=message.author.id, channel_id=message.channel.id)
        await self._quietly(self.sender.send(where, [Say(EDITED)]))

    async def on_channel_start(self, interaction: Interaction) -> None:
        """Start under a career-channel post: the clicker's own debrief, in their DM (bot/community/)."""
        await community.start_from_channel(interaction, self.on_thankyou)

    async def on_thankyou(self, interaction: Interaction, action: str | None) -> None:
        """/thankyou: acknowledge at once (ephemeral), then open the DM and continue there.

        If Discord no longer knows the interaction (it reached us too late to acknowledge), the debrief still
        starts in the DM; if the "thinking…" reply can't be edited, it is deleted rather than left spinning.
        """
        if action in community.MEMBER_ACTIONS or action in community.QUIET_ACTIONS:  # forget, export, quiet
            await community.run_member(interaction, action)
            return
        if action == "help":  # what the bot does, a sample note, reminders, privacy: only to the member
            await show_help(self, interaction)
            return
        try:
            await interaction.response.defer(ephemeral=True, thinking=True)
        except discord.HTTPException:
            log.info("interaction expired before its ack", extra={"platform": "discord"})
            acknowledged = False
        else:
            acknowledged = True
        elsewhere = not interaction.context.dm_channel  # a server, a group DM or someone else's DM
        error = await self._start_in_dm(interaction, action, elsewhere)
        if acknowledged:
            asked = await zone_question(self, interaction) if error is None and action in (None, "start") else None
            text = _outcome(error, elsewhere)
            await self._answer(interaction, f"{text}\n\n{asked[0]}" if asked else text, asked[1] if asked else None)

    async def _answer(self, interaction: Interaction, text: str, view: discord.ui.View | None = None) -> None:
        """`view`: buttons under the reply (the time-zone question the first time)."""
        try:
            await interaction.edit_original_response(content=text, view=view, allowed_mentions=NO_MENTIONS)
        except discord.HTTPException:  # the interaction token is gone or refused
            log.info("interaction reply not edited; removing it", extra={"platform": "discord"})
            await self._quietly(interaction.delete_original_response())

    async def _start_in_dm(self, interaction: Interaction, action: str | None, elsewhere: bool) -> DeliveryError | None:
        """The debrief goes to the person's DM with the bot, opened here unless the command was used there."""
        user_id = interaction.user.id
        try:
            channel_id = (await interaction.user.create_dm()).id if elsewhere else interaction.channel_id or 0
            event = translate.slash_command(
                interaction_id=interaction.id, user_id=user_id, channel_id=channel_id, action=action
            )
            if interaction.guild_id is not None:  # before the turn: a new debrief takes the server's defaults
                await self.core.community.remember_member(event.address, str(interaction.guild_id))
            error = await self.deliver(event)
        except discord.Forbidden:  # opening the DM itself was refused
            await self._dm_closed(translate.address(user_id=user_id, channel_id=0))
            return DeliveryError("dm_closed", permanent=True)
        except Exception:
            log.exception("/thankyou failed", extra={"platform": "discord"})
            return DeliveryError("internal", permanent=False)
        if error is None and elsewhere:
            await self.core.dm_open(event.address)
        return error

    async def on_click(self, interaction: Interaction, event: Event, *, clear: bool) -> None:
        """A button: the ack goes out at once (removing a question's buttons once used) while the database
        work runs; the reply is sent only after the ack, so Discord always hears from us first."""
        ack = asyncio.ensure_future(self._acknowledge(interaction, clear=clear))
        try:
            error = await self.deliver(event, acknowledged=ack)
        except Exception:
            log.exception("button handling failed", extra={"platform": "discord"})
            await self._quietly(interaction.followup.send(OOPS, ephemeral=True, allowed_mentions=NO_MENTIONS))
        else:
            if error is not None:  # the click was taken (and its buttons removed) but the reply never arrived
                lost = interaction.followup.send(REPLY_LOST, ephemeral=True, allowed_mentions=NO_MENTIONS)
                await self._quietly(lost)
        finally:
            await asyncio.gather(ack, return_exceptions=True)

    @staticmethod
    async def _acknowledge(interaction: Interaction, *, clear: bool) -> None:
        if clear:
            await interaction.response.edit_message(view=None, allowed_mentions=NO_MENTIONS)
        else:
            await interaction.response.defer()

    async def _quietly(self, delivery: Any) -> None:
        try:
            await delivery
        except (DeliveryError, discord.HTTPException):
            log.info("apology not delivered", extra={"platform": "discord"})


def _forwarded(message: discord.Message) -> bool:
    reference = message.reference
    forward = reference is not None and reference.type == discord.MessageReferenceType.forward
    return forward or bool(message.message_snapshots)


def _outcome(error: DeliveryError | None, elsewhere: bool) -> str:
    if error is None:
        return SENT_TO_DM if elsewhere else STARTED_IN_DM
    return CLOSED_DMS if error.reason == "dm_closed" else NOT_DELIVERED
