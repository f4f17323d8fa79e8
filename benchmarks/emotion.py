"""Emotion detection: quality on GoEmotions dev, feeling words on EmpatheticDialogues, and speed.

    python benchmarks/emotion.py [--data ../shared/data] [--per-label]

Dev is only measured here: the model was fitted on TRAIN less a tuning part, and its thresholds
and family rule were picked on that tuning part (training/export_emotion.py). EmpatheticDialogues
(CC BY-NC 4.0) is measure-only: it checks that the feeling words fit situations written by other
people, in other words than Reddit's.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from holdspace.language.emotions import LABELS, emotion_detector, family_macro_f1, family_of
from holdspace.listening.feelings import feeling_for

ROOT = Path(__file__).resolve().parents[1]

# EmpatheticDialogues' 32 emotions: the family each belongs to, and the feeling words of ours
# that would be a fair thing to say back. Emotions with no clear family are left out.
ED = {
    "afraid": ("fear", "uneasy scared terrified nervous anxious overwhelmed"),
    "angry": ("anger", "frustrated angry furious irritated annoyed fed up indignant"),
    "annoyed": ("anger", "frustrated angry irritated annoyed fed up unhappy about it"),
    "anxious": ("fear", "uneasy scared nervous anxious overwhelmed"),
    "apprehensive": ("fear", "uneasy scared nervous anxious unsure"),
    "ashamed": ("sadness", "awkward embarrassed humiliated sorry regretful guilty"),
    "caring": ("joy", "concerned caring protective loving fond"),
    "confident": ("joy", "hopeful optimistic confident proud pleased with yourself really proud"),
    "content": ("joy", "pleased happy relieved thankful grateful fond"),
    "devastated": ("sadness", "sad grieving full of grief heartbroken devastated crushed let down disappointed down"),
    "disappointed": ("sadness", "let down disappointed crushed down sad"),
    "disgusted": ("disgust", "put off disgusted repulsed"),
    "embarrassed": ("sadness", "awkward embarrassed humiliated"),
    "excited": ("joy", "eager excited thrilled happy overjoyed"),
    "furious": ("anger", "frustrated angry furious annoyed fed up indignant"),
    "grateful": ("joy", "thankful grateful deeply grateful relieved"),
    "guilty": ("sadness", "sorry regretful guilty"),
    "hopeful": ("joy", "hopeful optimistic wishful eager"),
    "impressed": ("joy", "impressed inspired in awe"),
    "jealous": ("anger", "frustrated irritated annoyed wishful longing"),
    "joyful": ("joy", "pleased happy overjoyed excited thrilled delighted"),
    "lonely": ("sadness", "down sad longing"),
    "proud": ("joy", "proud really proud pleased with yourself pleased happy"),
    "sad": ("sadness", "down sad devastated grieving full of grief heartbroken"),
    "surprised": ("surprise", "surprised shocked"),
    "terrified": ("fear", "scared terrified anxious overwhelmed"),
}

def fits(word: str, emotion: str) -> bool:
    return f" {word} " in f" {ED[emotion][1]} "


def goemotions(data: Path, split: str) -> tuple[list[str], np.ndarray]:
    texts, ys = [], []
    with (data / "emotion" / "goemotions" / f"{split}.tsv").open(encoding="utf-8", newline="") as f:
        for text, ids, _ in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            y = np.zeros(len(LABELS), dtype=bool)
            y[[int(i) for i in ids.split(",")]] = True
            texts.append(text)
            ys.append(y)
    return texts, np.stack(ys)


def f1_per_label(gold: np.ndarray, pred: np.ndarray) -> np.ndarray:
    tp = (gold & pred).sum(0)
    denom = gold.sum(0) + pred.sum(0)
    return np.where(denom > 0, 2 * tp / np.maximum(denom, 1), 0.0)


def cli(*args: str, input: str) -> tuple[float, int, str]:
    """Run `holdspace analyze ...` in a fresh process: (seconds, peak RSS in MB, stdout)."""
    code = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
            "r = subprocess.run(sys.argv[1:], input=sys.stdin.read(), capture_output=True, text=True); "
            "sys.stderr.write(f'{time.perf_counter() - t} "
            "{resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}\\n'); sys.stdout.write(r.stdout)")
    exe = str(Path(sys.executable).with_name("holdspace"))
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "HOLDSPACE_DATA_DIR": home}
        r = subprocess.run([sys.executable, "-c", code, exe, "analyze", *args], input=input,
                           capture_output=True, text=True, env=env)
    seconds, rss = r.stderr.strip().splitlines()[-1].split()
    return float(seconds), int(rss) // 1024, r.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--per-label", action="store_true", help="also print F1 per label")
    args = parser.parse_args()
    rows: list[tuple[str, str, str, str]] = []

    def row(name, value, target="", ok=None):
        rows.append((name, value, target, "" if ok is None else ("yes" if ok else "NO")))

    # Start-up and memory first, in fresh processes, before this one warms any cache.
    seconds, _, _ = cli(input="")
    row("`holdspace analyze` start-up (s)", f"{seconds:.2f}", "≤ 2", seconds <= 2)
    seconds, _, out = cli("emotion", input='{"text": "I can\'t believe it worked!"}\n')
    assert "emotions" in out, out
    row("`analyze emotion`, one line, cold (s)", f"{seconds:.2f}", "≤ 2", seconds <= 2)

    detector = emotion_detector()
    texts, gold = goemotions(args.data, "dev")
    lines = "".join(json.dumps({"text": t}) + "\n" for t in texts[:2000])
    seconds, rss, out = cli("emotion", input=lines)
    assert out.count("\n") == 2000
    row("`analyze emotion`, 2,000 lines (texts/s)", f"{2000 / seconds:.0f}")
    row("`analyze emotion`, peak resident memory (MB)", f"{rss}", "≤ 400", rss <= 400)

    detector.detect(texts[:64])  # warm
    start = time.perf_counter()
    found = detector.detect(texts)
    speed = len(texts) / (time.perf_counter() - start)
    row("emotion batch throughput, dev (texts/s)", f"{speed:.0f}", "≥ 500", speed >= 500)
    start = time.perf_counter()
    for t in texts[:300]:
        detector.detect_one(t)
    row("one text at a time (ms per text)", f"{(time.perf_counter() - start) / 300 * 1000:.1f}")

    pred = np.zeros_like(gold)
    for i, e in enumerate(found):
        pred[i, [LABELS.index(label) for label in e.labels]] = True
    per_label = f1_per_label(gold, pred)
    macro = float(per_label.mean())
    tp = (gold & pred).sum()
    micro = 2 * tp / (gold.sum() + pred.sum())
    row(f"28-label macro-F1, GoEmotions dev (n={len(texts)})", f"{macro:.3f}", "≥ 0.46", macro >= 0.46)
    row("28-label micro-F1, GoEmotions dev", f"{micro:.3f}")
    single = []
    for i, y in enumerate(gold):
        fams = {family_of(LABELS[j]) for j in np.flatnonzero(y)}
        if len(fams) == 1:
            single.append((i, fams.pop()))
    fam = family_macro_f1([g for _, g in single], [found[i].family for i, _ in single])
    row(f"family macro-F1, single-family dev items (n={len(single)})", f"{fam:.3f}", "≥ 0.60", fam >= 0.60)

    ed_texts, ed_gold = [], []
    with (args.data / "emotion" / "empathetic_dialogues" / "valid.csv").open(encoding="utf-8", newline="") as f:
        for record in csv.DictReader(f):
            if record["emotion"] in ED:
                ed_texts.append(record["text"])
                ed_gold.append(record["emotion"])
    ed_found = detector.detect(ed_texts)
    feelings = [feeling_for(e, t) for e, t in zip(ed_found, ed_texts)]
    named = [i for i, fl in enumerate(feelings) if fl]
    fam_ok = np.mean([ED[ed_gold[i]][0] == family_of(feelings[i].label) for i in named])
    word_ok = np.mean([fits(feelings[i].word, ed_gold[i]) for i in named])
    fam_all = family_macro_f1([ED[g][0] for g in ed_gold], [e.family for e in ed_found])
    row(f"EmpatheticDialogues valid: a feeling named (n={len(ed_texts)})", f"{len(named) / len(ed_texts):.1%}")
    row("  … feeling word's family matches the situation's", f"{fam_ok:.1%}")
    row("  … feeling word is a fair one for the situation", f"{word_ok:.1%}")
    row("  … family macro-F1 (family field, 6 families + neutral)", f"{fam_all:.3f}")
    from holdspace.listening.listener import Listener

    listener = Listener()
    chosen = [listener.name_feeling(t) for t in ed_texts]
    said = [i for i, fl in enumerate(chosen) if fl]
    row("  … the listener names a feeling (model, cue words, their own word)", f"{len(said) / len(ed_texts):.1%}")
    row("  … and it is a fair one for the situation",
        f"{np.mean([fits(chosen[i].word, ed_gold[i]) for i in said]):.1%}")

    width = max(len(r[0]) for r in rows)
    print(f"holdspace emotion benchmark · {os.cpu_count()} cores · python {sys.version.split()[0]}")
    print(f"{'measure':{width}}  {'value':>8}  {'target':>7}  met")
    for name, value, target, ok in rows:
        print(f"{name:{width}}  {value:>8}  {target:>7}  {ok}")
    if args.per_label:
        print(f"\n{'label':16} {'F1':>6} {'support':>8} {'threshold':>9}")
        for j, label in enumerate(LABELS):
            print(f"{label:16} {per_label[j]:6.3f} {int(gold[:, j].sum()):8d} {detector.thresholds[j]:9.3f}")


if __name__ == "__main__":
    main()
