"""Read the shape of a free answer and fit it to the sentence it goes into.

Members type noun phrases ("the on-call redesign"), gerunds ("moving to streaming"), clauses ("she still
codes every day"), lead-ins that only say a talk happened ("we talked about …"), direct questions ("why did
they pick Snowflake?"), several sentences, rambles, fillers and capitals. `read` turns each into one of
three forms a phrasing can declare it accepts (see templates/notes/common.yaml):

- `topic`: fits after "about" or "on": a noun or gerund phrase, or an indirect question;
- `clause`: a full clause that fits after "hearing that …" (for strengths: after "I would add that …");
- `none`: nothing fits with confidence; the note leaves the detail out and a check says which answer and why.

`certain` is False when the member might not recognise their words (a question turned round, a clause
re-addressed, a ramble cut short): those are the answers worth previewing in the debrief.
"""

from __future__ import annotations

import dataclasses
import re

from bot.compose import grammar, inflect, joins, own_answers, phrases, promised
from bot.compose.leadins import IMPERATIVE, REPLY, TALK_PAST, only_a_lead_in, strip_lead_in
from bot.compose.reading import FIELDS, GERUND, MAX_WORDS, RAMBLE, TRAILING, VAGUE, Form, Reading, aux_early
from bot.compose.reading import lower_first as _lower_first
from bot.compose.tidy import tidy

__all__ = ["FIELDS", "MAX_WORDS", "RAMBLE", "Form", "Reading", "no_answer", "read", "strip_lead_in"]

#: "why consulting", "why not Rust": a question with no verb, already fit to follow "about".
_WHY_WHAT = re.compile(r"^why(?: not)?(?: [\w&'’-]+){1,3}$", re.IGNORECASE)
#: "not much, it was short", "nothing really": says there was nothing specific.
_NOTHING = re.compile(
    r"^(?:not much|nothing(?: much| really| special)?|not really|no)(?:,|\.|$)|^(?:lots|a lot|a bunch|loads|tons) of "
    r"(?:stuff|things)$|^(?:the )?usual(?: stuff| questions)?$",
    re.IGNORECASE,
)
#: "Q: how do you prioritize? A: impact vs effort": labels typed before a question and its answer.
_LABEL = re.compile(r"^(?:Q|A|question|answer)\s*[:.)-]\s*", re.IGNORECASE)
#: A topic typed with its own "about" ("about pick", "re: the budget"): the sentence has one already.
_ABOUT = re.compile(r"^(?:about|regarding|re:?|on the topic of)\s+(?=\S)", re.IGNORECASE)
#: A period that ends an abbreviation ends no sentence ("led migrations, e.g. moving 40 services").
_NOT_AN_END = "".join(
    rf"(?<!\b{re.escape(short)})"
    for short in ("e.g.", "E.g.", "i.e.", "I.e.", "etc.", "vs.", "Dr.", "Mr.", "Mrs.", "Ms.", "St.", "Jr.", "Sr.",
                  "approx.", "Prof.", "Inc.", "Co.", "Ltd.", "a.m.", "p.m.")
)  # fmt: skip
_SEGMENTS = re.compile(
    rf"(?<=[.!?]){_NOT_AN_END}\s+|\s*[;…]\s*|\s+[—–-]\s+|(?:,\s+|\s+and\s+)also\s+(?=[a-z])"
    r"|\s+also\s+(?=(?:i|we|she|he|they)\s)"
    r"|,\s+but\s+|\s+but\s+also\s+|\s+plus\s+"
    r"|,?\s+and\s+(?:then\s+)?(?=(?:asked|said|mentioned|told|explained|showed|talked|wanted|gave|shared)\s)"
    r"|(?:,\s+|,?\s+(?:and|but|so|then)\s+)(?=(?:i|we|she|he|they|you)(?:['’][a-z]+)?\s+(?!and\b|or\b))"
    r"|,\s+(?=it(?:['’]s)?\s+(?!and\b|or\b))",
    re.IGNORECASE,
)
#: "what's it like … and how did she make the switch": a second question joined to the first.
_SECOND_QUESTION = re.compile(
    r",?\s+and\s+(?=(?:how|what|why|when|where|who|which)\s+(?:do|does|did|is|are|was|were|can|could|would|will|"
    r"should|has|have)\b)",
    re.IGNORECASE,
)
#: Two questions are named together only while short ("why consulting and why Deloitte").
_JOINED_WORDS = 10
_SENTENCES = re.compile(rf"(?<=[.!?]){_NOT_AN_END}\s+(?=\S)")
#: Typed for "nothing to say here": read as no answer at all, not as a vague one (no warning).
NO_ANSWER = frozenset(
    {"n/a", "na", "n.a", "none", "nothing", "no", "nope", "nah", "nil", "-", "--", "—", "not really", "nothing really",
     "nothing much", "not much", "no idea", "dunno", "not sure", "pass", "skip", "none really", "nothing else",
     "nothing to add", "no detail", "nothing specific", "no one", "not applicable", "no comment", "nada",
     "null", "undefined", "nil."}
)  # fmt: skip
_NO_ANSWER_STARTS = tuple(NO_ANSWER)
#: Longer than this (words as typed), an answer says something, even if it starts with "nothing".
_NO_ANSWER_WORDS = 8
#: Verbs of a slip the member regrets ("i messed up the DCF question"): never made into a topic.
_REGRETS = frozenset(
    {"mess", "blank", "ramble", "freeze", "bomb", "struggle", "forget", "panic", "stumble", "fumble", "choke",
     "flub", "botch", "fail", "screw", "miss", "blow"}
)  # fmt: skip
#: "messing up the DCF question" → "the DCF question": the object of a regretted slip, when it is a noun phrase.
_REGRETTED = re.compile(r"^\w+ing(?:\s+(?:up|on|with|through|at))?\s+(?=(?:the|a|an|my|their|this|that|his|her)\s)")
_WE_DID = re.compile(
    r"^(?:i|we)\s+(?:also\s+|then\s+|just\s+)?(?:did|had|went through|got|tried|ran through)\s+(?=(?:a|an|the|some)\s)",
    re.IGNORECASE,
)
#: "(she asked me) to demo a monitoring setup" → "a monitoring setup", when the verb has no "-ing" form we know.
_TO_SHOW = re.compile(r"^to\s+[a-z-]+\s+(?=(?:a|an|the|my|our|their|some)\s)", re.IGNORECASE)


#: "she was super nice", "he seemed tired but kind", "super laid back": the member's impression of the person,
#: which reads oddly told back to them as news ("it was good to hear that you were super nice").
_IMPRESSION_SUBJECT = frozenset({"she", "he", "they", "you"})
_IMPRESSION_EXTRA = frozenset({"a", "an", "and", "but", "laid", "laid-back", "jetlagged", "person", "guy",
                               "lady", "man", "woman", "soul", "interviewer", "one", "quite", "bit"})  # fmt: skip
#: How the person seemed, though no dictionary calls it an adjective ("she was jetlagged").
_IMPRESSION_STATES = frozenset({"jetlagged", "jet-lagged", "laid-back", "hungover", "swamped", "slammed"})
_PLAIN_EXTRA = _IMPRESSION_EXTRA - _IMPRESSION_STATES
#: "he was really patient with me": how they treated the member is an impression too.
_TOWARD_ME = [[preposition, pronoun] for preposition in ("with", "to", "toward", "towards") for pronoun in ("me", "us")]
_IMPRESSION = re.compile(
    r"^(?:([\w'’-]+)\s+)?(?:(is|was|seemed|seems|looked|looks|felt|came across as)\s+|'s\s+)?(.+)$", re.IGNORECASE
)
#: "he kept checking his phone", "her headphones kept cutting out": a mishap or a complaint, not a kind memory.
_MISHAP = re.compile(
    r"(?i)\b(?:kept (?:checking|looking at|cutting out|freezing|dropping|interrupting|yawning)|cut(?:ting)? out|"
    r"(?:was|were|seemed|looked) (?:so |very |really |kind of )?(?:bored|annoyed|rude|distracted|late|irritated|"
    r"impatient|checked out|half asleep)|talked (?:mostly |only )?about (?:himself|herself|themselves)|"
    r"(?:barked|cried|talked|typed|beeped|rang|buzzed|interrupted) (?:the whole|the entire|all the) time|nonstop)\b"
)
#: "the tasting went badly", "the demo crashed": something that went wrong, which no phrasing of the note can
#: welcome ("it was good to hear that the demo crashed").
_WENT_WRONG = re.compile(
    r"(?i)\b(?:went (?:(?:really|so|pretty|kind of|a bit|totally) )?(?:badly|wrong|poorly|south|sideways|horribly|"
    r"terribly|off the rails)|crashed|froze|glitched|flopped|bombed|broke(?: down)?|died|"
    r"fell (?:apart|through|flat)|failed|"
    r"(?:was|were) (?:a )?(?:disaster|mess|fiasco)|(?:got|was|were) (?:cancell?ed|postponed|cut short)|stalled|"
    r"ran (?:over|late)|(?:call|line|connection|video|audio|zoom|sound) (?:dropped|died|lagged))\b"
)
#: "make sure you can sell", "don't be late": the interviewer's advice, which fits no slot of the note.
_ADVICE = re.compile(r"(?i)^(?:make sure|be sure|be ready|don't|do not|remember to|never|always)\b")
#: "he didn't ask much", "we didn't get to talk about salary": what the talk did not cover.
_NOT_COVERED = re.compile(
    r"(?i)^(?:(?:we|they|she|he|you|i)\s+)?(?:really\s+|just\s+)?(?:didn't|did not|never|barely|hardly)\s+"
    r"(?:really\s+)?(?:get to\s+)?(?:ask|talk|say|discuss|cover|get into|go into|touch)\w*\b"
)
_HOW_LONG = re.compile(
    r"(?i)\s+for\s+(?:roughly\s+|about\s+|almost\s+|over\s+|nearly\s+)?(?:an?|\d+)\s+(?:minutes?|hours?)$"
)
_REFLEXIVE = frozenset({"himself", "herself", "themselves", "themself", "yourself", "myself", "ourselves"})


#: Words of when that a dictionary also knows as nouns ("crashed last minute", "froze today").
_WHEN_WORDS = frozenset({"", "last", "today", "yesterday", "twice", "again", "halfway", "mid", "right", "during"})


def _went_wrong(text: str, *, after_subject: bool = False) -> bool:
    """ "the demo crashed", "the venue fell through": something went wrong, said with a verb; not "failed payments"
    or "crashed servers", where the word describes a noun after it, nor "broke the record", which did not go wrong."""
    for found in _WENT_WRONG.finditer(text):
        following = text[found.end() :].split()[:1]
        word = following[0].lower().strip(".,;:!?") if following else ""
        described = word not in _WHEN_WORDS and "NOUN" in inflect.lemmas(word)
        described |= found.group(0).lower() == "broke" and word in grammar.DETERMINERS | grammar.POSSESSIVES
        if not described and (found.start() > 0 or not after_subject):
            return True
    return False


def _describing(words: list[str]) -> bool:
    """Only adjectives and adverbs ("super laid back", "tired but kind", "a very formal person")."""
    found = [w.lower().strip(".,!?") for w in words]
    return (
        bool(found)
        and any(inflect.lemmas(w) or w in _IMPRESSION_STATES for w in found if w not in _PLAIN_EXTRA)
        and all(w in _IMPRESSION_EXTRA or {"ADJ", "ADV"} & set(inflect.lemmas(w)) for w in found)
    )


def impression(text: str) -> bool:
    """Whether a detail is the member's impression of the person, not something the person said or did."""
    text = grammar.expand_contractions(text.replace("’", "'"))
    found = _IMPRESSION.match(re.sub(r"^(\w+)'s\s", r"\1 is ", text))
    if found is None:
        return False
    subject, rest = found.group(1), found.group(3).split()
    if found.group(2) is None:  # no verb: the whole answer describes ("super creative")
        return _describing(text.split())
    lower = (subject or "").lower()
    if lower in grammar.SUBJECT_PRONOUNS - _IMPRESSION_SUBJECT or lower in grammar.DETERMINERS:
        return False
    if len(rest) > 2 and [w.lower().strip(".,!?") for w in rest[-2:]] in _TOWARD_ME:  # "patient with me"
        rest = rest[:-2]
    return _describing(rest)


def _words(text: str) -> list[str]:
    return text.split()


def _about_reader(field: str) -> bool:
    return field in ("discussed", "detail")


def _topic_or_clause(field: str, text: str, shape: str) -> Reading:
    """A single segment of a discussed/detail answer, lead-in already gone."""
    words = _words(text)
    first = re.match(r"[^\W\d_]+(?:['’][a-z]+)?", words[0])  # "I:B", "she," are still "I", "she"
    lower0 = (first.group(0) if first else words[0]).lower().replace("’", "'")
    if grammar.is_direct_question(words) or text.endswith("?"):
        return _question(field, text)
    embedded = grammar.embedded_question(words)
    if embedded is not None:
        turned = grammar.indirect(" ".join(words[embedded:]))
        if turned is None:
            return Reading(field, "question", "none", "", reason="question")
        joined = " ".join([*words[:embedded], turned])
        return Reading(field, "question", "topic", grammar.to_reader(_lower_first(joined)), certain=False)
    if _NOTHING.match(text):
        return Reading(field, shape, "none", "", reason="vague")
    if lower0 in grammar.WH or lower0 == "whether":
        return Reading(field, shape, "topic", grammar.to_reader(_lower_first(text)))
    if lower0 == "to" or lower0 in grammar.FIRST_PERSON:
        return _first_person(field, text)
    if _NOT_COVERED.match(text):
        return Reading(field, "clause", "none", "", reason="not-covered")
    if _ADVICE.match(text):
        return Reading(field, "clause", "none", "", reason="sentence")
    if field == "detail" and (impression(text) or _MISHAP.search(text)):
        return Reading(field, "clause", "none", "", reason="impression")
    if lower0 in grammar.SUBJECT_PRONOUNS or lower0 in grammar.CONTRACTED or aux_early(words):
        if lower0 in ("this", "that", "it") and len(words) < 4:
            return Reading(field, "clause", "none", "", reason="vague")
        return _clause(field, text)
    if grammar.finite_clause(words):
        return _clause(field, text)
    if _starts_with_past(lower0, words):  # "went well", "built a rate limiter": a sentence without its subject
        object_follows = len(words) > 2 and words[1].lower() in grammar.DETERMINERS | grammar.POSSESSIVES
        turned = grammar.gerund("we " + text) if object_follows else None
        if turned is None or inflect.verb_lemma(turned.split()[0]) in _REGRETS:
            return Reading(field, "clause", "none", "", reason="sentence")
        return Reading(field, "clause", "topic", grammar.to_reader(turned), certain=False)
    if text.lower() in VAGUE or (len(words) <= 2 and all(w.lower() in VAGUE for w in words)):
        return Reading(field, "word" if len(words) == 1 else shape, "none", "", reason="vague")
    if len(words) > 1 and (_ends_in_talk(words) or _PRONOUN_OUT_OF_PLACE.search(text)):
        return Reading(field, "clause", "none", "", reason="sentence")  # "pick Kafka talked so", "pick about we"
    if joins.verb_after_comma(text):  # "her dog, Biscuit, came to the call"
        return _clause(field, text)
    if _went_wrong(text, after_subject=True):  # "the venue fell through": a verb no dictionary tells apart
        return Reading(field, "clause", "none", "", reason="mishap")
    kind = "gerund phrase" if GERUND.match(text) else ("word" if len(words) == 1 else shape)
    if text.lower() in _REFLEXIVE or _describing(words):  # "(he talked about) himself", "really casual"
        return Reading(field, kind, "none", "", reason="impression" if field == "detail" else "vague")
    if field == "detail" and lower0 in ("my", "both"):  # "(asked about) my gap year", "(clicked over) both being …"
        return Reading(field, kind, "none", "", reason="about-you")
    return Reading(field, kind, "topic", grammar.to_reader(phrases.polish(_lower_first(text))))


def _clause(field: str, text: str) -> Reading:
    """A clause for after "that", its comma-joined second part joined as a writer would (bot/compose/joins.py);
    a detail whose first part is the member's impression of the person is left out whatever follows."""
    if _went_wrong(text) or _MISHAP.search(text):  # "the demo crashed": no phrasing can welcome it
        return Reading(field, "clause", "none", "", reason="mishap")
    joined = joins.join_tail(joins.named_condition(text))
    head = text.partition(", ")[0]
    if field == "detail" and head != text and (impression(head) or _MISHAP.search(head)):
        return Reading(field, "clause", "none", "", reason="impression")
    written = grammar.to_reader(_lower_first(joined.text))
    return Reading(field, "clause", "clause", written, certain=False, shortened=joined.shortened)


#: A subject pronoun right after a preposition or last of all: words of a sentence, not of a topic.
_PRONOUN_OUT_OF_PLACE = re.compile(
    r"\b(?:about|on|of|into|over|through|regarding|around|for|with)\s+(?:i|we|she|he|they)\b(?!['’])"
    r"|\s(?:i|we|she|he|they)[.!?]*$",
    re.IGNORECASE,
)


def _ends_in_talk(words: list[str]) -> bool:
    """A talk verb's past form after a noun ("pick Kafka talked (how)"): a sentence, not a topic. After a
    pronoun it is a relative clause, which a topic may hold ("the deck she showed")."""
    content = [w.lower().strip(".,;:!?") for w in words]
    pronouns = ("i", "we", "she", "he", "they", "you")
    return any(word in TALK_PAST and content[n - 1] not in pronouns for n, word in enumerate(content) if n > 0)


def _starts_with_past(word: str, words: list[str]) -> bool:
    """ "went", "talked", "used a whiteboard": a past-tense verb that is no noun or adjective as well, or is
    followed by its object."""
    found = inflect.lemmas(word)
    lemma = inflect.verb_lemma(word) if word.isalpha() else None
    if lemma is None or lemma == word or lemma in ("be", "have", "do") or word not in inflect.forms(lemma, "VBD"):
        return False
    following = words[1].lower() if len(words) > 1 else ""
    return ("NOUN" not in found and "ADJ" not in found) or following in grammar.DETERMINERS | grammar.POSSESSIVES


def _question(field: str, text: str) -> Reading:
    """ "why did they pick Snowflake?" → "why they picked Snowflake"; "why consulting?" stays as it is; "what's
    it like … and how did she make the switch" → the first question, or both when they are short."""
    found = _SECOND_QUESTION.search(text)
    if found:
        one, two = _question(field, text[: found.start()]), _question(field, text[found.end() :])
        if one.form == "topic" and two.form == "topic" and len(f"{one.text} {two.text}".split()) <= _JOINED_WORDS:
            return Reading(field, "question", "topic", f"{one.text} and {two.text}", certain=False)
        if one.form == "topic":
            return Reading(field, "question", "topic", one.text, certain=False, shortened=True)
    turned = grammar.indirect(text)
    bare = text.rstrip("?").strip()
    if turned is None and bare.split()[0].lower() in grammar.WH and not grammar.is_direct_question(bare.split()):
        return Reading(field, "question", "topic", grammar.to_reader(_lower_first(bare)), certain=False)
    if turned is None:
        if _WHY_WHAT.match(bare) and not any(w.lower() in _EMPTY_WORDS - {"not"} for w in bare.split()[1:]):
            return Reading(field, "question", "topic", _lower_first(bare), certain=False)
        return Reading(field, "question", "none", "", reason="question")
    return Reading(field, "question", "topic", grammar.to_reader(turned), certain=False)


def _first_person(field: str, text: str) -> Reading:
    """ "we built a rate limiter" → "building a rate limiter"; "i messed up the DCF question" → "the DCF
    question" (what was discussed, never the slip itself)."""
    turned = grammar.gerund(text)
    if turned is not None and inflect.verb_lemma(turned.split()[0]) in _REGRETS:
        regretted = _REGRETTED.match(turned)
        if regretted is None:
            return Reading(field, "clause", "none", "", reason="first-person")
        return _topic_or_clause(field, turned[regretted.end() :], "clause")
    did = _WE_DID.match(text) or _TO_SHOW.match(text)
    if turned is None and did:  # "we did a mock client call", "(asked me) to demo a monitoring setup" → the object
        return _topic_or_clause(field, text[did.end() :], "clause")
    if turned is None:
        return Reading(field, "clause", "none", "", reason="first-person")
    return Reading(field, "clause", "topic", grammar.to_reader(turned), certain=False)


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
    segment = grammar.expand_contractions(_LABEL.sub("", segment.strip()).rstrip(".,;:!- ").strip())
    question = segment.endswith("?")
    segment = segment.rstrip("?").strip()
    if not segment:
        return Reading(field, shape, "none", "", reason="empty")
    if field == "strengths":
        return own_answers.strengths(segment + ("?" if question else ""), shape)
    if field == "add":
        return own_answers.add(segment + ("?" if question else ""), shape)
    if field == "share":
        return promised.share(segment + ("?" if question else ""), shape)
    if only_a_lead_in(segment):  # "she explained", "we talked a lot": a talk happened, but about what?
        return Reading(field, "clause", "none", "", reason="no-topic")
    rest = grammar.expand_contractions(_ABOUT.sub("", strip_lead_in(segment)))
    if rest != segment:  # "(we talked about) the fieldwork for like 40 min": how long is no part of the topic
        rest = _HOW_LONG.sub("", rest) or rest
        before_verb = joins.object_before_verb(rest)
        if before_verb is not None:  # "(she explained) the roadmap, showed me the dashboards": the first object
            reading = _topic_or_clause(field, before_verb, shape)
            return dataclasses.replace(reading, shortened=reading.form != "none")
    if not rest.strip():
        return Reading(field, shape, "none", "", reason="empty")
    if IMPERATIVE.match(segment):  # the interviewer's words: "tell me about your biggest weakness"
        rest = phrases.in_first_person(rest)
        if re.search(r"\b(?:us|we|our|ours)\b", rest, re.IGNORECASE):  # "why us": their question, not a topic
            return Reading(field, "question", "none", "", reason="question")
    if rest != segment and question:  # "can you tell me about the team?" asks for a topic, not a yes or no
        question = grammar.is_direct_question(rest.split())
    return _topic_or_clause(field, rest + ("?" if question else ""), shape)


def read(field: str, raw: str) -> Reading:
    """Read one free answer (`field` is discussed, detail, strengths, add or share)."""
    base = field.rsplit(".", 1)[-1]
    tidied = tidy(raw)
    if _says_no_answer(tidied):
        return Reading(base, "empty", "none", "", reason="no-answer")
    shape = _shape_as_typed(raw, tidied)
    if base == "share":  # read whole: a link anywhere in it is the link ("portfolio - sam.dev/work")
        return _one(base, tidied, shape)
    limit = MAX_WORDS[base]
    segments = [s for s in _SEGMENTS.split(tidied) if s and s.strip(TRAILING)]
    if len(segments) > 1 and shape not in ("ramble", "sentences") and base != "add":
        shape = "sentences"
    one_sentence = base == "strengths" and shape == "sentences" and len(_SENTENCES.split(tidied.strip())) == 1
    whole = _one(base, tidied, shape) if shape not in ("ramble", "sentences") or one_sentence else None
    fits = whole is not None and (whole.form == "none" or len(whole.text.split()) <= limit)
    if whole is not None and fits and not (one_sentence and whole.form == "none"):
        return whole
    if base == "strengths" and shape == "sentences" and (joined := _own_sentences(base, tidied, limit)) is not None:
        return joined
    return _from_segments(base, segments, shape, limit)


def _own_sentences(base: str, tidied: str, limit: int) -> Reading | None:
    """ "I'm organized. I have 5 years in logistics." → "I'm organized, and I have 5 years in logistics": two
    short sentences of the member's own about themselves make one clause, when it stays short."""
    sentences = [s.strip().rstrip(".!") for s in _SENTENCES.split(tidied.strip())]
    if len(sentences) != 2 or not all(re.match(r"I(?:\s|['’](?:m|ve)\s)", s) for s in sentences):
        return None
    reading = _one(base, f"{sentences[0]}, and {sentences[1]}", "sentences")
    return reading if reading.form == "clause" and len(reading.text.split()) <= limit else None


def _from_segments(base: str, segments: list[str], shape: str, limit: int) -> Reading:
    """The first segment that fits, two questions in a row joined ("why consulting and why Deloitte"); the
    reply to a question ("yes mostly") is never a topic of its own."""
    first_failure: Reading | None = None
    for number, segment in enumerate(segments):
        reply = number > 0 and segments[number - 1].rstrip().endswith("?")
        reading = _one(base, REPLY.sub("", segment).strip() or segment if reply else segment, shape)
        if reply and base in ("discussed", "detail") and reading.form == "topic":
            reading = Reading(base, shape, "none", "", reason="reply")
        if reading.form != "none" and len(reading.text.split()) <= limit:
            text, used = reading.text, number + 1
            if reading.shape == "question" and used < len(segments):
                second = _one(base, segments[used], shape)
                if (
                    second.shape == "question"
                    and second.form == "topic"
                    and len(f"{text} {second.text}".split()) <= _JOINED_WORDS
                ):
                    text, used = f"{text} and {second.text}", used + 1
            more = used < len(segments) or number > 0
            return Reading(
                base, shape, reading.form, text, certain=not more and reading.certain, shortened=more, link=reading.link
            )
        first_failure = first_failure or reading
        if reading.reason == "mishap":  # what follows is about it ("the demo crashed but she was kind about it")
            break
    reason = "too-long" if first_failure is None or first_failure.form != "none" else first_failure.reason
    return Reading(base, shape, "none", "", reason=reason)


def no_answer(raw: str) -> bool:
    """ "n/a", "none", "-", "idk", "nothing really": the member had nothing to say here (no warning needed)."""
    return len(raw.split()) <= _NO_ANSWER_WORDS and _says_no_answer(tidy(raw))


def _says_no_answer(tidied: str) -> bool:
    lower = tidied.lower()
    if not any(ch.isalnum() for ch in tidied) or lower.strip(TRAILING) in NO_ANSWER:  # "+", "#", "..."
        return True
    if not lower.lstrip(TRAILING).startswith(_NO_ANSWER_STARTS):  # the first segment is no such answer either
        return False
    first = _SEGMENTS.split(tidied)[0]
    return bool(_NOTHING.match(first)) and first.lower().strip(TRAILING) in NO_ANSWER  # "nothing, it was short"
