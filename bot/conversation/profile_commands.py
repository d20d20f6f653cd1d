"""`profile`: what the bot remembers between debriefs (name, tone, how notes are sent, time zone).

A handler of the service's pipeline. `profile` shows it; `profile tone formal`, `profile name Sam Rivera`,
`profile time zone Europe/Berlin` change one entry (checked by the same parsers the questions use);
`profile clear` forgets it. Changes apply from the next debrief; the open one keeps its answers.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from bot import messages
from bot.actions import Action, Say
from bot.conversation.flow import Flow, Step
from bot.conversation.navigation import normal_words
from bot.conversation.parsers import PARSERS, ParseContext, Reject
from bot.conversation.prompts import display
from bot.events import Event, TextAnswer
from bot.storage.prefs import remember_zone
from bot.storage.profile import forget_profile, load_profile, update_profile
from bot.storage.store import user_timezone
from bot.time import zones

_ZONE_WORDS = ("time zone", "timezone", "zone", "tz")
_CLEAR_WORDS = frozenset({"clear", "reset", "forget", "delete", "empty"})


class ProfileHandler:
    """Shows and changes the member's profile (bot/storage/profile.py)."""

    def __init__(self, flow: Flow) -> None:
        self.flow = flow
        self.steps = [s for name in flow.remembered if (s := flow.step_for(name)) is not None]

    async def handle(self, session: AsyncSession, event: Event, now: datetime) -> list[Action] | None:
        if not isinstance(event, TextAnswer):
            return None
        words = event.text.strip().lstrip("/").split(None, 1)
        if not words or words[0].casefold().rstrip(":") not in ("profile", "my profile"):
            return None
        rest = words[1].strip() if len(words) > 1 else ""
        if not rest or normal_words(rest) in ("show", "see", "view", "help"):
            return [Say(await self._shown(session, event))]
        if normal_words(rest) in _CLEAR_WORDS:
            await forget_profile(session, address=event.address, now=now)
            return [Say(messages.text("profile_cleared"))]
        return [Say(await self._change(session, event, rest, now))]

    async def _shown(self, session: AsyncSession, event: TextAnswer) -> str:
        profile = await load_profile(session, address=event.address)
        lines = [
            f"• {step.label}: {display(step, profile[step.field])}" for step in self.steps if step.field in profile
        ]
        zone = await user_timezone(session, address=event.address)
        if zone:
            lines.append(f"• {messages.text('label_time_zone')}: {zone}")
        if not lines:
            return messages.text("profile_empty")
        return messages.text("profile_intro") + "\n" + "\n".join(lines) + "\n" + messages.text("profile_how")

    async def _change(self, session: AsyncSession, event: TextAnswer, rest: str, now: datetime) -> str:
        lowered = rest.casefold()
        for word in _ZONE_WORDS:
            if lowered.startswith(word + " "):
                zone = rest[len(word) :].strip()
                if not zones.is_known(zone):
                    return messages.text("profile_bad_zone", zone=zone)
                await remember_zone(session, address=event.address, now=now, timezone=zones.zone(zone).key)
                return messages.text("profile_changed", what=messages.text("label_time_zone"), value=zone)
        found = self._entry(rest)
        if found is None:
            return messages.text("profile_unknown")
        step, value_text = found
        if not value_text:
            return messages.text("profile_needs_value", what=step.label.casefold())
        ctx = ParseContext(now=now, tz=zones.zone("UTC"), choices=step.choice_pairs, synonyms=step.choice_synonyms)
        try:
            value: Any = PARSERS[step.parser].parse(value_text, ctx)
        except Reject as reason:
            return str(reason)
        await update_profile(session, address=event.address, values={step.field: value}, now=now)
        return messages.text("profile_changed", what=step.label, value=display(step, value))

    def _entry(self, rest: str) -> tuple[Step, str] | None:
        """The remembered answer named at the start of `rest` ("tone formal", "send as linkedin") and the value."""
        words = rest.split()
        for size in range(min(len(words), 4), 0, -1):
            named = normal_words(" ".join(words[:size]))
            for step in self.steps:
                if named and named in {normal_words(p) for p in (step.field, step.label, *step.aliases)}:
                    return step, " ".join(words[size:])
        return None
