"""What a parser made of a text file (the sentence bank's YAML), kept as JSON in the word tables' cache folder.

Importing PyYAML and parsing templates/notes/*.yaml costs every `thankyou-bot draft` start about 35 ms;
reading the same data back as JSON costs about 1 ms. An entry is named by a digest of the text, of the
files that decide what the parser makes of it (its code and its library) and of this module, so an edited
bank or an upgraded parser is parsed afresh. An entry that is not whole (its checksum fails) is ignored and
replaced; a folder that cannot be written (or `THANKYOU_BOT_CACHE_DIR=off`, wordtable.cache_dir) leaves the
text parsed at every start, as before. Only data that JSON gives back unchanged is kept.
"""

from __future__ import annotations

import hashlib
import json
import logging
import zlib
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path

from bot.compose import wordtable

log = logging.getLogger(__name__)

#: Bump when the file layout changes: old entries are then never read.
FORMAT = 1
_HEADER = b"thankyou-bot parsed"
_MISSING = object()


def parsed(name: str, text: str, parser: Sequence[Path], parse: Callable[[str], object]) -> object:
    """`parse(text)`, or what it gave for the same text and parser before. `parser` lists the files whose
    change could change the result; errors of `parse` propagate (and nothing is kept)."""
    folder = wordtable.cache_dir()
    if folder is None:
        return parse(text)
    try:
        stamp = _stamp(name, text, parser)
    except OSError:  # a parser file is missing: nothing to name the entry by
        return parse(text)
    path = folder / f"{name}-{stamp}.json"
    if (found := _read(path, stamp)) is not _MISSING:
        return found
    data = parse(text)
    try:
        payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    except (TypeError, ValueError):  # not JSON data (a date, a set): parsed at every start
        return data
    if json.loads(payload) == data:  # not so for tuples, numbers as keys, NaN: those are not kept
        _save(path, name, stamp, payload)
    return data


def _stamp(name: str, text: str, parser: Sequence[Path]) -> str:
    digest = hashlib.blake2b(digest_size=10)
    digest.update(f"{FORMAT}:{name}:{_parser_stamp(tuple(parser))}\n".encode())
    digest.update(text.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


@cache
def _parser_stamp(parser: tuple[Path, ...]) -> str:
    """The parser's files as they are now (looked at once per process: a bank is several files)."""
    return wordtable.fingerprint("parsed", [*parser, Path(__file__)])


def _header(stamp: str, payload: bytes | memoryview) -> bytes:
    return b"%s %d %s %08x" % (_HEADER, FORMAT, stamp.encode("ascii"), zlib.crc32(payload))


def _read(path: Path, stamp: str) -> object:
    """The data kept in `path`, or _MISSING when the file is absent or not whole."""
    try:
        raw = path.read_bytes()
    except OSError:
        return _MISSING
    end = raw.find(b"\n")
    if end < 0 or raw[:end] != _header(stamp, memoryview(raw)[end + 1 :]):
        log.debug("cached %s is damaged; parsing again", path.name)
        return _MISSING
    try:
        return json.loads(raw[end + 1 :])
    except (ValueError, RecursionError):
        return _MISSING


def _save(path: Path, name: str, stamp: str, payload: bytes) -> None:
    wordtable.store(path, name, _header(stamp, payload) + b"\n" + payload)
