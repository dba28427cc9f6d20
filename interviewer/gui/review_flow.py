"""Opening a stored round for review, playing its audio, exporting it.

A mixin of MainWindow (it uses the window's services, banner, store and screens)."""
from __future__ import annotations

from pathlib import Path

from interviewer.core.scripts.model import RoundScript
from interviewer.gui.workers import post_to_gui, run_in_background


class ReviewFlow:
    def script_by_id(self, script_id: str) -> RoundScript | None:
        return next((s for s in self.scripts if s.id == script_id), None)

    def load_session(self, session_id: int):
        store = self.store()
        if store is None:
            return None
        try:
            return store.get_session(session_id)
        except Exception as exc:
            self.banner.show_message(f"Could not open session {session_id}: {exc}")
            return None

    def open_review(self, session_id: int) -> None:
        session = self.load_session(session_id)
        if session is None:
            return
        missing = []
        try:
            missing = self.store().missing_audio(session)
        except Exception:
            pass
        self.review_screen.show_session(session, self.script_by_id(session.script_id), missing)
        self.show_screen("review")
        self.transcribe_missing_answers(session)

    # -- recordings without a transcript --------------------------------------------------
    def transcribe_missing_answers(self, session) -> None:
        """Catch up on recordings with no transcript (answers recorded while the model was
        loading or had failed, or when the app crashed mid-answer; spoken debrief answers saved
        before the model was ready), in the background; the review and debrief refresh after."""
        from interviewer.app.backfill import has_work, transcribe_missing

        store = self.store()
        if store is None or getattr(store, "read_only", False) or session.id in self._backfill_sessions:
            return
        if self._debrief_recording is not None:  # its file is still being written
            self._backfill_waiting = session.id
            return
        pending = has_work(store, session)
        if not pending:
            return
        count = f"{pending} recording{'s' if pending != 1 else ''}"
        if not (self.model_status.ready and self.services.transcribe_file):
            self._backfill_waiting = session.id  # picked up by model_ready_for_backfill
            self.banner.show_message(f"{count} of this round {'have' if pending != 1 else 'has'} no transcript "
                                     "yet; they will be transcribed when the speech model is ready.", "info")
            return
        transcribe, model = self.services.transcribe_file, self.model_status.model
        script = self.script_by_id(session.script_id)
        self._backfill_sessions.add(session.id)
        self.banner.show_message(f"Transcribing {count} that have no transcript yet...", "info")

        def work():
            return transcribe_missing(store, session, script, lambda path: transcribe(path, model))

        def done(result) -> None:
            self._backfill_sessions.discard(session.id)
            self.banner.show_message(result.message, "warning" if result.failed or result.debrief_failed else "info")
            shown = self.review_screen.session
            if result.transcribed and shown is not None and shown.id == session.id:
                fresh = self.load_session(session.id)
                if fresh is not None:
                    self.review_screen.show_session(fresh, script, store.missing_audio(fresh))
            debrief = self.debrief_screen.session
            if result.debrief_texts and debrief is not None and debrief.id == session.id:
                for index, item in enumerate(self.debrief_screen.items):
                    text = result.debrief_texts.get(item.entry_id)
                    if text and not item.text.toPlainText().strip():  # never overwrite what was typed
                        self.debrief_screen.append_text(index, text)

        def failed(exc: BaseException) -> None:
            self._backfill_sessions.discard(session.id)
            self.banner.show_message(f"Recordings without a transcript could not be transcribed: {exc}. "
                                     "The recordings are kept.", "warning")

        run_in_background(work, done, failed)

    def model_ready_for_backfill(self) -> None:
        """The speech model became ready: transcribe what the open review or debrief waits for."""
        waiting, self._backfill_waiting = self._backfill_waiting, None
        shown = [s for s in (self.review_screen.session, self.debrief_screen.session) if s is not None]
        if waiting is not None and any(s.id == waiting for s in shown):
            fresh = self.load_session(waiting)
            if fresh is not None:
                self.transcribe_missing_answers(fresh)

    def play_answer(self, answer_id: int, start: float) -> None:
        """Play an answer's recording from `start` seconds, off the GUI thread."""
        answer = None
        for session in (self.review_screen.session, self.debrief_screen.session):
            if session is not None:
                answer = answer or next((a for a in session.answers if a.id == answer_id), None)
        store = self.store()
        path = store.audio_file(answer.audio_path) if (answer and store and answer.audio_path) else None
        if path is None:
            self.banner.show_message("The recording of this answer is missing, so it cannot be played.", "warning")
            return
        if self.services.play_audio is None:
            self.banner.show_message("Audio playback is not available.", "warning")
            return
        self.stop_playback()
        play = self.services.play_audio
        self.review_screen.set_playing(f"Playing from {start:.1f} s")

        def started(handle) -> None:
            self.playback = handle

        def failed(exc: BaseException) -> None:
            self.review_screen.set_playing("")
            self.banner.show_message(f"Could not play the recording: {exc}", "warning")

        def ended(error: str | None) -> None:  # on the playback thread
            post_to_gui(lambda: self._playback_ended(error))

        run_in_background(lambda: play(path, max(0.0, start - 0.3), on_done=ended), started, failed)

    def _playback_ended(self, error: str | None) -> None:
        self.review_screen.set_playing("")
        if error:
            self.banner.show_message(error, "warning")

    # ------------------------------------------------------------------ export

    def _ask_export(self, session_id: int, fmt: str) -> None:
        from PySide6.QtWidgets import QFileDialog

        from interviewer.export import default_output

        suggested = str(Path.home() / default_output(session_id, fmt).name)
        path, _ = QFileDialog.getSaveFileName(self, "Export the round", suggested)
        if path:
            self.export_session(session_id, fmt, Path(path))

    def export_session(self, session_id: int, fmt: str, out: Path) -> None:
        """Write an export; off the GUI thread except PDF, which Qt lays out on this thread."""
        store = self.store()
        if store is None:
            return
        from interviewer.export import export_session
        from interviewer.gui.pdf import render_pdf

        def done(result) -> None:
            note = f" ({'; '.join(result.warnings)})" if result.warnings else ""
            self.banner.show_message(f"Exported to {result.path}{note}.", "info")
            self.last_export = result

        def failed(exc: BaseException) -> None:
            self.banner.show_message(f"The export failed: {exc}")

        if fmt == "pdf":
            try:
                done(export_session(store, session_id, fmt, out, render_pdf=render_pdf))
            except Exception as exc:
                failed(exc)
            return
        run_in_background(lambda: export_session(store, session_id, fmt, out), done, failed)

    def stop_playback(self) -> None:
        if self.playback is not None:
            self.playback.stop()
            self.playback = None
        self.last_export = None
        self.review_screen.set_playing("")
