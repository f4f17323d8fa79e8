import pytest

from holdspace.listening.listener import Listener
from tests.listening.stand_ins import bag_of_words, stand_in


@pytest.fixture
def listener():
    """The listener's core with the stand-in models."""
    return Listener(emotions=stand_in, embed=bag_of_words)
