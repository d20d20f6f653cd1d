"""Who on a panel gets which part of the note: not every panellist gets the same extra paragraph.

- The point the member did not get to make (`add`) goes to the hiring manager: the person whose title says
  so, else the first with a manager's title, else the first interviewer who is not a recruiter.
- A promised link goes to the person it was promised to when the answer names them ("sent priya my deck"),
  else to the same person as `add`. (Asking whom, when there are several people, is left to the debrief.)
- Recruiters and HR partners (by title) get a note about the process and the role: no strength pitch, no
  extra point, and `process` in place of `strength`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot.answers import Interviewer, Occasion

_RECRUITER = re.compile(
    r"(?i)\b(?:recruit\w*|talent|sourc(?:er|ing)|hr|hrbp|human resources|people (?:partner|ops|operations|team)|"
    r"people and culture)\b"
)
_HIRING_MANAGER = re.compile(r"(?i)\bhiring manager\b")
_MANAGER = re.compile(r"(?i)\b(?:manager|director|head|vp|vice president|chief|cto|ceo|founder|lead)\b")
#: What a recruiter's note says instead (a slot of templates/notes/interview.yaml).
RECRUITER_SWAP = {"strength": "process", "strength_short": "process_short"}
_SHARE = ("link", "share", "share_label")


def is_recruiter(person: Interviewer) -> bool:
    return bool(person.title and _RECRUITER.search(person.title))


@dataclass(frozen=True)
class Parts:
    """Indexes into the panel: who gets `add`, who gets the link, who is a recruiter."""

    add_to: int
    share_to: int
    recruiters: frozenset[int]

    def without(self, index: int) -> tuple[str, ...]:
        """The shared variables this person's note leaves out."""
        left: tuple[str, ...] = ()
        if index in self.recruiters:
            left += ("strengths", "strengths_clause")
        if index != self.add_to:
            left += ("add", "add_wish")
        if index != self.share_to:
            left += _SHARE
        return left


def _named(text: str, people: Sequence[Interviewer]) -> int | None:
    words = {w.lower() for w in re.findall(r"[^\W\d_]+", text)}
    firsts = [p.name.split()[0].rstrip(".").lower() for p in people]
    found = [i for i, first in enumerate(firsts) if first in words and len(first) > 1]
    return found[0] if len(found) == 1 else None


def parts(people: Sequence[Interviewer], occasion: Occasion, share: str | None) -> Parts:
    recruiters = frozenset(i for i, p in enumerate(people) if occasion == "interview" and is_recruiter(p))
    others = [i for i in range(len(people)) if i not in recruiters] or [0]
    titled = [i for i in others if people[i].title and _HIRING_MANAGER.search(people[i].title or "")]
    managers = [i for i in others if people[i].title and _MANAGER.search(people[i].title or "")]
    add_to = (titled or managers or others)[0]
    share_to = _named(share, people) if share else None
    return Parts(add_to=add_to, share_to=add_to if share_to is None else share_to, recruiters=recruiters)
