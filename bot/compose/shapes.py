"""Read the shape of a free answer and fit it to the sentence it goes into.

Members type noun phrases ("the on-call redesign"), gerunds ("moving to streaming"), clauses ("she still
codes every day"), lead-ins that only say a talk happened ("we talked about …"), direct questions ("why did
they pick Snowflake?"), several sentences, rambles, fillers and capitals. `read` turns each into one of
three forms a phrasing can declare it accepts (see templates/notes/common.yaml):

- `topic`: fits after "about" or "on": a noun or gerund phrase, or an indirect question;
- `clause`: a full clause that fits after "hearing that …" (for strengths: after "I am confident that …");
- `none`: nothing fits with confidence; the note leaves the detail out and a check says which answer and why.

`certain` is False when the member might not recognise their words (a question turned round, a clause
re-addressed, a ramble cut short): those are the answers worth previewing in the debrief.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from bot.compose import grammar, inflect
from bot.compose.tidy import tidy

Form = Literal["topic", "clause", "none"]
#: Answer fields the composer reads; the first two are about the interviewer.
FIELDS = ("discussed", "detail", "strengths", "add", "share")
#: Longer than this (words) is a ramble: only its first usable part goes into the note.
RAMBLE = 25
#: The most words a topic or clause may bring into one sentence.
MAX_WORDS = {"discussed": 18, "detail": 18, "strengths": 18, "add": 30, "share": 12}

_SUBJECT = r"(?:i|we|they|she|he|you|both of us|the two of us|the team|[a-z]+ and i|[A-Z][\w'’-]+)"
_ADVERB = r"(?:also|mostly|really|briefly|actually|just|then|later|first|quickly|even|both|kind of|sort of|pretty much)"
_TALK = (
    r"(?:talk(?:ed|ing)?|spoke|speak(?:ing)?|chat(?:ted|ting)?|went|go(?:ing)?|dove|dived|dug|dig|got|get|"
    r"touched|focus(?:ed)?|bonded|geeked out|nerded out|ended up talking|spent (?:(?:most of )?(?:the|our) )?"
    r"(?:time|(?:an )?hour|a while|ages)(?: talking)?)"
)
_TELL = r"(?:told|tell(?:ing)?|asked|ask(?:ing)?|quizzed|grilled|walked|walk(?:ing)?|took|take)"
_SAY = (
    r"(?:discuss(?:ed|ing)?|cover(?:ed|ing)?|explain(?:ed|ing)?|show(?:ed|ing)?|present(?:ed|ing)?|demo(?:ed|'d)?|"
    r"describ(?:ed|ing|e)|shar(?:ed|ing|e)|mention(?:ed|ing)?|review(?:ed|ing)?|compar(?:ed|ing|e)|brought up|"
    r"went over|go over|pitched|outlined|hit on|touched on|talked through|whiteboarded through)"
)
_OBJECT = r"(?:me|us|them|her|him|you|each other|the panel|the team)"
_PREP = r"(?:about|on|over|through|into|around|regarding|re:?|in depth on|deep on|deep into|deeper into|into detail on)"
_AMOUNT = r"(?:a lot|a bit|a little|mostly|at length|for a while|in depth|in detail|a ton|forever|loads)"
_LEAD_IN = re.compile(
    rf"^(?:{_SUBJECT}\s+)?(?:{_ADVERB}\s+)*(?:"
    rf"{_TALK}(?:\s+{_AMOUNT})?(?:\s+(?:deep|deeper|in depth|into detail))?\s+{_PREP}"
    rf"|{_TELL}(?:\s+{_OBJECT})?(?:\s+{_AMOUNT})?(?:\s+{_PREP})?"
    rf"|{_SAY}(?:\s+{_OBJECT})?(?:\s+{_AMOUNT})?(?:\s+{_PREP})?"
    rf")(?:\s+{_AMOUNT})?(?:\s+(?:about|on))?(?:\s+how\s+(?=(?:to)\b))?\s+(?=\S)",
    re.IGNORECASE,
)
_THAT = re.compile(r"^that\s+", re.IGNORECASE)
_IF = re.compile(r"^if\s+", re.IGNORECASE)
_STRENGTH_LEAD = re.compile(
    r"^(?:I'm (?:really |very |pretty )?(?:good|strong|great|experienced) (?:at|with|in)|I'm an? expert (?:at|in)|"
    r"I\s+(?:think\s+)?(?:have|'ve got|have got|bring|can bring|could bring|would bring|will bring|offer|"
    r"can offer|am (?:really |very )?(?:good|strong|great) (?:at|with|in)|'m (?:really |very )?(?:good|strong|great)"
    r" (?:at|with|in))|I've(?: got)?|my (?:main |biggest |key |best )?strengths? (?:is|are|would be)|"
    r"probably|mainly)\s+",
    re.IGNORECASE,
)
_SHARE_LEAD = re.compile(
    r"^(?:I\s+(?:said\s+I'd|said\s+I\s+would|promised\s+to|will|'ll|should|need\s+to|can|could|was\s+going\s+to|am"
    r"\s+going\s+to)?\s*(?:send|share|forward|email|drop|pass\s+along)(?:\s+(?:her|him|them|you|over|along))*"
    r"|I'll\s+(?:send|share|forward|email)(?:\s+(?:her|him|them|you|over))*|(?:send|share|forward)(?:\s+(?:her|him|"
    r"them))?|promised(?:\s+(?:her|him|them))?)\s+",
    re.IGNORECASE,
)
_ADD_LEAD = re.compile(
    r"^(?:I\s+(?:wanted|meant|forgot|didn't get|did not get|should have|should've|never got)\s+(?:to\s+)?"
    r"(?:add|mention|say|tell (?:them|her|him)|explain|bring up|mentioned|said)(?:\s+that)?|"
    r"(?:forgot|wanted) to (?:mention|say|add)(?:\s+that)?)\s+",
    re.IGNORECASE,
)
_URL = re.compile(r"(?:https?://|www\.)[^\s<>]+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|io|dev|org|net|me|app|co|ai|page|site)"
                  r"(?:/[^\s<>]*)?", re.IGNORECASE)  # fmt: skip
_SEGMENTS = re.compile(
    r"(?<=[.!?])\s+|\s*[;…]\s*|\s+[—–-]\s+|,?\s+(?:and\s+)?also\s+(?=[a-z])|,\s+but\s+|\s+but\s+also\s+|\s+plus\s+"
    r"|(?:,\s+|,?\s+(?:and|but|so|then)\s+)(?=(?:i|we|she|he|they|you)\s+(?!and\b|or\b))",
    re.IGNORECASE,
)
_SENTENCES = re.compile(r"(?<=[.!?])\s+(?=\S)")
#: A lone word or phrase that says nothing specific.
_VAGUE = frozenset(
    {"stuff", "things", "everything", "anything", "nothing", "general", "the job", "the role", "the company",
     "work", "a lot", "lots", "misc", "various", "n/a", "na", "none", "no", "nope", "not sure", "unsure",
     "dunno", "whatever", "same", "same as above", "see above", "the usual", "usual stuff", "good", "great",
     "fine", "ok", "okay", "nice", "fun", "cool", "interesting", "it", "that", "this", "yes", "skip", "-",
     "nothing really", "nothing much", "not much", "idk", "the interview", "the position", "questions"}
)  # fmt: skip
_LEADING_WORD_LOWER = re.compile(
    r"^(?:(The|A|An|Our|My|Your|Their|This|That|These|Those|Some|Any|All|Each|Every|Her|His)\b(?=\s+[a-z0-9])|"
    r"(What|Why|How|When|Where|Who|Which|Whether)\b(?=\s))"
)
_CAPITAL_GERUND = re.compile(r"^([A-Z][a-z]+ing)\b")
_GERUND = re.compile(r"^[a-z]+ing\b", re.IGNORECASE)
_TRAILING = ".,;:!? -–—"


@dataclass(frozen=True)
class Reading:
    """One answer, read: its shape as typed, and the words that go into the note in the form named."""

    field: str
    shape: str  # as typed: "noun phrase", "question", "clause", "sentences", "ramble", …
    form: Form
    text: str  # "" when form is "none"
    certain: bool = True
    shortened: bool = False
    reason: str = ""  # why it was left out, in words for the member (form "none")
    link: str = ""  # share: the web address found in it


def _words(text: str) -> list[str]:
    return text.split()


def strip_lead_in(text: str) -> str:
    """ "we talked a lot about how their keys work" → "how their keys work"; "I explained my approach to
    caching" → "my approach to caching". Up to two lead-ins ("so she asked me about …")."""
    for _ in range(2):
        shorter = _LEAD_IN.sub("", text, count=1)
        if shorter == text or not shorter.strip():
            break
        text = _IF.sub("whether ", _THAT.sub("", shorter.strip(), count=1), count=1)
    return text


def _lower_first(text: str) -> str:
    """ "The roadmap" → "the roadmap", "Moving to Kafka" → "moving to Kafka"; "The Hague", "Beijing" stay."""
    text = _LEADING_WORD_LOWER.sub(lambda m: (m.group(1) or m.group(2)).lower(), text, count=1)
    gerund = _CAPITAL_GERUND.match(text)
    if gerund and inflect.verb_lemma(gerund.group(1).lower()) not in (None, gerund.group(1).lower()):
        return text[0].lower() + text[1:]
    return text


def _aux_early(words: list[str]) -> bool:
    """A noun phrase followed by a verb ("the team is growing fast"): a clause, not a topic."""
    for index in range(1, min(len(words), 5)):
        lower = words[index].lower()
        if lower in grammar.AUXILIARIES or lower.endswith("n't") or lower in ("won't", "can't"):
            return all(w.lower() not in grammar.AUXILIARIES for w in words[:index])
    return False


def _about_reader(field: str) -> bool:
    return field in ("discussed", "detail")


def _topic_or_clause(field: str, text: str, shape: str) -> Reading:
    """A single segment of a discussed/detail answer, lead-in already gone."""
    words = _words(text)
    first = re.match(r"[^\W\d_]+(?:['’][a-z]+)?", words[0])  # "I:B", "she," are still "I", "she"
    lower0 = (first.group(0) if first else words[0]).lower()
    if grammar.is_direct_question(words) or text.endswith("?"):
        turned = grammar.indirect(text)
        if turned is None:
            return Reading(field, "question", "none", "", reason="question")
        return Reading(field, "question", "topic", grammar.to_reader(turned), certain=False)
    embedded = grammar.embedded_question(words)
    if embedded is not None:
        turned = grammar.indirect(" ".join(words[embedded:]))
        if turned is None:
            return Reading(field, "question", "none", "", reason="question")
        joined = " ".join([*words[:embedded], turned])
        return Reading(field, "question", "topic", grammar.to_reader(_lower_first(joined)), certain=False)
    if lower0 in grammar.WH or lower0 == "whether":
        return Reading(field, shape, "topic", grammar.to_reader(_lower_first(text)))
    if lower0 == "to" or lower0 in ("i", "we"):
        turned = grammar.gerund(text)
        if turned is not None:
            return Reading(field, "clause", "topic", grammar.to_reader(turned), certain=False)
        return Reading(field, "clause", "none", "", reason="first-person")
    if lower0 in grammar.SUBJECT_PRONOUNS or _aux_early(words):
        if lower0 in ("this", "that", "it") and len(words) < 4:
            return Reading(field, "clause", "none", "", reason="vague")
        return Reading(field, "clause", "clause", grammar.to_reader(_lower_first(text)), certain=False)
    if text.lower() in _VAGUE or (len(words) <= 2 and all(w.lower() in _VAGUE for w in words)):
        return Reading(field, "word" if len(words) == 1 else shape, "none", "", reason="vague")
    kind = "gerund phrase" if _GERUND.match(text) else ("word" if len(words) == 1 else shape)
    if field == "detail" and lower0 == "my":  # "she asked about my gap year": about the member, not them
        return Reading(field, kind, "none", "", reason="about-you")
    return Reading(field, kind, "topic", grammar.to_reader(_lower_first(text)))


def _strengths(text: str, shape: str) -> Reading:
    text = _STRENGTH_LEAD.sub("", text, count=1).strip()
    words = _words(text)
    if not words:
        return Reading("strengths", shape, "none", "", reason="empty")
    lower0 = words[0].lower()
    if grammar.is_direct_question(words) or text.endswith("?"):
        return Reading("strengths", "question", "none", "", reason="question")
    if lower0 in ("i", "i'm", "i've", "i'd"):
        return Reading("strengths", "clause", "clause", text, certain=False)
    if lower0 in grammar.SUBJECT_PRONOUNS or _aux_early(words):
        return Reading("strengths", "clause", "none", "", reason="not-about-you")
    if text.lower() in _VAGUE:
        return Reading("strengths", shape, "none", "", reason="vague")
    kind = "gerund phrase" if _GERUND.match(text) else shape
    return Reading("strengths", kind, "topic", _lower_first(text))


def _add(text: str, shape: str) -> Reading:
    text = _ADD_LEAD.sub("", text, count=1).strip()
    words = _words(text)
    if not words:
        return Reading("add", shape, "none", "", reason="empty")
    if grammar.is_direct_question(words) or text.endswith("?"):
        return Reading("add", "question", "none", "", reason="question")
    if text.lower() in _VAGUE:
        return Reading("add", shape, "none", "", reason="vague")
    return Reading("add", shape, "clause", text[0].lower() + text[1:] if words[0][1:].islower() else text)


def _share(text: str, shape: str) -> Reading:
    found = _URL.search(text)
    link = found.group(0).rstrip(_TRAILING) if found else ""
    if link and not link.lower().startswith(("http://", "https://")):
        link = "https://" + link
    label = (_URL.sub(" ", text) if found else text).strip()
    label = re.sub(r"(?i)\s*(?:[:(-]|\bhere\b|\bat\b|\blink\b)\s*$", "", label).strip(_TRAILING + "( ")
    label = _lower_first(_SHARE_LEAD.sub("", label, count=1).strip())
    words = _words(label)
    if words and (grammar.is_direct_question(words) or label.endswith("?") or words[0].lower() in ("i", "we")):
        label = ""
    if words and len(words) > MAX_WORDS["share"]:
        label = ""
    if label.lower() in _VAGUE:
        label = ""
    if not link and not label:
        return Reading("share", shape, "none", "", reason="vague" if text else "empty")
    return Reading("share", shape, "topic" if label else "none", label, link=link, certain=bool(link or label))


def _shape_as_typed(raw: str, tidied: str) -> str:
    words = len(tidied.split())
    if words > RAMBLE:
        return "ramble"
    if len(_SENTENCES.split(tidied.strip())) > 1:
        return "sentences"
    if raw.strip().endswith("?"):
        return "question"
    return "word" if words == 1 else "noun phrase"


_EMPTY_WORDS = grammar.FUNCTION | grammar.AUXILIARIES | grammar.SUBJECT_PRONOUNS | grammar.DETERMINERS | grammar.WH
_EMPTY_WORDS |= {"me", "us", "them", "him", "her", "not", "no", "yes", "if", "whether", "then", "too", "very"}


def _says_nothing(text: str) -> bool:
    """Only small words or no letters at all ("about", "0", "the and", "?!")."""
    if re.fullmatch(r"[\d\s.,;:!?'\"()-]*", text):
        return True
    words = re.findall(r"[^\W\d_]+", text.lower())
    return bool(words) and all(w in _EMPTY_WORDS for w in words) and not re.search(r"[^\w\s.,;:!?'\"()-]", text)


def _one(field: str, segment: str, shape: str) -> Reading:
    if field != "share" and _says_nothing(segment):
        return Reading(field, shape, "none", "", reason="vague" if segment.strip() else "empty")
    segment = grammar.expand_contractions(segment.strip().rstrip(".,;:!- ").strip())
    question = segment.endswith("?")
    segment = segment.rstrip("?").strip()
    if not segment:
        return Reading(field, shape, "none", "", reason="empty")
    if field == "strengths":
        return _strengths(segment + ("?" if question else ""), shape)
    if field == "add":
        return _add(segment + ("?" if question else ""), shape)
    if field == "share":
        return _share(segment, shape)
    rest = strip_lead_in(segment)
    if not rest.strip():
        return Reading(field, shape, "none", "", reason="empty")
    return _topic_or_clause(field, rest + ("?" if question else ""), shape)


def read(field: str, raw: str) -> Reading:
    """Read one free answer (`field` is discussed, detail, strengths, add or share)."""
    base = field.rsplit(".", 1)[-1]
    tidied = tidy(raw)
    if not tidied:
        return Reading(base, "empty", "none", "", reason="empty")
    shape = _shape_as_typed(raw, tidied)
    limit = MAX_WORDS[base]
    segments = [s for s in _SEGMENTS.split(tidied) if s and s.strip(_TRAILING)]
    if len(segments) > 1 and shape not in ("ramble", "sentences") and base != "add":
        shape = "sentences"
    whole = _one(base, tidied, shape) if shape not in ("ramble", "sentences") else None
    if whole is not None and (whole.form == "none" or len(whole.text.split()) <= limit):
        return whole
    first_failure: Reading | None = None
    for number, segment in enumerate(segments):
        reading = _one(base, segment, shape)
        if reading.form != "none" and len(reading.text.split()) <= limit:
            more = number < len(segments) - 1 or number > 0
            return Reading(
                base,
                shape,
                reading.form,
                reading.text,
                certain=not more and reading.certain,
                shortened=more,
                link=reading.link,
            )
        first_failure = first_failure or reading
    reason = "too-long" if first_failure is None or first_failure.form != "none" else first_failure.reason
    return Reading(base, shape, "none", "", reason=reason)
