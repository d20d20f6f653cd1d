"""The note templates themselves: every combination renders cleanly and raises no false alarm, the
sentence bank follows its writing rules, and a panel always has phrasings to vary between."""

from __future__ import annotations

import itertools
import re
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from bot.answers import CHANNELS, OCCASIONS, TONES, Tone
from bot.compose.bank import NOTES_DIR, NoteTemplateError, Phrasing, load_bank
from bot.compose.checks import LENGTH_BOUNDS
from bot.compose.fields import address_name
from bot.compose.fit import CONCISE_EMAIL_FLOOR
from bot.compose.spelling import misspelled
from bot.compose.wordlists import INFORMAL_WORDS, STOCK_PHRASES
from tests.compose.helpers import ANA, KIM, NOW, PRIYA, TOM, drafts

PANEL = [PRIYA, TOM, ANA, KIM]
NAMES_ONLY = [{"name": p["name"]} for p in PANEL]
NO_EXTRAS = {"strengths": None, "add": None, "share": None, "next_steps": None}
EVERYTHING = [(o, t, c, w) for o in OCCASIONS for t in TONES for c in CHANNELS for w in ("well", "mixed", "rough")]
LAYOUT_SLOTS = {
    channel: re.findall(r"say\(([^)]*)\)", (NOTES_DIR / f"{channel}.j2").read_text()) for channel in CHANNELS
}


def _slots(channel: str) -> list[str]:
    return [slot for call in LAYOUT_SLOTS[channel] for slot in re.findall(r'"(\w+)"', call)]


def _all_phrasings() -> list[tuple[str, str, Phrasing]]:
    """(where, tone, phrasing) for every phrasing in the bank."""
    found = []
    for name, parts in load_bank().files.items():
        for part, slots in parts.items():
            for slot, by_tone in slots.items():
                for tone, phrasings in by_tone.items():
                    found += [(f"{name}.{part}.{slot}.{tone}", tone, p) for p in phrasings]
    return found


def _role(occasion: str) -> dict[str, Any]:
    return {} if occasion == "interview" else {"role": None}


@pytest.mark.parametrize(("occasion", "tone", "channel", "went"), EVERYTHING)
def test_every_combination_with_good_answers_raises_no_check(occasion: str, tone: str, channel: str, went: str) -> None:
    common = {"occasion": occasion, "tone": tone, "channel": channel, "went": went}
    full = drafts(**common, interviewers=PANEL)
    sparse = drafts(**common, **NO_EXTRAS, **_role(occasion), interviewers=PANEL)
    for document in (full, sparse):
        for draft in document.drafts:
            # LinkedIn's 300-character limit can leave no room for the link; the note then says so.
            found = [c for c in draft.checks if not (channel == "linkedin" and c.code == "left-out-to-fit")]
            assert found == [], (draft.to.name, draft.body, draft.checks)
            assert all("the link" in c.message for c in draft.checks), draft.checks


@pytest.mark.parametrize(("occasion", "tone", "channel", "went"), EVERYTHING)
def test_every_combination_reads_cleanly(occasion: str, tone: Tone, channel: str, went: str) -> None:
    common = {"occasion": occasion, "tone": tone, "channel": channel, "went": went}
    for people, extras in ((PANEL, {}), (NAMES_ONLY, {**NO_EXTRAS, **_role(occasion), "interview_at": None})):
        document = drafts(**common, **extras, interviewers=people)
        for draft in document.drafts:
            body = draft.body
            assert not re.search(r"  | [,.;:!?]|\.\.|,,|\{|\}|\bNone\b|\[|\]", body), body
            assert (draft.subject is not None) == (channel == "email")
            first, *_, last = body.splitlines()
            assert first.endswith(",") and address_name(draft.to.name, tone) in first, body
            assert last == "Sam Rivera"
            for paragraph in body.split("\n\n")[1:-1]:
                assert re.search(r"[.?]$|https://\S+$", paragraph), paragraph
            low, high = LENGTH_BOUNDS[draft.channel]
            if channel == "email" and tone == "concise":
                low = CONCISE_EMAIL_FLOOR  # names only, concise: a short email is better than padding
            assert low <= draft.words <= high, body


@pytest.mark.parametrize(("occasion", "tone", "channel", "went"), EVERYTHING)
def test_names_only_raises_only_the_checks_that_are_true(occasion: str, tone: str, channel: str, went: str) -> None:
    common = {"occasion": occasion, "tone": tone, "channel": channel, "went": went}
    document = drafts(**common, **NO_EXTRAS, **_role(occasion), interviewers=NAMES_ONLY)
    for draft in document.drafts:
        found = {check.code for check in draft.checks}
        assert "no-specific-detail" in found
        assert found <= {"no-specific-detail", "similar-to-other-draft", "length"}, draft.checks
        assert "length" not in found or (channel, tone) == ("email", "concise"), draft.checks


def test_formal_and_shared_phrasings_have_no_contractions() -> None:
    contraction = re.compile(r"n't|'(?:m|re|ve|ll|d)\b|\b(?:it|that|there|here|what|let)'s\b", re.IGNORECASE)
    bad = [
        (where, p.text)
        for where, tone, p in _all_phrasings()
        if tone in ("formal", "any") and contraction.search(p.text)
    ]
    assert bad == []


def test_phrasings_follow_the_writing_rules() -> None:
    problems = []
    for where, _, phrasing in _all_phrasings():
        text = phrasing.text
        if "!" in text:
            problems.append((where, "exclamation mark", text))
        if re.search(r"\b(?:the|a|an)\s+\{\{ company \}\}", text, re.IGNORECASE):
            problems.append((where, "article before company", text))
        if "{{ when }}" in text and not re.search(r" \{\{ when \}\} [a-z]", text):
            problems.append((where, "`when` must sit between two words", text))
        exempt = any(f".{slot}." in where for slot in ("subject", "greeting", "greeting_card", "greeting_short"))
        closing = re.search(r"\.signoff", where)
        if not exempt and not closing and not re.search(r"[.?]$|\{\{ link \}\}$", text):
            problems.append((where, "must end with its punctuation", text))
        if closing and not text.endswith(","):
            problems.append((where, "a sign-off ends with a comma", text))
    assert problems == []


def test_phrasings_use_no_stock_phrase_or_informal_word() -> None:
    problems = []
    for where, _, phrasing in _all_phrasings():
        lowered = phrasing.text.lower()
        problems += [(where, p) for p in STOCK_PHRASES if p in lowered]
        problems += [(where, w) for w in re.findall(r"[a-z]+", lowered) if w in INFORMAL_WORDS]
    assert problems == []


def test_template_words_are_spelled_correctly() -> None:
    texts = [re.sub(r"\{\{ \w+ \}\}", " ", p.text).lower() for _, _, p in _all_phrasings()]  # check every word
    assert misspelled(texts) == []


def test_every_layout_slot_exists_for_every_occasion() -> None:
    bank = load_bank()
    for occasion, tone, channel, rough in itertools.product(OCCASIONS, TONES, CHANNELS, (False, True)):
        for slot in [*_slots(channel), "subject"]:
            bank.options(occasion=occasion, slot=slot, tone=tone, rough=rough)  # raises if unknown


@pytest.mark.parametrize(("occasion", "tone", "rough"), list(itertools.product(OCCASIONS, TONES, (False, True))))
def test_a_panel_always_has_at_least_three_phrasings_to_rotate(occasion: str, tone: str, rough: bool) -> None:
    """Whatever answers are missing, each varied slot offers three or more equally good phrasings."""
    bank = load_bank()
    always = {"name", "address", "candidate", "company", "meeting", "when", "strengths", "add", "share", "link"}
    tiers = ({"discussed", "detail"}, {"discussed"}, {"detail"}, set())
    fixed = {"greeting", "greeting_card", "greeting_short"}
    slots = {slot for channel in CHANNELS for slot in _slots(channel)} | {"subject"}
    for slot, tier, role in itertools.product(sorted(slots - fixed), tiers, (True, False)):
        if occasion == "interview" and not role:
            continue
        available = always | tier | ({"role"} if role else set())
        options = bank.options(occasion=occasion, slot=slot, tone=tone, rough=rough)
        usable = [p for p in options if p.needs <= available]
        if not options:
            continue  # deliberately empty for this occasion
        top = max(p.score for p in usable)
        assert sum(p.score == top for p in usable) >= 3, (slot, sorted(tier), role)


def test_when_the_interview_time_is_unknown_no_day_word_appears() -> None:
    for tone in TONES:
        body = drafts(tone=tone, interview_at=None).drafts[0].body
        assert not re.search(r"\b(today|yesterday|on (Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\b", body)


def test_the_day_is_named_relative_to_now() -> None:
    def day_words(days_later: int) -> set[str]:
        found: set[str] = set()
        for tone, index in itertools.product(TONES, range(4)):
            document = drafts(now=NOW + timedelta(days=days_later, hours=-2), tone=tone, interviewers=PANEL)
            found |= set(re.findall(r"\b(today|yesterday|on Friday)\b", document.drafts[index].body))
        return found

    assert day_words(0) == {"today"}
    assert day_words(1) == {"yesterday"}
    assert day_words(3) == {"on Friday"}
    assert day_words(9) == set()


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("slots:\n  thanks:\n    any: ['Hi {{ nickname }}.']\n", "unknown variables"),
        ("slots:\n  thanks:\n    any: ['{% if role %}Hi.{% endif %}']\n", "only plain"),
        ("slots:\n  thanks:\n    loud: ['Hi.']\n", "expected lists under"),
        ("slots:\n  thanks:\n    any: ['']\n", "non-empty"),
        ("slots: [1, 2]\n", "mapping of slot names"),
        ("greeting: hello\n", "top-level"),
        ("slots: {thanks: {any: [\n", "cannot be read"),
    ],
)
def test_a_malformed_bank_is_refused_with_a_clear_reason(tmp_path: Path, content: str, problem: str) -> None:
    for name in ("common", *OCCASIONS):
        (tmp_path / f"{name}.yaml").write_text("slots: {}\n")
    (tmp_path / "interview.yaml").write_text(content)
    with pytest.raises(NoteTemplateError, match=problem):
        load_bank(tmp_path)


def test_a_layout_naming_an_unknown_slot_is_an_error() -> None:
    with pytest.raises(NoteTemplateError, match="closing_words"):
        load_bank().options(occasion="interview", slot="closing_words", tone="warm", rough=False)


def test_the_fast_substitution_renders_exactly_what_jinja_renders() -> None:
    values = {name: f"<{name} {{{{ x }}}} {{% raw %}}>" for name in ("name", "address", "candidate", "company", "role",
              "meeting", "discussed", "detail", "strengths", "add", "share", "link", "discussed_clause",
              "detail_clause", "strengths_clause", "topic", "share_label", "add_wish")} | {"when": ""}  # fmt: skip
    for _, _, phrasing in _all_phrasings():
        assert phrasing.render(values) == phrasing.render_with_jinja(values), phrasing.text
