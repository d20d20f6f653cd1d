"""A submitted form, as a step of the service's pipeline: read with the chat's parsers and written into the
member's open debrief (started if there is none), in the turn's transaction.

- `done`: the whole form is in; the member gets the summary to confirm, exactly as after the last question.
- `page`: one page of a form split across several (Discord); saved quietly, the adapter shows the next page.
- `closed`: the form was closed unfinished; what was valid is kept and the chat goes on at the first question
  still unanswered.

Adapters check a form before accepting it (`Core.check_form`, pure), so invalid input is shown beside the
field; this handler reads it again (it never trusts the adapter) and refuses a `done`/`page` form with problems.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot import messages
from bot.actions import Action, Ask, Say
from bot.community.defaults import member_defaults
from bot.conversation.cursor import walk
from bot.conversation.engine import Engine
from bot.conversation.form import first_unanswered, read_form
from bot.conversation.state import CONFIRM, ConversationState
from bot.events import Event, FormSubmitted
from bot.storage.prefs import member_prefs
from bot.storage.store import load_active, save_state, to_state
from bot.time import zones
from bot.time.locales import date_order
from bot.vocabulary import ConversationStatus

#: The navigation word adapters draw as "Fill in a form instead" (see `offer_form`).
FORM = "form"


class FormHandler:
    """Takes `FormSubmitted` events; everything else goes on to the next handler."""

    def __init__(self, engine: Engine, *, default_timezone: str) -> None:
        self.engine = engine
        self.default_timezone = default_timezone

    async def handle(self, session: AsyncSession, event: Event, now: datetime) -> list[Action] | None:
        if not isinstance(event, FormSubmitted):
            return None
        flow = self.engine.flow
        row = await load_active(session, address=event.address)
        prefs = await member_prefs(session, address=event.address)
        if row is not None:
            state = to_state(row)
        else:
            saved = prefs.timezone if prefs is not None else None
            timezone = zones.first_known(event.timezone, saved, self.default_timezone)
            defaults = await member_defaults(session, event.address)  # the form showed them (desk.form_for)
            own = prefs.profile if prefs is not None and isinstance(prefs.profile, dict) else {}
            community = {k: v for k, v in defaults.answers.items() if k not in own}
            state = ConversationState(
                flow.id, flow.version, CONFIRM, timezone, community=community, offsets=defaults.offsets
            )
        order = date_order(event.locale or (prefs.locale if prefs is not None else None))
        answers, errors = read_form(
            flow, event.values, answers=state.answers, now=now, tz=zones.zone(state.timezone), date_order=order,
            complete=event.stage == "done",
        )  # fmt: skip
        if errors and event.stage != "closed":
            return [Say(messages.text("form_not_saved", problems=" ".join(errors.values())))]
        if errors:  # closed unfinished: keep only what was valid
            answers, _ = read_form(
                flow, tuple((k, v) for k, v in event.values if k not in errors), answers=state.answers, now=now,
                tz=zones.zone(state.timezone), date_order=order, complete=False,
            )  # fmt: skip
        asked = walk(flow, answers, state.remembered)
        gap = first_unanswered(flow, answers, asked)
        cursor = CONFIRM if event.stage == "done" or gap is None else gap
        moved = state.with_(
            answers=answers, cursor=cursor, status=ConversationStatus.ACTIVE, return_to=None, queue=(), failures=0
        )
        await save_state(session, row=row, state=moved, address=event.address, now=now)
        if event.stage == "page":
            return []
        lead = "form_received" if event.stage == "done" else "form_closed_resume"
        return [Say(messages.text(lead)), self.engine.current_question(moved, now)]


def offer_form(actions: list[Action]) -> list[Action]:
    """The first question of a debrief (or of one resumed) carries the way to switch to a form."""
    for index, action in enumerate(actions):
        if isinstance(action, Ask) and action.field != "start":
            offered = replace(action, navigation=(*action.navigation, FORM))
            return [*actions[:index], offered, *actions[index + 1 :]]
    return actions
