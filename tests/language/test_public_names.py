import importlib

import pytest

MODULES = ["holdspace.language", "holdspace.language.text", "holdspace.language.embedding",
           "holdspace.language.heads", "holdspace.language.emotions", "holdspace.listening.feelings",
           "holdspace.listening.pronouns", "holdspace.listening.content", "holdspace.listening.listener",
           "holdspace.listening.templates", "holdspace.listening.naming", "holdspace.listening.reflecting",
           "holdspace.listening.questions", "holdspace.listening.recall", "holdspace.listening.fixed_replies",
           "holdspace.listening.names", "holdspace.listening.own_words", "holdspace.listening.edge"]


@pytest.mark.parametrize("name", MODULES)
def test_every_public_name_exists(name):
    module = importlib.import_module(name)
    assert module.__all__ and all(hasattr(module, n) for n in module.__all__)
