"""Cache frozen MiniLM features (mean, max and CLS pooled token states) for GoEmotions train and dev."""

from __future__ import annotations

import time

import numpy as np

from goemotions import CACHE, read
from holdspace.language.embedding import encoder

if __name__ == "__main__":
    CACHE.mkdir(parents=True, exist_ok=True)
    enc = encoder()
    for split in ("dev", "train"):
        texts, y = read(split)
        start = time.time()
        x = enc.pool(texts, ("mean", "max", "cls"), batch_size=64)
        print(f"{split}: {len(texts)} texts in {time.time() - start:.0f} s", flush=True)
        np.savez(CACHE / f"frozen_{split}.npz", x=x, y=y)
