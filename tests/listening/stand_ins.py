"""Stand-ins for the listener's two models, so listener tests run in milliseconds: an emotion model that
hears a few cue words, and a bag-of-words sentence vector; and the risk rules alone as its risk check."""

import numpy as np

from holdspace.language.emotions import LABELS, Emotions
from holdspace.listening.memory import Conversation
from holdspace.safety.risk import assess, rules_layer


def rules_only(text: str):
    """The risk check with the rules alone, for tests about how the listener listens.

    What the risk model adds in a conversation (a gentle check-in where only it heard risk, on a few everyday
    messages too) is tested in test_listener_safety.py and tests/safety/test_risk_model.py.
    """
    return assess(text, layers=[rules_layer])

CUES = {"sad": "sadness", "died": "grief", "angry": "anger", "boss": "annoyance", "worried": "nervousness",
        "scared": "fear", "happy": "joy", "proud": "pride"}


def stand_in(texts):
    found = []
    for text in texts:
        scores = {label: 0.01 for label in LABELS}
        for cue, label in CUES.items():
            if cue in text.lower():
                scores[label] = max(scores[label], 0.7)
        if max(scores.values()) < 0.5:
            scores["neutral"] = 0.8
        labels = tuple(sorted((l for l, s in scores.items() if s >= 0.5), key=lambda l: -scores[l]))
        found.append(Emotions(scores, labels, "neutral"))
    return found


def bag_of_words(texts):
    vectors = np.zeros((len(texts), 64))
    for row, text in enumerate(texts):
        for word in text.lower().split():
            vectors[row, hash(word.strip(".,!?")) % 64] += 1
    return vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-9)


def talk(listener, *lines):
    """One conversation, a reply to each line in turn."""
    conversation = Conversation()
    return [listener.respond(conversation, line) for line in lines]
