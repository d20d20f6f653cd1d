"""`cancel` asks first: the question it asks, and how a reply to it is read.

A yes stops the debrief (its answers are kept for a day so `undo` can bring it back); a no carries on; any
other text is not a reply to this question, so the engine takes it as an answer to the open question.
"""

from __future__ import annotations

from enum import Enum

from bot import messages
from bot.actions import Ask, Choice
from bot.conversation.parsers import means_skip
from bot.events import ChoiceMade, ConversationEvent, Navigate, TextAnswer

#: The field of the "really stop?" question (a button answer carries it).
CANCEL_FIELD = "cancel"
#: Words that finish the debrief from the summary, shared with the "really stop?" question.
YES = frozenset(
    {"yes", "y", "yep", "yeah", "ok", "okay", "sure", "go", "write", "looks good", "write my notes", "done"}
)
_STOP = YES | {"yes please", "stop", "cancel", "yes cancel", "yes stop", "1"}
_CARRY_ON = frozenset({"keep going", "continue", "carry on", "go on", "dont cancel", "don't cancel", "2"})
_NO_WORDS = frozenset({"no", "n", "nope", "nah"})


class Reply(Enum):
    STOP = "stop"
    CARRY_ON = "carry on"
    SOMETHING_ELSE = "something else"


def cancel_question() -> Ask:
    choices = (Choice("yes", messages.text("label_cancel_yes")), Choice("no", messages.text("label_cancel_no")))
    return Ask(CANCEL_FIELD, messages.text("cancel_confirm"), choices, False, ())


def read_reply(event: ConversationEvent) -> Reply:
    """A button under the question, `cancel` again, or typed words; everything else is something else."""
    if isinstance(event, ChoiceMade) and event.field == CANCEL_FIELD:
        text = event.value
    elif isinstance(event, Navigate):
        return Reply.STOP if event.command == "cancel" else Reply.SOMETHING_ELSE
    elif isinstance(event, TextAnswer):
        text = event.text
    else:
        return Reply.SOMETHING_ELSE
    words = " ".join(text.casefold().split()).strip(".! ")
    if words in _STOP:
        return Reply.STOP
    first = words.split(" ", 1)[0] if words else ""
    if words in _CARRY_ON or first in _NO_WORDS or "keep going" in words or means_skip(text):
        return Reply.CARRY_ON
    return Reply.SOMETHING_ELSE
