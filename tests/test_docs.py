"""The docs name real files, and nothing points at the old design card that lives outside the repository.

A path written in backticks (`bot/runtime.py`) or a relative link in docs/ARCHITECTURE.md or README.md is a
promise to a newcomer; when a module moves, this fails instead of the docs rotting silently.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = ("docs/ARCHITECTURE.md", "README.md")
#: Top-level folders whose paths the docs may name.
CHECKED_ROOTS = ("bot", "adapters", "templates", "tests", "deploy", "benchmarks")
#: The design card's file name, assembled so this file does not mention it itself.
OLD_CARD = "DESIGN" + ".md"
#: Not the repository's own text: tools, caches and build output (all git-ignored).
SKIPPED_DIRS = {".git", ".venv", ".mypy_cache", ".ruff_cache", ".pytest_cache", ".hypothesis", "__pycache__"}
SKIPPED_DIR_SUFFIXES = (".egg-info",)
SKIPPED_TOP = {"build", "dist"}
SKIPPED_FILE_SUFFIXES = (".pyc", ".db", ".db-journal", ".db-wal", ".db-shm")

_FENCE = re.compile(r"^```.*?^```", re.MULTILINE | re.DOTALL)
_INLINE = re.compile(r"`([^`\n]+)`")
_LINK = re.compile(r"\]\(([^)\s]+)\)")
_PATH = re.compile("(?:" + "|".join(CHECKED_ROOTS) + r")/[\w./*<>-]*")
_PLACEHOLDER = re.compile(r"[<>{}]")


def repo_paths(text: str) -> set[str]:
    """Backticked repository paths outside fenced blocks, e.g. `bot/time/zones.py` or `templates/flows/*.yaml`.

    Only a backticked span that is entirely a path counts (not `thankyou-bot draft --answers FILE`), and a
    path with a placeholder (`adapters/<platform>/translate.py`) is a pattern, not a promise.
    """
    prose = _FENCE.sub("", text)
    spans = (match.group(1).strip() for match in _INLINE.finditer(prose))
    return {span for span in spans if _PATH.fullmatch(span) and not _PLACEHOLDER.search(span)}


def link_targets(text: str) -> set[str]:
    """Relative Markdown link targets, without their #anchor."""
    targets = {match.group(1).split("#", 1)[0] for match in _LINK.finditer(text)}
    return {t for t in targets if t and not re.match(r"[a-z]+:", t)}


def exists(path: str, base: Path = ROOT) -> bool:
    if "*" in path:
        return any(base.glob(path))
    return (base / path).exists()


@pytest.mark.parametrize("doc", DOCS)
def test_backticked_paths_exist(doc: str) -> None:
    paths = repo_paths((ROOT / doc).read_text(encoding="utf-8"))
    missing = sorted(p for p in paths if not exists(p))
    assert not missing, f"{doc} names paths that do not exist: {missing}"


@pytest.mark.parametrize("doc", DOCS)
def test_relative_links_resolve(doc: str) -> None:
    source = ROOT / doc
    targets = link_targets(source.read_text(encoding="utf-8"))
    missing = sorted(t for t in targets if not (source.parent / t).exists())
    assert not missing, f"{doc} links to files that do not exist: {missing}"


def test_the_architecture_doc_names_the_parts_it_describes() -> None:
    """Guard against a scan that silently finds nothing (a changed regex, a doc without backticks)."""
    paths = repo_paths((ROOT / "docs/ARCHITECTURE.md").read_text(encoding="utf-8"))
    for part in ("bot/runtime.py", "bot/conversation/service.py", "bot/messages.py", "tests/test_architecture.py"):
        assert part in paths
    assert len(paths) >= 40


def test_the_scan_reads_paths_and_skips_commands_patterns_and_fences() -> None:
    sample = (
        "See `bot/runtime.py`, `templates/flows/*.yaml` and `adapters/<platform>/translate.py`;\n"
        "run `thankyou-bot draft --answers examples/panel.json`; `bot.runtime` is a module.\n"
        "```text\n`bot/gone.py` in a picture\n```\n"
        "[arch](docs/ARCHITECTURE.md#contracts) [web](https://example.com/x)\n"
    )
    assert repo_paths(sample) == {"bot/runtime.py", "templates/flows/*.yaml"}
    assert link_targets(sample) == {"docs/ARCHITECTURE.md"}
    assert not exists("bot/gone.py") and exists("templates/flows/*.yaml")


def repository_files() -> Iterator[Path]:
    """Every file of the working tree, pruning tool, cache and build folders before walking into them."""
    for folder, dirs, files in os.walk(ROOT):
        here = Path(folder)
        dirs[:] = sorted(
            d
            for d in dirs
            if d not in SKIPPED_DIRS
            and not d.endswith(SKIPPED_DIR_SUFFIXES)
            and not (here == ROOT and d in SKIPPED_TOP)
        )
        yield from (here / name for name in sorted(files) if not name.endswith(SKIPPED_FILE_SUFFIXES))


def test_nothing_mentions_the_old_design_card() -> None:
    """It lives outside the repository, so a reference to it dangles: point to docs/ARCHITECTURE.md or the README."""
    mentions = [str(path.relative_to(ROOT)) for path in repository_files() if OLD_CARD.encode() in path.read_bytes()]
    assert not mentions, f"these files still mention {OLD_CARD}: {mentions}"
