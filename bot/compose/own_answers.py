"""The member's own answers: their strengths ("I have 3 yrs as a barista and I'm reliable", "Tableau, SQL, and
i'm detail oriented", "strong writer"), the point they wanted to add (without "actually" or "I just forgot to
say it"), and what they promised to send (a link found inside a sentence)."""

from __future__ import annotations

import re

from bot.compose import grammar, inflect, joins, phrases, strength_parts
from bot.compose.leadins import TALK_PAST, THAT
from bot.compose.reading import GERUND, MAX_WORDS, TRAILING, VAGUE, Reading, aux_early, lower_first

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
#: A strength typed as the member's own clause with a second one ("I have 3 yrs as a barista and I'm reliable").
_I_WITH_CLAUSE = re.compile(r"^I\b(?:['’]\w+)?\s.*(?:,|\band)\s+I\b", re.IGNORECASE)
#: "I've built …", "I have led …": the lead-in "I have" is part of the clause here.
_I_HAVE_DONE = re.compile(r"^I(?:['’]ve| have)\s+(?:also\s+|already\s+)?([a-z]+)\b")
#: "…, I just forgot to say it", "but I blanked when he asked": a regret trailing the point itself.
_REGRET_TAIL = re.compile(
    r"(?:[,;.]\s*|\s+(?:but|and|which|so)\s+)(?:I\s+)?(?:just\s+|totally\s+|completely\s+|kind of\s+|sort of\s+)*"
    r"(?:forgot|blanked|froze|got nervous|panicked|didn['’]t (?:say|mention|bring)|did not (?:say|mention)|never "
    r"(?:said|mentioned|got to)|should(?:['’]ve| have)|meant to|ran out of time|was nervous|couldn['’]t)\b.*$",
    re.IGNORECASE,
)
_NOT_COVERED = re.compile(
    r"(?i)^(?:we|they|she|he)\s+(?:really\s+|just\s+)?(?:didn't|did not|never)\s+(?:really\s+)?(?:get to\s+)?"
    r"(?:ask|talk|say|discuss|cover|get into|go into|touch)\w*\b"
)
#: "I do have experience" → "I have experience": the emphasis answers a doubt the reader never voiced.
_EMPHATIC_DO = re.compile(r"^(I)\s+do\s+(?=(?:have|know|speak|hold|own|use)\b)", re.IGNORECASE)
#: "…, plus I speak Arabic": a second clause of the member's own, joined as a writer would.
_PLUS_CLAUSE = re.compile(r",?\s+plus\s+(?=I\b)")
#: "I have 6 years ICU and …": the amount the member has, up to the next part of the sentence.
_I_HAVE_AMOUNT = re.compile(r"\b(I (?:have|['’]ve got|have got|bring)\s+)(\S[^,;]*?)(?=\s+and\s+I\b|,|;|$)")
#: "I am going to bring energy": said before the offer, it is what they would bring.
_GOING_TO = re.compile(r"\b(I)(?: am|['’]m) going to (?=(\w+))")
_LABEL_PREPOSITIONS = frozenset({"about", "on", "of", "regarding", "re", "into", "over", "through", "around"})
_PRONOUNS = frozenset({"i", "we", "she", "he", "they", "you"})
_URL = re.compile(r"(?:https?://|www\.)[^\s<>]+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|io|dev|org|net|me|app|co|ai|page|site)"
                  r"(?:/[^\s<>]*)?", re.IGNORECASE)  # fmt: skip


def _participle(word: str) -> bool:
    """ "built", "run", "led": what follows "I have" when it is part of a clause ("I've run on-call for …")."""
    lemma = inflect.verb_lemma(word)
    return (
        lemma is not None and lemma not in ("be", "have", "do", "get") and word.lower() in inflect.forms(lemma, "VBN")
    )


def strengths(text: str, shape: str) -> Reading:
    done = _I_HAVE_DONE.match(text)
    if _I_WITH_CLAUSE.match(text) or (done and _participle(done.group(1))):
        return _own_clause(text)  # "I have 3 years … and I'm reliable"
    text = _STRENGTH_LEAD.sub("", text, count=1).strip()
    words = text.split()
    if not words:
        return Reading("strengths", shape, "none", "", reason="empty")
    lower0 = words[0].lower()
    if grammar.is_direct_question(words) or text.endswith("?"):
        return Reading("strengths", "question", "none", "", reason="question")
    if lower0 in grammar.FIRST_PERSON - {"we"}:
        return _own_clause(text)
    if text.lower().strip(TRAILING) in VAGUE:  # "good", "great": says nothing the reader can use
        return Reading("strengths", shape, "none", "", reason="vague")
    mixed = strength_parts.as_clauses(text)
    if mixed is not None:  # "calm under pressure, 6 yrs ICU" → "I am calm under pressure, and I have 6 years of …"
        return Reading("strengths", "clause", "clause", mixed[0], certain=False, shortened=mixed[1])
    items = phrases.list_items(text)
    if len(items) > 1 and any(map(phrases.is_clause, items)):  # "Tableau, SQL, and the team is small"
        topics = [item for item in items if not phrases.is_clause(item)]
        if not topics:
            return Reading("strengths", "clause", "none", "", reason="not-about-you")
        return Reading("strengths", shape, "topic", lower_first(phrases.join(topics)), certain=False, shortened=True)
    if lower0 in grammar.SUBJECT_PRONOUNS or lower0 in grammar.CONTRACTED or aux_early(words):
        return Reading("strengths", "clause", "none", "", reason="not-about-you")
    if text.lower() in VAGUE:
        return Reading("strengths", shape, "none", "", reason="vague")
    kind = "gerund phrase" if GERUND.match(text) else shape
    return Reading("strengths", kind, "topic", phrases.polish_list(lower_first(text)))


def _own_clause(text: str) -> Reading:
    """The member's own clause, as one sentence of a note: a list of what they are and have made whole ("I'm a
    huge reader, retail experience" → "I'm a huge reader, and I have retail experience"), "plus I" joined with
    "and", and "I am going to bring" put as what they would bring (they are not hired yet)."""
    mixed = strength_parts.as_clauses(text)
    shortened = mixed is not None and mixed[1]
    text = mixed[0] if mixed is not None else _PLUS_CLAUSE.sub(", and ", text)
    text = _I_HAVE_AMOUNT.sub(lambda m: m.group(1) + phrases.amount(m.group(2)), text)  # "I have 6 years ICU"
    text = joins.named_condition(_GOING_TO.sub(_would, text))
    return Reading("strengths", "clause", "clause", text, certain=False, shortened=shortened)


def _would(found: re.Match[str]) -> str:
    """ "I am going to bring" → "I would bring"; "I am going to school" (a noun as well) stays as typed."""
    verb_only = set(inflect.lemmas(found.group(2).lower())) == {"VERB"}
    return f"{found.group(1)} would " if verb_only else found.group(0)


def add(text: str, shape: str) -> Reading:
    text = THAT.sub("", _ADD_LEAD.sub("", text, count=1).strip(), count=1)
    text = _REGRET_TAIL.sub("", text).strip(" ,;") if len(text.split()) > 4 else text
    text = _EMPHATIC_DO.sub(r"\1 ", text)
    text = joins.named_condition(text)
    words = text.split()
    if not words:
        return Reading("add", shape, "none", "", reason="empty")
    if grammar.is_direct_question(words) or text.endswith("?"):
        return Reading("add", "question", "none", "", reason="question")
    if _NOT_COVERED.match(text):  # "we didn't get to talk about salary": no point of the member's own
        return Reading("add", shape, "none", "", reason="not-covered")
    if text.lower() in VAGUE:
        return Reading("add", shape, "none", "", reason="vague")
    keep = words[0][1:].islower() is False or words[0].lower().replace("’", "'") in grammar.FIRST_PERSON
    return Reading("add", shape, "clause", text if keep else text[0].lower() + text[1:])


def _not_a_label(words: list[str]) -> bool:
    """A label opens with a preposition ("about the deck") or holds a talk verb after a noun ("remote talked"),
    so it reads as no name of a thing after "send my …"; "the deck we talked about" is one."""
    lower = [w.lower().strip(TRAILING) for w in words]
    after_noun = any(w in TALK_PAST and lower[n - 1] not in _PRONOUNS for n, w in enumerate(lower) if n > 0)
    return lower[0] in _LABEL_PREPOSITIONS or after_noun


def share(text: str, shape: str) -> Reading:
    found = _URL.search(text)
    link = found.group(0).rstrip(TRAILING) if found else ""
    if link and not link.lower().startswith(("http://", "https://")):
        link = "https://" + link
    label = (_URL.sub(" ", text) if found else text).strip()
    label = re.sub(r"(?i)\s*(?:[:(-]|\bhere\b|\bat\b|\blink\b)\s*$", "", label).strip(TRAILING + "( ")
    label = lower_first(_SHARE_LEAD.sub("", label, count=1).strip())
    words = label.split()
    if words and (grammar.is_direct_question(words) or label.endswith("?") or words[0].lower() in ("i", "we")):
        label = ""
    if words and _not_a_label(words):  # "about remote talked": no name for a thing to send
        label = ""
    if words and len(words) > MAX_WORDS["share"]:
        label = ""
    if label.lower() in VAGUE:
        label = ""
    if not link and not label:
        return Reading("share", shape, "none", "", reason="vague" if text else "empty")
    first = label.split()[0] if label else ""
    if first.islower() and first not in grammar.DETERMINERS | grammar.POSSESSIVES and not GERUND.match(first):
        label = "my " + label  # "portfolio: hana.example" → "my portfolio", never "send portfolio"
    return Reading("share", shape, "topic" if label else "none", label, link=link, certain=bool(link or label))
