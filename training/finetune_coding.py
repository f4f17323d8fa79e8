"""Fine-tune the first N layers of MiniLM for the utterance coder, on AnnoMI train (the fit part).

    OMP_NUM_THREADS=2 nice -n 10 python training/finetune_coding.py --layers 4 --epochs 3

The model reads only the therapist's utterance (so each code still splits into one share per
word; --pair puts the client's words before it in the input too, but the heads still average only
the therapist's token states, and --types marks the therapist's part as segment 1); its heads are
linear over [the unit mean of the token states, the 31 surface cues of the utterance and the
client's words around it], the same features the product's numpy heads read.
Four tasks share the encoder: behaviour, open/closed, simple/complex and the kind of input.

TRAIN is cut by transcript exactly as training/coding.py cuts it (seeded): the encoder is fitted
on the four fifths, and each epoch is scored on the held-out fifth, which it never sees (so the
heads' L2 picked there later is picked on text the encoder has not read). Dev is never read here.
Writes one checkpoint per epoch, CACHE/{stem}_e{epoch}.pt (stem: --out without ".pt", default
coding_L{N}), and refuses to start if any of them exists (the cache is shared: nothing is
overwritten). export_coding.py turns one into the int8 ONNX encoder; soup_coding.py averages several.
--seed changes only the heads' initial weights, dropout and the batch order; the fit part and
held-out fifth are always cut with coding.SEED, so runs with different seeds are comparable.
--team-examples adds the team-written questions and reflections (training/coding_team_examples.toml)
to the rows fitted on (session 7's experiment; they are never scored and never held out).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import numpy as np
import torch
from torch import nn

sys.path.insert(0, str(Path(__file__).parent))
from annomi import CACHE, read  # noqa: E402
from coding import BALANCE, SEED, TASKS, macro_f1, team_rows  # noqa: E402
from finetune_emotion import batches  # noqa: E402
from holdspace.language.embedding import tokenizer_file  # noqa: E402
from holdspace.practice.cues import CUE_NAMES, cue_vector  # noqa: E402
from holdspace.practice.features import MAX_TOKENS  # noqa: E402
from minilm import HIDDEN, MiniLM  # noqa: E402

#: The unit mean is scaled up inside the model so the heads learn at the encoder's pace.
SCALE = 20.0

#: Which torch heads' losses weigh classes to balance while the encoder is fine-tuned. The recipe
#: chosen on the held-out fifth (and shipped) balances all four ("all"). The product's numpy heads,
#: refitted afterwards by coding.py over the exported encoder, balance only behaviour and the kind
#: of input (coding.BALANCE: macro-F1 targets) and keep train's class shares for open/closed and
#: simple/complex (accuracy targets). The torch heads are thrown away at export, so they only
#: shape what the encoder learns; "numpy" makes their losses match coding.BALANCE instead.
LOSS_BALANCE = {"all": {name: True for name in TASKS}, "numpy": dict(BALANCE)}


class CodingModel(nn.Module):
    def __init__(self, layers: int, cues: int, types: bool = False):
        super().__init__()
        self.types = types  # the therapist's part of a pair is segment 1 (BERT's sentence B)
        self.encoder = MiniLM(layers).load_onnx()
        self.dropout = nn.Dropout(0.1)
        self.heads = nn.ModuleDict({name: nn.Linear(HIDDEN + cues, len(labels))
                                    for name, (_, labels) in TASKS.items()})

    def forward(self, ids, mask, cues, pool=None):
        """`pool` marks the tokens whose states are averaged (the therapist's, in a pair)."""
        hidden = self.encoder(ids, mask, pool if self.types else None)
        m = (mask if pool is None else pool).unsqueeze(-1).to(hidden.dtype)
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


#: --pair: [CLS] the tail of the client's words before [SEP] the head of the therapist's [SEP].
CLIENT_TOKENS, THERAPIST_TOKENS, CLS, SEP = 48, 64, 101, 102


def pair_ids(tok, therapist: list[str], clients: list[str]) -> tuple[list[list[int]], list[int]]:
    """Word pieces of each (client, therapist) pair: the client's last CLIENT_TOKENS pieces, then the
    therapist's first THERAPIST_TOKENS (its [SEP] kept last), and where the therapist's part starts.
    Not shipped (training/README.md, "The client's words in the model's input"): the product would
    have to read pairs the same way in features.extract, averaging only the therapist's states."""
    ts = tok.encode_batch(therapist, add_special_tokens=False)
    # The tokenizer cuts at MAX_TOKENS from the start; the client's last 400 characters hold more
    # than CLIENT_TOKENS pieces, so the tail kept is truly the end of what the client said.
    cs = tok.encode_batch([(c or " ")[-400:] for c in clients], add_special_tokens=False)
    ids, starts = [], []
    for t, c in zip(ts, cs):
        tail = list(c.ids[-CLIENT_TOKENS:]) if c.ids else []
        ids.append([CLS] + tail + [SEP] + list(t.ids[:THERAPIST_TOKENS - 1]) + [SEP])
        starts.append(len(tail) + 2)
    return ids, starts


def tokenize_pairs(rows) -> tuple[list[list[int]], np.ndarray]:
    """(client, therapist) pairs (pair_ids), and where each therapist part starts."""
    from tokenizers import Tokenizer

    from holdspace.language.text import clip, normalize

    tok = Tokenizer.from_file(str(tokenizer_file()))
    tok.no_padding()
    ids, starts = pair_ids(tok, [clip(normalize(r.text), 1200) or " " for r in rows],
                           [clip(normalize(r.client), 1200) for r in rows])
    return ids, np.array(starts)


def pooled(batch, starts):
    """Add the pooling mask (therapist tokens only) to batches(); None when reading one text."""
    for r, x, m in batch:
        pool = None
        if starts is not None:
            pool = (torch.arange(x.shape[1])[None, :] >= torch.from_numpy(starts[r])[:, None]).long() * m
        yield r, x, m, pool


#: Cross-fitting (training/coding_crossfit.py) cuts TRAIN's transcripts into this many fifths.
FOLDS = 5


def fold_transcripts(rows, fold: int = 0) -> set[str]:
    """The TRAIN transcripts of one fifth. Fifth 0 is the held-out fifth every earlier run used
    (coding.SEED's draw, as training/coding.py cuts it); fifths 1-4 cut the other transcripts, shuffled
    with coding.SEED + 1, into four near-equal parts. Together the five cover TRAIN once."""
    transcripts = sorted({r.transcript for r in rows if r.split == "train"})
    held = np.random.default_rng(SEED).choice(transcripts, size=len(transcripts) // 5, replace=False)
    if fold == 0:
        return set(held)
    rest = sorted(set(transcripts) - set(held))
    rest = list(np.random.default_rng(SEED + 1).permutation(rest))
    return set(np.array_split(np.array(rest), FOLDS - 1)[fold - 1])


def split(rows, fold: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Row indices of TRAIN's fit part and held-out fifth (fifth 0: the cut training/coding.py makes;
    see fold_transcripts for the others)."""
    train = np.array([r.split == "train" for r in rows])
    held = fold_transcripts(rows, fold)
    fit = np.array([i for i, r in enumerate(rows) if train[i] and r.transcript not in held])
    hold = np.array([i for i, r in enumerate(rows) if train[i] and r.transcript in held])
    return fit, hold


def targets(rows) -> dict[str, np.ndarray]:
    """Per task, each row's label index, or -1 where the task doesn't apply."""
    return {name: np.array([labels.index(get(r)) if get(r) in labels else -1 for r in rows])
            for name, (get, labels) in TASKS.items()}


def score(model, ids, cues, y, rows, starts=None) -> dict[str, float]:
    """Held-out behaviour macro-F1 and the sub-task accuracies."""
    model.eval()
    logits = {name: np.zeros((len(ids), len(labels)), np.float32) for name, (_, labels) in TASKS.items()}
    with torch.no_grad():
        for r, x, m, p in pooled(batches(ids, rows, 64), starts):
            out = model(x, m, cues[r], p)
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
    parser.add_argument("--pair", action="store_true",
                        help="read the client's words before the utterance too (features.pair_ids)")
    parser.add_argument("--types", action="store_true", help="with --pair: mark the therapist's part as segment 1")
    parser.add_argument("--out", help="checkpoint stem (default coding_L{layers}); writes STEM_e{epoch}.pt")
    parser.add_argument("--seed", type=int, default=SEED,
                        help="heads' initial weights, dropout and batch order (not the fit/held-out cut)")
    parser.add_argument("--loss-balance", choices=sorted(LOSS_BALANCE), default="all",
                        help="balance classes in every torch head's loss (shipped recipe), or as the "
                             "numpy heads do (coding.BALANCE)")
    parser.add_argument("--team-examples", type=Path,
                        help="also fit on these team-written examples (training/coding_team_examples.toml); "
                             "they are never scored, and never in the held-out fifth")
    parser.add_argument("--threads", type=int, default=int(os.environ.get("OMP_NUM_THREADS", "2")))
    parser.add_argument("--fold", type=int, default=0, choices=range(FOLDS),
                        help="which fifth of train is held out (0: the one every earlier run held out; "
                             "1-4: cross-fitting, training/coding_crossfit.py)")
    parser.add_argument("--all-train", action="store_true",
                        help="fit on ALL of train (the held-out fifth too), once a recipe and epoch count "
                             "were chosen on the held-out fifth; its held-out scores then mean nothing")
    args = parser.parse_args()
    stem = (args.out or f"coding_L{args.layers}").removesuffix(".pt")
    paths = {e: CACHE / f"{stem}_e{e}.pt" for e in range(1, args.epochs + 1)}
    taken = [str(p) for p in paths.values() if p.exists()]
    if taken:
        sys.exit(f"refusing to overwrite {', '.join(taken)}: choose another --out")
    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)
    rows = read()
    fit, hold = split(rows, args.fold)
    if args.all_train:
        fit = np.sort(np.concatenate([fit, hold]))
    if args.team_examples:
        extra = team_rows(args.team_examples)
        fit = np.concatenate([fit, np.arange(len(rows), len(rows) + len(extra))])
        rows = rows + extra
    if args.pair:
        ids, starts = tokenize_pairs(rows)
    else:
        ids, starts = tokenize([r.text for r in rows]), None
    raw = np.array([cue_vector(r.text, r.client, r.next) for r in rows], dtype=np.float32)
    mu, sd = raw[fit].mean(0), raw[fit].std(0) + 1e-6
    cues = torch.from_numpy((raw - mu) / sd)
    y = targets(rows)
    yt = {k: torch.from_numpy(v) for k, v in y.items()}
    # Class weights per LOSS_BALANCE (see there for how they relate to the numpy heads').
    losses = {}
    for name, (_, labels) in TASKS.items():
        counts = np.bincount(y[name][fit][y[name][fit] >= 0], minlength=len(labels)).astype(np.float32)
        w = counts.sum() / (len(labels) * np.clip(counts, 1, None))
        if not LOSS_BALANCE[args.loss_balance][name]:
            w = np.ones_like(w)
        losses[name] = nn.CrossEntropyLoss(weight=torch.from_numpy(w), ignore_index=-1, reduction="sum")
    model = CodingModel(args.layers, len(CUE_NAMES), types=args.types)
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
    rng = np.random.default_rng(args.seed)
    start = time.time()
    print(f"fit {len(fit)} utterances, held-out {len(hold)}; {total} steps", flush=True)
    before = {} if args.all_train else score(model, ids, cues, y, hold, starts)
    print("held-out before fine-tuning: " + ", ".join(f"{k} {v:.3f}" for k, v in before.items()), flush=True)
    for epoch in range(1, args.epochs + 1):
        for r, x, m, p in pooled(batches(ids, fit, args.batch, rng), starts):
            out = model(x, m, cues[r], p)
            loss = sum(losses[name](out[name], yt[name][r]) for name in TASKS) / len(r)
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
            opt.zero_grad()
        res = {} if args.all_train else score(model, ids, cues, y, hold, starts)
        print(f"epoch {epoch} ({time.time() - start:.0f}s) held-out: "
              + ", ".join(f"{k} {v:.3f}" for k, v in res.items()), flush=True)
        torch.save({"layers": args.layers, "state": model.state_dict(), "args": vars(args), "epoch": epoch, "pair": args.pair, "types": args.types,
                    "all_train": args.all_train, "team_examples": str(args.team_examples or ""),
                    "seed": args.seed, "fold": args.fold, "cue_mu": mu, "cue_sd": sd, "held_out": res},
                   paths[epoch])
        print(f"wrote {paths[epoch]}", flush=True)
    print(f"done in {time.time() - start:.0f}s", flush=True)


if __name__ == "__main__":
    main()
