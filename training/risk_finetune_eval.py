"""EXPERIMENT (not shipped): the fine-tuned risk encoder against the shipped frozen head, on fresh wording.

    OMP_NUM_THREADS=1 nice -n 15 .venv/bin/python training/risk_finetune_eval.py [CACHE/risk_ft_L4_scores.npz ...]

Reads the scores finetune_risk.py wrote. For the frozen head it runs the shipped head
(holdspace.safety.classifier.read_risk_head, the language engine's MiniLM) on the same rows; C-SSRS dev
vectors come from risk_embed.py's cache when it holds the post (same text), else they are embedded here.

Two views of each head:
  - "alone": flagged when the score reaches the threshold (no gate, no rules);
  - "gated": only on first-person texts (the shipped head's gate; the rules' set-aside is not applied:
    the rules were tuned on the fresh batches, and the product runs the head only where they said none).
The frozen head keeps its shipped threshold (0.625, chosen on the training part, rules alongside). The
fine-tuned head's threshold is chosen per view by the training part's 5-fold cross-validated scores: the
lowest on the grid with false alarms <= 3% on each of team everyday+figurative, the team's other hard
negatives, everyday first-person dev and the classifier dev set's none rows (rules not added).
Then the fresh batches (dev-t6 .. dev-t10, never trained on) and C-SSRS dev are scored by the model
trained on the whole training part.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))
from annomi import CACHE  # noqa: E402

MAX_FA = 0.03
EVERYDAY = ("none.everyday", "none.figurative")
AT_RISK = {"Ideation", "Behavior", "Attempt"}


def lowest_threshold(score: np.ndarray, negatives: list[np.ndarray], admit: np.ndarray) -> float:
    """The lowest threshold keeping false alarms <= MAX_FA in every group of negatives (scores saturate
    near 1 after fine-tuning, so no fixed grid: just above the score that would be one alarm too many)."""
    need = 0.0
    for m in negatives:
        s = np.sort(score[m & admit])[::-1]
        allowed = int(np.floor(MAX_FA * m.sum()))
        if len(s) > allowed:
            need = max(need, float(np.nextafter(s[allowed], np.inf)))
    return need


def auc(pos: np.ndarray, neg: np.ndarray) -> float:
    """P(a positive scores above a negative), ties half."""
    s = np.concatenate([pos, neg])
    ranks = np.argsort(np.argsort(s, kind="stable"), kind="stable") + 1.0
    for v in np.unique(s):  # average ranks of ties
        t = s == v
        ranks[t] = ranks[t].mean()
    return float((ranks[:len(pos)].sum() - len(pos) * (len(pos) + 1) / 2) / (len(pos) * len(neg)))


def frozen_scores(text, source) -> np.ndarray:
    from holdspace.language.embedding import encoder
    from holdspace.safety.classifier import read_risk_head

    head = read_risk_head()
    cached = {}
    try:
        c = np.load("/tmp/risk_embeddings.npz")
        for t, v, s in zip(c["text"], c["x"], c["source"]):
            if str(s) == "cssrs_dev":
                cached[str(t)] = v
    except FileNotFoundError:
        pass
    vec = np.zeros((len(text), 384), np.float32)
    todo = [i for i, t in enumerate(text) if not (source[i] == "cssrs_dev" and str(t) in cached)]
    for i in set(range(len(text))) - set(todo):
        vec[i] = cached[str(text[i])]
    if todo:
        vec[todo] = encoder().embed([str(text[i]) for i in todo])
    print(f"frozen head: {len(text) - len(todo)} C-SSRS dev vectors from the cache, {len(todo)} embedded; "
          f"threshold {head.threshold}", flush=True)
    return np.array([head.probability(v) for v in vec]), head


def main() -> None:
    paths = [Path(p) for p in sys.argv[1:]] or [CACHE / "risk_ft_L4_scores.npz"]
    d = np.load(paths[0])
    text, source, cat, y, group = d["text"], d["source"], d["category"], d["y"], d["group"]
    for p in paths[1:]:  # the same rows in the same order
        assert np.array_equal(np.load(p)["text"], text)
    frozen, head = frozen_scores(text, source)
    # The first-person gate only: the rules' set-aside is left out, because today's rules were tuned on the
    # fresh batches (their set-aside would not be fresh) and the product runs the head only where the rules
    # flagged nothing, while set_aside is also true on many texts the rules flag.
    gate = np.array([head.gate.admits(str(t)) for t in text])

    cat = cat.astype(str)
    fresh, team = source == "fresh", source == "team_dev"
    neg_groups = {
        "team every+fig": team & np.isin(cat, EVERYDAY),
        "team other neg": team & (y == 0) & ~np.isin(cat, EVERYDAY),
        "everyday 1st-person": source == "everyday_dev",
        "clf-set none": (source == "classifier_dev") & (y == 0),
    }
    c_dev = (source == "cssrs_dev")
    users = np.unique(group[c_dev])
    ulabel = {u: str(cat[c_dev & (group == u)][0]) for u in users}

    def fresh_row(flag, urgent):
        u, c = fresh & (y == 2), fresh & (y == 1)
        ef, other = fresh & np.isin(cat, EVERYDAY), fresh & (y == 0) & ~np.isin(cat, EVERYDAY)
        by_user = {g: flag[c_dev & (group == g)].any() for g in users}
        rec = [by_user[g] for g in users if ulabel[g] in AT_RISK]
        sup = [by_user[g] for g in users if ulabel[g] == "Supportive"]
        ind = [by_user[g] for g in users if ulabel[g] == "Indicator"]
        return (f"{flag[u].mean():>7.1%} {urgent[u].mean():>7.1%} {flag[c].mean():>7.1%} "
                f"{flag[ef].mean():>7.1%} {flag[other].mean():>7.1%} "
                f"{sum(rec):>3}/{len(rec)} {np.mean(rec):.2f} {np.mean(sup):>5.2f} {np.mean(ind):>5.2f} "
                f"{flag[c_dev].mean():>6.1%}")

    u, c = fresh & (y == 2), fresh & (y == 1)
    ef, other = fresh & np.isin(cat, EVERYDAY), fresh & (y == 0) & ~np.isin(cat, EVERYDAY)
    print(f"fresh batches dev-t6..t10: urgent {u.sum()}, concern {c.sum()}, everyday+figurative {ef.sum()}, "
          f"other none {other.sum()}; C-SSRS dev users: at risk {sum(ulabel[g] in AT_RISK for g in users)}, "
          f"Supportive {sum(ulabel[g] == 'Supportive' for g in users)}, Indicator "
          f"{sum(ulabel[g] == 'Indicator' for g in users)}, {c_dev.sum()} posts")
    header = (f"{'model / view':<38} {'thr':>5} | {'urg fl':>7} {'urg=urg':>7} {'con fl':>7} {'FA e+f':>7} "
              f"{'FA oth':>7} | {'C-SSRS':>8} {'rec':>4} {'Supp':>5} {'Indic':>5} {'posts':>6}")
    print(header)
    t = head.threshold
    for view, g in (("alone", np.ones(len(text), bool)), ("gated", gate)):
        flag = (frozen >= t) & g
        print(f"{'frozen head (shipped) ' + view:<38} {t:>5.3f} | " + fresh_row(flag, np.zeros(len(text), bool)))
    for p in paths:
        s = np.load(p)
        cv, full = s["cv"], s["full"]
        cv_flag, full_flag = 1 - cv[:, 0], 1 - full[:, 0]
        full_urgent = full[:, 2] > full[:, 1]
        for view, g in (("alone", np.ones(len(text), bool)), ("gated", gate)):
            if np.isnan(cv_flag[np.isin(source, ["team_dev", "classifier_dev", "everyday_dev"])]).any():
                print(f"{p.stem}: no cross-validated scores (--folds 0): threshold-free figures only")
                break
            chosen = lowest_threshold(cv_flag, list(neg_groups.values()), g)
            flag = (full_flag >= chosen) & g
            print(f"{p.stem + ' ' + view:<38} {chosen:>.4g} | " + fresh_row(flag, flag & full_urgent))
            fl = (cv_flag >= chosen) & g
            cv_urg = fl & (cv[:, 2] > cv[:, 1])
            pool_pos = np.isin(source, ["team_dev", "classifier_dev"]) & (y > 0)
            print("    cross-validated on the training part: " + ", ".join(
                f"{k} FA {fl[m].mean():.1%}" for k, m in neg_groups.items())
                + f"; team urgent flagged {fl[team & (y == 2)].mean():.1%} (as urgent {cv_urg[team & (y == 2)].mean():.1%})"
                + f", team concern flagged {fl[team & (y == 1)].mean():.1%}"
                + f", clf-set concern flagged {fl[(source == 'classifier_dev') & (y == 1)].mean():.1%}"
                + f", all team risk {fl[pool_pos].mean():.1%}")
            mc = source == "must_catch"
            print(f"    must-catch (trained on) flagged {flag[mc].mean():.1%}, as urgent {(flag & full_urgent)[mc].mean():.1%}")
    # Threshold-free, on the fresh batches only: AUC of risk (concern+urgent) against none, and the recall
    # each head reaches at the threshold giving it the same fresh false alarms (everyday+figurative and
    # other none pooled) as the shipped head alone at 0.625: chosen ON the fresh rows, so a diagnostic only.
    pos, neg = fresh & (y > 0), fresh & (y == 0)
    fa_frozen = (frozen[neg] >= t).mean()
    print(f"\nfresh batches, threshold-free (head alone, no gate): AUC risk vs none; recall at the fresh false-alarm rate "
          f"of the shipped head at {t} ({fa_frozen:.1%}) and at 3% (thresholds read off the fresh negatives: diagnostic)")
    heads = [("frozen head (shipped)", frozen, None)]
    for p in paths:
        s = np.load(p)
        heads.append((p.stem, 1 - s["full"][:, 0], s["full"]))
    for name, score, probs in heads:
        parts = [f"AUC {auc(score[pos], score[neg]):.3f}"]
        for rate in (fa_frozen, 0.03):
            k = int(np.floor(rate * neg.sum()))
            thr = np.nextafter(np.sort(score[neg])[::-1][k], np.inf)
            fl = score >= thr
            part = f"at FA {fl[neg].mean():.1%}: urgent {fl[fresh & (y == 2)].mean():.1%}, concern {fl[fresh & (y == 1)].mean():.1%}"
            if probs is not None:
                part += f", urgent as urgent {(fl & (probs[:, 2] > probs[:, 1]))[fresh & (y == 2)].mean():.1%}"
            parts.append(part)
        umax = {g: score[c_dev & (group == g)].max() for g in users}
        risk_u = np.array([umax[g] for g in users if ulabel[g] in AT_RISK])
        sup_u = np.array([umax[g] for g in users if ulabel[g] == "Supportive"])
        parts.append(f"C-SSRS dev user AUC (highest post) at-risk vs Supportive {auc(risk_u, sup_u):.3f}")
        print(f"  {name:<28} " + "; ".join(parts))
        for b in range(6, 11):
            rows = fresh & np.char.startswith(group.astype(str), f"dev-t{b}")
            pb, nb = rows & (y > 0), rows & (y == 0)
            parts.append(f"t{b} {auc(score[pb], score[nb]):.2f}")
        print(f"  {'':<28} AUC by batch: " + ", ".join(parts[4:]))
    np.savez_compressed(CACHE / "risk_ft_frozen.npz", frozen=frozen, gate=gate, text=text)


if __name__ == "__main__":
    main()
