"""thankyou-bot: the platform-neutral core (engine, composer, store, scheduler)."""

from __future__ import annotations

import sys
from pathlib import Path

__version__ = "0.1.0"


def _templates_dir() -> Path:
    """The checkout's `templates/` folder, or the copy a regular (non-editable) install puts under share/."""
    beside_code = Path(__file__).resolve().parent.parent / "templates"
    installed = Path(sys.prefix) / "share" / "thankyou-bot" / "templates"
    return beside_code if beside_code.is_dir() or not installed.is_dir() else installed


#: Flows and note templates are data, shipped beside the code.
TEMPLATES_DIR = _templates_dir()
