"""`/thankyou-admin …` (a command group, Manage Server by default) and the member controls of `/thankyou`
(forget, export, quiet).

Discord's `default_member_permissions` only hides the group; Manage Server is checked again here, on the
invoking member's permissions, on every call. Each subcommand becomes the same neutral command text Slack
sends, and the core decides. Replies are ephemeral: deferred at once, then edited with the answer.
"""

from __future__ import annotations

import logging
from typing import Any, Protocol, cast

import discord
from discord import app_commands

from adapters.discord import translate
from adapters.discord.channel_posts import DiscordChannelPoster, DiscordDirectory, start_view
from adapters.discord.markdown import escape
from adapters.discord.sender import NO_MENTIONS
from bot import messages
from bot.community.ports import AdminReply, AdminRequest
from bot.errors import DeliveryError
from bot.events import Event
from bot.runtime import Core

log = logging.getLogger(__name__)
GROUP = "thankyou-admin"
COMMAND = "/thankyou-admin"
MEMBER_ACTIONS = {"forget": "forget me", "forget-now": "forget me now", "export": "export my data"}
QUIET_ACTIONS = {"quiet": True, "quiet-off": False}
IN_DM = messages.text("community_member_in_dm")
FAILED = messages.text("community_admin_failed")
Interaction = discord.Interaction[Any]


class HasCore(Protocol):
    core: Core

    async def deliver(self, event: Event) -> DeliveryError | None: ...


def _client(interaction: Interaction) -> HasCore:
    return cast(HasCore, interaction.client)


class PostableChannel(app_commands.Transformer):
    """A channel option limited to text and announcement channels (where a post with a button can go)."""

    @property
    def type(self) -> discord.AppCommandOptionType:
        return discord.AppCommandOptionType.channel

    @property
    def channel_types(self) -> list[discord.ChannelType]:
        return [discord.ChannelType.text, discord.ChannelType.news]

    async def transform(self, interaction: Interaction, value: Any, /) -> Any:
        return value


def _choices(*values: str) -> list[app_commands.Choice[str]]:
    return [app_commands.Choice(name=messages.text(f"discord_choice_{v}"), value=v) for v in values]


def admin_group() -> app_commands.Group:
    """The `/thankyou-admin` subcommands, registered for servers only, visible to Manage Server by default."""
    group = app_commands.Group(
        name=GROUP, description=messages.text("discord_admin_description"),
        default_permissions=discord.Permissions(manage_guild=True),
        allowed_contexts=app_commands.AppCommandContext(guild=True),
        allowed_installs=app_commands.AppInstallationType(guild=True),
    )  # fmt: skip

    @group.command(name="settings", description=messages.text("discord_admin_settings"))
    async def settings(interaction: Interaction) -> None:
        await run_admin(interaction, "")

    @group.command(name="channel", description=messages.text("discord_admin_channel"))
    async def channel(
        interaction: Interaction, channel: app_commands.Transform[app_commands.AppCommandChannel, PostableChannel]
    ) -> None:
        await run_admin(interaction, f"channel {channel.id}")

    @group.command(name="schedule", description=messages.text("discord_admin_schedule"))
    async def schedule(interaction: Interaction, when: str) -> None:
        await run_admin(interaction, f"schedule {when}")

    @group.command(name="timezone", description=messages.text("discord_admin_timezone"))
    async def timezone(interaction: Interaction, zone: str) -> None:
        await run_admin(interaction, f"timezone {zone}")

    @group.command(name="stats", description=messages.text("discord_admin_stats"))
    async def stats(interaction: Interaction, setting: str) -> None:
        await run_admin(interaction, f"stats {setting}")

    @group.command(name="preview", description=messages.text("discord_admin_preview"))
    async def preview(interaction: Interaction) -> None:
        await run_admin(interaction, "preview")

    @group.command(name="post-now", description=messages.text("discord_admin_post_now"))
    async def post_now(interaction: Interaction) -> None:
        await run_admin(interaction, "post now")

    @group.command(name="template", description=messages.text("discord_admin_template"))
    @app_commands.choices(action=_choices("show", "set", "reset"))
    async def template(interaction: Interaction, action: app_commands.Choice[str], text: str | None = None) -> None:
        await run_admin(interaction, f"template {action.value} {text or ''}".strip())

    _member_defaults(group)
    return group


def _member_defaults(group: app_commands.Group) -> None:
    """What the community sets for its members' debriefs: tone, note channel, reminder timing, retention."""

    @group.command(name="tone", description=messages.text("discord_admin_tone"))
    @app_commands.choices(tone=_choices("formal", "warm", "concise", "default"))
    async def tone(interaction: Interaction, tone: app_commands.Choice[str]) -> None:
        await run_admin(interaction, f"tone {tone.value}")

    @group.command(name="note", description=messages.text("discord_admin_note"))
    @app_commands.choices(send_as=_choices("email", "linkedin", "card", "default"))
    async def note(interaction: Interaction, send_as: app_commands.Choice[str]) -> None:
        await run_admin(interaction, f"note {send_as.value}")

    @group.command(name="nudge", description=messages.text("discord_admin_nudge"))
    async def nudge(interaction: Interaction, after: str) -> None:
        await run_admin(interaction, f"nudge {after}")

    @group.command(name="checkin", description=messages.text("discord_admin_checkin"))
    async def checkin(interaction: Interaction, after: str) -> None:
        await run_admin(interaction, f"checkin {after}")

    @group.command(name="retention", description=messages.text("discord_admin_retention"))
    async def retention(interaction: Interaction, days: int) -> None:
        await run_admin(interaction, f"retention {days}")


def is_admin(interaction: Interaction) -> bool:
    """Manage Server in the invoking member's own permissions, in a server (never a DM)."""
    return interaction.guild_id is not None and interaction.permissions.manage_guild


async def run_admin(interaction: Interaction, text: str) -> None:
    await interaction.response.defer(ephemeral=True, thinking=True)
    client = interaction.client
    request = AdminRequest(
        platform=translate.PLATFORM, workspace=str(interaction.guild_id or ""), actor=str(interaction.user.id),
        is_admin=is_admin(interaction), text=text, command=COMMAND, directory=DiscordDirectory(client),
        poster=DiscordChannelPoster(client),
    )  # fmt: skip
    try:
        reply = await _client(interaction).core.community.admin(request)
    except Exception:
        log.exception("admin command failed", extra={"platform": "discord"})
        reply = AdminReply(FAILED)
    await _answer(interaction, reply)


async def _answer(interaction: Interaction, reply: AdminReply) -> None:
    content = escape(reply.text)
    kwargs: dict[str, Any] = {"allowed_mentions": NO_MENTIONS}
    if reply.preview is not None:
        content = f"{content}\n\n{escape(reply.preview.text)}"
        kwargs["view"] = start_view(reply.preview)
    try:
        await interaction.edit_original_response(content=content, **kwargs)
    except discord.HTTPException:
        log.info("admin reply not delivered", extra={"platform": "discord"})


async def run_member(interaction: Interaction, action: str) -> None:
    """`/thankyou` with forget, export or quiet: the same confirmation as typing it, in the member's DM."""
    await interaction.response.defer(ephemeral=True, thinking=True)
    client, user = _client(interaction), interaction.user.id
    try:
        if action in QUIET_ACTIONS:
            where = translate.address(user_id=user, channel_id=0)
            text = await client.core.community.quiet(where, on=QUIET_ACTIONS[action])
        else:
            dm = interaction.channel_id if interaction.context.dm_channel else (await interaction.user.create_dm()).id
            event = translate.dm_text(
                message_id=interaction.id, user_id=user, channel_id=dm or 0, text=MEMBER_ACTIONS[action], mentions={}
            )
            error = await client.deliver(event)
            text = IN_DM if error is None else messages.text("discord_not_delivered")
    except discord.HTTPException:
        text = messages.text("discord_closed_dms")
    await _answer(interaction, AdminReply(text))


async def start_from_channel(interaction: Interaction, start: Any) -> None:
    """The Start button under a channel post does what `/thankyou` in that server does (`start`): the
    clicker's own debrief in their DM, answered privately, and a link to the server for its counts only."""
    await start(interaction, None)
