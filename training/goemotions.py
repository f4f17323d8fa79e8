"""GoEmotions for training: the 28 labels, the train/tune split carved from TRAIN, and dev.

Thresholds and model choices are tuned on `tune` (a seeded 10% of TRAIN); dev is only reported.
"""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path

import numpy as np

DATA = Path(os.environ.get("HOLDSPACE_SHARED_DATA", Path(__file__).resolve().parents[2] / "shared" / "data"))
GOEMOTIONS = DATA / "emotion" / "goemotions"
CACHE = Path(os.environ.get("HOLDSPACE_TRAINING_CACHE", "/tmp/holdspace-training"))
TUNE_FRACTION = 0.1
SEED = 20240604


def labels() -> list[str]:
    return (GOEMOTIONS / "emotions.txt").read_text(encoding="utf-8").split()


def read(split: str) -> tuple[list[str], np.ndarray]:
    """Texts and a (n, 28) 0/1 matrix for 'train' or 'dev' as shipped."""
    texts, rows = [], []
    n = len(labels())
    with (GOEMOTIONS / f"{split}.tsv").open(encoding="utf-8", newline="") as f:
        for text, ids, _ in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            y = np.zeros(n, dtype=np.float32)
            y[[int(i) for i in ids.split(",")]] = 1
            texts.append(text)
            rows.append(y)
    return texts, np.stack(rows)


def split_train() -> tuple[np.ndarray, np.ndarray]:
    """Indices into TRAIN: (fit, tune), seeded and fixed."""
    n = len(read("train")[0])
    order = np.random.default_rng(SEED).permutation(n)
    cut = int(n * TUNE_FRACTION)
    return np.sort(order[cut:]), np.sort(order[:cut])


def families() -> dict[str, list[str]]:
    """Family name -> its GoEmotions labels (neutral is its own family)."""
    mapping = json.loads((GOEMOTIONS / "ekman_mapping.json").read_text(encoding="utf-8"))
    mapping["neutral"] = ["neutral"]
    return mapping
