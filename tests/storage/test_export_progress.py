"""Exports report progress and can be cancelled: a cancel stops the work between blocks and
leaves no file of the export (no half-written file, no temporary, an existing file untouched)."""
import threading

import pytest
import soundfile as sf

from interviewer.errors import Cancelled
from interviewer.export import export_session, partial_name
from storage_helpers import full_round, record_tone

SECONDS = 25.0  # per recording: three 10 s blocks each


@pytest.fixture
def long_round(store):
    sid = full_round(store, answers=3)
    for answer in store.get_session(sid).answers:
        record_tone(store.audio_path_for(sid, answer.id), SECONDS)
    return sid


@pytest.fixture
def out_dir(tmp_path):
    folder = tmp_path / "exports"
    folder.mkdir()
    return folder


def _leftovers(folder):
    return sorted(p.name for p in folder.iterdir())


@pytest.mark.parametrize("fmt", ["wav", "flac"])
def test_audio_export_progress_advances_to_the_total(store, long_round, out_dir, fmt):
    seen = []
    out = export_session(store, long_round, fmt, out_dir / f"r.{fmt}", progress=lambda d, t: seen.append((d, t))).path
    total = 3 * SECONDS + 0.5  # and the debrief answer
    assert len(seen) >= 10 and all(t == pytest.approx(total) for _, t in seen)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen) and seen[-1][0] == pytest.approx(total)
    assert sf.info(out).duration == pytest.approx(total + 3 * 0.5, abs=0.01)  # gaps between recordings
    assert _leftovers(out_dir) == [f"r.{fmt}"]


def _cancel_after(n: int):
    cancel, seen = threading.Event(), []

    def progress(done, total):
        seen.append(done)
        if len(seen) >= n:
            cancel.set()
    return cancel, seen, progress


def test_cancelled_joined_audio_leaves_no_file_and_keeps_an_existing_one(store, long_round, out_dir):
    out = out_dir / "r.wav"
    with pytest.raises(Cancelled):
        cancel, seen, progress = _cancel_after(2)
        export_session(store, long_round, "wav", out, progress=progress, cancel=cancel)
    assert len(seen) == 2  # stopped at the next block, not at the end
    assert _leftovers(out_dir) == []
    out.write_bytes(b"an earlier export")
    with pytest.raises(Cancelled):
        cancel, seen, progress = _cancel_after(4)
        export_session(store, long_round, "wav", out, force=True, progress=progress, cancel=cancel)
    assert out.read_bytes() == b"an earlier export" and _leftovers(out_dir) == ["r.wav"]


def test_cancelled_split_audio_leaves_no_files_and_no_folder(store, long_round, out_dir):
    folder = out_dir / "split"
    cancel, seen, progress = _cancel_after(5)  # after the first recording was complete
    with pytest.raises(Cancelled):
        export_session(store, long_round, "wav", folder, split=True, progress=progress, cancel=cancel)
    assert not folder.exists() and _leftovers(out_dir) == []
    files = export_session(store, long_round, "wav", folder, split=True).files
    assert len(files) == 4 and _leftovers(folder) == sorted(p.name for p in files)


@pytest.mark.parametrize("fmt", ["md", "html", "json"])
def test_text_exports_report_steps_and_cancel_cleanly(store, long_round, out_dir, fmt):
    seen = []
    out = export_session(store, long_round, fmt, out_dir / f"r.{fmt}", progress=lambda d, t: seen.append((d, t))).path
    assert seen == [(1, 3), (2, 3), (3, 3)] and out.stat().st_size > 0
    cancel, _, progress = _cancel_after(2)
    with pytest.raises(Cancelled):
        export_session(store, long_round, fmt, out_dir / f"again.{fmt}", progress=progress, cancel=cancel)
    assert _leftovers(out_dir) == [f"r.{fmt}"] and not partial_name(out_dir / f"again.{fmt}").exists()
