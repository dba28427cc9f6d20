"""An imported recording is reviewed and exported as a recording: a new-user run read
"[00:00] Interviewer: Recording interview.wav" in the review (the interviewer said no such
thing), "Opening prompt, asked at 0:00.0" in the exports, and "The round's question script was
not found" for a recording that never had one."""
from __future__ import annotations

import numpy as np
import soundfile as sf

from interviewer.app.import_recording import import_recording
from interviewer.export import export_session
from interviewer.storage import Store

from gui_fakes import transcript_of


def test_an_imported_recording_is_named_as_one_in_the_review_and_the_exports(qapp, isolated_dirs, tmp_path):
    from interviewer.gui.review_screen import ReviewScreen

    wav = tmp_path / "interview.wav"
    sf.write(wav, np.zeros(16000 * 3, dtype="float32"), 16000)
    words = transcript_of("Tell me about a conflict. Sure, I listened first and we shipped in two weeks.")
    with Store.open(tmp_path / "data") as store:
        sid = import_recording(store, wav, lambda path, progress, cancel: words)
        session = store.get_session(sid)
        screen = ReviewScreen()
        screen.show_session(session, None)
        text = screen.transcript.toPlainText()
        assert "[00:00] Recording interview.wav" in text and "Interviewer: Recording" not in text
        assert screen.coverage.status.text() == ("An imported recording has no question script, so it has no "
                                                 "talking points to check.")
        exported = export_session(store, sid, "md", tmp_path / "out.md").path.read_text()
    assert "_Imported recording, from 00:00_" in exported and "Opening prompt" not in exported
    assert "An imported recording has no question script" in exported and "was not found" not in exported
