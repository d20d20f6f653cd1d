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

# fmt: off
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
    # Answers typed the way members type (issue 12): questions, clauses, fillers, lowercase names, "Inc.".
    "typed_panel_with_recruiter": {
        "company": "Acme Robotics",
        "role": "senior data engineer",
        "format": "panel",
        "interviewers": [
            {"name": "priya natarajan", "title": "Engineering Manager",
             "discussed": "I explained my approach to caching", "detail": "she still codes every day"},
            {"name": "Tom Li", "discussed": "why did they pick Snowflake over BigQuery?",
             "detail": "his team's dbt setup"},
            {"name": "Ana García", "discussed": "what does success look like in the first 90 days"},
            {"name": "Kim Lee", "title": "Recruiter", "discussed": "the timeline and relocation", "detail": "idk"},
        ],
        "strengths": "I am gonna bring alot of energy to the the team",
        "add": "i cut cloud spend 30% at my last job",
        "share": "my portfolio",
    },
    "typed_formal_inc_ramble": {
        "company": "Johnson & Lee Partners, Inc.",
        "role": "Paralegal",
        "tone": "formal",
        "interviewers": [
            {"name": "sarah", "title": "Hiring Manager",
             "discussed": "so we talked alot about how there idempotency keys work … also we talked about her dog lol",
             "detail": "she asked me about my gap year and i explained it"},
        ],
        "strengths": "five years in litigation support",
        "add": "I forgot to mention that I speak Spanish fluently",
        "share": "I'll send her my writing sample",
    },
    "typed_linkedin_gmbh": {
        "company": "Brightline GmbH",
        "role": "Backend Engineer",
        "channel": "linkedin",
        "interviewers": [
            {"name": "Jürgen Weiß", "discussed": "on-call and how do they keep p99 latency under 50ms",
             "detail": "they are moving everything to k8s next quarter"},
        ],
        "strengths": "go, postgres and a lot of on-call experience",
        "share": "https://github.com/samr/rate-limiter",
    },
}
# fmt: on


@pytest.mark.parametrize("name", sorted(CASES))
def test_golden(name: str) -> None:
    text = format_drafts(drafts(**CASES[name]))
    path = GOLDEN / f"{name}.txt"
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.write_text(text, encoding="utf-8")
    assert path.read_text(encoding="utf-8") == text, f"{path.name} changed; see the module docstring"
