"""Block Kit `action_id` formats: what a button means, decodable without any server-side state.

A choice button carries the question field it belonged to, so a click on an old question reaches the
engine as a stale `ChoiceMade` and is answered politely; draft and reminder buttons carry their row ids.
"""

from __future__ import annotations

SEP = "|"
CHOICE = "ty-choice"
NAV = "ty-nav"
DRAFT = "ty-draft"
REMIND = "ty-remind"
#: "Fill in a form instead": its own listener opens the modal (outside `ty-`, which the turn listener takes).
FORM_OPEN = "tyform-open"
#: "Edit note" on a delivered note: its own listener opens the edit modal (adapters/slack/edit_modal.py).
NOTE_EDIT = "tynote-edit"


def note_edit_id(conversation_id: int, position: int) -> str:
    return SEP.join((NOTE_EDIT, str(conversation_id), str(position)))


def choice_id(field: str, index: int) -> str:
    return SEP.join((CHOICE, field, str(index)))


def nav_id(command: str, field: str) -> str:
    return SEP.join((NAV, command, field))


def draft_id(kind: str, conversation_id: int, position: int) -> str:
    return SEP.join((DRAFT, kind, str(conversation_id), str(position)))


def remind_id(reminder_id: int, index: int) -> str:
    return SEP.join((REMIND, str(reminder_id), str(index)))


def parse(action_id: str) -> tuple[str, list[str]]:
    """Split an action id into its kind and parts; unknown ids give an empty kind."""
    kind, _, rest = action_id.partition(SEP)
    if kind not in (CHOICE, NAV, DRAFT, REMIND):
        return "", []
    return kind, rest.split(SEP)
