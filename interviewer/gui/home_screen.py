"""Home: pick a round (bundled and user scripts, filtered by kind), see recent sessions, start."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from interviewer.core.scripts.model import ROUND_KINDS, RoundScript
from interviewer.app.labels import kind_label, minutes_text

ALL_KINDS = ""


class HomeScreen(QWidget):
    start_requested = Signal(object)  # RoundScript
    check_requested = Signal(object)  # RoundScript: go through the device check first
    session_opened = Signal(object)  # session id
    session_discarded = Signal(object)  # session id (an interrupted round the user gives up)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._scripts: list[RoundScript] = []

        title = QLabel("<h2>Practice a round</h2>")
        self.kind_filter = QComboBox()
        self.kind_filter.addItem("All kinds", ALL_KINDS)
        for kind in ROUND_KINDS:
            self.kind_filter.addItem(kind_label(kind), kind)
        self.kind_filter.currentIndexChanged.connect(self._refill)

        self.round_list = QListWidget()
        self.round_list.setObjectName("roundList")
        self.round_list.currentItemChanged.connect(self._show_details)
        self.round_list.itemDoubleClicked.connect(lambda _item: self._start())

        self.details = QTextBrowser()
        self.details.setAccessibleName("Round details")
        self.details.setOpenLinks(False)
        self.check_button = QPushButton("Check devices, then start")
        self.check_button.clicked.connect(self._check)
        self.start_button = QPushButton("Start round")
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self._start)

        self.recent_list = QListWidget()
        self.recent_list.setObjectName("recentSessions")
        self.recent_list.itemActivated.connect(self._open_session)
        self.recent_list.itemDoubleClicked.connect(self._open_session)
        self.recent_list.currentItemChanged.connect(lambda *_: self._update_session_buttons())
        self.open_session_button = QPushButton("Review")
        self.open_session_button.clicked.connect(lambda: self.recent_list.currentItem()
                                                 and self._open_session(self.recent_list.currentItem()))
        self.discard_button = QPushButton("Discard interrupted round")
        self.discard_button.clicked.connect(self._discard)
        self.progress_label = QLabel()
        self.progress_label.setWordWrap(True)
        self.problems_label = QLabel()
        self.problems_label.setWordWrap(True)
        self.problems_label.setStyleSheet("color:#7a1c16;")
        self.problems_label.hide()

        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(QLabel("Kind:"))
        top.addWidget(self.kind_filter)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.details, 3)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.check_button)
        buttons.addWidget(self.start_button)
        right_layout.addLayout(buttons)
        right_layout.addWidget(QLabel("<b>Recent sessions</b>"))
        right_layout.addWidget(self.recent_list, 2)
        session_buttons = QHBoxLayout()
        session_buttons.addStretch(1)
        session_buttons.addWidget(self.discard_button)
        session_buttons.addWidget(self.open_session_button)
        right_layout.addLayout(session_buttons)
        right_layout.addWidget(self.progress_label)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.round_list)
        splitter.addWidget(right)
        splitter.setSizes([380, 620])

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.problems_label)
        self._update_buttons()
        self._interrupted: set = set()
        self._update_session_buttons()

    # ------------------------------------------------------------------ data in

    def set_scripts(self, scripts: list[RoundScript], problems: list[str] | None = None) -> None:
        self._scripts = list(scripts)
        if problems:
            shown = "<br>".join(_escape(p) for p in problems[:5])
            more = f"<br>... and {len(problems) - 5} more" if len(problems) > 5 else ""
            self.problems_label.setText(f"<b>Some question scripts could not be loaded:</b><br>{shown}{more}")
            self.problems_label.show()
        else:
            self.problems_label.hide()
        self._refill()

    def set_kind_filter(self, kind: str) -> None:
        index = self.kind_filter.findData(kind)
        self.kind_filter.setCurrentIndex(max(index, 0))

    def set_recent_sessions(self, rows: list[tuple[object, str]], progress_text: str = "",
                            interrupted: set | None = None) -> None:
        """rows: (session id, one-line description), newest first."""
        self.recent_list.clear()
        self._interrupted = set(interrupted or ())
        for session_id, text in rows:
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, session_id)
            self.recent_list.addItem(item)
        self._update_session_buttons()
        if not rows:
            self.recent_list.addItem(QListWidgetItem("No sessions yet: your rounds will appear here."))
        self.progress_label.setText(progress_text)

    # ------------------------------------------------------------------ queries

    def visible_scripts(self) -> list[RoundScript]:
        return [self.round_list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.round_list.count())]

    def selected_script(self) -> RoundScript | None:
        item = self.round_list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def select_script(self, script_id: str) -> bool:
        for i in range(self.round_list.count()):
            if self.round_list.item(i).data(Qt.ItemDataRole.UserRole).id == script_id:
                self.round_list.setCurrentRow(i)
                return True
        return False

    # ------------------------------------------------------------------ internals

    def _refill(self) -> None:
        kind = self.kind_filter.currentData()
        previous = self.selected_script()
        self.round_list.clear()
        for script in self._scripts:
            if kind and script.kind != kind:
                continue
            origin = "" if script.bundled else "  (yours)"
            item = QListWidgetItem(f"{script.title}{origin}\n{kind_label(script.kind)} · {minutes_text(script.minutes)}")
            item.setData(Qt.ItemDataRole.UserRole, script)
            item.setToolTip(script.source)
            self.round_list.addItem(item)
        if not (previous and self.select_script(previous.id)) and self.round_list.count():
            self.round_list.setCurrentRow(0)
        if not self.round_list.count():
            self.details.setHtml("<p>No rounds of this kind. Choose another kind, or add your own "
                                 "script to the user scripts folder (see Settings).</p>")
        self._update_buttons()

    def _show_details(self, current: QListWidgetItem | None, _previous=None) -> None:
        self._update_buttons()
        if current is None:
            return
        script: RoundScript = current.data(Qt.ItemDataRole.UserRole)
        phases = "".join(
            f"<li>{_escape(p.name)}: {minutes_text(p.minutes)}"
            f"{' (ask clarifying questions)' if p.expects_clarifying else ''}</li>"
            for p in script.phases)
        self.details.setHtml(
            f"<h3>{_escape(script.title)}</h3>"
            f"<p>{kind_label(script.kind)} · {minutes_text(script.minutes)} · "
            f"{len(script.questions)} question{'s' if len(script.questions) != 1 else ''}</p>"
            f"<p>{_escape(script.description)}</p><p><b>Plan</b></p><ol>{phases}</ol>")

    def _update_buttons(self) -> None:
        has = self.round_list.currentItem() is not None
        self.start_button.setEnabled(has)
        self.check_button.setEnabled(has)

    def _start(self) -> None:
        script = self.selected_script()
        if script is not None:
            self.start_requested.emit(script)

    def _check(self) -> None:
        script = self.selected_script()
        if script is not None:
            self.check_requested.emit(script)

    def _update_session_buttons(self) -> None:
        item = self.recent_list.currentItem()
        session_id = item.data(Qt.ItemDataRole.UserRole) if item else None
        self.open_session_button.setEnabled(session_id is not None)
        self.discard_button.setVisible(session_id in getattr(self, "_interrupted", set()))

    def _discard(self) -> None:
        item = self.recent_list.currentItem()
        if item is not None and item.data(Qt.ItemDataRole.UserRole) is not None:
            self.session_discarded.emit(item.data(Qt.ItemDataRole.UserRole))

    def _open_session(self, item: QListWidgetItem) -> None:
        session_id = item.data(Qt.ItemDataRole.UserRole)
        if session_id is not None:
            self.session_opened.emit(session_id)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
