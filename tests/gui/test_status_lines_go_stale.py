"""Trial 39 item 9: status lines stayed after they stopped being true. "Exported to ..." stayed
under Export after the round was analysed again and while a clip played; the import banner
followed the user to Progress; the debrief's footer said "Debrief saved." under answers
changed since."""
from __future__ import annotations

from pathlib import Path

from test_round import play_to_review


def test_the_export_note_goes_when_a_clip_plays_or_the_round_is_analysed_again(qtbot, isolated_dirs, script_dirs,
                                                                                tmp_path):
    window = play_to_review(qtbot, script_dirs, tmp_path)
    review = window.review_screen
    review.export_note.set_note("Exported to /tmp/round3.wav.")
    review.set_playing("Playing from 00:10")
    assert review.export_note.note() == ""
    review.set_playing("")
    review.export_note.set_note("Exported to /tmp/round3.wav.")
    window.review.reanalyse([window.last_session_id])
    qtbot.waitUntil(lambda: window.review.reanalyse_job is not None and window.review.reanalyse_job.finished,
                    timeout=10000)
    qtbot.waitUntil(lambda: review.export_note.note() == "", timeout=5000)


def test_the_import_message_stays_with_its_review(qtbot, isolated_dirs, script_dirs, tmp_path, monkeypatch):
    import interviewer.app.import_recording as importing

    window = play_to_review(qtbot, script_dirs, tmp_path)
    sid = window.last_session_id
    monkeypatch.setattr(importing, "import_recording", lambda *a, **k: sid)
    window.services.transcribe_file = lambda *a, **k: None
    window.review.import_recording(Path(tmp_path / "imp.wav"))
    qtbot.waitUntil(lambda: window.banner.text.startswith("Imported imp.wav."), timeout=5000)
    qtbot.waitUntil(lambda: window.current_screen_key() == "review", timeout=5000)
    assert window.banner.text.startswith("Imported imp.wav.")  # on its review
    window.go_to("progress")
    assert window.banner.text == ""


def test_the_debrief_footer_says_when_answers_changed_since_saving(qtbot, isolated_dirs, script_dirs, tmp_path):
    window = play_to_review(qtbot, script_dirs, tmp_path, step=40.0)
    window.review_screen.debrief_button.click()
    debrief = window.debrief_screen
    debrief.items[0].text.setPlainText("I hesitated on the latency question.")
    debrief.save()
    assert debrief.status.text() == "Debrief saved."
    debrief.items[0].text.setPlainText("I hesitated on the latency question, and on serving.")
    assert debrief.status.text() != "Debrief saved." and "Unsaved" in debrief.status.text()
    debrief.items[0].text.setPlainText("I hesitated on the latency question.")  # back as saved
    assert debrief.status.text() == ""
