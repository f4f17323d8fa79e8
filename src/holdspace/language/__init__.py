"""The offline language engine: text clean-up, sentence embeddings and small trained heads.

Pure: no database, web or settings. Nothing is loaded at import; the first call to `encoder()`
(or `emotion_detector()`) loads and verifies its model once, and every feature shares it.

    text        normalize, clip, split_sentences, words
    embedding   encoder() -> Encoder.embed(texts): unit-length MiniLM sentence vectors
    heads       numpy heads stored as .npz in the package
    emotions    emotion_detector() -> EmotionDetector.detect(texts): GoEmotions' 28 labels
"""

from holdspace.language.embedding import ModelUnavailable, encoder
from holdspace.language.text import normalize, split_sentences

__all__ = ["ModelUnavailable", "encoder", "normalize", "split_sentences"]
