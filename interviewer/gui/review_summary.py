"""The review's ten-second summary: three things that went well and three to work on, each a
link to the moment it is about (a click plays it). The lines are core/analysis/ten_seconds.py's,
the same every export prints; this only marks them up."""
from __future__ import annotations

import html
from typing import Any, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from interviewer.app.labels import clock_text
from interviewer.core.analysis.ten_seconds import HEADING, NOTE, Highlight, ten_seconds
from interviewer.gui import theme
from interviewer.gui.links_label import LinksLabel

class TenSecondSummary(QWidget):
    """Two short columns at the top of the review; `link_clicked` carries "play:answer:start" or
    "time:round_seconds"."""

    link_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tenSeconds")
        self.setAccessibleName(HEADING)
        self.strengths = LinksLabel()
        self.fixes = LinksLabel()
        for label, name in ((self.strengths, "Went well"), (self.fixes, "To work on")):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                          | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
            # Tab reaches the links (a label without one is no Tab stop), Enter plays.
            label.setAccessibleName(name)
            label.linkActivated.connect(self.link_clicked)
            label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        heading = QLabel(HEADING)
        heading.setProperty("role", "heading")
        columns = QHBoxLayout()
        columns.setSpacing(theme.SPACE_XL)
        columns.addWidget(self.strengths, 1)
        columns.addWidget(self.fixes, 1)
        self._heading_row = QHBoxLayout()
        self._heading_row.addWidget(heading)
        self._heading_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._heading_row)
        layout.addLayout(columns)
        self._session: Any = None
        self._coverage: Sequence = ()
        self._missed_areas: Sequence[str] = ()
        self._areas: Any = None
        theme.notifier().changed.connect(self._theme_changed)

    def set_corner(self, widget: QWidget) -> None:
        """A small widget at the right of the heading's line (the review's "Playing from ...")."""
        self._heading_row.addWidget(widget)

    def show_session(self, session: Any, coverage: Sequence = (), missed_areas: Sequence[str] = (),
                     areas: Any = None) -> None:
        """`coverage`: the round's talking points once matched (they come later, off the GUI thread),
        with `missed_areas`, the topic areas the round missed (weak_spots.RoundContent.missed), and
        `areas`, the round's area results, which say why (weak_spots.missed_reason)."""
        self._session, self._coverage, self._missed_areas, self._areas = session, coverage, missed_areas, areas
        t = theme.current()
        good, bad = ten_seconds(session, coverage, missed_areas, areas)
        self.good, self.bad = good.items, bad.items
        self.strengths.setText(self._column(good.title, "star", t.good_text, good.items, good.empty)
                               + "".join(f"<p><i>{NOTE}:</i> <a href='{h.link()}' style='color:{t.accent}'>"
                                         f"{clock_text(h.round_time)}</a> {_heading(h)}{html.escape(h.message)}</p>"
                                         for h in good.notes))
        self.fixes.setText(self._column(bad.title, "fix", t.problem_text, bad.items, bad.empty))

    def _theme_changed(self, _theme) -> None:
        if self._session is not None:
            self.show_session(self._session, self._coverage, self._missed_areas, self._areas)

    @staticmethod
    def _column(title: str, icon: str, colour: str, items: list[Highlight], empty: str) -> str:
        rows = "".join(
            f"<li><a href='{h.link()}' style='color:{theme.current().accent}'>{clock_text(h.round_time)}</a> "
            f"{_heading(h)}{html.escape(h.message)}{_elsewhere(h)}</li>" for h in items)
        body = f"<ol style='margin-left:12px'>{rows}</ol>" if items else f"<p>{html.escape(empty)}</p>"
        return f"<p style='color:{colour}'>{theme.icon_html(icon, colour, 16)}&nbsp;<b>{title}</b></p>{body}"


def _elsewhere(h: Highlight) -> str:
    return f" <i>{html.escape(h.more)}</i>" if h.more else ""


def _heading(h: Highlight) -> str:
    """"<b>Label</b>: " before the message, or nothing where the message says its label."""
    return f"<b>{html.escape(h.heading)}</b>: " if h.heading else ""
