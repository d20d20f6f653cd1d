"""Lead-ins that only say a talk happened, and the requests and replies around a question: what is stripped
from the front of an answer so that its topic remains ("we talked a lot about X", "she mentioned (that) X",
"i rambled about X", "can you tell me more about X", "i was asked to X" → X).

A lexicon of verbs, plus one general rule: someone + any past-tense verb + "about" is a lead-in too.
"""

from __future__ import annotations

import re

from bot.compose import inflect
from bot.compose.lazy_re import LazyPattern

_SUBJECT = (
    r"(?:i|we|they|she|he|you|both of us|the two of us|the team|[a-z]+ and i|(?-i:[A-Z][\w'’-]+)|everyone|they all|"
    r"the (?:interviewer|recruiter|hiring manager|manager|panel|cto|ceo|founder|director|vp|lead|hr person|other guy|"
    r"other one))"
)
_ADVERB = r"(?:also|mostly|really|briefly|actually|just|then|later|first|quickly|even|both|kind of|sort of|pretty much)"
_TALK = (
    r"(?:talk(?:ed|ing)?|spoke|speak(?:ing)?|chat(?:ted|ting)?|went|go(?:ing)?|dove|dived|dug|dig|got|get|"
    r"touched|focus(?:ed)?|bonded|click(?:ed)?|connected|hit it off|geeked out|nerded out|ended up talking|"
    r"spent (?:(?:most of )?(?:the|our) )?"
    r"(?:time|(?:an )?hour|a while|ages)(?: talking)?)"
)
_TELL = r"(?:told|tell(?:ing)?|asked|ask(?:ing)?|quizzed|grilled|walked|walk(?:ing)?|took|take)"
_SAY = (
    r"(?:discuss(?:ed|ing)?|cover(?:ed|ing)?|explain(?:ed|ing)?|show(?:ed|ing)?|present(?:ed|ing)?|demo(?:ed|'d)?|"
    r"describ(?:ed|ing|e)|shar(?:ed|ing|e)|mention(?:ed|ing)?|review(?:ed|ing)?|compar(?:ed|ing|e)|brought up|"
    r"went over|go over|pitched|outlined|hit on|touched on|talked through|whiteboarded through|wanted to know|"
    r"was curious)"
)
#: Reported speech: "she said (that) they do weekly crits" → "they do weekly crits".
_REPORT = (
    r"(?:said|says|noted|thinks|thought|believes|believed|added|confirmed|admitted|joked|hinted|announced|wondered)"
)
_OBJECT = r"(?:me|us|them|her|him|you|each other|the panel|the team)"
_PREP = r"(?:about|on|over|through|into|around|regarding|re:?|in depth on|deep on|deep into|deeper into|into detail on)"
_AMOUNT = (
    r"(?:a lot|a bit|a little|mostly|at length|for a while|in depth|in detail|a ton|forever|loads|for (?:like |about "
    r"|almost |over )?(?:an? |\d+ )?(?:hour|hours|while|bit|minutes?|mins?|half an hour|ages))"
)
#: Compiled on first use (bot/compose/lazy_re.py): `thankyou-bot check` reads no answers this way.
LEAD_IN = LazyPattern(
    rf"^(?:{_SUBJECT}\s+)?(?:{_ADVERB}\s+)*(?:"
    rf"{_TALK}(?:\s+{_AMOUNT})?(?:\s+(?:deep|deeper|in depth|into detail))?\s+{_PREP}"
    rf"|{_TELL}(?:\s+{_OBJECT})?(?:\s+{_AMOUNT})?(?:\s+{_PREP})?"
    rf"|{_SAY}(?:\s+(?:me|us|them|her|him|you))?(?:\s+{_AMOUNT})?(?:\s+{_PREP})?"
    rf"|{_REPORT}(?:\s+(?:to\s+)?(?:me|us))?(?:\s+that)?"
    rf"|(?:wanted|needed|asked|got|expected)\s+(?:me|us)(?=\s+to\s)"
    rf"|(?:was|were|got|been)\s+asked(?:\s+(?:about|on))?"
    rf"|had\s+(?:a|an)\s+(?:\w+\s+)?(?:chat|talk|conversation|discussion|debate)\s+(?:about|on)"
    rf")(?:\s+{_AMOUNT})?(?:\s+(?:about|on))?(?:\s+how\s+(?=(?:to)\b))?\s+(?=\S)",
    re.IGNORECASE,
)
#: A request to the other person: "can you tell me more about X", "walk me through X", "what about X" → X.
REQUEST = re.compile(
    r"^(?:(?:can|could|would|will)\s+you\s+(?:please\s+)?|please\s+|what\s+can\s+you\s+)?(?:"
    r"(?:tell|walk|take|talk)\s+(?:me|us)\s+(?:(?:a\s+(?:bit|little)\s+)?more\s+|a\s+(?:bit|little)\s+)?"
    r"(?:about|through|on)|explain|describe|share|elaborate\s+on|show\s+(?:me|us))\s+(?=\S)"
    r"|^what\s+about\s+(?=\S)",
    re.IGNORECASE,
)
#: The interviewer's request, in their words ("tell me about yourself", "walk me through your resume").
IMPERATIVE = re.compile(r"^(?:please\s+)?(?:tell|walk|take|talk)\s+(?:me|us)\b", re.IGNORECASE)
#: "<someone> <past verb> about X" → X, for any verb ("i rambled about", "he joked about", "we laughed about").
_VERB_ABOUT = re.compile(
    r"^(?:i|we|she|he|they|(?-i:[A-Z][\w'’-]+))\s+(?:(?:also|just|really|mostly|kind of|sort of|then|totally)\s+)*"
    r"([a-z]+)(?:\s+(?:on|forever|a lot|a bit|at length|for ages))?(?:\s+(?:me|us|them|her|him))?\s+about\s+(?=\S)",
    re.IGNORECASE,
)
#: What only answers a question: "yes mostly", "nope", "pretty closely". Stripped from a reply.
REPLY = re.compile(
    r"^(?:(?:yes|yeah|yep|yup|no|nope|nah|not really|sort of|kind of|pretty much|mostly|definitely|absolutely|"
    r"totally|for sure|not yet|sometimes|apparently|correct|right|exactly|true)\b[\s,.!:;-]*)+",
    re.IGNORECASE,
)
THAT = re.compile(r"^that\s+", re.IGNORECASE)
IF = re.compile(r"^if\s+", re.IGNORECASE)


#: "they cover 14 states", "we take two interns a year": someone + a verb in the present + its object is what
#: they do (the news itself), never a lead-in to a topic; "they walk you through", "she talks about" still are.
_DOES_NOW = LazyPattern(
    rf"^{_SUBJECT}\s+(?:{_ADVERB}\s+)*(?P<verb>[a-z]+)\s+(?!(?:me|us|them|her|him|you|about|on|over|through|into|"
    rf"around|regarding|re)\b)\S",
    re.IGNORECASE,
)


def _does_now(text: str) -> bool:
    """ "they cover 14 states": a verb typed in its present form (no past, no "-ing") with its object."""
    found = _DOES_NOW.match(text)
    if found is None:
        return False
    verb = found.group("verb").lower()
    return inflect.verb_lemma(verb) == verb and verb not in inflect.forms(verb, "VBD")


_NO_TOPIC_AFTER = re.compile(r"(?:for|at|in|with|from|by|since|until|during|last|yesterday)\b", re.IGNORECASE)


def strip_lead_in(text: str) -> str:
    """ "we talked a lot about how their keys work" → "how their keys work"; "I explained my approach to
    caching" → "my approach to caching". Up to two lead-ins ("so she asked me about …")."""
    if _does_now(text):
        return text
    for _ in range(3):
        shorter = REQUEST.sub("", LEAD_IN.sub("", text, count=1), count=1)
        verb = _VERB_ABOUT.match(shorter)
        if verb and _past(verb.group(1)):
            shorter = shorter[verb.end() :]
        if shorter == text or not shorter.strip() or _NO_TOPIC_AFTER.match(shorter.strip()):
            break  # "she reviewed for nature last year": the verb is the news, not a lead-in to a topic
        text = IF.sub("whether ", THAT.sub("", shorter.strip(), count=1), count=1)
    return text


def _past(word: str) -> bool:
    """ "rambled", "joked", "went": a past-tense verb (not "be", "have" or "do")."""
    lemma = inflect.verb_lemma(word)
    return lemma is not None and lemma not in ("be", "have", "do") and word.lower() in inflect.forms(lemma, "VBD")


#: The whole answer is a lead-in with nothing after it: "she explained", "we talked a lot", "he asked me
#: about it", "they walked me through". It says a talk happened, not what it was about.
_ONLY_TALK = LazyPattern(
    rf"^(?:{_SUBJECT}\s+)?(?:{_ADVERB}\s+)*(?:{_TALK}|{_TELL}|{_SAY}|{_REPORT}|(?P<verb>[a-z]+))"
    rf"(?:\s+{_OBJECT})?(?:\s+{_AMOUNT})?(?:\s+(?:deep|deeper|in depth|{_PREP}))?"
    rf"(?:\s+(?:it|that|this|stuff|things|everything|some stuff|a few things|lots|a lot))?(?:\s+{_AMOUNT})?$",
    re.IGNORECASE,
)


_TALK_TAIL = (
    rf"(?:\s+{_OBJECT})?(?:\s+{_AMOUNT})?(?:\s+(?:deep|deeper|in depth|{_PREP}))?"
    rf"(?:\s+(?:it|that|this|stuff|things|everything|some stuff|a few things|lots|a lot))?(?:\s+{_AMOUNT})?$"
)
#: Anyone at all did the talking ("my manager talked", "the whole panel asked"), a talk verb of the lexicon.
_SOMEONE_TALKED = LazyPattern(
    rf"^(?:(?:my|the|our|their|his|her|your|a|an|this|that)\s+)?(?:(?!(?:i|we|she|he|they|you)\s)[\w'’-]+\s+){{1,3}}"
    rf"(?:{_ADVERB}\s+)*"
    rf"(?:{_TALK}|{_TELL}|{_SAY}|{_REPORT}){_TALK_TAIL}",
    re.IGNORECASE,
)


def only_a_lead_in(text: str) -> bool:
    """True for "she explained", "we chatted for ages", "he laughed", "my manager talked": someone talked, and
    no topic follows. A verb outside the lexicon counts only after a pronoun or name and in the past tense
    ("she laughed", not "kafka"; "the team grew" is news, not a lead-in)."""
    bare = text.strip().rstrip(".!,;:")
    if _SOMEONE_TALKED.match(bare):
        return True
    found = _ONLY_TALK.match(bare)
    if found is None:
        return False
    verb = found.group("verb")
    if verb is None:
        return True
    before = found.group(0)[: found.start("verb")].split()
    return bool(before) and before[0].lower() in ("i", "we", "she", "he", "they", "you") and _past(verb)


#: Past forms of the talk verbs: a topic that ends in one ("pick Kafka talked") is a sentence cut short.
TALK_PAST = frozenset(
    {
        "talked",
        "spoke",
        "chatted",
        "explained",
        "discussed",
        "said",
        "asked",
        "told",
        "mentioned",
        "shared",
        "showed",
        "described",
        "presented",
        "covered",
        "reviewed",
        "outlined",
        "pitched",
        "noted",
        "added",
        "joked",
        "wondered",
        "quizzed",
        "grilled",
        "walked",
    }
)
