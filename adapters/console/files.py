"""`console --save DIR`: each note written as a text file and as an `.eml` draft to open in a mail program."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from bot import messages
from bot.compose.delivery import to_eml
from bot.drafts import Draft, DraftsDocument


def note_name(number: int, draft: Draft) -> str:
    """`note-1-priya-natarajan`: the note's position and its recipient's name, safe as a file name anywhere."""
    ascii_name = unicodedata.normalize("NFKD", draft.to.name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.casefold()).strip("-")[:40].strip("-")
    return f"note-{number}-{slug}" if slug else f"note-{number}"


def note_text(draft: Draft) -> str:
    """The note as the user would paste it: `Subject: …` and a blank line when it has a subject, then the body."""
    head = f"{messages.text('label_subject')}: {draft.subject}\n\n" if draft.subject else ""
    return head + draft.body.rstrip("\n") + "\n"


def save_notes(drafts: DraftsDocument, folder: Path) -> list[Path]:
    """Write `note-N-<name>.txt` and `.eml` for every draft into `folder` (created if missing); later drafts of
    the same note replace the earlier files. Returns the files written, in order; raises OSError."""
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for number, draft in enumerate(drafts.drafts, start=1):
        stem = note_name(number, draft)
        text_file, eml_file = folder / f"{stem}.txt", folder / f"{stem}.eml"
        text_file.write_text(note_text(draft), encoding="utf-8")
        eml_file.write_bytes(to_eml(draft))
        written += [text_file, eml_file]
    return written
