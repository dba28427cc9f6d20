"""Trial 14: a coding round ended while still in its Clarify part scored "Algorithm design 0 of 1"
in Progress. A question's talking points count toward progress and the practice plan only when a
solving part of it was reached and answered (something said outside the clarify part); a question
only clarified, or never asked, counts neither as covered nor as missed. Real SQLite store."""
from __future__ import annotations

import sqlite3

from interviewer.app.round_areas import load_progress
from interviewer.core.analysis.report import analyze_answer
from interviewer.core.practice_plan import build_plan, propose_next_round, track_plan
from interviewer.core.weak_spots import standings
from interviewer.storage import SessionStatus, Store
from tests.core.analysis.speech import spoken
from tests.storage.test_area_history import SCRIPT, by_id

LATENCY = "serving and latency"  # the area of the design question's only point
CLARIFYING = "How many payments per second do we see at peak? [1.0] And what is the latency budget in milliseconds?"
SHORT_DESIGN = "Boosted trees, latency budget a hundred milliseconds."  # a short answer still reaches it


def store_round(store: Store, started_at: float, answers) -> int:
    """`answers`: (question id or "" for a phase prompt's answer, text, phase id), in order."""
    sid = store.create_session(SCRIPT.id, SCRIPT.title, SCRIPT.kind, SCRIPT.minutes, started_at=started_at)
    store.add_phase(sid, "requirements", "Requirements", 10, 0.0)
    for n, (qid, text, phase) in enumerate(answers):
        at = 5.0 + 100 * n
        if phase != "requirements":
            store.add_phase(sid, phase, phase.title(), 25, at - 1)
        aid = store.add_answer(sid, qid, SCRIPT.question(qid).text if qid else "Now the design.", asked_at=at,
                               answer_start=at + 1, answer_end=at + 60, with_audio=False, phase_id=phase)
        transcript = spoken(text)
        store.attach_transcript(aid, transcript)
        store.attach_analysis(aid, analyze_answer(transcript, round_kind=SCRIPT.kind,
                                                  expects_clarifying=phase == "requirements",
                                                  question_findings=False).to_dict())
    store.finish_session(sid, SessionStatus.COMPLETED, ended_at=started_at + 600)
    return sid


def test_a_question_only_clarified_counts_neither_covered_nor_missed(tmp_path):
    with Store.open(tmp_path) as store:
        clarified = store_round(store, 1_700_000_000, [("design", CLARIFYING, "requirements")])
        data = load_progress(store, by_id)
        [one] = data.areas
        assert one.session_id == clarified
        assert LATENCY not in one.areas  # ended in Clarify: its design was never reached
        assert "clarifying requirements" in one.areas  # what the round did reach still counts
        assert LATENCY not in {s.area for s in standings(data.areas, SCRIPT.kind)}
        proposal = propose_next_round(track_plan(build_plan(8), [(r.session_id, r.kind) for r in data.rows]),
                                      data.areas)
        assert proposal is not None and LATENCY not in proposal.focus


def test_a_solving_part_reached_and_answered_counts_however_short(tmp_path):
    with Store.open(tmp_path) as store:
        store_round(store, 1_700_000_000, [("design", CLARIFYING, "requirements"), ("", SHORT_DESIGN, "design")])
        # The question asked outside the clarify part and answered (in the monitoring part) counts too.
        store_round(store, 1_700_100_000, [("design", CLARIFYING, "requirements"), ("", SHORT_DESIGN, "design"),
                                           ("monitoring", "We retrain nightly.", "monitoring")])
        first, second = load_progress(store, by_id).areas
    assert first.areas[LATENCY].measured == 1 and "monitoring and rollback" not in first.areas
    assert second.areas[LATENCY].measured == 1 and second.areas["monitoring and rollback"].measured == 2
    assert not second.areas["monitoring and rollback"].is_covered


def test_areas_stored_by_the_earlier_rule_are_computed_again(tmp_path):
    """A version-7 database holds round areas computed when an only-clarified question counted:
    the upgrade drops them (a cache), and Progress computes them again by the current rule."""
    from tests.storage.test_migrations import build_database
    from interviewer.storage.files import DB_NAME

    data_dir = tmp_path / "data"
    data_dir.mkdir()
    build_database(data_dir / DB_NAME, 7)
    with Store.open(data_dir) as store:
        assert store.round_area_matchers() == {}


def test_areas_cached_before_answers_over_a_cut_question_were_filed_are_computed_again(tmp_path):
    """Trial 21: a version-8 database may hold areas counted without an answer given over the
    end of its question; the upgrade drops them so they are computed again."""
    from tests.storage.test_migrations import build_database
    from interviewer.storage.files import DB_NAME

    data_dir = tmp_path / "data"
    data_dir.mkdir()
    build_database(data_dir / DB_NAME, 8)
    db = sqlite3.connect(data_dir / DB_NAME)
    # as version 8 stored them: areas and each question's covered areas
    db.execute("UPDATE round_areas SET areas_json = ?", ('{"areas": [{"area": "evaluation metrics", "measured": 1,'
                                                           ' "covered": 0.0, "source": "points"}], "covered_areas": {}}',))
    db.commit()
    assert db.execute("SELECT COUNT(*) FROM round_areas").fetchone()[0] > 0
    db.close()
    with Store.open(data_dir) as store:
        assert store.round_area_matchers() == {}


def test_a_question_asked_as_the_round_ended_and_never_answered_is_not_reached(tmp_path):
    """Trial 22: the Features question was asked as the round ended, and nothing was said after it.
    Its areas count neither covered nor missed, and it is one of the questions not reached (the
    "Feature engineering: 0 of 1" of that review was another question's point: the answered
    labels question's "Store raw events immutably for point-in-time feature reconstruction")."""
    from interviewer.core.transcript import Transcript
    from interviewer.core.weak_spots import content_text, round_content

    with Store.open(tmp_path) as store:
        sid = store_round(store, 1_700_000_000, [("design", CLARIFYING, "requirements"), ("", SHORT_DESIGN, "design")])
        aid = store.add_answer(sid, "monitoring", SCRIPT.question("monitoring").text, asked_at=400.0,
                               answer_start=401.0, answer_end=402.0, with_audio=False, phase_id="monitoring")
        silent = Transcript([], 1.0, [])  # the round ended right after the question: no word
        store.attach_transcript(aid, silent)
        store.attach_analysis(aid, analyze_answer(silent, round_kind=SCRIPT.kind, question_findings=False).to_dict())
        [one] = load_progress(store, by_id).areas
    monitored = {p.area for p in SCRIPT.question("monitoring").expected_points if p.area} - {
        p.area for p in SCRIPT.question("design").expected_points if p.area}
    assert monitored and not monitored & set(one.areas)  # neither covered nor missed
    assert one.unanswered >= 1
    assert "not reached and" in content_text(round_content(one))


def test_a_round_ended_early_says_so_beside_its_area_count(tmp_path):
    """Trial 23: Home read "5 of 5" for a round ended after 3.1 of its 45 minutes."""
    from interviewer.core.weak_spots import content_text, round_content
    from interviewer.storage.models import ENDED_EARLY_KIND

    with Store.open(tmp_path) as store:
        full = store_round(store, 1_700_000_000, [("design", CLARIFYING, "requirements")])
        early = store_round(store, 1_700_100_000, [("design", CLARIFYING, "requirements")])
        store.add_finding(early, ENDED_EARLY_KIND, "Ended early: 3.1 of 45 minutes.")
        by_session = {r.session_id: r for r in load_progress(store, by_id).areas}
    assert not by_session[full].ended_early and by_session[early].ended_early
    assert ", in a round ended early" in content_text(round_content(by_session[early]))
    assert "ended early" not in content_text(round_content(by_session[full]))
