"""The first embedding-classifier experiment for the risk detector's second layer (C-SSRS train, cross-validated).

    PYTHONPATH=src .venv/bin/python training/risk_cssrs_experiment.py

Moved here from benchmarks/risk.py (was `--classifier-experiment`): it measures no shipped part, it asked whether a
second layer was worth building. Reads C-SSRS train only.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from risk import AT_RISK_USERS, CSSRS, posts_of  # noqa: E402

from holdspace.safety.risk import assess as _assess  # noqa: E402
from holdspace.safety.risk import rules_layer  # noqa: E402


def classifier_experiment() -> None:
    """Logistic regression on MiniLM embeddings of C-SSRS *train* posts, 5-fold CV grouped by user.

    A post is labelled by its user's label (Ideation/Behavior/Attempt = 1, Supportive = 0; Indicator
    left out). Reports post-level AUC and, for each threshold, user-level recall and the Supportive
    flag rate of rules OR classifier — the trade-off a second layer would bring. Never reads C-SSRS dev.
    """
    import numpy as np

    from holdspace.language import encoder

    with open(CSSRS, encoding="utf-8") as f:
        users = [r for r in csv.DictReader(f) if r["split"] == "train"]
    texts, owner, labels = [], [], []
    for i, user in enumerate(users):
        for post in posts_of(user["Post"]):
            texts.append(post)
            owner.append(i)
            labels.append(user["Label"])
    owner_a, labels_a = np.array(owner), np.array(labels)
    print(f"embedding {len(texts)} C-SSRS train posts...", file=sys.stderr)
    x = encoder().embed(texts)
    rule_flag = np.array([_assess(t, layers=[rules_layer]).flagged for t in texts])
    y = np.isin(labels_a, list(AT_RISK_USERS)).astype(float)
    keep = labels_a != "Indicator"

    def fit(xs, ys, epochs=1500, lr=2.0, l2=1e-4):
        w = np.where(ys == 1, 0.5 / ys.mean(), 0.5 / (1 - ys.mean()))
        coef, bias = np.zeros(xs.shape[1]), 0.0
        for _ in range(epochs):
            g = (1 / (1 + np.exp(-(xs @ coef + bias))) - ys) * w
            coef -= lr * (xs.T @ g / len(ys) + l2 * coef)
            bias -= lr * g.mean()
        return coef, bias

    rng = np.random.default_rng(0)
    ids = np.arange(len(users))
    rng.shuffle(ids)
    probs = np.zeros(len(texts))
    for fold in np.array_split(ids, 5):
        test = np.isin(owner_a, fold)
        train = ~test & keep
        coef, bias = fit(x[train], y[train])
        probs[test] = 1 / (1 + np.exp(-(x[test] @ coef + bias)))
    ranks = np.empty(keep.sum())
    ranks[np.argsort(probs[keep])] = np.arange(keep.sum())
    pos = y[keep] == 1
    auc = (ranks[pos].sum() - pos.sum() * (pos.sum() - 1) / 2) / (pos.sum() * (~pos).sum())
    print(f"\nEmbedding classifier on C-SSRS train (5-fold CV by user): post-level AUC {auc:.2f}")
    print(f"{'threshold':>9} {'posts flagged':>14} {'recall I/B/A':>13} {'Supportive':>11}")
    user_label = np.array([u["Label"] for u in users])
    for threshold in (0.5, 0.6, 0.7, 0.8, 0.9, 1.01):
        flag = rule_flag | (probs > threshold)
        by_user = np.array([flag[owner_a == i].any() for i in range(len(users))])
        recall = by_user[np.isin(user_label, list(AT_RISK_USERS))].mean()
        name = "rules" if threshold > 1 else f"{threshold:.2f}"
        print(f"{name:>9} {(probs > threshold).mean():>14.1%} {recall:>13.2f} "
              f"{by_user[user_label == 'Supportive'].mean():>11.2f}")


if __name__ == "__main__":
    classifier_experiment()
