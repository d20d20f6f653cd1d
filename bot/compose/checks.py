"""Proofreading checks: each has a stable code, a level and a message written for someone in a hurry.

`proofread` looks at a finished note (composed or edited by hand); the composer adds the checks that need
the answers: `no_specific_detail`, `late`, `similar_to`; `edited.py` adds the ones only a hand-edited note
needs (company named, no other company). Proper nouns (names, company, role, titles) are masked before the
word-level checks, so "Duran Duran" or "Yahoo!" never raise a false alarm.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta

from bot.answers import Channel
from bot.compose.fit import WORDS
from bot.compose.lazy_re import LazyPattern
from bot.compose.note_facts import GREETING_WORD, SHOWN, ReadNote, quote, verb
from bot.compose.note_facts import NoteFacts as NoteFacts  # re-exported: the composer builds them
from bot.compose.reader_checks import confusable, link_missing, name_missing
from bot.compose.scan import case_blind_safe, has_whole_word, is_word_char
from bot.compose.spelling import capitalised_slips, misspelled, suggestion
from bot.compose.wordlists import DOUBLE_OK, EMOTICONS, GENERIC_RECIPIENTS, INFORMAL_WORDS, STOCK_PHRASES
from bot.drafts import Check

#: Word counts outside which the `length` check speaks up: the composer's own (`fit.WORDS`: an email 80–200
#: words, a card shorter, a LinkedIn note very short). Above the top a note stops being "short and focused"
#: (a warning); below the bottom it is pointed out as a tip. A LinkedIn note is measured in characters
#: instead (`linkedin-limit`, LinkedIn's own 300), so only its bottom is used here.
LENGTH_BOUNDS: dict[Channel, tuple[int, int]] = WORDS
_CHANNEL_LABEL: dict[Channel, str] = {"email": "an email", "linkedin": "a LinkedIn message", "card": "a card"}
#: The advice: send within 24 hours.
LATE_AFTER = timedelta(hours=24)

_MASK = "◊"
_TEMPLATE_SYNTAX = r"\{\{[^\n]*?\}\}|\{%[^\n]*?%\}|\{#[^\n]*?#\}|\{\{|\}\}|\{%|%\}|\$\{[^}\n]*\}|\{\w+\}"
_BRACKETED = (
    r"\[[A-Za-z][A-Za-z .'-]{0,30}\]|<\s*(?:your |first |last )?(?:name|company|role|title|date)\s*>"
    r"|(?i:<\s*insert\b[^<>\n]{0,40}>|\(\s*insert\b[^()\n]{0,40}\))|_{3,}"
)
_PLACEHOLDER = LazyPattern(rf"{_TEMPLATE_SYNTAX}|{_BRACKETED}|\b(?:TODO|TBD|FIXME|XXX+|TKTK)\b|(?i:lorem ipsum)")
#: What `_PLACEHOLDER` cannot match without (as typed, and "lorem" in any case). Most notes hold none of them,
#: and looking for them is far cheaper than running the pattern.
_PLACEHOLDER_MARKS = ("{", "}", "[", "<", "(", "___", "TODO", "TBD", "FIXME", "XXX", "TKTK")
#: Not across a hyphen: "on on-call" is two different words. The word is taken whole (`++`, no backtracking:
#: a shorter part of it is followed by a letter, never by the space the pattern needs), which halves the cost.
_DOUBLED = re.compile(r"(?<![\w'’-])([^\W\d_]++)[ \t]+(\1)(?![\w'’-])", re.IGNORECASE)
#: The same on a lower-cased text with no letter or digit beyond ASCII: about twice as fast (see `doubled_words`).
_DOUBLED_LOWER = re.compile(r"(?<![\w'’-])([a-z]++)[ \t]+(\1)(?![\w'’-])")
#: Every byte but an ASCII letter made a space: what is left of a lower-cased text splits into its words.
_ONLY_LETTERS = bytes(byte if 97 <= byte <= 122 else 32 for byte in range(256))
_WORDS = re.compile(r"[^\W\d_]+")
#: Words with their inner hyphens and apostrophes, so "super-resolution" is not read as "super".
_COMPOUNDS = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_ASCII_COMPOUNDS = re.compile(r"[a-zA-Z]+(?:['’-][a-zA-Z]+)*")
_SHOUTING = re.compile(r"!{2,}|\?!|!\?")
_EMOTICON = re.compile(r"(?<![\w:/])(?:" + "|".join(map(re.escape, EMOTICONS)) + r")(?![\w/])")
_STOCK = LazyPattern(r"\b(?:" + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in STOCK_PHRASES) + r")\b", re.I)
#: The words of each stock phrase: a note that lacks a word of every phrase holds none of them.
_STOCK_WORDS = tuple(frozenset(re.findall(r"\w+", phrase)) for phrase in STOCK_PHRASES)
_STOCK_VOCABULARY = frozenset().union(*_STOCK_WORDS)
#: The rarest (longest) word first, so "at the end of the day" is ruled out by "end" before "the" is sought.
_LONGEST_FIRST = {phrase: sorted(phrase, key=lambda word: (-len(word), word)) for phrase in _STOCK_WORDS}
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_THIRD_PERSON = frozenset({"she", "he", "her", "him", "his", "hers", "herself", "himself"})
_EMOJI_RANGES = ((0x1F000, 0x1FAFF), (0x2600, 0x27BF), (0x2B00, 0x2BFF), (0xFE0F, 0xFE0F))


def _may_hold_a_stock_phrase(text: str) -> bool:
    """Whether `_STOCK` could match: every word of some stock phrase is in the text (first as part of any
    word, then as a whole word). Far cheaper than the pattern, and nearly always "no"."""
    if not case_blind_safe(text):
        return True
    lower = text.lower()
    inside = {word for word in _STOCK_VOCABULARY if word in lower}
    for phrase in _STOCK_WORDS:
        if phrase <= inside and all(has_whole_word(word, lower) for word in _LONGEST_FIRST[phrase]):
            return True
    return False


def _placeholder(note: ReadNote) -> Check | None:
    text = note.masked
    lorem = "lorem" in text.lower() or not case_blind_safe(text)
    if not lorem and not any(mark in text for mark in _PLACEHOLDER_MARKS):
        return None
    found = list(dict.fromkeys(m.group(0) for m in _PLACEHOLDER.finditer(note.masked)))
    if not found:
        return None
    return Check(
        code="placeholder",
        level="error",
        message=f"Leftover placeholder or template text: {quote(found)}. Replace or remove it before sending; "
        "it is the first thing a reader would notice.",
    )


def _generic_address(note: ReadNote) -> Check | None:
    greeting = next((line for line in note.body.splitlines() if line.strip()), "")
    candidates = (note.facts.recipient, GREETING_WORD.sub("", greeting).split(",")[0])
    generic = next((c for c in candidates if c.strip(" ,.:;!").lower() in GENERIC_RECIPIENTS), None)
    if generic is None:
        return None
    return Check(
        code="generic-address",
        level="warning",
        message=f"This note is addressed to “{generic.strip(' ,')}” rather than a person. A note to someone by "
        "name lands far better; the calendar invite or the recruiter can tell you who you met.",
    )


def doubled_words(text: str) -> list[str]:
    """Each word written twice in a row ("on on"), as the pair; "that that" and "had had" are fine. A text
    with no letter or digit beyond ASCII (nearly every note; "◊" masks are neither) is first split into its
    words, which shows at once when no word follows itself (the usual case), and else searched lower-cased
    with ASCII letters: the same pairs at the same places, several times quicker than the case-blind pattern
    (tests/compose/test_fast_paths.py holds it to that)."""
    if text.isascii() or not any(ch.isalnum() for ch in _NON_ASCII.findall(text)):
        lower = text.lower()
        if len(lower) == len(text):  # lower-casing moved nothing: the places are the same in both
            words = lower.encode("utf-8", "replace").translate(_ONLY_LETTERS).split()
            if not any(map(operator.eq, words, words[1:])):  # no word next to itself: the usual note
                return []
            pairs = [m.span(1) + m.span(2) for m in _DOUBLED_LOWER.finditer(lower) if m.group(1) not in DOUBLE_OK]
            return [f"{text[a:b]} {text[c:d]}" for a, b, c, d in pairs]
    return [f"{m.group(1)} {m.group(2)}" for m in _DOUBLED.finditer(text) if m.group(1).lower() not in DOUBLE_OK]


def _doubled_word(note: ReadNote) -> Check | None:
    pairs = doubled_words(note.masked)
    if not pairs:
        return None
    return Check(
        code="doubled-word",
        level="warning",
        message=f"Repeated word: {quote(pairs)}. Easy to miss in a hurry; delete one of them.",
    )


class Panel:
    """What proofreading the notes of one panel shares: the answers that go into several of its notes, each
    spell-checked once. The composer keeps one while it composes a panel; nothing outlives that."""

    def __init__(self) -> None:
        self._ignored: dict[tuple[str, ...], frozenset[str]] = {}
        self._doubtful: dict[tuple[tuple[str, ...], str], list[str]] = {}

    def ignored(self, nouns: tuple[str, ...]) -> frozenset[str]:
        if (found := self._ignored.get(nouns)) is None:
            found = self._ignored[nouns] = _ignored(nouns)
        return found

    def misspelled(self, texts: Sequence[str], nouns: tuple[str, ...]) -> list[str]:
        """What `spelling.misspelled(texts, …)` gives: each text's words in order, each word once."""
        found: dict[str, None] = {}
        for text in texts:
            if (words := self._doubtful.get((nouns, text))) is None:
                words = self._doubtful[(nouns, text)] = misspelled([text], ignore=self.ignored(nouns))
            found.update(dict.fromkeys(words))
        return list(found)


def _ignored(nouns: tuple[str, ...]) -> frozenset[str]:
    """The words of the proper nouns, lower case: never reported as spelling slips."""
    return frozenset(word.lower() for noun in nouns for word in _WORDS.findall(noun))


def _spelling(note: ReadNote, panel: Panel | None = None) -> Check | None:
    facts = note.facts
    texts = [note.masked] if facts.whole_note else [text for text in facts.user_texts if text in note.body]
    ignore = panel.ignored(facts.proper_nouns) if panel else _ignored(facts.proper_nouns)
    if panel and not facts.whole_note:
        words = panel.misspelled(texts, facts.proper_nouns)
    else:
        words = misspelled(texts, ignore=ignore) if texts else []
    # an answer's own first word is capitalised as typed ("Pipline rewrite"): read like a sentence's
    openings = [note.masked] if facts.whole_note else texts
    opening = list(dict.fromkeys(slip for text in openings for slip in capitalised_slips(text, ignore=ignore)))
    if not words and not opening:
        return None
    shown = [f"{word} (→ {fix})" for word, fix in opening]
    shown += [f"{word} (→ {fix})" if (fix := suggestion(word)) else word for word in words[: SHOWN - len(shown)]]
    shown += words[max(SHOWN - len(opening), 0) :]  # named only as a count; no need to look for corrections
    words = [*(word for word, _ in opening), *words]
    return Check(
        code="spelling",
        level="warning",
        message=f"Possible spelling slip{'s' if len(words) > 1 else ''}: {quote(shown)}. If it's a name or a "
        "technical term, leave it as it is.",
    )


def _third_person(note: ReadNote) -> Check | None:
    texts = " ".join(text for text in note.facts.about_reader if text in note.body)
    found = [w for w in dict.fromkeys(_WORDS.findall(texts)) if w.lower() in _THIRD_PERSON]
    if not found:
        return None
    return Check(
        code="third-person",
        level="info",
        message=f"This note is written to {note.facts.address}, but {quote(found)} "
        f"{verb(found, 'reads', 'read')} as if it were about them. Consider “you” or “your” there.",
    )


def _is_emoji(ch: str) -> bool:
    return any(low <= ord(ch) <= high for low, high in _EMOJI_RANGES)


def _informal(note: ReadNote) -> Check | None:
    text = note.masked
    others = _NON_ASCII.findall(text)
    # With no letter beyond ASCII, ASCII letters make the same words, and are far quicker to match.
    compounds = (_ASCII_COMPOUNDS if not any(ch.isalpha() for ch in others) else _COMPOUNDS).findall(text.lower())
    words = [] if INFORMAL_WORDS.isdisjoint(compounds) else [w for w in dict.fromkeys(compounds) if w in INFORMAL_WORDS]
    marks = [m.group(0) for m in _SHOUTING.finditer(text)] if "!" in text else []
    if any(emoticon in text for emoticon in EMOTICONS):  # each is a match's text; the pattern adds the edges
        marks += _EMOTICON.findall(text)
    emoji = [ch for ch in dict.fromkeys(others) if _is_emoji(ch)]  # no ASCII character is an emoji
    found = list(dict.fromkeys([*words, *marks, *emoji]))
    if not found:
        return None
    return Check(
        code="informal",
        level="warning",
        message=f"{quote(found)} {verb(found, 'reads', 'read')} as casual for a thank-you note. Plain, "
        "friendly wording keeps it professional; emoji and “!!” are best left out.",
    )


def _stock_phrase(note: ReadNote) -> Check | None:
    # The greeting line is left to `generic-address`, so "To whom it may concern," is reported once.
    after_greeting = note.masked_subject + "\n" + note.masked_body.split("\n", 1)[-1]
    if not _may_hold_a_stock_phrase(after_greeting):
        return None
    found = list(dict.fromkeys(" ".join(m.group(0).lower().split()) for m in _STOCK.finditer(after_greeting)))
    if not found:
        return None
    return Check(
        code="stock-phrase",
        level="warning",
        message=f"{quote(found)} {verb(found, 'is a stock phrase', 'are stock phrases')} readers skim past. "
        "Say the specific thing instead: what you enjoyed, or what you'd like to add.",
    )


def _length(note: ReadNote) -> Check | None:
    words = len(note.body.split())
    low, high = LENGTH_BOUNDS[note.facts.channel]
    label = _CHANNEL_LABEL[note.facts.channel]
    if words > high and note.facts.channel != "linkedin":
        return Check(
            code="length",
            level="warning",
            message=f"This note is {words} words; {label} reads best at {low}–{high}. Busy readers skim, so "
            "shorten the longest answer to one phrase.",
        )
    if words < low:
        return Check(
            code="length",
            level="info",
            message=f"This note is {words} words; {label} usually runs {low}–{high}. One more sentence about "
            "something you discussed would round it out.",
        )
    return None


_TEXT_CHECKS: tuple[Callable[[ReadNote], Check | None], ...] = (
    _placeholder,
    name_missing,
    _generic_address,
    _doubled_word,
    _spelling,
    confusable,
    _third_person,
    _informal,
    _stock_phrase,
    link_missing,
    _length,
)


def mask(text: str, nouns: Sequence[str]) -> str:
    """Whole-word occurrences of the proper nouns replaced by a mark, left to right, the longest noun first
    where several start at one place ("Ana" is masked, "Analytics" is not). This is what one regular
    expression of the nouns, `(?<!\\w)(?:longest|…|shortest)(?!\\w)`, replaces; finding each noun with
    `str.find` spares compiling a new expression for every panel's names."""
    found: dict[int, int] = {}  # where a masked noun starts → its length
    for noun in sorted({n for n in nouns if n.strip()}, key=len, reverse=True):
        start = text.find(noun)
        while start != -1:
            end = start + len(noun)
            before_ok = start == 0 or not is_word_char(text[start - 1])
            if start not in found and before_ok and (end == len(text) or not is_word_char(text[end])):
                found[start] = len(noun)
            start = text.find(noun, start + 1)
    parts, done = [], 0
    for start in sorted(found):
        if start >= done:
            parts += [text[done:start], _MASK]
            done = start + found[start]
    return "".join(parts) + text[done:]


def proofread(subject: str | None, body: str, facts: NoteFacts, panel: Panel | None = None) -> list[Check]:
    """All text checks of one note, in a stable order. `panel` carries work across the notes of one panel."""
    nouns = (*facts.proper_nouns, facts.recipient, facts.address)
    note = ReadNote(body, mask(subject or "", nouns), mask(body, nouns), facts)
    found = [_spelling(note, panel) if run is _spelling else run(note) for run in _TEXT_CHECKS]
    return [check for check in found if check is not None]


def no_specific_detail(name: str) -> Check:
    return Check(
        code="no-specific-detail",
        level="warning",
        message=f"Nothing in this note is specific to {name} yet. Add one thing you talked about together, such "
        "as a question they asked or a project they mentioned, so it reads as written for them.",
    )


def late(interview_at: datetime, now: datetime) -> Check | None:
    """More than 24 hours since the interview: say so, and encourage sending today."""
    elapsed = now - interview_at
    if elapsed <= LATE_AFTER:
        return None
    days = elapsed.days
    ago = f"{days} days" if days >= 2 else "more than a day"
    return Check(
        code="timing",
        level="warning",
        message=f"Your conversation was {ago} ago, so send this note today. A thank-you that arrives a little "
        "late is still far better than none.",
    )


def similar_to(other_names: Sequence[str]) -> Check:
    others = " and ".join(other_names) if len(other_names) <= 2 else f"{len(other_names)} others on the panel"
    return Check(
        code="similar-to-other-draft",
        level="warning",
        message=f"This note reads almost the same as the one to {others}. Panel members often compare "
        "notes, so add something you discussed with this person alone.",
    )
