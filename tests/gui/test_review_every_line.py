"""Everything the interviewer said is in the review and the exports, in order, with its time.
A new user's trial: the phase prompt ("You're ten minutes in: move from clarifying to your
approach.") was followed at once by the phase's question, and the review showed only the
question: the prompt was kept only when an answer followed it."""
from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor

from interviewer.core.clock import FakeClock
from interviewer.core.scripts.loader import discover_scripts
from interviewer.app.round_session import RoundSession

from gui_fakes import FakeRecorder, FakeSpeaker, FakeTranscriber

PROMPT = "Let's start. Ask me anything you need before designing."
QUESTION = "Design a system that ranks posts in a news feed."


class SlowSpeaker(FakeSpeaker):
    """Takes 0.4 s a word to say, on the round's fake clock."""

    def __init__(self, clock: FakeClock) -> None:
        super().__init__()
        self.clock = clock

    def say(self, text, on_done=None):
        self.clock.advance(0.4 * len(text.split()))
        super().say(text, on_done)


def _round_with_one_answer(store, script):
    clock = FakeClock()
    pool = ThreadPoolExecutor(2)
    session = RoundSession(script, clock, speaker=SlowSpeaker(clock), recorder=FakeRecorder(),
                           transcriber_factory=lambda: FakeTranscriber("I would rank by predicted clicks."),
                           store=store, run_in_background=pool.submit, post=lambda fn: fn())
    session.start()
    deadline = time.monotonic() + 5
    while session.controller.status != "listening" and time.monotonic() < deadline:
        session.poll()
        time.sleep(0.01)
    session.controller.end_answer()
    session.stop()
    session.close()
    pool.shutdown()
    return session, store.get_session(session.session_id)


def _stamped(lines: list[str]) -> list[str]:
    return [line for line in lines if line.startswith("[")]


def test_a_phase_prompt_followed_by_a_question_is_kept_before_it(qapp, tmp_path, script_dirs, isolated_dirs):
    from interviewer.export.markdown import render_markdown
    from interviewer.export.report import build_report, fmt_clock
    from interviewer.gui.review_screen import ReviewScreen
    from interviewer.storage import Store

    script = discover_scripts(*script_dirs).by_id("test-design")
    with Store.open(tmp_path / "data") as store:
        live, stored = _round_with_one_answer(store, script)
    said = {u.kind: u for u in live.controller.utterances}
    prompt_at, question_at = said["prompt"].started_at, said["question"].started_at
    assert said["prompt"].text == PROMPT and prompt_at < question_at  # the prompt, then the question

    screen = ReviewScreen()
    screen.show_session(stored, script)
    lines = _stamped(screen.transcript.toPlainText().splitlines())
    assert lines[:2] == [f"[{_mm_ss(prompt_at)}] Interviewer: {PROMPT}",
                         f"[{_mm_ss(question_at)}] Q: {QUESTION}"], lines

    md = render_markdown(build_report(stored, script=script))
    assert PROMPT in md and md.index(PROMPT) < md.index(f"### 1. {QUESTION}")
    assert fmt_clock(prompt_at) in md.split(PROMPT)[0].splitlines()[-1] + md.split(PROMPT)[1].splitlines()[0]


def _mm_ss(seconds: float) -> str:
    from interviewer.app.labels import clock_text

    return clock_text(seconds)


def test_every_line_is_shown_once_in_time_order_in_the_review_and_the_exports(qapp, isolated_dirs):
    """A prompt answered on its own, a prompt followed by a question, a nudge and a warning said
    during an answer, a clarifying reply, a follow-up cut off before a word was heard (the exports
    leave its answer out, not what was said), and the closing: each once, in order, with its time."""
    import re

    from interviewer.export.html_report import render_html
    from interviewer.export.json_export import session_to_dict
    from interviewer.export.markdown import render_markdown
    from interviewer.export.report import build_report
    from interviewer.gui.review_screen import ReviewScreen
    from interviewer.storage import Store

    from test_one_source_of_truth import _transcript

    said = [(0.0, "prompt", "Hi, tell me about yourself."),
            (60.0, "prompt", "We're ten minutes in: move from clarifying to your approach."),
            (66.0, "question", QUESTION),
            (80.0, "nudge", "Remember to think out loud."),
            (90.0, "clarification", "About a million users."),
            (100.0, "phase_warning", "Two minutes left in this phase."),
            (160.0, "follow_up", "How would you measure success?"),
            (166.0, "nudge", "Take your time."),
            (200.0, "closing", "That's time. Thanks!")]
    with Store.open() as store:
        sid = store.create_session("test-design", "Design a feed ranker", "ml_system_design", 45)
        first = store.add_answer(sid, "", said[0][2], asked_at=0.0, answer_start=3.0, answer_end=50.0, with_audio=False)
        second = store.add_answer(sid, "feed", QUESTION, asked_at=66.0, answer_start=70.0, answer_end=150.0,
                                  with_audio=False)
        store.attach_transcript(first, _transcript("I build ranking systems."))
        store.attach_transcript(second, _transcript("I would rank [12.0] by clicks [12.0] and [12.0] dwell time.",
                                                    start=0.0))
        cut_off = store.add_answer(sid, "feed", said[6][2], follow_up_id="metric", asked_at=160.0,
                                   answer_start=165.0, answer_end=170.0, with_audio=False)
        store.attach_analysis(cut_off, {"part": {"interrupted": True}})
        store.add_clarification(second, 90.0, "How many users?", "scale", "About a million users.")
        for at, kind, text in said:
            store.add_interviewer_line(sid, at, kind, text)
        session = store.get_session(sid)

    screen = ReviewScreen()
    screen.show_session(session)
    text = screen.transcript.toPlainText()
    for _, _, line in said:
        assert text.count(line) == 1, (line, text)
    assert [text.index(line) for _, _, line in said] == sorted(text.index(line) for _, _, line in said)
    assert "[01:00] Interviewer: We're ten minutes in" in text and "[01:20] Interviewer: Remember" in text
    assert "[03:20] Interviewer: That's time." in text

    report = build_report(session)
    assert [a.answer.id for a in report.answers] == [first, second]  # the cut-off follow-up is left out
    for rendered in (render_markdown(report), render_html(report)):
        plain = re.sub(r"&#x27;|&#39;", "'", rendered)
        assert [plain.count(line) for _, _, line in said] == [1] * len(said)
        positions = [plain.index(line) for _, _, line in said]
        assert positions == sorted(positions)
        assert "Interviewer at 01:20:" in plain and "Interviewer at 03:20:" in plain
    assert [line["text"] for line in session_to_dict(session)["session"]["lines"]] == [line for _, _, line in said]
