"""The debrief as Discord modals: "Fill in a form instead" opens part 1; a modal holds five inputs, and a modal
can't open another, so each part ends with an ephemeral "Continue to part N" button that opens the next.

Each input sits in a Label (text inputs for text, a select for choices). A submitted part is checked with the
chat's own parsers (`core.desk.check`); problems come back at once in an ephemeral message with a button to fix
them, and the valid answers of the part are kept. Each part is saved to the member's open debrief as it
arrives (`FormSubmitted`, stage `page`), so a member who stops half-way finds everything in the chat; the last
part (stage `done`) DMs the summary to confirm. Times are read with the member's locale (day or month first).
"""

from __future__ import annotations

import logging
import re
from typing import Any, Protocol, cast

import discord

from adapters.discord import ids, translate
from adapters.discord.sender import NO_MENTIONS
from bot import messages
from bot.errors import DeliveryError
from bot.events import Address, Event, FormSubmitted
from bot.forms import FormField, FormSpec
from bot.runtime import Core

log = logging.getLogger(__name__)

PER_MODAL = 5
START_PAGE = 0  # "ty:f:0": start the debrief in the DM (the help message's "Start a debrief")
MAX_LABEL, MAX_DESCRIPTION, MAX_PLACEHOLDER, MAX_TITLE = 45, 100, 100, 45
Interaction = discord.Interaction[Any]


class FormHost(Protocol):
    """What the modals need from the client: the core, delivery, and `/thankyou` for the start button."""

    core: Core

    async def deliver(self, event: Event, *, acknowledged: Any = None) -> DeliveryError | None: ...

    async def on_thankyou(self, interaction: Interaction, action: str | None) -> None: ...


def form_button(
    page: int, label: str, style: discord.ButtonStyle = discord.ButtonStyle.primary
) -> discord.ui.Button[Any]:
    return discord.ui.Button(label=label[:80], custom_id=ids.form_id(page), style=style)


class FormButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=ids.FORM_TEMPLATE):
    """Opens part `page` of the form (rebuilt from its custom_id, so it works after a restart)."""

    def __init__(self, page: int) -> None:
        super().__init__(discord.ui.Button(custom_id=ids.form_id(page)))
        self.page = page

    @classmethod
    async def from_custom_id(cls, interaction: Interaction, item: discord.ui.Item[Any], match: re.Match[str], /) -> Any:
        return cls(int(match["page"]))

    async def callback(self, interaction: Interaction) -> None:
        host = cast(FormHost, interaction.client)
        if self.page == START_PAGE:
            await host.on_thankyou(interaction, "start")
            return
        await open_page(host, interaction, self.page)


def _where(interaction: Interaction, channel: int = 0) -> Address:
    return translate.address(user_id=interaction.user.id, channel_id=channel or interaction.channel_id or 0)


async def open_page(host: FormHost, interaction: Interaction, page: int) -> None:
    """Answer the click with the modal for part `page` (1-based), filled with what the member already said."""
    spec = await host.core.desk.form(_where(interaction))
    pages = spec.pages(PER_MODAL)
    if not 1 <= page <= len(pages):
        await interaction.response.send_message(messages.text("form_not_open"), ephemeral=True)
        return
    await interaction.response.send_modal(FormModal(host, spec, page, custom_id=f"ty:form:{page}:{interaction.id}"))


def _input(field: FormField) -> discord.ui.Item[Any]:
    if field.kind == "choice":
        options = [
            discord.SelectOption(label=c.label[:100], value=c.value, default=c.value == field.value)
            for c in field.choices
        ]
        return discord.ui.Select(custom_id=field.key, options=options, required=False, min_values=0, max_values=1)
    long = field.kind in ("long_text", "people", "per_person")
    return discord.ui.TextInput(
        custom_id=field.key, style=discord.TextStyle.long if long else discord.TextStyle.short,
        default=field.value[:4000] or None, required=not field.optional, max_length=min(field.max_length, 4000),
        placeholder=field.hint[:MAX_PLACEHOLDER] or None,
    )  # fmt: skip


class FormModal(discord.ui.Modal):
    """One part of the form: up to five labelled inputs."""

    def __init__(self, host: FormHost, spec: FormSpec, page: int, *, custom_id: str) -> None:
        total = len(spec.pages(PER_MODAL))
        title = messages.text("form_title_part", n=page, total=total) if total > 1 else messages.text("form_title")
        super().__init__(title=title[:MAX_TITLE], custom_id=custom_id, timeout=None)
        self.host, self.spec, self.page, self.total = host, spec, page, total
        self.fields = spec.pages(PER_MODAL)[page - 1]
        self.inputs: dict[str, discord.ui.Item[Any]] = {}
        for field in self.fields:
            item = _input(field)
            self.inputs[field.key] = item
            self.add_item(discord.ui.Label(text=field.label[:MAX_LABEL], component=item))

    def values(self) -> tuple[tuple[str, str], ...]:
        found = []
        for key, item in self.inputs.items():
            if isinstance(item, discord.ui.Select):
                found.append((key, str(item.values[0]) if item.values else ""))
            elif isinstance(item, discord.ui.TextInput):
                found.append((key, item.value or ""))
        return tuple(found)

    async def on_submit(self, interaction: Interaction) -> None:
        await interaction.response.defer(ephemeral=True, thinking=True)
        values = self.values()
        locale = str(interaction.locale)
        errors = self.host.core.desk.check(values, timezone=self.spec.timezone, locale=locale, complete=False)
        last = self.page == self.total and not errors
        kept = tuple((k, v) for k, v in values if k not in errors)
        channel = await _dm_channel(interaction)
        event = FormSubmitted(
            _where(interaction, channel), str(interaction.id), kept, "done" if last else "page",
            timezone=self.spec.timezone, locale=locale,
        )  # fmt: skip
        problem = await self.host.deliver(event)
        await interaction.followup.send(**_reply(self, errors, problem), ephemeral=True, allowed_mentions=NO_MENTIONS)


async def _dm_channel(interaction: Interaction) -> int:
    """Answers go to the member's DM with the bot, wherever the form was opened (a server, a group DM)."""
    if interaction.context.dm_channel and interaction.channel_id:
        return interaction.channel_id
    return (await interaction.user.create_dm()).id


def _reply(modal: FormModal, errors: dict[str, str], problem: DeliveryError | None) -> dict[str, Any]:
    """What the member sees after a part: its problems and a button to fix them, the next part, or done."""
    view = discord.ui.View(timeout=None)
    if errors:
        labels = {f.key: f.label for f in modal.fields}
        lines = "\n".join(f"• {labels.get(key, key)}: {text}" for key, text in errors.items())
        view.add_item(form_button(modal.page, messages.text("label_form_fix")))
        return {"content": messages.text("form_problems", problems=discord.utils.escape_markdown(lines)), "view": view}
    if modal.page < modal.total:
        label = messages.text("label_form_continue", n=modal.page + 1, total=modal.total)
        view.add_item(form_button(modal.page + 1, label))
        return {"content": messages.text("form_page_saved"), "view": view}
    if problem is not None:
        return {"content": messages.text("discord_not_delivered")}
    return {"content": messages.text("form_done")}
