import pytest

from interviewer.core.analysis.pauses import VAD_END_LAG_S, PauseSettings, find_pauses, response_latency
from interviewer.core.analysis.report import AnalysisSettings, analyze_answer
from interviewer.core.transcript import Segment, SpeechRegion, Transcript, Word

from .speech import spoken


def test_every_silence_of_a_second_or_more_inside_the_answer():
    t = spoken("[1.8] Let me think. [0.6] Okay. [1.0] The data [2.5] lands in a stream. [11] Done.", start=0.0)
    a = analyze_answer(t)
    lengths = [round(p.length, 2) for p in a.pauses]
    assert lengths == [1.0, 2.5, 11.0]  # 0.6 s is too short; the 1.8 s before speech is latency
    assert a.response_latency == pytest.approx(1.75)
    d = a.to_dict()
    assert [round(p["duration"], 2) for p in d["long_pauses"]] == [2.5, 11.0]
    assert [round(p["duration"], 2) for p in d["silent_stretches"]] == [11.0]
    kinds = [f.kind for f in a.findings]
    assert kinds.count("long_pause") == 1 and kinds.count("went_silent") == 1


def test_pause_knows_the_words_around_it():
    a = analyze_answer(spoken("The data [2.5] lands here."))
    [p] = a.pauses
    assert (p.before, p.after) == ("data", "lands")


def test_pauses_come_from_the_detector_not_word_gaps():
    # Whisper stretched "pipeline." over the silence; the detector knows better.
    words = [Word("Let's", 0.5, 0.8), Word("pipeline.", 0.8, 4.6), Word("Uh,", 8.5, 9.2), Word("so", 9.6, 9.7)]
    t = Transcript([Segment("", 0.5, 9.7, tuple(words))], 10.0,
                   [SpeechRegion(0.5, 2.97), SpeechRegion(8.93, 9.9)])
    [p] = analyze_answer(t).pauses
    assert (p.start, p.end) == (pytest.approx(2.97 - VAD_END_LAG_S), 8.93)


def test_pauses_allow_for_the_detector_lag_at_speech_ends():
    # Silero stamps the end of speech about one window late: a 1.5 s silence is not cut short.
    regions = [SpeechRegion(0.5, 1.0 + VAD_END_LAG_S), SpeechRegion(2.5, 3.0)]
    words = [Word("yes", 0.5, 1.0), Word("no", 2.5, 3.0)]
    [p] = find_pauses(regions, words, end_lag_s=VAD_END_LAG_S)
    assert p.length == pytest.approx(1.5)
    assert find_pauses(regions, words)[0].length == pytest.approx(1.5 - VAD_END_LAG_S)
    # Word-gap regions (no detector) have no lag to allow for.
    t = Transcript([Segment("yes no", 0.5, 3.0, tuple(words))], 3.5, None)
    assert analyze_answer(t).pauses[0].length == pytest.approx(1.5)


def test_long_pause_threshold_is_configurable():
    # Mid-sentence: a silence after a finished sentence has its own, longer threshold
    # (test_trial31_breath_between_sentences.py).
    t = spoken("One two [1.6] three four.")
    assert not [f for f in analyze_answer(t).findings if f.kind == "long_pause"]
    settings = AnalysisSettings(pauses=PauseSettings(long_pause_s=1.5))
    assert [f.kind for f in analyze_answer(t, settings=settings).findings if f.kind == "long_pause"] == ["long_pause"]


def test_a_click_inside_a_pause_does_not_split_it():
    regions = [SpeechRegion(0.5, 1.0 + VAD_END_LAG_S), SpeechRegion(2.0, 2.05), SpeechRegion(4.0, 4.5)]
    words = [Word("yes", 0.5, 1.0), Word("no", 4.0, 4.5)]
    t = Transcript([Segment("yes no", 0.5, 4.5, tuple(words))], 5.0, regions)
    assert [(p.start, p.end) for p in analyze_answer(t).pauses] == [(1.0, 4.0)]


def test_latency_counts_from_the_end_of_the_question():
    from interviewer.core.transcript import Word

    regions = [SpeechRegion(12.0, 13.0)]
    # To the first word, from the detector's start of the speech it lies in (Whisper stamps
    # the first word late or early).
    assert response_latency(regions, [Word("Sure", 12.2, 12.6)], question_end=9.5) == pytest.approx(2.5)
    # Sound the detector took for speech holds no answer: no latency without a word
    # (issue 11: noise alone gave 51 s "latencies"), and noise before the first word is not it.
    assert response_latency(regions, [], question_end=9.5) is None
    noise_then_word = [SpeechRegion(1.0, 1.3), SpeechRegion(12.0, 13.0)]
    assert response_latency(noise_then_word, [Word("Sure", 12.1, 12.6)]) == pytest.approx(12.0)
    assert response_latency([], [], 0.0) is None
    t = spoken("[4] Hello there.", start=0.0)
    a = analyze_answer(t)
    assert a.response_latency == pytest.approx(3.95)
    # A few seconds to think before answering is what coaches advise: no finding (trial 33).
    assert "response_latency" not in [f.kind for f in a.findings]
    assert "response_latency" in [f.kind for f in analyze_answer(spoken("[7] Hello there.", start=0.0)).findings]


def test_without_detector_data_word_gaps_are_used_and_flagged():
    t = spoken("One two. [3] Three four.", with_vad=False)
    a = analyze_answer(t)
    assert [round(p.length, 2) for p in a.pauses] == [3.0]
    assert a.to_dict()["pauses_from_audio"] is False


def test_no_pauses_before_first_or_after_last_speech():
    regions = [SpeechRegion(5.0, 6.0), SpeechRegion(6.5, 7.0)]
    assert find_pauses(regions, [], PauseSettings()) == []


def test_slow_start_finding_points_at_the_silence_after_the_question():
    t = spoken("[8] Hello there.", start=0.0)
    a = analyze_answer(t, question_end=1.0)
    [f] = [f for f in a.findings if f.kind == "response_latency"]
    assert (f.start, round(f.end, 2)) == (1.0, 7.95)


def test_the_interviewers_reply_is_not_the_candidates_silence():
    """A new-user run: "Went silent for 21.2 s after 'day?'" counted the 5 s the interviewer spent
    answering the clarifying question. The silence after the reply is measured on its own, and is
    not said to follow the candidate's last word; the wait before the reply (the interviewer's
    1.5 s to answer) is no pause of the candidate's ("Paused 2.1 s after 'session?'", trial 5)."""
    from interviewer.core.analysis.marks import transcript_marks

    t = spoken("How many new videos are uploaded every day? [21.2] Okay, so about a million.", start=0.0)
    asked_end = t.words[7].end  # "day?"
    silent = analyze_answer(t)
    [gap] = silent.pauses
    assert gap.length == pytest.approx(21.2, abs=0.05) and "went_silent" in [f.kind for f in silent.findings]

    reply = (asked_end + 1.5, asked_end + 6.5)  # the interviewer answered for 5 s after 1.5 s
    a = analyze_answer(t, interviewer_speech=[reply])
    [after] = a.pauses
    assert after.start == pytest.approx(reply[1] - VAD_END_LAG_S, abs=1e-3)
    assert after.length == pytest.approx(21.2 - 6.5, abs=0.1)
    assert after.before == "" and after.after == "Okay,"
    # After the reply, a wait whatever its length (trial 34 D7), measured from the reply's end.
    messages = [f.message for f in a.findings if f.kind in ("went_silent", "waited")]
    assert messages == [f"Waited {after.length:.1f} s after the interviewer's reply."]
    # The marked transcript has the pause after the reply only.
    pauses = [m for m in transcript_marks(a.to_dict()) if m.kind in ("pause", "waited")]
    assert [m.start < reply[0] for m in pauses] == [False]
    assert "long_pause" not in [f.kind for f in a.findings]


def test_a_reply_the_candidate_talked_over_does_not_make_a_pause():
    t = spoken("The data [3.0] lands here.", start=0.0)
    data_end = t.words[1].end
    a = analyze_answer(t, interviewer_speech=[(data_end - 0.5, data_end + 3.5)])  # overlaps both words
    assert a.pauses == []


@pytest.mark.parametrize("said, granted", [
    ("Can I take a minute to think? [10.3] Sure. Last year I had a conflict.", True),
    ("Okay. Let me take a moment to think about this. [12] So I would shard it.", True),
    ("I would use a heap of size k. [10.3] Then I pop them in order.", False),
    # Asked for a minute, took five: that is going silent again.
    ("Can I take a minute to think? [300] Sure. Last year I had a conflict.", False),
])
def test_a_silence_the_candidate_asked_for_is_no_going_silent(said, granted):
    """Trial 3: "Can I take a minute to think?" - "Sure, take your time." - ten silent seconds,
    and the review said "Went silent for 10.3 s; think aloud instead." under To work on."""
    findings = analyze_answer(spoken(said)).findings
    kinds = [f.kind for f in findings if f.kind in ("went_silent", "long_pause")]
    if granted:
        assert kinds == ["long_pause"]
        assert [f.message for f in findings if f.kind == "long_pause"][0].endswith("to think, as you asked.")
    else:
        assert kinds == ["went_silent"]
