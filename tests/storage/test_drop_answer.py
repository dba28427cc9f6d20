"""A part dropped as empty (no words, the candidate moved on first) takes its own recording
with it: a new-user trial found answer-<id>.wav files in a round's folder that no row and no
screen referred to. The round recording, another part's recording and a debrief recording are
never removed by a drop; deleting the round still removes everything."""
from storage_helpers import record_tone


def _files(folder):
    return sorted(p.name for p in folder.iterdir())


def test_dropping_a_part_removes_its_recording_and_nothing_else(store):
    sid = store.create_session("sd-feed", "Feed ranking design", "ml_system_design", 45)
    round_wav = store.round_audio_path_for(sid)
    record_tone(round_wav, 3.0)
    kept = store.add_answer(sid, "q0", "Design a feed ranker.", asked_at=5.0)
    empty = store.add_answer(sid, "q0", "What metric?", follow_up_id="metric", asked_at=30.0)
    for answer_id in (kept, empty):
        record_tone(store.audio_path_for(sid, answer_id), 1.0)
    entry = store.add_debrief(sid, "What went well?", with_audio=True)
    record_tone(store.debrief_audio_path(sid, entry), 1.0)
    folder = store.session_dir(sid)
    assert _files(folder) == [f"answer-{kept}.wav", f"answer-{empty}.wav", f"debrief-{entry}.wav", "round.wav"]

    store.drop_answer(empty)

    assert [a.id for a in store.get_session(sid).answers] == [kept]
    assert _files(folder) == [f"answer-{kept}.wav", f"debrief-{entry}.wav", "round.wav"]
    assert store.missing_audio(store.get_session(sid)) == []
    store.delete_session(sid)
    assert not folder.exists()


def test_a_file_another_row_names_is_never_removed_by_a_drop(store):
    """Defensive: rows written by another program (or an older version) may share a file;
    a drop removes only a file no other answer, debrief entry or round names."""
    sid = store.create_session("sd-feed", "Feed ranking design", "ml_system_design", 45)
    first = store.add_answer(sid, "q0", "Design a feed ranker.")
    second = store.add_answer(sid, "q0", "Again?")
    shared = store.audio_path_for(sid, first)
    record_tone(shared, 1.0)
    relative = f"recordings/{shared.parent.name}/{shared.name}"
    with store._write("test: two rows, one file") as db:
        db.execute("UPDATE answers SET audio_path = ? WHERE id = ?", (relative, second))
        db.execute("UPDATE sessions SET round_audio_path = ? WHERE id = ?", (relative, sid))

    store.drop_answer(first)
    assert shared.exists()  # the second answer and the round still use it
    store.drop_answer(second)
    assert shared.exists()  # the round still uses it


def test_dropping_a_part_whose_file_is_already_gone_or_never_was(store):
    sid = store.create_session("sd-feed", "Feed ranking design", "ml_system_design", 45)
    never_recorded = store.add_answer(sid, "q0", "Design a feed ranker.", with_audio=False)
    recorded = store.add_answer(sid, "q0", "Again?")  # its file was never written (mic failed)
    store.drop_answer(never_recorded)
    store.drop_answer(recorded)
    assert store.get_session(sid).answers == []
