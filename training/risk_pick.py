"""Compare two risk models' cross-validated scores on the team rows both runs scored, each at its own threshold.

    PYTHONPATH=src .venv/bin/python training/risk_pick.py CACHE/A_int8_windows_scores.npz CACHE/B_int8_windows_scores.npz[@THRESHOLD]

Each file is export_risk_folds.py's output for one run. The threshold of each is chosen as risk_ship_eval.py
chooses it for the product's setting ("urgent, aside but not means, +rule-con", `--without-other`) on that run's
own rows; the figures are then counted on the team rows (risk_dev, classifier_dev, everyday_dev) whose text both
runs scored cross-validated, so rows one run added (a new batch) count for neither. No held-back set is read.
A file named with `@THRESHOLD` is read at that threshold instead (one chosen by another rule, such as session 13's).
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))
from risk_ship_eval import EVERYDAY, NOT_IN_SHIP9_GROUPS, SETTINGS, choose, levels, rules_view  # noqa: E402

SETTING = next(s for s in SETTINGS if s.name == "urgent, aside but not means, +rule-con")
TEAM = ("team_dev", "classifier_dev", "everyday_dev")


def run(path: Path, threshold: float | None = None) -> dict[str, int]:
    """Level per text of the team rows and natural negatives, at the run's own threshold unless one is given."""
    d = np.load(path)
    text, source, cat, y = d["text"], d["source"], d["category"].astype(str), d["y"]
    pooled = np.isin(source, TEAM + ("natural",))
    probs = np.where(pooled[:, None], d["cv"], d["full"])
    rules, _, framed = rules_view(text)
    gate = np.ones(len(text), bool)
    team, every, clf = source == "team_dev", source == "everyday_dev", source == "classifier_dev"
    groups = [team & np.isin(cat, EVERYDAY), every, clf & (y == 0)] + ([source == "natural"] if (source == "natural").any() else [])
    # the groups the threshold rule was defined on (risk_ship_eval.py --rows-of-ship9): without dev batch O and the
    # retired held-back sets 6 and 7, on which the rules alone pass 3%; nothing changes for runs trained before them
    new = np.isin(d["group"].astype(str), NOT_IN_SHIP9_GROUPS)
    groups = [g & ~new for g in groups]
    t = choose(SETTING, probs, rules, framed, gate, None, groups) if threshold is None else threshold
    lv = levels(SETTING, probs, t, rules, framed, gate, None)
    print(f"{path.name}: threshold {t:.7f}")
    return {str(text[i]): (int(lv[i]), int(y[i]), str(cat[i])) for i in np.flatnonzero(np.isin(source, TEAM))}


def main() -> None:
    named = [(Path(p.split("@")[0]), float(p.split("@")[1]) if "@" in p else None) for p in sys.argv[1:3]]
    (a_path, _), (b_path, _) = named
    a, b = (run(path, threshold) for path, threshold in named)
    common = sorted(set(a) & set(b))
    print(f"team rows both runs scored: {len(common)} (only in {a_path.name}: {len(set(a) - set(b))}, "
          f"only in {b_path.name}: {len(set(b) - set(a))})")
    print(f"{'':32} {'n':>5} {a_path.stem[:24]:>24} {b_path.stem[:24]:>24}")
    for name, keep in (("urgent flagged", lambda y, c: y == 2), ("urgent as urgent", lambda y, c: y == 2),
                       ("concern flagged", lambda y, c: y == 1),
                       ("urgent + concern flagged", lambda y, c: y > 0),
                       ("false alarms, everyday+figurative", lambda y, c: c in EVERYDAY),
                       ("false alarms, all none rows", lambda y, c: y == 0)):
        rows = [t for t in common if keep(a[t][1], a[t][2])]
        want = 2 if name == "urgent as urgent" else 1
        na, nb = (sum(r[t][0] >= want for t in rows) for r in (a, b))
        print(f"{name:32} {len(rows):>5} {na:>17} ({na / max(len(rows), 1):>5.1%}) {nb:>17} ({nb / max(len(rows), 1):>5.1%})")


if __name__ == "__main__":
    main()
