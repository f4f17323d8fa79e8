"""`holdspace analyze emotion` and `analyze reflect` through the CLI batch contract."""

from holdspace.language.emotions import FAMILIES, LABELS


def test_analyze_emotion_gives_every_label_the_labels_above_threshold_and_a_family(analyze):
    out = analyze("emotion", [{"text": "I'm so grateful for your help, thank you!"},
                              {"text": "I'm so angry at him, he lied to me again."}])
    assert len(out) == 2
    for result in out:
        assert [e["label"] for e in result["emotions"]] != [] and len(result["emotions"]) == 28
        assert {e["label"] for e in result["emotions"]} == set(LABELS)
        scores = [e["score"] for e in result["emotions"]]
        assert scores == sorted(scores, reverse=True)
        assert result["family"] in FAMILIES and set(result["labels"]) <= set(LABELS)
    assert "gratitude" in out[0]["labels"] and out[0]["family"] == "joy"
    assert out[1]["family"] == "anger" and out[1]["feeling"]["word"]


def test_bad_lines_get_a_clear_error_and_the_batch_goes_on(analyze):
    out = analyze("emotion", [{"text": ""}, {"text": "😭"}, {"text": "I'm worried. " * 1600},
                              {"text": "Estoy muy cansada."}, {"text": "\x00\x01\x02\x03"},
                              {"text": 42}, "not json", {"text": "Good news, I passed!"}])
    assert len(out) == 8
    assert "empty" in out[0]["error"]
    assert out[1]["family"] in FAMILIES and out[2]["family"] in FAMILIES and out[3]["family"] in FAMILIES
    assert "readable" in out[4]["error"]
    assert "must be a string" in out[5]["error"]
    assert "valid JSON" in out[6]["error"]
    assert out[7]["family"] == "joy"


def test_analyze_reflect_reflects_validates_and_asks(analyze):
    out = analyze("reflect", [
        {"text": "My boss yelled at me in front of everyone and I'm so angry."},
        {"text": "I keep thinking about it.", "history": ["My boss yelled at me today."]},
        {"text": "I want to kill myself"},
        {"text": "hi", "history": "not a list"},
    ])
    first = out[0]
    assert "your boss yelled at you" in first["reply"] and first["question"].endswith("?")
    assert first["level"] == "none" and first["validation"] and first["feeling"]
    assert out[1]["reply"]
    assert out[2]["level"] == "urgent" and "/crisis" in out[2]["reply"] and not out[2]["question"]
    assert "history must be a list" in out[3]["error"]
