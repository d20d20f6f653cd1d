"""The shared transcripts replayed through Slack: /thankyou, then DMs; same neutral outcome as the core."""

from __future__ import annotations

import pytest

from adapters.slack.escape import unescape
from tests.adapters.slack.helpers import asked_field
from tests.fakes.conversation import subset
from tests.fakes.slack_api import FakeSlackApi
from tests.fakes.slack_rig import SlackRig
from tests.transcripts import Transcript, load_transcripts

TRANSCRIPTS = load_transcripts()
USER = "U0TRANSCRIPT"


@pytest.mark.parametrize("transcript", TRANSCRIPTS, ids=[t.name for t in TRANSCRIPTS])
async def test_transcript_through_slack(any_rig: SlackRig, slack_api: FakeSlackApi, transcript: Transcript) -> None:
    rig = any_rig
    slack_api.timezone = transcript.timezone
    for number, turn in enumerate(transcript.turns):
        before = len(rig.posts(USER))
        reply = await (rig.command(USER) if turn.text is None else rig.dm(USER, turn.text))
        assert reply.status == 200
        new = rig.posts(USER)[before:]
        assert new, f"turn {number} ({turn.text!r}) got no answer"
        assert asked_field(new[-1]) == turn.ask, f"{transcript.name} turn {number} ({turn.text!r})"
        shown = unescape("\n".join(p.all_text() for p in new)).casefold()
        for fragment in turn.says:
            assert fragment.casefold() in shown, f"{transcript.name} turn {number}: {fragment!r} not shown"
    [*_, row] = await rig.conversations(USER)
    expected = transcript.end if transcript.end == "cancelled" else "done" if transcript.end else "active"
    assert row.status == expected
    assert subset(transcript.answers, row.answers), row.answers
    assert [n.interviewer for n in await rig.notes(USER)] == transcript.recipients
