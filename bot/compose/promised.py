"""What the member promised to send: a link found anywhere in the answer (no scheme, inside a sentence, the
first of two), and a name for it without how or when it will come ("my portfolio (will send tomorrow)" → "my
portfolio"). An email address is no link, and a promise with no link is only ever offered, never "here is"."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from bot.compose import grammar
from bot.compose.leadins import TALK_PAST
from bot.compose.reading import GERUND, MAX_WORDS, TRAILING, VAGUE, Form, Reading, lower_first

#: "I said I'd send", "will send", "promised to share": the promise itself, before what is sent.
_SHARE_LEAD = re.compile(
    r"^(?:(?:I\s*)?(?:said\s+(?:I'd|id)|said\s+I\s+would|promised\s+to|will|'ll|'d|’d|’ll|would|should|need\s+to|"
    r"can|could|was\s+going\s+to|am\s+going\s+to)?\s*(?:send|share|forward|email|drop|pass\s+along)"
    r"(?:\s+(?:her|him|them|you|over|along))*"
    r"|I'll\s+(?:send|share|forward|email)(?:\s+(?:her|him|them|you|over))*|(?:send|share|forward)(?:\s+(?:her|him|"
    r"them))?|promised(?:\s+(?:her|him|them))?)\s+",
    re.IGNORECASE,
)
#: An email address is no link ("sam.rivera@gmail.com" never becomes https://gmail.com).
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
#: "(will send tomorrow)", "(pdf)", "(the one about kafka)": an aside, never part of what is sent.
_ASIDE = re.compile(r"\s*\([^)]*(?:\)|$)")
#: "I told him I'd send over my transcript": the promise, told.
_TOLD_LEAD = re.compile(
    r"^I\s+(?:told|promised|said to|offered)\s+(?:him|her|them|the\s+\w+)\s+(?:that\s+)?"
    r"(?=I(?:'d|'ll|’d|’ll|\s+would|\s+will|\s+could|\s+can)?\s)",
    re.IGNORECASE,
)
#: The parts of a promise typed as several ("my deck; …", "here it is: … its the one from the meetup").
_PIECES = re.compile(r"[.;!?]+\s+|[.;!?]+$|\s+[–—-]\s+|\s*:\s+")
#: Words that only point at the link ("here it is", "it's the one from the meetup"): no name for what is sent.
_POINTER = re.compile(
    r"(?i)^(?:my\s+)?(?:here(?:\s+it\s+is|\s+you\s+go|'s\s+the\s+link|\s+is\s+the\s+link)?|this(?:\s+one)?|"
    r"that(?:\s+one)?|it|the\s+one\b.*|the\s+link|link|it(?:'s|s|\s+is)\s+the\s+one\b.*|see\s+(?:link|below|above))$"
)
#: "link to my case study", "a link to the podcast": the thing itself is named after it.
_LINK_TO = re.compile(r"^(?:(?:a|the|my)\s+)?link\s+(?:to|for)\s+(?=\S)", re.IGNORECASE)
#: When or how it will come, after what it is: ", will email them", "once I update it", "by Friday".
_WHEN_TAIL = re.compile(
    r"(?:\s*[,;–—-]\s*|\s+)(?:(?:I\s+)?(?:will|'ll|’ll|am going to|gonna|need to|have to|should)\s+\w+|once|as soon as|"
    r"(?:when|after|if)\s+I|(?:when|once)\s+(?:it|its|it's|it\s+is)\s+(?:done|ready|finished|updated|complete)|"
    r"tomorrow|tonight|later|soon|asap|this week|next week|by (?:tomorrow|tonight|the weekend|end of|eod|eow|monday|"
    r"tuesday|wednesday|thursday|friday))(?![\w'’-]).*$",
    re.IGNORECASE,
)
#: "… and", "and …" left where a second link was.
_JOINER_ENDS = re.compile(r"^(?:and|or|plus|&)\s+|\s+(?:and|or|plus|&)$", re.IGNORECASE)
#: A web address: with its scheme, "www.", a common ending, or any dotted name followed by a path
#: ("hana.example/portfolio"); a bare dotted name of another ending may be a product ("node.js"), never a link.
_URL = re.compile(r"(?:https?://|www\.)[^\s<>]+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|io|dev|org|net|me|app|co|ai|page|site)"
                  r"(?:/[^\s<>]*)?|\b[\w-]+(?:\.[a-z][\w-]*)+/[^\s<>]*", re.IGNORECASE)  # fmt: skip


def _share_label(text: str, *, linked: bool) -> str:
    """What the promised thing is, without how or when it will come ("my portfolio (will send tomorrow)",
    "my writing samples, will email them"); with the link itself, "link to my case study" is "my case study"."""
    label = _ASIDE.sub(" ", text).strip()
    label = re.sub(r"(?i)\s*(?:[:(-]|\bhere\b|\bat\b|\blink\b)\s*$", "", label).strip(TRAILING + "( ")
    label = _SHARE_LEAD.sub("", _TOLD_LEAD.sub("", label, count=1), count=1).strip()
    label = _WHEN_TAIL.sub("", _LINK_TO.sub("", label, count=1) if linked else label).strip(TRAILING + " ")
    label = _JOINER_ENDS.sub("", label).strip(TRAILING + " ")
    if label.split() and label.split()[0] in ("My", "The", "A", "An", "Our", "This", "That"):
        label = label[0].lower() + label[1:]
    return lower_first(label)


_LABEL_PREPOSITIONS = frozenset({"about", "on", "of", "regarding", "re", "into", "over", "through", "around"})
_PRONOUNS = frozenset({"i", "we", "she", "he", "they", "you"})


def _not_a_label(words: list[str]) -> bool:
    """A label opens with a preposition ("about the deck") or holds a talk verb after a noun ("remote talked"),
    so it reads as no name of a thing after "send my …"; "the deck we talked about" is one."""
    lower = [w.lower().strip(TRAILING) for w in words]
    after_noun = any(w in TALK_PAST and lower[n - 1] not in _PRONOUNS for n, w in enumerate(lower) if n > 0)
    return lower[0] in _LABEL_PREPOSITIONS or after_noun


def _plain_label(label: str) -> str:
    """The label, or "" when it cannot name what is sent (a question, a clause, a ramble, a vague word)."""
    words = label.split()
    if not words or grammar.is_direct_question(words) or label.endswith("?") or words[0].lower() in ("i", "we"):
        return ""
    if len(words) > MAX_WORDS["share"] or label.lower() in VAGUE:
        return ""
    if all(w.lower() in grammar.FUNCTION | grammar.DETERMINERS | grammar.POSSESSIVES for w in words):
        return ""
    if _not_a_label(words):  # "about remote talked": no name for a thing to send
        return ""
    first = words[0]
    if first.islower() and first not in grammar.DETERMINERS | grammar.POSSESSIVES and not GERUND.match(first):
        return "my " + label  # "portfolio: hana.example" → "my portfolio", never "send portfolio"
    return label


def _first_label(text: str, *, linked: bool) -> tuple[str, bool]:
    """The first part of the answer that names what is sent ("my deck; https://…", "here it is: https://…. its
    the one from the meetup" names nothing: the link alone), and whether other words were left aside."""
    pieces = [piece for piece in _PIECES.split(text) if piece.strip(TRAILING + " ")]
    for number, piece in enumerate(pieces):
        label = _plain_label(_share_label(piece, linked=linked))
        if label and not _POINTER.match(label):
            return label, len(pieces) > 1 and any(
                not _POINTER.match(p.strip(TRAILING + " ")) for p in pieces[number + 1 :]
            )
    return "", False


def share(text: str, shape: str) -> Reading:
    emailed = _EMAIL.sub(" ", text)
    links = [found.group(0).rstrip(TRAILING + ")") for found in _URL.finditer(emailed)]
    link = links[0] if links else ""
    if link and not link.lower().startswith(("http://", "https://")):
        link = "https://" + link
    asks = text.rstrip().endswith("?")  # "maybe my portfolio?": the member is unsure what to offer
    label, more = (
        ("", False) if asks else _first_label(_URL.sub(" ", emailed) if links else emailed, linked=bool(links))
    )
    if not link and not label:
        reason = "question" if asks else "email-address" if emailed != text else ("vague" if text else "empty")
        return Reading("share", shape, "none", "", reason=reason)
    form: Form = "topic" if label else "none"
    return Reading("share", shape, form, label, link=link, certain=not more, shortened=len(links) > 1 or more)


#: The pronouns a member uses for one person, in both sets: a label uses one set only to mean the reader.
_PRONOUN_SETS = (frozenset({"she", "her", "hers", "herself"}), frozenset({"he", "him", "his", "himself"}))
_WORD = re.compile(r"[a-z]+", re.IGNORECASE)


def to_the_one_reader(reading: Reading, about_them: Sequence[str]) -> Reading:
    """ "the podcast ep she recommended" → "the podcast ep you recommended", in a debrief of one person whose
    other answers call them "she" too (so the pronoun can only mean the reader). Otherwise left as typed."""
    if reading.form != "topic":
        return reading
    label = {w.lower() for w in _WORD.findall(reading.text)}
    theirs = {w.lower() for text in about_them for w in _WORD.findall(text)}
    for own, other in (_PRONOUN_SETS, _PRONOUN_SETS[::-1]):
        if label & own and not label & other and theirs & own and not theirs & other:
            return dataclasses.replace(reading, text=grammar.to_reader(reading.text))
    return reading
