"""Response latency counts from the end of the LAST line said before the answer (the question),
whatever was said before it in the same turn: a phase prompt, or "Thank you." (trial 16 item 2).

The trial's 4-5 s "Slow start" findings were real gaps in the microphone audio: the answer's
recording started when the question's audio ended, and the candidate's voice came 4.2-5.1 s
later in both the answer WAV and the round WAV. This pins the controller's side: listening
(the answer's time zero, which `response_latency` counts from) starts when the question ends."""
from engine_scripts import design_round
from interviewer.core.analysis.report import analyze_answer
from interviewer.core.round_records import UtteranceKind
from interviewer.core.transcript import Segment, SpeechRegion, Transcript, Word
from test_round_controller import make, step

SPEECH_S = 3.0  # each line takes this long to say (fake clock)
STARTS_AFTER_S = 0.3  # the candidate starts this long after the question's voice stops


def _answer(clock, speaker, recorder, controller, text="I would rank by predicted engagement"):
    recorder.speak(text)
    step(clock, speaker, controller, 1.0)
    controller.end_answer()


def _next_answer(clock, speaker, controller, count):
    for _ in range(400):
        step(clock, speaker, controller, 0.25)
        if controller.current_answer is not None and len(controller.answers) == count:
            return controller.current_answer
    raise AssertionError(f"no answer {count}; status {controller.status}")


def _latency_of(record, question_end_at):
    """The answer's analysis as the app makes it (round_session): times in the recording's own
    clock, which starts with the answer (question_end=0); the first word STARTS_AFTER_S after the
    question's end."""
    first = question_end_at + STARTS_AFTER_S - record.started_at
    words = (Word("I", first, first + 0.2), Word("would", first + 0.2, first + 0.5),
             Word("shard", first + 0.5, first + 0.9))
    transcript = Transcript([Segment("I would shard", first, first + 0.9, words)], duration=first + 2.0,
                            speech=[SpeechRegion(first, first + 0.9)])
    return analyze_answer(transcript, after_interviewer=record.after_interviewer, question_findings=False)


def test_latency_counts_from_the_question_after_a_prompt_or_an_acknowledgement(tmp_path):
    clock, engine, speaker, recorder, controller, _ = make(tmp_path, speech_seconds=SPEECH_S)
    controller.start()
    _next_answer(clock, speaker, controller, 1)
    turns = []
    for count in range(2, 7):
        said = len(controller.utterances)
        _answer(clock, speaker, recorder, controller)
        record = _next_answer(clock, speaker, controller, count)
        turns.append((controller.utterances[said:], record))
    # Turns of several lines: a phase prompt then the question; "Thank you." then the question.
    several = [(lines, record) for lines, record in turns if len(lines) >= 2
               and lines[-1].kind == UtteranceKind.QUESTION]
    kinds = {lines[-2].kind for lines, _ in several}
    assert {UtteranceKind.PROMPT, UtteranceKind.ACKNOWLEDGEMENT} <= kinds, [
        [u.kind for u in lines] for lines, _ in turns]
    for lines, record in several:
        question = lines[-1]
        assert question.ended_at - question.started_at == SPEECH_S  # the question, not the line before
        assert record.started_at == question.ended_at
        analysis = _latency_of(record, question.ended_at)
        assert abs(analysis.response_latency - STARTS_AFTER_S) < 1e-6
        assert "response_latency" not in {f.kind for f in analysis.findings}
