"""Average the weights of several fine-tuned coder checkpoints (a "model soup").

    python soup_coding.py OUT.pt CACHE/a_e3.pt CACHE/b_e3.pt [...]
    python soup_coding.py --any-epoch OUT.pt CACHE/a_e2.pt CACHE/a_e3.pt   # one run's last epochs

Each checkpoint must come from finetune_coding.py with the same recipe: the same number of layers,
the same input (--pair, --types) and the same training rows (all fit part, or all --all-train),
all starting from the same pretrained weights, only --seed differing. The soup is their uniform
mean, tensor by tensor (encoder and torch heads; the torch heads are not shipped, coding.py refits
numpy heads over the exported encoder). It costs nothing at run time: the result is one encoder
of the same size. export_coding.py exports it like any checkpoint. Refuses to overwrite OUT.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import torch

#: Settings that must agree for an average of the weights to mean anything.
SAME = ("layers", "pair", "types", "all_train", "epoch")


def soup(checkpoints: list[dict], any_epoch: bool = False) -> dict:
    """The uniform mean of the checkpoints' weights, with the first one's settings."""
    first = checkpoints[0]
    for c in checkpoints[1:]:
        for key in SAME:
            if key == "epoch" and any_epoch:
                continue
            if c.get(key) != first.get(key):
                raise ValueError(f"checkpoints differ in {key}: {first.get(key)!r} vs {c.get(key)!r}")
        if not (np.allclose(c["cue_mu"], first["cue_mu"]) and np.allclose(c["cue_sd"], first["cue_sd"])):
            raise ValueError("checkpoints standardised the cues differently (different training rows)")
        if c["state"].keys() != first["state"].keys():
            raise ValueError("checkpoints hold different tensors")
    state = {}
    for name, tensor in first["state"].items():
        stack = torch.stack([c["state"][name] for c in checkpoints])
        state[name] = stack.mean(0) if tensor.is_floating_point() else tensor
    return {**{k: v for k, v in first.items() if k != "state"}, "state": state,
            "epoch": [c.get("epoch") for c in checkpoints] if any_epoch else first.get("epoch"),
            "seed": [c.get("seed") for c in checkpoints], "held_out": {},
            "soup_of": [c.get("args", {}).get("out") for c in checkpoints]}


def main() -> None:
    argv = sys.argv[1:]
    any_epoch = "--any-epoch" in argv
    argv = [a for a in argv if a != "--any-epoch"]
    if len(argv) < 3:
        sys.exit(__doc__)
    out, paths = Path(argv[0]), [Path(p) for p in argv[1:]]
    if out.exists():
        sys.exit(f"refusing to overwrite {out}")
    checkpoints = [torch.load(p, map_location="cpu", weights_only=False) for p in paths]
    result = soup(checkpoints, any_epoch)
    result["soup_of"] = [str(p) for p in paths]
    torch.save(result, out)
    print(f"{out}: uniform soup of {len(paths)} checkpoints (seeds {result['seed']})")


if __name__ == "__main__":
    main()
