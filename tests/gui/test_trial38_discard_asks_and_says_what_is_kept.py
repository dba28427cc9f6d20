"""Trial 38 item 10: discarding an interrupted round asked with a box whose text was only "It
leaves Home and Progress; its recordings stay in the data folder ..." (no window manager, so no
title bar carried the question), and the banner after it said "its recordings are kept" for a
round with no microphone, in which nothing had been recorded. The question now opens the text,
and what is kept is said from what the round holds (Store.has_recordings)."""
from __future__ import annotations

import numpy as np

from interviewer.app.services import AppServices, ScriptList
from interviewer.gui.main_window import MainWindow
from interviewer.storage import Store
from interviewer.storage.wav_writer import CrashSafeWavWriter


def _interrupted_round(data, with_sound: bool) -> int:
    store = Store.open(data)
    sid = store.create_session("test-design", "Design a feed ranker", "ml_system_design", 45)
    answer = store.add_answer(sid, "feed", "Design a feed.", answer_start=1.0)
    if with_sound:
        writer = CrashSafeWavWriter(store.audio_path_for(sid, answer))
        writer.write(np.zeros(32000, dtype=np.float32))
        writer.close()
    store.close()
    return sid


def _discard(qtbot, data, confirmations):
    window = MainWindow(AppServices(load_scripts=lambda: ScriptList(), open_store=lambda: Store.open(data)))
    qtbot.addWidget(window)
    window.refresh_sessions()
    banner_at_start = window.banner.text
    home = window.home
    home.recent_list.setCurrentRow(0)
    home.discard_button.click()
    return window, banner_at_start


def test_a_round_with_nothing_recorded_is_not_said_to_keep_recordings(qtbot, isolated_dirs, tmp_path, confirmations):
    data = tmp_path / "data"
    _interrupted_round(data, with_sound=False)
    window, at_start = _discard(qtbot, data, confirmations)
    assert "recordings were kept" not in at_start and "nothing had been recorded in it" in at_start
    [text] = confirmations.texts
    assert text.startswith("Discard the interrupted round?"), text
    assert "nothing was recorded in it" in text and "recordings stay" not in text
    assert "discarded" in window.banner.text and "recordings are kept" not in window.banner.text
    assert "nothing had been recorded in it" in window.banner.text


def test_a_round_with_sound_keeps_its_recordings(qtbot, isolated_dirs, tmp_path, confirmations):
    data = tmp_path / "data"
    _interrupted_round(data, with_sound=True)
    window, at_start = _discard(qtbot, data, confirmations)
    assert "its recordings were kept" in at_start
    [text] = confirmations.texts
    assert text.startswith("Discard the interrupted round?") and "its recordings stay in the data folder" in text
    assert "its recordings are kept" in window.banner.text
