"""Trial 17 (issue 11: repeats never create or split answers). "Sorry, could you repeat the
question?", the interviewer said the question again, and the candidate told a full story: the
request became answer 1 of its own (2 s long, "STAR parts not heard: situation, task, action,
result", "No numbers in the result") and the question was listed twice. The exchange stays in
the transcript; the answer is one, scored on what was said after the repeat, its latency counted
from the end of the question said again."""
from __future__ import annotations

import pytest

from interviewer.core.analysis.report import analyze_answer
from interviewer.core.analysis.summary import Part, question_findings, summarize
from interviewer.core.clock import FakeClock
from interviewer.core.engine import RoundEngine
from interviewer.core.round_controller import RoundController
from interviewer.core.round_records import EndedBy, UtteranceKind
from interviewer.core.scripts.model import Phase, Question, RoundScript
from interviewer.core.transcript import Segment, Transcript, Word

from test_round_controller import FakeRecorder, FakeSpeaker, run_now, step

QUESTION = "Tell me about a time you had a serious conflict with a peer. What did you do?"
REQUEST = "Sorry, could you repeat the question?"
STORY = ("Last year our on call rotation was paged all night. My task was to fix the alerting. "
         "I pulled three months of pages and showed my peer that most were duplicates. "
         "As a result we cut the pages by forty percent.")
WORD_S = 0.3  # each word's length, spoken one after the other


class TimedTranscriber:
    """Words timed on the round's clock from the moment they are fed (recording seconds)."""

    clock: FakeClock

    def __init__(self):
        self.origin = self.clock.now()
        self.words: list[Word] = []
        self.on_segment = None

    def feed(self, text):
        t = self.clock.now() - self.origin
        words = tuple(Word(w, round(t + i * WORD_S, 3), round(t + (i + 1) * WORD_S - 0.05, 3))
                      for i, w in enumerate(text.split()))
        self.words += words
        if self.on_segment:
            self.on_segment(Segment(text, words[0].start, words[-1].end, words))

    def finish(self):
        if not self.words:
            return Transcript([], 1.0)
        return Transcript([Segment(" ".join(w.text for w in self.words), self.words[0].start, self.words[-1].end,
                                   tuple(self.words))], self.words[-1].end + 0.5)


class NoFacts:
    def reply(self, question):
        return None, "Make a reasonable assumption and state it."


def behavioral_round() -> RoundScript:
    phases = (Phase("conflict", "Conflict", 10, "Let's start with conflict."),)
    return RoundScript("beh", "Behavioral", "behavioral", 10, phases, (Question("peer", QUESTION, "conflict"),))


def test_a_spoken_request_to_repeat_is_no_answer_of_its_own(tmp_path):
    clock = FakeClock(1000.0)
    engine = RoundEngine(behavioral_round(), clock)
    speaker, recorder = FakeSpeaker(clock, 3.0), FakeRecorder()
    transcriber = type("Transcriber", (TimedTranscriber,), {"clock": clock})
    controller = RoundController(engine, speaker, recorder, transcriber, tmp_path, run_in_background=run_now,
                                 answerer=lambda question_id: NoFacts())
    controller.start()
    while controller.current_answer is None or controller.current_answer.question_id != "peer":
        step(clock, speaker, controller, 0.5)
    asked = next(u for u in controller.utterances if u.kind == UtteranceKind.QUESTION)

    step(clock, speaker, controller, 1.0)
    controller.on_silence(0)
    recorder.speak(REQUEST)
    step(clock, speaker, controller, 2.0)
    controller.on_silence(2.0)  # the candidate waits for the question
    controller.poll()
    assert controller.utterances[-1].kind == UtteranceKind.REPEAT and speaker.said[-1] == QUESTION
    while controller.current_answer is None:  # the question said again (3 s)
        step(clock, speaker, controller, 0.25)
    repeat_ended = engine.elapsed()
    step(clock, speaker, controller, 2.0)  # thinks for 2 s after the repeat
    controller.on_silence(0)
    recorder.speak(STORY)
    step(clock, speaker, controller, len(STORY.split()) * WORD_S)
    controller.end_answer()
    controller.poll()

    request, answer = controller.answers
    # Both lines of the exchange are kept: the request's words, the question said again.
    assert request.transcript.text == REQUEST and request.ended_by == EndedBy.REPEAT
    assert [u.kind for u in controller.utterances].count(UtteranceKind.REPEAT) == 1
    # One ask: the part after the repeat goes on with it (what joins the parts of an answer).
    assert request.asked_to_repeat and not answer.asked_to_repeat
    assert request.asked_at == answer.asked_at == asked.started_at
    assert (request.question_id, request.follow_up_id, request.question_text) == (
        answer.question_id, answer.follow_up_id, answer.question_text)

    parts = []
    for record in controller.answers:
        analysis = analyze_answer(record.transcript, question_text=record.question_text, round_kind="behavioral",
                                  after_interviewer=record.after_interviewer,
                                  interrupted=record.ended_by in (EndedBy.REPEAT, EndedBy.PAUSED),
                                  question_findings=False, repeat_request=record.asked_to_repeat).to_dict()
        parts.append(Part(record.index, record.question_id, record.follow_up_id, record.question_text,
                          record.asked_at, record.started_at, record.ended_at, analysis, phase_id=record.phase))
    # The request is scored as nothing: no STAR, numbers, latency or clarifying finding on it.
    assert parts[0].analysis["findings"] == [] and parts[0].analysis["response_latency"] is None
    assert parts[0].analysis["clarifying_questions"] == []
    assert {"star_missing", "unquantified_result"}.isdisjoint(f["kind"] for f in parts[1].analysis["findings"])

    numbers = summarize(parts, [0.0])
    assert len(numbers.answers) == 1
    (one,) = numbers.answers
    assert one.part_ids == [request.index, answer.index] and one.question == QUESTION
    assert one.words == len(STORY.split())  # the story, not the request
    # Latency from the end of the question said again, not from the first asking.
    assert answer.started_at == pytest.approx(repeat_ended, abs=0.3)
    assert one.response_latency == pytest.approx(2.0, abs=0.3)
    assert numbers.mean_latency == one.response_latency
    assert all(part_id == answer.index for part_id, _ in question_findings(numbers))


def test_a_request_after_some_of_the_answer_leaves_that_part_an_answer(tmp_path):
    """What was said before the request is part of the answer (as with the R key mid-answer)."""
    clock = FakeClock(1000.0)
    engine = RoundEngine(behavioral_round(), clock)
    speaker, recorder = FakeSpeaker(clock, 3.0), FakeRecorder()
    transcriber = type("Transcriber", (TimedTranscriber,), {"clock": clock})
    controller = RoundController(engine, speaker, recorder, transcriber, tmp_path, run_in_background=run_now,
                                 answerer=lambda question_id: NoFacts())
    controller.start()
    while controller.current_answer is None or controller.current_answer.question_id != "peer":
        step(clock, speaker, controller, 0.5)
    controller.on_silence(0)
    recorder.speak("Last year on my team there was a conflict.")
    step(clock, speaker, controller, 3.0)
    recorder.speak(REQUEST)
    step(clock, speaker, controller, 2.0)
    controller.on_silence(2.0)
    controller.poll()
    assert controller.utterances[-1].kind == UtteranceKind.REPEAT
    assert not controller.answers[0].asked_to_repeat
