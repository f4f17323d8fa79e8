"""The `holdspace analyze TASK` batch contract: JSON Lines in, one JSON object out per line.

Tasks register themselves with `@batch_task` in a module named `tasks.py` inside their area
(e.g. `holdspace/listening/tasks.py`); `all_tasks()` finds them. A bad line yields
`{"error": "..."}` for that line only, and the batch goes on.
"""

from __future__ import annotations

import importlib
import importlib.util
import json
import pkgutil
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

import holdspace
from holdspace.errors import HoldspaceError

_REGISTRY: dict[str, BatchTask] = {}


@dataclass(frozen=True)
class BatchTask:
    name: str
    run: Callable[[dict], dict]
    required: tuple[str, ...]
    optional: tuple[str, ...]
    help: str


def batch_task(name: str, *, required: tuple[str, ...], optional: tuple[str, ...] = (), help: str = ""):
    """Register a function taking one input record (dict) and returning one output dict."""
    def register(fn: Callable[[dict], dict]) -> Callable[[dict], dict]:
        _REGISTRY[name] = BatchTask(name, fn, required, optional, help or (fn.__doc__ or "").strip())
        return fn
    return register


def all_tasks() -> dict[str, BatchTask]:
    """Import every area's tasks module once, then return the registry by name."""
    for module in pkgutil.iter_modules(holdspace.__path__):
        if module.ispkg:
            spec = importlib.util.find_spec(f"holdspace.{module.name}.tasks")
            if spec is not None:
                importlib.import_module(f"holdspace.{module.name}.tasks")
    return dict(sorted(_REGISTRY.items()))


def _one(task: BatchTask, line: str) -> dict:
    text = line.strip()
    if not text:
        return {"error": "This line is empty; expected a JSON object."}
    try:
        record = json.loads(text)
    except json.JSONDecodeError as exc:
        return {"error": f"This line isn't valid JSON ({exc.msg} at column {exc.colno})."}
    if not isinstance(record, dict):
        return {"error": "Each line must be a JSON object, like {\"text\": \"...\"}."}
    missing = [f for f in task.required if f not in record]
    if missing:
        return {"error": f"Missing field{'s' if len(missing) > 1 else ''}: {', '.join(missing)}."}
    try:
        return task.run(record)
    except HoldspaceError as exc:
        return {"error": exc.message}
    except Exception as exc:  # one bad record must not end a long batch
        return {"error": f"This line couldn't be processed ({type(exc).__name__})."}


def run_batch(task: BatchTask, lines: Iterable[str]) -> Iterator[dict]:
    """Yield one result per input line, in order."""
    for line in lines:
        yield _one(task, line)


def dumps(result: dict) -> str:
    return json.dumps(result, ensure_ascii=False, separators=(",", ":"))
