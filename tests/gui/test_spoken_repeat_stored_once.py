"""Trial 17 item 1, as the app stores a round: "Sorry, could you repeat the question?", the
question said again, then the story. The database held them as two answers to two asks (the
part after the repeat took the repeat's time), the request scored "STAR parts not heard" and
"No numbers in the result", and the sessions list, the review and the exports listed the
question twice. Stored now: one answer, the request's words kept, nothing scored on it."""
from __future__ import annotations

import time

from interviewer.core.transcript import Transcript
from interviewer.storage import Store
from interviewer.storage.progress import round_summary

REQUEST = "Sorry, could you repeat the question?"
STORY = ("Last year our on call rotation was paged all night. My task was to fix the alerting. "
         "I pulled three months of pages and showed my peer that most were duplicates. "
         "As a result we cut the pages by forty percent.")


def test_a_spoken_request_to_repeat_is_stored_with_the_answer_and_not_scored(tmp_path, script_dirs, isolated_dirs):
    from gui_fakes import FakeRecorder, FakeSpeaker, transcript_of

    from interviewer.app.round_session import RoundSession
    from interviewer.core.clock import FakeClock
    from interviewer.core.round_records import UtteranceKind
    from interviewer.core.scripts.loader import discover_scripts

    said = iter(["I build data pipelines.", REQUEST, STORY])

    class Transcriber:
        """Its words come as soon as the recording starts, as one live segment."""
        on_segment = None

        def __init__(self):
            self.result = transcript_of(next(said, "Okay."))

        def feed(self, samples):
            if self.on_segment is not None:
                for segment in self.result.segments:
                    self.on_segment(segment)

        def finish(self):
            return self.result

    store = Store.open(tmp_path / "data")
    script = discover_scripts(*script_dirs).by_id("test-behavioral")
    clock = FakeClock()
    session = RoundSession(script, clock, speaker=FakeSpeaker(), recorder=FakeRecorder(),
                           transcriber_factory=Transcriber, store=store)
    controller = session.controller

    def until(check):
        deadline = time.monotonic() + 5
        while not check() and time.monotonic() < deadline:
            session.poll()
            time.sleep(0.01)
            clock.advance(0.01)
        assert check()

    def listening_to(question_id):
        return lambda: controller.status == "listening" and controller.current_answer.question_id == question_id

    session.start()
    until(lambda: controller.status == "listening")
    controller.end_answer()  # the introduction
    until(listening_to("ownership"))
    controller.on_silence(0)  # the candidate talks
    session.poll()
    clock.advance(3.0)
    controller.on_silence(2.0)  # and waits for the question to be said again
    until(lambda: any(u.kind == UtteranceKind.REPEAT for u in controller.utterances))
    until(lambda: controller.status == "listening" and len(controller.answers) == 3)
    controller.end_answer()
    session.stop()
    session.close()
    stored = store.get_session(session.session_id)
    listed = next(s for s in store.list_sessions() if s.id == session.session_id)
    store.close()

    request, story = [a for a in stored.answers if a.question_id == "ownership"]
    assert request.transcript.text == REQUEST  # the exchange stays in the transcript
    assert request.asked_at == story.asked_at  # one ask
    assert [line.kind for line in stored.lines].count("repeat") == 1
    assert not [f for f in stored.findings if f.answer_id == request.id]
    numbers = round_summary(stored)
    assert [a.part_ids for a in numbers.answers if a.question_id == "ownership"] == [[request.id, story.id]]
    assert listed.answer_count == len(numbers.answers) == 2  # the introduction and the story
    assert isinstance(story.transcript, Transcript)
