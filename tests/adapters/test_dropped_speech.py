"""Speech Whisper skipped under the hesitation hint is decoded again (adapters/dropped_speech.py).

The model is a fake here: which words it writes is what is being arranged. The real model runs
through the same path in every transcription test (transcribe_window calls it on each window).
"""
from types import SimpleNamespace

import numpy as np

from interviewer.adapters.dropped_speech import dropped_runs, fill_dropped_speech
from interviewer.core.transcript import Segment, SpeechRegion, Word

SR = 16000


def seg(*words):
    ws = tuple(Word(t, a, b, 0.9) for t, a, b in words)
    return Segment(" ".join(w.text for w in ws), ws[0].start, ws[-1].end, ws)


class PlainDecodeModel:
    """Answers a decode without the hint with `heard` (times relative to the clip)."""

    def __init__(self, heard, logprob=-0.3, no_speech=0.01):
        self.heard, self.logprob, self.no_speech = heard, logprob, no_speech
        self.calls = []

    def transcribe(self, audio, **options):
        self.calls.append((audio.size / SR, options))
        words = [SimpleNamespace(word=" " + t, start=a, end=b, probability=0.9) for t, a, b in self.heard]
        segment = SimpleNamespace(text=" ".join(t for t, _, _ in self.heard), start=words[0].start,
                                  end=words[-1].end, words=words, avg_logprob=self.logprob,
                                  no_speech_prob=self.no_speech, compression_ratio=1.2)
        return iter([segment]), None


REGIONS = [SpeechRegion(0.5, 0.9), SpeechRegion(2.6, 7.8), SpeechRegion(8.0, 9.5)]
# The hinted decode wrote one "Um," and skipped 2.6-7.8 s of speech.
HINTED = [seg(("Um,", 0.5, 0.8)), seg(("So", 8.0, 8.3), ("that's", 8.4, 8.8), ("it.", 8.9, 9.4))]
OPTIONS = {"language": "en", "initial_prompt": "Um, uh... hmm", "word_timestamps": True, "temperature": 0.0}


def test_a_long_stretch_of_speech_without_words_is_found_and_a_held_um_is_not():
    assert dropped_runs(HINTED, REGIONS) == [(0.5, 7.8)]
    short = [SpeechRegion(0.5, 0.9), SpeechRegion(2.6, 3.0), SpeechRegion(8.0, 9.5)]
    assert dropped_runs(HINTED, short) == []  # 0.8 s in all: a hesitation, not skipped words


def test_the_skipped_speech_is_decoded_again_without_the_hint_and_put_in_time_order():
    audio = np.zeros(int(10 * SR), dtype=np.float32)
    # the clip starts at 0.3 s (0.2 s before the run): these times are relative to it
    model = PlainDecodeModel([("Um,", 0.2, 0.5), ("the", 2.4, 2.6), ("temperature", 2.7, 3.3),
                              ("controls", 3.4, 4.0), ("it.", 6.9, 7.3)])
    out = fill_dropped_speech(HINTED, REGIONS, audio, model, 0.0, OPTIONS)
    (length, options), = model.calls
    assert "initial_prompt" not in options and options["word_timestamps"]
    assert abs(length - 7.7) < 0.01  # 0.3 to 8.0 s: the run and 0.2 s on each side
    words = [w for s in out for w in s.words]
    assert [w.text for w in words] == ["Um,", "the", "temperature", "controls", "it.", "So", "that's", "it."]
    assert words[1].start == 2.7  # shifted by where the clip starts
    assert [w.start for w in words] == sorted(w.start for w in words)


def test_a_hesitation_the_hint_stamped_over_the_words_heard_now_gives_way():
    hinted = [seg(("Um,", 3.0, 3.2)), seg(("So", 8.0, 8.3), ("it.", 8.9, 9.4))]
    regions = [SpeechRegion(2.6, 7.8), SpeechRegion(8.0, 9.5)]
    model = PlainDecodeModel([("the", 0.1, 0.4), ("temperature", 0.5, 1.1), ("controls", 1.2, 1.8)])  # from 2.4 s
    out = fill_dropped_speech(hinted, regions, np.zeros(10 * SR, dtype=np.float32), model, 0.0, OPTIONS)
    assert [w.text for s in out for w in s.words] == ["the", "temperature", "controls", "So", "it."]


def test_what_whisper_is_unsure_of_or_hears_as_no_speech_is_not_put_in():
    audio = np.zeros(10 * SR, dtype=np.float32)
    for model in (PlainDecodeModel([("Thank", 1.0, 1.3), ("you.", 1.3, 1.6)], logprob=-1.4),
                  PlainDecodeModel([("Thank", 1.0, 1.3), ("you.", 1.3, 1.6)], logprob=-0.8, no_speech=0.9)):
        assert fill_dropped_speech(HINTED, REGIONS, audio, model, 0.0, OPTIONS) == HINTED


def test_a_long_stretch_heard_again_as_words_at_a_speaking_rate_goes_in_despite_the_no_speech_check():
    # tiny.en's one no-speech probability for the clip sat at 0.62 over 15 s of clear speech
    # that the hinted decode had written as "Uh, hmm, hmm."; the words came back at -0.53.
    audio = np.zeros(10 * SR, dtype=np.float32)
    words = [(t, 2.4 + 0.5 * i, 2.8 + 0.5 * i) for i, t in
             enumerate("labels arrive late so we train only on payments older than sixteen days".split())]
    model = PlainDecodeModel(words, logprob=-0.53, no_speech=0.62)
    out = fill_dropped_speech(HINTED, REGIONS, audio, model, 0.0, OPTIONS)
    assert [w.text for s in out for w in s.words][1:4] == ["labels", "arrive", "late"]
    # the same words over a short run (under LONG_RUN_S of speech) still meet the no-speech check
    short = [SpeechRegion(0.5, 0.9), SpeechRegion(2.6, 4.4), SpeechRegion(8.0, 9.5)]
    assert fill_dropped_speech(HINTED, short, audio, model, 0.0, OPTIONS) == HINTED


def test_nothing_is_decoded_again_when_every_stretch_of_speech_has_words():
    regions = [SpeechRegion(0.5, 0.9), SpeechRegion(8.0, 9.5)]
    model = PlainDecodeModel([("x", 0.0, 0.1)])
    assert fill_dropped_speech(HINTED, regions, np.zeros(10 * SR, dtype=np.float32), model, 0.0, OPTIONS) == HINTED
    assert model.calls == []


def test_times_are_right_for_a_window_that_starts_later_in_the_recording():
    offset = 30.0
    hinted = [seg(("Um,", 30.5, 30.8)), seg(("So", 38.0, 38.3))]
    regions = [SpeechRegion(30.5, 30.9), SpeechRegion(32.6, 37.8), SpeechRegion(38.0, 38.5)]
    model = PlainDecodeModel([("the", 2.4, 2.6), ("temperature", 2.7, 3.3)])
    out = fill_dropped_speech(hinted, regions, np.zeros(9 * SR, dtype=np.float32), model, offset, OPTIONS)
    assert [(w.text, w.start) for s in out for w in s.words][1:3] == [("the", 32.7), ("temperature", 33.0)]


def test_words_whisper_wrote_but_stamped_late_across_the_pause_are_not_put_in_twice():
    # "Training, not inference, right? [1.3 s] Okay. um": Whisper stamped "right?" on the region
    # of "Okay" and "Okay" on the "um", so the regions of "right" and "okay" look unworded.
    hinted = [seg(("Training,", 0.4, 1.0), ("not", 1.4, 1.5), ("inference,", 1.6, 2.1), ("right?", 3.9, 3.95)),
              seg(("Okay,", 4.5, 4.8), ("activations", 5.3, 5.8), ("dominate.", 5.9, 6.4))]
    regions = [SpeechRegion(0.6, 1.1), SpeechRegion(1.2, 2.1), SpeechRegion(2.3, 2.7),
               SpeechRegion(4.0, 4.4), SpeechRegion(4.5, 4.9), SpeechRegion(5.0, 6.5)]
    model = PlainDecodeModel([("Right,", 0.0, 0.3), ("okay,", 1.9, 2.2), ("um", 2.5, 2.7)])  # clip from 2.1 s
    assert dropped_runs(hinted, regions) == [(2.3, 4.4)]
    out = fill_dropped_speech(hinted, regions, np.zeros(7 * SR, dtype=np.float32), model, 0.0, OPTIONS)
    assert out == hinted


def test_the_end_of_the_word_before_the_run_heard_in_the_padding_is_not_a_word_of_the_run():
    model = PlainDecodeModel([("it.", 0.0, 0.15), ("the", 2.4, 2.6), ("temperature", 2.7, 3.3)])
    out = fill_dropped_speech(HINTED, REGIONS, np.zeros(10 * SR, dtype=np.float32), model, 0.0, OPTIONS)
    assert [w.text for s in out for w in s.words][:3] == ["Um,", "the", "temperature"]


def test_a_long_region_with_a_few_words_stamped_in_it_was_heard_not_skipped():
    # "Do you wanna give me | a kiss? [come on, give me a kiss]": two words in a 3.9 s region
    hinted = [seg(("Do", 0.6, 0.8), ("you", 0.9, 1.0), ("me", 1.2, 1.4), ("a", 2.3, 2.4), ("kiss?", 2.5, 2.7))]
    regions = [SpeechRegion(0.5, 1.5), SpeechRegion(1.9, 5.8)]
    assert dropped_runs(hinted, regions) == []


# A segment with far too few words for the speech under it (speech bench blind15: "So, I'm going
# to go ahead and see you guys in the next video." written over 12 s of a question and its answer).
SPARSE_REGIONS = [SpeechRegion(0.5, 6.5), SpeechRegion(7.0, 12.5)]
SPARSE = [seg(("So,", 0.5, 0.9), ("see", 1.0, 5.0), ("you", 7.0, 7.2), ("guys.", 7.3, 12.4))]
HEARD_AGAIN = [(w, 0.3 + 0.4 * i, 0.3 + 0.4 * i + 0.3) for i, w in enumerate(
    "is the goal applications or people actually getting hired how many emails a week can one "
    "person get before they unsubscribe and what do we know about".split())]


def test_a_segment_with_too_few_words_for_its_speech_is_decoded_again_and_replaced():
    from interviewer.adapters.dropped_speech import redecode_sparse_segments, sparse_segments

    assert sparse_segments(SPARSE, SPARSE_REGIONS) == [0]
    model = PlainDecodeModel(HEARD_AGAIN)  # times from the clip start at 0.3 s
    out = redecode_sparse_segments(SPARSE, SPARSE_REGIONS, np.zeros(13 * SR, dtype=np.float32), model, 0.0, OPTIONS)
    (_, options), = model.calls
    assert "initial_prompt" not in options
    words = [w.text for s in out for w in s.words]
    assert words[:4] == ["is", "the", "goal", "applications"] and "guys." not in words


def test_a_segment_at_a_speaking_rate_is_not_decoded_again():
    from interviewer.adapters.dropped_speech import redecode_sparse_segments

    said = [seg(*[(f"w{i}", 0.5 + 0.25 * i, 0.7 + 0.25 * i) for i in range(24)])]  # 24 words over 6 s
    model = PlainDecodeModel(HEARD_AGAIN)
    assert redecode_sparse_segments(said, [SpeechRegion(0.5, 6.5)], np.zeros(8 * SR, dtype=np.float32),
                                    model, 0.0, OPTIONS) == said
    assert model.calls == []


def test_a_re_decode_that_is_unsure_loops_or_adds_little_leaves_the_segment_as_it_was():
    from interviewer.adapters.dropped_speech import redecode_sparse_segments

    audio = np.zeros(13 * SR, dtype=np.float32)
    unsure = PlainDecodeModel(HEARD_AGAIN, logprob=-1.3)
    little = PlainDecodeModel(HEARD_AGAIN[:6])  # 6 words over 11.5 s of speech: no speaking rate
    looping = PlainDecodeModel([("-O", 0.3 + 0.05 * i, 0.33 + 0.05 * i) for i in range(200)])  # 200 "words" in 11.5 s
    for model in (unsure, little, looping):
        assert redecode_sparse_segments(SPARSE, SPARSE_REGIONS, audio, model, 0.0, OPTIONS) == SPARSE


def test_hesitations_written_faster_than_anyone_says_them_over_speech_are_decoded_again():
    """Speech bench blind22 b22_21: "Uh, hmm, hmm, hmm." stamped over 1.1 s of "Attention lets
    each token...", the speech going on into the next segment: the hint written over words."""
    from interviewer.adapters.dropped_speech import sparse_segments

    regions = [SpeechRegion(0.5, 5.1)]
    hinted = [seg(("Uh,", 0.3, 0.6), ("hmm,", 0.7, 0.9), ("hmm,", 1.0, 1.2), ("hmm.", 1.2, 1.4)),
              seg(("each", 1.5, 1.7), ("token", 1.8, 2.1), ("emits", 2.2, 2.5))]
    assert sparse_segments(hinted, regions) == [0]


def test_hesitations_said_one_after_another_with_breaks_are_left_alone():
    # A person's "uh... um... uh" (each with its break), and three "hmm"s over silence.
    from interviewer.adapters.dropped_speech import sparse_segments

    said = [seg(("Uh,", 0.5, 0.9), ("um,", 1.4, 1.8), ("uh.", 2.3, 2.7)), seg(("so", 3.0, 3.2), ("the", 3.3, 3.4))]
    assert sparse_segments(said, [SpeechRegion(0.5, 0.9), SpeechRegion(1.4, 1.8), SpeechRegion(2.3, 3.5)]) == []
    quiet = [seg(("hmm,", 0.5, 0.7), ("hmm,", 0.8, 1.0), ("hmm.", 1.1, 1.3))]
    assert sparse_segments(quiet, [SpeechRegion(0.5, 0.6)]) == []


def test_hesitations_stamped_at_one_instant_with_no_speech_under_them_are_left_alone():
    """Speech bench blind42 b42_11: "hmm, hmm, hmm." stamped at 13.32-13.32 s where the detector
    heard no speech was taken for the hint written over speech; decoded again into no words, the
    transcription stopped with an IndexError (a traceback instead of the answer's transcript)."""
    from interviewer.adapters.dropped_speech import redecode_sparse_segments, sparse_segments

    stamped = [seg(("So", 11.0, 11.2), ("anagrams.", 11.3, 12.0)),
               seg(("hmm,", 13.32, 13.32), ("hmm,", 13.32, 13.32), ("hmm.", 13.32, 13.32))]
    regions = [SpeechRegion(10.9, 12.1), SpeechRegion(15.0, 16.0)]
    assert sparse_segments(stamped, regions) == []
    model = PlainDecodeModel([("hmm", 0.1, 0.2)])
    assert redecode_sparse_segments(stamped, regions, np.zeros(17 * SR, dtype=np.float32), model, 0.0, OPTIONS) == stamped


def test_a_re_decode_that_hears_only_hesitations_over_a_run_of_them_keeps_the_run():
    """A hint run over a little speech decoded again as hesitations only: no words to put in, the
    segment stays (it must not be replaced by an empty one)."""
    from interviewer.adapters.dropped_speech import redecode_sparse_segments, sparse_segments

    hinted = [seg(("Uh,", 0.5, 0.6), ("hmm,", 0.6, 0.7), ("hmm.", 0.7, 0.8))]
    regions = [SpeechRegion(0.5, 0.8)]
    assert sparse_segments(hinted, regions) == [0]
    model = PlainDecodeModel([("hmm", 0.1, 0.2)])
    assert redecode_sparse_segments(hinted, regions, np.zeros(2 * SR, dtype=np.float32), model, 0.0, OPTIONS) == hinted
