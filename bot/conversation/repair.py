"""Recovering from a corrupted or hand-edited answers row: back to the first invalid field, never a crash."""

from __future__ import annotations

from typing import Any

from bot import messages
from bot.conversation.cursor import cursors, get_value, required, set_value
from bot.conversation.flow import Flow, Step
from bot.conversation.parsers import PARSERS, ParseContext
from bot.conversation.state import CONFIRM, ConversationState

_NOTE = messages.text("answers_unreadable")
_NEEDED = messages.text("answer_still_needed")


def repair(
    flow: Flow, state: ConversationState, ctx: ParseContext, defaults: dict[str, Any]
) -> tuple[ConversationState, list[str]]:
    """Return a state whose answers are all valid and whose cursor exists, plus notes for the user."""
    answers = state.answers if isinstance(state.answers, dict) else {}
    known = {s.field for s in flow.steps if not s.repeat}
    answers = {k: v for k, v in answers.items() if k in known and v is not None}
    if "interviewers" in answers and not PARSERS["names"].valid(answers["interviewers"], ctx):
        answers.pop("interviewers")
    order = cursors(flow, answers)
    limit = order.index(state.cursor) if state.cursor in order else len(order) - 1
    answers = _drop_invalid(flow, answers, order[limit:], ctx)  # asked again later; never shown or composed
    for number, cursor in enumerate(order[:limit]):
        step = flow.step_for(cursor)
        if step is None:
            continue
        value = get_value(answers, cursor)
        broken = value is not None and not _valid(step, value, ctx)
        if broken:
            answers = set_value(answers, cursor, None)
        if broken or (value is None and required(step, answers, defaults)):
            answers = _drop_invalid(flow, answers, order[number + 1 : limit], ctx)
            moved = state.with_(answers=answers, cursor=cursor, return_to=None, queue=(), failures=0)
            return moved, [_NOTE if broken else _NEEDED]
    if state.cursor not in order or answers != state.answers:
        target = state.cursor if state.cursor in order else CONFIRM
        return state.with_(answers=answers, cursor=target, return_to=None, queue=()), [_NOTE]
    return state, []


def _valid(step: Step, value: Any, ctx: ParseContext) -> bool:
    return PARSERS[step.parser].valid(value, ParseContext(now=ctx.now, tz=ctx.tz, choices=step.choice_pairs))


def _drop_invalid(flow: Flow, answers: dict[str, Any], later: list[str], ctx: ParseContext) -> dict[str, Any]:
    for cursor in later:
        step = flow.step_for(cursor)
        value = get_value(answers, cursor)
        if step is not None and value is not None and not _valid(step, value, ctx):
            answers = set_value(answers, cursor, None)
    return answers
