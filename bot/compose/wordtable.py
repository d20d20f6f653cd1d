"""Word tables kept as sorted text, looked up by binary search: opening one costs a file read, not a parse.

The spelling dictionary and the verb tables come from data shipped inside pyspellchecker and lemminflect.
Turning that data into Python dicts takes a few hundred milliseconds, which every new `thankyou-bot draft`
process would pay. A `WordTable` is one bytes object of `key<TAB>value` lines sorted by key, plus an index
of one key per kilobyte built when it is opened (a few milliseconds); a lookup bisects the index and reads
one block, decoded into a dict on first use.

A table is derived once from its sources and kept in a cache folder: `THANKYOU_BOT_CACHE_DIR`, else
`$XDG_CACHE_HOME/thankyou-bot`, else `~/.cache/thankyou-bot` (`off` keeps tables in memory only). The file
name carries a fingerprint of the sources and of the code that builds the table (path, size, modification
time of each file), so upgrading a library or the bot builds a fresh table. When the folder cannot be
written (a read-only container) or a cached file is damaged, the table is built in memory for this process
and the command works as before, only slower.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import time
import zlib
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

log = logging.getLogger(__name__)

#: Bump when the file layout or the meaning of a table changes: old cached files are then never read.
FORMAT = 1
#: Bytes between two entries of the block index: the text decoded when a lookup first lands in a block.
_BLOCK = 1024
_HEADER = b"thankyou-bot word table"
_OFF = ("off", "none", "0", "false")
_KEEP_OLD_SECONDS = 24 * 3600


class WordTable:
    """Sorted, unique `key<TAB>value` lines; every line is preceded by a newline, the first one too.

    A block of lines is turned into a dict the first time a lookup lands in it, so a short-lived process
    decodes only the few blocks its words fall in, and a long-running one soon looks words up at dict speed.
    Keys are compared as str: UTF-8 byte order is code point order, so the sorted lines stay sorted."""

    __slots__ = ("_blocks", "_data", "_keys", "_starts")

    def __init__(self, data: bytes, start: int = 0) -> None:
        """`data[start:]` is the table (a cached file is read whole and its header skipped, not copied)."""
        if data[start : start + 1] != b"\n" or data[-1:] != b"\n":
            raise ValueError("a word table starts and ends with a newline")
        self._data = data
        self._keys: list[str] = []
        self._starts: list[int] = []
        self._blocks: dict[int, dict[str, str]] = {}
        at = start + 1
        while at < len(data):
            self._keys.append(data[at : data.index(b"\t", at)].decode("utf-8"))
            self._starts.append(at)
            at = data.find(b"\n", at + _BLOCK) + 1 or len(data)
        self._starts.append(len(data))

    def get(self, key: str) -> str | None:
        """The value stored for `key`, or None."""
        block = bisect_right(self._keys, key) - 1
        if block < 0:
            return None
        lines = self._blocks.get(block)
        if lines is None:
            text = self._data[self._starts[block] : self._starts[block + 1] - 1].decode("utf-8")
            lines = self._blocks[block] = dict(line.split("\t", 1) for line in text.split("\n"))
        return lines.get(key)

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.get(key) is not None

    def __len__(self) -> int:
        return self._data.count(b"\n", self._starts[0] - 1) - 1

    def items(self) -> Iterator[tuple[str, str]]:
        for line in self._data[self._starts[0] : -1].decode("utf-8").split("\n"):
            key, _, value = line.partition("\t")
            yield key, value


def encode(rows: Iterable[tuple[str, str]]) -> bytes:
    """Rows as table text, sorted by the keys' UTF-8 bytes; a later row for the same key wins."""
    table = {key.encode("utf-8"): value.encode("utf-8") for key, value in rows}
    for key, value in table.items():
        if b"\t" in key or b"\n" in key or b"\n" in value or not key:
            raise ValueError(f"{key!r}: a table key is non-empty, without tabs or newlines, and so is its line")
    return b"\n" + b"".join(key + b"\t" + table[key] + b"\n" for key in sorted(table))


def cache_dir() -> Path | None:
    """Where derived tables are kept, or None when that is switched off or there is no home folder."""
    configured = os.environ.get("THANKYOU_BOT_CACHE_DIR", "").strip()
    if configured.lower() in _OFF:
        return None
    if configured:
        return Path(configured).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME", "").strip()
    if xdg and os.path.isabs(xdg):  # the XDG spec: a relative value is ignored
        return Path(xdg) / "thankyou-bot"
    try:
        return Path.home() / ".cache" / "thankyou-bot"
    except (RuntimeError, KeyError):  # no HOME and no password entry
        return None


def fingerprint(name: str, sources: Sequence[Path]) -> str:
    """Changes whenever a source file is replaced (upgrade, reinstall, an edit of the code that builds the
    table, which callers list among the sources) or this module changes."""
    parts = [f"{FORMAT}:{name}"]
    for source in [*sources, Path(__file__)]:
        status = source.stat()  # OSError when a source is missing: the caller's fallback
        parts.append(f"{source.resolve()}:{status.st_size}:{status.st_mtime_ns}")
    return hashlib.blake2b("\n".join(parts).encode("utf-8"), digest_size=10).hexdigest()


def cached(name: str, sources: Sequence[Path], build: Callable[[], Iterable[tuple[str, str]]]) -> WordTable:
    """The table `build` derives from `sources`: read from the cache folder when it is there and whole, else
    built now and saved there if the folder can be written. Errors of `build` propagate."""
    stamp = fingerprint(name, sources)
    folder = cache_dir()
    path = folder / f"{name}-{stamp}.tsv" if folder is not None else None
    if path is not None and (cached_text := _read(path, stamp)) is not None:
        return WordTable(*cached_text)
    data = encode(build())
    table = WordTable(data)
    if path is not None:
        _save(path, name, stamp, data)
    return table


def _header(stamp: str, rows: bytes | memoryview) -> bytes:
    """Names the format and the sources, and carries a checksum of the rows (a damaged file is rebuilt)."""
    return b"%s %d %s %08x" % (_HEADER, FORMAT, stamp.encode("ascii"), zlib.crc32(rows))


def _read(path: Path, stamp: str) -> tuple[bytes, int] | None:
    """The cached file and where its table starts (the header's newline), or None when it is missing or
    not whole (cut short, edited, another format)."""
    try:
        raw = path.read_bytes()
    except OSError:
        return None
    start = raw.find(b"\n")
    if start < 0 or raw[-1:] != b"\n" or raw[:start] != _header(stamp, memoryview(raw)[start:]):
        log.debug("cached word table %s is damaged; rebuilding it", path.name)
        return None
    return raw, start


def _save(path: Path, name: str, stamp: str, data: bytes) -> None:
    store(path, name, _header(stamp, data) + data)


def store(path: Path, name: str, contents: bytes) -> None:
    """Write a cache file atomically (a reader never sees half a file), then remove this entry's versions
    older than a day. A folder that cannot be written is no error: the caller keeps what it built in memory."""
    import tempfile  # only when something is built

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(contents)
            os.chmod(temporary, 0o644)  # derived from files shipped with the bot: readable by whoever shares it
            os.replace(temporary, path)
        except BaseException:
            os.unlink(temporary)
            raise
    except OSError as error:  # read-only, full or not ours
        log.debug("cache file %s not written (%s)", path.name, error.strerror or type(error).__name__)
        return
    # older versions left for a day, so two versions of the bot sharing the folder (an upgrade rolling out)
    # do not remove each other's files at every start
    for old in path.parent.glob(f"{name}-*{path.suffix}"):
        if old != path and "-" not in old.name[len(name) + 1 :]:  # not another entry whose name starts alike
            with contextlib.suppress(OSError):  # another process may have removed it first
                if time.time() - old.stat().st_mtime > _KEEP_OLD_SECONDS:
                    old.unlink()
