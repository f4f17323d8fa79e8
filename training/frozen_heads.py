"""Heads on frozen MiniLM features (the first thing tried): logistic vs MLP, mean vs mean+max.

    python frozen_features.py && python frozen_heads.py

Thresholds are tuned on the tune split (carved from TRAIN); the printed dev figures are for the
record only and chose nothing. Kept to document why the shipped model is fine-tuned instead.
"""

from __future__ import annotations

import numpy as np
import torch
from torch import nn

from export_emotion import single_family, tune_thresholds
from holdspace.language.emotions import family_macro_f1
from finetune_emotion import macro_f1
from goemotions import CACHE, SEED, split_train
from holdspace.language.emotions import LABELS, family_of


def train(x, y, hidden: int, epochs: int = 30) -> nn.Module:
    torch.manual_seed(SEED)
    layers = [nn.Linear(x.shape[1], hidden), nn.ReLU(), nn.Dropout(0.3), nn.Linear(hidden, 28)] \
        if hidden else [nn.Linear(x.shape[1], 28)]
    model = nn.Sequential(*layers)
    opt = torch.optim.AdamW(model.parameters(), lr=1e-3, weight_decay=1e-4)
    xt, yt = torch.from_numpy(x), torch.from_numpy(y)
    loss_fn = nn.BCEWithLogitsLoss()
    for _ in range(epochs):
        for idx in torch.randperm(len(xt)).split(256):
            opt.zero_grad()
            loss_fn(model(xt[idx]), yt[idx]).backward()
            opt.step()
    return model.eval()


def main() -> None:
    torch.set_num_threads(2)
    tr, dv = np.load(CACHE / "frozen_train.npz"), np.load(CACHE / "frozen_dev.npz")
    fit, tune = split_train()
    views = {"mean": slice(0, 384), "mean+max": slice(0, 768), "mean+max+cls": slice(0, 1152)}
    print(f"{'features':14} {'head':10} {'dev macro-F1':>12} {'dev family':>10}")
    for view, cols in views.items():
        x, xd = tr["x"][:, cols], dv["x"][:, cols]
        mu, sd = x[fit].mean(0), x[fit].std(0) + 1e-6
        x, xd = (x - mu) / sd, (xd - mu) / sd
        for hidden in (0, 512):
            model = train(x[fit], tr["y"][fit], hidden)
            with torch.no_grad():
                p_tune = torch.sigmoid(model(torch.from_numpy(x[tune]))).numpy()
                p_dev = torch.sigmoid(model(torch.from_numpy(xd))).numpy()
            th = tune_thresholds(tr["y"][tune], p_tune)
            f1 = macro_f1(dv["y"], p_dev >= th)
            gold = single_family(dv["y"])
            keep = [i for i, g in enumerate(gold) if g]
            fam = family_macro_f1([gold[i] for i in keep],
                                  [family_of(LABELS[j]) for j in p_dev[keep].argmax(1)])
            print(f"{view:14} {'MLP 512' if hidden else 'logistic':10} {f1:12.3f} {fam:10.3f}", flush=True)


if __name__ == "__main__":
    main()
