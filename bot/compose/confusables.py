"""Words a spelling check cannot catch because both spellings are real: their/there/they're, your/you're,
its/it's, then/than, affect/effect, lose/loose.

Each rule looks only at the next or previous word, and only where one reading is clearly wrong ("your
welcome", "more then", "an affect on"). Anything ambiguous is left alone: "their hiring process" and "its
great culture" are correct, and a false alarm in a note someone is about to send costs more than a missed
slip. Rules are data, so each one can be tested in both directions. `find_all` adds what needs the word
class of the next words ("how there idempotency keys work"): lemminflect's, read through inflect.py.
What it finds is clear enough for the composer to put right in an answer (bot/compose/slips.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property

from bot.compose import inflect
from bot.compose.scan import case_blind_safe, is_word_char
from bot.compose.workplace_words import WORKPLACE_TERMS

#: Nouns that follow a possessive in notes ("your team") and never "you're" ("you're engineers" would be
#: right). "there" and "they're" before a noun are read by word class instead (`find_all`).
_OWNED = (
    r"team|teams|company|companies|product|products|platform|platforms|"
    r"manager|office|offices|approach|process|processes|stack|roadmap|goals|mission|culture|values|"
    r"codebase|pipeline|pipelines|infrastructure|data|system|systems|service|services|architecture|strategy|"
    r"plans|priorities|org|organization|organisation|department|leadership|interview|interviews|"
    r"own|role|business|experience|insight|insights|perspective"
)
#: `_OWNED`'s words, for reading the word after "there" or "they're".
_OWNED_WORDS = frozenset(_OWNED.split("|"))
#: After "you're" more nouns are safe than after "there" ("is there feedback?" is a fine question); "they're"
#: before a noun is read by word class (`find_all`), since "they're team players" is right.
_OWNED_MORE = rf"{_OWNED}|questions|work|advice|feedback|growth|data|time|help|kindness|generosity|thoughts"
_BE = r"is|are|was|were|will\s+be|has\s+been|have\s+been|isn['’]t|aren['’]t|wasn['’]t|weren['’]t"
_ING = r"going|doing|looking|planning|building|hiring|working|trying|moving|growing|launching|expanding"
_AFTER_ING = r"to|a|an|the|on|for|more|with|into|out|towards"
_FEELING = r"great|good|exciting|important|hard|easy|nice|rare|clear"
_EFFECT_NOUN = r"an|the|positive|negative|big|huge|real|lasting|direct|significant|side|no|any"
_LOST = (
    r"track|sight|focus|momentum|money|customers|users|data|interest|my|your|our|their|sleep|weight|touch|"
    r"steam|talent|people|them|everything|anything"
)
#: Words that cannot follow the possessive "its", only "it's" ("its in the suburbs", "its so good").
_NOT_AFTER_ITS = (
    r"in|at|from|like|so|really|just|also|still|always|never|kind\s+of|sort\s+of|what|how|why|where|who|when|"
    r"because"
)
#: Judgements that end a clause after "it's" ("its amazing."); "its own." and "its roadmap." stay.
_JUDGED = (
    r"amazing|awesome|cool|nice|fine|fun|great|good|hard|easy|exciting|interesting|important|true|clear|huge|"
    r"wild|crazy|rare|possible|normal|ok|okay|obvious|tough|impressive|brilliant|incredible|fascinating"
)
#: After "their", words a possessive never takes but the place "there" does ("worked their for 10 years").
_PLACE_AFTER = r"for|since|full-time|part-time|twice|before|until|till|anymore|ever\s+since"
_COMPARATIVE = (
    r"more|less|fewer|better|worse|rather|other|greater|larger|smaller|faster|slower|higher|lower|bigger|"
    r"easier|harder|longer|shorter|cheaper|stronger|quicker|simpler|clearer|broader|deeper|different"
)
_MODAL = r"will|would|could|can|may|might|should|must|to|not|does|did|doesn['’]t|didn['’]t|won['’]t|can['’]t|never"
_END = r"(?![\w'’-])"
_START = r"(?<![\w'’-])"


#: What may come before the wrong word in a pattern that starts with it: nothing that takes up text.
_BEFORE_THE_WORD = (_START, r"(?:^|(?<=[.!?]\s))")
#: A pattern whose wrong word follows one other word ("more then"): that word (letters and apostrophes, no
#: space), then spaces.
_ONE_WORD_BEFORE = re.compile(re.escape(_START) + r"\(\?:[^\s()]*(?:\([^\s()]*\)[^\s()]*)*\)\\s\+")


@dataclass(frozen=True)
class Rule:
    """`pattern` finds the wrong word in group "word"; it is replaced by `right` (case kept). `needles` are
    that word in lower case, one of which the text must hold for the rule to match (a cheap test first).
    `place` says where a match can begin: "word", where the wrong word does; "word before", at the word
    just before it; "anywhere" otherwise. The first two are tried only there."""

    source: str
    right: str
    needles: tuple[str, ...] = ()
    place: str = "anywhere"

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        """Compiled on first use: most notes hold the needles of few rules, and compiling all of them costs
        a `thankyou-bot draft` or `check` start more than the checks themselves."""
        return re.compile(self.source, re.IGNORECASE | re.MULTILINE)


def _rule(pattern: str, right: str) -> Rule:
    before, _, word = pattern.partition("(?P<word>")
    needles = tuple(dict.fromkeys(word.partition(")")[0].replace("['’]", quote) for quote in "'’"))
    place = "word" if before in _BEFORE_THE_WORD else "word before" if _ONE_WORD_BEFORE.fullmatch(before) else ""
    return Rule(pattern, right, needles, place or "anywhere")


RULES: tuple[Rule, ...] = (
    # their / there / they're
    _rule(rf"{_START}(?P<word>their)\s+(?:{_BE}){_END}", "there"),
    _rule(rf"{_START}(?P<word>their)\s+(?:{_ING})\s+(?:{_AFTER_ING}){_END}", "they're"),
    _rule(rf"{_START}(?P<word>their)\s+(?:a|an|the|not|still|already|currently|always){_END}", "they're"),
    _rule(rf"{_START}(?P<word>their)\s+(?:{_PLACE_AFTER}){_END}", "there"),
    _rule(rf"{_START}(?P<word>their)(?=[ \t]*(?:[.!?]|\Z))", "there"),  # not at a line end: notes wrap
    # your / you're
    _rule(rf"{_START}(?P<word>your)\s+(?:welcome|correct)(?=\s*(?:[.,!;]|$|to\b|that\b))", "you're"),
    _rule(rf"{_START}(?P<word>your)\s+right(?=\s*(?:[.,!;]|$|about\b|that\b))", "you're"),
    _rule(rf"{_START}(?P<word>your)\s+(?:{_ING})\s+(?:{_AFTER_ING}){_END}", "you're"),
    _rule(rf"{_START}(?P<word>your)\s+(?:a|an|the|not|still|already|always|clearly){_END}", "you're"),
    _rule(rf"{_START}(?P<word>your)\s+(?:so|too|probably|definitely|absolutely|totally|such){_END}", "you're"),
    _rule(rf"{_START}(?P<word>you['’]re)\s+(?:{_OWNED_MORE}){_END}", "your"),
    # its / it's
    _rule(rf"{_START}(?P<word>its)\s+(?:a|an|the|not|been|no|such|going\s+to|clear\s+that){_END}", "it's"),
    _rule(rf"{_START}(?P<word>its)\s+(?:{_FEELING})\s+(?:to|that){_END}", "it's"),
    _rule(rf"{_START}(?P<word>its)\s+(?:{_NOT_AFTER_ITS}){_END}", "it's"),
    _rule(rf"{_START}(?P<word>its)\s+(?:{_JUDGED})(?=[ \t]*(?:[.,;!?]|\Z|and\b|but\b))", "it's"),
    _rule(rf"{_START}(?P<word>it['’]s)\s+(?:own|mission|customers|users|employees|roadmap){_END}", "its"),
    # then / than
    _rule(rf"{_START}(?:{_COMPARATIVE})\s+(?P<word>then){_END}", "than"),
    _rule(rf"(?:^|(?<=[.!?]\s))(?P<word>than)\s+(?:we|I|she|he|they|you|it){_END}", "then"),
    _rule(rf"{_START}(?:and|but|back|since|until|by)\s+(?P<word>than){_END}", "then"),
    # affect / effect
    _rule(rf"{_START}(?:{_MODAL})\s+(?P<word>effect)(?!\s+(?:a\s+|real\s+|lasting\s+)?changes?\b){_END}", "affect"),
    _rule(rf"{_START}(?:{_EFFECT_NOUN})\s+(?P<word>affect){_END}", "effect"),
    _rule(rf"{_START}(?P<word>affect)\s+on{_END}", "effect"),
    _rule(rf"{_START}(?P<word>affects)\s+(?:on|of){_END}", "effects"),
    _rule(rf"{_START}(?:in|into|take|takes|took|taken)\s+(?P<word>affect){_END}", "effect"),
    # lose / loose
    _rule(rf"{_START}(?:{_MODAL}|don['’]t)\s+(?P<word>loose){_END}", "lose"),
    _rule(rf"{_START}(?P<word>loose)\s+(?:{_LOST}){_END}", "lose"),
    _rule(rf"{_START}(?:I|we|they|you)\s+(?P<word>loose){_END}", "lose"),
    _rule(rf"{_START}(?P<word>looses){_END}", "loses"),
    _rule(rf"{_START}(?:too|very|so|fairly|quite|pretty|somewhat)\s+(?P<word>lose){_END}", "loose"),
    _rule(rf"{_START}(?P<word>lose)\s+(?:ends?|coupling|coupled|fitting){_END}", "loose"),
)  # fmt: skip


_NEEDLES = frozenset(needle for rule in RULES for needle in rule.needles)


@dataclass(frozen=True)
class Slip:
    """One confusable word: what was written (with its neighbour, to show where) and what fits there."""

    wrong: str
    right: str
    context: str
    #: Where the wrong word starts in the text looked at (-1: not known); not part of what the slip is.
    start: int = field(default=-1, compare=False)


def _cased(right: str, like: str) -> str:
    return right[0].upper() + right[1:] if like[:1].isupper() else right


def _matches(rule: Rule, text: str, lower: str) -> Iterator[re.Match[str]]:
    """What `rule.pattern.finditer(text)` finds. A pattern is tried only where a match can begin (see
    `Rule.place`; `lower` is `text` in lower case, the same length), left to right, one match not
    overlapping the last, as `finditer` would; a single note has few such places."""
    if rule.place == "anywhere":
        yield from rule.pattern.finditer(text)
        return
    places = sorted({place for needle in rule.needles for place in _places(needle, lower)})
    done = 0
    for place in places:
        start = place if rule.place == "word" else _word_before(text, place)
        if start is not None and start >= done and (match := rule.pattern.match(text, start)) is not None:
            yield match
            done = max(match.end(), start + 1)


def _word_before(text: str, place: int) -> int | None:
    """Where the word before `place` begins, past the spaces between (None without a space): the only place
    a "word before" match of the word at `place` can start, since the pattern's lead (`_START`) forbids
    letters, digits, apostrophes and hyphens before it."""
    end = place
    while end > 0 and text[end - 1].isspace():
        end -= 1
    if end == place:
        return None
    start = end
    while start > 0 and (is_word_char(text[start - 1]) or text[start - 1] in "'’-"):
        start -= 1
    return start


def _places(needle: str, text: str) -> Iterator[int]:
    place = text.find(needle)
    while place != -1:
        yield place
        place = text.find(needle, place + 1)


def find(text: str) -> list[Slip]:
    """Every clear confusable slip in `text`, in order of appearance, each place once."""
    found: dict[int, Slip] = {}
    lower = text.lower()
    # Where a letter matches an ASCII one only when case is ignored, or lowering changes the length, the
    # quick tests could mislead: then every rule runs in full (a rare text).
    plain = case_blind_safe(text) and len(lower) == len(text)
    present = {needle for needle in _NEEDLES if needle in lower}
    for rule in RULES:
        if plain and present.isdisjoint(rule.needles):
            continue
        for match in _matches(rule, text, lower) if plain else rule.pattern.finditer(text):
            start = match.start("word")
            if start not in found:
                wrong = match.group("word")
                found[start] = Slip(wrong, _cased(rule.right, wrong), " ".join(match.group(0).split()), start)
    return [found[start] for start in sorted(found)]


# A possessive that starts a noun phrase: "how there idempotency keys work", "they're editorial calendar".
# No short list of nouns can hold every topic a member types, so the words after the slip are read with
# lemminflect's word classes (bot/compose/inflect.py). Existential and locative "there" are told apart by a
# closed list of what may follow them ("there is", "there for 5 years", "there twice", "there full-time")
# and of what may come before a place ("is there", "worked there", "over there"); a word that can be an
# adverb ("there today", "there first") is never taken for the start of a noun phrase.


def _word_set(words: str) -> frozenset[str]:
    """A closed word list written as prose lines, one set."""
    return frozenset(words.split())


#: What follows "there" as a place or as "there is" (and never starts a noun phrase after "their").
_AFTER_THERE = _word_set(
    """is are was were be been being isn't aren't wasn't weren't 's 're 'll 'd will would can could may might
    must should shall won't wouldn't can't couldn't shouldn't do does did don't doesn't didn't has have had
    hasn't haven't hadn't used seem seems seemed appear appears appeared remain remains remained exist exists
    existed come comes came go goes went lie lies lay stand stands stood follow follows followed arise arises
    arose live lives lived happen happens happened tend tends tended need needs needed occur occurs occurred
    emerge emerges emerged ought got get gets
    a an the this that these those some any no every each all both either neither many much more most few
    several plenty lots enough such what which whose whatever another half loads tons
    i me my mine you your yours he him his she her hers we us our ours they them their theirs it its one
    myself yourself himself herself ourselves themselves itself anything anyone anybody something someone
    somebody nothing nobody everything everyone everybody
    for from to at in on of by with without about after before since until till during through across around
    near over under as like than into onto via per toward towards between among behind beyond inside outside
    upon within along
    and but or nor so yet because if when while where who whom how why though although unless whereas then
    full-time part-time long-term short-term on-site onsite remote remotely lol
    two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty hundred
    monday tuesday wednesday thursday friday saturday sunday january february march april may june july
    august september october november december
    year years month months week weeks day days hour hours minute minutes decade decades time times ages
    weekend weekends summer summers winter winters night nights morning mornings evening evenings season
    seasons semester semesters while"""
)
#: Words before "there" that make it a place or an inverted "there is" ("worked there", "is there").
_BEFORE_PLACE = _word_set(
    """over out up down in back around near inside outside under right just here hi hello hey
    it them him her me us you
    is are was were be been being isn't aren't wasn't weren't will would can could may might must should
    shall won't wouldn't can't couldn't shouldn't do does did has have had not never"""
)
#: Verbs (lemmas) after which "there" is where something happened ("she taught there", "we met there").
_PLACE_VERBS = _word_set(
    """be work live go come get stay move start intern study travel return arrive volunteer teach sit stand
    wait meet stop remain grow spend put leave settle relocate train serve eat shop drive fly walk run"""
)
#: People a place may follow ("everyone there works remotely"); words lemminflect also reads as verbs.
_PEOPLE = frozenset({"people", "folks", "everyone", "everybody", "someone", "somebody", "nobody", "staff", "team"})
#: After a participle, words that show it is a passive or perfect ("its funded by", "their held on fridays").
_AFTER_PARTICIPLE = _word_set(
    """by in on at for to from with every each as since until a an the so up down out off over into through
    away last this yet already again now recently before after weekly daily monthly twice once remotely"""
)
#: Verbs that make "over" part of "go over" (review), not a place: "we went over there plans".
_GO_OVER = frozenset({"go", "look", "talk", "run", "read", "walk"})
#: Nouns used bare after "they're" as well as after "their" ("they're family", "they're staff").
_PREDICATE_NOUNS = frozenset({"family", "friends", "staff", "management", "trouble", "talent", "people", "fans"})
#: "there hiring for", "there going to": what they are doing, never a place ("there working on" may be).
_PLANNING = frozenset({"hiring", "planning", "hoping", "going", "looking", "trying", "expanding", "launching"})
_AFTER_PLANNING = frozenset({"for", "to", "a", "an", "the", "more", "into", "on"})
_POSSESSIVE_SLIP = re.compile(r"(?<![\w'’-])(there|they['’]re|you['’]re|ur)(?![\w'’-])", re.IGNORECASE)
_NEXT_WORDS = re.compile(r"[ \t]+([\w'’-]+)(?:[ \t]+([\w'’-]+))?")
_WORD_BEFORE = re.compile(r"([\w'’-]+)[ \t]+$")
_ITS = re.compile(r"(?<![\w'’-])(its|their)(?![\w'’-])", re.IGNORECASE)
#: Comparatives built with a word: "more fun then", "less scary then".
_MORE_THEN = re.compile(r"(?<![\w'’-])(?:more|less)\s+([a-z]+)\s+(then)(?![\w'’-])", re.IGNORECASE)
_ER_THEN = re.compile(r"(?<![\w'’-])([a-z]+er)\s+(then)(?![\w'’-])", re.IGNORECASE)
#: "-er" words before "then" that are no comparison ("later then we met").
_TIME_ER = frozenset({"later", "earlier", "further", "farther", "after", "ever", "never", "over", "under", "other"})
#: After "you're" (from "ur"), not "your": "ur welcome", "ur the best".
_YOU_ARE_NEXT = frozenset({"welcome", "right", "correct", "a", "an", "the", "not", "so", "too", "going", "probably"})


def _classes(word: str) -> dict[str, tuple[str, ...]]:
    """lemminflect's word classes for a plain lower-case word; {} for others (names, acronyms, unknown)."""
    if not word.isalpha() or not word.islower():
        return {}
    return inflect.lemmas(word)


def _kind(word: str) -> str:
    """How `word` may follow a possessive: "noun" (alone it shows one: "team", "clients"), "modifier" (only
    with a noun after it: "new", "hiring", "ML", "idempotency"), or "no" ("twice", "is", "for", "today")."""
    lower = word.lower().replace("’", "'")
    if lower in _AFTER_THERE or any(ch.isdigit() for ch in lower):
        return "no"
    found = _classes(lower)
    if "ADV" in found or "AUX" in found:
        return "no"
    verbs = found.get("VERB", ())
    if verbs and "NOUN" not in found and "ADJ" not in found and not lower.endswith("ing"):
        return "no"  # "there lived", "there goes": a verb after "there is" a sentence, not a noun phrase
    if lower in _OWNED_WORDS or (lower in WORKPLACE_TERMS and not found):
        return "noun"  # nouns of work lemminflect may not know ("roadmap", "codebase", "onboarding")
    if "NOUN" in found and "ADJ" not in found and not lower.endswith("ing"):
        return "noun"
    return "modifier"


def _starts_noun_phrase(first: str, second: str | None) -> bool:
    kind = _kind(first)
    return kind == "noun" or (kind == "modifier" and second is not None and _kind(second) == "noun")


def _singular_noun(word: str) -> bool:
    """A noun in the singular, never used bare after "they are" ("team" but not "family" or "engineers")."""
    lower = word.lower()
    if not (word.isalpha() and word.islower()) or lower in _PREDICATE_NOUNS or _kind(word) != "noun":
        return False
    nouns = inflect.lemmas(lower).get("NOUN")
    return nouns == (lower,) if nouns else lower in _OWNED_WORDS and not lower.endswith("s")


def _owned_one(first: str, second: str | None, third: str | None) -> bool:
    """After "they're": a singular noun ("team"), or an adjective and one ("editorial calendar"), that no
    other noun follows ("they're team players" is a different phrase)."""
    if _singular_noun(first):
        return second is None or _kind(second) != "noun"
    found = _classes(first.lower())
    if "ADJ" not in found or "VERB" in found or "ADV" in found or second is None or not _singular_noun(second):
        return False
    return third is None or _kind(third) != "noun"


def _third_word(text: str, end: int) -> str | None:
    found = _NEXT_WORDS.match(text, end)
    return found.group(1) if found is not None else None


def _its_participle(text: str) -> Iterator[Slip]:
    """ "how its changed since", "their held on fridays": a past participle that no noun follows makes "its"
    "it's" (it has) and "their" "they're" (they are)."""
    for match in _ITS.finditer(text):
        following = _NEXT_WORDS.match(text, match.end())
        if following is None:
            continue
        first, second = following.group(1).lower(), following.group(2)
        found = _classes(first)
        participle = (
            set(found) == {"VERB"} and not first.endswith("ing") and first in inflect.forms(found["VERB"][0], "VBN")
        )
        word = match.group(1)
        passive = second is not None and second.lower() in _AFTER_PARTICIPLE
        if participle and (passive or (second is None and word.lower() == "its")):  # "their wrapped" stays
            right = "it's" if word.lower() == "its" else "they're"
            yield Slip(word, _cased(right, word), f"{word} {following.group(1)}", match.start(1))


def _after_there(first: str, second: str | None) -> str:
    """What "there" should be, judged by the words after it: "their" before a noun phrase, "they're" before
    a plan ("there hiring for two roles", "there going to decide"); "" when "there" fits."""
    if _starts_noun_phrase(first, second):
        return "their"
    if first.lower() in _PLANNING and second is not None and second.lower() in _AFTER_PLANNING:
        return "they're"
    return ""


def _verb_after_place(text: str, start: int, first: str, second: str | None) -> bool:
    """ "the people there work hard", "ufuncs defined there show up", "from there links it": "there" is a
    place after a noun, a verb or "from", and the next word can be the verb of the sentence."""
    found = _WORD_BEFORE.search(text, 0, start)
    if found is None or "VERB" not in _classes(first.lower()):
        return False
    before = found.group(1).lower()
    classes = _classes(before)
    plural_or_noun = "NOUN" in classes and (classes["NOUN"][0] != before or "VERB" not in classes)
    if before in _PEOPLE or (before not in _AFTER_THERE and plural_or_noun):
        return True  # "everyone there uses kafka"
    if (second is not None and _kind(second) == "noun") or first.lower().endswith("ing"):
        return False  # "affect there loan book", "said there hiring for"
    return before == "from" or (set(classes) == {"VERB"} and second is not None and _kind(second) == "no")


def _place_before(text: str, start: int) -> bool:
    """Whether the word just before `start` makes "there" a place or an inverted "there is"."""
    found = _WORD_BEFORE.search(text, 0, start)
    if found is None:
        return False
    word = found.group(1).lower().replace("’", "'")
    if word.endswith(("'s", "'m", "'re", "'ve")):  # "she's there", "I'm there": is or has, before a place
        return True
    if word == "over" and (verb := _WORD_BEFORE.search(text, 0, found.start())) is not None:
        return inflect.verb_lemma(verb.group(1).lower()) not in _GO_OVER  # "went over there roadmap": reviewed
    return word in _BEFORE_PLACE or inflect.verb_lemma(word) in _PLACE_VERBS if word.isalpha() else False


def _possessive(text: str, match: re.Match[str]) -> Slip | None:
    """ "there"/"they're" where "their" fits, "you're" where "your" does, "ur" where either does; None when
    unsure."""
    word = match.group(1)
    lower = word.lower().replace("’", "'")
    following = _NEXT_WORDS.match(text, match.end())
    if following is None:
        return None
    first, second = following.group(1), following.group(2)
    third = _third_word(text, following.end()) if second is not None else None
    if lower == "ur":  # "ur amazing people" could be either: only a plain noun, or an adjective and one
        plain = _kind(first) == "noun" and (second is None or _kind(second) != "noun")
        right = (
            "you're" if first.lower() in _YOU_ARE_NEXT else "your" if plain or _owned_one(first, second, third) else ""
        )
    elif lower == "there":
        place = _place_before(text, match.start()) or _verb_after_place(text, match.start(), first, second)
        right = "" if place else _after_there(first, second)
    else:  # "they're team" is wrong; "they're engineers" and "they're team players" are not
        right = ("their" if lower == "they're" else "your") if _owned_one(first, second, third) else ""
    if not right:
        return None
    # the noun phrase as far as it is sure: "there idempotency keys", "there new office", but "there team"
    head = _kind(first) == "noun" and bool(_classes(first.lower()))
    shown = " ".join(
        part for part in (word, first, None if head or not second or _kind(second) != "noun" else second) if part
    )
    return Slip(word, _cased(right, word), shown, match.start(1))


def _more_then(text: str) -> Iterator[Slip]:
    """ "more fun then it is hard", "less relaxed then I expected", "nicer then I thought": "then" after an
    adjective compared, with "more"/"less" or an "-er" ending (not "later then", which is a time)."""
    for match in _MORE_THEN.finditer(text):
        middle = match.group(1).lower()
        found = _classes(middle)
        adjective = "ADJ" in found and "NOUN" not in found and ("VERB" not in found or middle in found["ADJ"])
        if middle == "fun" or adjective:
            yield Slip(match.group(2), _cased("than", match.group(2)), " ".join(match.group(0).split()), match.start(2))
    for match in _ER_THEN.finditer(text):
        word = match.group(1).lower()
        found = _classes(word)
        compared = "ADJ" in found and "NOUN" not in found and word not in found["ADJ"] and word not in _TIME_ER
        if compared:
            yield Slip(match.group(2), _cased("than", match.group(2)), " ".join(match.group(0).split()), match.start(2))


def find_all(text: str) -> list[Slip]:
    """`find`, and the slips only word classes show: a possessive that starts a noun phrase ("how there
    idempotency keys work", "ur team"), "its"/"their" before a past participle ("how its changed since") and
    "then" after a comparative ("more fun then"). Only texts that hold one of those words are read word by
    word."""
    found = {slip.start: slip for slip in find(text)}
    lower = text.lower()
    if "there" in lower or "'re" in lower or "’re" in lower or "ur" in lower:
        for match in _POSSESSIVE_SLIP.finditer(text):
            if match.start(1) not in found and (slip := _possessive(text, match)) is not None:
                found[slip.start] = slip
    if "its" in lower or "their" in lower:
        for slip in _its_participle(text):
            found.setdefault(slip.start, slip)
    if "then" in lower:
        for slip in _more_then(text):
            found.setdefault(slip.start, slip)
    return [found[start] for start in sorted(found)]
