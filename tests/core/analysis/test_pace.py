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


def _words_every(seconds: float, n: int, pause_every: int = 0, pause_s: float = 0.0):
    """n words of `seconds` each, back to back, with a pause after every `pause_every` words."""
    from interviewer.core.transcript import Segment, Transcript, Word

    words, regions, t, start = [], [], 0.5, 0.5
    for i in range(n):
        words.append(Word("word", t, t + seconds))
        t += seconds
        if pause_every and (i + 1) % pause_every == 0 and i + 1 < n:
            regions.append(SpeechRegion(start, t))
            t += pause_s
            start = t
    regions.append(SpeechRegion(start, t))
    return Transcript([Segment("x", 0.5, t, tuple(words))], t + 0.5, regions)


def test_hesitations_are_not_words_and_pace_band_findings():
    fast = _words_every(0.26, 60)  # 231 words a minute, no pause
    a = analyze_answer(fast)
    assert a.pace.words == 60
    assert a.pace.verdict == "fast"
    [finding] = [f for f in a.findings if f.kind == "pace"]
    assert "too fast" in finding.message and "231 words per minute while speaking" in finding.message
    slow = _words_every(0.6, 30)  # 100 words a minute while speaking: drawn out
    assert analyze_answer(slow).pace.verdict == "slow"
    assert analyze_answer(spoken("um uh okay")).pace.words == 1


def test_pauses_do_not_make_a_quick_speaker_slow():
    # Issue 11: 175 wpm while speaking, with long pauses to think, was "Spoke slowly: 52 wpm".
    a = analyze_answer(_words_every(60 / 175, 40, pause_every=5, pause_s=6.0))
    assert a.pace.articulation_wpm == pytest.approx(175, abs=1)
    assert a.pace.wpm < 70
    assert a.pace.verdict == "normal"
    assert "pace" not in [f.kind for f in a.findings]
    d = a.to_dict()
    assert d["pace"]["articulation_band"] == [130.0, 190.0] and d["articulation_wpm"] == a.pace.articulation_wpm


def test_no_speech_gives_no_pace():
    pace = measure_pace(0, [])
    assert pace.wpm is None and pace.verdict == "unknown"


def test_quick_phrases_with_pauses_between_them_are_not_too_fast():
    # People talk at 200-260 words a minute between their pauses: 12 of 17 human clips of 25
    # words and more (AMI meetings, MFA, LibriSpeech) were "too fast" on that rate alone, 9 of
    # them at 114-153 words a minute overall.
    a = analyze_answer(_words_every(60 / 220, 60, pause_every=6, pause_s=1.2))
    assert a.pace.articulation_wpm == pytest.approx(220, abs=1)
    assert a.pace.wpm < 160
    assert a.pace.verdict == "normal" and "pace" not in [f.kind for f in a.findings]
    # The same phrases run together leave the listener no time: too fast, both rates named.
    b = analyze_answer(_words_every(60 / 220, 60, pause_every=6, pause_s=0.3))
    assert b.pace.wpm > 160 and b.pace.verdict == "fast"
    [finding] = [f for f in b.findings if f.kind == "pace"]
    assert "fast is over 190 while speaking and also over 160 with pauses" in finding.message
