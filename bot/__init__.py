"""thankyou-bot: the platform-neutral core (engine, composer, store, scheduler)."""

from __future__ import annotations

import sys
import sysconfig
from pathlib import Path

__version__ = "0.1.0"


def _templates_dir() -> Path:
    """The checkout's `templates/` folder, or the copy a regular (non-editable) install puts under share/.

    The install's data folder is the scheme's ("data" in sysconfig): `sys.prefix` on python.org builds and
    venvs, /usr/local on Debian's own Python, whose prefix is /usr."""
    beside_code = Path(__file__).resolve().parent.parent / "templates"
    if beside_code.is_dir():
        return beside_code
    shared = Path("share") / "thankyou-bot" / "templates"
    for data in (sysconfig.get_paths()["data"], sys.prefix):
        if (Path(data) / shared).is_dir():
            return Path(data) / shared
    return beside_code


#: Flows and note templates are data, shipped beside the code.
TEMPLATES_DIR = _templates_dir()
