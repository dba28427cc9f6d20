"""The debrief's actions: saving answers and ratings, recording and transcribing spoken answers.

A mixin of MainWindow (it uses the window's services, banner, store, model status and screens)."""
from __future__ import annotations

from interviewer.gui.debrief_screen import DebriefAnswer
from interviewer.gui.workers import run_in_background


class DebriefFlow:
    def open_debrief(self, session_id: int) -> None:
        session = self.load_session(session_id)
        if session is None:
            return
        self.debrief_screen.show_session(session)
        self.show_screen("debrief")
        self.transcribe_missing_answers(session)  # spoken answers saved before the model was ready

    def save_debrief(self, answers: list[DebriefAnswer]) -> bool:
        store, session = self.store(), self.debrief_screen.session
        if store is None or session is None:
            self.banner.show_message("The debrief cannot be saved: sessions are not available.")
            return False
        ids = []
        try:
            for a in answers:
                if a.entry_id is None:
                    ids.append(store.add_debrief(session.id, a.prompt, a.text, a.rating)
                               if (a.text or a.rating) else None)
                else:
                    store.update_debrief(a.entry_id, a.text, a.rating)
                    ids.append(a.entry_id)
        except Exception as exc:  # disk full, read-only folder: the text stays in the window
            self.banner.show_message(f"The debrief could not be saved: {exc}. Your answers are still "
                                     "in the window; free some space and press Save again.")
            return False
        self.debrief_screen.set_entry_ids(ids)
        self.debrief_screen.status.setText("Debrief saved.")
        return True

    def record_debrief(self, index: int, start: bool) -> None:
        if start:
            self._start_debrief_recording(index)
        else:
            self._stop_debrief_recording()

    def _start_debrief_recording(self, index: int) -> None:
        self._stop_debrief_recording()
        store, session = self.store(), self.debrief_screen.session
        item = self.debrief_screen.items[index]
        if store is None or session is None or self.services.make_recorder is None:
            self.debrief_screen.set_recording(None)
            self.banner.show_message("Recording is not available here; type your answer instead.", "warning")
            return
        try:
            entry_id = store.add_debrief(session.id, item.prompt.text, item.text.toPlainText().strip(),
                                         item.rating(), with_audio=True)
            item.entry_id = entry_id
            path = store.debrief_audio_path(session.id, entry_id)
            recorder = self.services.make_recorder(self.services.settings)
            recorder.start(path)
        except Exception as exc:
            self.debrief_screen.set_recording(None)
            self.banner.show_message(f"Could not record: {exc}. Type your answer instead.", "warning")
            return
        self._debrief_recording = (index, recorder, path)
        self.debrief_screen.set_recording(index)

    def _stop_debrief_recording(self) -> None:
        if self._debrief_recording is None:
            return
        index, recorder, path = self._debrief_recording
        self._debrief_recording = None
        self.debrief_screen.set_recording(None)
        try:
            path = recorder.stop()
        except Exception as exc:
            self.banner.show_message(f"The recording did not close cleanly: {exc}", "warning")
        if not (self.model_status.ready and self.services.transcribe_file):
            self.banner.show_message("Your spoken answer is saved; it will be transcribed once the speech "
                                     "model is ready. You can also type it.", "warning")
            if self.debrief_screen.session is not None:
                self._backfill_waiting = self.debrief_screen.session.id  # see model_ready_for_backfill
            return
        transcribe, model = self.services.transcribe_file, self.model_status.model
        self.debrief_screen.status.setText("Transcribing your answer...")

        def done(transcript) -> None:
            self.debrief_screen.append_text(index, transcript.text)
            self.debrief_screen.status.setText("Transcribed. Press Save to keep it.")

        def failed(exc: BaseException) -> None:
            self.banner.show_message(f"Your spoken answer is saved but could not be transcribed: {exc}", "warning")

        run_in_background(lambda: transcribe(path, model), done, failed)
