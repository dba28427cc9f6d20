"""Talking points (issue 13 items 1 and 3), done when: a round played from recorded answers shows,
in the review and in every export, the covered and missed points with the sentences that made
them, and the model-answer outline.

The answers are spoken by espeak-ng into the round's recordings, transcribed by the real tiny.en
and analysed as the app does; the talking points are matched with the real sentence-embedding
model. The review shows each question's checklist beside its outline, and clicking a sentence
plays that answer's recording from where it was said. What tiny.en hears varies by CPU
(tests/speech_oracle.py), so the statuses are checked against what the transcripts say.
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest

from interviewer.core.analysis.coverage import COVERED, MISSED
from interviewer.core.analysis.report import analyze_answer
from interviewer.storage import SessionStatus, Store
from speech_oracle import MIN_RECALL, recall_of

SCRIPT = '''
id = "coverage-test"
title = "Fraud scoring (coverage test)"
kind = "ml_system_design"
minutes = 45

[[phases]]
id = "design"
name = "Design"
minutes = 30
prompt = "Let's design it."

[[phases]]
id = "operate"
name = "Operate"
minutes = 15
prompt = "Now running it."

[[questions]]
id = "fraud"
phase = "design"
text = "Design a system that scores card payments for fraud in real time."
expected_points = [
    { text = "Shadow mode, then a canary release, with a rollback plan", keywords = ["shadow mode", "canary", "rollback"], area = "monitoring and rollback" },
    { text = "Fraud labels arrive weeks late through chargebacks", keywords = ["chargeback", "label delay"], area = "data and labels" },
]
outline = ["Ask about the latency budget and the volume", "Say where the labels come from and how late",
           "Launch in shadow mode, then a canary, ready to roll back"]

[[questions.follow_ups]]
id = "launch"
text = "How would you launch a new model?"

[[questions]]
id = "monitor"
phase = "operate"
text = "How do you know the model still works a month later?"
expected_points = [
    { text = "Watch the score distribution for drift", keywords = ["score distribution", "drift"], area = "monitoring and rollback" },
]
'''

# (question id, follow-up id, what the candidate says)
ANSWERS = [
    ("fraud", None, "I would use gradient boosted trees on the payment amount and the merchant."),
    ("fraud", "launch", "First I would run the new model in shadow mode. Then a canary on one percent of "
                        "traffic, with a rollback switch."),
    ("monitor", None, "I would watch the score distribution every day to catch drift."),
]
LAUNCH_SENTENCE = "First I would run the new model in shadow mode."


@pytest.fixture(scope="module")
def whisper():
    from interviewer.adapters.transcription import load_model

    return load_model()


def _speak(text: str, wav) -> None:
    subprocess.run(["espeak-ng", "-v", "en-us", "-s", "150", "-w", str(wav), text], check=True, timeout=60)


def _stored_round(store: Store, whisper) -> int:
    from interviewer.adapters.transcription import transcribe

    sid = store.create_session("coverage-test", "Fraud scoring (coverage test)", "ml_system_design", 45)
    store.add_phase(sid, "design", "Design", 30, 0.0)
    store.add_phase(sid, "operate", "Operate", 15, 600.0)
    t = 10.0
    for qid, follow_up, text in ANSWERS:
        if qid == "monitor":
            t = max(t, 610.0)
        aid = store.add_answer(sid, qid, f"Question {qid}", follow_up_id=follow_up, asked_at=t,
                               answer_start=t + 2.0, answer_end=t + 20.0)
        wav = store.audio_path_for(sid, aid)
        wav.parent.mkdir(parents=True, exist_ok=True)
        _speak(text, wav)
        transcript = transcribe(str(wav), whisper)
        store.attach_transcript(aid, transcript)
        store.attach_analysis(aid, analyze_answer(transcript, question_text=f"Question {qid}",
                                                  round_kind="ml_system_design", question_findings=False).to_dict())
        t += 60.0
    store.finish_session(sid, SessionStatus.COMPLETED)
    return sid


def test_review_and_every_export_show_the_talking_points_and_the_outline(qtbot, isolated_dirs, tmp_path, whisper):
    if not shutil.which("espeak-ng"):
        pytest.fail("espeak-ng is a system requirement (bootstrap.sh installs it)")
    from interviewer.adapters.embeddings import load_text_encoder
    from interviewer.app.services import AppServices, ScriptList
    from interviewer.core.scripts.loader import discover_scripts
    from interviewer.export import export_session
    from interviewer.gui.coverage_checklist import EVIDENCE_ROLE
    from interviewer.gui.main_window import MainWindow
    from interviewer.gui.pdf import render_pdf
    from interviewer.gui.workers import wait_for_background_work
    from interviewer.paths import user_scripts_dir

    user_scripts_dir().mkdir(parents=True, exist_ok=True)
    (user_scripts_dir() / "coverage.toml").write_text(SCRIPT)
    played = []
    services = AppServices(load_scripts=lambda: ScriptList(discover_scripts().scripts),
                           open_store=lambda: Store.open(), load_text_encoder=load_text_encoder,
                           play_audio=lambda path, start, on_done=None: played.append((path, start)))
    window = MainWindow(services)
    qtbot.addWidget(window)
    with Store.open() as store:
        sid = _stored_round(store, whisper)
        session = store.get_session(sid)
        for fmt in ("md", "html", "json"):
            export_session(store, sid, fmt, tmp_path / f"round.{fmt}")
        pages = []
        export_session(store, sid, "pdf", tmp_path / "round.pdf",
                       render_pdf=lambda page, out, title: (pages.append(page), render_pdf(page, out, title)))
    heard = {a.id: a.transcript.text for a in session.answers}
    main_id, launch_id, monitor_id = (a.id for a in session.answers)
    assert recall_of(ANSWERS[1][2], heard[launch_id]) >= MIN_RECALL

    # The review: filled off the GUI thread once the model has matched the points.
    window.scripts = discover_scripts().scripts
    window.review.open(sid)
    checklist = window.review_screen.coverage
    qtbot.waitUntil(lambda: bool(checklist.coverage), timeout=60000)
    wait_for_background_work()
    coverage = {q.question_id: q for q in checklist.coverage}
    assert list(coverage) == ["fraud", "monitor"]
    fraud, monitor = coverage["fraud"], coverage["monitor"]
    rollout, labels = fraud.points
    # Said in the follow-up's answer: it counts for the question, with that answer's sentence.
    assert rollout.status == COVERED
    assert rollout.evidence[0].part_id == launch_id
    assert recall_of(LAUNCH_SENTENCE, rollout.evidence[0].text) >= MIN_RECALL or \
        recall_of("Then a canary on one percent of traffic, with a rollback switch.", rollout.evidence[0].text) >= MIN_RECALL
    assert labels.status == MISSED and not labels.evidence  # nothing about labels was said
    said_drift = re.search(r"drift|distribution", heard[monitor_id], re.I)
    assert (monitor.points[0].status == COVERED) == bool(said_drift or monitor.points[0].score >= 0.5)
    assert fraud.outline[2] == "Launch in shadow mode, then a canary, ready to roll back"
    assert monitor.outline == ("Watch the score distribution for drift",)  # no outline: the points in order
    assert "Design: 1 of 2 covered" in checklist.status.text()

    tree = checklist.tree
    top = tree.topLevelItem(0)
    rows = [top.child(i).text(0) for i in range(top.childCount())]
    assert rows[0].startswith("Shadow mode") and rows[0].endswith("(covered)")
    assert rows[1].startswith("Fraud labels") and rows[1].endswith("(missed)")
    quote = top.child(0).child(0)
    part_id, start = quote.data(0, EVIDENCE_ROLE)
    assert part_id == launch_id and 0.0 <= start < 20.0
    tree.setCurrentItem(top)
    outline = checklist.outline.toPlainText()
    assert "Model-answer outline" in outline and "Say where the labels come from and how late" in outline

    # Clicking the sentence plays that answer's recording from where it was said.
    checklist._clicked(quote)
    qtbot.waitUntil(lambda: bool(played), timeout=10000)
    wait_for_background_work()
    path, from_s = played[0]
    assert path.name == f"answer-{launch_id}.wav" and from_s == pytest.approx(max(0.0, start - 0.3), abs=0.01)

    # Every export shows the same points, statuses, sentences and outline.
    md = (tmp_path / "round.md").read_text()
    html = (tmp_path / "round.html").read_text()
    data = json.loads((tmp_path / "round.json").read_text())
    for text, mark in ((md, "- [x] "), (html, "<b>[x]</b> ")):
        assert "Talking points" in text
        assert f"{mark}Shadow mode, then a canary release, with a rollback plan" in text
        assert "Fraud labels arrive weeks late through chargebacks (missed)" in text or \
            "Fraud labels arrive weeks late through chargebacks <small>(missed)" in text
        assert "Say where the labels come from and how late" in text  # the outline
        assert rollout.evidence[0].text.split()[0] in text.split("Talking points")[1]
    assert "Design: 1 of 2 covered, 0 partly, 1 missed" in md
    assert pages == [html] and (tmp_path / "round.pdf").read_bytes().startswith(b"%PDF")
    exported = {q["question_id"]: q for q in data["session"]["numbers"]["coverage"]}
    for qid, q in coverage.items():
        assert [p["status"] for p in exported[qid]["points"]] == [p.status for p in q.points]
        assert [[e["part_id"] for e in p["evidence"]] for p in exported[qid]["points"]] == \
            [[e.part_id for e in p.evidence] for p in q.points]
    assert exported["fraud"]["outline"][0] == "Ask about the latency budget and the volume"
    assert [g["name"] for g in data["session"]["numbers"]["phase_coverage"]] == ["Design", "Operate"]


def test_a_live_round_stores_each_answers_point_scores_so_the_review_encodes_nothing(tmp_path):
    """Through RoundSession: each answer's talking points are scored as it is analysed, during
    the round, and stored with it; the round's coverage is then the same without encoding."""
    import time

    from gui_fakes import FakeRecorder, FakeSpeaker, transcript_of

    from interviewer.app.round_session import RoundSession
    from interviewer.core.analysis.coverage import POINTS_KEY
    from interviewer.core.analysis.summary import Part
    from interviewer.core.clock import FakeClock
    from interviewer.core.matching import LexicalEncoder, Matcher
    from interviewer.core.scripts.loader import parse_script
    from interviewer.storage.progress import round_parts, round_summary

    script = parse_script(SCRIPT, "coverage.toml")
    said = iter([transcript_of("I would run it in shadow mode first and keep a rollback ready"),
                 transcript_of("a canary on one percent of traffic"),
                 transcript_of("we watch the score distribution for drift")])

    class Transcriber:
        on_segment = None

        def __init__(self):
            self.result = next(said, transcript_of("okay"))

        def feed(self, samples):
            pass

        def finish(self):
            return self.result

    class NoEncoding(LexicalEncoder):
        def encode(self, texts):
            raise AssertionError(f"encoded again: {texts}")

    store = Store.open(tmp_path / "data")
    clock = FakeClock()
    session = RoundSession(script, clock, speaker=FakeSpeaker(), recorder=FakeRecorder(),
                           transcriber_factory=Transcriber, store=store)
    session.start()
    for _ in range(3):
        deadline = time.monotonic() + 5
        while session.controller.status != "listening" and time.monotonic() < deadline:
            clock.advance(0.01)  # the beat after an acknowledgement passes on the round's clock
            session.poll()
            time.sleep(0.01)
        session.controller.end_answer()
    session.stop()
    session.close()
    stored = store.get_session(session.session_id)
    store.close()
    assert [a.question_id for a in stored.answers][:2] == ["fraud", "fraud"]
    assert all(POINTS_KEY in a.analysis for a in stored.answers if a.question_id in ("fraud", "monitor"))
    at_end = round_summary(stored, script, Matcher(NoEncoding())).coverage  # nothing encoded
    bare = [Part(p.id, p.question_id, p.follow_up_id, p.question_text, p.asked_at, p.start, p.end,
                 {k: v for k, v in p.analysis.items() if k != POINTS_KEY}) for p in round_parts(stored)]
    from interviewer.core.analysis.summary import summarize

    assert at_end == summarize(bare, script=script, matcher=Matcher(LexicalEncoder())).coverage
    assert at_end[0].points[0].status == COVERED and at_end[0].points[1].status == MISSED
