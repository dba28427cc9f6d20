"""Trial 27: a question met with silence (a nudge, ~70 s, then End round) vanished from the
review, the exports and "questions reached": its empty stretch was dropped as if the candidate
had moved on before the question was out. Driven with the fake clock."""
from interviewer.core.analysis.report import analyze_answer
from interviewer.core.round_settings import ControllerSettings
from interviewer.core.round_updates import AnswerDropped, TranscriptReady
from interviewer.core.transcript import Transcript

from test_round_controller import _at_feed_question, step


def test_a_question_met_with_silence_then_end_round_is_kept_as_unanswered(tmp_path):
    settings = ControllerSettings(silence_nudge_after=12)
    clock, engine, speaker, recorder, controller, updates = _at_feed_question(tmp_path, settings=settings)
    asked = controller.current_answer
    for seconds in range(1, 21):
        clock.advance(1)
        controller.on_silence(seconds)
        speaker.tick()
        controller.poll()
    assert "Remember to think out loud." in speaker.said and controller.current_answer is asked
    controller.stop()  # End round, confirmed
    step(clock, speaker, controller)
    assert not asked.dropped and AnswerDropped(asked.index) not in updates
    assert asked.index in [u.answer for u in updates if isinstance(u, TranscriptReady)]
    # Scored as what it was: no answer, with the length of the silence.
    silent = asked.ended_at - asked.started_at
    assert silent >= 20
    findings = analyze_answer(Transcript([], silent, [])).findings
    assert [f.kind for f in findings] == ["no_speech"] and "No speech was heard in this answer (20" in findings[0].message


def test_a_question_skipped_within_seconds_is_still_dropped(tmp_path):
    clock, engine, speaker, recorder, controller, updates = _at_feed_question(tmp_path)
    asked = controller.current_answer
    clock.advance(3)
    controller.stop()
    step(clock, speaker, controller)
    assert asked.dropped
