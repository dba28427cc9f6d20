"""Question scripts written by users from docs/question-scripts.md alone (tests/data/user_scripts:
the fewest fields, every field, topics of their own, accents and emoji and Chinese, a behavioral
round, very long questions with many follow-ups, a single phase, a 60-minute coding round with
hints on a changed constraint, a design question of two paragraphs) validate, and a whole round of
each runs headlessly: the fake clock, speech, microphone and transcriber, the keyword fallback
encoder. The candidate asks about every clarifying topic and gets its fact, asks for a hint and
gets the script's first, leaves a phase early with N, asks the interviewer a question in the
wrap-up and gets the script's reply, and ends the round; then the round is analysed, exported as
Markdown, HTML and JSON, and its review numbers are built.

More scripts as other authors write them: only the required fields (a 60-minute behavioral round),
every documented field (a 60-minute coding round), keys in odd order with questions above phases,
inline tables only, dotted keys, multi-line and literal strings with escapes, a Windows file (BOM,
CRLF, tabs, comments everywhere), Arabic/Hebrew/Japanese/Russian with emoji and a decomposed accent,
forty questions, a last phase that is work, a behavioral follow-up at a later phase."""
from __future__ import annotations

import html
import json
from pathlib import Path

import numpy as np
import pytest

from interviewer.app import review_model
from interviewer.app.round_session import RoundSession
from interviewer.core.candidate_questions import question_phases
from interviewer.core.clock import FakeClock
from interviewer.core.matching import LexicalEncoder
from interviewer.core.round_settings import ControllerSettings
from interviewer.core.scripts.loader import check_file, load_script
from interviewer.core.transcript import Segment, SpeechRegion, Transcript, Word
from interviewer.export import export_session
from interviewer.storage import Store
from interviewer.storage.wav_writer import CrashSafeWavWriter

SCRIPTS = sorted((Path(__file__).parent / "data" / "user_scripts").glob("*.toml"))


class Speaker:
    """Takes two seconds of the fake clock per utterance."""
    available = True

    def __init__(self, clock):
        self.clock, self.said, self._pending = clock, [], None

    def say(self, text, on_done=None):
        self.said.append(text)
        self._pending = (self.clock.now() + 2.0, on_done)

    def tick(self):
        if self._pending and self.clock.now() >= self._pending[0]:
            (_, on_done), self._pending = self._pending, None
            on_done and on_done()

    def stop(self):
        if self._pending:
            (_, on_done), self._pending = self._pending, None
            on_done and on_done()

    @property
    def busy(self):
        return self._pending is not None


class Microphone:
    """What the candidate 'says' goes to the live transcriber as text; each answer is a short WAV."""

    def __init__(self):
        self.on_audio, self._writer, self.said = None, None, []

    def start(self, wav_path, on_audio=None, on_level=None, on_error=None, **_):
        self._writer = CrashSafeWavWriter(wav_path, fsync=False)
        self._writer.write(np.zeros(1600, dtype=np.float32))
        self.on_audio = on_audio

    def speak(self, text):
        self.said.append(text)
        self.on_audio and self.on_audio(text)

    def stop(self):
        writer, self._writer = self._writer, None
        return writer.close()

    def close(self):
        pass


class Transcriber:
    def __init__(self, clock=None):
        self.words, self.on_segment = [], None
        self.clock, self.origin = clock, clock.now() if clock is not None else 0.0

    def feed(self, text):
        start = self.words[-1].end + 0.3 if self.words else 0.3
        if self.clock is not None:  # said now, in recording time, as Whisper stamps it
            start = max(start, self.clock.now() - self.origin)
        new = [Word(w, start + i * 0.4, start + i * 0.4 + 0.3) for i, w in enumerate(text.split())]
        self.words += new
        if self.on_segment and new:
            self.on_segment(Segment(text, new[0].start, new[-1].end, tuple(new)))

    def finish(self):
        if not self.words:
            return Transcript([], duration=1.0, model="fake")
        first, last = self.words[0].start, self.words[-1].end
        return Transcript([Segment(" ".join(w.text for w in self.words), first, last, tuple(self.words))],
                          duration=last + 0.5, speech=[SpeechRegion(first, last)], model="fake")


@pytest.mark.parametrize("path", SCRIPTS, ids=[p.stem for p in SCRIPTS])
def test_a_user_script_validates_and_a_whole_round_of_it_runs_and_is_reviewed(path, tmp_path, monkeypatch):
    monkeypatch.setenv("INTERVIEWER_DATA_DIR", str(tmp_path / "data"))
    problems, _warnings = check_file(path)
    assert problems == []
    script = load_script(path)
    store = Store.open(tmp_path / "data")
    clock = FakeClock(1000.0)
    speaker, microphone = Speaker(clock), Microphone()
    session = RoundSession(script, clock, speaker=speaker, recorder=microphone, transcriber_factory=lambda: Transcriber(clock),
                           store=store, text_encoder=LexicalEncoder())
    controller = session.controller
    takes_questions = question_phases(script)
    offer = ControllerSettings().nothing_left_text

    def run(seconds):
        for _ in range(int(seconds * 2)):
            clock.advance(0.5)
            speaker.tick()
            session.poll()

    def ask(text):  # a question, then a pause: the interviewer answers it
        controller.on_silence(0)
        microphone.speak(text)
        controller.on_silence(0.8)
        run(5)

    session.start()
    handled, pressed_next = set(), False
    while not controller.finished and clock.now() < 1000 + script.minutes * 60 + 60:
        run(1)
        answer = controller.current_answer
        if answer is None or answer.index in handled or speaker.busy:
            continue
        handled.add(answer.index)
        question = next((q for q in script.questions if q.id == answer.question_id), None)
        phase = script.phase(answer.phase)
        if speaker.said[-1] == offer:
            microphone.speak("No, nothing to add.")
        elif answer.question_id is None and answer.phase in takes_questions:
            # About none of the interviewer's answers (assets/interviewer_answers.toml): the
            # phase's own replies answer it.
            ask("How old is the company?")
            microphone.speak("Thanks, that's all from me.")
        elif question is not None and answer.follow_up_id is None and not answer.continuation:
            if phase.expects_clarifying:
                for topic in question.clarifying_topics:
                    ask(f"Could you tell me about the {topic.name}?")
            if question.hints:
                ask("Can I get a hint?")
            said = ". ".join(p.keywords[0] if p.keywords else p.text for p in question.expected_points)
            microphone.speak(f"I would start simple. {said}. That is my approach.")
        else:
            microphone.speak("Here is my answer, with a concrete example and what it costs.")
        if (not pressed_next and answer.question_id is None and answer.phase == script.phases[0].id
                and len(script.phases) > 2):
            pressed_next = True  # the candidate leaves the opening part early with N
            controller.next_part()
        else:
            controller.end_answer()
    session.close()

    said = " | ".join(speaker.said)
    assert controller.finished, said
    # Ended by the candidate being done ("Thanks, that's all from me.", "No, nothing to add."), not by time.
    assert controller.engine.elapsed() < script.minutes * 60 - 60, said
    assert controller.utterances[-1].kind == "closing"
    for question in script.questions:
        assert question.text in speaker.said
        if script.phase(question.phase).expects_clarifying:
            for topic in question.clarifying_topics:
                assert topic.fact is None or topic.fact in speaker.said, (topic.name, said)
        assert not question.hints or question.hints[0] in speaker.said
    for phase in script.phases:
        assert not phase.replies or phase.replies[0] in speaker.said
    # A follow-up none of whose if_missing words the candidate said is asked (in its phase).
    candidate = " ".join(microphone.said).lower()
    needed = [f for q in script.questions for f in q.follow_ups
              if f.if_missing and not any(w.lower() in candidate for w in f.if_missing)]
    asked_later = [u.text for u in controller.utterances if u.kind in ("follow_up", "changed_constraint")]
    assert all(any(f.text in text for text in asked_later) for f in needed), (needed, asked_later)

    saved = store.get_session(session.session_id)
    assert len(saved.answers) >= len(script.questions) and all(a.analysis for a in saved.answers)
    out = {}
    for fmt in ("md", "html", "json"):
        path_out = tmp_path / f"round.{fmt}"
        export_session(store, session.session_id, fmt, path_out, script=script, text_encoder=LexicalEncoder())
        out[fmt] = path_out.read_text(encoding="utf-8")
    assert json.loads(out["json"])["session"]["script_id"] == script.id
    assert html.escape(script.title, quote=False) in out["html"]
    assert script.questions[0].text.split()[0] in out["md"]
    # Each question asked heads its answer whole, on one line (a question of two paragraphs lost its
    # second from the heading).
    headings = [line for line in out["md"].splitlines() if line.startswith("### ")]
    for question in script.questions:
        whole = " ".join(question.text.split())
        assert any(line.replace("\\", "").endswith(whole) for line in headings), (whole, headings)
    assert review_model.round_numbers(saved, script) is not None
    review_model.flagged_moments(saved)
    store.close()


def test_the_windows_script_really_is_saved_as_notepad_saves_it():
    """crlf_bom_tabs.toml stays byte-exact (tests/data/user_scripts/.gitattributes: -text)."""
    data = (Path(__file__).parent / "data" / "user_scripts" / "crlf_bom_tabs.toml").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data and b"\t" in data
    assert data.count(b"\n") == data.count(b"\r\n")
