"""The risk model's ONNX files and their scores: the full model and every fold model.

    OMP_NUM_THREADS=1 nice -n 15 .venv/bin/python training/export_risk_folds.py risk_ship_L4 [--gather-only] [--whole] [--out DIR]

For STEM (written by `finetune_risk.py --save-folds`; the rows and folds are rebuilt with its loader, so
the folds already trained can be scored while later ones train), exports CACHE/STEM.pt and CACHE/STEM_fold{k}.pt with
export_risk.py's recipe (MatMul and Gather int8, or with `--gather-only` only the embedding table) to
OUT/STEM[_fold{k}][_gather].onnx, then scores with each file through the product's own `Encoder`
(holdspace.language.embedding: the same tokenizer, cleaning and 256-word-piece cut, one text per run):
fold k's file scores the rows held out of fold k (the cross-validated scores of the ONNX model), the full
file every row finetune_risk.py scored with the full model. Each text is scored as the product reads it: the
whole and each of its sentences, keeping the window heard as most at risk (`--whole`: the whole text only, as
the product did until 30 Nov 2026). Writes CACHE/STEM_{int8,gather}_windows_scores.npz (with `--whole`
CACHE/STEM_{int8,gather}_scores.npz)
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


def score(path: Path, texts: list[str], whole: bool = False) -> np.ndarray:
    """Probabilities (none, concern, urgent) per text, as the product computes them: of the window (the whole text
    or one of its sentences, `classifier.windows`) it hears most risk in; with `whole`, of the whole text only
    (the product until 30 Nov 2026)."""
    from holdspace.language.embedding import MAX_TOKENS, Encoder, tokenizer_file
    from holdspace.safety.classifier import read_in_windows

    enc = Encoder(path, tokenizer_file(), sha256(path), max_tokens=MAX_TOKENS, memo=0, spin=False)
    out = np.zeros((len(texts), 3), dtype=np.float32)
    for i, t in enumerate(texts):
        p = enc.outputs([t]) if whole else read_in_windows(enc.outputs, t)
        out[i] = p[int(np.argmax(1.0 - p[:, 0]))]
    return out


def rows_of(stem: str) -> dict:
    """The rows finetune_risk.py scored for STEM: from its scores file once training has finished, else rebuilt
    from its own loader and fold split (so the ONNX scores can be computed fold by fold while later folds still
    train; the data files must then be as they were when it started)."""
    from finetune_risk import POOL, SEED, load

    done = CACHE / f"{stem}_scores.npz"
    if done.exists():  # training has finished: its own rows, whatever the data files hold now
        d = np.load(done)
        scored = np.isin(d["source"], ["fresh", "cssrs_dev", "must_catch"]) | np.isin(d["source"], POOL)
        return {k: d[k] for k in ("text", "source", "category", "y", "group", "fold")} | {"scored": scored}
    args = torch.load(CACHE / f"{stem}.pt", map_location="cpu", weights_only=False)["args"]
    text, source, category, y, group = load(args["cssrs_posts"], with_fresh=args.get("with_fresh", False),
                                            skip_context=args.get("skip_context", False), natural=args.get("natural", 0),
                                            retired=args.get("retired", False))
    pool = np.isin(source, POOL)
    fold = np.full(len(text), -1, dtype=np.int64)
    idx = np.flatnonzero(pool)
    np.random.default_rng(SEED).shuffle(idx)
    for k, part in enumerate(np.array_split(idx, args["folds"]) if args["folds"] else []):
        fold[part] = k
    scored = np.isin(source, ["fresh", "cssrs_dev", "must_catch"]) | pool
    keep = source != "cssrs_train"
    return {"text": np.array(text)[keep], "source": source[keep], "category": category[keep], "y": y[keep],
            "group": np.array([str(g) for g in group])[keep], "fold": fold[keep], "scored": scored[keep]}


def main() -> None:
    gather_only, whole = "--gather-only" in sys.argv, "--whole" in sys.argv
    argv = [a for a in sys.argv[1:] if a not in ("--gather-only", "--whole")]
    out_dir = Path("/tmp/riskship")
    if "--out" in argv:
        i = argv.index("--out")
        out_dir = Path(argv[i + 1])
        del argv[i:i + 2]
    stem = argv[0] if argv else "risk_ship_L4"
    kind = ("gather" if gather_only else "int8") + ("" if whole else "_windows")
    d = rows_of(stem)
    torch_scores = CACHE / f"{stem}_scores.npz"
    ref = dict(np.load(torch_scores)) if torch_scores.exists() else None
    if ref is not None:
        assert np.array_equal(ref["text"], d["text"]), "the torch scores are of other rows"
    text = [str(t) for t in d["text"]]
    fold = d["fold"]
    cv = np.full((len(text), 3), np.nan, dtype=np.float32)
    full = np.full((len(text), 3), np.nan, dtype=np.float32)
    start = time.time()
    suffix = "_gather" if gather_only else ""

    def drift(name, got, want):
        if want is None or np.isnan(want[:, 0]).any():
            return ""
        diff = np.abs(got[:, 0] - want[:, 0])
        return (f", |p(none)| against torch mean {diff.mean():.4f}, p95 {np.percentile(diff, 95):.4f}, "
                f"max {diff.max():.4f}")

    for k in sorted(set(int(f) for f in fold if f >= 0)):
        checkpoint = CACHE / f"{stem}_fold{k}.pt"
        if not checkpoint.exists():
            print(f"fold {k}: no {checkpoint.name} yet; its rows stay unscored", flush=True)
            continue
        path = onnx_of(checkpoint, out_dir / f"{stem}_fold{k}{suffix}.onnx", gather_only)
        rows = np.flatnonzero(fold == k)
        cv[rows] = score(path, [text[r] for r in rows], whole)
        print(f"fold {k}: {path.name} {path.stat().st_size / 1e6:.1f} MB, {len(rows)} held-out rows"
              + drift(k, cv[rows], None if ref is None or not whole else ref["cv"][rows]) + f" ({time.time() - start:.0f}s)", flush=True)
    path = onnx_of(CACHE / f"{stem}.pt", out_dir / f"{stem}{suffix}.onnx", gather_only)
    rows = np.flatnonzero(d["scored"])
    full[rows] = score(path, [text[r] for r in rows], whole)
    print(f"full: {path} {path.stat().st_size / 1e6:.1f} MB sha256 {sha256(path)}, {len(rows)} rows"
          + drift("full", full[rows], None if ref is None or not whole else ref["full"][rows]) + f" ({time.time() - start:.0f}s)",
          flush=True)
    out = CACHE / f"{stem}_{kind}_scores.npz"
    np.savez_compressed(out, cv=cv, full=full, **{k: v for k, v in d.items() if k != "scored"})
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
