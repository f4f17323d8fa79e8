import json

import pytest

from holdspace.errors import InvalidInput
from holdspace.practice.transcripts import MAX_BYTES, parse


def test_it_reads_short_and_long_speaker_prefixes():
    t = parse("T: How are you?\nC: Not great.\nTherapist: Not great?\nClient: No.\n")
    assert [(u.speaker, u.text) for u in t.utterances] == [
        ("therapist", "How are you?"), ("client", "Not great."),
        ("therapist", "Not great?"), ("client", "No.")]
    assert t.format == "text" and not t.problems


def test_a_line_without_a_prefix_continues_the_turn_above_it():
    t = parse("T: I wonder\nwhat brings you here.\nC: My sister.")
    assert t.utterances[0].text == "I wonder what brings you here."


def test_names_are_mapped_once_to_roles():
    t = parse("Anna: Hello Ben.\nBen: Hi.\nAnna: What's on your mind?", names={"Anna": "therapist", "Ben": "client"})
    assert [u.speaker for u in t.utterances] == ["therapist", "client", "therapist"]
    assert t.speakers == {"Anna": "therapist", "Ben": "client"}


def test_unmapped_names_are_kept_out_with_a_message_saying_how_to_map_them():
    with pytest.raises(InvalidInput) as exc:
        parse("Anna: Hello Ben.\nBen: Hi.")
    assert "which name is the therapist" in exc.value.message


def test_one_name_beside_a_labelled_speaker_is_read_as_the_other_role_and_said_so():
    t = parse("Therapist: Hello.\nBen: Hi.")
    assert t.utterances[1].speaker == "client"
    assert "“Ben” was read as the client" in t.problems[0].message


def test_a_line_with_no_speaker_after_a_blank_line_is_named_and_the_rest_is_kept():
    t = parse("T: Hello.\n\nhmm something\nC: Hi.")
    assert [u.text for u in t.utterances] == ["Hello.", "Hi."]
    assert t.problems[0].line == 3 and "doesn't say who is speaking" in t.problems[0].message


def test_it_reads_srt_with_speaker_labels_and_times():
    srt = ("1\n00:00:01,000 --> 00:00:03,500\nTherapist: What brings you in?\n\n"
           "2\n00:00:04,000 --> 00:00:06,000\nClient: My drinking.\nIt's got worse.\n")
    t = parse(srt, "session.srt")
    assert t.format == "srt"
    assert [(u.speaker, u.text, u.start, u.end) for u in t.utterances] == [
        ("therapist", "What brings you in?", 1.0, 3.5), ("client", "My drinking. It's got worse.", 4.0, 6.0)]


def test_it_reads_webvtt_voice_spans():
    vtt = "WEBVTT\n\n00:01.000 --> 00:02.000\n<v Therapist>Hello there.</v>\n\n00:02.500 --> 00:04.000\n<v Client>Hi.\n"
    t = parse(vtt)
    assert t.format == "vtt"
    assert [(u.speaker, u.text, u.start) for u in t.utterances] == [("therapist", "Hello there.", 1.0), ("client", "Hi.", 2.5)]


def test_garbled_subtitle_timing_names_the_line_and_keeps_the_words():
    srt = ("1\n00:00:01,000 --> 00:00:03,000\nT: Hello.\n\n"
           "2\n00:00:0x,000 -> 00:00:05\nC: Hi there.\n\n"
           "3\n00:00:09,000 --> 00:00:07,000\nT: Welcome.\n")
    t = parse(srt, "a.srt")
    assert [u.text for u in t.utterances] == ["Hello.", "Hi there.", "Welcome."]
    assert t.utterances[1].start is None and t.utterances[2].start is None
    assert [p.line for p in t.problems] == [6, 10]
    assert "ends before it starts" in t.problems[1].message


def test_it_reads_json_lists_and_objects():
    items = [{"speaker": "therapist", "text": "Hi", "start": 1.5}, {"role": "client", "content": "Hello"}]
    for data in (json.dumps(items), json.dumps({"utterances": items})):
        t = parse(data, "x.json")
        assert [(u.speaker, u.text) for u in t.utterances] == [("therapist", "Hi"), ("client", "Hello")]
        assert t.utterances[0].start == 1.5


def test_broken_json_says_where():
    with pytest.raises(InvalidInput) as exc:
        parse('[{"speaker": "T", "text": "hi"', "x.json")
    assert "line 1" in exc.value.message


def test_a_json_item_without_text_is_named_and_the_others_kept():
    t = parse(json.dumps([{"speaker": "T", "text": "Hi"}, {"speaker": "C"}]))
    assert len(t.utterances) == 1 and t.problems[0].line == 2


def test_timing_lines_in_a_plain_transcript_are_flagged_as_mixed_formats():
    t = parse("T: Hello.\n00:00:01,000 --> 00:00:02,000\nC: Hi.")
    assert len(t.utterances) == 2
    assert t.problems[0].line == 2 and "subtitle timing" in t.problems[0].message


def test_an_empty_transcript_gets_a_kind_message():
    with pytest.raises(InvalidInput) as exc:
        parse("  \n\n")
    assert "empty" in exc.value.message


def test_a_file_with_no_speakers_at_all_says_how_to_label_them():
    with pytest.raises(InvalidInput) as exc:
        parse("hello there\n\nhow are you\n\nfine")
    assert "T: or C:" in exc.value.message


def test_a_ten_megabyte_file_is_read_up_to_the_limit_and_says_so():
    line = b"T: I hear how hard this week has been for you.\nC: It has.\n"
    data = line * (10_000_000 // len(line))
    t = parse(data)
    assert t.utterances and len(t.utterances) < 10_000_000 // len(line) * 2
    assert "Only the first" in t.problems[0].message
    assert sum(len(u.text) for u in t.utterances) < MAX_BYTES


def test_a_binary_file_is_refused_kindly():
    with pytest.raises(InvalidInput) as exc:
        parse(b"\x00\x01\x02" * 1000)
    assert "binary" in exc.value.message
