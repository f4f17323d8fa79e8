import pytest

from holdspace.listening.listener import Listener
from tests.listening.stand_ins import bag_of_words, rules_only, stand_in


@pytest.fixture
def listener():
    """The listener's core with the stand-in models and the risk rules alone (stand_ins.rules_only)."""
    return Listener(emotions=stand_in, embed=bag_of_words, risk=rules_only)


@pytest.fixture(scope="session")
def real_listener():
    """The real listener (ONNX emotions and embeddings), with the risk rules alone, loaded once."""
    return Listener(country="US", risk=rules_only)
