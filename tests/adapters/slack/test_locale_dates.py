"""Slack members write dates the way their locale does: users.info (with include_locale) tells us which."""

from __future__ import annotations

import pytest

from tests.adapters.slack.helpers import asked_field
from tests.fakes.slack_api import FakeSlackApi
from tests.fakes.slack_rig import SlackRig

USER = "U0LOCALE"


@pytest.mark.parametrize(("locale", "month"), [("en-GB", "-11-03T"), ("en-US", "-03-11T"), ("de-DE", "-11-03T")])
async def test_a_numeric_date_is_read_in_the_members_order(
    rig: SlackRig, slack_api: FakeSlackApi, locale: str, month: str
) -> None:
    slack_api.locale = locale
    slack_api.timezone = "Europe/London"
    await rig.command(USER)
    for answer in ("Sam Rivera", "Acme", "Data Engineer"):
        await rig.dm(USER, answer)
    assert asked_field(rig.last(USER)) == "interview_at"
    await rig.dm(USER, "3/11 2pm")
    assert asked_field(rig.last(USER)) == "interviewers"
    [row] = await rig.conversations(USER)
    assert month in row.answers["interview_at"] and row.answers["interview_at"].split("T")[1].startswith("14:00")
