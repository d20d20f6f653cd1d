"""The `/thankyou` application command and how it is synced (one dev guild for instant updates, or global)."""

from __future__ import annotations

import logging
import re
from typing import Any, Protocol, cast

import discord
from discord import app_commands
from discord.utils import escape_markdown

from adapters.discord import ids
from adapters.discord.translate import address
from bot import messages
from bot.events import Address
from bot.runtime import Core
from bot.time.locales import zone_guesses

CHOICES = [
    app_commands.Choice(name=messages.text("discord_choice_start"), value="start"),
    app_commands.Choice(name=messages.text("discord_choice_help"), value="help"),
    app_commands.Choice(name=messages.text("discord_choice_cancel"), value="cancel"),
    app_commands.Choice(name=messages.text("discord_choice_resume"), value="resume"),
    app_commands.Choice(name=messages.text("discord_choice_forget"), value="forget"),
    app_commands.Choice(name=messages.text("discord_choice_forget_now"), value="forget-now"),
    app_commands.Choice(name=messages.text("discord_choice_export"), value="export"),
    app_commands.Choice(name=messages.text("discord_choice_quiet"), value="quiet"),
    app_commands.Choice(name=messages.text("discord_choice_quiet_off"), value="quiet-off"),
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


# --- first contact: `/thankyou help`, and the member's time zone (asked once) --------------------------------

log = logging.getLogger(__name__)
Interaction = discord.Interaction[Any]
NO_PINGS = discord.AllowedMentions.none()
ZONE_BUTTON_TEMPLATE = r"ty:tz:(?P<zone>[A-Za-z0-9_/+-]{1,64})"
OTHER_ZONE = "other"


class Host(Protocol):
    core: Core

    async def on_thankyou(self, interaction: Interaction, action: str | None) -> None: ...


def _host(interaction: Interaction) -> Host:
    return cast(Host, interaction.client)


def start_buttons() -> discord.ui.View:
    """ "Start a debrief" (in the DM) and "Fill in a form instead" (the form's part 1)."""
    view = discord.ui.View(timeout=None)
    view.add_item(
        discord.ui.Button(
            label=messages.text("label_start_debrief"), custom_id=ids.form_id(0), style=discord.ButtonStyle.primary
        )
    )
    view.add_item(discord.ui.Button(label=messages.text("label_fill_form"), custom_id=ids.form_id(1)))
    return view


async def show_help(host: Host, interaction: Interaction) -> None:
    """`/thankyou help`, only to the member: what the bot does, the words to type, reminders, privacy, then a
    sample note (as Slack's App Home shows them)."""
    keys = ("first_contact_what", "help", "first_contact_reminders", "first_contact_privacy")
    text = "\n\n".join(escape_markdown(messages.text(key)) for key in keys)
    await interaction.response.send_message(text, view=start_buttons(), ephemeral=True, allowed_mentions=NO_PINGS)
    body = host.core.desk.sample_note().body.replace("```", "'''")
    sample = f"{messages.text('first_contact_sample')}\n```\n{body}\n```"
    await interaction.followup.send(sample[:2000], ephemeral=True, allowed_mentions=NO_PINGS)


def _member(interaction: Interaction) -> Address:
    return address(user_id=interaction.user.id, channel_id=0)  # prefs are per member, not per channel


async def zone_question(host: Host, interaction: Interaction) -> tuple[str, discord.ui.View] | None:
    """After `/thankyou`: remember how the member writes dates (their locale) and, until they have chosen a
    zone, the question to add to the reply: one tap on the locale's likeliest zone, a menu of others, or typing
    one. None once they have chosen (or when the database can't tell: the question simply waits)."""
    locale = str(interaction.locale)
    try:
        await host.core.desk.choose_zone(_member(interaction), timezone=None, locale=locale)
        if await host.core.desk.zone(_member(interaction)) is not None:
            return None
    except Exception:  # only costs the question this time
        log.warning("time zone lookup failed", extra={"platform": "discord"})
        return None
    guesses = zone_guesses(locale)
    view = discord.ui.View(timeout=None)
    view.add_item(
        discord.ui.Button(
            label=messages.text("label_tz_use", zone=guesses[0]), custom_id=f"ty:tz:{guesses[0]}",
            style=discord.ButtonStyle.primary,
        )
    )  # fmt: skip
    options = [discord.SelectOption(label=zone, value=zone) for zone in guesses[1:]]
    options.append(discord.SelectOption(label=messages.text("label_tz_other"), value=OTHER_ZONE))
    view.add_item(
        discord.ui.Select(custom_id=ids.ZONE_ID, options=options, placeholder=messages.text("tz_ask_placeholder"))
    )
    return messages.text("tz_ask"), view


async def _save_zone(interaction: Interaction, zone: str) -> None:
    chosen = await _host(interaction).core.desk.choose_zone(
        _member(interaction), timezone=zone, locale=str(interaction.locale)
    )
    text = messages.text("timezone_set", zone=chosen) if chosen else messages.text("timezone_unknown")
    if interaction.type == discord.InteractionType.modal_submit or chosen is None:
        await interaction.response.send_message(text, ephemeral=True, allowed_mentions=NO_PINGS)
    else:
        await interaction.response.edit_message(content=text, view=None, allowed_mentions=NO_PINGS)


class ZoneButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=ZONE_BUTTON_TEMPLATE):
    """One tap on the zone the member's locale suggests."""

    def __init__(self, zone: str) -> None:
        super().__init__(discord.ui.Button(custom_id=f"ty:tz:{zone}"))
        self.zone = zone

    @classmethod
    async def from_custom_id(cls, interaction: Interaction, item: discord.ui.Item[Any], match: re.Match[str], /) -> Any:
        return cls(match["zone"])

    async def callback(self, interaction: Interaction) -> None:
        await _save_zone(interaction, self.zone)


class ZoneMenu(discord.ui.DynamicItem[discord.ui.Select[Any]], template=re.escape(ids.ZONE_ID)):
    """The other zones, and "Another zone", which asks the member to type it."""

    def __init__(self) -> None:
        super().__init__(discord.ui.Select(custom_id=ids.ZONE_ID, options=[discord.SelectOption(label=OTHER_ZONE)]))

    @classmethod
    async def from_custom_id(cls, interaction: Interaction, item: discord.ui.Item[Any], match: re.Match[str], /) -> Any:
        return cls()

    async def callback(self, interaction: Interaction) -> None:
        data = cast(dict[str, Any], interaction.data or {})
        picked = [str(v) for v in data.get("values", [])]
        if picked and picked[0] != OTHER_ZONE:
            await _save_zone(interaction, picked[0])
        else:
            await interaction.response.send_modal(ZoneModal())


class ZoneModal(discord.ui.Modal):
    """Typing a zone name (any case: "europe/berlin")."""

    def __init__(self) -> None:
        super().__init__(title=messages.text("tz_type_title"), custom_id=f"ty:tzm:{id(self)}")
        self.zone: discord.ui.TextInput[Any] = discord.ui.TextInput(
            custom_id="zone", placeholder=messages.text("tz_type_placeholder"), max_length=64
        )
        self.add_item(discord.ui.Label(text=messages.text("tz_type_label"), component=self.zone))

    async def on_submit(self, interaction: Interaction) -> None:
        await _save_zone(interaction, self.zone.value.strip())


ZONE_ITEMS: tuple[type[discord.ui.DynamicItem[Any]], ...] = (ZoneButton, ZoneMenu)
