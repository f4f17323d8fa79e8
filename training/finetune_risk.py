"""EXPERIMENT (not shipped): fine-tune the first N layers of MiniLM as a 3-class risk classifier.

    OMP_NUM_THREADS=1 nice -n 15 .venv/bin/python training/finetune_risk.py --layers 4 --epochs 3 --cssrs-posts 4

Does a fine-tuned small encoder carry over to fresh risk wording better than the shipped logistic
head over frozen MiniLM sentence vectors (holdspace.safety.classifier)? Modelled on
finetune_coding.py: the weights are read from the int8 ONNX MiniLM the product ships
(training/minilm.py, no download), the word embeddings stay frozen, the first `--layers` layers are
trained, and a linear head reads the unit mean of the token states (x SCALE).

Classes: none / concern / urgent (softmax). The flag score is 1 - p(none); a flagged text is urgent
when p(urgent) > p(concern). A C-SSRS post only says "at risk" (its user's label copied to every post),
so its loss is -log(1 - p(none)) and it never teaches concern against urgent.

Training part (the fresh batches dev-t6 .. dev-t10 are not read for training here unless `--with-fresh`:
they were kept out to measure fresh wording; `--with-fresh` adds them to `team_dev`, folds included, as
the shipped model is trained):
  - tests/safety/data/risk_dev.jsonl minus ids dev-t6-* .. dev-t10-* (`team_dev`)
  - tests/safety/data/classifier_dev.jsonl (`classifier_dev`), must_catch.jsonl (`must_catch`)
  - tests/safety/data/everyday_dev.jsonl (`everyday_dev`, all none)
  - C-SSRS Reddit *train* posts, the first `--cssrs-posts` of each user (Ideation/Behavior/Attempt =
    at risk, Supportive = none, Indicator left out), clipped to `--max-tokens`.
Weights follow training/risk_classifier.py's shares: C-SSRS 1 (half at-risk, half Supportive), the team
sets `--team-weight` (half none, half concern+urgent), everyday first-person `--everyday-weight`.

Scores written to CACHE/risk_ft_scores.npz (read by training/risk_finetune_eval.py):
  - every team row of the training part scored by 5-fold cross-validation (a model that never saw it;
    folds over team_dev + classifier_dev + everyday_dev, must_catch and C-SSRS train always in training)
  - the fresh batches and every C-SSRS *dev* post (all posts, 2,000 characters, as risk_embed.py embeds
    them) scored by the model trained on the whole training part, saved as CACHE/risk_ft_L{N}.pt.
The held-back sets (risk_test*.jsonl, everyday_test*.jsonl) are never opened.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import time
from pathlib import Path

import numpy as np
import torch
from torch import nn

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(ROOT / "benchmarks"))
from annomi import ANNOMI, CACHE  # noqa: E402
from annomi import DATA as SHARED  # noqa: E402
from finetune_emotion import batches  # noqa: E402
from minilm import HIDDEN, MiniLM  # noqa: E402
from risk import CSSRS, DATA, posts_of  # noqa: E402

SEED = 7
SCALE = 20.0
LEVELS = ("none", "concern", "urgent")
AT_RISK = {"Ideation", "Behavior", "Attempt"}
FRESH = tuple(f"dev-t{n}-" for n in range(6, 11))
#: the rows cross-validation folds over (the rest is always in training)
POOL = ("team_dev", "classifier_dev", "everyday_dev", "natural")
GOEMOTIONS = SHARED / "emotion" / "goemotions" / "train.tsv"
# A word near risk, to keep a text out of the natural negatives whatever the rules say of it.
_NEAR_RISK = re.compile(
    r"suicid|kill|\bdie\b|\bdied\b|dying|dead|death|overdos|\bpills?\b|tablets|\bcut(?:s|ting)?\b|self.?harm|harm|"
    r"hang|jump|bridge|\bgun|shoot|rope|wrist|razor|blade|starv|purg|throw(?:ing)? up|abus|rape|\bhit\b|beat|"
    r"\bend (?:it|my|this|things)|alive|\blive\b|living|hurt|wound|blood|bleed|weapon|knife|stab|drown|poison|"
    r"funeral|grave|\bgone\b|goodbye|farewell|disappear|\bquit\b|give up|worthless|hopeless|burden|\bpain\b",
    re.IGNORECASE)
#: GoEmotions ids of the feelings the model confused with risk: anger, annoyance, caring, confusion,
#: disappointment, disapproval, embarrassment, fear, grief, nervousness, remorse, sadness
_HARD_FEELINGS = {"2", "3", "5", "6", "9", "10", "12", "14", "16", "19", "24", "25"}
_FIRST_PERSON = re.compile(r"\b(?:i|i'm|im|i've|ive|i'd|me|my|myself)\b", re.IGNORECASE)
#: label for a C-SSRS at-risk post: concern or urgent, not which
FLAG = -2


class RiskModel(nn.Module):
    def __init__(self, layers: int):
        super().__init__()
        self.encoder = MiniLM(layers).load_onnx()
        self.dropout = nn.Dropout(0.1)
        self.head = nn.Linear(HIDDEN, len(LEVELS))

    def forward(self, ids, mask):
        hidden = self.encoder(ids, mask)
        m = mask.unsqueeze(-1).to(hidden.dtype)
        mean = (hidden * m).sum(1) / m.sum(1).clamp(min=1.0)
        unit = mean / mean.norm(dim=1, keepdim=True).clamp(min=1e-12)
        return self.head(self.dropout(unit * SCALE))


#: held-back sets retired into training (`--retired`): read so often that they no longer measure fresh wording.
#: A bare `--retired` means sets 4 and 5 (every run before session 12); `--retired 4 5 6 7` names them.
RETIRED = ("4", "5")
#: the held-back sets that may be retired at all (set 8 since session 13, set 9 since session 15, set 10 since session 20,
#: each once read); set 11 and later are fresh and never read here
RETIRABLE = ("4", "5", "6", "7", "8", "9", "10")


def retired_sets(retired: bool | list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """The sets a run's `--retired` names (True: the old flag, sets 4 and 5)."""
    sets = RETIRED if retired is True else tuple(retired or ())
    assert set(sets) <= set(RETIRABLE), f"held-back sets {sorted(set(sets) - set(RETIRABLE))} are never trained on"
    return sets


def jsonl(name: str) -> list[dict]:
    assert "test" not in name or any(name in (f"risk_test{n}.jsonl", f"everyday_test{n}.jsonl") for n in RETIRABLE), \
        "held-back sets are never read here"
    return [json.loads(line) for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line.strip()]


def natural_negatives(n: int, seed: int = SEED) -> list[tuple[str, str]]:
    """`n` everyday first-person texts written by the public, not by us: two thirds Reddit comments from
    GoEmotions train (one of the hard feelings below: sadness, fear, anger, grief, remorse…), one third client turns from AnnoMI train (topics
    about self-harm or violence left out); both licences allow training a shipped model.

    The team's sets are in our voice; these are how people chat. None may mention anything near risk (a
    wide word screen) nor be flagged or set aside by the rules, so what is left is everyday distress,
    annoyance and worry: the negatives the model most confused with risk in chat (training/README.md).
    """
    from holdspace.safety.risk import rules_layer

    def fits(text: str) -> bool:
        if not 4 <= len(text.split()) <= 80 or not _FIRST_PERSON.search(text) or _NEAR_RISK.search(text):
            return False
        verdict = rules_layer(text, float("inf"))
        return verdict.level == "none" and not verdict.set_aside

    rng = np.random.default_rng(seed)
    go = []
    with open(GOEMOTIONS, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 2 and set(parts[1].split(",")) & _HARD_FEELINGS:
                go.append(parts[0])
    with open(ANNOMI, encoding="utf-8") as f:
        reader = csv.reader(f)
        header = next(reader)
        at = {name: header.index(name) for name in ("interlocutor", "utterance_text", "topic")}
        split = len(header) - 1  # the file names the split column twice; the last one is read
        clients = list(dict.fromkeys(
            r[at["utterance_text"]] for r in reader
            if r[at["interlocutor"]] == "client" and r[split] == "train"
            and not re.search(r"self-harm|violence", r[at["topic"]])))
    out = []
    for pool, name, k in ((go, "goemotions", n - n // 3), (clients, "annomi", n // 3)):
        taken = 0
        for i in rng.permutation(len(pool)):
            if taken == k:
                break
            if fits(pool[i]):
                out.append((pool[i], name))
                taken += 1
    return out


def load(cssrs_posts: int, cssrs_chars: int = 2000, dev_posts: int = 1000, with_fresh: bool = False,
         skip_context: bool = False, natural: int = 0, retired: bool | list[str] = False):
    """Rows as parallel lists: text, source, category, level index (FLAG for C-SSRS at risk), group."""
    text, source, category, y, group = [], [], [], [], []

    def add(t, s, c, label, g):
        text.append(t), source.append(s), category.append(c), y.append(label), group.append(g)

    for row in jsonl("risk_dev.jsonl"):
        if skip_context and row.get("context"):
            continue  # labelled as the last message of a conversation: alone it may mean nothing
        src = "fresh" if row["id"].startswith(FRESH) and not with_fresh else "team_dev"
        add(row["text"], src, row["category"], LEVELS.index(row["level"]), row["id"].rsplit("-", 1)[0])
    for n in retired_sets(retired):  # as dev rows, folds included; their ids (t4-…, e4-…) are their groups
        for row in jsonl(f"risk_test{n}.jsonl"):
            if not (skip_context and row.get("context")):
                add(row["text"], "team_dev", row["category"], LEVELS.index(row["level"]), f"t{n}")
        for row in jsonl(f"everyday_test{n}.jsonl"):
            add(row["text"], "everyday_dev", f"none.first_person.{row['kind']}", 0, "everyday")
    for row in jsonl("classifier_dev.jsonl"):
        add(row["text"], "classifier_dev", row["category"], LEVELS.index(row["level"]), "clf")
    for row in jsonl("must_catch.jsonl"):
        add(row["text"], "must_catch", row["category"], LEVELS.index(row["level"]), "must")
    for row in jsonl("everyday_dev.jsonl"):
        add(row["text"], "everyday_dev", f"none.first_person.{row['kind']}", 0, "everyday")
    for t, g in natural_negatives(natural):
        add(t, "natural", f"none.natural.{g}", 0, g)
    with open(CSSRS, encoding="utf-8") as f:
        for i, user in enumerate(csv.DictReader(f)):
            split, label = user["split"], user["Label"]
            if split == "train" and label != "Indicator":
                for post in posts_of(user["Post"])[:cssrs_posts]:
                    add(post[:cssrs_chars], "cssrs_train", label, FLAG if label in AT_RISK else 0, str(i))
            elif split == "dev":  # all posts, Indicator too (reported apart), as risk_embed.py embeds them
                for post in posts_of(user["Post"])[:dev_posts]:
                    add(post[:cssrs_chars], "cssrs_dev", label, FLAG if label in AT_RISK else 0, str(i))
    return text, np.array(source), np.array(category), np.array(y), np.array(group)


def tokenize(texts: list[str], max_tokens: int) -> list[list[int]]:
    """Word pieces as the language engine cuts them (normalised, clipped, [SEP] kept last)."""
    from tokenizers import Tokenizer

    from holdspace.language.embedding import tokenizer_file
    from holdspace.language.text import clip, normalize

    tok = Tokenizer.from_file(str(tokenizer_file()))
    tok.no_padding()
    out = []
    for e in tok.encode_batch([clip(normalize(t)) or " " for t in texts]):
        ids = list(e.ids)
        out.append(ids if len(ids) <= max_tokens else ids[:max_tokens - 1] + [ids[-1]])
    return out


def weights(source: np.ndarray, y: np.ndarray, train: np.ndarray, team_w: float, everyday_w: float,
            natural_w: float = 0.0) -> np.ndarray:
    """risk_classifier.py's shares, spread over the rows in `train`; mean weight 1 over them."""
    w = np.zeros(len(y))
    cssrs = train & (source == "cssrs_train")
    team = train & np.isin(source, ["team_dev", "classifier_dev", "must_catch"])
    everyday = train & (source == "everyday_dev")
    natural = train & (source == "natural")
    for m, share in ((cssrs, 1.0), (team, team_w)):
        pos, neg = m & (y != 0), m & (y == 0)
        w[pos] = share * 0.5 / max(pos.sum(), 1)
        w[neg] = share * 0.5 / max(neg.sum(), 1)
    w[everyday] = everyday_w / max(everyday.sum(), 1)
    w[natural] = natural_w / max(natural.sum(), 1)
    return w * train.sum() / w.sum()


def loss_fn(logits: torch.Tensor, y: torch.Tensor, w: torch.Tensor) -> torch.Tensor:
    logp = logits.log_softmax(-1)
    exact = logp.gather(1, y.clamp(min=0).unsqueeze(1)).squeeze(1)
    at_risk = torch.logsumexp(logp[:, 1:], dim=1)  # log(1 - p(none)) for a C-SSRS at-risk post
    nll = -torch.where(y == FLAG, at_risk, exact)
    return (w * nll).sum() / len(y)


def predict(model: RiskModel, ids, rows: np.ndarray, size: int = 64) -> np.ndarray:
    model.eval()
    out = np.zeros((len(ids), len(LEVELS)), dtype=np.float32)
    with torch.no_grad():
        for r, x, m in batches(ids, rows, size):
            out[r] = model(x, m).softmax(-1).numpy()
    model.train()
    return out


TEAM = ("team_dev", "classifier_dev", "must_catch")


def joined(text: list[str], source: np.ndarray, y: np.ndarray, train: np.ndarray, n: int, max_tokens: int,
           rng: np.random.Generator) -> tuple[list[str], np.ndarray]:
    """`n` longer messages made of the model's own training rows (so cross-validation stays honest).

    A short message fits no one's whole day: a journal entry joins several things, and a pasted text repeats
    itself. Without such rows the model learned length as a sign of risk (the C-SSRS posts are long), and
    heard a sentence about ducks repeated five times as urgent. Thirds: one everyday row repeated 2-6 times
    (none); 2-5 everyday rows joined (none); 1-3 everyday rows with one team risk statement among them (its
    level; kept only where the statement survives the cut to `max_tokens` word pieces).
    """
    neg = np.flatnonzero(train & np.isin(source, ["team_dev", "classifier_dev", "everyday_dev"]) & (y == 0))
    pos = np.flatnonzero(train & np.isin(source, TEAM) & (y > 0))
    texts, labels = [], []
    while len(texts) < n:
        kind = len(texts) % 3
        if kind == 0:
            texts.append(" ".join([text[rng.choice(neg)]] * int(rng.integers(2, 7))))
            labels.append(0)
        elif kind == 1:
            texts.append(" ".join(text[j] for j in rng.choice(neg, int(rng.integers(2, 6)), replace=False)))
            labels.append(0)
        else:
            parts = [text[j] for j in rng.choice(neg, int(rng.integers(1, 4)), replace=False)]
            j = rng.choice(pos)
            parts.insert(int(rng.integers(0, len(parts) + 1)), text[j])
            candidate = " ".join(parts)
            if len(tokenize([candidate], 10**6)[0]) <= max_tokens:
                texts.append(candidate)
                labels.append(int(y[j]))
            else:
                texts.append(" ".join(text[k] for k in rng.choice(neg, 2, replace=False)))  # keep the thirds even
                labels.append(0)
    return texts, np.array(labels, dtype=np.int64)


def train_model(args, ids, source, y, train: np.ndarray, label: str, text: list[str] | None = None) -> RiskModel:
    torch.manual_seed(args.seed)
    rng = np.random.default_rng(args.seed)
    w = weights(source, y, train, args.team_weight, args.everyday_weight, getattr(args, "natural_weight", 0.0))
    if args.joined and text is not None:
        extra, extra_y = joined(text, source, y, train, args.joined, args.max_tokens, np.random.default_rng(args.seed + 1))
        team_w = float(w[train & np.isin(source, TEAM)].mean())  # each joined row weighs as a team row
        ids = ids + tokenize(extra, args.max_tokens)
        y = np.concatenate([y, extra_y])
        w = np.concatenate([w, np.full(len(extra), team_w)])
        train = np.concatenate([train, np.ones(len(extra), bool)])
        print(f"  {label}: {len(extra)} joined rows ({int((extra_y > 0).sum())} with a risk statement)", flush=True)
    w = torch.from_numpy(w.astype(np.float32))
    yt = torch.from_numpy(y.astype(np.int64))
    model = RiskModel(args.layers)
    model.encoder.word.weight.requires_grad_(False)
    enc = [(n, p) for n, p in model.encoder.named_parameters() if p.requires_grad]
    opt = torch.optim.AdamW([
        {"params": [p for n, p in enc if p.ndim > 1], "weight_decay": 0.01, "lr": args.lr},
        {"params": [p for n, p in enc if p.ndim <= 1], "weight_decay": 0.0, "lr": args.lr},
        {"params": list(model.head.parameters()), "weight_decay": 0.01, "lr": args.head_lr}])
    rows = np.flatnonzero(train)
    total = ((len(rows) + args.batch - 1) // args.batch) * args.epochs
    warmup = int(0.06 * total)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min((s + 1) / max(warmup, 1), max(0.0, (total - s) / max(total - warmup, 1))))
    start = time.time()
    for epoch in range(1, args.epochs + 1):
        running = 0.0
        for r, x, m in batches(ids, rows, args.batch, rng):
            loss = loss_fn(model(x, m), yt[r], w[r])
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
            opt.zero_grad()
            running += float(loss.detach()) * len(r)
        print(f"  {label} epoch {epoch}: loss {running / len(rows):.4f} ({time.time() - start:.0f}s)", flush=True)
    return model


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--layers", type=int, default=4)
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--lr", type=float, default=1e-4)
    parser.add_argument("--head-lr", type=float, default=2e-3)
    parser.add_argument("--team-weight", type=float, default=4.0)
    parser.add_argument("--everyday-weight", type=float, default=2.0)
    parser.add_argument("--cssrs-posts", type=int, default=4, help="C-SSRS train posts per user (0: none)")
    parser.add_argument("--max-tokens", type=int, default=128, help="word pieces read in training")
    parser.add_argument("--eval-tokens", type=int, default=256, help="word pieces read when scoring (the product's 256)")
    parser.add_argument("--folds", type=int, default=5, help="cross-validation folds (0: skip, full model only)")
    parser.add_argument("--seed", type=int, default=SEED, help="seed of the head's start, dropout and batch order (folds stay fixed)")
    parser.add_argument("--name", default=None, help="output stem (default risk_ft_L{layers})")
    parser.add_argument("--with-fresh", action="store_true",
                        help="train on the dev-t6..dev-t10 batches too (in team_dev and its folds)")
    parser.add_argument("--skip-context", action="store_true",
                        help="leave out dev rows labelled as the last message of a conversation (`context`): the "
                             "model reads one message alone, so 'Tonight is the night.' must not learn urgent from them")
    parser.add_argument("--natural", type=int, default=0,
                        help="everyday texts by the public as negatives (natural_negatives(): GoEmotions, AnnoMI clients)")
    parser.add_argument("--natural-weight", type=float, default=2.0, help="their share, as --everyday-weight's")
    parser.add_argument("--joined", type=int, default=0,
                        help="longer messages made of each model's own training rows (joined(): repeats, joined "
                             "everyday rows, a risk statement among them)")
    parser.add_argument("--retired", nargs="*", default=False, metavar="SET",
                        help="train on these held-back sets too (bare: 4 and 5), as dev rows: they were read too "
                             "often to measure fresh wording any more")
    parser.add_argument("--only-folds", type=int, nargs="+", metavar="K",
                        help="train only these folds (0-based) and save them (implies --save-folds), no full model and no "
                             "scores file: a second process can train the last folds beside a run's first ones; every "
                             "model seeds itself, so each fold is the same as in one run; export_risk_folds.py scores them")
    parser.add_argument("--save-folds", action="store_true",
                        help="save each fold's model as STEM_fold{k}.pt (to export and score them as ONNX)")
    args = parser.parse_args()
    CACHE.mkdir(parents=True, exist_ok=True)  # a fresh machine has no cache yet
    if args.retired == []:  # a bare --retired: sets 4 and 5, as every run before session 12
        args.retired = True
    retired_sets(args.retired)
    torch.set_num_threads(1)
    stem = args.name or f"risk_ft_L{args.layers}"
    text, source, category, y, group = load(args.cssrs_posts, with_fresh=args.with_fresh, skip_context=args.skip_context,
                                            natural=args.natural, retired=args.retired)
    ids = tokenize(text, args.max_tokens)
    eval_ids = tokenize(text, args.eval_tokens)
    pool = np.isin(source, POOL)
    base = np.isin(source, ["cssrs_train", "must_catch"])
    print("rows: " + ", ".join(f"{s} {int((source == s).sum())}" for s in np.unique(source)), flush=True)
    if not args.with_fresh:
        assert not np.any((source != "fresh") & np.isin(group, [f[:-1] for f in FRESH])), "a fresh row left the fresh set"
    cv = np.full((len(text), len(LEVELS)), np.nan, dtype=np.float32)
    fold_of = np.full(len(text), -1, dtype=np.int64)
    idx = np.flatnonzero(pool)
    np.random.default_rng(SEED).shuffle(idx)
    start = time.time()
    # The full model first (every model seeds itself, so the order changes no figure): it is ready to export
    # while the folds still train.
    train = base | pool
    if args.only_folds is None:
        model = train_model(args, ids, source, y, train, "full", text)
        torch.save({"layers": args.layers, "state": model.state_dict(), "args": vars(args)}, CACHE / f"{stem}.pt")
        print(f"full model saved ({time.time() - start:.0f}s)", flush=True)
    for k, fold in enumerate(np.array_split(idx, args.folds) if args.folds else []):
        if args.only_folds is not None and k not in args.only_folds:
            continue
        held = np.zeros(len(text), bool)
        held[fold] = True
        fold_of[fold] = k
        fold_model = train_model(args, ids, source, y, base | (pool & ~held), f"fold {k + 1}/{args.folds}", text)
        cv[fold] = predict(fold_model, eval_ids, fold)[fold]
        if args.save_folds or args.only_folds is not None:
            torch.save({"layers": args.layers, "state": fold_model.state_dict(), "args": vars(args)},
                       CACHE / f"{stem}_fold{k}.pt")
        print(f"fold {k + 1} done ({time.time() - start:.0f}s)", flush=True)
    if args.only_folds is not None:
        return
    scored = np.flatnonzero(np.isin(source, ["fresh", "cssrs_dev", "must_catch"]) | pool)
    full = np.full((len(text), len(LEVELS)), np.nan, dtype=np.float32)
    full[scored] = predict(model, eval_ids, scored)[scored]
    keep = source != "cssrs_train"
    np.savez_compressed(CACHE / f"{stem}_scores.npz", cv=cv[keep], full=full[keep], text=np.array(text)[keep],
                        source=source[keep], category=category[keep], y=y[keep],
                        group=np.array([str(g) for g in group])[keep], fold=fold_of[keep], args=json.dumps(vars(args)))
    print(f"done in {time.time() - start:.0f}s; wrote {CACHE / stem}.pt and {stem}_scores.npz", flush=True)


if __name__ == "__main__":
    main()
