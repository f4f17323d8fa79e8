"""The frozen head's known false alarms and a few everyday chat messages: what each layer set answers.

    OMP_NUM_THREADS=1 .venv/bin/python training/risk_ship_probe.py

The chat lines were written for this check (in no data set) after the risk model's first probes; they chose
nothing (no threshold, no training row): they are why the model is not switched on (training/README.md).
"""
from holdspace.safety.classifier import ModelLayer
from holdspace.safety.risk import assess, rules_layer, with_classifier, with_risk_model

TEXTS = ["would this cold kill me lol", "I'm ending it. We've been fighting for months and I'm done.",
         "The pain ends tonight when I finally get my tooth out.", "What if I freeze in front of everyone",
         "she wants me to be safe but it's MY life",
         # everyday chat written for this check (in no data set)
         "Goodbye for now", "I have to go now, bye", "Sorry for dumping all this on you",
         "Thanks for listening, talk tomorrow", "I'm off to bed, goodnight", "I'm going to do it.", "I won't be coming back."]
model = ModelLayer()
print(f"{'text':62} {'rules':8} {'+frozen head':13} {'+risk model':12} p(none, concern, urgent)")
for t in TEXTS:
    p = model.probabilities(t)
    print(f"{t[:62]:62} {assess(t, layers=[rules_layer]).level:8} {assess(t, layers=with_classifier()).level:13} "
          f"{assess(t, layers=with_risk_model()).level:12} ({p[0]:.4f}, {p[1]:.4f}, {p[2]:.4f})")
