"""Matching a new list of names to the people already described, so a rename keeps what was said about them."""

from __future__ import annotations

from typing import Any

from rapidfuzz import fuzz

#: How alike two spellings must be (0–100) to count as the same person ("Ann Bee" → "Anne Bee").
SAME_PERSON = 80


def merge_people(old: list[dict[str, Any]], names: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[int]]:
    """The new list of people keeping each matched person's answers, and the positions of people who are new.

    A name matches an earlier person when it is the same (any case), then when it is a close spelling or
    shares the first name ("Raj" and "Raj Patel"), then, if as many names are left unmatched on both sides,
    by position: someone who retyped one name is renaming, not replacing, that person.
    """
    previous = [p for p in old if isinstance(p, dict) and isinstance(p.get("name"), str)]
    matched: dict[int, int] = {}  # new position -> old position
    for rule in (_same, _close):
        for i, person in enumerate(names):
            if i in matched:
                continue
            for j, earlier in enumerate(previous):
                if j not in matched.values() and rule(person["name"], earlier["name"]):
                    matched[i] = j
                    break
    left_new = [i for i in range(len(names)) if i not in matched]
    left_old = [j for j in range(len(previous)) if j not in matched.values()]
    if left_new and len(left_new) == len(left_old):
        matched.update(zip(left_new, left_old, strict=True))
        left_new = []
    merged = [(previous[matched[i]] | person) if i in matched else dict(person) for i, person in enumerate(names)]
    return merged, left_new


def _same(a: str, b: str) -> bool:
    return a.casefold().strip() == b.casefold().strip()


def _close(a: str, b: str) -> bool:
    left, right = a.casefold().split(), b.casefold().split()
    if not left or not right:
        return False
    if fuzz.ratio(" ".join(left), " ".join(right)) >= SAME_PERSON:
        return True
    shorter, longer = sorted((left, right), key=len)
    return len(shorter) < len(longer) and longer[: len(shorter)] == shorter
