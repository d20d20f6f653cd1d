"""A reply that never arrived is never answered: the rules that read what the user actually saw.

The service records, after each successful send, the question the user saw and the notes that reached them
(`bot/storage/delivered.py`). When a message then arrives while the open question is one the user never saw,
the text is not taken as its answer: if it answers the question they did see, it is taken as that answer
(the company typed twice stays the company; a date or a choice that reads as one), otherwise the open
question is asked again, with an apology. Free-text questions accept any words, so there only the same answer
again counts: "hello?" never replaces a company.
Finished notes that never all arrived are sent again, whole, with the user's next message or click.

Only the engine's public API is used (`handle`, `current_question`, `flow`), so the engine stays pure.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot import messages
from bot.actions import Action, Ask, DraftsReady, Say
from bot.conversation.cursor import cursors, get_value
from bot.conversation.engine import Engine, Outcome
from bot.conversation.flow import Flow
from bot.conversation.navigation import parse_command
from bot.conversation.state import CONFIRM, ConversationState
from bot.drafts import Draft, DraftsDocument
from bot.events import Event, Start, TextAnswer
from bot.storage.delivered import undelivered
from bot.storage.models import Conversation, Note
from bot.storage.store import answers_of, to_state
from bot.time import zones

#: Parsers that take almost any words: text "fits" them only when it is the answer already given there.
FREE_TEXT = frozenset({"text", "name", "names", "own_name"})


def shown_step(flow: Flow, actions: Sequence[Action]) -> str | None:
    """The debrief question a delivered reply showed last (None: it asked none, e.g. only a notice)."""
    for action in reversed(actions):
        if isinstance(action, Ask) and (action.field == CONFIRM or flow.step_for(action.field) is not None):
            return action.field
    return None


def delivered_notes(actions: Sequence[Action]) -> set[int]:
    """The debriefs whose notes a delivered reply carried."""
    return {a.conversation_id for a in actions if isinstance(a, DraftsReady) and a.conversation_id is not None}


def unseen_question(
    engine: Engine, state: ConversationState, shown: str | None, event: Event, now: datetime
) -> Outcome | None:
    """The turn for a message typed while the open question never reached the user; None when they saw it.

    Clicks carry their own question (the engine judges them), navigation words apply wherever the user is,
    and "really stop?" is answered as it is: only typed answers are checked.
    """
    if not isinstance(event, TextAnswer) or shown == state.cursor or state.confirming_cancel:
        return None
    if parse_command(event.text) is not None:
        return None
    sorry = Say(messages.text("reply_lost"))
    answered = _as_answer_to(engine, state, shown, event, now)
    if answered is not None:
        new_state, actions = answered
        return new_state, [sorry, *actions]
    return None, [sorry, engine.current_question(state, now)]  # nothing stored: the text answered nothing asked


def _as_answer_to(
    engine: Engine, state: ConversationState, shown: str | None, event: TextAnswer, now: datetime
) -> Outcome | None:
    """The text taken as the answer to the question the user saw, when it is one and that one fits it.

    Not while an edit is being walked through (`queue`, `return_to`): answering again there would skip a step.
    """
    if shown is None or shown == CONFIRM or state.queue or state.return_to is not None:
        return None
    if shown not in cursors(engine.flow, state.answers):
        return None
    step = engine.flow.step_for(shown)
    if step is None or not step.asked:
        return None
    there = state.with_(cursor=shown, failures=0)
    moved, actions = engine.handle(there, event, now, timezone=state.timezone)
    if moved is None or moved.cursor == shown or moved.failures:  # refused (or only skipped): not an answer
        return None
    if step.parser in FREE_TEXT and not _same(get_value(moved.answers, shown), get_value(state.answers, shown)):
        return None  # any words "fit" free text: only the same answer again counts ("hello?" is not a company)
    return moved, actions


def _same(new: object, old: object) -> bool:
    """The same answer typed again, whatever the case, spacing or closing punctuation."""

    def plain(value: object) -> str:
        return " ".join(json.dumps(value, ensure_ascii=False, sort_keys=True).casefold().split())

    return plain(new).rstrip('.!?"') == plain(old).rstrip('.!?"')


async def resend_unseen(session: AsyncSession, engine: Engine, event: Event, actions: list[Action]) -> list[Action]:
    """The turn's reply, preceded by any finished notes that never all reached the user (sent once more, whole)."""
    found = await undelivered(session, address=event.address, leave_out=delivered_notes(actions))
    again = [ready for row, notes in found if (ready := rebuilt(engine, row, notes)) is not None]
    if not again:
        return actions
    lead: list[Action] = [] if isinstance(event, Start) else [Say(messages.text("reply_lost"))]
    return [*lead, Say(messages.text("notes_unseen")), *again, *actions]


def rebuilt(engine: Engine, row: Conversation, notes: Sequence[Note]) -> DraftsReady | None:
    """The stored notes as the drafts they were: composed again from the answers at the moment they were written
    (the composer is deterministic), with each note's stored text (it may have been edited by hand since)."""
    answers = answers_of(row)
    if answers is None or not notes or row.id is None:
        return None
    written = min(n.created_at for n in notes)
    document = engine.compose(answers, tz=zones.zone(row.timezone), now=written, offsets=to_state(row).offsets)
    stored = {n.position: n for n in notes}
    drafts: list[Draft] = []
    for position, draft in enumerate(document.drafts):
        note = stored.get(position)
        if note is None:
            continue
        same = (note.subject, note.body) == (draft.subject, draft.body)
        drafts.append(
            draft
            if same
            else draft.model_copy(
                update={"subject": note.subject, "body": note.body, "words": len(note.body.split()), "checks": []}
            )
        )
    if not drafts:
        return None
    whole = DraftsDocument(drafts=drafts, send_by=document.send_by, follow_up_at=document.follow_up_at)
    return DraftsReady(whole, conversation_id=row.id, answers=answers)
