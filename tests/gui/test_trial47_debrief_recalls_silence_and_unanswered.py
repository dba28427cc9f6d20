"""Trial 47 defect 5: the debrief's "Moments to recall" said "No filler clusters, long silences,
long answers or questions you didn't know to recall in this round" of a round with a 69.3 s
silence (the thinking time asked for, taken by the review for a wait for the interviewer) and two
follow-ups never answered ("No speech was heard in this answer (48 s)", each after a hint offer).
The recall list (app.review_model.flagged_moments) reads the candidate's long pauses
(report.is_candidate_long_pause, which now counts the time asked for past the granted minute) and
the findings of questions not known; a question left with nothing said is one of them now. The
answers are trial 47's round 1 as stored (tests/data/trial47)."""
from __future__ import annotations

import json
from pathlib import Path

from interviewer.storage.models import Answer, Finding, Session

DATA = Path(__file__).resolve().parent.parent / "data" / "trial47" / "breadth_round_answers.json"


def _session() -> Session:
    data = json.loads(DATA.read_text())
    answers = [Answer(a["id"], 1, a["question_id"] or "", a["follow_up_id"], a["question_text"], a["asked_at"],
                      a["answer_start"], a["answer_end"], None, analysis=a["analysis"], phase_id=a["phase_id"])
               for a in data["answers"]]
    findings = [Finding(f["id"], f["answer_id"], f["kind"], f["start"], f["end"], f["message"],
                        json.loads(f["details_json"]) if f["details_json"] else None) for f in data["findings"]]
    return Session(1, "f", "ml_breadth_training", "ML breadth: training, features and experiments", "ml_breadth",
                   45, 1796642694.9, 1796643185.0, "completed", answers=answers, findings=findings)


def test_the_debrief_recalls_the_long_silence_and_the_unanswered_follow_ups():
    from interviewer.app.review_model import flagged_moments

    moments = flagged_moments(_session())
    by_kind = {}
    for m in moments:
        by_kind.setdefault(m.kind, []).append(m)
    silences = by_kind.get("long_silence", [])
    assert any(m.answer_id == 2 and "69.3 s" in m.message for m in silences), moments
    unanswered = by_kind.get("unanswered", [])
    assert [m.answer_id for m in unanswered] == [3, 7], moments
    assert "batch normalization" in unanswered[0].message and "with nothing said" in unanswered[0].message


def test_the_debrief_screen_lists_them(qapp):
    from interviewer.gui.debrief_screen import DebriefScreen

    screen = DebriefScreen()
    screen.show_session(_session())
    rows = [screen.moments.item(i).text() for i in range(screen.moments.count())]
    assert not any(r.startswith("No filler clusters") for r in rows), rows
    assert any("Not answered" in r for r in rows) and any("69.3 s" in r for r in rows), rows
