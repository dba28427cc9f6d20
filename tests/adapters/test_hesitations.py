"""Hesitation recovery from the audio (adapters/hesitations.py), with the rules measured on
human speech: a re-decode counts only when sure, a word's tail claims its region, and a
hesitation Whisper writes a second time after a pause is one hesitation."""
from types import SimpleNamespace

import numpy as np

from interviewer.adapters.hesitations import (
    MIN_RECHECK_LOGPROB, check_ahead, fix_hesitations, known_rechecks, split_at_valleys,
)
from interviewer.core.audio_format import SAMPLE_RATE as RATE
from interviewer.core.transcript import Segment, SpeechRegion, Transcript, Word


class SureModel:
    """Answers every re-decode with `text` at mean log-probability `logprob`."""

    def __init__(self, text: str, logprob: float):
        self.text, self.logprob, self.calls = text, logprob, 0

    def transcribe(self, clip, **options):
        self.calls += 1
        return [SimpleNamespace(text=self.text, avg_logprob=self.logprob)], None


def _hum(audio: np.ndarray, start: float, end: float) -> None:
    t = np.arange(int((end - start) * RATE)) / RATE
    audio[int(start * RATE): int(start * RATE) + t.size] = 0.3 * np.sin(2 * np.pi * 140 * t)


def _lone_sound_then_words():
    audio = np.zeros(3 * RATE, np.float32)
    _hum(audio, 0.5, 0.8)
    words = (Word("so", 1.5, 1.8), Word("next.", 1.8, 2.3))
    return audio, Transcript([Segment("so next.", 1.5, 2.3, words)], 3.0,
                             [SpeechRegion(0.5, 0.8), SpeechRegion(1.5, 2.3)])


def test_a_sure_redecode_is_recovered_an_unsure_one_is_not():
    audio, transcript = _lone_sound_then_words()
    assert fix_hesitations(transcript, audio, SureModel(" Um...", -0.6), hint="Um") == 1
    assert [w.text for w in transcript.words] == ["Um", "so", "next."]
    # Laughter or a word's tail re-decoded alone also comes back as "Uh", but less sure.
    audio, transcript = _lone_sound_then_words()
    model = SureModel(" Uh...", MIN_RECHECK_LOGPROB - 0.2)
    assert fix_hesitations(transcript, audio, model, hint="Um") == 0 and model.calls == 1
    assert [w.text for w in transcript.words] == ["so", "next."]


def test_a_word_ending_inside_a_region_claims_it():
    # "I hardly know her." with "her" running into the last short region: not an "er".
    audio = np.zeros(4 * RATE, np.float32)
    _hum(audio, 3.14, 3.39)
    words = (Word("I", 2.08, 2.18), Word("hardly", 2.18, 2.4), Word("know", 2.4, 2.96), Word("her.", 2.96, 3.28))
    transcript = Transcript([Segment("I hardly know her.", 2.08, 3.28, words)], 4.0,
                            [SpeechRegion(0.86, 2.66), SpeechRegion(3.14, 3.39)])
    model = SureModel(" Er...", -0.5)
    assert fix_hesitations(transcript, audio, model, hint="") == 0 and model.calls == 0
    assert [w.text for w in transcript.words] == ["I", "hardly", "know", "her."]


def test_an_opening_word_pulled_back_over_a_dropped_um_does_not_hide_it():
    """A new-user trial: "Um, I think we should start with the data." came out as "I think..."
    with "I" stamped 0.0-0.68 s, over the "um" (0.0-0.38 s) and the pause after it, so the
    "um" was never looked for. A segment's first word runs on into the next sound: it was said
    there."""
    def answer():
        audio = np.zeros(3 * RATE, np.float32)
        _hum(audio, 0.0, 0.38)
        _hum(audio, 0.51, 2.0)
        words = (Word("I", 0.0, 0.68), Word("think", 0.68, 1.02), Word("so.", 1.02, 2.0))
        return audio, Transcript([Segment("I think so.", 0.0, 2.0, words)], 3.0,
                                 [SpeechRegion(0.0, 0.38), SpeechRegion(0.51, 2.0)])

    audio, transcript = answer()
    assert fix_hesitations(transcript, audio, SureModel(" Um...", -0.5), hint="Um") == 1
    assert [(w.text, w.start) for w in transcript.words] == [("Um", 0.0), ("I", 0.51), ("think", 0.68),
                                                             ("so.", 1.02)]
    # Heard alone, the first sound is no hesitation (the word itself): nothing is added or moved.
    audio, transcript = answer()
    assert fix_hesitations(transcript, audio, SureModel(" I", -0.3), hint="Um") == 0
    assert [(w.text, w.start) for w in transcript.words] == [("I", 0.0), ("think", 0.68), ("so.", 1.02)]
    # A word inside a segment stretched the same way keeps its region (a word's tail, not an
    # opener pulled back).
    audio, transcript = answer()
    words = (Word("So", 0.0, 0.1), Word("I", 0.1, 0.68), Word("think", 0.68, 1.02), Word("so.", 1.02, 2.0))
    transcript = Transcript([Segment("So I think so.", 0.0, 2.0, words)], 3.0, transcript.speech)
    model = SureModel(" Um...", -0.5)
    assert fix_hesitations(transcript, audio, model, hint="Um") == 0 and model.calls == 0


def test_one_hesitation_written_again_at_the_next_word_after_a_pause_counts_once():
    # "forced, um, [1.7 s] um, a liner": the second "um" has no duration and sits at the start
    # of the next word's speech.
    words = (Word("forced,", 3.45, 3.81), Word("um,", 3.91, 4.5), Word("um,", 6.4, 6.4),
             Word("a", 6.4, 6.46), Word("liner.", 6.46, 6.64))
    regions = [SpeechRegion(2.21, 3.8), SpeechRegion(3.81, 4.58), SpeechRegion(6.3, 6.75)]
    transcript = Transcript([Segment("forced, um, um, a liner.", 3.45, 6.64, words)], 7.0, regions)
    fix_hesitations(transcript, np.zeros(7 * RATE, np.float32), SureModel(" Um.", -0.5), hint="")
    assert [w.text for w in transcript.words] == ["forced,", "um,", "a", "liner."]


def test_hesitations_said_in_a_row_in_one_stretch_of_speech_all_stay():
    # "hm, hm, um, forced": several hesitations in the next word's region, each its own.
    words = (Word("um,", 6.74, 6.78), Word("um,", 6.82, 6.82), Word("um,", 6.96, 6.96),
             Word("forced", 6.96, 7.2))
    regions = [SpeechRegion(1.0, 3.8), SpeechRegion(6.34, 7.33)]
    transcript = Transcript([Segment("um, um, um, forced", 6.74, 7.2, words)], 8.0, regions)
    fix_hesitations(transcript, np.zeros(8 * RATE, np.float32), SureModel(" Um.", -0.5), hint="")
    assert [w.text for w in transcript.words] == ["um,", "um,", "um,", "forced"]


def test_a_hesitation_after_unworded_speech_is_not_an_echo_and_words_stay_in_order():
    # "uh uh uh [speech Whisper wrote nothing for] uh, forced": the last "uh" may be that
    # speech's own, so it stays; hesitations moved onto their regions stay in time order.
    words = (Word("Montreal,", 0.82, 1.32), Word("uh", 2.42, 2.42), Word("-uh.", 2.42, 3.64),
             Word("Uh...", 4.04, 4.66), Word("uh,", 5.52, 5.52), Word("forced", 5.7, 5.9))
    regions = [SpeechRegion(1.02, 1.63), SpeechRegion(1.92, 2.11), SpeechRegion(2.62, 2.85),
               SpeechRegion(3.23, 3.55), SpeechRegion(4.35, 5.31), SpeechRegion(5.47, 6.05)]
    transcript = Transcript([Segment("Montreal, uh -uh. Uh... uh, forced", 0.82, 5.9, words)], 7.0, regions)
    fix_hesitations(transcript, np.zeros(7 * RATE, np.float32), SureModel(" Okay.", -0.5), hint="")
    starts = [w.start for w in transcript.words]
    assert starts == sorted(starts)
    assert [w.text for w in transcript.words].count("uh,") == 1


def test_redecodes_done_ahead_are_taken_by_the_repair_not_decoded_again():
    audio, transcript = _lone_sound_then_words()
    model, results = SureModel(" Um...", -0.6), {}
    # Only the lone sound is a candidate (the words' region is too long), and only while allowed.
    assert check_ahead(model, audio, 0.0, transcript.speech, "Um", results, keep_going=lambda: False) == 0
    assert check_ahead(model, audio, 0.0, transcript.speech, "Um", results) == 1 and model.calls == 1
    assert check_ahead(model, audio, 0.0, transcript.speech, "Um", results) == 0 and model.calls == 1
    with known_rechecks(results):
        assert fix_hesitations(transcript, audio, model, hint="Um") == 1
    assert model.calls == 1 and [w.text for w in transcript.words] == ["Um", "so", "next."]
    # Outside the block, or for the same sound elsewhere in the answer (other samples), or with
    # another hint, the repair decodes it itself.
    for offset, hint in ((0.0, "Um"), (10.0, "Um"), (0.0, "Uh")):
        audio, transcript = _lone_sound_then_words()
        moved = Transcript(transcript.segments, 3.0, [SpeechRegion(r.start + offset, r.end + offset)
                                                      for r in transcript.speech])
        calls = model.calls
        with known_rechecks(results if (offset, hint) != (0.0, "Um") else {}):
            fix_hesitations(moved, audio, model, offset=offset, hint=hint)
        assert model.calls == calls + 1


def _glued_run() -> np.ndarray:
    """Two held sounds with no silence between them (one VAD region, 0.5-1.4 s): the voice only
    drops by 30 dB for 40 ms, as between two "uh"s said in a row."""
    audio = np.zeros(3 * RATE, np.float32)
    _hum(audio, 0.5, 0.85)
    _hum(audio, 0.89, 1.4)
    t = np.arange(int(0.04 * RATE)) / RATE
    audio[int(0.85 * RATE): int(0.85 * RATE) + t.size] = 0.01 * np.sin(2 * np.pi * 140 * t)
    return audio


def test_a_region_is_cut_at_a_deep_loudness_valley_not_at_its_fades():
    audio = _glued_run()
    parts = split_at_valleys(audio, SpeechRegion(0.5, 1.4), 0.0)
    assert len(parts) == 2 and abs(parts[0].end - 0.87) < 0.03
    assert (parts[0].start, parts[-1].end) == (0.5, 1.4)
    # One held sound: no valley inside, and the rise and fall at its ends are not valleys.
    steady = np.zeros(3 * RATE, np.float32)
    _hum(steady, 0.5, 1.4)
    assert split_at_valleys(steady, SpeechRegion(0.45, 1.45), 0.0) == [SpeechRegion(0.45, 1.45)]


def test_a_glued_run_whisper_wrote_nothing_on_is_cut_and_heard_part_by_part():
    """Real speech with other CPU kernels (`mfa_uhuh`, GENERIC): "uh... [0.8 s] uh-uhhh forced"
    came out with nothing written on the second run, too long for one hesitation and too far
    from the last "uh" to count as its stray, so it was never heard. Sound no word is on is cut
    at its valleys and each part heard alone."""
    audio = _glued_run()
    words = (Word("so", 2.2, 2.5), Word("next.", 2.5, 2.9))
    transcript = Transcript([Segment("so next.", 2.2, 2.9, words)], 3.0,
                            [SpeechRegion(0.5, 1.4), SpeechRegion(2.2, 2.9)])
    assert fix_hesitations(transcript, audio, SureModel(" Uh.", -0.5), hint="") == 2
    assert [w.text for w in transcript.words] == ["Uh", "Uh", "so", "next."]


def test_hesitations_said_in_a_row_in_one_region_are_counted_one_by_one():
    # "uh uh" glued into one region; Whisper wrote one "uh". Each part, heard alone, is a
    # hesitation: the other one is added.
    audio = _glued_run()
    words = (Word("uh,", 0.5, 1.4), Word("so", 1.6, 1.9))
    transcript = Transcript([Segment("uh, so", 0.5, 1.9, words)], 3.0,
                            [SpeechRegion(0.5, 1.4), SpeechRegion(1.6, 1.9)])
    model = SureModel(" Uh.", -0.5)
    assert fix_hesitations(transcript, audio, model, hint="") == 1
    assert [w.text for w in transcript.words] == ["uh,", "Uh", "so"]
    # Without a hesitation Whisper wrote nearby, a region is never cut (nothing is decoded).
    audio = _glued_run()
    words = (Word("well", 0.5, 1.4), Word("so", 1.6, 1.9))
    transcript = Transcript([Segment("well so", 0.5, 1.9, words)], 3.0,
                            [SpeechRegion(0.5, 1.4), SpeechRegion(1.6, 1.9)])
    model = SureModel(" Uh.", -0.5)
    assert fix_hesitations(transcript, audio, model, hint="") == 0 and model.calls == 0
