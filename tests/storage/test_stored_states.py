"""States kept as enums in the code are stored as the same plain text as before they were enums,
so databases and analysis JSON written by earlier versions read the same (and vice versa)."""
import json
import sqlite3

from interviewer.core.analysis.fillers import FillerKind
from interviewer.core.analysis.report import analyze_answer
from interviewer.core.engine import AskReason, RoundState
from interviewer.core.round_records import EndedBy, UtteranceKind
from interviewer.core.round_status import ControllerStatus
from interviewer.storage import SessionStatus
from interviewer.storage.files import DB_NAME
from storage_helpers import make_transcript

# The exact texts earlier versions wrote: renaming one of these breaks old data.
SHIPPED = {
    SessionStatus: {"in_progress", "completed", "interrupted", "discarded"},
    FillerKind: {"hesitation", "lexical", "repetition", "cut_off", "restart"},
    EndedBy: {"key", "silence", "repeat", "paused", "phase_end", "time_up", "stopped", "next"},
    UtteranceKind: {"prompt", "phase_warning", "round_warning", "question", "follow_up", "changed_constraint",
                    "repeat", "nudge", "closing", "clarification", "acknowledgement"},
    AskReason: {"question", "follow_up", "changed_constraint"},
    RoundState: {"not_started", "running", "finished", "stopped"},
    ControllerStatus: {"finished", "speaking", "paused", "listening", "thinking", "waiting", "starting",
                       "answering"},
}


def test_enum_values_are_the_texts_earlier_versions_used():
    for enum, texts in SHIPPED.items():
        assert {member.value for member in enum} == texts, enum.__name__
        assert all(member == member.value and str(member) == member.value for member in enum)
    assert {r.value for r in AskReason} <= {k.value for k in UtteranceKind}  # a reason is said as that kind


def test_session_status_is_stored_as_plain_text_and_read_back_equal(store, data_dir):
    done = store.create_session("sd-feed", "Feed ranking design", "ml_system_design", 45)
    store.finish_session(done)
    dropped = store.create_session("sd-feed", "Feed ranking design", "ml_system_design", 45)
    store.finish_session(dropped)
    store.discard_session(dropped)
    db = sqlite3.connect(data_dir / DB_NAME)
    rows = dict(db.execute("SELECT id, status || '|' || typeof(status) FROM sessions").fetchall())
    db.close()
    assert rows == {done: "completed|text", dropped: "discarded|text"}
    by_id = {s.id: s for s in store.list_sessions()}
    assert by_id[done].status == SessionStatus.COMPLETED == "completed"
    assert by_id[dropped].status == SessionStatus.DISCARDED


def test_filler_kinds_reach_the_analysis_json_as_plain_text(store):
    analysis = analyze_answer(make_transcript("um so I would, like, uh check the latency budget")).to_dict()
    text = json.dumps(analysis)
    kinds = {f["kind"] for f in json.loads(text)["fillers"]}
    assert kinds == {"hesitation", "lexical"}
    sid = store.create_session("sd-feed", "Feed ranking design", "ml_system_design", 45)
    aid = store.add_answer(sid, "q0", "Question?", asked_at=0.0)
    store.attach_analysis(aid, analysis)
    stored = store.get_session(sid).answers[0].analysis
    assert {f["kind"] for f in stored["fillers"]} == {"hesitation", "lexical"}
