"""The speaker knows which words of a line had been played when it was stopped: espeak-ng's WORD
events give each word's start in the rendered audio, and stop() reports the characters heard
(the end of the last word begun), so a line talked over reads only its words heard."""
from __future__ import annotations

import re
import time

import soundfile

from interviewer.adapters.speaker import Speaker, chars_heard, estimated_word_times

from .fake_sounddevice import FakeSoundDevice

QUESTION = ("Design a feed ranking system for a video app. Start with the requirements you would "
            "clarify, then sketch the candidate generation and ranking stages.")


def word_ends(text):
    """Where a word ends, with or without the punctuation after it ("app" or "app.")."""
    return {m.end() for m in re.finditer(r"\S+|\w+", text)} | {m.end() for m in re.finditer(r"\w+", text)}


def test_espeak_word_times_increase_within_the_rendered_audio(tmp_path):
    s = Speaker()  # real espeak-ng, in its child process; nothing is played
    try:
        path = tmp_path / "q.wav"
        words = s._worker.synthesize(QUESTION, None, None, path)
        seconds = soundfile.info(str(path)).duration
    finally:
        s.close()
    assert words and len(words) >= 15, words
    starts = [start for _end, start in words]
    assert starts == sorted(starts) and len(set(starts)) == len(starts), "word starts increase"
    assert starts[0] == 0 and starts[-1] < seconds, (starts, seconds)
    assert {end for end, _start in words} <= word_ends(QUESTION), "each ends where a word of the text ends"
    assert max(end for end, _start in words) == len(QUESTION) - 1, "the last word, before its full stop"


def test_heard_counts_a_word_once_its_start_played():
    words = [(6, 0.0), (8, 0.3), (13, 0.4)]  # "Design a news ..."
    assert chars_heard(words, 0.0) == 0
    assert chars_heard(words, 0.01) == 6
    assert chars_heard(words, 0.35) == 8
    assert chars_heard(words, 9.0) == 13
    estimated = estimated_word_times("one two three", 1.3)  # pyttsx3 engines tell no word times
    assert [end for end, _ in estimated] == [3, 7, 13] and estimated[0][1] == 0 and estimated[-1][1] < 1.3


def test_stop_reports_the_words_played_so_far(tmp_path):
    fake = FakeSoundDevice(speed=1.0)  # plays in real time, no sound device
    s = Speaker(sounddevice_module=fake)
    try:
        s.say(QUESTION)
        deadline = time.monotonic() + 20
        while sum(len(b) for b in fake.played) < 22050 * 2.0 and time.monotonic() < deadline:
            time.sleep(0.02)
        assert s.speaking
        heard = s.stop()
        played = sum(len(b) for b in fake.played) / 22050
        assert s.stop() is None, "nothing left to stop"
    finally:
        s.close()
    assert heard in word_ends(QUESTION) and 0 < heard < len(QUESTION) // 2, (heard, played)
    assert QUESTION[:heard].startswith("Design a feed"), QUESTION[:heard]
