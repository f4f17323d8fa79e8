"""Small trained heads over sentence features, stored as numpy arrays (.npz) in the package.

A head file holds `W0, b0, W1, b1, ...` (a ReLU between layers, none after the last) and any
extra arrays its feature needs (thresholds, label names). Training scripts live in training/.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import numpy as np

__all__ = ["HEADS_DIR", "Head", "load_head"]

HEADS_DIR = Path(__file__).parent / "heads"


@dataclass(frozen=True, eq=False)
class Head:
    """A feed-forward head: logits = ... relu(x @ W0 + b0) @ W1 + b1."""

    layers: tuple[tuple[np.ndarray, np.ndarray], ...]
    extras: dict[str, np.ndarray] = field(default_factory=dict)

    def logits(self, x: np.ndarray) -> np.ndarray:
        for i, (w, b) in enumerate(self.layers):
            x = x @ w + b
            if i < len(self.layers) - 1:
                x = np.maximum(x, 0.0)
        return x

    def probabilities(self, x: np.ndarray) -> np.ndarray:
        """Independent sigmoid probabilities (multi-label)."""
        return 1.0 / (1.0 + np.exp(-np.clip(self.logits(x), -30, 30)))


def read_head(path: Path) -> Head:
    """Read a head from an .npz file written by a training script."""
    with np.load(path, allow_pickle=False) as data:
        arrays = {k: data[k] for k in data.files}
    layers = []
    while f"W{len(layers)}" in arrays:
        i = len(layers)
        layers.append((arrays.pop(f"W{i}").astype(np.float32), arrays.pop(f"b{i}").astype(np.float32)))
    if not layers:
        raise ValueError(f"{path} holds no layers (W0, b0)")
    return Head(tuple(layers), arrays)


@cache
def load_head(name: str) -> Head:
    """Load the packaged head `name` once."""
    return read_head(HEADS_DIR / f"{name}.npz")
