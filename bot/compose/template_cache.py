"""Note layouts (templates/notes/*.j2) compiled once and kept in the word tables' cache folder.

Jinja2 turns a layout into Python source and compiles that at every start: about 10 ms of each
`thankyou-bot draft`. Its own bytecode cache keeps the result, checked against the layout's text and the
Python version; the file names here also carry a fingerprint of Jinja2 and of the code that sets up the
environment (bank.py), so an upgrade or a changed option compiles afresh. A file that cannot be read back
(cut short, damaged) is ignored and replaced, and a folder that cannot be written leaves the layouts
compiled at every start, as before.
"""

from __future__ import annotations

import logging
from pathlib import Path

import jinja2
from jinja2.bccache import Bucket, FileSystemBytecodeCache

from bot.compose import wordtable

log = logging.getLogger(__name__)


class _Tolerant(FileSystemBytecodeCache):
    """Never fails a command: a damaged file counts as missing, a folder that cannot be written as none."""

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:  # a damaged file: pickle, marshal or OS errors of any kind
            log.debug("cached layout %s is damaged; compiling it again", bucket.key)
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        try:
            Path(self.directory).mkdir(parents=True, exist_ok=True)
            super().dump_bytecode(bucket)
        except OSError as error:  # read-only, full or not ours
            log.debug("compiled layout not kept (%s)", error.strerror or type(error).__name__)


def bytecode_cache(setup: Path) -> FileSystemBytecodeCache | None:
    """The cache for an environment set up by the code in `setup`, or None when caching is off."""
    folder = wordtable.cache_dir()
    if folder is None:
        return None
    try:
        stamp = wordtable.fingerprint("layouts", [setup, Path(jinja2.__file__), Path(__file__)])
    except OSError:
        return None
    return _Tolerant(str(folder), f"layout-{stamp}-%s.cache")
