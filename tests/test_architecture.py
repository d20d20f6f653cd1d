"""The rules of docs/ARCHITECTURE.md, checked on the real import graph of bot/ and adapters/.

Every `import` and `from … import` in every module (including lazy imports inside functions) is an edge.
Adapters may use the core's public surface (runtime, events, actions, ports, messages, summaries, errors,
config, the composer's delivery helpers), never storage, the engine, the flow or the scheduler; no adapter
imports another; only the CLI in bot/ knows the adapters; and the core is constructed in one place.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("bot", "adapters")

#: What an adapter must never import: persistence, the conversation internals, the scheduler, the ORM.
FORBIDDEN_FOR_ADAPTERS = (
    "bot.storage",
    "bot.conversation",
    "bot.reminders.scheduler",
    "bot.reminders.queue",
    "bot.reminders.lifecycle",
    "bot.reminders.worker",
    "sqlalchemy",
    "sqlmodel",
    "alembic",
)
#: Calls that build the core; only the composition root makes them.
CONSTRUCTORS = {"Engine", "ConversationService", "make_engine", "create_async_engine"}
CONSTRUCTION_ALLOWED = {"bot.runtime", "bot.storage.db"}  # db.make_engine wraps create_async_engine


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, ast.Module]:
    found = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            found[module_name(path)] = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    return found


def imports(name: str, tree: ast.Module) -> Iterator[str]:
    """Absolute names imported by a module, with `from x import y` giving both `x` and `x.y`."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: resolve against this module's package
                package = name.split(".")[: -node.level] if not name.endswith("__init__") else name.split(".")
                base = ".".join([*package, base] if base else package)
            yield base
            yield from (f"{base}.{alias.name}" for alias in node.names)


GRAPH = {name: sorted(set(imports(name, tree))) for name, tree in modules().items()}


def under(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


def adapter_of(name: str) -> str | None:
    parts = name.split(".")
    return parts[1] if parts[0] == "adapters" and len(parts) > 1 else None


def test_the_graph_covers_both_packages() -> None:
    assert any(under(m, "adapters.slack") for m in GRAPH) and any(under(m, "bot.conversation") for m in GRAPH)
    assert "bot.runtime" in GRAPH["adapters.slack.app"]


@pytest.mark.parametrize("module", sorted(m for m in GRAPH if under(m, "adapters")))
def test_adapters_never_import_storage_engine_flow_or_scheduler(module: str) -> None:
    bad = [i for i in GRAPH[module] if any(under(i, f) for f in FORBIDDEN_FOR_ADAPTERS)]
    assert not bad, f"{module} imports {bad}: ask the core (bot.runtime.Core) instead"


@pytest.mark.parametrize("module", sorted(m for m in GRAPH if adapter_of(m)))
def test_no_adapter_imports_another(module: str) -> None:
    mine = adapter_of(module)
    others = [i for i in GRAPH[module] if adapter_of(i) not in (None, mine)]
    assert not others, f"{module} imports another adapter: {others}"


def test_only_the_cli_in_bot_knows_the_adapters() -> None:
    knowing = sorted(m for m in GRAPH if under(m, "bot") and any(under(i, "adapters") for i in GRAPH[m]))
    assert knowing == ["bot.cli"]


def test_no_import_cycles_inside_an_adapter_or_the_core() -> None:
    """Modules that import each other (like the old slack app ↔ listeners) hide which one is in charge."""
    internal = {m: [i for i in GRAPH[m] if i in GRAPH and i != m] for m in GRAPH}
    state: dict[str, int] = {}
    cycles: list[list[str]] = []

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for target in internal[node]:
            if state.get(target) == 1:
                cycles.append([*path[path.index(target) :], target])
            elif target not in state:
                visit(target, [*path, target])
        state[node] = 2

    for start in sorted(internal):
        if start not in state:
            visit(start, [start])
    # a package's __init__ re-exporting its own modules is not a cycle of responsibility
    real = [c for c in cycles if not any(c[i + 1].startswith(c[i] + ".") for i in range(len(c) - 1))]
    assert not real, f"import cycles: {real}"


def test_the_core_is_constructed_in_one_place() -> None:
    builders = []
    for name, tree in modules().items():
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                called = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
                if called in CONSTRUCTORS and name not in CONSTRUCTION_ALLOWED:
                    builders.append(f"{name}: {called}()")
    assert not builders, f"only bot/runtime.py builds the core: {builders}"
