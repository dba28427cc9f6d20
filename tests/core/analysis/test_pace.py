import pytest

from interviewer.core.analysis.pace import NORMAL_BAND_WPM, measure_pace
from interviewer.core.analysis.report import analyze_answer
from interviewer.core.transcript import SpeechRegion

from .speech import spoken


def test_words_per_minute_and_articulation_rate():
    # 30 words over 10 s of speech with a 5 s pause in the middle.
    regions = [SpeechRegion(0.0, 5.0), SpeechRegion(10.0, 15.0)]
    pace = measure_pace(30, regions)
    assert pace.wpm == pytest.approx(120.0)          # 30 words in 15 s
    assert pace.articulation_wpm == pytest.approx(180.0)  # 30 words in 10 s of speech
    assert pace.verdict == "normal"
    assert pace.to_dict()["band"] == list(NORMAL_BAND_WPM)


def test_short_gaps_are_not_pauses_for_articulation():
    regions = [SpeechRegion(0.0, 1.0), SpeechRegion(1.1, 2.0)]  # 100 ms gap: still speaking
    assert measure_pace(5, regions).articulation_seconds == pytest.approx(2.0)


def test_hesitations_are_not_words_and_pace_band_findings():
    fast = spoken(" ".join(["word"] * 40))  # 0.35 s per word: about 171 wpm
    a = analyze_answer(fast)
    assert a.pace.words == 40
    assert a.pace.verdict == "fast"
    assert "pace" in [f.kind for f in a.findings]
    slow = spoken(" ".join(["word [0.6]"] * 20))
    assert analyze_answer(slow).pace.verdict == "slow"
    assert analyze_answer(spoken("um uh okay")).pace.words == 1


def test_no_speech_gives_no_pace():
    pace = measure_pace(0, [])
    assert pace.wpm is None and pace.verdict == "unknown"
