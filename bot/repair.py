"""Recovering from a corrupted or hand-edited answers row: back to the first invalid field, never a crash."""

from __future__ import annotations

from typing import Any

from bot.cursor import cursors, get_value, required, set_value
from bot.flow import Flow
from bot.parsers import PARSERS, ParseContext
from bot.state import CONFIRM, ConversationState

_NOTE = "Part of your saved answers couldn't be read, so I'll ask that question again."
_NEEDED = "I still need this answer before we go on."


def repair(
    flow: Flow, state: ConversationState, ctx: ParseContext, defaults: dict[str, Any]
) -> tuple[ConversationState, list[str]]:
    """Return a state whose answers are all valid and whose cursor exists, plus notes for the user."""
    answers = state.answers if isinstance(state.answers, dict) else {}
    known = {s.field for s in flow.steps if not s.repeat}
    answers = {k: v for k, v in answers.items() if k in known}
    if "interviewers" in answers and not PARSERS["names"].valid(answers["interviewers"], ctx):
        answers.pop("interviewers")
    order = cursors(flow, answers)
    limit = order.index(state.cursor) if state.cursor in order else len(order) - 1
    for cursor in order[:limit]:
        step = flow.step_for(cursor)
        if step is None:
            continue
        value = get_value(answers, cursor)
        step_ctx = ParseContext(now=ctx.now, tz=ctx.tz, choices=step.choice_pairs)
        broken = value is not None and not PARSERS[step.parser].valid(value, step_ctx)
        if broken:
            answers = set_value(answers, cursor, None)
        if broken or (value is None and required(step, answers, defaults)):
            moved = state.with_(answers=answers, cursor=cursor, return_to=None, queue=(), failures=0)
            return moved, [_NOTE if broken else _NEEDED]
    if state.cursor not in order or answers != state.answers:
        target = state.cursor if state.cursor in order else CONFIRM
        return state.with_(answers=answers, cursor=target, return_to=None, queue=()), [_NOTE]
    return state, []
