"""A part that expects clarifying questions, left before its question was asked (trial13: N during
its opening skipped it; the review then said "Offline and online evaluation: ended without a
clarifying question"): the candidate never had a turn in it, so the review blames nothing."""
from __future__ import annotations

from interviewer.app.round_session import RoundSession
from interviewer.core.clock import FakeClock
from interviewer.core.scripts.loader import discover_scripts
from interviewer.storage import Store

from gui_fakes import FakeRecorder, FakeSpeaker, FakeTranscriber


class SlowSpeaker(FakeSpeaker):
    """Says each utterance until stopped (the candidate moves on mid-sentence)."""

    def __init__(self) -> None:
        super().__init__()
        self._done = None

    def say(self, text, on_done=None):
        self.said.append(text)
        self._done = on_done

    def stop(self):
        done, self._done = self._done, None
        if done is not None:
            done()


def _round_level_kinds(tmp_path, script_dirs, answer_first: bool) -> list[str]:
    store = Store.open(tmp_path / "data")
    script = discover_scripts(*script_dirs).by_id("test-design")
    speaker = SlowSpeaker()
    session = RoundSession(script, FakeClock(), speaker=speaker, recorder=FakeRecorder(), store=store,
                           transcriber_factory=lambda: FakeTranscriber("I would start with a logistic regression."),
                           post=lambda fn: fn())
    session.start()
    session.poll()
    assert speaker.said == ["Let's start. Ask me anything you need before designing."]
    if answer_first:  # the prompt and the question are said; the candidate has the floor and answers, asking nothing
        speaker.stop()
        session.poll()
        speaker.stop()
        session.poll()
        assert session.controller.current_answer is not None
    if not answer_first:  # nothing said: a note typed keeps the round (test_silent_round_not_kept)
        session.set_scratchpad("notes")
    session.controller.next_part()  # N while the clarifying part opens: its question never asked
    assert session.engine.current_phase.id == "design"
    session.poll()  # the transcript of what was recorded is analysed
    session.stop()
    session.close()
    kinds = [f.kind for f in store.get_session(session.session_id).findings if f.answer_id is None]
    store.close()
    return kinds


def test_a_clarifying_part_left_before_its_question_gets_no_finding(tmp_path, script_dirs, isolated_dirs):
    assert "no_clarifying_questions" not in _round_level_kinds(tmp_path, script_dirs, answer_first=False)


def test_a_clarifying_part_left_after_its_question_still_gets_one(tmp_path, script_dirs, isolated_dirs):
    assert "no_clarifying_questions" in _round_level_kinds(tmp_path, script_dirs, answer_first=True)
