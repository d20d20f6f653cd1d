"""Metrics move with real turns and scheduler passes, and never carry what a person typed or who they are."""

from __future__ import annotations

from bot.actions import Ask, DraftsReady, End
from bot.observability import metrics
from bot.runtime import Core
from tests.fakes.clock import FakeClock
from tests.fakes.sender import RecordingSender
from tests.observability.debrief import MARKERS, address, finish_debrief, turn


def sample(m: metrics.Metrics, name: str, **labels: str) -> float:
    return m.registry.get_sample_value(name, labels) or 0.0


async def test_a_finished_debrief_counts_its_turns_start_finish_and_notes(
    core: Core, fresh_metrics: metrics.Metrics
) -> None:
    turns, actions = await finish_debrief(core, address("slack"))
    notes = sum(len(a.drafts.drafts) for a in actions if isinstance(a, DraftsReady))
    assert notes == 2  # one per interviewer named
    assert [a.reason for a in actions if isinstance(a, End)] == ["done"]
    m = fresh_metrics
    assert sample(m, "thankyou_turns_total", platform="slack") == turns
    assert sample(m, "thankyou_turn_duration_seconds_count", platform="slack") == turns
    assert sample(m, "thankyou_conversations_total", platform="slack", outcome="started") == 1
    assert sample(m, "thankyou_conversations_total", platform="slack", outcome="finished") == 1
    assert sample(m, "thankyou_conversations_total", platform="slack", outcome="abandoned") == 0
    assert sample(m, "thankyou_drafts_composed_total", platform="slack") == notes


async def test_cancelling_midway_counts_an_abandoned_debrief(core: Core, fresh_metrics: metrics.Metrics) -> None:
    where = address("discord")
    await turn(core, where, None)
    actions = await turn(core, where, "cancel")
    if any(isinstance(a, Ask) and a.field == "cancel" for a in actions):  # "are you sure?"
        actions = await turn(core, where, "yes")
    assert [a.reason for a in actions if isinstance(a, End)] == ["cancelled"]
    assert sample(fresh_metrics, "thankyou_conversations_total", platform="discord", outcome="started") == 1
    assert sample(fresh_metrics, "thankyou_conversations_total", platform="discord", outcome="abandoned") == 1


async def test_a_redelivered_event_is_a_turn_but_starts_nothing_twice(
    core: Core, fresh_metrics: metrics.Metrics
) -> None:
    from bot.events import Start

    event = Start(address("slack"), "Ev-redelivered")
    await core.handle(event, RecordingSender())
    await core.handle(event, RecordingSender())
    assert sample(fresh_metrics, "thankyou_conversations_total", platform="slack", outcome="started") == 1


async def test_after_a_real_debrief_the_metrics_text_holds_no_personal_data(
    core: Core, fresh_metrics: metrics.Metrics
) -> None:
    await finish_debrief(core, address("slack"))
    metrics.api_call("slack", "chat.postMessage")
    text = fresh_metrics.exposition().decode().casefold()
    assert "thankyou_turns_total" in text
    leaked = [marker for marker in MARKERS if marker.casefold() in text]
    assert not leaked, f"personal data in /metrics: {leaked}"
    assert "T0MARKER".casefold() not in text and "D0MARKER".casefold() not in text


def test_labels_are_closed_sets_or_cleaned_method_names(fresh_metrics: metrics.Metrics) -> None:
    metrics.api_call("U0MARKER42's own platform", 'chat.postMessage"} evil{x="1')
    metrics.rate_limited("discord", "POST /channels/{channel_id}/messages")
    text = fresh_metrics.exposition().decode()
    assert 'platform="other"' in text and "U0MARKER42" not in text
    assert 'method="chat.postMessage} evil{x1"' in text  # quotes and other markup dropped
    assert 'method="POST /channels/{channel_id}/messages"' in text


async def test_a_scheduler_pass_counts_due_and_delivered_reminders_and_their_lag(
    core: Core, clock: FakeClock, fresh_metrics: metrics.Metrics
) -> None:
    where = address("slack")
    _, actions = await finish_debrief(core, where)
    assert any(type(a).__name__ == "ReminderScheduled" for a in actions)
    clock.advance(days=30)  # every reminder of that debrief is now due (and late)
    scheduler = core.scheduler({"slack": RecordingSender()})
    result = await scheduler.safe_tick(address=where)
    assert result is not None and result.claimed >= 1
    m = fresh_metrics
    assert sample(m, "thankyou_reminders_total", outcome="due") == result.claimed
    assert sample(m, "thankyou_reminders_total", outcome="delivered") == result.delivered
    assert sample(m, "thankyou_scheduler_lag_seconds_count") == result.claimed
    assert sample(m, "thankyou_scheduler_lag_seconds_sum") > 0
    assert "in_doubt" in m.exposition().decode()  # every outcome is exported from the start, at zero
