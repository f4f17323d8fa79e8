"""Fine-tune the first N layers of MiniLM on GoEmotions (fit split of TRAIN), multi-label.

    python finetune_emotion.py --layers 4 --epochs 2

Writes CACHE/emotion_L{N}.pt (encoder and head state). Progress is scored on the tune split
(carved from TRAIN); dev is never looked at here. About 25 minutes an epoch for 4 layers on
2 cores. Then run export_emotion.py to build the shipped int8 ONNX model and head.
"""

from __future__ import annotations

import argparse
import time

import numpy as np
import torch
from torch import nn

from goemotions import CACHE, SEED, read, split_train
from holdspace.language.embedding import tokenizer_file
from minilm import HIDDEN, MiniLM, mean_pool


class EmotionModel(nn.Module):
    def __init__(self, layers: int, labels: int = 28):
        super().__init__()
        self.encoder = MiniLM(layers).load_onnx()
        self.dropout = nn.Dropout(0.1)
        self.head = nn.Linear(HIDDEN, labels)

    def forward(self, ids, mask):
        return self.head(self.dropout(mean_pool(self.encoder(ids, mask), mask)))


def tokenize(texts: list[str], max_len: int) -> list[list[int]]:
    from tokenizers import Tokenizer

    from holdspace.language.text import normalize

    tok = Tokenizer.from_file(str(tokenizer_file()))
    tok.enable_truncation(max_length=max_len)
    tok.no_padding()
    return [e.ids for e in tok.encode_batch([normalize(t) or " " for t in texts])]


def batches(ids: list[list[int]], order: np.ndarray, size: int, rng=None):
    """Batches of similar length (little padding); shuffled between batches when rng is given."""
    if rng is not None:
        order = rng.permutation(order)
        chunks = [order[i:i + size * 50] for i in range(0, len(order), size * 50)]
        order = np.concatenate([c[np.argsort([len(ids[j]) for j in c], kind="stable")] for c in chunks])
    else:
        order = order[np.argsort([len(ids[j]) for j in order], kind="stable")]
    groups = [order[i:i + size] for i in range(0, len(order), size)]
    if rng is not None:
        groups = [groups[i] for i in rng.permutation(len(groups))]
    for rows in groups:
        width = max(len(ids[r]) for r in rows)
        x = torch.zeros((len(rows), width), dtype=torch.long)
        m = torch.zeros((len(rows), width), dtype=torch.long)
        for k, r in enumerate(rows):
            x[k, : len(ids[r])] = torch.tensor(ids[r])
            m[k, : len(ids[r])] = 1
        yield rows, x, m


def macro_f1(y: np.ndarray, pred: np.ndarray) -> float:
    tp = (y * pred).sum(0)
    denom = y.sum(0) + pred.sum(0)
    return float(np.mean(np.where(denom > 0, 2 * tp / np.maximum(denom, 1), 0)))


def predict(model, ids, rows, size=128) -> np.ndarray:
    model.eval()
    out = np.zeros((len(ids), 28), dtype=np.float32)
    with torch.no_grad():
        for r, x, m in batches(ids, rows, size):
            out[r] = torch.sigmoid(model(x, m)).numpy()
    model.train()
    return out[rows]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--layers", type=int, default=4)
    parser.add_argument("--epochs", type=float, default=2)
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--lr", type=float, default=1e-4)
    parser.add_argument("--max-len", type=int, default=64)
    parser.add_argument("--init", help="start from this checkpoint (e.g. to anneal a stopped run)")
    parser.add_argument("--steps", type=int, help="train this many steps instead of --epochs")
    parser.add_argument("--warmup", type=float, default=0.06, help="share of steps warming up")
    parser.add_argument("--out", help="checkpoint name (default emotion_L{layers}.pt)")
    parser.add_argument("--pos-weight", type=float, default=0.0,
                        help="weight positives of label j by (negatives/positives)^this, at most 30: "
                             "rare labels (grief, pride, relief) otherwise never rise above any threshold")
    args = parser.parse_args()
    torch.manual_seed(SEED)
    torch.set_num_threads(2)
    texts, y = read("train")
    fit, tune = split_train()
    ids = tokenize(texts, args.max_len)
    model = EmotionModel(args.layers)
    if args.init:
        model.load_state_dict(torch.load(args.init, map_location="cpu")["state"])
    # The word-embedding table is most of the parameters and most of each step's optimizer
    # time; frozen, training runs about twice as fast and the vocabulary keeps its meaning.
    model.encoder.word.weight.requires_grad_(False)
    trainable = [(n, p) for n, p in model.named_parameters() if p.requires_grad]
    decay = [p for n, p in trainable if p.ndim > 1]
    no_decay = [p for n, p in trainable if p.ndim <= 1]
    opt = torch.optim.AdamW([{"params": decay, "weight_decay": 0.01},
                             {"params": no_decay, "weight_decay": 0.0}], lr=args.lr)
    steps_per_epoch = (len(fit) + args.batch - 1) // args.batch
    total = args.steps or int(steps_per_epoch * args.epochs)
    warmup = int(args.warmup * total)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min((s + 1) / max(warmup, 1), max(0.0, (total - s) / max(total - warmup, 1))))
    positives = y[fit].sum(0)
    ratio = (len(fit) - positives) / np.maximum(positives, 1)
    weights = torch.from_numpy(np.minimum(ratio ** args.pos_weight, 30.0).astype(np.float32))
    loss_fn = nn.BCEWithLogitsLoss(pos_weight=weights)
    rng = np.random.default_rng(SEED)
    yt = torch.from_numpy(y)
    step, start = 0, time.time()
    model.train()
    while step < total:
        for rows, x, m in batches(ids, fit, args.batch, rng):
            loss = loss_fn(model(x, m), yt[rows])
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
            opt.zero_grad()
            step += 1
            if step % 200 == 0:
                print(f"step {step}/{total} loss {loss.item():.4f} {time.time() - start:.0f}s", flush=True)
            if step % steps_per_epoch == 0 or step == total:
                name = args.out or f"emotion_L{args.layers}.pt"
                p = predict(model, ids, tune)
                print(f"tune macro-F1 at 0.5: {macro_f1(y[tune], p > 0.5):.3f}, "
                      f"at 0.3: {macro_f1(y[tune], p > 0.3):.3f}", flush=True)
                torch.save({"layers": args.layers, "state": model.state_dict(), "args": vars(args),
                            "step": step}, CACHE / name)
            if step >= total:
                break
    print(f"done in {time.time() - start:.0f}s", flush=True)


if __name__ == "__main__":
    main()
