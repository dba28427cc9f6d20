"""Trial 30: an empty round was discarded or kept depending on how it ended. Ended at once, it
was not kept ("Nothing was said or typed in this round, ..."); ended after N in the intro and
~15 s of silence on the question, it was kept and its review said "Nothing was heard in this
round." over an empty table, and Home listed it as "ended after 0.4 of 45 min (no answers)". One
rule (core.round_records.round_worth_keeping): a round in which the candidate said and typed
nothing is not kept, whatever way it ended."""
from __future__ import annotations

from pathlib import Path

import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from interviewer.app.round_session import RoundSession
from interviewer.core.analysis.pauses import MET_WITH_SILENCE_S
from interviewer.core.clock import FakeClock
from interviewer.core.round_records import NOTHING_SAID_NOTE, AnswerRecord, EndedBy, round_worth_keeping
from interviewer.core.scripts.loader import discover_scripts
from interviewer.storage import Store

from gui_fakes import FakeRecorder, FakeSpeaker, FakeTranscriber, transcript_of


class SlowSpeaker(FakeSpeaker):
    """Says each utterance until stopped (the test says when a line is out)."""

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


def _until(session, done) -> None:
    deadline = time.monotonic() + 5
    while not done() and time.monotonic() < deadline:
        session.poll()
        time.sleep(0.01)
    assert done()


def _round(tmp_path, script_dirs, words: str, how: str):
    """As the app runs it (transcripts on a pool, writes on the session's writer): the first
    part's prompt is said, then its question; the candidate says `words` (nothing: silence) for
    MET_WITH_SILENCE_S + 3 s, then `how`: "next" (N, then End round) or "end" (End round)."""
    store = Store.open(tmp_path / "data")
    clock = FakeClock()
    script = discover_scripts(*script_dirs).by_id("test-design")
    speaker = SlowSpeaker()
    saved = []
    pool = ThreadPoolExecutor(4)
    session = RoundSession(script, clock, speaker=speaker, recorder=FakeRecorder(), store=store,
                           transcriber_factory=lambda: FakeTranscriber(words), on_saved=saved.append,
                           run_in_background=pool.submit, post=lambda fn: fn())
    session.start()
    _until(session, lambda: len(speaker.said) == 1)
    speaker.stop()  # the prompt is out
    _until(session, lambda: len(speaker.said) == 2)
    speaker.stop()  # the question is out: the candidate has the floor
    _until(session, lambda: session.controller.current_answer is not None)
    assert session.controller.current_answer.question_id
    clock.advance(MET_WITH_SILENCE_S + 3)
    session.poll()
    if how == "next":
        session.controller.next_part()
        session.poll()
    session.stop()
    session.close()
    _until(session, lambda: bool(saved))
    pool.shutdown()
    return store, session, saved


@pytest.mark.parametrize("how", ["end", "next"])
def test_a_round_whose_question_met_only_silence_is_not_kept_however_it_ended(tmp_path, script_dirs,
                                                                            isolated_dirs, how):
    store, session, saved = _round(tmp_path, script_dirs, "", how)
    try:
        assert session.controller.answers  # an answer take was recorded, with nothing in it
        assert store.list_sessions() == []
        assert saved == [None] and session.not_kept == NOTHING_SAID_NOTE
    finally:
        store.close()


@pytest.mark.parametrize("how", ["end", "next"])
def test_the_same_round_with_words_in_the_answer_is_kept(tmp_path, script_dirs, isolated_dirs, how):
    store, session, saved = _round(tmp_path, script_dirs, "I would start with a logistic regression.", how)
    try:
        assert [s.id for s in store.list_sessions()] == saved == [session.session_id]
        assert session.not_kept is None
    finally:
        store.close()


def _take(text: str | None, heard: bool = False) -> AnswerRecord:
    # Recorded (a WAV): one with no recording and no transcript is nothing said (trial 35 D11).
    record = AnswerRecord(1, "q", None, "Q?", "p", 0.0, 0.0, Path("answer-1.wav"), ended_at=20.0,
                          ended_by=EndedBy.STOPPED, heard_speech=heard)
    record.transcript = None if text is None else transcript_of(text)
    return record


def test_the_rule_counts_what_was_said_not_answer_takes():
    assert not round_worth_keeping([_take(""), _take("")], False, " ")  # silent takes only
    assert round_worth_keeping([_take(""), _take("yes")], False, "")
    assert not round_worth_keeping([_take("", heard=True)], False, "")  # noise with no words in it
    assert round_worth_keeping([_take(None)], False, "")  # not transcribed (yet): may hold words
    assert round_worth_keeping([], True, "") and round_worth_keeping([], False, "x")
