"""Admin commands through `Core.community`: set up in two commands, refuse non-admins, and leave everything as
it was on bad input (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.community.ports import AdminReply, AdminRequest
from bot.runtime import Core
from bot.storage.models import CommunitySettings
from tests.community.fakes import FakeDirectory, FakePoster
from tests.fakes.clock import FakeClock

TEAM = "T0TEAM"
ADMIN_ACTIONS = [
    "", "help", "channel #careers", "schedule weekly monday 09:00", "schedule off", "timezone Europe/Berlin",
    "stats on", "stats off", "stats minimum 7", "preview", "post now", "template", "template show",
    "template set Interviewed? Type {command}", "template reset", "tone formal", "note linkedin", "retention 30",
    "retention 365", "nudge 24h", "checkin 7 days", "reminders send-by 24 follow-up 7", "tone default",
]  # fmt: skip


async def admin(core: Core, text: str, *, is_admin: bool = True, poster: FakePoster | None = None) -> AdminReply:
    request = AdminRequest("slack", TEAM, "UADMIN", is_admin, text, "/thankyou admin", FakeDirectory(), poster)
    return await core.community.admin(request)


async def settings(core: Core) -> CommunitySettings | None:
    async with core.sessions() as session:
        return await session.get(CommunitySettings, ("slack", TEAM))


def snapshot(row: CommunitySettings | None) -> dict[str, object] | None:
    return None if row is None else {k: v for k, v in row.model_dump().items() if k not in ("created_at", "updated_at")}


async def test_two_commands_set_up_a_weekly_post(core: Core, clock: FakeClock) -> None:
    clock.set(datetime(2026, 11, 23, 20, 0, tzinfo=UTC))  # a Monday evening
    first = await admin(core, "channel #careers")
    assert first.changed and "#careers" in first.text
    second = await admin(core, "schedule weekly monday 09:00")
    assert second.changed and "Monday at 09:00" in second.text
    row = await settings(core)
    assert row is not None and row.channel_id == "C0CAREERS" and row.schedule == "weekly monday 09:00"
    assert row.next_post_at == datetime(2026, 11, 30, 14, 0, tzinfo=UTC)  # 09:00 in the default zone, New York
    assert row.admin_user == "UADMIN"


async def test_the_zone_moves_the_next_post_to_local_nine(core: Core, clock: FakeClock) -> None:
    clock.set(datetime(2026, 11, 23, 20, 0, tzinfo=UTC))
    await admin(core, "schedule mondays at 9am")
    reply = await admin(core, "timezone europe/berlin")
    assert reply.changed and "Europe/Berlin" in reply.text
    row = await settings(core)
    assert row is not None and row.next_post_at == datetime(2026, 11, 30, 8, 0, tzinfo=UTC)


@pytest.mark.parametrize("text", ADMIN_ACTIONS)
async def test_every_admin_action_is_refused_for_a_member(core: Core, text: str) -> None:
    await admin(core, "channel #careers")
    before = snapshot(await settings(core))
    poster = FakePoster()
    reply = await admin(core, f"admin {text}".strip(), is_admin=False, poster=poster)
    assert "only community admins" in reply.text and not reply.changed and reply.preview is None
    assert snapshot(await settings(core)) == before
    assert poster.posts == []


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ("frobnicate the channel", "Type /thankyou admin"),
        ("channel #secret-room", "Invite me"),
        ("channel", "Tell me which channel"),
        ("schedule mondays at 9ish", "schedule weekly monday 09:00"),
        ("schedule every 0 days 10:00", "every 14 days"),
        ("timezone Mars/Olympus_Mons", "Europe/Berlin"),
        ("template set {name}, you've got this! 💪", "{command}, {button}, {stats}"),
        ("template set " + "so many interviews " * 60, "under 1000 characters"),
        ("stats maybe", "stats on"),
        ("post now", "Pick one first"),
        ("nudge soonish", "nudge 24h"),
        ("nudge 0h", "from 1 to 72 hours"),
        ("send-by 4 days", "from 1 to 72 hours"),
        ("checkin 45 days", "from 1 to 30"),
        ("check-in 36 hours", "checkin 7 days"),
        ("checkin whenever", "checkin 7 days"),
        ("reminders send-by 24h follow-up 99", "from 1 to 30"),  # one part wrong: neither changes
        ("reminders sooner pls", "reminders send-by 24h follow-up 7 days"),
        ("retention forever", "from 1 to 365"),
        ("tone spicy", "tone formal"),
        ("note pigeon", "note email"),
    ],
)
async def test_bad_input_explains_what_to_type_and_changes_nothing(core: Core, text: str, hint: str) -> None:
    await admin(core, "stats on")
    before = snapshot(await settings(core))
    poster = FakePoster()
    reply = await admin(core, text, poster=poster)
    assert hint in reply.text, reply.text
    assert "\n" not in reply.text and not reply.changed
    assert snapshot(await settings(core)) == before
    assert poster.posts == []


async def test_template_is_validated_previewed_and_reset(core: Core) -> None:
    saved = await admin(core, "template set Interviewed this week? Tap {button} or type {command} 🙂\n{stats}")
    assert saved.changed and saved.preview is not None
    assert saved.preview.text == "Interviewed this week? Tap Start or type /thankyou 🙂"
    shown = await admin(core, "template")
    assert "(yours)" in shown.text and "{button}" in shown.text
    await admin(core, "template reset")
    preview = await admin(core, "preview")
    assert preview.preview is not None and preview.preview.text.startswith("Interviewed this week? Type /thankyou")


async def test_show_lists_the_settings(core: Core) -> None:
    await admin(core, "channel #careers")
    await admin(core, "schedule every 14 days 10:00")
    reply = await admin(core, "")
    for part in ("#careers", "every 14 days at 10:00", "Stats: off", "the default"):
        assert part in reply.text
    assert not reply.changed


async def test_post_now_posts_once_in_the_channel(core: Core) -> None:
    poster = FakePoster()
    await admin(core, "channel #careers")
    reply = await admin(core, "post now", poster=poster)
    assert reply.text == "Posted in #careers."
    assert [(p.channel, p.message.button) for p in poster.posts] == [("C0CAREERS", "Start")]


@pytest.mark.parametrize(
    ("text", "hours", "days"),
    [
        ("nudge 24h", 24, None), ("nudge 24 hours", 24, None), ("send-by 1 day", 24, None), ("nudge 36", 36, None),
        ("Send by: a day after", 24, None), ("checkin 7 days", None, 7), ("check in a week", None, 7),
        ("follow-up 2 weeks", None, 14), ("checkin 10", None, 10), ("check-in 48h", None, 2),
        ("reminders send-by 24 follow-up 7", 24, 7), ("reminders follow up: 5 days, nudge 2h", 2, 5),
    ],
)  # fmt: skip
async def test_reminder_timing_reads_forgiving_input(
    core: Core, text: str, hours: int | None, days: int | None
) -> None:
    reply = await admin(core, text)
    assert reply.changed and reply.text.startswith("Done") and "\n" not in reply.text, reply.text
    row = await settings(core)
    assert row is not None and (row.send_by_hours, row.follow_up_days) == (hours, days)


async def test_default_or_reset_clears_the_reminder_timing(core: Core) -> None:
    await admin(core, "reminders send-by 24h follow-up 10 days")
    assert "built-in" in (await admin(core, "nudge default")).text
    assert "built-in" in (await admin(core, "checkin reset")).text
    row = await settings(core)
    assert row is not None and (row.send_by_hours, row.follow_up_days) == (None, None)


async def test_show_lists_the_members_defaults_and_reminder_timing(core: Core) -> None:
    shown = (await admin(core, "")).text
    assert "New debriefs' tone: each member's choice" in shown and "kept for: 180 days" in shown
    assert "nudge: the built-in time" in shown and "nudge 24h" in shown and "checkin 7 days" in shown
    for text in ("tone formal", "note card", "nudge 24h", "checkin 10 days", "retention 365"):
        await admin(core, text)
    shown = (await admin(core, "admin")).text
    for part in ("tone: formal", "notes: card", "24 hours after the interview", "10 days after the interview",
                 "kept for: 365 days"):  # fmt: skip
        assert part in shown
    assert (await admin(core, "reminders")).text.startswith("The nudge comes 24 hours after the interview")
