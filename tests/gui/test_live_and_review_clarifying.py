"""One source of truth for "asked a clarifying question": the round's live view and its review.

Reproduction (a new-user trial, then here with the real engine, controller, session, store and
analysis; fake speech, microphone and transcriber): in the Clarify phase the candidate says
"Latency?" and pauses. Live, the interviewer takes it as a clarifying question and answers it
with the latency fact (the round screen shows the exchange). The candidate goes on ("Okay. I
would start with a simple ranker and measure it.") and ends the answer. The review then said
"clarifying questions 0", listed "Clarify: ended without a clarifying question." and
"Proposed a solution before asking any clarifying question" beside the very exchange, because
the analysis of the transcript does not count a one-word question ("Products?" echoes an
answer), while the live interviewer answered it. A question the interviewer answered with one
of the script's facts is a clarifying question the candidate asked: it now counts as asked in
the answer's stored analysis, which the review, the round findings and every export read."""
from __future__ import annotations

import time

from interviewer.core.clock import FakeClock
from interviewer.core.scripts.loader import discover_scripts
from interviewer.core.transcript import Segment, SpeechRegion, Transcript, Word

from gui_fakes import FakeRecorder, FakeSpeaker, FakeTranscriber
from gui_scripts import SYSTEM_DESIGN_TOML

LATENCY_FACT = "Assume two hundred milliseconds."


def _segment(text: str, start: float) -> Segment:
    words = tuple(Word(w, start + i * 0.35, start + i * 0.35 + 0.3) for i, w in enumerate(text.split()))
    return Segment(text, start, words[-1].end if words else start, words)


class AskThenSolve:
    """Hears `asked` at once (live), and the whole answer, `asked` then `then`, at the end."""

    def __init__(self, asked: str, then: str) -> None:
        self.on_segment = None
        self.first = _segment(asked, 3.0)  # asked just before the voice stops, 4 s in
        self.second = _segment(then, 8.0)

    def feed(self, samples):
        if self.on_segment is not None:
            self.on_segment(self.first)

    def finish(self):
        segments = [self.first, self.second] if self.second.words else [self.first]
        return Transcript(segments, self.second.end + 0.5,
                          [SpeechRegion(s.start, s.end) for s in segments], "fake")


def _round(tmp_path, asked: str, then: str, key_at_once: bool = False):
    """`key_at_once`: the candidate presses Space right after asking (the interviewer answers
    then, before the answer ends) and says `then` in the next recording."""
    from interviewer.storage import Store
    from interviewer.app.round_session import RoundSession

    folder = tmp_path / "scripts"
    folder.mkdir()
    (folder / "design.toml").write_text(SYSTEM_DESIGN_TOML.replace(
        'clarifying_topics = ["latency", "scale"]\n',
        'clarifying_topics = ["latency", "scale"]\n\n[questions.facts]\n'
        f'latency = "{LATENCY_FACT}"\nscale = "About fifty million daily users."\n', 1))
    script = discover_scripts(folder, tmp_path / "none").by_id("test-design")
    store = Store.open(tmp_path / "data")
    clock = FakeClock()
    transcribers = ([AskThenSolve(asked, ""), FakeTranscriber(then)] if key_at_once
                    else [AskThenSolve(asked, then)])  # then the next answer says nothing

    def transcriber():
        return transcribers.pop(0) if transcribers else FakeTranscriber("")

    session = RoundSession(script, clock, speaker=FakeSpeaker(), recorder=FakeRecorder(),
                           transcriber_factory=transcriber, store=store)
    controller = session.controller
    session.start()
    deadline = time.monotonic() + 10
    while controller.status != "listening" and time.monotonic() < deadline:
        session.poll()
        time.sleep(0.01)
    clock.advance(4)
    first = controller.current_answer
    if key_at_once:
        controller.end_answer()  # Space right after asking: the interviewer answers first
        deadline = time.monotonic() + 10
        while not (controller.status == "listening" and controller.current_answer is not first) \
                and time.monotonic() < deadline:
            session.poll()
            time.sleep(0.01)
        assert controller.current_answer.continuation
    else:
        controller.on_silence(0.0)  # the candidate asked...
        controller.on_silence(1.0)  # ... and paused: the interviewer answers
        session.poll()
    live = [(c.question, c.topic, c.reply) for c in first.clarifications]
    clock.advance(10)
    controller.end_answer()
    deadline = time.monotonic() + 10
    while controller.status != "listening" and time.monotonic() < deadline:  # the next question
        session.poll()
        time.sleep(0.01)
    session.stop()
    session.close()
    return store, script, session.session_id, live


def test_a_question_the_interviewer_answered_live_counts_as_asked_in_the_review(qapp, tmp_path, isolated_dirs):
    from interviewer.app.review_model import round_numbers

    store, script, sid, live = _round(tmp_path, "Latency?",
                                      "Okay. I would start with a simple ranker and measure it.")
    assert live == [("Latency?", "latency", LATENCY_FACT)]  # live: asked, and answered with the fact
    stored = store.get_session(sid)
    first = stored.answers[0]
    asked = first.analysis["clarifying_questions"]
    assert [q["text"] for q in asked] == ["Latency?"] and asked[0]["topics"] == ["latency"]
    assert first.analysis["solution_before_question"] is None
    assert "Asked 1 clarifying question." in [f.message for f in stored.findings]
    numbers = round_numbers(stored, script)
    assert numbers.clarifying_asked == 1 and numbers.answers[0].clarifying_asked == 1
    assert numbers.topics_missed == ["scale"]
    kinds = {f.kind for f in stored.findings}
    assert "no_clarifying_questions" not in kinds and "solution_before_questions" not in kinds
    assert "topics_missed" in kinds  # asked about latency, not about scale: said once, as for any question
    store.close()


def test_a_question_the_review_finds_itself_is_not_counted_twice(qapp, tmp_path, isolated_dirs):
    from interviewer.app.review_model import round_numbers

    store, script, sid, live = _round(tmp_path, "What is the latency budget?",
                                      "Okay. I would start with a simple ranker and measure it.")
    assert [c[1] for c in live] == ["latency"]
    stored = store.get_session(sid)
    assert [q["text"] for q in stored.answers[0].analysis["clarifying_questions"]] == ["What is the latency budget?"]
    assert round_numbers(stored, script).clarifying_asked == 1
    store.close()


def test_a_question_answered_after_the_end_key_counts_as_asked_too(qapp, tmp_path, isolated_dirs):
    """Space right after "Latency?": the interviewer answers before the answer ends, once the
    transcript is in, and the analysis of that recording may already be done (here it always
    is: the session runs it inline). The exchange still counts, in the stored analysis."""
    from interviewer.app.review_model import round_numbers

    store, script, sid, live = _round(tmp_path, "Latency?",
                                      "Okay. I would start with a simple ranker and measure it.", key_at_once=True)
    assert live == [("Latency?", "latency", LATENCY_FACT)]
    stored = store.get_session(sid)
    first = stored.answers[0]
    assert [q["text"] for q in first.analysis["clarifying_questions"]] == ["Latency?"]
    assert [c.topic for c in first.clarifications] == ["latency"]
    assert first.analysis["clarifying_exchanges"][0]["reply"] == LATENCY_FACT
    assert "latency" in first.analysis["topics_covered"]
    numbers = round_numbers(stored, script)
    assert numbers.clarifying_asked == 1 and numbers.topics_missed == ["scale"]
    kinds = {f.kind for f in stored.findings}
    assert "no_clarifying_questions" not in kinds and "solution_before_questions" not in kinds
    store.close()
