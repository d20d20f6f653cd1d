"""Golden files: representative notes, stored as the text `thankyou-bot draft` prints, read by people.

Rewrite them after an intended wording change with `UPDATE_GOLDEN=1 .venv/bin/pytest tests/compose/test_golden.py`,
then read the diff: every golden note must still be one you would send yourself.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from bot.compose.text_format import format_drafts
from tests.compose.helpers import ANA, PRIYA, TOM, drafts

GOLDEN = Path(__file__).parent / "golden"
ROUGH_PERSON = {"name": "Rafael Ortiz", "email": "rortiz@blueharbor.example", "discussed": "client escalations"}
BANK = {"company": "Blue Harbor Bank", "role": "Customer Success Lead", "candidate": "Alex Kim", "share": None}

CASES: dict[str, dict[str, Any]] = {
    "interview_warm_email_panel": {"interviewers": [PRIYA, TOM, ANA]},
    "interview_formal_email_rough": {
        **BANK,
        "tone": "formal",
        "went": "rough",
        "interviewers": [ROUGH_PERSON],
        "strengths": "building a support team from three people to twelve",
        "add": "at my last company I raised our renewal rate from 81% to 93% in one year",
        "next_steps": "they expect to decide by the end of the month",
    },
    "interview_concise_linkedin_pair": {"tone": "concise", "channel": "linkedin", "interviewers": [PRIYA, TOM]},
    "interview_warm_card_mixed": {"channel": "card", "went": "mixed", "interviewers": [TOM]},
    "interview_warm_email_names_only": {
        "interviewers": [{"name": "Priya Natarajan"}, {"name": "Tom Li"}],
        "strengths": None,
        "add": None,
        "share": None,
    },
    "informational_warm_email": {
        "occasion": "informational",
        "role": None,
        "format": "video",
        "interviewers": [{"name": "Maya Chen", "discussed": "how you moved from research into product management"}],
        "add": None,
        "next_steps": "Maya offered to introduce me to a hiring manager in two weeks",
    },
    "referral_warm_card": {"occasion": "referral", "channel": "card", "interviewers": [TOM], "add": None},
    "recommendation_formal_email": {
        "occasion": "recommendation",
        "tone": "formal",
        "interviewers": [{"name": "Professor Ruth Adeyemi", "discussed": "my thesis on community fundraising"}],
        "strengths": "four years of grant writing for small charities",
        "add": None,
        "share": None,
    },
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_golden(name: str) -> None:
    text = format_drafts(drafts(**CASES[name]))
    path = GOLDEN / f"{name}.txt"
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.write_text(text, encoding="utf-8")
    assert path.read_text(encoding="utf-8") == text, f"{path.name} changed; see the module docstring"
