"""The debrief as one Slack modal: "Fill in a form instead" (first message, App Home, welcome) opens it.

- Drawn from the core's neutral form (`core.desk.form`): text inputs, a date and a time picker for when, a
  multi-line field for the people, selects for choices; optional inputs are marked optional by Slack.
- `view_submission` is checked with the chat's own parsers before Slack gets its answer (`core.desk.check`,
  no I/O), so problems show beside their input (`response_action: errors`, keyed by block id); a valid form is
  acknowledged (the modal closes) and becomes a `FormSubmitted` turn that DMs the summary to confirm.
- Closed unfinished (`view_closed`, asked for with `notify_on_close`): what was valid is kept and the chat goes
  on at the first question still unanswered.

Block Kit limits: at most 100 blocks in a modal (the debrief needs about 20), a 24-character title and button
texts, `max_length` on every text input, 3,000 characters of `private_metadata`.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from slack_bolt.context.ack.async_ack import AsyncAck
from slack_sdk.models.blocks import (
    Block,
    ContextBlock,
    DatePickerElement,
    InputBlock,
    MarkdownTextObject,
    Option,
    PlainTextInputElement,
    StaticSelectElement,
    TimePickerElement,
)
from slack_sdk.models.views import View

from adapters.slack import ids, translate
from adapters.slack.bot import SlackBot
from bot import messages
from bot.events import Address, FormSubmitted
from bot.forms import FormField, FormSpec

log = logging.getLogger(__name__)

CALLBACK = "tyform"
VALUE = "v"  # the one element of each input block
BLOCK_PREFIX = "f:"
TIME_SUFFIX = ":time"
MAX_BLOCKS = 100
MAX_TITLE = 24
Body = dict[str, Any]


def block_id(key: str) -> str:
    return BLOCK_PREFIX + key


def form_view(spec: FormSpec, *, channel: str = "") -> dict[str, Any]:
    """The modal (validated by slack_sdk's models); `channel` is the DM to answer in, when known."""
    blocks: list[Block] = [ContextBlock(elements=[MarkdownTextObject(text=messages.text("form_intro"))])]
    for field in spec.fields:
        blocks.extend(_inputs(field))
    metadata = json.dumps({"tz": spec.timezone, "channel": channel})
    view = View(
        type="modal", callback_id=CALLBACK, title=_short(messages.text("form_title")),
        submit=_short(messages.text("form_submit")), close=_short(messages.text("form_close")),
        blocks=blocks[:MAX_BLOCKS], private_metadata=metadata, notify_on_close=True,
    )  # fmt: skip
    return view.to_dict()


def _short(text: str) -> str:
    return text if len(text) <= MAX_TITLE else text[: MAX_TITLE - 1] + "…"


def _inputs(field: FormField) -> list[Block]:
    hint = field.hint or None
    if field.kind == "when":
        day, _, at = field.value.partition(" ")
        date = DatePickerElement(action_id=VALUE, initial_date=day or None)
        time = TimePickerElement(action_id=VALUE, initial_time=at or None)
        return [
            InputBlock(block_id=block_id(field.key), label=field.label, element=date, optional=True),
            InputBlock(
                block_id=block_id(field.key) + TIME_SUFFIX,
                label=messages.text("form_time_label"),
                element=time,
                optional=True,
            ),
        ]
    if field.kind == "choice":
        options = [Option(value=c.value, text=c.label[:75]) for c in field.choices]
        chosen = next((o for o in options if o.value == field.value), None)
        select = StaticSelectElement(action_id=VALUE, options=options, initial_option=chosen)
        return [InputBlock(block_id=block_id(field.key), label=field.label, element=select, optional=True)]
    multiline = field.kind in ("long_text", "people", "per_person")
    text = PlainTextInputElement(
        action_id=VALUE, multiline=multiline, max_length=min(field.max_length, 3000),
        initial_value=field.value[:3000] or None,
    )  # fmt: skip
    return [InputBlock(block_id=block_id(field.key), label=field.label, element=text, hint=hint,
                       optional=field.optional)]  # fmt: skip


def read_values(view: Body) -> tuple[tuple[str, str], ...]:
    """(key, text) for every input of a submitted (or closed) modal; a date and a time become one `when` text."""
    state = ((view.get("state") or {}).get("values")) or {}
    found: dict[str, str] = {}
    times: dict[str, str] = {}
    for block, actions in state.items():
        if not block.startswith(BLOCK_PREFIX) or not isinstance(actions, dict):
            continue
        value = _value(actions.get(VALUE) or {})
        key = block.removeprefix(BLOCK_PREFIX)
        if key.endswith(TIME_SUFFIX):
            times[key.removesuffix(TIME_SUFFIX)] = value
        else:
            found[key] = value
    for key, at in times.items():
        day = found.get(key, "")
        found[key] = f"{day} {at}" if day and at else f"on {day}" if day else f"today at {at}" if at else ""
    return tuple(found.items())


def _value(element: Body) -> str:
    kind = element.get("type")
    if kind == "static_select":
        return str((element.get("selected_option") or {}).get("value") or "")
    if kind == "datepicker":
        return str(element.get("selected_date") or "")
    if kind == "timepicker":
        return str(element.get("selected_time") or "")
    return str(element.get("value") or "")


def inline_errors(errors: dict[str, str], view: Body) -> dict[str, str]:
    """Errors keyed by the block that shows them (Slack ignores ids that aren't input blocks of the view)."""
    shown = {b.get("block_id") for b in view.get("blocks") or [] if isinstance(b, dict)}
    keyed = {block_id(key): problem[:2000] for key, problem in errors.items()}
    if shown:
        keyed = {b: p for b, p in keyed.items() if b in shown} or keyed
    return keyed


def _metadata(view: Body) -> dict[str, str]:
    try:
        data = json.loads(view.get("private_metadata") or "{}")
    except ValueError:
        return {}
    return {k: v for k, v in data.items() if isinstance(v, str)} if isinstance(data, dict) else {}


def register_forms(bot: SlackBot) -> None:
    """The form's listeners: open (button), submit, close."""
    app = bot.app

    @app.action(ids.FORM_OPEN)
    async def on_open(ack: AsyncAck, body: Body) -> None:
        await ack()
        user = translate.action_team(body), str((body.get("user") or {}).get("id", ""))
        bot.background.spawn(("form", *user), lambda: _open(bot, body))  # not behind this member's turns

    @app.view_submission(CALLBACK)
    async def on_submit(ack: AsyncAck, body: Body) -> None:
        view = body.get("view") or {}
        values = read_values(view)
        meta = _metadata(view)
        errors = bot.core.desk.check(values, timezone=meta.get("tz") or "UTC", complete=True)
        if errors:
            await ack(response_action="errors", errors=inline_errors(errors, view))
            return
        await ack()
        _submit(bot, body, values, "done")

    @app.view_closed(CALLBACK)
    async def on_closed(ack: AsyncAck, body: Body) -> None:
        await ack()
        view = body.get("view") or {}
        _submit(bot, body, tuple((k, v) for k, v in read_values(view) if v.strip()), "closed")


async def _open(bot: SlackBot, body: Body) -> None:
    user = str((body.get("user") or {}).get("id", ""))
    channel = str((body.get("channel") or {}).get("id") or (body.get("container") or {}).get("channel_id") or "")
    address = Address(translate.PLATFORM, translate.action_team(body), channel, user)
    spec = await bot.core.desk.form(address)
    await bot.client.views_open(trigger_id=str(body.get("trigger_id", "")), view=form_view(spec, channel=channel))


def _submit(bot: SlackBot, body: Body, values: tuple[tuple[str, str], ...], stage: str) -> None:
    """Hand the form to the core after Slack has its answer (the DM is opened first when not known yet)."""
    view = body.get("view") or {}
    meta = _metadata(view)
    team, user = translate.action_team(body), str((body.get("user") or {}).get("id", ""))
    event_id = translate.stable_id("form", str(view.get("id", "")), str(view.get("hash", "")), stage)

    async def job() -> None:
        channel = meta.get("channel") or await _dm_channel(bot, user)
        address = Address(translate.PLATFORM, team, channel, user)
        event = FormSubmitted(
            address, event_id, values, "done" if stage == "done" else "closed", timezone=meta.get("tz") or None
        )
        await bot.core.handle(event, bot.sender)

    bot.background.spawn((team, user), job)


async def _dm_channel(bot: SlackBot, user: str) -> str:
    opened = await bot.client.conversations_open(users=user)
    return str((opened.get("channel") or {}).get("id", ""))
