"""Small, careful grammar moves on a tidied answer: a direct question becomes an indirect one, "she" in a
note written to her becomes "you", and "we built a rate limiter" becomes "building a rate limiter".

Each move either succeeds with confidence or returns None, and the caller then leaves the answer out and
says why; a half-converted sentence is never returned.
"""

from __future__ import annotations

import re

from bot.compose import inflect
from bot.compose.tidy import undouble

WH = frozenset({"what", "why", "how", "when", "where", "who", "whom", "whose", "which"})
DO = {"do": "VBP", "does": "VBZ", "did": "VBD"}
BE = frozenset({"is", "are", "was", "were", "am"})
HAVE = frozenset({"has", "have", "had"})
MODALS = frozenset({"can", "could", "will", "would", "should", "may", "might", "must", "shall"})
AUXILIARIES = frozenset(DO) | BE | HAVE | MODALS
_NEGATED = re.compile(r"^(\w+?)(nt|not)$")
_NEGATIVE_AUX = {"won't": "will", "can't": "can", "cannot": "can", "shan't": "shall", "cant": "can", "wont": "will"}
SUBJECT_PRONOUNS = frozenset({"i", "you", "we", "they", "she", "he", "it", "there", "this", "that", "someone"})
DETERMINERS = frozenset(
    {"the", "a", "an", "your", "their", "his", "her", "our", "my", "its", "this", "that", "these", "those",
     "each", "every", "some", "any", "all", "most", "many", "new", "other", "such"}
)  # fmt: skip
#: Words that never start the verb of a question, though the dictionary also lists them as verbs.
FUNCTION = frozenset(
    {"like", "about", "for", "in", "on", "to", "with", "up", "out", "over", "down", "back", "off", "at", "by",
     "from", "into", "as", "than", "and", "or", "but", "so", "still", "even", "just", "also", "ever", "both"}
)  # fmt: skip
ADVERBS = frozenset(
    {
        "still",
        "actually",
        "really",
        "usually",
        "typically",
        "currently",
        "even",
        "also",
        "ever",
        "normally",
        "generally",
        "both",
        "all",
        "now",
        "always",
        "never",
        "often",
        "already",
        "just",
    }
)
#: A subject typed with its verb: the answer is a clause ("she's from Toronto", "they're hiring 3 people").
CONTRACTED = frozenset(
    {"she's", "he's", "she'd", "he'd", "she'll", "he'll", "they're", "they've", "they'd", "they'll", "you're",
     "you've", "you'd", "you'll", "it's", "that's", "there's", "it'll"}
)  # fmt: skip
#: The member's own clause ("I'm", "we've"): about them, not the reader.
FIRST_PERSON = frozenset({"i", "we", "i'm", "i've", "i'd", "i'll", "we're", "we've", "we'd", "we'll"})
POSSESSIVES = frozenset({"her", "his", "their", "our", "my", "your", "its"})
#: Hyphenated endings that make a complement, not a noun ("remote-first", "dog-friendly", "data-driven").
_COMPLEMENT_ENDINGS = ("-first", "-only", "-based", "-friendly", "-heavy", "-driven", "-led", "-focused", "-free")
#: What may follow "how" or "what" before the auxiliary ("how many people", "what kind of tools").
_WH_PHRASE_MAX = 4
_CONTRACTED_WH = re.compile(r"(?i)^(what|how|who|where|when|why|that|there|it)(?:'s|s)\b(?=\s)")
_CONTRACTED_ARE = re.compile(r"(?i)^(what|how|who|where|when|why)'re\b")
_HAS_NEXT = re.compile(r"(?i)\s+(?:been|got)\b")
#: Words after which a question word starts a question of its own ("… and how do they …").
_JOINING = frozenset({"and", "or", "also", "plus", "about", "on", "of", "asked", "wondering", "like", "then", "but"})
_BE_SPLIT = frozenset({"like", "to", "for", "in", "at", "on", "with", "during", "after", "before", "when", "now"})


def _aux(word: str) -> tuple[str, bool] | None:
    """("does", False) for "does", ("does", True) for "doesn't"; None for a word that is no auxiliary."""
    lower = word.lower()
    if lower in _NEGATIVE_AUX:
        return _NEGATIVE_AUX[lower], True
    if lower in AUXILIARIES:
        return lower, False
    negated = _NEGATED.match(lower.replace("’", "'").replace("'", ""))
    if negated and negated.group(1) in AUXILIARIES:
        return negated.group(1), True
    return None


def expand_contractions(text: str) -> str:
    """ "what's" → "what is", "how're" → "how are": so the auxiliary can be moved."""
    text = _CONTRACTED_ARE.sub(lambda m: f"{m.group(1)} are", text)
    # "it's been", "there's got": the "'s" of "has", not of "is"
    return _CONTRACTED_WH.sub(lambda m: f"{m.group(1)} {'has' if _HAS_NEXT.match(text, m.end()) else 'is'}", text)


def is_direct_question(words: list[str]) -> bool:
    """ "why did they pick …", "what's …", "is there …", "do they …": an auxiliary before its subject."""
    if not words:
        return False
    first = words[0].lower()
    if _aux(first) is not None:
        return len(words) > 1 and (words[1].lower() in SUBJECT_PRONOUNS or words[1].lower() in DETERMINERS)
    if first not in WH:
        return False
    return _aux_index(words) is not None


def _aux_index(words: list[str]) -> int | None:
    """Where the auxiliary of "what kind of projects would I …" is; None once a subject comes first."""
    for index in range(1, min(len(words), _WH_PHRASE_MAX + 1)):
        if _aux(words[index]) is not None:
            return index
        lower = words[index].lower()
        if lower in SUBJECT_PRONOUNS or lower in DETERMINERS - {"many", "most", "all", "some", "other"}:
            return None
        if lower.replace("’", "'") in CONTRACTED or lower.replace("’", "'") in FIRST_PERSON:
            return None  # "what i'd do in the first 30 days" is already indirect
    return None


def embedded_question(words: list[str]) -> int | None:
    """ "on-call and how do they keep p99 low": where a direct question starts inside a phrase."""
    for index in range(1, len(words) - 2):
        joined = words[index - 1].endswith(",") or words[index - 1].lower() in _JOINING
        if joined and words[index].lower() in WH and is_direct_question(words[index:]):
            return index
    return None  # "someone who can hit the ground running": a relative clause, not a question


def _verb_index(rest: list[str], *, participle: bool) -> int | None:
    """Where the verb starts after the subject; None when it cannot be told with confidence."""
    if not rest:
        return None
    start = 1
    for index in range(start, len(rest)):
        word = rest[index].lower()
        if word in FUNCTION or word in ADVERBS or not word.isalpha():
            continue
        if rest[index - 1].lower() in DETERMINERS:
            continue
        fits = inflect.is_participle(word) if participle else inflect.is_base_verb(word)
        if not fits:
            continue
        following = rest[index + 1].lower() if index + 1 < len(rest) else ""
        next_fits = (
            following.isalpha()
            and following not in FUNCTION
            and (inflect.is_participle(following) if participle else inflect.is_base_verb(following))
        )
        if rest[0].lower() in SUBJECT_PRONOUNS or not next_fits:
            return index
    return None


def _subject(rest: list[str], verb: int) -> str:
    """The head word of the subject, for agreement: the pronoun, else the noun just before the verb."""
    words = [w for w in rest[:verb] if w.lower() not in ADVERBS]
    return words[0] if words and words[0].lower() in SUBJECT_PRONOUNS else (words[-1] if words else "it")


def _be_split(rest: list[str]) -> int | None:
    """Where "is" goes back in: before a participle, "like", "to" or a preposition after the subject."""
    if rest and rest[0].lower() in SUBJECT_PRONOUNS:
        return 1
    for index in range(1, len(rest)):
        word = rest[index].lower()
        if word in _BE_SPLIT or (word.isalpha() and inflect.is_participle(word)):
            return index - 1 if word == "now" and rest[index - 1].lower() == "right" else index
    return _complement_split(rest)


def _complement(word: str) -> bool:
    """ "remote", "profitable", "remote-first": an adjective that can only be the complement of "is"."""
    lower = word.lower()
    if lower.endswith(_COMPLEMENT_ENDINGS):
        return True
    found = inflect.lemmas(lower)
    return "ADJ" in found and "NOUN" not in found


def _complement_split(rest: list[str]) -> int | None:
    """ "the team remote-first" → 2: a short noun phrase with a determiner, then an adjective."""
    if len(rest) < 3 or rest[0].lower() not in DETERMINERS:
        return None
    for index in (2, 3):
        if index < len(rest) and _complement(rest[index]):
            return index
        if index >= len(rest) or not inflect.lemmas(rest[index].lower()).get("NOUN"):
            return None
    return None


def _written(aux: str, *, negative: bool) -> str:
    """The auxiliary as a careful writer types it: "doesnt" → "doesn't", "cant" → "can't"."""
    if not negative:
        return aux
    return {"will": "won't", "can": "can't", "shall": "shan't"}.get(aux, f"{aux}n't")


def _asks_about_subject(aux: str, rest: list[str]) -> bool:
    """ "how many people are on the team", "who will decide": the question word is the subject."""
    first = rest[0].lower()
    if first in SUBJECT_PRONOUNS or first in DETERMINERS or not first.isalpha():
        return False
    if aux in BE:
        return first in _BE_SPLIT or inflect.is_participle(first)
    return aux in MODALS and inflect.is_base_verb(first)


def _plural_noun(word: str) -> bool:
    """ "days", "metrics": a plural noun, which takes "look", not "looks" ("news" and "process" do not)."""
    lower = word.lower()
    nouns = inflect.lemmas(lower).get("NOUN", ()) if lower.isalpha() and lower.endswith("s") else ()
    return bool(nouns) and lower not in nouns


def indirect(text: str) -> str | None:
    """ "why did they pick Snowflake" → "why they picked Snowflake"; "is there a take-home" → "whether there
    is a take-home". None when the question's parts cannot be told apart with confidence."""
    words = expand_contractions(text.strip().rstrip("?").strip()).split()
    if not is_direct_question(words):
        return None
    if _aux(words[0]) is not None:
        head, aux_at = ["whether"], 0
    else:
        found = _aux_index(words)
        if found is None:
            return None
        head, aux_at = [w.lower() if i == 0 else w for i, w in enumerate(words[:found])], found
    aux_word = words[aux_at]
    aux, negative = _aux(aux_word) or ("", False)
    rest = words[aux_at + 1 :]
    if not rest:
        return None
    if head[0] != "whether" and _asks_about_subject(aux, rest):
        return " ".join([*head, aux_word.lower(), *rest])  # "who is on the team" is already indirect
    if aux in DO or aux in MODALS:
        verb = _verb_index(rest, participle=False)
        if verb is None:
            return None
        subject, body = rest[:verb], rest[verb:]
        if negative or aux in MODALS:
            return " ".join([*head, *subject, _written(aux, negative=negative), *body])
        lemma = body[0].lower()
        tag = DO[aux]
        who = _subject(rest, verb)
        singular = tag == "VBZ" and not _plural_noun(subject[-1] if subject else "")  # "does the first 90 days"
        form = inflect.past(lemma, who) if tag == "VBD" else inflect.present(lemma, "it" if singular else "they")
        return " ".join([*head, *subject, form, *body[1:]])
    if aux in HAVE:
        verb = _verb_index(rest, participle=True)
        if verb is None:
            return None
        return " ".join([*head, *rest[:verb], aux_word.lower(), *rest[verb:]])
    split = _be_split(rest)
    if split is None:
        if head[0] in ("what", "who", "which", "where") or len(head) > 1:
            return " ".join([*head, *rest, aux_word.lower()])
        return None
    return " ".join([*head, *rest[:split], aux_word.lower(), *rest[split:]])


_REFERS = {"she": "you", "he": "you", "him": "you", "herself": "yourself", "himself": "yourself", "his": "your"}
_AGREE = {"is": "are", "was": "were", "has": "have", "does": "do", "isn't": "aren't", "wasn't": "weren't",
          "hasn't": "haven't", "doesn't": "don't", "'s": "'re"}  # fmt: skip
_NOT_A_NOUN_AFTER_HER = FUNCTION | frozenset({"", "and", "that", "a", "the", "how", "what", "why", "if", "when"})


def _perfect(following: list[str]) -> bool:
    """After "she's": "been", "worked", "published" make "she has" ("you've"); "from", "learning", "retired",
    "excited" make "she is" ("you're")."""
    words = [w.lower().strip(".,;:!?") for w in following if w.lower() not in ADVERBS]
    if not words:
        return False
    word = words[0]
    if word in ("been", "got", "gotten"):
        return True
    if not word.isalpha() or "ADJ" in inflect.lemmas(word) or word.endswith("ing"):
        return False
    lemma = inflect.verb_lemma(word)
    return lemma is not None and lemma != word and word in inflect.forms(lemma, "VBN")


_TOPIC_PREPOSITIONS = frozenset({"after", "for", "in", "on", "of", "with", "from", "at", "during", "across", "vs"})


def _compound_plural(words: list[str]) -> bool:
    """ "catastrophe claims after hurricanes", "pricing plans": a plural noun read as a verb ("claims") makes a
    topic, not a clause, when nothing or only a preposition follows it."""
    second = words[1].lower().strip(".,;:!?")
    after = words[2].lower() if len(words) > 2 else ""
    return second.endswith("s") and "NOUN" in inflect.lemmas(second) and (not after or after in _TOPIC_PREPOSITIONS)


def finite_clause(words: list[str]) -> bool:
    """ "Alex's dog kept barking", "the team moved to Austin", "her team ships every week": a noun phrase
    followed by a finite verb, which makes the answer a clause (it would break after "about")."""
    if len(words) < 2:
        return False
    first = words[0].lower()
    possessive = first.endswith(("'s", "’s")) and len(first) > 2
    closed = FUNCTION | WH | SUBJECT_PRONOUNS | DETERMINERS | POSSESSIVES | AUXILIARIES
    bare_noun = first.isalpha() and first not in closed and "ADJ" not in inflect.lemmas(first)
    if first.isalpha() and first not in closed and _compound_plural(words):
        return False
    if bare_noun and _finite(words[1].lower(), "", after_noun=True) and not _finite(first, "", after_noun=True):
        return not _gerund_with_object(words)  # "management changed", "pricing changed a lot": a bare noun and its verb
    if not (possessive or first in DETERMINERS or first in POSSESSIVES or words[0][:1].isupper()):
        return False
    before = first
    for index in range(1, min(len(words), 6)):
        word = words[index].lower()
        if word in ADVERBS or word in ("recently", "finally", "once", "rarely", "seldom", "sometimes"):
            continue
        if words[index - 1].lower() in _HOW_OFTEN and _bare_verb(word):
            return True  # "the phones never stop ringing", "their nurses always work weekends"
        if word in FUNCTION or word in SUBJECT_PRONOUNS or not word.isalpha() or words[index - 1].endswith(","):
            return False  # "a time I disagreed …": a relative clause describes the noun
        following = words[index + 1] if index + 1 < len(words) else ""
        known = inflect.lemmas(before)
        determined = index > 1 and words[index - 2].lower() in DETERMINERS | POSSESSIVES  # "the tasting went"
        noun = (
            before.isalpha()
            and before not in DETERMINERS | POSSESSIVES
            and (not known or "NOUN" in known or determined)
        )
        singular = noun and (not known or known.get("NOUN", ("",))[0] == before)
        if _finite(word, following, previous_noun=singular, after_noun=noun or before.endswith("'s")):
            return True
        before = word
        if words[0][:1].isupper() and not possessive and first not in DETERMINERS:
            return False  # "Priya moved …" is a clause; "Kafka Streams …" is not looked at further
    return False


def _gerund_with_object(words: list[str]) -> bool:
    """ "handling failed payments", "debugging crashed pods": a gerund and its object, the participle describing
    the noun after it (not "pricing changed a lot", where the verb follows the noun)."""
    first = words[0].lower()
    following = words[2].lower().strip(".,;:!?") if len(words) > 2 else ""
    return (
        first.endswith("ing")
        and inflect.verb_lemma(first) not in (None, first)
        and "NOUN" in inflect.lemmas(following)
        and following not in DETERMINERS
    )


#: Adverbs of how often, which only stand between a subject and its verb ("the phones never stop").
_HOW_OFTEN = frozenset({"never", "always", "often", "usually", "rarely", "seldom", "sometimes", "typically"})


def _bare_verb(word: str) -> bool:
    """ "stop", "work": a verb's plain form, no "-ing" and no past."""
    return word.isalpha() and inflect.verb_lemma(word) == word and "VERB" in inflect.lemmas(word)


_OBJECT_START = DETERMINERS | frozenset(
    {"me", "us", "them", "him", "it", "up", "out", "to", "from", "back", "across", "into", "over", "off", "away",
     "down", "on", "at", "in", "by", "around", "through", "along"}
)  # fmt: skip


#: Participles that follow a noun to describe it ("her dog named Biscuit", "a team based in Austin").
_POSTMODIFIERS = frozenset(
    {"named", "called", "based", "located", "owned", "led", "run", "built", "made", "designed", "written",
     "sponsored", "funded", "backed", "known", "used", "hosted", "founded", "focused", "dedicated"}
)  # fmt: skip


def _finite(word: str, following: str, *, previous_noun: bool = False, after_noun: bool = False) -> bool:
    """A past or present verb form that cannot be a noun or an adjective here ("kept barking", "moved to",
    "ships every week"; not "plans for next year", "renewed contract")."""
    found = inflect.lemmas(word)
    lemma = inflect.verb_lemma(word)
    after = following.lower().strip(".,;:!?")
    adjective = "ADJ" in found and after not in DETERMINERS | POSSESSIVES  # "broke the record" is the verb
    if lemma is None or lemma == word or lemma in ("be", "have", "do") or adjective:
        return False
    fits_after = not after or after in _OBJECT_START or after.endswith("ing") or after[:1].isdigit()
    if word in inflect.forms(lemma, "VBD"):
        described = word in _POSTMODIFIERS and (following[:1].isupper() or after in ("by", "in", "at", "for"))
        return "NOUN" not in found and not described and (fits_after or following[:1].isupper() or after_noun)
    if word in inflect.forms(lemma, "VBZ"):
        return bool(after) and (
            after in DETERMINERS
            or after in ("me", "us", "them", "it")
            or following[:1].isupper()
            or after[:1].isdigit()
            or (previous_noun and after not in ("of", "for", "and"))
        )
    return False


def to_reader(text: str) -> str:
    """A note is written to the interviewer: "she still codes every day" → "you still code every day",
    "her team's on-call" → "your team's on-call". Verbs after the new "you" are made to agree."""
    words = text.split()
    out: list[str] = []
    agree_next = False
    for index, word in enumerate(words):
        lower = word.lower()
        core = lower.rstrip(".,;:!?")
        tail = word[len(core) :] if lower.startswith(core) else ""
        if core in ("she's", "he's"):
            out.append(("you've" if _perfect(words[index + 1 :]) else "you're") + tail)
            continue
        if core in ("she'd", "he'd", "she'll", "he'll"):
            out.append("you" + core[core.index("'") :] + tail)
            continue
        if core == "her":
            following = words[index + 1].lower().strip(".,;:!?") if index + 1 < len(words) else ""
            out.append(("you" if following in _NOT_A_NOUN_AFTER_HER or tail else "your") + tail)
            continue
        if core in _REFERS:
            out.append(_REFERS[core] + tail)
            agree_next = core in ("she", "he")
            continue
        if agree_next:
            if core in ADVERBS:
                out.append(word)
                continue
            agree_next = False
            if core in _AGREE:
                out.append(_AGREE[core] + tail)
                continue
            lemma = inflect.verb_lemma(core) if core.isalpha() and core.endswith("s") else None
            if lemma and lemma != core and core in inflect.forms(lemma, "VBZ"):
                out.append(lemma + tail)
                continue
        out.append(word)
    return undouble(" ".join(out))  # "she he" would otherwise become "you you"


def gerund(text: str) -> str | None:
    """ "we built a rate limiter together" → "building a rate limiter together"; "to whiteboard a cache" →
    "whiteboarding a cache". Only a past-tense verb after I/we, or "to" + verb; else None."""
    words = text.split()
    if len(words) < 2:
        return None
    first = words[0].lower()
    if first == "to":
        verb_at = 1
        lemma = words[1].lower() if inflect.is_base_verb(words[1]) else None
    elif first in ("i", "we"):
        verb_at = 1 + next((i for i, w in enumerate(words[1:]) if w.lower() not in ADVERBS), 0)
        if verb_at >= len(words):
            return None
        word = words[verb_at].lower()
        lemma = inflect.verb_lemma(word)
        if lemma is None or lemma in ("be", "have", "do") or word not in inflect.forms(lemma, "VBD"):
            return None
    else:
        return None
    if lemma is None or verb_at + 1 >= len(words):
        return None
    return " ".join([inflect.inflect(lemma, "VBG"), *words[verb_at + 1 :]])
