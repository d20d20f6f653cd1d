"""The member's own answers: their strengths ("I have 3 yrs as a barista and I'm reliable", "Tableau, SQL, and
i'm detail oriented", "strong writer") and the point they wanted to add, without what only frames it ("I just
forgot to say it", "idk if this matters but", "I was so nervous,"), fitted to end a sentence after a colon.
What they promised to send is read in bot/compose/promised.py."""

from __future__ import annotations

import dataclasses
import re

from bot.compose import grammar, inflect, joins, phrases, strength_parts
from bot.compose.leadins import THAT
from bot.compose.reading import GERUND, TRAILING, VAGUE, Reading, aux_early, lower_first

_STRENGTH_LEAD = re.compile(
    r"^(?:I'm (?:really |very |pretty )?(?:good|strong|great|experienced) (?:at|with|in)|I'm an? expert (?:at|in)|"
    r"I\s+(?:think\s+)?(?:have|'ve got|have got|bring|can bring|could bring|would bring|will bring|offer|"
    r"can offer|am (?:really |very )?(?:good|strong|great) (?:at|with|in)|'m (?:really |very )?(?:good|strong|great)"
    r" (?:at|with|in))|I've(?: got)?|my (?:main |biggest |key |best )?strengths? (?:is|are|would be)|"
    r"probably|mainly)\s+",
    re.IGNORECASE,
)
_ADD_LEAD = re.compile(
    r"^(?:I\s+(?:wanted|meant|forgot|didn't get|did not get|should have|should've|never got)\s+(?:to\s+)?"
    r"(?:add|mention|say|tell (?:them|her|him)|explain|bring up|mentioned|said)(?:\s+that)?|"
    r"(?:forgot|wanted) to (?:mention|say|add)(?:\s+that)?|"
    r"I\s+(?:didn't|did not|never)\s+(?:get to\s+)?(?:mention|say|tell (?:them|her|him)|bring up)(?:\s+that)?|"
    r"I(?:\s+(?:really\s+)?(?:want|wanted|would like)|['’]d\s+(?:really\s+)?like)\s+"
    r"(?:them|you|him|her|the (?:team|panel)|everyone)\s+to\s+know(?:\s+that)?)\s+",
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
#: "not sure if this matters but", "idk if it's relevant,", "random but": a hedge before the point itself.
_HEDGE_LEAD = re.compile(
    r"^(?:(?:i\s+(?:do not|don't)\s+know|dunno|not sure|unsure|no idea|i(?:'m| am) not sure)\s*)?(?:if|whether)?\s*"
    r"(?:this|it|that)?\s*(?:(?:is|'s|would be|might be|may be|might|may|could)\s+)?(?:even\s+|really\s+|actually\s+|"
    r"at all\s+|probably\s+|maybe\s+|not\s+)*(?:matters?|relevant|irrelevant|important|useful|worth (?:mentioning|"
    r"saying|it)|helps?|counts?|(?:a\s+)?(?:random|silly|small|minor|side)(?:\s+(?:thing|point|note))?|(?:does|"
    r"did|will|would|might|may)(?:\s+not|n't)\s+(?:matter|help|count))(?:\s+(?:at all|or not|here|much))?"
    r"(?:,?\s+but|\s*[,:–—-])\s+(?=\S)",
    re.IGNORECASE,
)
#: A slip in the interview itself ("I blanked", "I was so nervous"); never "I failed fast" or "I struggled with
#: dyslexia and still graduated", which are points of their own.
_SLIP = (
    r"^(?:sorry,?\s+)?I\s+(?:(?:totally|completely|kind of|kinda|really|so|just)\s+)*(?:(?:was|got|felt)\s+(?:so\s+|"
    r"really\s+|very\s+|a bit\s+|kind of\s+)?(?:nervous|anxious|flustered|awkward|rushed)|messed up|screwed up|"
    r"blanked|rambled|froze|bombed|panicked|stumbled|fumbled|choked|flubbed|botched)\b"
)
_REGRET_HEAD = re.compile(
    _SLIP + r"[^,;.]*?(?:[,;.]\s+|\s+but\s+|\s+so\s+)(?:but\s+|so\s+|and\s+)?(?=\S)", re.IGNORECASE
)
#: "I messed up the SQL question", "sorry I rambled": a slip, and nothing after it to add.
_ONLY_A_SLIP = re.compile(_SLIP, re.IGNORECASE)
#: "I have a portfolio but it's not updated": the member undercutting what they offer, not a limit on a claim.
_UNDERCUT_TAIL = re.compile(
    r",?\s+but\s+(?:it|its|it's|it is|they|they're|they are)\s+(?:\w+\s+){0,2}?(?:not|n't|never|old|outdated|"
    r"messy|rough|unfinished|a mess)\b.*$",
    re.IGNORECASE,
)
#: "should I mention I was laid off?", "is it ok to say …": the member asking the bot, not a point to make.
_ASKS_ME = re.compile(
    r"^(?:should|can|could|do|would|shall)\s+i\s+(?:mention|say|add|bring up|tell|include|put)\b|"
    r"^(?:is it|would it be)\s+(?:ok|okay|fine|bad|weird|good)\s+(?:to|if)\b",
    re.IGNORECASE,
)
#: "I'd love to talk more about the data team": a wish, said as one ("I would also welcome the chance to …").
_WISH = re.compile(
    r"^I(?:['’]d| would)\s+(?:really\s+|also\s+|still\s+)*(?:love|like|welcome the chance|be (?:glad|happy) to have the"
    r" chance)\s+to\s+(?=\w)",
    re.IGNORECASE,
)
#: A colon or a spaced dash inside the point: "my availability - I can start in January".
_INNER_COLON = re.compile(r"\s*:\s+|\s+[–—-]\s+")
#: "my renewal numbers, I raised …": a noun phrase as a label before a comma and the member's own clause.
_COMMA_LABEL = re.compile(r"^((?:\S+\s+){0,2}\S+),\s+(?=I(?:['’]\w+)?\s)")
#: A label before that colon is a few words with no subject of its own.
_LABEL_WORDS = 3
#: "I have 2 years at Starbucks, I know the POS system": two clauses of the member's, joined by a comma.
_COMMA_SPLICE = re.compile(r",\s+(?=I(?:'m|'ve|'d|'ll|’m|’ve|’d|’ll)?\s+(?!think\b|guess\b|mean\b|hope\b|believe\b))")
#: "I do have experience" → "I have experience": the emphasis answers a doubt the reader never voiced.
_EMPHATIC_DO = re.compile(r"^(I)\s+do\s+(?=(?:have|know|speak|hold|own|use)\b)", re.IGNORECASE)
#: "…, plus I speak Arabic": a second clause of the member's own, joined as a writer would.
_PLUS_CLAUSE = re.compile(r",?\s+plus\s+(?=I\b)")
#: "I have 6 years ICU and …": the amount the member has, up to the next part of the sentence.
_I_HAVE_AMOUNT = re.compile(
    r"\b(I (?:have|['’]ve got|have got|bring)\s+)(\S[^,;]*?)(?=\s+(?:and|so|because|since|as)\s+I\b|,|;|$)"
)
#: "I am going to bring energy": said before the offer, it is what they would bring.
_GOING_TO = re.compile(r"\b(I)(?: am|['’]m) going to (?=(\w+))")


def _participle(word: str) -> bool:
    """ "built", "run", "led": what follows "I have" when it is part of a clause ("I've run on-call for …")."""
    lemma = inflect.verb_lemma(word)
    return (
        lemma is not None and lemma not in ("be", "have", "do", "get") and word.lower() in inflect.forms(lemma, "VBN")
    )


#: "dispatch for a 40 truck fleet, because I know the routes": the strength, then the member's reason for it.
_REASON = re.compile(r",?\s+(?:because|since|cause|cuz|bc|so)\s+(?=(?:I|i)(?:['’]\w+)?\s)")


def strengths(text: str, shape: str) -> Reading:
    reason = _REASON.search(text)
    if reason and text.split()[0].lower().replace("’", "'") not in grammar.FIRST_PERSON:
        return _without_reason(text[: reason.start()], text[reason.start() :].lstrip(", "), shape)
    if reason:  # "I'm good with kids because I have 3 siblings": the member's clause and its reason, whole
        return _own_clause(text)
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
        if any(phrases.amount_unsure(item) for item in text.split(",")):  # "3 yrs cleaning company, reliable"
            return Reading("strengths", "clause", "clause", mixed[0], certain=False, shortened=True, reason="as-typed")
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
    written = phrases.polish_list(lower_first(text))
    if any(phrases.amount_unsure(item) for item in text.split(",")):  # "10 yrs nursing home": kept as typed
        return Reading("strengths", kind, "topic", written, certain=False, shortened=True, reason="as-typed")
    return Reading("strengths", kind, "topic", written)


def _without_reason(head: str, reason: str, shape: str) -> Reading:
    """The strength before its reason: made a clause ("reliable" → "I am reliable"), it keeps the reason ("…
    so I never miss shifts"); a topic ("dispatch for a 40 truck fleet") cannot carry a clause after it, so the
    reason is left out and the check says so; a head that is neither is left out whole."""
    reading = strengths(head, shape) if head.strip() else Reading("strengths", shape, "none", "", reason="empty")
    if reading.form == "none":
        return Reading("strengths", "clause", "none", "", reason="sentence")
    if reading.form == "clause" and not reading.shortened:
        because = _I_HAVE_AMOUNT.sub(lambda m: m.group(1) + phrases.amount(m.group(2)), reason)
        joint = "," if because.lower().startswith("so ") else ""  # "I am reliable, so I never miss shifts"
        return dataclasses.replace(reading, text=f"{reading.text}{joint} {because}", certain=False)
    return dataclasses.replace(reading, certain=False, shortened=True)


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


def _own_point(text: str) -> tuple[str, bool]:
    """The member's point without what only frames it ("not sure if this matters but", "I was nervous about
    the salary question,", "but it's not updated"), and whether anything of substance was cut."""
    text = _HEDGE_LEAD.sub("", text, count=1)
    head = _REGRET_HEAD.match(text)
    cut = False
    if head and len(text[head.end() :].split()) >= 3:
        text, cut = text[head.end() :], True
    if len(text.split()) > 4:
        tail = _REGRET_TAIL.sub("", text).strip(" ,;")
        undercut = _UNDERCUT_TAIL.sub("", tail).strip(" ,;")
        cut = cut or undercut != tail
        text = undercut
    return _EMPHATIC_DO.sub(r"\1 ", text), cut


def _as_sentence_end(text: str) -> str:
    """Fit the point to the end of "One thing I did not get to mention: …": a label before its own colon or
    dash goes ("my availability - I can start in January"), a second colon becomes a dash, a subjectless
    past verb gets its "I" ("managed a $2M budget" → "I managed …"), two clauses of the member's joined
    by "and" rather than a comma."""
    parts = _INNER_COLON.split(text, maxsplit=1)
    labelled = _COMMA_LABEL.match(text) if len(parts) == 1 else None
    if labelled and labelled.group(1).split()[0].lower() in grammar.POSSESSIVES | grammar.DETERMINERS:
        parts = [labelled.group(1), text[labelled.end() :]]  # "my renewal numbers, I raised renewals …"
    if len(parts) == 2:
        label, rest = parts
        words = label.split()
        is_label = len(words) <= _LABEL_WORDS and not _has_subject(words) and bool(rest.split())
        text = rest if is_label else f"{label} — {rest}"
    words = text.split()
    if words and _past_without_subject(words):
        text = "I " + text[0].lower() + text[1:]
    if text.startswith("I ") and len(_COMMA_SPLICE.findall(text)) == 1:
        text = _COMMA_SPLICE.sub(", and ", text, count=1)
    return _last_verb_joined(text)


def _last_verb_joined(text: str) -> str:
    """ "I built an ETL for 3 hospitals, cut reporting time by 40%" → "…hospitals and cut …": the last of the
    member's past verbs takes its "and" (", and" after a list of three or more)."""
    head, comma, tail = text.rpartition(", ")
    words, first = tail.split(), text.split()
    if not comma or first[0] != "I" or len(words) < 2 or len(first) < 2:
        return text
    if not (_past_verb(first[1]) and _past_verb(words[0]) and words[1].lower() not in grammar.FUNCTION):
        return text
    return f"{head}{', and' if ', ' in head else ' and'} {tail}"


def _past_verb(word: str) -> bool:
    lemma = inflect.verb_lemma(word.lower()) if word.isalpha() else None
    return lemma is not None and word.lower() in inflect.forms(lemma, "VBD")


def _has_subject(words: list[str]) -> bool:
    return any(w.lower().strip(",").replace("’", "'") in grammar.FIRST_PERSON | grammar.SUBJECT_PRONOUNS for w in words)


def _past_without_subject(words: list[str]) -> bool:
    """ "Managed a $2M budget", "built an ETL for 3 hospitals": a past verb first, then its object."""
    first = words[0].lower()
    lemma = inflect.verb_lemma(first) if first.isalpha() else None
    if lemma is None or lemma == first or lemma in ("be", "have", "do") or first not in inflect.forms(lemma, "VBD"):
        return False
    found = inflect.lemmas(first)
    following = words[1].lower() if len(words) > 1 else ""
    return ("NOUN" not in found and "ADJ" not in found) or following in grammar.DETERMINERS | grammar.POSSESSIVES


def add(text: str, shape: str) -> Reading:
    if _ASKS_ME.match(text):  # "should I mention I was laid off?": a question to the bot, not a point
        return Reading("add", "question", "none", "", reason="asks-me")
    text = THAT.sub("", _ADD_LEAD.sub("", text, count=1).strip(), count=1)
    text, cut = _own_point(text)
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
    if _ONLY_A_SLIP.match(text):  # a thank-you note looks forward; the point the member would have made is welcome
        return Reading("add", shape, "none", "", reason="regret")
    wish = _WISH.match(text)
    if wish and len(text[wish.end() :].split()) >= 2:  # a wish reads as one, never as a point not made
        return Reading("add", "wish", "clause", text[wish.end() :].rstrip(TRAILING), certain=not cut, shortened=cut)
    text = _as_sentence_end(text)
    words = text.split()
    keep = words[0][1:].islower() is False or words[0].lower().replace("’", "'") in grammar.FIRST_PERSON
    return Reading("add", shape, "clause", text if keep else text[0].lower() + text[1:], certain=not cut, shortened=cut)
