"""Trial 33 defect 1, for a round analysed again or caught up after it (app/backfill.py): the
answer's pitfall claims are stored with its new analysis as a live round stores them, so the
"Check this" finding and the talking points agree with a new round's."""
from interviewer.app.backfill import reanalyse
from interviewer.core.analysis.coverage import PITFALLS_KEY
from interviewer.core.scripts.loader import discover_scripts
from interviewer.resources import bundled_scripts_dir
from storage_helpers import record_tone
from tests.core.analysis.speech import spoken

WRONG = "Gradient boosted trees are the best choice for images and raw text."


def test_an_answer_analysed_again_keeps_its_wrong_claim_as_check_this(store):
    script = next(s for s in discover_scripts(bundled_scripts_dir()).scripts if s.id == "ml_breadth_applied")
    question = script.question("trees_vs_nets")
    sid = store.create_session(script.id, script.title, script.kind, 45, started_at=1_700_000_000)
    store.add_phase(sid, question.phase, "Training", 10, 0.0)
    aid = store.add_answer(sid, question.id, question.text, asked_at=5.0, answer_start=7.0)
    record_tone(store.audio_path_for(sid, aid), 0.5)
    store.finish_answer(aid, answer_end=13.0)
    store.attach_transcript(aid, spoken(WRONG))
    store.attach_analysis(aid, {"word_count": 12, "part": {"after_interviewer": True, "interrupted": False}})
    store.finish_session(sid, ended_at=1_700_000_100)

    reanalyse(store, store.get_session(sid), script)
    session = store.get_session(sid)
    said = session.answers[0].analysis[PITFALLS_KEY]
    assert [(d["index"], d["text"]) for d in said] == [(0, WRONG)]
    checks = [f for f in session.findings if f.kind == "pitfall"]
    assert len(checks) == 1 and checks[0].message.startswith(f'"{WRONG}" In fact:')
