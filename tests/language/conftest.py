import pytest

from holdspace.language.embedding import encoder


@pytest.fixture(scope="session")
def real_encoder():
    """The real MiniLM ONNX model, loaded and verified once for the whole run."""
    return encoder()
