"""The drafts document as text for people: each draft clearly separated, then when to send and follow up."""

from __future__ import annotations

from datetime import datetime

from bot.compose.fit import LINKEDIN_CHARACTERS
from bot.drafts import Draft, DraftsDocument

RULE = "=" * 72
_LEVEL_MARK = {"error": "ERROR  ", "warning": "warning", "info": "tip    "}


def when(moment: datetime) -> str:
    """'Friday 20 November 2026, 18:00 (UTC-05:00)': unambiguous in every locale."""
    offset = moment.strftime("%z")
    zone = f"UTC{offset[:3]}:{offset[3:]}" if offset else "UTC"
    return f"{moment.strftime('%A')} {moment.day} {moment.strftime('%B %Y, %H:%M')} ({zone})"


def _draft(draft: Draft, number: int, total: int) -> list[str]:
    recipient = f"{draft.to.name} <{draft.to.email}>" if draft.to.email else draft.to.name
    size = f"{draft.words} words"
    if draft.channel == "linkedin":  # LinkedIn counts characters: a connection note holds at most 300
        size += f", {len(draft.body)} of LinkedIn's {LINKEDIN_CHARACTERS} characters"
    lines = [RULE, f"Note {number} of {total}: to {recipient} ({draft.channel}, {size})", RULE]
    if draft.subject:
        lines += [f"Subject: {draft.subject}", ""]
    lines += [draft.body, ""]
    if not draft.checks:
        return [*lines, "Checks: none. This note is ready to send."]
    lines.append("Checks:")
    return lines + [f"  {_LEVEL_MARK[c.level]}  {c.code}: {c.message}" for c in draft.checks]


def format_drafts(document: DraftsDocument) -> str:
    lines: list[str] = []
    total = len(document.drafts)
    for number, draft in enumerate(document.drafts, start=1):
        lines += [*_draft(draft, number, total), ""]
    lines += [
        RULE,
        f"Send by:   {when(document.send_by)}",
        f"Follow up: {when(document.follow_up_at)}, if you haven't heard back by then",
    ]
    return "\n".join(lines) + "\n"
