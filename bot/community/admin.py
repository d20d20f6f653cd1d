"""Carrying out one admin command: check the actor, change the community's row, answer in one line.

Every change happens in one transaction; bad input changes nothing and says what to type instead.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot import messages
from bot.community import defaults_admin, store, template
from bot.community.commands import AdminCommand, parse_admin
from bot.community.job import build_message
from bot.community.ports import AdminReply, AdminRequest
from bot.community.schedule import WEEKDAYS, Schedule, ScheduleError, parse_schedule
from bot.storage.models import CommunitySettings
from bot.time.zones import known_zone, zone

MIN_STATS = 2
Change = Callable[[AsyncSession, CommunitySettings, AdminCommand, AdminRequest, datetime], Awaitable[AdminReply]]


def _say(key: str, **values: object) -> AdminReply:
    return AdminReply(messages.text(key, **values))


def _done(key: str, **values: object) -> AdminReply:
    return AdminReply(messages.text(key, **values), changed=True)


def channel_label(row: CommunitySettings) -> str:
    if row.channel_id is None:
        return messages.text("community_value_not_set")
    return f"#{row.channel_name}" if row.channel_name else row.channel_id


def schedule_label(schedule: Schedule) -> str:
    if schedule.at is None:
        return messages.text("community_value_off")
    at = schedule.at.strftime("%H:%M")
    if schedule.weekday is not None:
        return messages.text("community_schedule_weekly", day=WEEKDAYS[schedule.weekday].capitalize(), time=at)
    return messages.text("community_schedule_every", days=schedule.every_days, time=at)


def when_label(moment: datetime | None, zone_name: str) -> str:
    if moment is None:
        return messages.text("community_value_not_set")
    return moment.astimezone(zone(zone_name)).strftime("%a %d %b %Y, %H:%M")


def reschedule(row: CommunitySettings, now: datetime) -> None:
    """The next occurrence after now, from the current schedule and zone (None when off)."""
    row.next_post_at = parse_schedule(row.schedule).first_after(now, zone(row.timezone))


def show(row: CommunitySettings, command: str) -> AdminReply:
    if row.stats_enabled:
        stats = messages.text("community_stats_value_on", minimum=row.stats_minimum)
    else:
        stats = messages.text("community_value_off")
    next_post = when_label(row.next_post_at, row.timezone)
    if row.paused_reason:
        next_post = messages.text("community_value_paused")
    custom = messages.text("community_template_custom" if row.post_template else "community_template_default")
    return _say(
        "community_settings", channel=channel_label(row), schedule=schedule_label(parse_schedule(row.schedule)),
        zone=row.timezone, stats=stats, template=custom, next=next_post, command=command,
        tone=defaults_admin.choice_label(row.default_tone), note=defaults_admin.choice_label(row.default_note_channel),
        nudge=defaults_admin.nudge_label(row), checkin=defaults_admin.checkin_label(row), retention=row.retention_days,
    )  # fmt: skip


async def _channel(session: AsyncSession, row: CommunitySettings, cmd: AdminCommand, req: AdminRequest,
                   now: datetime) -> AdminReply:  # fmt: skip
    if not cmd.argument:
        return _say("community_channel_missing", command=req.command)
    found = await req.directory.find_channel(req.workspace, cmd.argument) if req.directory else None
    if found is None:
        return _say("community_channel_unknown", channel=cmd.argument[:80])
    row.channel_id, row.channel_name, row.paused_reason, row.admin_user = found.id, found.name, None, req.actor
    reschedule(row, now)
    if row.next_post_at is None:
        return _done("community_channel_set_no_schedule", channel=f"#{found.name}", command=req.command)
    return _done("community_channel_set", channel=f"#{found.name}", next=when_label(row.next_post_at, row.timezone))


async def _schedule(session: AsyncSession, row: CommunitySettings, cmd: AdminCommand, req: AdminRequest,
                    now: datetime) -> AdminReply:  # fmt: skip
    try:
        schedule = parse_schedule(cmd.argument)
    except ScheduleError:
        return _say("community_schedule_bad", command=req.command)
    row.schedule, row.admin_user, row.paused_reason = schedule.canonical(), req.actor, None
    reschedule(row, now)
    if schedule.off:
        return _done("community_schedule_off")
    label = schedule_label(schedule)
    if row.channel_id is None:
        return _done("community_schedule_set_no_channel", schedule=label, zone=row.timezone, command=req.command)
    return _done(
        "community_schedule_set", schedule=label, zone=row.timezone, next=when_label(row.next_post_at, row.timezone)
    )


async def _timezone(session: AsyncSession, row: CommunitySettings, cmd: AdminCommand, req: AdminRequest,
                    now: datetime) -> AdminReply:  # fmt: skip
    name = known_zone(cmd.argument.strip().replace(" ", "_")) if cmd.argument.strip() else None
    if name is None:
        return _say("community_timezone_bad", zone=cmd.argument[:60] or "?", command=req.command)
    row.timezone = name
    reschedule(row, now)
    return _done("community_timezone_set", zone=name, next=when_label(row.next_post_at, name))


async def _stats(session: AsyncSession, row: CommunitySettings, cmd: AdminCommand, req: AdminRequest,
                 now: datetime) -> AdminReply:  # fmt: skip
    words = cmd.argument.casefold().split()
    if words in (["on"], ["yes"], ["enable"]):
        row.stats_enabled = True
        return _done("community_stats_on", minimum=row.stats_minimum)
    if words in (["off"], ["no"], ["disable"]):
        row.stats_enabled = False
        return _done("community_stats_off")
    if len(words) == 2 and words[0] in ("minimum", "min") and words[1].isdigit() and int(words[1]) >= MIN_STATS:
        row.stats_minimum = int(words[1])
        return _done("community_stats_minimum", minimum=row.stats_minimum)
    return _say("community_stats_bad", command=req.command, floor=MIN_STATS)


async def _preview(session: AsyncSession, row: CommunitySettings, cmd: AdminCommand, req: AdminRequest,
                   now: datetime) -> AdminReply:  # fmt: skip
    message = await build_message(session, row, now, None)
    return AdminReply(messages.text("community_preview_intro"), preview=message)


async def _template(session: AsyncSession, row: CommunitySettings, cmd: AdminCommand, req: AdminRequest,
                    now: datetime) -> AdminReply:  # fmt: skip
    verb, _, text = cmd.argument.partition(" ")
    verb = verb.casefold()
    if verb in ("", "show"):
        key = "community_template_current" if row.post_template else "community_template_default_current"
        return _say(key, template=row.post_template or template.default_template())
    if verb == "reset":
        row.post_template = None
        return _done("community_template_reset")
    if verb != "set":
        return _say("community_template_usage", command=req.command)
    try:
        row.post_template = template.validate(text)
    except template.TemplateError as error:
        return _template_error(error, req.command)
    message = await build_message(session, row, now, None)
    return AdminReply(messages.text("community_template_saved"), preview=message, changed=True)


def _template_error(error: template.TemplateError, command: str) -> AdminReply:
    if error.problem == "too_long":
        return _say("community_template_too_long", limit=template.MAX_CHARS)
    if error.problem == "unknown":
        allowed = ", ".join("{" + name + "}" for name in template.VARIABLES)
        return _say("community_template_unknown", names=", ".join("{" + n + "}" for n in error.names), allowed=allowed)
    if error.problem == "control":
        return _say("community_template_control")
    return _say("community_template_usage", command=command)


async def _defaults(session: AsyncSession, row: CommunitySettings, cmd: AdminCommand, req: AdminRequest,
                    now: datetime) -> AdminReply:  # fmt: skip
    """What the community sets for its members' debriefs (bot/community/defaults_admin.py)."""
    return DEFAULTS[cmd.action](row, cmd, req)


DEFAULTS = {
    "tone": defaults_admin.choice, "note": defaults_admin.choice, "retention": defaults_admin.retention,
    "nudge": defaults_admin.nudge, "checkin": defaults_admin.checkin, "reminders": defaults_admin.reminders,
}  # fmt: skip
CHANGES: dict[str, Change] = {
    "channel": _channel, "schedule": _schedule, "timezone": _timezone, "stats": _stats, "preview": _preview,
    "template": _template, **dict.fromkeys(DEFAULTS, _defaults),
}  # fmt: skip


async def carry_out(
    session: AsyncSession, request: AdminRequest, *, default_timezone: str, now: datetime
) -> tuple[AdminReply, CommunitySettings | None]:
    """Run one admin command inside the caller's transaction; `post now` is finished by the caller."""
    if not request.is_admin:
        return _say("community_not_admin"), None
    command = parse_admin(request.text)
    if command.action == "unknown":
        return _say("community_unknown_command", word=command.word[:40] or "?", command=request.command), None
    row = await store.settings_for_update(
        session, platform=request.platform, workspace=request.workspace, default_timezone=default_timezone, now=now
    )
    if command.action == "show":
        return show(row, request.command), row
    if command.action == "post":
        return AdminReply(""), row
    reply = await CHANGES[command.action](session, row, command, request, now)
    if reply.changed:
        row.updated_at = now
    return reply, row
