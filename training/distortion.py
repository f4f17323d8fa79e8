"""Train the thinking-trap head on the team's own labelled thoughts; write heads/distortion.npz.

    python training/distortion.py [--folds 5] [--l2 1.0]

Data, all written by the team (project licence), beside this script:
distortion_statements_{a,b,c,d}.toml, one thought each, labelled with its trap or [none] (many
of those sad or anxious on purpose); and distortion_messages_{a,b,c,d}.toml, whole help-seeking
messages of several sentences, each with the trap sentence quoted or no trap at all. Every
message sentence is a training row too (the quoted one as its trap, the rest as not a trap). No
other data is used; the shreevastava set is measure-only and is read only by
benchmarks/distortion.py.

The head is one-vs-rest logistic regression (numpy, no torch) over unit MiniLM embeddings:
output 0 is "distorted", outputs 1..13 the traps. Thresholds come from out-of-fold predictions
of a seeded k-fold split (a message's sentences share a fold): the one-thought threshold is the
best F1 on the single statements, the trap threshold the best micro-F1 of the top trap there,
the message threshold the best F1 on the whole messages (a cue in any sentence, or the
highest sentence probability clearing it), and the naming threshold (how sure a message's
sentence must be before the head names its trap) the best F0.5 of naming each message's own trap.
Nothing else chooses them.
"""

from __future__ import annotations

import argparse
import tomllib
from pathlib import Path

import numpy as np

from holdspace.language.embedding import encoder
from holdspace.language.heads import HEADS_DIR
from holdspace.selfcompassion.traps import TrapDetector, cue_hits, traps

HERE = Path(__file__).resolve().parent
SEED = 20261129
PARTS = ("a", "b", "c", "d")
MESSAGE_PARTS = ("a", "b", "c", "d")


def read_statements() -> tuple[list[str], list[str]]:
    texts, labels = [], []
    for part in PARTS:
        data = tomllib.loads((HERE / f"distortion_statements_{part}.toml").read_text())
        for key, section in data.items():
            for s in section["statements"]:
                texts.append(s)
                labels.append("none" if key.startswith("none") else key.removesuffix("_post").removesuffix("_long"))
    return texts, labels


def read_messages() -> tuple[list[list[str]], list[list[str]], list[str]]:
    """Whole help-seeking messages the team wrote (distortion_messages_*.toml), read sentence by
    sentence as the detector reads them: each message's sentences, their labels (the trap for the
    sentences `part` quotes, "none" for the rest) and the message's own label."""
    detector_sentences = TrapDetector.sentences
    sentences, labels, message_labels = [], [], []
    for part in MESSAGE_PARTS:
        data = tomllib.loads((HERE / f"distortion_messages_{part}.toml").read_text())
        for m in data["message"]:
            ss = detector_sentences(None, m["text"])
            quoted = detector_sentences(None, m.get("part", "")) if m["trap"] != "none" else []
            assert all(q in ss for q in quoted) and (m["trap"] == "none") == (not quoted), m["text"]
            sentences.append(ss)
            labels.append([m["trap"] if s in quoted else "none" for s in ss])
            message_labels.append(m["trap"])
    return sentences, labels, message_labels


def targets(labels: list[str], keys: list[str]) -> np.ndarray:
    y = np.zeros((len(labels), 1 + len(keys)), dtype=np.float32)
    for i, lab in enumerate(labels):
        if lab != "none":
            y[i, 0] = 1
            y[i, 1 + keys.index(lab)] = 1
    return y


def fit(x: np.ndarray, y: np.ndarray, l2: float, steps: int = 600, lr: float = 2.0):
    """One-vs-rest logistic regression by full-batch gradient descent, classes weighted to balance."""
    n, d = x.shape
    w = np.zeros((d, y.shape[1]), dtype=np.float64)
    b = np.zeros(y.shape[1], dtype=np.float64)
    pos = y.mean(0).clip(1e-3, 1 - 1e-3)
    weights = np.where(y > 0, 0.5 / pos, 0.5 / (1 - pos))  # each class's positives count half
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(x @ w + b)))
        g = (p - y) * weights
        w -= lr * (x.T @ g / n + l2 * w / n)
        b -= lr * g.mean(0)
    return w.astype(np.float32), b.astype(np.float32)


def f1(gold: np.ndarray, pred: np.ndarray) -> float:
    tp = float((gold & pred).sum())
    return 2 * tp / max(float(gold.sum() + pred.sum()), 1.0)


def mcc(gold: np.ndarray, pred: np.ndarray) -> float:
    tp, tn = float((gold & pred).sum()), float((~gold & ~pred).sum())
    fp, fn = float((~gold & pred).sum()), float((gold & ~pred).sum())
    d = ((tp + fp) * (tp + fn) * (tn + fp) * (tn + fn)) ** 0.5
    return (tp * tn - fp * fn) / d if d else 0.0


def composed_posts(labels: list[str], count: int = 4000, rng=None) -> tuple[list[list[int]], np.ndarray]:
    """Long help-seeking messages composed from our own statements (indices), half of them with
    one or two trap statements among 2-11 that are not. Each statement's out-of-fold probability
    stands in for the head's reading of it, so no statement is scored by a head that saw it."""
    rng = rng or np.random.default_rng(SEED)
    plain = [i for i, lab in enumerate(labels) if lab == "none"]
    trapped = [i for i, lab in enumerate(labels) if lab != "none"]
    posts, gold = [], np.zeros(count, dtype=bool)
    for p in range(count):
        post = list(rng.choice(plain, size=int(rng.integers(3, 13)), replace=False))
        if p % 2:
            gold[p] = True
            for _ in range(int(rng.integers(1, 3))):
                post[int(rng.integers(len(post)))] = int(rng.choice(trapped))
        posts.append(post)
    return posts, gold


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--l2", type=float, default=1.0)
    args = parser.parse_args()

    keys = [t.key for t in traps()]
    texts, labels = read_statements()
    missing = [k for k in keys if k not in labels]
    assert not missing, f"no statements for {missing}"
    messages, message_sentence_labels, message_labels = read_messages()
    lengths = np.array([len(m) for m in messages])
    rows_text = texts + [s for m in messages for s in m]
    rows_label = labels + [lab for m in message_sentence_labels for lab in m]
    y_all = targets(rows_label, keys)
    x_all = encoder().embed(rows_text).astype(np.float64)
    n = len(texts)
    y = y_all[:n]
    print(f"{n} statements: {int(y[:, 0].sum())} in a trap, {int((y[:, 0] == 0).sum())} not; "
          f"{len(messages)} messages ({int(sum(m != 'none' for m in message_labels))} with a trap) "
          f"of {int(lengths.sum())} sentences")

    # Folds by group: a statement is its own group, a message's sentences one group together, so
    # no message is scored by a head that saw any of its sentences.
    rng = np.random.default_rng(SEED)
    group = np.r_[np.arange(n), n + np.repeat(np.arange(len(messages)), lengths)]
    fold = (rng.permutation(group.max() + 1) % args.folds)[group]
    oof_all = np.zeros_like(y_all)
    for k in range(args.folds):
        w, b = fit(x_all[fold != k], y_all[fold != k], args.l2)
        oof_all[fold == k] = 1 / (1 + np.exp(-(x_all[fold == k] @ w + b)))
    oof = oof_all[:n]

    gold = y[:, 0] > 0
    grid = np.round(np.arange(0.2, 0.9, 0.02), 2)
    scores = [f1(gold, oof[:, 0] >= t) for t in grid]
    threshold = float(grid[int(np.argmax(scores))])
    pred = oof[:, 0] >= threshold
    acc = float((pred == gold).mean())
    print(f"cross-validated distorted F1 {max(scores):.3f}, accuracy {acc:.3f} at threshold {threshold}")

    top = oof[:, 1:].argmax(1)
    trap_grid = np.round(np.arange(0.05, 0.8, 0.05), 2)
    trap_scores = []
    for t in trap_grid:
        named = gold & pred & (oof[np.arange(len(top)), top + 1] >= t)
        right = named & (y[np.arange(len(top)), top + 1] > 0)
        precision = right.sum() / max(named.sum(), 1)
        recall = right.sum() / max(gold.sum(), 1)
        trap_scores.append(2 * precision * recall / max(precision + recall, 1e-9))
    trap_threshold = float(trap_grid[int(np.argmax(trap_scores))])
    print(f"cross-validated top-trap F1 {max(trap_scores):.3f} at trap threshold {trap_threshold}")

    cue_fp = sum(1 for t, lab in zip(texts, labels) if lab == "none" and cue_hits(t))
    cue_tp = sum(1 for t, lab in zip(texts, labels) if lab != "none" and lab in cue_hits(t))
    print(f"cues: name the labelled trap in {cue_tp}/{int(gold.sum())} trap statements; "
          f"fire on {cue_fp}/{int((~gold).sum())} statements that are not in a trap")
    for t, lab in zip(texts, labels):
        if lab == "none" and cue_hits(t):
            print("   cue on a non-trap:", t, cue_hits(t))

    # A long message has many sentences, each a chance of a false alarm, so its bar is set on
    # the whole messages the team wrote: the best F1 of "a cue fires in a sentence or the head's
    # highest out-of-fold sentence probability clears the bar" (MCC shown too).
    starts = np.r_[0, np.cumsum(lengths)[:-1]] + n
    message_gold = np.array([m != "none" for m in message_labels])
    message_max = np.array([oof_all[a:a + k, 0].max() for a, k in zip(starts, lengths)])
    message_cued = np.array([any(cue_hits(s) for s in m) for m in messages])
    post_grid = np.round(np.arange(0.3, 0.96, 0.02), 2)
    post_scores = [f1(message_gold, message_cued | (message_max >= t)) for t in post_grid]
    post_threshold = float(post_grid[int(np.argmax(post_scores))])
    for name, t in (("message", post_threshold), ("one-thought", threshold)):
        pred = message_cued | (message_max >= t)
        print(f"team-written messages ({len(messages)}) at the {name} threshold {t}: "
              f"F1 {f1(message_gold, pred):.3f}, MCC {mcc(message_gold, pred):.3f}")
    print(f"   cues alone fire on {int(message_cued[message_gold].sum())}/{int(message_gold.sum())} "
          f"messages with a trap and {int(message_cued[~message_gold].sum())}/{int((~message_gold).sum())} without")

    # Naming a trap in a message asks more: a sentence must clear the naming bar, chosen as the
    # best F0.5 of naming the message's own trap (a named trap is right when it is the one the
    # message carries). F0.5 weighs precision twice: giving a trap's name to the sad background
    # of a message costs the writer more than a trap left unnamed in a message already read as
    # heavy.
    top = oof_all[n:, 1:].argmax(1)
    top_p = oof_all[n:, 1:].max(1)
    name_grid = post_grid[post_grid >= post_threshold]
    name_scores = []
    for t in name_grid:
        sure = (oof_all[n:, 0] >= t) & (top_p >= trap_threshold)
        named = [{keys[top[i - n]] for i in range(a, a + k) if sure[i - n]} for a, k in zip(starts, lengths)]
        right = sum(m in found for m, found in zip(message_labels, named))
        precision = right / max(sum(len(found) for found in named), 1)
        recall = right / max(int(message_gold.sum()), 1)
        name_scores.append((1.25 * precision * recall / max(0.25 * precision + recall, 1e-9), precision, recall,
                            sum(bool(found) for found, g in zip(named, message_gold) if not g)))
    for t, (f, precision, recall, on_plain) in zip(name_grid, name_scores):
        print(f"   naming at {t}: F0.5 {f:.3f}, precision {precision:.3f}, recall {recall:.3f}, "
              f"named in {on_plain} messages without a trap")
    best = int(np.argmax([sc[0] for sc in name_scores]))
    name_threshold = float(name_grid[best])
    f, precision, recall, on_plain = name_scores[best]
    print(f"naming a trap in a message at {name_threshold}: F0.5 {f:.3f} (precision {precision:.3f}, "
          f"recall {recall:.3f}); a trap named in {on_plain}/{int((~message_gold).sum())} messages without one")

    # The earlier check: messages composed from 3 to 12 out-of-fold statements (cleaner than real).
    cued = np.array([bool(cue_hits(t)) for t in texts])
    posts, post_gold = composed_posts(labels)
    post_max = np.array([oof[p, 0].max() for p in posts])
    post_cued = np.array([cued[p].any() for p in posts])
    pred = post_cued | (post_max >= post_threshold)
    print(f"composed messages ({len(posts)}, half in a trap) at the message threshold {post_threshold}: "
          f"F1 {f1(post_gold, pred):.3f}, MCC {mcc(post_gold, pred):.3f}")

    w, b = fit(x_all, y_all, args.l2)
    out = HEADS_DIR / "distortion.npz"
    np.savez(out, W0=w, b0=b, labels=np.array(["distorted", *keys]),
             threshold=np.float32(threshold), trap_threshold=np.float32(trap_threshold),
             post_threshold=np.float32(post_threshold),
             name_threshold=np.float32(name_threshold))
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
