"""The risk model's ONNX files and their scores: the full model and every fold model.

    OMP_NUM_THREADS=1 nice -n 15 .venv/bin/python training/export_risk_folds.py risk_ship_L4 [--gather-only] [--out DIR]

For STEM (written by `finetune_risk.py --save-folds`), exports CACHE/STEM.pt and CACHE/STEM_fold{k}.pt with
export_risk.py's recipe (MatMul and Gather int8, or with `--gather-only` only the embedding table) to
OUT/STEM[_fold{k}][_gather].onnx, then scores with each file through the product's own `Encoder`
(holdspace.language.embedding: the same tokenizer, cleaning and 256-word-piece cut, one text per run):
fold k's file scores the rows held out of fold k (the cross-validated scores of the ONNX model), the full
file every row finetune_risk.py scored with the full model. Writes CACHE/STEM_{int8,gather}_scores.npz
with the same keys as CACHE/STEM_scores.npz (read by risk_ship_eval.py) and prints each file's drift
from the torch probabilities. Why: int8 moves the saturated probabilities, so a threshold must be chosen
on the scores of the file that ships, not on torch's.
"""

from __future__ import annotations

import hashlib
import sys
import time
from pathlib import Path

import numpy as np
import torch

sys.path.insert(0, str(Path(__file__).parent))
from annomi import CACHE  # noqa: E402
from export_risk import Probabilities, export  # noqa: E402
from finetune_risk import RiskModel  # noqa: E402


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def onnx_of(checkpoint: Path, target: Path, gather_only: bool) -> Path:
    if target.exists() and target.stat().st_mtime > checkpoint.stat().st_mtime:
        return target  # exported from this very checkpoint already
    saved = torch.load(checkpoint, map_location="cpu", weights_only=False)
    model = RiskModel(saved["layers"])
    model.load_state_dict(saved["state"])
    model.eval()
    return export(Probabilities(model).eval(), target, ["Gather"] if gather_only else ["MatMul", "Gather"])


def score(path: Path, texts: list[str]) -> np.ndarray:
    """Probabilities (none, concern, urgent) per text, as the product computes them."""
    from holdspace.language.embedding import MAX_TOKENS, Encoder, tokenizer_file

    enc = Encoder(path, tokenizer_file(), sha256(path), max_tokens=MAX_TOKENS, memo=0, spin=False)
    out = np.zeros((len(texts), 3), dtype=np.float32)
    for i, t in enumerate(texts):
        out[i] = enc.outputs([t])[0]
    return out


def main() -> None:
    gather_only = "--gather-only" in sys.argv
    argv = [a for a in sys.argv[1:] if a != "--gather-only"]
    out_dir = Path("/tmp/riskship")
    if "--out" in argv:
        i = argv.index("--out")
        out_dir = Path(argv[i + 1])
        del argv[i:i + 2]
    stem = argv[0] if argv else "risk_ship_L4"
    kind = "gather" if gather_only else "int8"
    d = dict(np.load(CACHE / f"{stem}_scores.npz"))
    text = [str(t) for t in d["text"]]
    fold = d["fold"]
    cv = np.full_like(d["cv"], np.nan)
    full = np.full_like(d["full"], np.nan)
    start = time.time()
    suffix = "_gather" if gather_only else ""
    for k in sorted(set(int(f) for f in fold if f >= 0)):
        path = onnx_of(CACHE / f"{stem}_fold{k}.pt", out_dir / f"{stem}_fold{k}{suffix}.onnx", gather_only)
        rows = np.flatnonzero(fold == k)
        cv[rows] = score(path, [text[r] for r in rows])
        diff = np.abs(cv[rows, 0] - d["cv"][rows, 0])
        print(f"fold {k}: {path.name} {path.stat().st_size / 1e6:.1f} MB, {len(rows)} held-out rows, |p(none)| against "
              f"torch mean {diff.mean():.4f}, p95 {np.percentile(diff, 95):.4f}, max {diff.max():.4f} "
              f"({time.time() - start:.0f}s)", flush=True)
    path = onnx_of(CACHE / f"{stem}.pt", out_dir / f"{stem}{suffix}.onnx", gather_only)
    rows = np.flatnonzero(~np.isnan(d["full"][:, 0]))
    full[rows] = score(path, [text[r] for r in rows])
    diff = np.abs(full[rows, 0] - d["full"][rows, 0])
    print(f"full: {path} {path.stat().st_size / 1e6:.1f} MB sha256 {sha256(path)}, {len(rows)} rows, |p(none)| "
          f"against torch mean {diff.mean():.4f}, p95 {np.percentile(diff, 95):.4f}, max {diff.max():.4f} "
          f"({time.time() - start:.0f}s)", flush=True)
    d["cv"], d["full"] = cv, full
    np.savez_compressed(CACHE / f"{stem}_{kind}_scores.npz", **d)
    print(f"wrote {CACHE / f'{stem}_{kind}_scores.npz'}")


if __name__ == "__main__":
    main()
