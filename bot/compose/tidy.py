"""Tidy what a member typed before it goes into a sentence: the surface only, never the meaning.

Emoji and emoticons go, chat fillers ("so basically", "lol", "idk", "kinda") go, an answer typed in ALL
CAPS is lowered (known acronyms stay), chat spellings a reader would stumble on are written out ("alot",
"gonna", a lone "i"), and a word typed twice in a row ("the the") is typed once.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from bot.compose import slips
from bot.compose.lazy_re import LazyPattern
from bot.compose.proper_words import ACRONYMS as ACRONYMS_TYPED
from bot.compose.proper_words import PLACES, PRODUCTS
from bot.compose.world_words import UNIVERSITIES

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
    r"(?i)(?<![\w'’-])(?:lol+|lmao|rofl|haha(?:ha)*|hehe|idk|tbh|imo|imho|ngl|fwiw|uh+|um+|umm+|(?-i:er+m?)|hmm+|"
    r"kinda|sorta|ugh+|smh|fml|oof|welp|meh|yikes|"
    r"like,|you know,?|i mean,?|i guess,?|i think,|basically,?|literally,?|honestly,?|actually,?|pretty much|"
    r"and stuff|and things|and all that|or something|or whatever|etc\.?)(?![\w'’-])"
)
#: "figma vs sketch lol he hates figma": a chat laugh between two sentences ends the first one.
_LAUGH_BREAK = re.compile(r"(?i)\s+(?:lol+|lmao|haha(?:ha)*|hehe)[\s,.!]+(?=(?:i|we|she|he|they|you)(?:['’][a-z]+)?\s)")
#: "she prayed with me which was sweet", "…, so cool": the member's own aside on what they just wrote.
_ASIDE_TAIL = re.compile(
    r"(?i)(?:,?\s+which (?:was|is)|[,.;!?]+\s*(?:so|very|really|super)|[,.;!?]+\s*(?:how|that's|thats) (?:so )?)"
    r"\s*(?:so |very |really |super |pretty |kind of )?(?:sweet|nice|cool|great|fun|funny|awesome|lovely|kind|"
    r"amazing|neat|wild|cute|crazy|interesting)[.!?]*$"
)
#: Pronouns typed as a label ("they/them, super creative"): the note addresses the person as "you" anyway.
_PRONOUN_LABEL = re.compile(
    r"(?i)(?<![\w/])(?:she|he|they|ze|xe)/(?:her|him|them|they|she|he|hir|xem)(?:/\w+)?\b[,;:]?"
)
_MONTH = re.compile(
    r"(?i)\b(january|february|april|june|july|august|september|october|november|december)\b|"
    r"\b(?:in|by|since|until|till|from|early|late|mid|this|next|last|before|after) (march|may)\b|"
    # "early jan", "mid-feb", "end of sept": a short month after a word of time ("jan" alone may be a name)
    r"\b(?:in|since|until|till|early|late|mid|this|next|last|end of|start of|beginning of)[ -]"
    r"(jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b\.?(?![\w'’-])|"
    r"\b(?:by|from|before|after) (feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b\.?(?![\w'’-])|"
    # "jan 15", "15 feb", "3rd of nov": a short month next to a day
    r"\b(jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?(?= \d{1,2}(?:st|nd|rd|th)?\b)|"
    r"(?:(?<=\d )|(?<=\dst )|(?<=\dnd )|(?<=\drd )|(?<=\dth )|"
    r"(?<=\d of )|(?<=\dst of )|(?<=\dnd of )|(?<=\drd of )|(?<=\dth of ))"
    r"(jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b\.?(?![\w'’-])"
)
_MONTHS_SHORT = {"jan": "January", "feb": "February", "mar": "March", "apr": "April", "jun": "June", "jul": "July",
                 "aug": "August", "sep": "September", "sept": "September", "oct": "October", "nov": "November",
                 "dec": "December"}  # fmt: skip
#: Words that only start an answer ("so we talked", "ok so", "well,").
_LEADING = re.compile(
    r"(?i)^(?:(?:so|ok|okay|oh|well|yeah|yes|hmm|um|uh|and/or|and|also|like|basically|anyway|anyways|i think|"
    r"i guess|maybe|mostly|mainly|probably|definitely|just)(?![\w'’/-])[\s,:;.!-]*)+"
)
_TRAILING_WORDS = re.compile(
    r"(?i)(?:[\s,;:-]+(?:lol|haha|i guess|i think|i believe|maybe|too|though|etc|and so on|apparently|as well|"
    r"afterwards|after that|after|or so))+\s*$"
)
#: "I think" / "I guess" opening a clause inside an answer ("i think i rambled", "which i think went ok").
_HEDGE = re.compile(
    r"(?i)(^|[,;]\s*|\b(?:and|but|so|which|that|because)\s+)i (?:think|guess|feel like)(?: that)?\s+(?=\w)"
)
_RN_NURSE = (
    r"(?:(?<=\ban )|(?<=\bas )|(?<=\bthe )|(?<=\bicu )|(?<=\ber )|(?<=\bmy )|(?<=\blicensed )|(?<=\bregistered )|"
    r"(?<=\bcharge )|(?<=\btravel )|(?<=\bstaff )|(?<=\bnew grad ))rn\b|"
    r"\brn(?=\s+(?:nurse|license|licence|licensure|degree|program|programme|school|role|position|job|shifts?)\b)"
)
#: "a masters in", "my bachelors degree": the degree, written with its apostrophe ("masters of their craft" stays).
_DEGREE_POSSESSIVE = (
    r"(?:(?<=\ba )|(?<=\bmy ))(master|bachelor)s\b(?!['’])|"
    r"\b(master|bachelor)s(?= (?:in|degree|degrees|program|programme|student|thesis|project|course)\b)"
)


def _initials(match: re.Match[str]) -> str:
    return f"U of {match.group(1).upper()}"


#: Short days: "tues", "thurs" and "weds" are no other word; "mon" and "fri" only after a word of time.
_DAY = re.compile(
    r"(?i)\b(tues?|thurs?|weds)\b\.?(?![\w'’-])|"
    r"(?:(?<=\bnext )|(?<=\bthis )|(?<=\bby )|(?<=\bon )|(?<=\buntil )|(?<=\blast ))(mon|fri)\b\.?(?![\w'’-])"
)
_DAYS_SHORT = {"tue": "Tuesday", "tues": "Tuesday", "thur": "Thursday", "thurs": "Thursday", "weds": "Wednesday",
               "mon": "Monday", "fri": "Friday"}  # fmt: skip


def _day(match: re.Match[str]) -> str:
    return _DAYS_SHORT[(match.group(1) or match.group(2)).lower()]


_SPELLED_OUT = (
    (re.compile(r"(?i)\balot\b"), "a lot"),
    (re.compile(r"(?i)\bgonna\b"), "going to"),
    (re.compile(r"(?i)\bwanna\b"), "want to"),
    (re.compile(r"(?i)\bgotta\b"), "have to"),
    (re.compile(r"(?i)\bthru\b"), "through"),
    (re.compile(r"(?i)\bw/o\b"), "without"),
    (re.compile(r"(?i)\bw/(?=\s|\w)"), "with "),
    (re.compile(r"(?i)\bb/c\b|(?<!\bin )(?<!\bto )(?<!\bfrom )(?<!\bof )\b(?:bc|cuz|coz)\b"), "because"),
    (re.compile(r"(?i)\babt\b"), "about"),
    (re.compile(r"(?i)\besp\.?(?=\s+[a-z])"), "especially"),
    (re.compile(r"(?<!\bi )(?<!\bto )(?<!\bwe )(?<!\byou )(?<!\bthey )\bexcel\b(?!\s+(?:at|in)\b)"), "Excel"),
    (
        re.compile(r"(?i)(?<=\ba )take home\b|\btake home(?= (?:assignment|test|exercise|project|challenge|task)\b)"),
        "take-home",
    ),
    (re.compile(r"(?<=\d) ?mins?\b"), " minutes"),
    (re.compile(r"(?i)\bppl\b"), "people"),
    (re.compile(r"(?i)\byrs\b"), "years"),
    (re.compile(_DEGREE_POSSESSIVE), r"\1\2's"),
    (re.compile(r"(?i)(?<=\bcomptia )a\+"), "A+"),  # the certificate, not a grade
    # "busy rn" is "right now"; "an rn", "rn license", "RN" are the nurse ("RNs" too)
    (re.compile(r"\brns\b"), "RNs"),
    (re.compile(_RN_NURSE), "RN"),
    (re.compile(r"\brn\b"), "right now"),
    (re.compile(r"(?i)\bwat\b"), "what"),
    (re.compile(r"\bu of ([a-z])\b"), _initials),  # "u of t": the University of Toronto, not "you of t"
    (re.compile(r"(?i)\bu\b(?!\.)(?! of (?-i:[A-Z])\b)"), "you"),
    (re.compile(r"(?i)\btmrw\b"), "tomorrow"),
    (re.compile(r"(?i)\byr\b"), "year"),
    (re.compile(r"(?i)\bmos\b"), "months"),
    (re.compile(r"\bi(?=(?:'|’)(?:m|ve|d|ll)\b|\b)"), "I"),
    (re.compile(r"\bim\b(?=\s+[a-z])"), "I'm"),
    (re.compile(r"(?<=\s)[&+](?=\s)"), "and"),
    (re.compile(r"(?i)\b(roughly|about|around|approx\.?|approximately)\s+~\s?(?=[$€£]?\d)"), r"\1 "),
    (re.compile(r"(?<![\w~])~\s?(?=[$€£]?\d)"), "around "),  # "~20 people"; "about" would read as a topic
    (re.compile(r"(?<=\s)@(?=\s|\d)"), "at "),  # "@ the offsite", "@7am"; "@sam" and emails stay
    (re.compile(r"(?i)\b(she|he|they|you|what|that|there)(re|s)\b"), None),
    (re.compile(r"(?i)\bive\b"), "I've"),
    # "if id help with the club": "id" before a verb is "I'd" ("ID" in capitals stays a badge or a number)
    (
        re.compile(
            r"\bid\b(?=\s+(?:love|like|be|have|help|need|want|rather|say|go|do|get|bring|start|enjoy|prefer|"
            r"really|also|never|still|definitely|probably|happily|gladly)\b)"
        ),
        "I'd",
    ),
    (re.compile(r"(?i)\b(non) (?=[a-z]{3,})"), r"\1-"),
    (re.compile(r"(?i)\b(do|does|did|is|was|are|were|have|has|had|would|could|should|ca|wo)nt\b"), None),
)
#: Typed without the apostrophe: "shes" → "she's", "theyre" → "they're", "didnt" → "didn't", "wont" → "won't".
_APOSTROPHE = {"shes": "she's", "hes": "he's", "theyre": "they're", "youre": "you're", "whats": "what's",
               "thats": "that's", "theres": "there's"}  # fmt: skip
_DOUBLED = re.compile(r"(?<![\w'’-])([^\W\d_]+)(?:\s+\1)+(?![\w'’-])", re.IGNORECASE)
_DOUBLE_OK = frozenset({"that", "had"})
_SPACES = re.compile(r"[ \t\u00a0]+")
_SPACE_BEFORE = re.compile(r"\s+([,.;:!?])")
_PUNCT_RUN = re.compile(r"([,;:])(?:\s*[,;:])+|([!?])[!?]+|\.{4,}|(?<!\.)\.\.(?!\.)")
#: What `_PUNCT_RUN` leaves: a run mixing pauses and stops ("?:", ",!").
_MIXED_RUN = re.compile(r"[,;:!?](?:\s*[,;:!?])+")
_WORD = re.compile(r"[^\W\d_]+")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
#: An arrow pasted from notes: "batch -> streaming" reads "batch to streaming", a chain of steps ("storyboards →
#: review → build") "storyboards, then review, then build"; an arrow at either end goes.
_ARROW = re.compile(r"\s*(?:-+>|=+>|[→⇒⟶➔➜]|➡\ufe0f?)\s*")


_CLAUSE = re.compile(r"[^,;.!?]+")


def _arrows_in_clause(match: re.Match[str]) -> str:
    clause = match.group(0)
    inside = {m.start() for m in _ARROW.finditer(clause) if m.start() > 0 and m.end() < len(clause.rstrip())}
    joined = " to " if len(inside) == 1 else ", then "
    return _ARROW.sub(lambda m: joined if m.start() in inside else " ", clause)


def _arrows(text: str) -> str:
    if ">" not in text and text.isascii():
        return text
    return _CLAUSE.sub(_arrows_in_clause, text)


#: Punctuation an answer cannot start with ("!0", "… the roadmap", "?? kafka"); anything else stays as typed.
_LEADING_MARKS = re.compile(r"^[.,;:!?…]+")


def _month(match: re.Match[str]) -> str:
    """ "in march" → "in March", "early jan" → "early January"; "march" and "may" alone are verbs as often as
    months, and "jan" a name, so those only after a word of time or next to a day."""
    found = match.group(0)
    if match.group(1):
        return found.capitalize()
    short = next(group for group in match.groups()[1:] if group)
    start = match.start(match.lastindex or 0) - match.start()
    return found[:start] + _MONTHS_SHORT.get(short.lower(), short.capitalize())


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


def spell_out(text: str) -> str:
    """ "alot" → "a lot", "gonna" → "going to", a lone "i" → "I", "shes" → "she's" (cached per answer by `tidy`)."""
    text = _LIKE_NUMBER.sub(_about_number, text)
    for pattern, replacement in _SPELLED_OUT:
        text = pattern.sub(_apostrophe if replacement is None else replacement, text)
    return text


#: "had like 20 plants" → "had roughly 20 plants" ("about" would read as a topic: "benched about 300");
#: "I like 3 things" keeps its verb.
_LIKE_NUMBER = re.compile(r"(?i)(?:^|(?<=\s))(?:([\w'’]+)\s+)?like\s+(?=(?:\$|~)?\d)")
_LIKE_IS_A_VERB = frozenset({"i", "we", "you", "they", "she", "he", "would", "i'd", "we'd", "really", "also", "don't",
                             "do", "didn't", "did", "to", "might", "may", "still", "all", "who", "people"})  # fmt: skip


def _about_number(match: re.Match[str]) -> str:
    before = match.group(1) or ""
    if before.lower().replace("’", "'") in _LIKE_IS_A_VERB:
        return match.group(0)
    return f"{before} roughly " if before else "roughly "


def _apostrophe(match: re.Match[str]) -> str:
    word = match.group(0)
    if word.lower().endswith("nt"):
        return word[:-2] + "n't"
    written = _APOSTROPHE.get(word.lower())
    if written is None:  # "there", "what", "thes": not a contraction typed without its apostrophe
        return word
    return written if word.islower() else written[0].upper() + written[1:]


_KNOWN = {word: word.upper() for word in ACRONYMS_TYPED} | PRODUCTS
_KNOWN |= {place: " ".join(part[:1].upper() + part[1:] for part in place.split(" ")) for place in PLACES}
_EDGE_BEFORE, _EDGE_AFTER = r"(?<![\w./@:'’-])", r"(?![\w/@-]|\.\w)"
#: One lower-case word, with its dotted parts ("node.js"; "github.com" is one word, never changed).
_LOWER_WORD = re.compile(_EDGE_BEFORE + r"[a-z][a-z0-9]*(?:\.[a-z0-9]+)*" + _EDGE_AFTER)
_MULTI = sorted((name for name in _KNOWN if " " in name), key=len, reverse=True)
_MULTI_WORDS = LazyPattern(_EDGE_BEFORE + "(?:" + "|".join(map(re.escape, _MULTI)) + ")" + _EDGE_AFTER)
_MULTI_FIRST = frozenset(name.split(" ")[0] for name in _MULTI)


#: Short place names that are common words or chat elsewhere ("bc" is "because", "la" a note, "us" a pronoun).
_PLACE_CODES = {"bc": "BC", "la": "LA", "dc": "DC", "us": "US"}
#: … so they are written as places only after a word that leads to a place ("moving to bc", "the us").
_TO_A_PLACE = re.compile(r"(?i)\b(?:to|in|from|near|around|across|outside|based in)\s+$")
_THE = re.compile(r"(?i)\b(?:the|to the|in the)\s+$")


def _capital(match: re.Match[str]) -> str:
    """A known name as it is written; "pm" after a number is the time of day and stays."""
    word = match.group(0)
    if word == "pm" and match.string[: match.start()].rstrip()[-1:].isdigit():
        return word
    if word in _PLACE_CODES:
        before = match.string[max(0, match.start() - 12) : match.start()]
        leads = _THE.search(before) if word == "us" else _TO_A_PLACE.search(before)
        return _PLACE_CODES[word] if leads else word
    return _KNOWN.get(word, word)


#: "the university of Ghana", "ohio state university": a university named for a place or a name (written with
#: a capital by now) is a name itself ("a university of 20,000 students" stays).
_INSTITUTION = re.compile(r"\b(?:state )?(?:university|college|institute|polytechnic)(?= of (?:the )?[A-Z])")
_STATE_SCHOOL = re.compile(
    r"\b(?:[A-Z][a-z]+ state|" + "|".join(map(re.escape, UNIVERSITIES.values())) + r") (?:university|college)\b"
)


def _title(match: re.Match[str]) -> str:
    return " ".join(part[:1].upper() + part[1:] for part in match.group(0).split(" "))


#: Words joined by slashes ("english/spanish", "python/sql"), never part of a path or a web address.
_SLASHED = re.compile(r"(?<![\w./@:'’~-])[a-z]+(?:/[a-z]+)+(?![\w/@:-]|\.\w)")


def _slashed(match: re.Match[str]) -> str:
    return "/".join(_KNOWN.get(part, part) for part in match.group(0).split("/"))


#: Words joined by hyphens ("spanish-speaking", "nigerian-british", "sf-based"); each known part is written as
#: it is spelled, the rest as typed.
_HYPHENED = re.compile(r"(?<![\w./@:'’~-])[a-z]+(?:-[a-z]+)+(?![\w/@:-]|\.\w)")


def _hyphened(match: re.Match[str]) -> str:
    return "-".join(_KNOWN.get(part, part) for part in match.group(0).split("-"))


def capitals(text: str) -> str:
    """ "sql question on toronto's kafka setup" → "SQL question on Toronto's Kafka setup" (see proper_words.py).
    Names of several words ("new york") are looked for only when their first word is there."""
    if not _MULTI_FIRST.isdisjoint(text.split()):
        text = _MULTI_WORDS.sub(_capital, text)
    if "/" in text:
        text = _SLASHED.sub(_slashed, text)
    if "-" in text:
        text = _HYPHENED.sub(_hyphened, text)
    text = _LOWER_WORD.sub(_capital, text)
    if "university" in text or "college" in text or "institute" in text or "polytechnic" in text:
        text = _STATE_SCHOOL.sub(_title, _INSTITUTION.sub(_title, text))
    return text


@lru_cache(maxsize=512)
def tidy(text: str) -> str:
    """The surface clean-up every free answer gets; the result may be empty ("idk", "lol", "🙂"). Cached: a
    draft reads each answer more than once (is it an answer at all, then its shape). Clear slips ("there
    team", "recieve") are put right last; the composer names each in a check (slips.py)."""
    surfaced = surface(text)
    corrected = slips.correct(surfaced)
    return corrected if corrected == surfaced else _LEADING.sub("", corrected)  # "Definately SQL" → "SQL"


@lru_cache(maxsize=512)
def surface(text: str) -> str:
    """`tidy` but for the slips: what `slips.changes` is asked about."""
    text = unicodedata.normalize("NFC", text).replace("’", "'").replace("‘", "'")
    text = strip_emoji(_arrows(text.replace("\n", " ").replace("\r", " ")))
    text = _ASIDE_TAIL.sub("", _LAUGH_BREAK.sub(". ", _PRONOUN_LABEL.sub(" ", unshout(text))))
    text = _DAY.sub(_day, _MONTH.sub(_month, text))
    for _ in range(3):  # fillers can hide each other ("so like, basically")
        before = text
        text = _FILLERS.sub(" ", text)
        text = _LEADING.sub("", _SPACES.sub(" ", text).strip())
        text = _TRAILING_WORDS.sub("", text)
        if text == before:
            break
    text = _HEDGE.sub(lambda m: m.group(1), text)
    text = capitals(undouble(_SPACES.sub(" ", spell_out(text))))
    text = _LEADING_MARKS.sub("", _punctuation(text))
    return text.strip(" ,;:-–—")
