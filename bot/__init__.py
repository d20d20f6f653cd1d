"""thankyou-bot: the platform-neutral core (engine, composer, store, scheduler)."""

from __future__ import annotations

from pathlib import Path

__version__ = "0.1.0"

#: The repository's `templates/` folder: flows and note templates are data, shipped beside the code.
TEMPLATES_DIR = Path(__file__).resolve().parent.parent / "templates"
