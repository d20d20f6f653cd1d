"""Neutral actions → Slack messages (Block Kit built with slack_sdk's validated models).

Consecutive plain messages are merged into one post (Slack allows about one message per second per
channel); each question closes its post, and each draft and reminder gets a post of its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from slack_sdk.models.blocks import (
    ActionsBlock,
    Block,
    ButtonElement,
    ContextBlock,
    MarkdownTextObject,
)

from adapters.slack import ids
from adapters.slack.draft_blocks import draft_messages, nudge_draft_blocks
from adapters.slack.message import Message, pack, sections
from bot import messages as wording
from bot.actions import Action, Ask, DraftsReady, End, Nudge, ReminderScheduled, Say

BUTTONS_PER_ROW = 25
_NAV_LABELS = {
    "skip": wording.text("label_nav_skip"),
    "back": wording.text("label_nav_back"),
    "cancel": wording.text("label_nav_cancel"),
    "help": wording.text("label_nav_help"),
    "resume": wording.text("label_nav_resume"),
}


def render(actions: Sequence[Action]) -> list[Message]:
    """Every message to post for one batch of actions, in order."""
    messages: list[Message] = []
    pending: list[Block] = []
    notice: list[str] = []

    def flush() -> None:
        if pending:
            messages.extend(pack(pending, " ".join(notice)))
        pending.clear()
        notice.clear()

    for action in actions:
        if isinstance(action, Say):
            pending.extend(sections(action.text))
            notice.append(action.text)
        elif isinstance(action, ReminderScheduled):
            pending.append(_reminder_context(action))
            notice.append("Reminder set.")
        elif isinstance(action, Ask):
            pending.extend(ask_blocks(action))
            notice.append(action.text)
            flush()
        elif isinstance(action, DraftsReady):
            flush()
            messages.extend(draft_messages(action))
        elif isinstance(action, Nudge):
            flush()
            messages.extend(replace(m, reminder_id=action.reminder_id) for m in pack(nudge_blocks(action), action.text))
        elif isinstance(action, End) and action.reason == "done":
            goodbye = wording.text("goodbye")
            pending.extend(sections(goodbye))
            notice.append(goodbye)
    flush()
    return messages


def ask_blocks(ask: Ask) -> list[Block]:
    """The question, its choices as buttons (typed answers still work), then navigation buttons."""
    blocks = sections(ask.text)
    choices = [
        ButtonElement(
            text=_label(choice.label),
            action_id=ids.choice_id(ask.field, n),
            value=choice.value[:2000],
            style="primary" if ask.field in ("confirm", "start") else None,
        )
        for n, choice in enumerate(ask.choices)
    ]
    for start in range(0, len(choices), BUTTONS_PER_ROW):
        blocks.append(ActionsBlock(elements=choices[start : start + BUTTONS_PER_ROW]))
    navigation = [
        ButtonElement(text=_NAV_LABELS[c], action_id=ids.nav_id(c, ask.field), value=c)
        for c in ask.navigation
        if c in _NAV_LABELS
    ]
    if "form" in ask.navigation:  # the first question offers the whole debrief as a form
        navigation.append(ButtonElement(text=wording.text("label_fill_form"), action_id=ids.FORM_OPEN, value="form"))
    if navigation:
        blocks.append(ActionsBlock(elements=navigation))
    return blocks


def nudge_blocks(nudge: Nudge) -> list[Block]:
    blocks = sections(nudge.text)
    buttons = [
        ButtonElement(text=_label(option.label), action_id=ids.remind_id(nudge.reminder_id, n), value=option.value)
        for n, option in enumerate(nudge.options)
    ]
    if nudge.draft is not None:
        blocks.extend(nudge_draft_blocks(nudge.draft))
    for start in range(0, len(buttons), BUTTONS_PER_ROW):
        blocks.append(ActionsBlock(elements=buttons[start : start + BUTTONS_PER_ROW]))
    return blocks


def _reminder_context(action: ReminderScheduled) -> Block:
    """Slack's date token shows the time in each reader's own zone; the fallback is the stored local time."""
    stamp = int(action.due_at.timestamp())
    plain = action.due_at.strftime("%a %d %b, %H:%M")
    when = f"<!date^{stamp}^{{date_short_pretty}} at {{time}}|{plain}>"
    line = wording.text(f"slack_reminder_{action.kind}", when=when)
    return ContextBlock(elements=[MarkdownTextObject(text=line)])


def _label(text: str) -> str:
    """Button labels are plain text (never parsed), at most 75 characters."""
    return text if len(text) <= 75 else text[:74] + "…"
