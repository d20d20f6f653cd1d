"""Admin commands for what a community sets for its members' debriefs: the tone and note channel a new member
starts with, when reminders come (`nudge 24h`, `checkin 7 days`, or both at once with `reminders …`), and how
long debriefs are kept (`retention 365`). Bad input changes nothing and says what to type instead.

The values take effect from the next debrief a member starts (bot/community/defaults.py); debriefs already
open keep the timing they started with.
"""

from __future__ import annotations

import re

from bot import messages
from bot.answers import CHANNELS, TONES
from bot.community.commands import AdminCommand
from bot.community.durations import days_in, hours_in, is_reset
from bot.community.ports import AdminReply, AdminRequest
from bot.storage.models import CommunitySettings
from bot.storage.privacy import KEEP_DAYS

NUDGE_HOURS = (1, 72)  # after the interview: within the hour is too soon to be useful, past three days too late
CHECKIN_DAYS = (1, 30)
MAX_RETENTION_DAYS = 365  # a community may keep data longer than the bot-wide 180 days, up to a year
_PART = re.compile(r"\b(nudge|send[\s-]?by|check[\s-]?ins?|follow[\s-]?ups?)\b", re.IGNORECASE)


def _say(key: str, **values: object) -> AdminReply:
    return AdminReply(messages.text(key, **values))


def _done(key: str, **values: object) -> AdminReply:
    return AdminReply(messages.text(key, **values), changed=True)


def nudge_label(row: CommunitySettings) -> str:
    if row.send_by_hours is None:
        return messages.text("community_nudge_default")
    return messages.text("community_nudge_value", hours=row.send_by_hours)


def checkin_label(row: CommunitySettings) -> str:
    if row.follow_up_days is None:
        return messages.text("community_checkin_default")
    return messages.text("community_checkin_value", days=row.follow_up_days)


def choice_label(value: str | None) -> str:
    return value if value else messages.text("community_value_members_choose")


def choice(row: CommunitySettings, cmd: AdminCommand, req: AdminRequest) -> AdminReply:
    """`tone formal`, `note linkedin`; `default` hands the choice back to each member."""
    value = cmd.argument.strip().casefold()
    tone = cmd.action == "tone"
    if is_reset(value):
        if tone:
            row.default_tone = None
        else:
            row.default_note_channel = None
        return _done("community_tone_reset" if tone else "community_note_reset")
    if value not in (TONES if tone else CHANNELS):
        return _say("community_tone_bad" if tone else "community_note_bad", command=req.command)
    if tone:
        row.default_tone = value
        return _done("community_tone_set", tone=value)
    row.default_note_channel = value
    return _done("community_note_set", channel=value)


def retention(row: CommunitySettings, cmd: AdminCommand, req: AdminRequest) -> AdminReply:
    days = KEEP_DAYS if is_reset(cmd.argument) else days_in(cmd.argument)
    if days is None or not 1 <= days <= MAX_RETENTION_DAYS:
        return _say("community_retention_bad", command=req.command, most=MAX_RETENTION_DAYS, usual=KEEP_DAYS)
    row.retention_days = days
    return _done("community_retention_set", days=days)


def nudge(row: CommunitySettings, cmd: AdminCommand, req: AdminRequest) -> AdminReply:
    """`nudge 24h`: when "have you sent it?" comes, counted from the interview."""
    refused = _nudge(row, cmd.argument, req)
    return refused or _done("community_nudge_set", nudge=nudge_label(row))


def checkin(row: CommunitySettings, cmd: AdminCommand, req: AdminRequest) -> AdminReply:
    """`checkin 7 days`: when "did you hear back?" comes when the employer gave no timeline, and the gap to the
    second (last) one."""
    refused = _checkin(row, cmd.argument, req)
    return refused or _done("community_checkin_set", checkin=checkin_label(row))


def reminders(row: CommunitySettings, cmd: AdminCommand, req: AdminRequest) -> AdminReply:
    """`reminders` shows both; `reminders send-by 24 follow-up 7` sets both, or neither when one is wrong."""
    pieces = _PART.split(cmd.argument)
    if not cmd.argument.strip():
        return _say("community_reminders", nudge=nudge_label(row), checkin=checkin_label(row), command=req.command)
    if pieces[0].strip() or len(pieces) < 3:
        return _say("community_reminders_bad", command=req.command)
    before = (row.send_by_hours, row.follow_up_days)
    for word, value in zip(pieces[1::2], pieces[2::2], strict=True):
        is_nudge = word.casefold().startswith(("nudge", "send"))
        refused = _nudge(row, value, req) if is_nudge else _checkin(row, value, req)
        if refused is not None:
            row.send_by_hours, row.follow_up_days = before
            return refused
    return _done_timing(row)


def _nudge(row: CommunitySettings, text: str, req: AdminRequest) -> AdminReply | None:
    """Set the send-by nudge from `text`; the refusal to show when it can't be read (None: done)."""
    if is_reset(text):
        row.send_by_hours = None
        return None
    hours = hours_in(text, bare="hours")
    low, high = NUDGE_HOURS
    if hours is None or not low <= hours <= high:
        return _say("community_nudge_bad", command=req.command, least=low, most=high)
    row.send_by_hours = hours
    return None


def _checkin(row: CommunitySettings, text: str, req: AdminRequest) -> AdminReply | None:
    if is_reset(text):
        row.follow_up_days = None
        return None
    days = days_in(text)
    low, high = CHECKIN_DAYS
    if days is None or not low <= days <= high:
        return _say("community_checkin_bad", command=req.command, least=low, most=high)
    row.follow_up_days = days
    return None


def _done_timing(row: CommunitySettings) -> AdminReply:
    return _done("community_timing_set", nudge=nudge_label(row), checkin=checkin_label(row))
