"""Choose the shipped risk model's threshold and how it sits beside the rules, on cross-validated scores.

    OMP_NUM_THREADS=1 nice -n 15 .venv/bin/python training/risk_ship_eval.py CACHE/risk_ship_L4_int8_scores.npz [more.npz ...]

Reads scores written by finetune_risk.py (torch) or export_risk_folds.py (ONNX), all trained with
`--with-fresh`: the training part's team rows (risk_dev, classifier_dev, everyday_dev) have 5-fold
cross-validated scores (a model that never saw the row), C-SSRS *dev* posts the full model's scores.
Every figure is the product's view: the rules first (holdspace.safety.risk.rules_layer on the text),
then the model, which runs where the rules found nothing (and, in some settings, where they said concern,
or only where they set nothing aside, or only on first-person texts). The threshold is, for each setting,
the lowest keeping false alarms (rules or model) <= 3% on each group of negatives: team everyday +
figurative, the team's other hard negatives, everyday first-person dev, and the classifier dev set's
`none` rows. With `--without-other` the team's other hard negatives (clinical, news, fiction, resolved past,
lyrics, negation; not in issue 5's false-alarm target) are reported but not held at 3%: how risk_ship6_L4's
threshold was chosen (training/README.md). With `--rows-of-ship9` the groups leave out dev batch O and the retired
held-back sets 6 and 7, on which the rules alone pass 3% (session 12). No held-back set is read.

Settings (each with its own threshold):
  urgent   the model may raise to urgent when p(urgent) > p(concern)        (decision a)
  concern  the model also runs where the rules said concern, only to raise to urgent  (decision b)
  gate     only on texts the old head's first-person gate admits            (decision c)
  aside    not where the rules set risk words aside (a denial, a story ...) (decision c)
  frozen   the old frozen-vector head (risk_head.npz, 0.625, gated) beside the model (decision d)
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))
from annomi import CACHE  # noqa: E402

MAX_FA = 0.03
#: Row groups the threshold rule's false-alarm groups leave out with --rows-of-ship9 (session 12): dev batches O and P,
#: whose everyday twins are written to trip the rules, and the held-back sets retired since (6, 7; 8 in session 13).
NOT_IN_SHIP9_GROUPS = ("dev-o", "dev-p", "dev-q", "dev-r1", "dev-r2", "dev-r3", "dev-u1", "dev-u2",
                       "t6", "t7", "t8", "t9", "t10")
EVERYDAY = ("none.everyday", "none.figurative")
AT_RISK = {"Ideation", "Behavior", "Attempt"}
RANK = {"none": 0, "concern": 1, "urgent": 2}


@dataclass(frozen=True)
class Setting:
    name: str
    urgent: bool = True       # (a) may raise to urgent
    on_concern: bool = False  # (b) also where the rules said concern (only to raise to urgent)
    gate: bool = False        # (c) first-person gate
    aside: bool = True        # (c) silent where the rules set words aside
    frozen: bool = False      # (d) the old head beside it
    means_aside: bool = True  # (c) with `aside`: a means named for oneself, without the rest of a plan, is set aside too


SETTINGS = [
    Setting("urgent, aside (no gate)"),
    Setting("concern only, aside", urgent=False),
    Setting("urgent, aside, +rule-concern", on_concern=True),
    Setting("urgent, aside, gate", gate=True),
    Setting("urgent, no aside", aside=False),
    Setting("urgent, aside but not means", means_aside=False),
    Setting("urgent, aside but not means, +rule-con", means_aside=False, on_concern=True),
    Setting("urgent, aside, +frozen head", frozen=True),
    Setting("urgent, aside, +rule-concern, +frozen", on_concern=True, frozen=True),
]


def rules_view(text: np.ndarray):
    from holdspace.safety import rules
    from holdspace.safety.risk import rules_layer, sets_aside

    level, aside, framed = [], [], []
    for t in text:
        a = rules_layer(str(t), float("inf"))
        level.append(RANK[a.level])
        aside.append(a.set_aside)
        _, hits, resolved = rules.find_hits(str(t), deadline=float("inf"))
        framed.append(sets_aside(hits, resolved, means=False))
    return np.array(level), np.array(aside), np.array(framed)


def frozen_view(text: np.ndarray, source: np.ndarray):
    """The old head's score and gate per row (C-SSRS dev vectors from risk_embed.py's cache when it holds them;
    scores remembered in CACHE/risk_ship_frozen.npz by text)."""
    from holdspace.safety.classifier import read_risk_head

    head = read_risk_head()
    memo = CACHE / "risk_ship_frozen.npz"
    if memo.exists():
        m = np.load(memo)
        known = dict(zip((str(t) for t in m["text"]), m["score"]))
        if all(str(t) in known for t in text):
            return (np.array([known[str(t)] for t in text]),
                    np.array([head.gate.admits(str(t)) for t in text]), head.threshold)
    from holdspace.language.embedding import encoder

    cached = {}
    for name in ("/tmp/risk_embeddings.npz",):
        try:
            c = np.load(name)
            cached = {str(t): v for t, v, s in zip(c["text"], c["x"], c["source"]) if str(s) == "cssrs_dev"}
        except FileNotFoundError:
            pass
    vec = np.zeros((len(text), 384), np.float32)
    todo = [i for i, t in enumerate(text) if not (source[i] == "cssrs_dev" and str(t) in cached)]
    for i in set(range(len(text))) - set(todo):
        vec[i] = cached[str(text[i])]
    if todo:
        vec[todo] = encoder().embed([str(text[i]) for i in todo])
    score = np.array([head.probability(v) for v in vec])
    gate = np.array([head.gate.admits(str(t)) for t in text])
    np.savez_compressed(memo, text=np.array([str(t) for t in text]), score=score)
    return score, gate, head.threshold


from holdspace.safety.classifier import SURELY_URGENT  # noqa: E402


def levels(s: Setting, probs, t, rules, aside, gate, frozen_flag) -> np.ndarray:
    """The product's final level per row for setting `s` at threshold `t`."""
    flag = (1 - probs[:, 0]) >= t
    urgent = probs[:, 2] > probs[:, 1]
    out = rules.copy()
    quiet = np.zeros(len(rules), bool)
    if s.aside:
        quiet |= aside
    if s.gate:
        quiet |= ~gate
    runs_none = (rules == 0) & ~quiet
    raised = runs_none & flag
    out[raised] = np.where(s.urgent & urgent[raised], 2, 1)
    if s.on_concern:
        up = (rules == 1) & ~quiet & flag & (probs[:, 2] >= SURELY_URGENT)  # as classifier.ModelLayer over a concern
        out[up] = 2
    if s.frozen:
        out[(out == 0) & runs_none & frozen_flag] = 1
    return out


def choose(s: Setting, probs, rules, aside, gate, frozen_flag, groups) -> float:
    """Lowest threshold with every group's false alarms (rules or model) <= MAX_FA: bisection on sorted scores."""
    score = 1 - probs[:, 0]
    cands = np.unique(np.concatenate([score[np.isfinite(score)], [1.0 + 1e-9]]))

    def ok(t):
        lv = levels(s, probs, t, rules, aside, gate, frozen_flag)
        return all((lv[m] > 0).mean() <= MAX_FA for m in groups)

    lo, hi = 0, len(cands) - 1  # flags only shrink as t grows
    if ok(cands[0]):
        return float(cands[0])
    while hi - lo > 1:
        mid = (lo + hi) // 2
        lo, hi = (lo, mid) if ok(cands[mid]) else (mid, hi)
    return float(cands[hi])


def main() -> None:
    without_other = "--without-other" in sys.argv
    rows_of_ship9 = "--rows-of-ship9" in sys.argv
    paths = [Path(p) for p in sys.argv[1:] if not p.startswith("--")] or [CACHE / "risk_ship_L4_int8_scores.npz"]
    d = np.load(paths[0])
    text, source, cat, y, group = d["text"], d["source"], d["category"].astype(str), d["y"], d["group"].astype(str)
    for p in paths[1:]:
        assert np.array_equal(np.load(p)["text"], text)
    rules, aside_all, aside_framed = rules_view(text)
    aside = aside_all
    frozen, gate, frozen_t = frozen_view(text, source)
    team, clf, every = source == "team_dev", source == "classifier_dev", source == "everyday_dev"
    nat = source == "natural"  # everyday texts by the public (finetune_risk.py --natural)
    fresh = team & np.array([g.split("-")[1] in {f"t{n}" for n in range(6, 11)} if g.startswith("dev-t") else False
                             for g in group])
    groups = {"FA e+f": team & np.isin(cat, EVERYDAY), "FA oth": team & (y == 0) & ~np.isin(cat, EVERYDAY),
              "FA 1st": every, "FA clf": clf & (y == 0)}
    if nat.any():
        groups["FA nat"] = nat
    if rows_of_ship9:
        # session 12: the false-alarm groups the threshold rule was defined on, without dev batch O (everyday twins
        # written to share risk's words, which the rules alone flag 15%) and the retired held-back sets 6 and 7
        new = np.isin(group, NOT_IN_SHIP9_GROUPS)
        groups = {k: m & ~new for k, m in groups.items()}
    c_dev = source == "cssrs_dev"
    users = np.unique(group[c_dev])
    ulabel = {u: str(cat[c_dev & (group == u)][0]) for u in users}
    print(f"rows: team dev {team.sum()} (of them the dev-t6..t10 batches {fresh.sum()}), classifier dev {clf.sum()}, "
          f"everyday dev {every.sum()}, C-SSRS dev posts {c_dev.sum()} of {len(users)} users "
          f"({sum(ulabel[u] in AT_RISK for u in users)} at risk, {sum(ulabel[u] == 'Supportive' for u in users)} Supportive)")
    print(f"rules alone on the same rows: team urgent flagged {(rules[team & (y == 2)] > 0).mean():.1%}, as urgent "
          f"{(rules[team & (y == 2)] == 2).mean():.1%}, team concern flagged {(rules[team & (y == 1)] > 0).mean():.1%}; "
          + ", ".join(f"{k} {(rules[m] > 0).mean():.1%}" for k, m in groups.items()))
    head = (f"{'scores':<26} {'setting':<38} {'thr':>9} | {'urg fl':>6} {'urg=u':>6} {'con fl':>6} {'con=u':>6} "
            f"{'fr urg':>6} {'fr u=u':>6} {'fr con':>6} | " + " ".join(f"{k:>6}" for k in groups) + " "
            f"{'clf co':>6} | {'C-SSRS':>6} {'rec':>5} {'Supp':>5} {'posts':>6}")
    print("\nCV = cross-validated (team rows), C-SSRS dev = the full model; urg=u urgent rows classified urgent, "
          "con=u concern rows raised to urgent, fr = the dev-t6..t10 batches (CV), clf co = classifier-set concern flagged")
    print(head)
    frozen_flag = (frozen >= frozen_t) & gate
    team0, clf0, every0, fresh0, groups0 = team, clf, every, fresh, groups
    for p in paths:
        s_ = np.load(p)
        cv, full = s_["cv"], s_["full"]
        # team rows: CV only (a row whose fold is not scored yet is left out of every figure);
        # C-SSRS dev and must-catch: the full model
        pooled = team0 | clf0 | every0 | nat
        probs = np.where(pooled[:, None], cv, full)
        if np.isnan(probs[pooled, 0]).any():
            print(f"    {p.stem}: {int(np.isnan(probs[pooled, 0]).sum())} team rows without a cross-validated score "
                  "are left out")
        valid = ~np.isnan(probs[:, 0])
        team, clf, every, fresh = team0 & valid, clf0 & valid, every0 & valid, fresh0 & valid
        groups = {k: m & valid for k, m in groups0.items()}
        held = [m for k, m in groups.items() if not (without_other and k == "FA oth")]  # the groups held at 3%
        for s in SETTINGS:
            aside = aside_all if s.means_aside else aside_framed
            t = choose(s, probs, rules, aside, gate, frozen_flag, held)
            lv = levels(s, probs, t, rules, aside, gate, frozen_flag)
            by_user = {u: (lv[c_dev & (group == u)] > 0).any() for u in users}
            rec = [by_user[u] for u in users if ulabel[u] in AT_RISK]
            sup = [by_user[u] for u in users if ulabel[u] == "Supportive"]
            u_, c_ = team & (y == 2), team & (y == 1)
            fu, fc = fresh & (y == 2), fresh & (y == 1)
            print(f"{p.stem[:26]:<26} {s.name:<38} {t:>9.7f} | {(lv[u_] > 0).mean():>6.1%} {(lv[u_] == 2).mean():>6.1%} "
                  f"{(lv[c_] > 0).mean():>6.1%} {(lv[c_] == 2).mean():>6.1%} {(lv[fu] > 0).mean():>6.1%} "
                  f"{(lv[fu] == 2).mean():>6.1%} {(lv[fc] > 0).mean():>6.1%} | "
                  + " ".join(f"{(lv[m] > 0).mean():>6.1%}" for m in groups.values())
                  + f" {(lv[clf & (y == 1)] > 0).mean():>6.1%} | {sum(rec):>3}/{len(rec)} {np.mean(rec):>5.2f} "
                  f"{np.mean(sup):>5.2f} {(lv[c_dev] > 0).mean():>6.1%}")
        # the first setting at a few thresholds around its own, for the C-SSRS trade-off
        s, aside = SETTINGS[0], aside_all
        t0 = choose(s, probs, rules, aside, gate, frozen_flag, held)
        # (a) and (b) without the rules: how the model alone sorts what it flags (CV, at t0)
        flag = (1 - probs[:, 0]) >= t0
        urg = flag & (probs[:, 2] > probs[:, 1])
        print(f"    model alone at {t0:.4f} (CV, no rules, no set-aside): of the rows it flags, called urgent:")
        pool = team | clf | every | (nat & valid)
        for name, m in (("team urgent", team & (y == 2)), ("team concern", team & (y == 1)),
                        ("  of them concern.third_party", team & (cat == "concern.third_party")),
                        ("clf-set concern", clf & (y == 1)), ("negatives (all four groups)", pool & (y == 0)),
                        ("rules said concern, labelled urgent", pool & (rules == 1) & (y == 2)),
                        ("rules said concern, labelled concern", pool & (rules == 1) & (y == 1)),
                        ("rules said concern, labelled none", pool & (rules == 1) & (y == 0)),
                        ("rules said none, labelled urgent", pool & (rules == 0) & (y == 2)),
                        ("rules said none, labelled concern", pool & (rules == 0) & (y == 1))):
            n, f, u = int(m.sum()), int(flag[m].sum()), int(urg[m].sum())
            print(f"      {name:<40} n={n:>4}: flagged {f:>4} ({f / max(n, 1):.1%}), called urgent {u:>4} "
                  f"({u / max(f, 1):.1%} of flagged)")
        for name, m in (("on rule-concern rows raised to urgent", pool & (rules == 1) & urg & ~aside),):
            cats = {}
            for c in cat[m]:
                cats[c] = cats.get(c, 0) + 1
            print(f"      {name}, by category: {dict(sorted(cats.items(), key=lambda kv: -kv[1]))}")
        print(f"    {SETTINGS[0].name} at other thresholds (C-SSRS recall / Supportive; worst CV false alarm group):")
        for t in sorted({t0, 0.5, 0.8, 0.9, 0.95, 0.97, 0.98, 0.99}):
            lv = levels(s, probs, t, rules, aside, gate, frozen_flag)
            by_user = {u: (lv[c_dev & (group == u)] > 0).any() for u in users}
            rec = np.mean([by_user[u] for u in users if ulabel[u] in AT_RISK])
            sup = np.mean([by_user[u] for u in users if ulabel[u] == "Supportive"])
            worst = max((lv[m] > 0).mean() for m in groups.values())
            print(f"      t={t:.4f}: C-SSRS {rec:.2f} / {sup:.2f}; worst FA {worst:.1%}; team urgent flagged "
                  f"{(lv[team & (y == 2)] > 0).mean():.1%}, concern {(lv[team & (y == 1)] > 0).mean():.1%}")
    print(f"\n(frozen head: threshold {frozen_t}, gated; its scores on team rows are in-sample except dev-t6..t10, "
          "so its false alarms there are flattered)")


if __name__ == "__main__":
    main()
