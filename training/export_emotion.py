"""Build the shipped emotion model from a fine-tuned checkpoint.

    python export_emotion.py [CACHE/emotion_L4.pt]

1. exports the encoder (mean-pooled) to int8 ONNX at src/holdspace/language/models/emotion.onnx;
2. runs that int8 file over the tune split (carved from TRAIN; dev is never used here) and picks
   per-label thresholds, whether to keep the best label when none passes, and the family rule;
3. writes the head (the checkpoint's linear layer) and those choices to heads/emotion.npz;
4. prints the sha256 to put in holdspace.language.emotions.EMOTION_MODEL_SHA256.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import numpy as np
import torch

from export_onnx import export
from finetune_emotion import EmotionModel, macro_f1
from goemotions import CACHE, labels, read, split_train
from holdspace.language.emotions import LABELS, family_macro_f1, family_of
from holdspace.language.embedding import Encoder, tokenizer_file
from holdspace.language.heads import Head

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "holdspace" / "language"
GRID = np.round(np.arange(0.02, 0.951, 0.015), 3)
RULES = ("top_label", "max", "sum", "max_ratio", "sum_ratio")


def tune_thresholds(y: np.ndarray, p: np.ndarray) -> np.ndarray:
    """Per label, the threshold with the best F1 on the tune split, smoothed over its neighbours.

    Rare labels have few examples in the tune split, so a single threshold's F1 is noisy; the
    average over neighbouring thresholds picks a plateau rather than a lucky spike.
    """
    out = np.zeros(y.shape[1], dtype=np.float32)
    for j in range(y.shape[1]):
        f1 = []
        for t in GRID:
            pred = p[:, j] >= t
            tp = float((pred & (y[:, j] > 0)).sum())
            f1.append(2 * tp / max(pred.sum() + y[:, j].sum(), 1))
        smooth = np.convolve(np.pad(f1, 2, mode="edge"), np.ones(5) / 5, mode="valid")
        out[j] = float(GRID[int(np.argmax(smooth))])
    return out


def single_family(y: np.ndarray) -> list[str | None]:
    out = []
    for row in y:
        fams = {family_of(LABELS[j]) for j in np.flatnonzero(row)}
        out.append(fams.pop() if len(fams) == 1 else None)
    return out


def main() -> None:
    checkpoint = Path(sys.argv[1]) if len(sys.argv) > 1 else CACHE / "emotion_L4.pt"
    saved = torch.load(checkpoint, map_location="cpu")
    model = EmotionModel(saved["layers"])
    model.load_state_dict(saved["state"])
    model.eval()
    assert tuple(labels()) == LABELS
    onnx_path = export(model.encoder, PACKAGE / "models" / "emotion.onnx")
    sha = hashlib.sha256(onnx_path.read_bytes()).hexdigest()
    print(f"{onnx_path}: {onnx_path.stat().st_size / 1e6:.1f} MB, sha256 {sha}")

    head = Head(((model.head.weight.detach().numpy().T.copy(), model.head.bias.detach().numpy().copy()),))
    texts, y = read("train")
    _, tune = split_train()
    encoder = Encoder(onnx_path, tokenizer_file(), sha, max_tokens=128)
    p = head.probabilities(encoder.outputs([texts[i] for i in tune], 64))
    yt = y[tune]
    thresholds = tune_thresholds(yt, p)
    pred = p >= thresholds
    plain = macro_f1(yt, pred)
    forced = pred.copy()
    forced[np.arange(len(p)), p.argmax(1)] |= ~pred.any(1)
    at_least_one = macro_f1(yt, forced) > plain
    print(f"tune macro-F1 at 0.5: {macro_f1(yt, p >= 0.5):.3f}; tuned thresholds: {plain:.3f}; "
          f"keeping the best label when none passes: {macro_f1(yt, forced):.3f}")

    from holdspace.language.emotions import EmotionDetector

    gold = single_family(yt)
    keep = [i for i, g in enumerate(gold) if g]
    best_rule, best = RULES[0], -1.0
    for rule in RULES:
        detector = EmotionDetector.__new__(EmotionDetector)
        detector.thresholds, detector.family_rule = thresholds, rule
        detector._members = EmotionDetector._family_members()
        fams = detector.families(p[keep])
        score = family_macro_f1([gold[i] for i in keep], fams)
        print(f"family rule {rule}: tune family macro-F1 {score:.3f}")
        if score > best:
            best_rule, best = rule, score
    np.savez(PACKAGE / "heads" / "emotion.npz", W0=head.layers[0][0], b0=head.layers[0][1],
             thresholds=thresholds, labels=np.array(LABELS), family_rule=np.array(best_rule),
             at_least_one=np.array(at_least_one))
    print(f"wrote heads/emotion.npz (family rule {best_rule}, at least one label: {at_least_one})")
    print(f'EMOTION_MODEL_SHA256 = "{sha}"')


if __name__ == "__main__":
    main()
