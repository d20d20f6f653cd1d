"""How long a note may be on its channel, and what gives way when it is longer.

- LinkedIn: a connection request's note holds at most 300 characters (LinkedIn's own limit), greeting and
  sign-off included, so a LinkedIn draft is fitted to that, not to a word count. Whatever is typed, the last
  plans still leave a whole note: greeting, thanks, interest in the company, sign-off.
- A handwritten card: at most 80 words; a card is read in one glance.
- An email: 80–200 words ("short and focused"); a shorter one gets up to three `round_out` sentences. Built
  from names only in the concise tone it can still end a little short; only below 60 is that worth a word.

A note that is too long is rendered again by the next plan: the shortest phrasings first, then without the
least personal parts, and only at the end without what was discussed. The composer names anything left out.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from bot.answers import Channel

#: LinkedIn's limit on the note sent with a connection request.
LINKEDIN_CHARACTERS = 300
#: Words: (the fewest that still read as a considered note, the most that read as short and focused).
#: The fewest is a floor for sparse, concise notes; the composer aims higher (TARGET).
WORDS: dict[Channel, tuple[int, int]] = {"email": (80, 200), "card": (25, 80), "linkedin": (20, 60)}
#: The least a concise email built from names only reaches (three `round_out` sentences and no more: more
#: padding would read worse than a short note; the length check then offers a tip).
CONCISE_EMAIL_FLOOR = 60
#: Below this an email gets up to three `round_out` sentences: an email reads best at 80–200 words.
TARGET: dict[Channel, int] = {"email": 80, "card": 25, "linkedin": 20}
_DETAIL = ("detail", "detail_clause")
_DISCUSSED = ("discussed", "discussed_clause", "topic")
_SHARE = ("link", "share", "share_label")


@dataclass(frozen=True)
class Plan:
    """One way to render a note: phrasings chosen for shortness, slots dropped, answers not used."""

    shortest: bool = False
    drop: frozenset[str] = frozenset()  # slots left out
    without: tuple[str, ...] = ()  # variables left out
    prefer: frozenset[str] = frozenset()  # phrasings using these come first (the company, once `interest` goes)


def too_short(channel: Channel, body: str) -> bool:
    return len(body.split()) < TARGET[channel]


def fits(channel: Channel, body: str, company: str = "") -> bool:
    """Within the channel's limit, and (for LinkedIn, where the sentence naming it may be dropped) still
    naming the company."""
    if channel == "linkedin":  # many tiny words can fit the characters and still be too many words
        return len(body) <= LINKEDIN_CHARACTERS and len(body.split()) <= WORDS[channel][1] and company in body
    return len(body.split()) <= WORDS[channel][1]


def _present(variables: Mapping[str, str], names: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(name for name in names if name in variables)


def plans(channel: Channel, variables: Mapping[str, str]) -> Iterator[Plan]:
    """The plans to try, in order; the first whose note fits is used."""
    yield Plan()
    yield Plan(shortest=True)
    detail, discussed, share = (_present(variables, names) for names in (_DETAIL, _DISCUSSED, _SHARE))
    if channel == "linkedin":
        quiet = frozenset({"close_short"})
        yield Plan(True, quiet)
        if detail and discussed:
            yield Plan(True, quiet, detail)
        lean = quiet | {"interest_short"}  # the thanks then names the company
        yield Plan(True, lean, detail if discussed else (), frozenset({"company"}))
        if share:
            yield Plan(True, quiet, detail + share if discussed else share)
        yield Plan(True, quiet, detail + discussed + share)
        # Long names (a company, a role, a title) can leave no room at all: the general line about the talk
        # goes, then the role's name; thanks, interest in the company and the sign-off still make a note.
        bare = quiet | {"specific_short"}
        yield Plan(True, bare, detail + discussed + share)
        yield Plan(True, bare, detail + discussed + share + ("role",))
        return
    if channel == "card":
        yield Plan(True, frozenset({"strength_short"}))
        if detail and discussed:
            yield Plan(True, frozenset({"strength_short"}), detail)
        yield Plan(True, frozenset({"strength_short", "close_short"}), detail if discussed else ())
        return
    extras = _present(variables, ("add", "add_wish"))
    if detail and discussed:
        yield Plan(True, without=detail)
    if extras:
        yield Plan(True, without=(detail if discussed else ()) + extras)
    strengths = _present(variables, ("strengths", "strengths_clause"))
    yield Plan(True, without=(detail if discussed else ()) + extras + strengths)
