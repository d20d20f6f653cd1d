"""Words a spelling check cannot catch because both spellings are real: their/there/they're, your/you're,
its/it's, then/than, affect/effect, lose/loose.

Each rule looks only at the next or previous word, and only where one reading is clearly wrong ("there
team", "your welcome", "more then", "an affect on"). Anything ambiguous is left alone: "their hiring
process" and "its great culture" are correct, and a false alarm in a note someone is about to send costs
more than a missed slip. Rules are data, so each one can be tested in both directions.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property

from bot.compose.scan import case_blind_safe, is_word_char

#: Nouns that follow a possessive in notes ("their team"); never a verb or adverb that "there"/"it's" takes.
_OWNED = (
    r"team|teams|company|companies|product|products|platform|platforms|customers|clients|users|engineers|"
    r"manager|managers|office|offices|approach|process|processes|stack|roadmap|goals|mission|culture|values|"
    r"codebase|pipeline|pipelines|infrastructure|data|system|systems|service|services|architecture|strategy|"
    r"plans|priorities|org|organization|organisation|department|leadership|interview|interviews|"
    r"own|role|business|experience|insight|insights|perspective"
)
#: After "you're"/"they're" more nouns are safe than after "there" ("is there feedback?" is a fine question).
_OWNED_MORE = rf"{_OWNED}|questions|work|advice|feedback|growth|data|time|help|kindness|generosity|thoughts"
_BE = r"is|are|was|were|will\s+be|has\s+been|have\s+been|isn['’]t|aren['’]t|wasn['’]t|weren['’]t"
_ING = r"going|doing|looking|planning|building|hiring|working|trying|moving|growing|launching|expanding"
_AFTER_ING = r"to|a|an|the|on|for|more|with|into|out|towards"
_FEELING = r"great|good|exciting|important|hard|easy|nice|rare|clear"
_EFFECT_NOUN = r"an|the|positive|negative|big|huge|real|lasting|direct|significant|side|no|any"
_LOST = r"track|sight|focus|momentum|money|customers|users|data|interest|my|your|our|their"
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
    _rule(rf"{_START}(?P<word>there)\s+(?:{_OWNED}){_END}", "their"),
    _rule(rf"{_START}(?P<word>they['’]re)\s+(?:{_OWNED_MORE}){_END}", "their"),
    _rule(rf"{_START}(?P<word>their)\s+(?:{_BE}){_END}", "there"),
    _rule(rf"{_START}(?P<word>their)\s+(?:{_ING})\s+(?:{_AFTER_ING}){_END}", "they're"),
    _rule(rf"{_START}(?P<word>their)\s+(?:a|an|the|not|still|already|currently|always){_END}", "they're"),
    # your / you're
    _rule(rf"{_START}(?P<word>your)\s+(?:welcome|correct)(?=\s*(?:[.,!;]|$|to\b|that\b))", "you're"),
    _rule(rf"{_START}(?P<word>your)\s+right(?=\s*(?:[.,!;]|$|about\b|that\b))", "you're"),
    _rule(rf"{_START}(?P<word>your)\s+(?:{_ING})\s+(?:{_AFTER_ING}){_END}", "you're"),
    _rule(rf"{_START}(?P<word>your)\s+(?:a|an|the|not|still|already|always|clearly){_END}", "you're"),
    _rule(rf"{_START}(?P<word>you['’]re)\s+(?:{_OWNED_MORE}){_END}", "your"),
    # its / it's
    _rule(rf"{_START}(?P<word>its)\s+(?:a|an|the|not|been|no|such|going\s+to|clear\s+that){_END}", "it's"),
    _rule(rf"{_START}(?P<word>its)\s+(?:{_FEELING})\s+(?:to|that){_END}", "it's"),
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
                found[start] = Slip(wrong, _cased(rule.right, wrong), " ".join(match.group(0).split()))
    return [found[start] for start in sorted(found)]
