"""Trial 24 item 8, with the real engine, controller, session, store and analysis (fake speech,
microphone and transcriber): a clarifying question the interviewer did not make out ("Latent
seat."), met with "Sorry, I didn't catch that. Could you say it again?", then asked again ("What
is the latency budget?") and answered, is ONE clarifying question in the stored analysis every
count reads, not two. The misheard words stay in the transcript."""
from __future__ import annotations

import time

from interviewer.core.clock import FakeClock
from interviewer.core.round_settings import ControllerSettings
from interviewer.core.scripts.loader import discover_scripts
from interviewer.core.trailing_questions import STATED_QUESTION_WAIT_S
from interviewer.core.transcript import Segment, SpeechRegion, Transcript, Word

from gui_fakes import FakeRecorder, FakeSpeaker, FakeTranscriber
from gui_scripts import SYSTEM_DESIGN_TOML

LATENCY_FACT = "Assume two hundred milliseconds."
SAY_AGAIN = ControllerSettings().unclear_text


def _segment(text: str, start: float) -> Segment:
    words = tuple(Word(w, start + i * 0.35, start + i * 0.35 + 0.3) for i, w in enumerate(text.split()))
    return Segment(text, start, words[-1].end, words)


class Misheard:
    """Live: hears the attempt at once and the repeat when the test says it (`say_again`). The
    final transcript, as the whole recording is transcribed again, takes the attempt for a
    question ("What's the latent seat?"), as trial 24's did ("It didn't put list sorted...")."""

    def __init__(self) -> None:
        self.on_segment = None
        self.live = [_segment("Latent seat.", 3.0), _segment("What is the latency budget?", 12.0)]
        self.final = [_segment("What's the latent seat?", 3.0), self.live[1],
                      _segment("Okay. I would start with a simple ranker and measure it.", 20.0)]

    def feed(self, samples):
        if self.on_segment is not None and self.live:
            self.on_segment(self.live.pop(0))

    def say_again(self) -> None:
        self.on_segment(self.live.pop(0))

    def finish(self):
        return Transcript(self.final, self.final[-1].end + 0.5,
                          [SpeechRegion(s.start, s.end) for s in self.final], "fake")


def _wait(session, done) -> None:
    deadline = time.monotonic() + 10
    while not done() and time.monotonic() < deadline:
        session.poll()
        time.sleep(0.01)


def test_a_misheard_question_asked_again_counts_once(qapp, tmp_path, isolated_dirs):
    from interviewer.app.review_model import round_numbers
    from interviewer.app.round_session import RoundSession
    from interviewer.storage import Store

    folder = tmp_path / "scripts"
    folder.mkdir()
    (folder / "design.toml").write_text(SYSTEM_DESIGN_TOML.replace(
        'clarifying_topics = ["latency", "scale"]\n',
        'clarifying_topics = ["latency", "scale"]\n\n[questions.facts]\n'
        f'latency = "{LATENCY_FACT}"\nscale = "About fifty million daily users."\n', 1))
    script = discover_scripts(folder, tmp_path / "none").by_id("test-design")
    store = Store.open(tmp_path / "data")
    clock = FakeClock()
    heard = Misheard()
    transcribers = [heard]
    speaker = FakeSpeaker()
    session = RoundSession(script, clock, speaker=speaker, recorder=FakeRecorder(),
                           transcriber_factory=lambda: transcribers.pop(0) if transcribers else FakeTranscriber(""),
                           store=store)
    controller = session.controller
    session.start()
    _wait(session, lambda: controller.status == "listening")
    first = controller.current_answer
    clock.advance(4)
    controller.on_silence(0.0)
    session.poll()  # the voice stopped now
    clock.advance(STATED_QUESTION_WAIT_S)  # "Latent seat." and a wait: not made out
    controller.on_silence(STATED_QUESTION_WAIT_S)
    _wait(session, lambda: SAY_AGAIN in speaker.said)
    assert SAY_AGAIN in speaker.said and first.clarifications == []
    clock.set(first.started_at + 14.0)
    controller.on_silence(0.0)
    heard.say_again()  # asked again ("What is the latency budget?") ...
    session.poll()
    clock.advance(1.0)
    controller.on_silence(1.0)  # ... and a pause: the interviewer answers with the fact
    _wait(session, lambda: bool(first.clarifications))
    assert [(c.topic, c.reply) for c in first.clarifications] == [("latency", LATENCY_FACT)]
    clock.advance(10)
    controller.end_answer()
    _wait(session, lambda: controller.status == "listening" and controller.current_answer is not first)
    session.stop()
    session.close()

    stored = store.get_session(session.session_id)
    answer = stored.answers[0]
    assert "latent seat" in answer.transcript.text.lower()  # the misheard words are kept
    asked = answer.analysis["clarifying_questions"]
    assert [q["text"] for q in asked] == ["What is the latency budget?"]
    assert "Asked 1 clarifying question." in [f.message for f in stored.findings]
    assert round_numbers(stored, script).clarifying_asked == 1
    store.close()
