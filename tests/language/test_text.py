from holdspace.language.text import MAX_CHARS, clip, is_readable, normalize, split_sentences, words


def test_normalize_tidies_quotes_whitespace_and_control_characters():
    assert normalize("  I\u2019m   so\ttired\x00\x07 \n\n\n today ") == "I'm so tired\ntoday"
    assert normalize("\ufb01ne") == "fine"  # NFKC folds the ligature


def test_plain_ascii_text_loses_the_same_control_characters_as_any_other_text():
    # Plain ASCII takes a fast path; it must read exactly as the same words beside a non-ASCII letter.
    for text in ("a\x00b\x1fc\x7fd\re`f", "  T: okay\x0b\x0cso\t\tyou\n\n\nfeel ", "\x00\x01\x02"):
        assert normalize(text) == normalize(text + "é")[:-1].rstrip()
    assert normalize("a\x00b\x7fc`d\re") == "a b c'd e"


def test_normalize_keeps_emoji_and_other_scripts():
    assert normalize("😢") == "😢"
    assert normalize("Je suis épuisée") == "Je suis épuisée"
    assert normalize("👩\u200d👧") == "👩\u200d👧"


def test_binary_junk_normalizes_to_nothing_readable():
    junk = bytes(range(0, 32)).decode("latin-1") + "\ufffd\ufffd"
    assert not is_readable(normalize(junk))
    assert is_readable("😢") and is_readable("ok")


def test_clip_cuts_long_text_at_a_word_boundary():
    text = "word " * 5000
    clipped = clip(text)
    assert len(clipped) <= MAX_CHARS and clipped.endswith("word")
    assert clip("short") == "short"


def test_sentences_split_at_ends_but_not_abbreviations_or_numbers():
    text = "I saw Dr. Smith today. It went ok... I guess? i'm not sure!\nAnyway it cost 3.50 e.g. lunch"
    assert split_sentences(text) == ["I saw Dr. Smith today.", "It went ok...", "I guess?",
                                     "i'm not sure!", "Anyway it cost 3.50 e.g. lunch"]


def test_sentences_of_nothing_are_none():
    assert split_sentences("") == []
    assert split_sentences("no full stop at all") == ["no full stop at all"]


def test_words_keep_inner_apostrophes_and_hyphens():
    assert words("I can't sleep - it's a never-ending loop, 3 nights!") == [
        "I", "can't", "sleep", "it's", "a", "never-ending", "loop", "nights"]
