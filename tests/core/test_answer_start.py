"""Where an answer's recording starts (core/answer_start.py): speech under way as the
interviewer's line ends is kept from its onset (trial 35 D5: "Sure, I'm a machine learning
engineer" was heard as "I'm a machine learning engineer": the answer started 0.12 s into "Sure")."""
import pytest

from interviewer.core.answer_start import ONSET_MARGIN_S, speech_onset_preroll

FRAME = 0.02


def frames(seconds: float, level: float) -> list[float]:
    return [level] * int(round(seconds / FRAME))


def test_speech_begun_just_before_the_start_is_kept_from_its_onset_with_a_margin():
    # Trial 35's intro: 1.4 s of digital silence, then "Sure" for the last 0.12 s.
    levels = frames(1.38, -180.0) + frames(0.12, -24.0)
    kept = speech_onset_preroll(levels, FRAME)
    assert kept == pytest.approx(0.12 + ONSET_MARGIN_S)


def test_a_soft_onset_over_room_noise_is_found_too():
    levels = frames(1.0, -52.0) + frames(0.04, -38.0) + frames(0.3, -22.0)
    kept = speech_onset_preroll(levels, FRAME)
    assert kept >= 0.34  # the soft start is inside the answer
    assert kept <= 0.34 + ONSET_MARGIN_S + 1e-9  # and not the whole look-back


def test_a_start_in_quiet_adds_nothing():
    # The candidate spoke earlier (a word over the question) but is quiet at the start.
    levels = frames(0.5, -50.0) + frames(0.4, -20.0) + frames(0.6, -50.0)
    assert speech_onset_preroll(levels, FRAME) == 0.0
    assert speech_onset_preroll(frames(1.5, -180.0), FRAME) == 0.0  # silence
    assert speech_onset_preroll(frames(1.5, -48.0), FRAME) == 0.0  # a steady fan: no speech
    assert speech_onset_preroll([], FRAME) == 0.0


def test_short_dips_inside_a_word_are_not_its_onset():
    # "Can I": a 60 ms stop closure inside the speech is no quiet stretch before it.
    levels = frames(1.0, -70.0) + frames(0.2, -25.0) + frames(0.06, -65.0) + frames(0.2, -22.0)
    assert speech_onset_preroll(levels, FRAME) == pytest.approx(0.46 + ONSET_MARGIN_S)


def test_speech_all_through_the_look_back_keeps_all_of_it_and_never_more():
    levels = [(-20.0 if i % 5 else -38.0) for i in range(100)]  # 2 s of speech with dips
    assert speech_onset_preroll(levels, FRAME, max_seconds=1.5) == pytest.approx(1.5)
    # Within what was heard: a margin never reaches past the first sample kept.
    assert speech_onset_preroll(frames(0.1, -180.0) + frames(0.2, -20.0), FRAME) <= 0.3 + 1e-9
