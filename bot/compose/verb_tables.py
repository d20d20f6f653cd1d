"""lemminflect's lemma and verb-form lookups as cached word tables, answered without importing lemminflect.

Importing lemminflect pulls in numpy, and each of its two lookup tables is parsed into dicts on first use:
about 0.9 s of CPU before an answer typed as a question or a clause gets its first verb form. These tables
give the same answers for what inflect.py asks: `lemmas` (every lower-case word, its lemmas by part of
speech) and `verbs` (every verb lemma, its form for each verb tag). They are derived once from the files
lemminflect ships (its `resources/` folder) by the same rules lemminflect reads them with, and kept in the
cache folder (wordtable.py). The few verbs lemminflect inflects from a list in its code rather than from its
file ("be" and the modals) are asked of lemminflect itself while a table is built. tests/compose/
test_verb_tables.py compares every entry with lemminflect's own answers.
"""

from __future__ import annotations

import gzip
import importlib.util
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from bot.compose import wordtable
from bot.compose.wordtable import WordTable

#: The verb tags the `verbs` table answers; inflect.py asks lemminflect for any other.
TAGS = ("VB", "VBD", "VBG", "VBN", "VBP", "VBZ")
#: Inflected by lemminflect from a list in its code, not from its file: their entries are asked of it.
LISTED = ("be", "can", "dare", "may", "must", "ought", "shall", "will")
#: lemminflect's stand-ins when a verb's entry lacks a form: the past for the participle and back.
_ALTERNATE = {"VBD": "VBN", "VBN": "VBD"}
#: The order of the forms after word and category on a verb line of lemminflect's inflection file.
_VERB_FIELDS = ("VBD", "VBN", "VBG", "VBZ")
_SEPARATORS = ("=", ";", "/", "\t", "\n")
#: This file builds the tables: an edit of it builds them afresh.
_HERE = Path(__file__)

Forms = dict[str, tuple[str, ...]]


def encode(entry: Forms) -> str:
    """`{"VERB": ("be",), "AUX": ("be",)}` → `VERB=be;AUX=be`; ValueError if a form holds a separator."""
    for key, forms in entry.items():
        if any(mark in part for part in (key, *forms) for mark in _SEPARATORS):
            raise ValueError(f"{key}: a form with a separator character cannot be stored")
    return ";".join(f"{key}={'/'.join(forms)}" for key, forms in entry.items())


def decode(value: str | None) -> Forms:
    if not value:
        return {}
    return {key: tuple(forms.split("/")) for key, _, forms in (part.partition("=") for part in value.split(";"))}


def resources() -> Path | None:
    """lemminflect's data folder, found without importing it (which would import numpy)."""
    spec = importlib.util.find_spec("lemminflect")
    folders = spec.submodule_search_locations if spec is not None else None
    return Path(next(iter(folders))) if folders else None


def lemma_table() -> WordTable:
    """Word → lemmas by part of speech. OSError/ValueError when lemminflect or its files are not as expected."""
    package = _package()
    sources = [package / "resources" / "lemma_lu.csv.gz", package / "resources" / "lemma_overrides.csv"]
    return wordtable.cached("lemminflect-lemmas", [*sources, _HERE], lambda: _lemma_rows(*sources))


def verb_table() -> WordTable:
    """Verb lemma → its form for each of TAGS that lemminflect's tables give."""
    package = _package()
    sources = [package / "resources" / "infl_lu.csv.gz", package / "resources" / "infl_overrides.csv"]
    # its __init__.py stands for its code (the LISTED verbs): a reinstall or upgrade replaces it
    stamped = [*sources, package / "__init__.py", _HERE]
    return wordtable.cached("lemminflect-verbs", stamped, lambda: _verb_rows(*sources))


def _package() -> Path:
    found = resources()
    if found is None:
        raise FileNotFoundError("lemminflect is not installed")
    return found


def _csv(path: Path) -> Iterator[list[str]]:
    """Fields of each line of a (gzipped) CSV file of lemminflect's: no quoting, `#` comments in overrides."""
    raw = path.read_bytes()
    text = gzip.decompress(raw).decode("utf-8") if path.suffix == ".gz" else raw.decode("utf-8")
    for line in text.split("\n"):  # as lemminflect reads them: by newline only
        line = line.strip()
        if line and not line.startswith("#"):
            yield line.split(",")


def _lemma_rows(lookup: Path, overrides: Path) -> list[tuple[str, str]]:
    found: dict[str, Forms] = {}
    for word, category, lemmas in _csv(lookup):  # ValueError if a line has more or fewer fields
        if word == word.lower():  # lemminflect looks words up lower-cased: other keys are never found
            upos = "AUX" if category.upper() == "MODAL" else category.upper()
            found.setdefault(word, {})[upos] = tuple(lemmas.split("/"))
    for word, upos, lemma in _csv(overrides):
        if word == word.lower():
            found.setdefault(word, {})[upos] = (lemma,)
    # lemminflect gives lemmas in the letter case of the word asked: lower case here
    return [(word, encode({k: tuple(x.lower() for x in v) for k, v in entry.items()})) for word, entry in found.items()]


def _verb_rows(lookup: Path, overrides: Path) -> list[tuple[str, str]]:
    found: dict[str, Forms] = {}
    for word, category, *fields in _csv(lookup):
        if word != word.lower():
            continue
        entry = found.setdefault(word, {})
        if category == "verb":
            entry.update({tag: tuple(text.split("/")) for tag, text in zip(_VERB_FIELDS, fields, strict=False) if text})
            entry.update(VB=(word,), VBP=(word,))
        elif category in ("aux", "modal"):
            entry["VB"] = (word,)
    found.update({word: _asked(word) for word in LISTED})
    for word, tag, form in _csv(overrides):
        found.setdefault(word, {})[tag] = (form,)
    rows = []
    for word, entry in found.items():
        resolved = {tag: tuple(x.lower() for x in forms) for tag in TAGS if (forms := _form(entry, tag))}
        if resolved and word == word.lower():
            rows.append((word, encode(resolved)))
    return rows


def _form(entry: Forms, tag: str) -> tuple[str, ...] | None:
    """The form lemminflect's getInflection finds in an entry (its alternate tag too); None: it would guess."""
    found = entry.get(tag)
    if found is None and tag in _ALTERNATE:
        found = entry.get(_ALTERNATE[tag]) or None
    return found


def _asked(word: str) -> Forms:
    import lemminflect  # type: ignore[import-untyped]  # only while the table is built

    entry: Any = lemminflect.getAllInflections(word)
    return {str(tag): tuple(str(form) for form in forms) for tag, forms in entry.items()}
