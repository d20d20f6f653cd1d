"""Word lists behind the proofreading checks. Kept apart so they can grow without touching the logic.

Entries are lower case; phrases are matched on word boundaries, case-insensitively.
"""

from __future__ import annotations

#: Slang and chat shorthand that reads as too casual in a thank-you note.
INFORMAL_WORDS = frozenset(
    {
        "gonna", "wanna", "gotta", "kinda", "sorta", "dunno", "lemme", "gimme", "ya", "yeah", "yep", "yup",
        "nope", "nah", "lol", "lmao", "rofl", "omg", "btw", "tbh", "imo", "imho", "idk", "fyi", "thx", "tnx",
        "ty", "pls", "plz", "u", "ur", "cuz", "coz", "hey", "heya", "dude", "guys", "awesome", "stuff",
        "super", "xoxo", "haha", "hehe", "woohoo", "yay", "cheers",
    }
)  # fmt: skip

#: Text emoticons (emoji are found by their Unicode category instead).
EMOTICONS = (":)", ":-)", ";)", ";-)", ":D", ":-D", ":(", ":P", ":p", "<3", "xD", "XD", "^^", "^_^")

#: Phrases readers skim past; a specific sentence says more.
STOCK_PHRASES = (
    "just checking in",
    "just wanted to check in",
    "just following up",
    "touching base",
    "touch base",
    "circling back",
    "circle back",
    "to whom it may concern",
    "hope this email finds you well",
    "hope this message finds you well",
    "hope this finds you well",
    "i am writing to",
    "at your earliest convenience",
    "per my last email",
    "as per my last",
    "think outside the box",
    "thinking outside the box",
    "team player",
    "go-getter",
    "self-starter",
    "hit the ground running",
    "perfect fit",
    "dream job",
    "passionate about",
    "synergy",
    "win-win",
    "at the end of the day",
    "reach out at any time",
)

#: Who a note must never be addressed to: a group or a role instead of a person.
GENERIC_RECIPIENTS = frozenset(
    {
        "hiring manager", "hiring team", "hiring committee", "recruiter", "recruiting team", "recruitment team",
        "hr", "human resources", "talent team", "talent acquisition", "people team", "team", "the team",
        "all", "everyone", "everybody", "panel", "interview panel", "interviewer", "interviewers",
        "sir", "madam", "sir or madam", "sir/madam", "whom it may concern", "to whom it may concern",
        "search committee", "colleagues", "friends", "unknown", "n/a", "na", "tbd", "someone",
    }
)  # fmt: skip

#: Words that are correctly written twice in a row ("that that", "had had").
DOUBLE_OK = frozenset({"that", "had"})

#: Workplace and tech words a general dictionary lacks; never reported as spelling slips.
KNOWN_WORDS = frozenset(
    {
        "backend", "backends", "frontend", "frontends", "fullstack", "devops", "kubernetes", "microservice",
        "microservices", "onboarding", "offboarding", "roadmap", "roadmaps", "dataset", "datasets", "workflow",
        "workflows", "codebase", "codebases", "refactor", "refactoring", "refactored", "upskilling", "api",
        "apis", "sdk", "sdks", "ux", "ui", "saas", "fintech", "healthtech", "edtech", "startup", "startups",
        "scalability", "observability", "postgres", "postgresql", "mysql", "nosql", "kafka", "terraform",
        "ansible", "docker", "github", "gitlab", "jira", "figma", "salesforce", "hubspot", "webinar",
        "webinars", "livestream", "runbook", "runbooks", "postmortem", "postmortems", "stakeholder",
        "stakeholders", "ecommerce", "analytics", "dashboards", "dashboard", "mentorship", "mentee",
        "mentees", "upskill", "reskilling", "cybersecurity", "ml", "ai", "llm", "llms", "etl", "elt",
        "nonprofit", "nonprofits", "omnichannel", "fundraiser", "fundraisers", "fundraising", "on-call",
        "oncall", "rollout", "rollouts", "prod", "config", "configs", "repo", "repos", "async", "ci", "cd",
    }
)  # fmt: skip
