"""A join validator: what a careful reader would stop at in a composed note, as a list of problems.

Used on every note composed from the corpus (tests/compose/corpus/) and in the property tests. It knows
nothing about how the note was made; it reads the text as a reader would (a dictionary of verb forms,
lemminflect's, tells a finite verb from a noun).
"""

from __future__ import annotations

import re
from functools import cache

import lemminflect  # type: ignore[import-untyped]

from bot.drafts import Draft

_PREPOSITION = r"(?:about|on|of|into|over|through|regarding|around|for|with|hearing about|learning about)"
_PRONOUN_AFTER_PREPOSITION = re.compile(rf"\b{_PREPOSITION}\s+(?:I|we|she|he|they)\b(?!['’/])")
#: "about you're from Toronto", "hearing about they're hiring", "about shes worked there"
_CONTRACTION_AFTER_PREPOSITION = re.compile(
    rf"\b{_PREPOSITION}\s+(?:(?:I|you|we|she|he|they|it|that|there|who)['’](?:m|re|ve|s|d|ll)|shes|hes|theyre|youre|"
    r"ive|im)\b",
    re.IGNORECASE,
)
#: Words between the question word and its auxiliary ("how many people are"), never a subject.
_WH_PHRASE = r"(?:(?!(?:I|you|we|they|she|he|it|the|a|an|their|your|our|this|there)\b)(?-i:[a-z])[\w'-]*\s+){0,2}?"
_INVERTED_QUESTION = re.compile(
    rf"\b{_PREPOSITION}\s+(?:[\w'-]+\s+){{0,3}}?(?:what|why|how|when|where|who|which)\s+{_WH_PHRASE}"
    r"(?:do|does|did|is|are|was|were|can|could|will|would|should|has|have|don't|doesn't|didn't)\s+"
    r"(?:I|you|we|they|she|he|it|the|a|an|their|your|our|this|there)\b",
    re.IGNORECASE,
)
#: "about what's my biggest weakness": the contracted auxiliary still before its subject.
_CONTRACTED_QUESTION = re.compile(
    rf"\b{_PREPOSITION}\s+(?:what|how|who|where|why|when)['’]s\s+(?:my|the|your|their|our|it|this|that|a|an)\b",
    re.IGNORECASE,
)
#: A request or a behavioural question kept in the interviewer's words: "whether you can tell me more about",
#: "a time you disagreed with" (the "you" is the member).
_REQUEST = re.compile(
    r"\bwhether you (?:can|could|would|will) (?:tell|walk|show|explain|talk)\b|\ba time (?:when |that )?you\s+\w+ed\b",
    re.IGNORECASE,
)
#: Reported speech left in a clause slot: "It was good to hear that you said the team is remote."
_REPORTED = re.compile(r"\bthat you (?:said|mentioned|told me|noted|explained)\b", re.IGNORECASE)
#: "our conversation about rambling about my case study": a lead-in verb kept as a gerund.
_LEAD_IN_GERUND = re.compile(
    r"\b(?:about|on|of|through|hearing about)\s+(?:[a-z]+ing)\s+(?:about|through|over|them|him|her|me|us)\b(?!-)",
    re.IGNORECASE,
)
#: A reply put where a topic belongs: "Our discussion of yes mostly".
_BARE_REPLY = re.compile(
    rf"\b(?:{_PREPOSITION}|that)\s+(?:yes|yeah|yep|yup|nope|nah|no(?=[\s,.;]+(?:mostly|really|not|just|but|,|\.)))\b",
    re.IGNORECASE,
)
#: "python + sql", "python+ sql"; a name that ends in "+" ("Security+ certified", "C++ and Go") is no join.
_PLUS = re.compile(r"(?<![\d+\w])\s\+\s|\b(?-i:[a-z])+\s*\+\s+[a-z]", re.IGNORECASE)
#: "Tableau, SQL, and I'm detail oriented would carry over": a clause inside a list in a noun slot.
_CLAUSE_IN_LIST = re.compile(
    r"(?:,\s+|\band\s+)I(?:'m| am|'ve| have)\s+(?!(?:confident|sure|still|glad|happy|excited|keen|eager|grateful|"
    r"more|very|even|certain|thought)\b)(?:(?!\bwhich\b)[^.;:])*?\s(?:would|will|fits|fit|being|tells me)\b",
    re.IGNORECASE,
)
#: Interview exercises are countable: "our conversation about case interview about …" needs "the" or "a".
_COUNT_HEADS = r"(?:question|exercise|test|scenario|interview|problem|brainteaser|puzzle|assignment|presentation|quiz)"
_BARE_COUNT_NOUN = re.compile(
    rf"\b{_PREPOSITION}\s+(?!(?:a|an|the|my|your|their|our|his|her|this|that|each|every|one|any|some)\b)"
    rf"(?:[\w-]+\s+){{0,2}}{_COUNT_HEADS}\b(?=\s+(?:on|about|of|for|with)\b|[,.;]|\s+was|\s+stayed|$)",
)
#: Where a strength goes as a noun phrase: "I believe X would", "especially X, fits", "I can see X being".
_STRENGTH_SLOT = (
    r"\b(?:I believe|I think|I am confident|I can see|especially|I am sure|tells me|made me think|I hope)\s+(?!that\b)"
)
#: "I believe fast learner would help": a description of the member, with no article, in a noun slot.
_BARE_PERSON = re.compile(
    _STRENGTH_SLOT + r"(?:[\w-]+\s+){0,2}(?:developer|engineer|writer|learner|communicator|player|leader|analyst|"
    r"designer|manager|listener|thinker|specialist|person)\b"
)
#: "I believe patient with struggling students would help": an adjective with its complement in a noun slot.
_BARE_ADJECTIVE = re.compile(
    _STRENGTH_SLOT + r"(?:really |very )?(?:patient|good|great|strong|calm|comfortable|organi[sz]ed|reliable|"
    r"detail[ -]oriented|excellent|passionate|experienced)(?:\s+(?:with|at|under|in|about)\b|,|\s+and\b|\s+would\b)"
)
#: A clause slot holding a noun phrase: "I was struck that the GPU cluster they just built."
_NOUN_AS_CLAUSE = re.compile(
    r"\b(?:hear|learn|struck|know|saying|me|mention|add) that\s+(?:the|a|an|your|their|our|my|his|her)\s+"
    r"(?:[\w'-]+\s+){0,3}(?:they|we|you|I|she|he)\s+(?:just\s+|recently\s+)?\w+(?:ed|t)(?=[.,;])"
)
#: "I have 6 years ICU", "I am certified, and I have 8 years.": an amount that does not say what it is of.
_BARE_AMOUNT = re.compile(
    r"\b(?:I have|I bring|especially|I believe|I think)\s+(?:over\s+|almost\s+|nearly\s+)?(?:\d+\+?|a few|several)\s+"
    r"(?:years?|months?)(?:(?=[.,;]|\s+(?:and|would|which|being|fits)\b)|\s+(?!(?:of|in|at|with|as|on|for|across|"
    r"under|there|experience)\b)(?![a-z]+ing\b)[\w-]+(?=[.,;]|\s+(?:and|would|which|being|fits)\b))"
)
#: "especially dispatch for a fleet, because I know the routes, fits …": the member's reason inside a topic slot.
_REASON_IN_TOPIC = re.compile(r"\b(?:especially|about|on)\s+[^.;:]*?,\s+(?:because|since|cuz|as)\s+I\b")
#: "It was good to hear that the demo crashed": something that went wrong, welcomed as good news.
_BAD_NEWS_WELCOMED = re.compile(
    r"\b(?:good|glad|great|enjoyed|loved|appreciated|interesting)\b[^.;:]*?\bthat\s+(?:the|your|our|their|his|her|my)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:went (?:badly|wrong|poorly)|crashed|kept (?:dropping|freezing|cutting out)|fell apart)\b"
)
#: "especially cashier 3 years, fits …": an amount typed after what it is of, left there.
_AMOUNT_AFTER = re.compile(
    r"\b(?:especially|I have|about|I believe|I think|see)\s+[a-z]+\s+(?:\d+\+?|a few|several)\s+(?:years?|months?)\b"
)
#: "if I get it, I'd love to …": the condition's "it" names nothing the reader can see.
_VAGUE_CONDITION = re.compile(r"\b(?:if|once|when) I (?:get|got|land) (?:it|this|that)\b(?!\s+(?:role|job|position))")
#: "It was good to hear that", "I was struck that": where a clause of the member's detail begins.
_THAT_CLAUSE = re.compile(r"\b(?:hear|hearing|learn|learning|learned|struck|glad|know|mention|add|me) that\s+([^.;:]+)")
_LOWER_I = re.compile(r"(?<![\w'’/-])i(?:['’](?:m|ve|d|ll))?(?![\w'’/-])")
_FILLER = re.compile(
    r"(?i)\b(?:lol|lmao|idk|tbh|uh|um|umm|kinda|sorta|gonna|wanna|alot|haha|so basically|like,|you know,|"
    r"i guess|ngl|ugh|smh|fml|(?-i:rn|u|ur))\b"  # "RN" in capitals is the nurse
)
#: ".," is doubled, except after an abbreviation ("Acme Inc., so").
_AFTER_ABBREVIATION = r"(?<!\bInc)(?<!\bLtd)(?<!\bCo)(?<!\bCorp)(?<!\betc)(?<!\bJr)(?<!\bSr)"
_DOUBLE_PUNCTUATION = re.compile(
    r"[,;:!?]{2,}|(?<!\.)\.\.(?!\.)|[!?]\.|\s[,.;:!?]|,\.|" + _AFTER_ABBREVIATION + r"\.,(?!\s*(?:Inc|Ltd|LLC))"
)
_CAPS_WORD = r"[A-Z][A-Z'’-]{2,}"
_CAPS_RUN = re.compile(rf"\b{_CAPS_WORD}(?:\s+{_CAPS_WORD})+\b")


def _shouted(run: str) -> bool:
    """Three capitalised words, or a long one among two, is shouting; "NASA JPL" or "AWS EKS" are two acronyms."""
    words = run.split()
    return len(words) >= 3 or any(len(word) >= 5 for word in words)


_PROMISE = re.compile(r"(?i)\b(?:here is|here's|here are|as promised|i have included|attached|below is)\b")
_LINK = re.compile(r"https?://\S+")
_TEMPLATE = re.compile(r"\{\{|\}\}|\{%|%\}")
_DOUBLED = re.compile(r"(?<![\w'’-])([^\W\d_]+)\s+\1(?![\w'’-])", re.IGNORECASE)
_QUESTION_MARK = re.compile(r"\?(?!\S)")
_LIMITS = {"email": 200, "card": 80}
LINKEDIN_CHARACTERS = 300

#: After a preposition, the words of a noun phrase that may come before its head.
_NOUN_PHRASE_START = re.compile(rf"\b{_PREPOSITION}\s+((?:[\w'’-]+\s+){{1,4}}?)([a-z]+)\b(?=(\s+[\w'’-]+)?)")
_CLOSED = frozenset(
    {"a", "an", "the", "my", "your", "their", "our", "his", "her", "its", "this", "that", "these", "those", "new",
     "and", "or", "but", "to", "in", "on", "at", "of", "for", "with", "from", "by", "about", "how", "what", "why",
     "who", "when", "where", "which", "whether", "i", "you", "we", "they", "she", "he", "it", "there", "me", "us",
     "them", "him", "is", "are", "was", "were", "be", "been", "has", "have", "had", "do", "does", "did", "will",
     "would", "can", "could", "should", "not", "so", "as", "than", "also", "just", "still", "very"}
)  # fmt: skip
#: Phrasing verbs that follow a slot ("Hearing about … gave me", "… stood out"), told by what follows them.
_PHRASING_FOLLOWER = frozenset({"me", "us", "out", "with"})
_ADVERB_FOLLOWER = frozenset(
    {"to", "from", "up", "down", "away", "back", "across", "into", "onto", "over", "off", "by", "around", "through"}
)


@cache
def _finite_past(word: str) -> bool:
    """ "kept", "moved", "published": a past-tense verb with no adjective or noun reading of its own."""
    found = lemminflect.getAllLemmas(word)
    verbs = found.get("VERB", ())
    if not verbs or "ADJ" in found or "NOUN" in found:
        return False
    return any(word in lemminflect.getInflection(lemma, "VBD") for lemma in verbs)


def _finite_after_preposition(body: str) -> list[str]:
    """ "hearing about Alex's dog kept barking", "about your daughter just started college": a noun phrase
    followed by a finite verb, in a slot that wants a noun phrase. A participle that describes the noun ("a
    dog named Biscuit") and the phrasing's own verb after the slot ("… stood out", "… gave me") are not."""
    found = []
    for sentence in re.split(r"(?<=[.;:])\s+", body):
        for match in re.finditer(rf"\b{_PREPOSITION}\s+([^,.;:]+)", sentence):
            words = match.group(1).split()
            if not words or words[0].lower() in _CLOSED - _OPENERS:
                continue
            before = words[0].lower()
            for index, word in enumerate(words[1:6], start=1):
                lower = word.lower()
                if lower in _SKIPPED:
                    continue
                if lower in _CLOSED and lower not in ("a", "an", "the"):
                    break
                typed = words[index + 1] if index + 1 < len(words) else ""
                following = typed.lower()
                if _finite_past(lower) and following not in _PHRASING_FOLLOWER and not _describes(lower, typed):
                    if _subject_verb(sentence, match, index):
                        break
                    after_noun = before not in _CLOSED and not before.endswith("ly")
                    if after_noun or following in _ADVERB_FOLLOWER or following in ("the", "a", "an", ""):
                        found.append(" ".join(words[: index + 2]))
                    break
                before = lower
    return found


_OPENERS = frozenset({"a", "an", "the", "my", "your", "their", "our", "his", "her"})
#: Words before the preposition in a subject that holds it ("Your clear explanation of …").
_SUBJECT_WORDS = 3
_MAIN_BE = frozenset({"is", "was", "are", "were", "has", "had", "stayed", "gave", "made", "told", "kept", "stood"})
_SKIPPED = frozenset({"just", "also", "still", "recently", "really", "finally", "once", "already"})
_POSTMODIFIERS = frozenset({"named", "called", "based", "located", "owned", "led", "run", "built", "made", "known"})


def _fragment_after_comma(body: str) -> list[str]:
    """ "that you were jetlagged, just got back from a conference": a second verb after a comma with no subject
    and no "and" to join it to the first, inside a clause that follows "that"."""
    found = []
    for match in _THAT_CLAUSE.finditer(body):
        head, comma, tail = match.group(1).partition(", ")
        words = tail.split()
        if not comma or " and " in f" {tail} " or len(head.split()) < 2:
            continue
        verb = next((w.lower() for w in words if w.lower() not in _SKIPPED | {"then"}), "")
        if (_finite_past(verb) and verb not in _POSTMODIFIERS) or verb in ("has", "had", "is", "was"):
            found.append(f"{head}, {' '.join(words[:3])}")
    return found


def _subject_verb(sentence: str, match: re.Match[str], verb_at: int) -> bool:
    """ "Your explanation of the next stages made the process …": the preposition sits in the sentence's own
    subject ("Your explanation of …"), and the verb found is the sentence's main verb when no other finite
    verb follows it in the sentence."""
    before = sentence[: match.start()].rsplit("\n", 1)[-1].split()  # the greeting line is no part of it
    if not before or len(before) > _SUBJECT_WORDS or before[0].lower() not in _OPENERS:
        return False
    after = [w.lower().strip(".,;:!?") for w in match.group(1).split()[verb_at + 1 :]]
    return not any(_finite_past(w) or w in _MAIN_BE for w in after)


def _describes(word: str, following: str) -> bool:
    return word in _POSTMODIFIERS and (following.lower() in ("by", "in", "at", "for") or following[:1].isupper())


def problems(draft: Draft, *, company: str = "") -> list[str]:
    """Every broken join, leftover filler or channel overrun in one draft; [] when it reads cleanly. With
    `company`, an answer's lower-case spelling of a capitalised company name is one too."""
    body = draft.body
    found: list[str] = []
    for name, pattern in (
        ("preposition + subject pronoun", _PRONOUN_AFTER_PREPOSITION),
        ("preposition + contracted subject", _CONTRACTION_AFTER_PREPOSITION),
        ("preposition + inverted question", _INVERTED_QUESTION),
        ("preposition + contracted question", _CONTRACTED_QUESTION),
        ("request kept as typed", _REQUEST),
        ("reported speech kept", _REPORTED),
        ("lead-in kept as a gerund", _LEAD_IN_GERUND),
        ("a bare reply as a topic", _BARE_REPLY),
        ("plus sign", _PLUS),
        ("a clause in a list", _CLAUSE_IN_LIST),
        ("bare singular noun", _BARE_COUNT_NOUN),
        ("a description of the member in a noun slot", _BARE_PERSON),
        ("an adjective in a noun slot", _BARE_ADJECTIVE),
        ("a noun phrase in a clause slot", _NOUN_AS_CLAUSE),
        ("an amount that says not of what", _BARE_AMOUNT),
        ("a condition with a vague 'it'", _VAGUE_CONDITION),
        ("a reason clause in a topic slot", _REASON_IN_TOPIC),
        ("bad news welcomed", _BAD_NEWS_WELCOMED),
        ("an amount after its noun", _AMOUNT_AFTER),
        ("lower-case I", _LOWER_I),
        ("filler word", _FILLER),
        ("doubled punctuation", _DOUBLE_PUNCTUATION),
        ("template syntax", _TEMPLATE),
        ("question mark inside a note", _QUESTION_MARK),
    ):
        found += [f"{name}: {m.group(0)!r}" for m in pattern.finditer(body)]
    found += [f"preposition + finite clause: {text!r}" for text in _finite_after_preposition(body)]
    found += [f"a part with no subject after a comma: {text!r}" for text in _fragment_after_comma(body)]
    found += [f"all caps: {m.group(0)!r}" for m in _CAPS_RUN.finditer(body) if _shouted(m.group(0))]
    doubled = [m.group(0) for m in _DOUBLED.finditer(body) if m.group(1).lower() not in ("that", "had")]
    found += [f"doubled word: {pair!r}" for pair in doubled]
    if company and company != company.lower():
        lowered = re.compile(rf"(?<![\w'’-])(?<!the )(?<!a )(?<!an ){re.escape(company.lower())}(?![\w-]|\s+of\b)")
        found += [f"company in lower case: {m.group(0)!r}" for m in lowered.finditer(body)]
    greeting = body.splitlines()[0] if body else ""
    name = re.sub(r"^(?:Dear|Hi|Hello)\s+", "", greeting).rstrip(",")
    if name[:1].isalpha() and name[:1].islower():
        found.append(f"lowercase greeting name: {greeting!r}")
    if _PROMISE.search(body) and not _LINK.search(body):
        found.append("a promise with no link")
    if draft.channel == "linkedin" and len(body) > LINKEDIN_CHARACTERS:
        found.append(f"LinkedIn note of {len(body)} characters")
    if draft.channel in _LIMITS and draft.words > _LIMITS[draft.channel]:
        found.append(f"{draft.channel} of {draft.words} words")
    return found
