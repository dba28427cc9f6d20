"""Trial 41 defect 4, through a whole RoundSession: a follow-up asked, met with silence, then N.
Its answer is kept (an unanswered question, round_records.met_with_silence), but said as skipped
with Next, not "No speech was heard... Check the microphone"; and the part's count of what Next
skipped includes it, so "moved on" and the round's status say it (before: "You moved on with Next
from Clarify after ... min." with nothing skipped, and "No speech was heard")."""
from __future__ import annotations

import time

from interviewer.app.round_session import RoundSession
from interviewer.core.clock import FakeClock
from interviewer.core.scripts.loader import discover_scripts


def test_a_follow_up_left_with_next_in_silence_is_counted_as_skipped(tmp_path, script_dirs, isolated_dirs):
    from concurrent.futures import ThreadPoolExecutor

    from gui_fakes import FakeRecorder, FakeSpeaker, FakeTranscriber
    from interviewer.storage import Store

    texts = iter(["I would rank posts by predicted engagement.", "",  # no metric: its follow-up; then silence
                  "I would serve it online with a cache.", "Thanks, that's all.", "No questions."])
    pool = ThreadPoolExecutor(2)
    script = discover_scripts(*script_dirs).by_id("test-design")
    clock = FakeClock()
    with Store.open(tmp_path / "data") as store:
        session = RoundSession(script, clock, speaker=FakeSpeaker(), recorder=FakeRecorder(),
                               transcriber_factory=lambda: FakeTranscriber(next(texts, "")), store=store,
                               run_in_background=pool.submit, post=lambda fn: fn())
        controller = session.controller

        def wait_listening():
            deadline = time.monotonic() + 5
            while controller.status != "listening" and time.monotonic() < deadline:
                clock.advance(0.1)  # the interviewer's lines and the gaps between them take time
                session.poll()
                time.sleep(0.01)
            assert controller.status == "listening"

        def settle():
            deadline = time.monotonic() + 5
            while controller.status == "thinking" and time.monotonic() < deadline:
                session.poll()
                time.sleep(0.01)

        session.start()
        wait_listening()
        controller.end_answer()  # "I would rank posts by predicted engagement."
        settle()
        wait_listening()
        assert controller.current_answer.follow_up_id == "metric"
        clock.advance(12.0)  # silence on "How would you measure success?" ...
        controller.next_part()  # ... then N
        settle()
        for _ in range(3):  # the design, the wrap-up's changed constraint, the candidate's questions
            wait_listening()
            controller.end_answer()
            settle()
        session.stop()
        session.close()
        pool.shutdown()
        stored = store.get_session(session.session_id)
        summary = next(s for s in store.list_sessions() if s.id == session.session_id)
    [left] = [a for a in stored.answers if a.follow_up_id == "metric"]
    kinds = [f.kind for f in stored.findings_for(left.id)]
    assert "no_speech" not in kinds and "skipped_with_next" in kinds, kinds
    assert not any("microphone" in f.message for f in stored.findings_for(left.id))
    [moved] = [f for f in stored.findings if f.kind == "moved_on_early"]
    assert moved.message.startswith("You moved on with Next from Clarify after") and "(1 follow-up skipped)" in moved.message, \
        moved.message
    [done] = [f for f in stored.findings if f.kind == "round_questions_done"]
    assert done.message.endswith("after its last part; Clarify left with Next (1 follow-up skipped).")
    # One count: the status Home and `sessions list` show says it too.
    assert stored.status_text == summary.status_text == "completed, 1 follow-up skipped"
