"""The `/thankyou` application command and how it is synced (one dev guild for instant updates, or global)."""

from __future__ import annotations

from typing import Any, Protocol, cast

import discord
from discord import app_commands

from bot import messages

CHOICES = [
    app_commands.Choice(name=messages.text("discord_choice_start"), value="start"),
    app_commands.Choice(name=messages.text("discord_choice_help"), value="help"),
    app_commands.Choice(name=messages.text("discord_choice_cancel"), value="cancel"),
    app_commands.Choice(name=messages.text("discord_choice_resume"), value="resume"),
]


class CommandHandler(Protocol):
    async def on_thankyou(self, interaction: discord.Interaction[Any], action: str | None) -> None: ...


def thankyou_command() -> app_commands.Command[Any, Any, None]:
    """Usable wherever the person is: in servers that added the bot, and, once a person has added the app to
    their own account (a user install), in any server, group DM or DM. The conversation always moves to
    the person's DM with the bot; the answer to the command itself is ephemeral (only they see it)."""

    @app_commands.command(name="thankyou", description=messages.text("discord_command_description"))
    @app_commands.describe(action=messages.text("discord_command_action_description"))
    @app_commands.choices(action=CHOICES)
    @app_commands.allowed_contexts(guilds=True, dms=True, private_channels=True)
    @app_commands.allowed_installs(guilds=True, users=True)
    async def thankyou(interaction: discord.Interaction[Any], action: app_commands.Choice[str] | None = None) -> None:
        await cast(CommandHandler, interaction.client).on_thankyou(interaction, action.value if action else None)

    return thankyou


async def sync_commands(tree: app_commands.CommandTree[Any], dev_guild: int | None) -> None:
    """A dev guild gets changes instantly; global commands can take a while to appear everywhere."""
    if dev_guild:
        guild = discord.Object(id=dev_guild)
        tree.copy_global_to(guild=guild)
        await tree.sync(guild=guild)
    else:
        await tree.sync()


INVITE_SCOPES = ("bot", "applications.commands")
INVITE_PERMISSIONS = discord.Permissions.none()
"""0: replies to /thankyou are interaction responses and the debrief happens in DMs, neither of which needs a
server permission. The `bot` scope only makes the bot a member, so members share a server with it."""


def invite_url(application_id: int) -> str:
    """The link a server admin opens to add the bot (see deploy/discord/README.md)."""
    return discord.utils.oauth_url(application_id, permissions=INVITE_PERMISSIONS, scopes=INVITE_SCOPES)


USER_INSTALL = 1
"""Discord's application integration type for an install to a person's own account (0 is a server)."""


def user_install_url(application_id: int) -> str:
    """The link anyone opens to add the app to their own account and use `/thankyou` anywhere (no bot user
    joins any server, so the only scope is `applications.commands` and there are no permissions)."""
    return (
        f"https://discord.com/oauth2/authorize?client_id={application_id}"
        f"&integration_type={USER_INSTALL}&scope=applications.commands"
    )
