"""Trials 32-35: a whole round with an extra question (core.extra_questions) through the session,
the store and the exports: the extra part is saved, its answers analysed, and the review and
exports show it as "Extra question: <its part name>" with its question, like any other part."""
from __future__ import annotations

import json

from interviewer.app.round_session import RoundSession
from interviewer.core.clock import FakeClock
from interviewer.core.extra_questions import EXTRA_OFFER_ID, EXTRAS_KIND
from interviewer.core.matching import LexicalEncoder
from interviewer.export import export_session
from interviewer.export.coverage_section import script_of
from interviewer.storage import Store

from test_user_scripts import Microphone, Speaker, Transcriber  # noqa: E402  (tests/ is on the path)
from core.test_extra_questions import other_round, story_round  # noqa: E402


def test_a_round_with_an_extra_question_is_saved_reviewed_and_exported(tmp_path, monkeypatch):
    own, other = story_round(), other_round()
    # the exports find the round's scripts among the bundled and the user's
    monkeypatch.setattr("interviewer.core.scripts.loader.discover_scripts",
                        lambda *a, **k: type("C", (), {"scripts": [own, other], "problems": []})())
    store = Store.open(tmp_path / "data")
    clock = FakeClock(1000.0)
    speaker, microphone = Speaker(clock), Microphone()
    session = RoundSession(own, clock, speaker=speaker, recorder=microphone,
                           transcriber_factory=lambda: Transcriber(clock), store=store,
                           text_encoder=LexicalEncoder(), extra_scripts=[own, other])
    controller = session.controller

    def run(seconds):
        for _ in range(int(seconds * 2)):
            clock.advance(0.5)
            speaker.tick()
            session.poll()

    session.start()
    handled = set()
    while not controller.finished and clock.now() < 1000 + 50 * 60:
        run(1)
        answer = controller.current_answer
        if answer is None or answer.index in handled or speaker.busy:
            continue
        handled.add(answer.index)
        if answer.follow_up_id == EXTRA_OFFER_ID:
            microphone.speak("Yes, let's do one more.")
        elif session.engine.current_phase.id == "wrap":
            microphone.speak("No questions from me, thanks.")
            controller.end_answer()
            run(5)
            session.stop()
            break
        else:
            microphone.speak("I would sort them by start time and keep it simple. That's it.")
        controller.end_answer()
    session.close()

    assert "Merge the overlapping sessions of a user." in speaker.said, speaker.said
    assert session.script.phase("extra1-problem").name == "Extra question: Sessions problem"
    saved = store.get_session(session.session_id)
    assert any(p.phase_id == "extra1-problem" and p.name == "Extra question: Sessions problem" for p in saved.phases), saved.phases
    assert any(f.kind == EXTRAS_KIND for f in saved.findings)
    # the offer and its yes are no answer: not stored, numbered or scored (trial 37)
    assert saved.answers and not any(a.follow_up_id == EXTRA_OFFER_ID for a in saved.answers)
    offer = [line for line in saved.lines if "one more question" in line.text]
    assert offer and all(line.kind == "offer" for line in offer), saved.lines  # no "follow_up" line
    # the review's script (export.coverage_section.script_of, and the GUI's script_of) is the round's
    assert script_of(saved).phase("extra1-problem").name == "Extra question: Sessions problem"
    path = tmp_path / "round.md"
    export_session(store, session.session_id, "md", path, text_encoder=LexicalEncoder())
    text = path.read_text(encoding="utf-8")
    assert "Extra question: Sessions problem" in text and "Merge the overlapping sessions" in text
    assert not any("one more question" in line and "Follow-up" in line for line in text.splitlines())
    path = tmp_path / "round.json"
    export_session(store, session.session_id, "json", path, text_encoder=LexicalEncoder())
    assert "Extra question: Sessions problem" in json.dumps(json.loads(path.read_text(encoding="utf-8")))
    # Home and Progress (storage area_history) count the extra's talking points and areas as the
    # review and the exports do (trial 37: Home "5 of 7 areas", the export "6 of 9")
    from interviewer.app.round_areas import load_progress
    from interviewer.core.weak_spots import AREAS_HEADING, content_text, round_content
    from interviewer.export.report import build_report

    by_id = {s.id: s for s in (own, other)}.get
    data = load_progress(store, by_id, LexicalEncoder(), [own, other])
    [home] = [r for r in data.areas if r.session_id == session.session_id]
    report = build_report(store.get_session(session.session_id), [], None, LexicalEncoder())
    exported = report.facts[AREAS_HEADING]
    assert "algorithms" in home.areas
    assert content_text(round_content(home)).split(".")[0] == f"{AREAS_HEADING}: " + exported.split(".")[0]


def test_home_counts_an_extra_left_with_next_as_the_review_does(tmp_path, monkeypatch):
    """Trial 37 round #3: the extra was left with N. The export said "4 of 8; 2 questions were
    skipped with Next and are not counted", Home "4 of 7": Home read the round's own script."""
    from interviewer.app.round_areas import load_progress
    from interviewer.core.weak_spots import AREAS_HEADING, content_text, round_content
    from interviewer.export.report import build_report

    own, other = story_round(), other_round()
    monkeypatch.setattr("interviewer.core.scripts.loader.discover_scripts",
                        lambda *a, **k: type("C", (), {"scripts": [own, other], "problems": []})())
    store = Store.open(tmp_path / "data")
    clock = FakeClock(1000.0)
    speaker, microphone = Speaker(clock), Microphone()
    session = RoundSession(own, clock, speaker=speaker, recorder=microphone,
                           transcriber_factory=lambda: Transcriber(clock), store=store,
                           text_encoder=LexicalEncoder(), extra_scripts=[own, other])
    controller = session.controller

    def run(seconds):
        for _ in range(int(seconds * 2)):
            clock.advance(0.5)
            speaker.tick()
            session.poll()

    session.start()
    handled = set()
    while not controller.finished and clock.now() < 1000 + 50 * 60:
        run(1)
        answer = controller.current_answer
        if answer is None or answer.index in handled or speaker.busy:
            continue
        handled.add(answer.index)
        phase = session.engine.current_phase.id
        if answer.follow_up_id == EXTRA_OFFER_ID:
            microphone.speak("Yes, let's do one more.")
        elif phase == "extra1-problem":
            run(10)
            controller.next_part()  # the extra left with N, unanswered
            continue
        elif phase == "wrap":
            microphone.speak("No questions from me, thanks.")
            controller.end_answer()
            run(5)
            session.stop()
            break
        else:
            microphone.speak("I would sort them by start time and keep it simple. That's it.")
        controller.end_answer()
    session.close()
    assert session.engine.extras_from == ["other"]

    by_id = {s.id: s for s in (own, other)}.get
    data = load_progress(store, by_id, LexicalEncoder(), [own, other])
    [home] = [r for r in data.areas if r.session_id == session.session_id]
    report = build_report(store.get_session(session.session_id), [], None, LexicalEncoder())
    assert home.unanswered == 1
    assert home.extra_scripts == ("other",)
    assert content_text(round_content(home)).split(".")[0] == f"{AREAS_HEADING}: " + report.facts[AREAS_HEADING].split(".")[0]
