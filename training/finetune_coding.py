"""Fine-tune the first N layers of MiniLM for the utterance coder, on AnnoMI train (the fit part).

    OMP_NUM_THREADS=2 nice -n 10 python training/finetune_coding.py --layers 4 --epochs 3

The model reads only the therapist's utterance (so each code still splits into one share per
word); its heads are linear over [the unit mean of the token states, the 26 surface cues of the
utterance and the client's words around it], the same features the product's numpy heads read.
Four tasks share the encoder: behaviour, open/closed, simple/complex and the kind of input.

TRAIN is cut by transcript exactly as training/coding.py cuts it (seeded): the encoder is fitted
on the four fifths, and each epoch is scored on the held-out fifth, which it never sees (so the
heads' L2 picked there later is picked on text the encoder has not read). Dev is never read here.
Writes CACHE/coding_L{N}.pt; export_coding.py turns it into the shipped int8 ONNX encoder.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
import torch
from torch import nn

sys.path.insert(0, str(Path(__file__).parent))
from annomi import CACHE, read  # noqa: E402
from coding import SEED, TASKS, macro_f1  # noqa: E402
from finetune_emotion import batches  # noqa: E402
from holdspace.language.embedding import tokenizer_file  # noqa: E402
from holdspace.practice.cues import CUE_NAMES, cue_vector  # noqa: E402
from holdspace.practice.features import MAX_TOKENS  # noqa: E402
from minilm import HIDDEN, MiniLM  # noqa: E402

#: The unit mean is scaled up inside the model so the heads learn at the encoder's pace.
SCALE = 20.0


class CodingModel(nn.Module):
    def __init__(self, layers: int, cues: int):
        super().__init__()
        self.encoder = MiniLM(layers).load_onnx()
        self.dropout = nn.Dropout(0.1)
        self.heads = nn.ModuleDict({name: nn.Linear(HIDDEN + cues, len(labels))
                                    for name, (_, labels) in TASKS.items()})

    def forward(self, ids, mask, cues):
        hidden = self.encoder(ids, mask)
        m = mask.unsqueeze(-1).to(hidden.dtype)
        mean = (hidden * m).sum(1) / m.sum(1).clamp(min=1.0)
        unit = mean / mean.norm(dim=1, keepdim=True).clamp(min=1e-12)
        x = torch.cat([self.dropout(unit * SCALE), cues], dim=1)
        return {name: head(x) for name, head in self.heads.items()}


def tokenize(texts: list[str]) -> list[list[int]]:
    """Word pieces as the product cuts them (features.extract): at MAX_TOKENS, [SEP] kept last."""
    from tokenizers import Tokenizer

    from holdspace.language.text import clip, normalize

    tok = Tokenizer.from_file(str(tokenizer_file()))
    tok.no_padding()
    out = []
    for e in tok.encode_batch([clip(normalize(t), 1200) or " " for t in texts]):
        ids = list(e.ids)
        out.append(ids if len(ids) <= MAX_TOKENS else ids[:MAX_TOKENS - 1] + [ids[-1]])
    return out


def split(rows) -> tuple[np.ndarray, np.ndarray]:
    """Row indices of TRAIN's fit part and held-out fifth (the cut training/coding.py makes)."""
    train = np.array([r.split == "train" for r in rows])
    transcripts = sorted({r.transcript for r, t in zip(rows, train) if t})
    rng = np.random.default_rng(SEED)
    held = set(rng.choice(transcripts, size=len(transcripts) // 5, replace=False))
    fit = np.array([i for i, r in enumerate(rows) if train[i] and r.transcript not in held])
    hold = np.array([i for i, r in enumerate(rows) if train[i] and r.transcript in held])
    return fit, hold


def targets(rows) -> dict[str, np.ndarray]:
    """Per task, each row's label index, or -1 where the task doesn't apply."""
    return {name: np.array([labels.index(get(r)) if get(r) in labels else -1 for r in rows])
            for name, (get, labels) in TASKS.items()}


def score(model, ids, cues, y, rows) -> dict[str, float]:
    """Held-out behaviour macro-F1 and the sub-task accuracies."""
    model.eval()
    logits = {name: np.zeros((len(ids), len(labels)), np.float32) for name, (_, labels) in TASKS.items()}
    with torch.no_grad():
        for r, x, m in batches(ids, rows, 64):
            out = model(x, m, cues[r])
            for name in logits:
                logits[name][r] = out[name].numpy()
    model.train()
    res = {"behaviour": macro_f1(y["behaviour"][rows], logits["behaviour"][rows].argmax(1), 4)}
    for name in ("question", "reflection", "input"):
        keep = rows[y[name][rows] >= 0]
        res[name] = float(np.mean(logits[name][keep].argmax(1) == y[name][keep]))
    return res


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--layers", type=int, default=4)
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--lr", type=float, default=1e-4)
    parser.add_argument("--head-lr", type=float, default=2e-3)
    parser.add_argument("--out", help="checkpoint name (default coding_L{layers}.pt)")
    args = parser.parse_args()
    torch.manual_seed(SEED)
    torch.set_num_threads(2)
    rows = read()
    fit, hold = split(rows)
    ids = tokenize([r.text for r in rows])
    raw = np.array([cue_vector(r.text, r.client, r.next) for r in rows], dtype=np.float32)
    mu, sd = raw[fit].mean(0), raw[fit].std(0) + 1e-6
    cues = torch.from_numpy((raw - mu) / sd)
    y = targets(rows)
    yt = {k: torch.from_numpy(v) for k, v in y.items()}
    # Class-balanced losses, as the numpy heads are (macro-F1 is the behaviour target).
    losses = {}
    for name, (_, labels) in TASKS.items():
        counts = np.bincount(y[name][fit][y[name][fit] >= 0], minlength=len(labels)).astype(np.float32)
        w = counts.sum() / (len(labels) * np.clip(counts, 1, None))
        losses[name] = nn.CrossEntropyLoss(weight=torch.from_numpy(w), ignore_index=-1, reduction="sum")
    model = CodingModel(args.layers, len(CUE_NAMES))
    model.encoder.word.weight.requires_grad_(False)
    enc = [(n, p) for n, p in model.encoder.named_parameters() if p.requires_grad]
    opt = torch.optim.AdamW([
        {"params": [p for n, p in enc if p.ndim > 1], "weight_decay": 0.01, "lr": args.lr},
        {"params": [p for n, p in enc if p.ndim <= 1], "weight_decay": 0.0, "lr": args.lr},
        {"params": list(model.heads.parameters()), "weight_decay": 0.01, "lr": args.head_lr}])
    steps_per_epoch = (len(fit) + args.batch - 1) // args.batch
    total = steps_per_epoch * args.epochs
    warmup = int(0.06 * total)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min((s + 1) / max(warmup, 1), max(0.0, (total - s) / max(total - warmup, 1))))
    rng = np.random.default_rng(SEED)
    start = time.time()
    print(f"fit {len(fit)} utterances, held-out {len(hold)}; {total} steps", flush=True)
    before = score(model, ids, cues, y, hold)
    print("held-out before fine-tuning: " + ", ".join(f"{k} {v:.3f}" for k, v in before.items()), flush=True)
    for epoch in range(1, args.epochs + 1):
        for r, x, m in batches(ids, fit, args.batch, rng):
            out = model(x, m, cues[r])
            loss = sum(losses[name](out[name], yt[name][r]) for name in TASKS) / len(r)
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
            opt.zero_grad()
        res = score(model, ids, cues, y, hold)
        print(f"epoch {epoch} ({time.time() - start:.0f}s) held-out: "
              + ", ".join(f"{k} {v:.3f}" for k, v in res.items()), flush=True)
        torch.save({"layers": args.layers, "state": model.state_dict(), "args": vars(args), "epoch": epoch,
                    "cue_mu": mu, "cue_sd": sd, "held_out": res},
                   CACHE / (args.out or f"coding_L{args.layers}.pt"))
    print(f"done in {time.time() - start:.0f}s", flush=True)


if __name__ == "__main__":
    main()
