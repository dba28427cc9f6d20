"""A recording damaged on disk is left out of an audio export with a warning, like a missing
one, and never touched. Before, one unreadable recording stopped the whole export
("cannot export the audio of session 2: Error opening ...: Format not recognised"), so none of
the round's other recordings could be exported, joined or split."""
import soundfile as sf

import pytest

from interviewer.errors import UserError
from interviewer.export import export_session
from storage_helpers import full_round
from test_sessions_bad_input import sessions


def _damage_first(store, sid):
    path = store.audio_file(store.get_session(sid).answers[0].audio_path)
    path.write_bytes(b"\x13\x37 not audio any more " * 100)
    return path


def test_the_other_recordings_are_exported_joined_and_split(store, tmp_path):
    sid = full_round(store)
    damaged = _damage_first(store, sid)
    kept = damaged.read_bytes()
    joined = export_session(store, sid, "wav", tmp_path / "round.wav")
    assert joined.warnings == [f"recording unreadable, left out: {damaged}"]
    assert sf.info(tmp_path / "round.wav").duration == pytest.approx(1.0 + 0.5 + 0.5)  # answer 2, gap, debrief
    split = export_session(store, sid, "flac", tmp_path / "parts", split=True)
    assert [p.name for p in split.files] == ["02-q1.flac", "debrief-01.flac"]
    assert split.warnings == joined.warnings
    assert damaged.read_bytes() == kept


def test_with_nothing_readable_it_says_so(store, tmp_path):
    sid = store.create_session("s", "One answer", "coding", 45)
    aid = store.add_answer(sid, "q", "Q?", answer_start=1.0)
    store.audio_path_for(sid, aid).write_bytes(b"junk" * 100)
    store.finish_answer(aid, answer_end=3.0)
    with pytest.raises(UserError, match=rf"session {sid} has no recordings to export \(1 missing or unreadable\)"):
        export_session(store, sid, "wav", tmp_path / "x.wav")
    assert not (tmp_path / "x.wav").exists()


def test_the_command_warns_and_exports(data_dir, tmp_path):
    from interviewer.storage import Store

    with Store.open() as store:
        sid = full_round(store)
        damaged = _damage_first(store, sid)
    done = sessions("export", str(sid), "-f", "wav", "-o", str(tmp_path / "round.wav"), data_dir=data_dir)
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip() == f"warning: recording unreadable, left out: {damaged}"
    assert done.stdout.strip() == str(tmp_path / "round.wav")
