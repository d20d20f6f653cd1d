"""Every Block Kit post for a 20-person panel with 1,000-character answers passes slack_sdk's validation and
Slack's documented limits."""

from __future__ import annotations

from adapters.slack.blocks import render
from tests.adapters.big_panel import big_panel
from tests.adapters.slack.test_blocks import assert_within_limits


def test_a_twenty_person_panel_with_long_answers_fits_slacks_limits() -> None:
    ready = big_panel()
    messages = render([ready])
    assert len(messages) >= len(ready.drafts.drafts)
    for message in messages:
        assert_within_limits(message)
