"""Tidy what a member typed before it goes into a sentence: the surface only, never the meaning.

Emoji and emoticons go, chat fillers ("so basically", "lol", "idk", "kinda") go, an answer typed in ALL
CAPS is lowered (known acronyms stay), chat spellings a reader would stumble on are written out ("alot",
"gonna", a lone "i"), and a word typed twice in a row ("the the") is typed once.
"""

from __future__ import annotations

import re
import unicodedata

from bot.compose.scan import case_blind_safe

#: Kept in capitals when an ALL CAPS answer is lowered.
ACRONYMS = frozenset(
    {
        "AI", "API", "APIS", "AWS", "GCP", "SQL", "ML", "UI", "UX", "CI", "CD", "HR", "ETL", "SRE", "QA", "PM",
        "PMS", "CEO", "CTO", "CFO", "COO", "VP", "SLA", "SLO", "SLOS", "SLAS", "K8S", "IOS", "OKR", "OKRS", "KPI",
        "KPIS", "B2B", "B2C", "SAAS", "GDPR", "SOC", "IT", "US", "UK", "EU", "NYC", "SF", "LA", "R&D", "DEI",
        "CRM", "ERP", "SEO", "PR", "GPU", "GPUS", "CPU", "LLM", "LLMS", "NLP", "JSON", "HTTP", "REST", "CSS",
        "HTML", "PHP", "DBT", "P99", "P95", "P50", "MVP", "ROI", "SDK", "DNS", "VPN", "TCP", "RFC", "RFCS",
    }
)  # fmt: skip
_EMOJI_RANGES = ((0x1F000, 0x1FAFF), (0x2600, 0x27BF), (0x2B00, 0x2BFF), (0xFE00, 0xFE0F), (0x200D, 0x200D))
_SHORTCODE = re.compile(r"(?<!\w):[a-z0-9_+-]{2,30}:(?!\w)")
_EMOTICON = re.compile(r"(?<![\w:/])(?::-?[)(DPp/]|;-?\)|<3|xD|XD|\^_?\^)(?![\w/])")
#: Fillers anywhere; each is removed as a whole word.
_FILLERS = re.compile(
    r"(?i)(?<![\w'’-])(?:lol+|lmao|rofl|haha(?:ha)*|hehe|idk|tbh|imo|imho|ngl|uh+|um+|umm+|er+m?|hmm+|kinda|sorta|"
    r"like,|you know,?|i mean,?|i guess,?|i think,|basically,?|literally,?|honestly,?|pretty much|"
    r"and stuff|and things|and all that|or something|or whatever|etc\.?)(?![\w'’-])"
)
#: Words that only start an answer ("so we talked", "ok so", "well,").
_LEADING = re.compile(
    r"(?i)^(?:(?:so|ok|okay|oh|well|yeah|yes|hmm|um|uh|and|also|like|basically|anyway|anyways|i think|"
    r"i guess|maybe|mostly|mainly|probably|definitely|just)(?![\w'’-])[\s,:;.!-]*)+"
)
_TRAILING_WORDS = re.compile(r"(?i)(?:[\s,;:-]+(?:lol|haha|i guess|i think|maybe|too|though|etc|and so on))+\s*$")
#: Chat spellings written out: (pattern, replacement, what the text must hold, in lower case, to match).
_SPELLED_OUT = (
    (re.compile(r"(?i)\balot\b"), "a lot", ("alot",)),
    (re.compile(r"(?i)\bgonna\b"), "going to", ("gonna",)),
    (re.compile(r"(?i)\bwanna\b"), "want to", ("wanna",)),
    (re.compile(r"(?i)\bgotta\b"), "have to", ("gotta",)),
    (re.compile(r"(?i)\bthru\b"), "through", ("thru",)),
    (re.compile(r"(?i)\bw/o\b"), "without", ("w/o",)),
    (re.compile(r"(?i)\bw/(?=\s|\w)"), "with ", ("w/",)),
    (re.compile(r"(?i)\b(?:b/c|bc|cuz|coz)\b"), "because", ("b/c", "bc", "cuz", "coz")),
    (re.compile(r"(?i)\babt\b"), "about", ("abt",)),
    (re.compile(r"(?i)\bppl\b"), "people", ("ppl",)),
    (re.compile(r"(?i)\byrs\b"), "years", ("yrs",)),
    (re.compile(r"(?i)\brn\b"), "right now", ("rn",)),
    (re.compile(r"(?i)\bwat\b"), "what", ("wat",)),
    (re.compile(r"(?i)\bu\b(?!\.)"), "you", ("u",)),
    (re.compile(r"(?i)\btmrw\b"), "tomorrow", ("tmrw",)),
    (re.compile(r"(?i)\byr\b"), "year", ("yr",)),
    (re.compile(r"(?i)\bmos\b"), "months", ("mos",)),
    (re.compile(r"\bi(?=(?:'|’)(?:m|ve|d|ll)\b|\b)"), "I", ("i",)),
    (re.compile(r"(?i)\bim\b(?=\s+(?:a|an|the|really|very|so|good|great|going|not|still|excited)\b)"), "I'm", ("im",)),
    (re.compile(r"(?<=\s)&(?=\s)"), "and", ("&",)),
)
#: A word typed twice or more; taken whole (`++`: a shorter part is followed by a letter, never by a space).
_DOUBLED = re.compile(r"(?<![\w'’-])([^\W\d_]++)(?:\s+\1)+(?![\w'’-])", re.IGNORECASE)
_DOUBLE_OK = frozenset({"that", "had"})
_SPACES = re.compile(r"[ \t\u00a0]+")
_SPACE_BEFORE = re.compile(r"\s+([,.;:!?])")
_PUNCT_RUN = re.compile(r"([,;:])(?:\s*[,;:])+|([!?])[!?]+|\.{4,}|(?<!\.)\.\.(?!\.)")
#: What `_PUNCT_RUN` leaves: a run mixing pauses and stops ("?:", ",!").
_MIXED_RUN = re.compile(r"[,;:!?](?:\s*[,;:!?])+")
_WORD = re.compile(r"[^\W\d_]+")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
#: Punctuation an answer cannot start with ("!0", "… the roadmap", "?? kafka"); anything else stays as typed.
_LEADING_MARKS = re.compile(r"^[.,;:!?…]+")


def _is_emoji(ch: str) -> bool:
    code = ord(ch)
    return any(low <= code <= high for low, high in _EMOJI_RANGES) or unicodedata.category(ch) == "So"


def strip_emoji(text: str) -> str:
    """Emoji, shortcodes (":tada:") and emoticons out. No ASCII character is an emoji, so only the others are
    looked at one by one."""
    text = _NON_ASCII.sub(lambda m: "" if _is_emoji(m.group(0)) else m.group(0), text)
    return _EMOTICON.sub(" ", _SHORTCODE.sub(" ", text))


def is_shouting(text: str) -> bool:
    """Mostly capitals over at least two words ("WE TALKED ABOUT KAFKA"); an acronym alone is not shouting."""
    words = [w for w in _WORD.findall(text) if len(w) > 1]
    letters = [ch for w in words for ch in w]
    if len(words) < 2 or not letters:
        return False
    upper = sum(ch.isupper() for ch in letters)
    return upper / len(letters) > 0.7 and any(w.upper() not in ACRONYMS for w in words)


def _lower_word(match: re.Match[str]) -> str:
    word = match.group(0)
    return word if word.upper() in ACRONYMS and len(word) <= 5 else word.lower()


def unshout(text: str) -> str:
    """Lower an ALL CAPS answer, keeping acronyms ("KAFKA AND SQL" → "kafka and SQL")."""
    return re.sub(r"[^\W_]+(?:&[^\W_]+)?", _lower_word, text) if is_shouting(text) else text


def undouble(text: str) -> str:
    """ "the the team" → "the team"; "that that" and "had had" are English; "on on-call" is two words."""

    def once(match: re.Match[str]) -> str:
        word = match.group(1)
        return match.group(0) if word.lower() in _DOUBLE_OK else word

    return _DOUBLED.sub(once, text)


def _punctuation(text: str) -> str:
    def one(match: re.Match[str]) -> str:
        found = match.group(0)
        return (match.group(1) or match.group(2) or ".") if not found.startswith("...") else "…"

    def strongest(match: re.Match[str]) -> str:
        """ "?:", ",!" → "?", "!": a question or an exclamation says more than a pause."""
        run = match.group(0)
        return next((mark for mark in run if mark in "!?"), run[0])

    return _MIXED_RUN.sub(strongest, _PUNCT_RUN.sub(one, _SPACE_BEFORE.sub(r"\1", text)))


def spell_out(text: str, *, every_pattern: bool = False) -> str:
    """ "alot" → "a lot", "gonna" → "going to", a lone "i" → "I". A pattern is run only where the text holds
    what it needs (`every_pattern` runs them all, for the tests to compare): most answers hold none."""
    lower, blind = text.lower(), case_blind_safe(text) and not every_pattern
    for pattern, replacement, needles in _SPELLED_OUT:
        if blind and not any(needle in lower for needle in needles):
            continue
        if (changed := pattern.sub(replacement, text)) != text:
            text, lower, blind = changed, changed.lower(), case_blind_safe(changed) and not every_pattern
    return text


def tidy(text: str) -> str:
    """The surface clean-up every free answer gets; the result may be empty ("idk", "lol", "🙂")."""
    text = unicodedata.normalize("NFC", text).replace("’", "'").replace("‘", "'")
    text = strip_emoji(text.replace("\n", " ").replace("\r", " "))
    text = unshout(text)
    for _ in range(3):  # fillers can hide each other ("so like, basically")
        before = text
        text = _FILLERS.sub(" ", text)
        text = _LEADING.sub("", _SPACES.sub(" ", text).strip())
        text = _TRAILING_WORDS.sub("", text)
        if text == before:
            break
    text = spell_out(text)
    text = undouble(_SPACES.sub(" ", text))
    text = _LEADING_MARKS.sub("", _punctuation(text))
    return text.strip(" ,;:-–—")
