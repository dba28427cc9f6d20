"""Self-debrief: prompts answered typed or spoken, each rated 1-5, with flagged moments to recall."""
from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from interviewer.core.debrief import DebriefPrompt, prompts_for
from interviewer.app.review_model import flagged_moments
from interviewer.gui.level_meter import LevelMeter
from interviewer.gui.screen_keys import DEBRIEF_KEYS, bind_screen_keys
from interviewer.gui.tab_order import chain_tabs
from interviewer.gui.task_progress import TaskProgress


@dataclass
class DebriefAnswer:
    prompt: str
    text: str
    rating: int | None
    entry_id: int | None  # store row, when already saved


UNSAVED_TEXT = "Unsaved changes: Save debrief (Ctrl+S) keeps them."


def _muted(text: str) -> QLabel:
    label = QLabel(text)
    label.setProperty("role", "muted")
    return label


class DebriefItem(QGroupBox):
    record_toggled = Signal()

    def __init__(self, prompt: DebriefPrompt, parent: QWidget | None = None) -> None:
        super().__init__(("Readiness: " if prompt.readiness else "") + prompt.text, parent)
        self.prompt = prompt
        self.entry_id: int | None = None
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText("Type your answer, or record it and it will be transcribed.")
        self.text.setFixedHeight(70)
        self.text.setTabChangesFocus(True)  # Tab went into the answer as a tab character: a keyboard trap
        self.text.setAccessibleName(f"Your answer: {prompt.text}")
        self.ratings = QButtonGroup(self)
        rating_row = QHBoxLayout()
        # The scale's ends are written out: with bare 1-5 under "Where did you hesitate?" a new
        # user could not tell whether 5 meant "hesitated a lot" or "went well" (trial 6).
        # Each prompt's own scale (core/debrief.py): "how well it went" under "Where did you
        # overexplain?" did not fit (trial 13).
        scale = prompt.scale
        rating_row.addWidget(QLabel(f"Self-rating, {scale.measures}:"))
        rating_row.addWidget(_muted(scale.label(1)))
        for value in range(1, 6):
            button = QRadioButton(str(value))
            button.setToolTip(scale.label(value))
            button.setAccessibleName(f"Self-rating {value} of 5, {scale.measures}: {scale.label(value)}")
            self.ratings.addButton(button, value)
            button.installEventFilter(self)  # arrows select, as in a native radio group
            rating_row.addWidget(button)
        rating_row.addWidget(_muted(scale.label(5)))
        rating_row.addStretch(1)
        # Record has a row of its own, with the level meter: beside the ratings it made each
        # prompt 610 px wide, and at 1024x640 the prompts scrolled sideways, Record cut off.
        self.record_button = QPushButton("Record answer")
        self.record_button.setCheckable(True)
        self.record_button.setAccessibleDescription(f"Record a spoken answer to: {prompt.text}")
        self.record_button.clicked.connect(self.record_toggled)
        # While recording, the level the microphone hears (the round's meter): without it a
        # user could not tell that the microphone heard them (trial).
        self.meter = LevelMeter()
        self.meter.setAccessibleName(f"Microphone level while recording: {prompt.text}")
        self.meter_row = QWidget()
        meter_layout = QHBoxLayout(self.meter_row)
        meter_layout.setContentsMargins(0, 0, 0, 0)
        meter_layout.addWidget(_muted("Microphone level"))
        meter_layout.addWidget(self.meter, 1)
        self.meter_row.hide()
        record_row = QHBoxLayout()
        record_row.addWidget(self.record_button)
        record_row.addWidget(self.meter_row, 1)
        record_row.addStretch(0)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addLayout(rating_row)
        layout.addLayout(record_row)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt API)
        """Left/Up and Right/Down choose the previous or next rating and move the focus there:
        with none chosen yet Qt's arrows only moved the focus (trial 19), unlike a native radio
        group, where the arrows select."""
        steps = {Qt.Key.Key_Left: -1, Qt.Key.Key_Up: -1, Qt.Key.Key_Right: 1, Qt.Key.Key_Down: 1}
        if (event.type() == QEvent.Type.KeyPress and watched in self.ratings.buttons()
                and event.key() in steps and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier):
            # With none chosen the first arrow chooses the focused rating (Tab lands on 1):
            # stepping from it made Tab, Right choose 2 (trial 23).
            step = steps[event.key()] if self.rating() is not None else 0
            value = min(5, max(1, self.ratings.id(watched) + step))
            chosen = self.ratings.button(value)
            chosen.setChecked(True)
            chosen.setFocus(Qt.FocusReason.TabFocusReason)
            return True
        return super().eventFilter(watched, event)

    def rating(self) -> int | None:
        value = self.ratings.checkedId()
        return value if value > 0 else None

    def set_rating(self, value: int | None) -> None:
        button = self.ratings.button(value) if value else None
        if button is not None:
            button.setChecked(True)
        else:
            self.ratings.setExclusive(False)
            for b in self.ratings.buttons():
                b.setChecked(False)
            self.ratings.setExclusive(True)


class DebriefScreen(QWidget):
    save_requested = Signal(object)  # list[DebriefAnswer]
    record_requested = Signal(int, bool)  # prompt index, start (True) or stop (False)
    play_requested = Signal(int, float)  # answer id, seconds into its audio
    review_requested = Signal(int)  # session id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session: Any = None
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.moments = QListWidget()
        self.moments.setMinimumWidth(160)  # the answers get the room on a narrow window
        self.moments.setAccessibleName("Moments to recall")
        self.moments.setAccessibleDescription("Flagged moments of the round; Enter or a click plays one.")
        self.moments.setWordWrap(True)  # long moments wrap instead of scrolling sideways
        self.moments.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.moments.itemClicked.connect(self._moment_clicked)
        self.moments.itemActivated.connect(self._moment_clicked)
        self.items: list[DebriefItem] = []
        form = QWidget()
        self._form_layout = QVBoxLayout(form)
        self._form_layout.addStretch(1)  # the prompts are made when a round is shown (they fit its kind)
        scroll = self._scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(form)

        moments_box = self._moments_box = QWidget()
        ml = QVBoxLayout(moments_box)
        ml.setContentsMargins(0, 0, 0, 0)
        moments_title = QLabel("<b>Moments to recall</b> (Enter or click to listen)")
        moments_title.setWordWrap(True)  # wraps where the prompts need the room
        ml.addWidget(moments_title)
        ml.addWidget(self.moments)
        splitter = self._splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(scroll)
        splitter.addWidget(moments_box)
        splitter.setSizes([650, 400])

        # The recording's level in dBFS, written by the recorder's thread and read by a timer on
        # the GUI thread (as the Check screen's meter): no widget is touched from the audio thread.
        self.level_dbfs = 0.0
        self._meter_timer = QTimer(self)
        self._meter_timer.setInterval(50)
        self._meter_timer.timeout.connect(self._show_level)
        self._metered: DebriefItem | None = None

        self.status = QLabel()
        self.save_button = QPushButton("Save debrief (Ctrl+S)")
        self.save_button.clicked.connect(self.save)
        bind_screen_keys(self, DEBRIEF_KEYS)
        review_button = self.review_button = QPushButton("Back to review")
        review_button.clicked.connect(lambda: self.session and self.review_requested.emit(self.session.id))
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(review_button)
        bottom.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(splitter, 1)
        self.transcribe_progress = TaskProgress()  # a spoken answer being transcribed, with Cancel
        layout.addWidget(self.transcribe_progress)
        layout.addLayout(bottom)

    def show_session(self, session: Any, script: Any = None) -> None:
        """`script`: the round's (core.scripts.model.RoundScript), which says where the candidate
        asked their own questions (no answer to recall for its length); None when not known."""
        self.session = session
        self.title.setText(f"<h2>Debrief: {html.escape(session.title)}</h2>"
                           "Answer honestly; your ratings are compared with the measured numbers in Progress.")
        saved = {d.prompt: d for d in session.debrief}
        # The prompts that fit this kind of round, and any saved answer to another prompt (kept).
        prompts = list(prompts_for(session.kind))
        asked = {p.text for p in prompts}
        prompts += [DebriefPrompt(f"saved-{d.id}", d.prompt) for d in session.debrief if d.prompt not in asked]
        self._set_prompts(prompts)
        for item in self.items:
            entry = saved.get(item.prompt.text)
            item.entry_id = entry.id if entry else None
            item.text.setPlainText(entry.text if entry else "")
            item.set_rating(entry.self_rating if entry else None)
            item.record_button.setChecked(False)
            item.record_button.setText("Record answer")
        self.moments.clear()
        for moment in flagged_moments(session, script=script):
            row = QListWidgetItem(moment.message)
            row.setData(Qt.ItemDataRole.UserRole, (moment.answer_id, moment.start))
            self.moments.addItem(row)
        if not self.moments.count():
            # Moments are filler clusters, long silences, long answers and questions you said you
            # did not know or left unanswered only: the review may still list things to work on.
            self.moments.addItem(QListWidgetItem(
                "No filler clusters, long silences, long answers, or questions you didn't know or left unanswered "
                "to recall in this round; "
                "the review lists what else to work on."))
        self.status.clear()
        self.mark_saved()

    def _state(self) -> list[tuple[str, int | None]]:
        return [(i.text.toPlainText().strip(), i.rating()) for i in self.items]

    def mark_saved(self) -> None:
        """What the window shows now is what is stored."""
        self._saved_state = self._state()

    def _edited(self, *_args) -> None:
        """The footer says what holds now: "Debrief saved." stayed under answers changed since,
        while the window asked whether to save them (trial 39)."""
        if self.has_unsaved_changes():
            self.status.setText(UNSAVED_TEXT)
        elif self.status.text() == UNSAVED_TEXT:
            self.status.clear()

    def has_unsaved_changes(self) -> bool:
        return self.session is not None and self._state() != getattr(self, "_saved_state", [])

    def _set_prompts(self, prompts) -> None:
        if [i.prompt for i in self.items] == list(prompts):
            return
        for item in self.items:
            self._form_layout.removeWidget(item)
            item.deleteLater()
        self.items = []
        for i, prompt in enumerate(prompts):
            item = DebriefItem(prompt)
            item.record_toggled.connect(lambda i=i: self._record(i))
            item.text.textChanged.connect(self._edited)
            item.ratings.idToggled.connect(self._edited)
            self.items.append(item)
            self._form_layout.insertWidget(i, item)
        self._fit_prompts()
        # As read: the prompts (left, top to bottom), the moments (right), then the buttons below.
        # Made per round, the prompts joined the chain last: Tab went to Save before them.
        chain_tabs(self._scroll, *(w for item in self.items
                                   for w in (item.text, *item.ratings.buttons(), item.record_button)),
                   self.moments, self.transcribe_progress.cancel_button, self.review_button, self.save_button)

    def _fit_prompts(self) -> None:
        """The prompts' column as wide as a prompt needs where the moments list can give way: the
        splitter gave the moments their share first and the prompts scrolled sideways, Record
        answer cut off (1024x640). Not a minimum width: at 200 % a prompt is wider than the
        screen, which then needed more than the window (the prompts scroll sideways there)."""
        sizes = self._splitter.sizes()
        need = (self._scroll.widget().minimumSizeHint().width() + self._scroll.verticalScrollBar().sizeHint().width()
                + 2 * self._scroll.frameWidth())
        total = sum(sizes)
        if len(sizes) == 2 and total > 0 and sizes[0] < need:
            left = min(need, total - self._moments_box.minimumSizeHint().width())
            if left > sizes[0]:
                self._splitter.setSizes([left, total - left])

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        QTimer.singleShot(0, self._fit_prompts)  # once the splitter has shared out its new width

    def answers(self) -> list[DebriefAnswer]:
        return [DebriefAnswer(i.prompt.text, i.text.toPlainText().strip(), i.rating(), i.entry_id)
                for i in self.items]

    def save(self) -> None:
        self.save_requested.emit(self.answers())

    def set_entry_ids(self, ids: list[int | None]) -> None:
        for item, entry_id in zip(self.items, ids):
            item.entry_id = entry_id

    def append_text(self, index: int, text: str) -> None:
        item = self.items[index]
        current = item.text.toPlainText().strip()
        item.text.setPlainText((current + " " + text).strip() if current else text)

    def set_recording(self, index: int | None) -> None:
        """Prompt `index` is being recorded (None: none is): its button and level meter say so."""
        self.level_dbfs = 0.0
        self._metered = None
        for i, item in enumerate(self.items):
            on = i == index
            item.record_button.setChecked(on)
            item.record_button.setText("Stop recording" if on else "Record answer")
            item.meter.set_level(0.0)
            item.meter_row.setVisible(on)
            if on:
                self._metered = item
        if self._metered is not None:
            self._meter_timer.start()
        else:
            self._meter_timer.stop()

    def _show_level(self) -> None:
        if self._metered is not None:
            self._metered.meter.set_level(self.level_dbfs)

    def _record(self, index: int) -> None:
        self.record_requested.emit(index, self.items[index].record_button.isChecked())

    def _moment_clicked(self, item: QListWidgetItem) -> None:
        data = item.data(Qt.ItemDataRole.UserRole)
        if data:
            self.play_requested.emit(int(data[0]), float(data[1]))
