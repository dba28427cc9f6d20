"""Review: the transcript by question with fillers and pauses, findings, numbers, the timeline.

Clicking a word, a finding or a point on the timeline plays that answer's audio from there.
"""
from __future__ import annotations

import html
import re
import time
from typing import Any, Callable, Sequence

from PySide6.QtCore import QEvent, QPoint, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from interviewer.core.analysis.marks import pause_word, transcript_marks
from interviewer.core.analysis.phases import ENDED_EARLY_MIN_S
from interviewer.core.analysis.version import (ANALYSE_AGAIN_TEXT, ANALYSIS_VERSION, OLDER_ANALYSIS_TEXT,
                                               analysed_by_older_version)
from interviewer.core.time_left import questions_done_text
from interviewer.core.analysis.report import (DISFLUENCY_LEGEND, disfluency_count_text, finding_label,
                                              finding_round_time, finding_severity, finding_text)
from interviewer.core.practice_plan import shown_finding_label
from interviewer.core.analysis.summary import (DEPTH_HEADING, depth_line, finding_message, repeated_ask_parts,
                                               topics_missed_text, with_part)
from interviewer.core.round_plan import planned_spans
from interviewer.core.scripts.model import IMPORTED_KIND, RoundScript
from interviewer.core.transcript import join_words
from interviewer.app.labels import clock_text, kind_label, length_text
from interviewer.export.coverage_section import no_script_text
from interviewer.gui.coverage_checklist import CoverageChecklist
from interviewer.core.ask_labels import is_own_ask, label_for, line_label
from interviewer.gui.live_transcript import FILLER_STYLE
from interviewer.gui import text_fit, theme
from interviewer.gui.flow_layout import FlowLayout
from interviewer.gui.links_label import LinksLabel
from interviewer.gui.review_summary import TenSecondSummary
from interviewer.gui.screen_keys import REVIEW_KEYS, bind_screen_keys
from interviewer.app.review_model import RoundNumbers, fmt_seconds, fmt_wpm, last_moment, round_numbers
from interviewer.core.analysis.pace import NO_PACE_SHORT_WHY, no_pace_reason
from interviewer.gui.task_progress import TaskProgress
from interviewer.gui.text_fit import text_html
from interviewer.gui.timeline_widgets import (FINDING_STYLE, FINDING_WORDS, PlannedPhase, RoundTimelinePlot,
                                             TimelineData)
from interviewer.export.interviewer_lines import label_of, place_lines
from interviewer.export.report import no_words_text
from interviewer.storage import SessionStatus

_EMPTY_PARAGRAPH = re.compile(r"<p>\s*</p>")

PAUSE_STYLE = "color:#3f4650; background:#e6e8eb; border-radius:2px;"  # 8.6:1, readable in both themes
# Repetitions, cut-off words and restarts: underlined on their own highlight (its own text
# colour, so it reads the same in a light or a dark theme), apart from the fillers' one.
DISFLUENCY_STYLE = "background:#dce8fa; color:#163c73; text-decoration:underline; border-radius:2px;"


class _Transcript(QTextBrowser):
    """Tab and Shift+Tab leave the transcript. A QTextBrowser moves them from link to link, and
    every word here is a link to its moment: a keyboard user went word by word through the whole
    round and never reached the findings. The per-answer table and the findings play by Enter."""

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: A002 - Qt's name
        return QTextEdit.focusNextPrevChild(self, next)


class _ShortList(QListWidget):
    """A list that asks for five rows' height (QListWidget asks for 192 px), more when there is room."""

    def sizeHint(self):  # noqa: N802 (Qt API)
        hint = super().sizeHint()
        hint.setHeight(min(hint.height(), 5 * self.fontMetrics().lineSpacing() + 2 * self.frameWidth() + 8))
        return hint


class _FillingSplitter(QSplitter):
    """A splitter that asks for no more height than its minimum and fills what is left (stretch
    1 in its layout). Its preferred height (the panes' 468 px) made the review 864 px tall in a
    1280x720 window's 646 px page: the page scrolled and the tabs were under the fold.
    `user_sized` once the user drags its handle: the review then keeps their split.
    `resized` after each change of its size, with the new size laid out."""

    resized = Signal()

    def __init__(self, orientation: Qt.Orientation) -> None:
        super().__init__(orientation)
        self.user_sized = False
        self.splitterMoved.connect(self._moved)

    def _moved(self, *_args) -> None:
        self.user_sized = True

    def sizeHint(self):  # noqa: N802 (Qt API)
        hint = super().sizeHint()
        hint.setHeight(self.minimumSizeHint().height())
        return hint

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        self.resized.emit()


STACK_BELOW_PX = 900  # the review's width below which the side pane goes under the transcript
STACK_GAP_PX = 30
STACKED_TRANSCRIPT_PX = 260  # the transcript's height when stacked: a dozen lines
STACKED_SUMMARY_PX = 150  # the summary pane's when stacked: its heading and first items
ROUND_TAB = "Round and timeline"
# Said once, on the Round tab, for an imported recording (its review hides what needs a script).
IMPORTED_NO_SCRIPT = ("it has no question script, so there are no questions, parts or talking points "
                      "to measure it against, nor response times; the transcript, fillers, pace and "
                      "pauses are reviewed.")
TABS_MIN_HEIGHT = 225  # the tabs keep this much: a table's first rows, the first talking point at 1280x720
MIN_FINDING_ROWS = 3   # the findings list shows at least this many rows when it can
# What the findings and the per-answer table show before the summary above them gets more
# height: at 1280x800 the summary took most of it, 2 findings and 4 answers showed (trial 16).
WANTED_FINDING_ROWS = 6
WANTED_ANSWER_ROWS = 8
SUMMARY_MIN_LINES = 4  # the summary pane keeps its heading and about three lines
TRANSCRIPT_MIN_PX = 400  # beside the findings and tables, the transcript keeps this width
TRANSCRIPT_NARROW_PX = 340  # ... or this, when the per-answer table needs it not to scroll sideways


class _SideSplitter(QSplitter):
    """The findings list above the tabs, sized to its findings: as many rows as there are, while
    the tabs keep TABS_MIN_HEIGHT; at most half the height when both could use more. With fixed
    stretch factors the list had about 3 rows at 1280x800 (new-user trial 7) and the tabs 300 px.
    Once the user drags the handle, their split is kept."""

    def __init__(self, findings_box: QWidget, findings: QListWidget, tabs: QWidget) -> None:
        super().__init__(Qt.Orientation.Vertical)
        self.findings_box, self.findings_list, self.tabs = findings_box, findings, tabs
        self.addWidget(findings_box)
        self.addWidget(tabs)
        self.user_sized = False
        self.splitterMoved.connect(self._moved)

    def _moved(self, *_args) -> None:
        self.user_sized = True

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        self.fit()

    def keep_tabs_least(self) -> None:
        """The tabs keep the open Talking points' least height (it follows the text size and
        the width): with a fixed TABS_MIN_HEIGHT, 150 % text squeezed them instead of the page
        scrolling (trial 24)."""
        checklist = self.tabs.currentWidget()
        least = TABS_MIN_HEIGHT
        if isinstance(checklist, CoverageChecklist) and checklist.panes.isVisibleTo(checklist):
            least = max(least, self.tabs.tabBar().sizeHint().height() + checklist.least_height() + 4)
        if self.tabs.minimumHeight() != least:
            self.tabs.setMinimumHeight(least)

    def keep_findings_least(self) -> None:
        """The findings list keeps its first MIN_FINDING_ROWS rows' height, as wrapped at its width
        and the text size now: at 150 % text and 1280x800 the tabs' least height squeezed it to one
        finding at a time (new-user trial 29); the page scrolls instead."""
        listed = self.findings_list
        if listed.count() == 0 or listed.width() <= 0:
            return
        listed.doItemsLayout()
        rows = [max(listed.sizeHintForRow(i), listed.visualItemRect(listed.item(i)).height())
                for i in range(min(listed.count(), MIN_FINDING_ROWS))]
        least = sum(rows) + 2 * listed.frameWidth()
        if listed.minimumHeight() != least:
            listed.setMinimumHeight(least)

    def fit(self) -> None:
        self.keep_tabs_least()
        self.keep_findings_least()
        if self.user_sized or self.height() <= 0:
            return
        listed = self.findings_list
        # The rows as wrapped at the list's width: one-line hints left the last of them half cut
        # and the list a small box at 1600x1000 (trial 21).
        listed.doItemsLayout()
        rows = [max(listed.sizeHintForRow(i), listed.visualItemRect(listed.item(i)).height())
                for i in range(listed.count())]
        row = max(rows[:1] + [listed.fontMetrics().lineSpacing()])
        # The header and the legend above the list, at this width.
        layout = self.findings_box.layout()
        whole = layout.totalHeightForWidth(self.width()) if layout.hasHeightForWidth() else -1
        around = (whole if whole >= 0 else layout.sizeHint().height()) - listed.sizeHint().height()
        frame = 2 * listed.frameWidth()
        wanted = around + frame + sum(rows)
        room = self.height() - self.handleWidth()
        floor = around + frame + MIN_FINDING_ROWS * row
        # The findings get what the tabs leave once the table shows WANTED_ANSWER_ROWS rows.
        tabs_need = max(TABS_MIN_HEIGHT, self.tabs_need())
        checklist = self.checklist_need()
        if checklist:  # the Talking points tab: up to its rows, the findings keeping their least rows
            # (trial 35: all or nothing, a checklist wanting more than the room got the table's
            # share, its tree about two rows tall at 1600x1000).
            tabs_need = max(tabs_need, min(checklist, room - floor))
        box = max(floor, min(wanted, room - tabs_need))
        box = min(box, room - self.tabs.minimumSizeHint().height())
        # Short of the rows' whole height, the list ends at a row's end, not across one.
        whole = floor - MIN_FINDING_ROWS * row
        for height in rows:
            if whole + height > box:
                break
            whole += height
        if whole < around + frame + sum(rows):
            box = min(box, max(whole, floor))
        self.setSizes([box, room - box])

    def findings_need(self) -> int:
        """The findings' header, legend and WANTED_FINDING_ROWS rows (fewer if there are fewer)."""
        listed = self.findings_list
        listed.doItemsLayout()  # the rows as wrapped at the list's width now (the hint is one line)
        rows = [max(listed.sizeHintForRow(i), listed.visualItemRect(listed.item(i)).height())
                for i in range(min(listed.count(), WANTED_FINDING_ROWS))]
        layout = self.findings_box.layout()
        whole = layout.totalHeightForWidth(self.width()) if layout.hasHeightForWidth() else -1
        around = (whole if whole >= 0 else layout.sizeHint().height()) - listed.sizeHint().height()
        return around + 2 * listed.frameWidth() + sum(rows)

    def checklist_need(self) -> int:
        """With the Talking points tab open, its rows and outline (CoverageChecklist.wanted_height)
        come before more findings rows: at 1280x800 it showed 3-4 rows and one outline line
        (trial 22). The summary above keeps its share (_BodySplitter counts the table only), so
        switching tabs moves only the handle between the findings and the tabs."""
        checklist = self.tabs.currentWidget()
        if not isinstance(checklist, CoverageChecklist) or not checklist.panes.isVisibleTo(checklist):
            return 0
        return self.tabs.tabBar().sizeHint().height() + checklist.wanted_height() + 4

    def tabs_need(self) -> int:
        """The tab bar, the per-answer table's header and WANTED_ANSWER_ROWS rows (its rows, if
        fewer: three answers kept a tall empty table under scrolling findings, trial 21)."""
        table = self.tabs.findChild(_AnswerTable)
        row = table.verticalHeader().defaultSectionSize()
        bar = self.tabs.tabBar().sizeHint().height()
        rows = min(WANTED_ANSWER_ROWS, max(table.rowCount(), 1))
        return (bar + table.horizontalHeader().sizeHint().height() + rows * row
                + 2 * table.frameWidth() + 4)


def _label_lines(label: QLabel) -> list[tuple[float, float]]:
    """Where each line of a word-wrapped rich-text label is, top and bottom in its own
    coordinates (QLabel lays its text out as this document does, without a margin)."""
    doc = QTextDocument()
    doc.setDocumentMargin(0)
    doc.setDefaultFont(label.font())
    doc.setHtml(label.text())
    rect = label.contentsRect()
    doc.setTextWidth(rect.width())
    doc.size()  # lays the text out: until then its blocks have no lines
    lines, block = [], doc.begin()
    while block.isValid():
        layout = block.layout()
        for i in range(layout.lineCount()):
            line = layout.lineAt(i)
            top = rect.top() + layout.position().y() + line.y()
            lines.append((top, top + line.height()))
        block = block.next()
    return lines


def whole_lines_height(pane: QWidget, room: int, least: int = 0) -> int:
    """The tallest height up to `room` at which the pane's text ends at the bottom of a line,
    never across one: a pane cut mid-line showed the top half of "Ended early" (trial 19).
    Under `least`, the first such height above it instead."""
    pane.layout().activate()
    lines = [(label.mapTo(pane, QPoint(0, 0)).y() + top, label.mapTo(pane, QPoint(0, 0)).y() + bottom)
             for label in pane.findChildren(QLabel) if label.isVisible() and label.text()
             for top, bottom in (_label_lines(label) if label.wordWrap() else [(0, label.height())])]
    cuts = [int(bottom + 0.999) for _, bottom in lines]
    whole = [y for y in cuts if not any(top < y < bottom for top, bottom in lines)]
    fits = max((y for y in whole if y <= room), default=0)
    return fits if fits >= least else min((y for y in whole if y >= least), default=room)


class _BodySplitter(QSplitter):
    """The ten-second summary's pane above the transcript, findings and tables. The pane gets
    the height left once the findings show WANTED_FINDING_ROWS rows and the table
    WANTED_ANSWER_ROWS, at least SUMMARY_MIN_LINES lines and at most its content, cut after a
    whole line when it scrolls; a split the user drags is kept."""

    def __init__(self, summary: QScrollArea, main: QSplitter, side: "_SideSplitter") -> None:
        super().__init__(Qt.Orientation.Vertical)
        self.summary, self.main, self.side = summary, main, side
        self.addWidget(summary)
        self.addWidget(main)
        self.setStretchFactor(1, 1)
        self.setChildrenCollapsible(False)
        self.user_sized = False
        self.splitterMoved.connect(self._moved)
        # Fitted again once the summary's content is laid out: fitted only on resizes, the pane
        # kept the height of a summary not laid out yet, one line at 1280x800 (new-user trial 20).
        summary.widget().installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LayoutRequest and watched is self.summary.widget():
            QTimer.singleShot(0, self.fit)  # after the layout has taken its new size hint
        return False

    def _moved(self, *_args) -> None:
        self.user_sized = True

    def sizeHint(self):  # noqa: N802 (Qt API): no taller than its minimum (as _FillingSplitter)
        hint = super().sizeHint()
        hint.setHeight(self.minimumSizeHint().height())
        return hint

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        self.fit()

    def fit(self) -> None:
        # A split the user dragged, here or between the findings and the tabs, is theirs.
        if self.user_sized or self.side.user_sized or self.height() <= 0:
            return
        room = self.height() - self.handleWidth()
        content = self.summary.widget().heightForWidth(self.summary.viewport().width())
        if content < 0:
            content = self.summary.widget().sizeHint().height()
        least = min(content, SUMMARY_MIN_LINES * self.fontMetrics().lineSpacing())
        # The summary's items are what a candidate reads first: short of room (150 % text at
        # 1280x800, trial 24) it keeps them whole and the page scrolls, not a 3-line scroll area;
        # only a summary taller than half the window scrolls in its pane.
        least = max(least, min(content, self.window().height() // 2))
        if self.summary.minimumHeight() != least:
            self.summary.setMinimumHeight(least)
        if self.main.orientation() == Qt.Orientation.Horizontal:
            below = self.side.findings_need() + self.side.handleWidth() + self.side.tabs_need()
            top = max(least, min(content, room - below))
        else:  # stacked: the transcript is over them and the page scrolls
            top = max(least, min(content, room - self.main.minimumSizeHint().height()))
        if top < content:  # it scrolls: its last line shows whole
            top = whole_lines_height(self.summary.widget(), top, least)
        self.setSizes([top, room - top])
        self.side.fit()


class _AnswerTable(QTableWidget):
    """The per-answer table: the question takes what the numbers leave (its whole text is its
    tooltip), so the table fits the pane instead of scrolling sideways; below QUESTION_MIN_PX
    the numbers scroll. Qt's stretch mode grew the column with the window and never gave the
    width back (223 px at 1280 after a visit at 1920, the numbers scrolled out of sight)."""

    QUESTION_MIN_PX = 80  # "Design the…": the whole question is its tooltip
    QUESTION_READ_CHARS = 24  # "Design the system that…": enough to tell the questions apart
    TOPICS_MAX_PX = 150
    TOPICS_MIN_PX = 70  # the topics give way before the table scrolls sideways (their tooltip lists them)

    def question_read_px(self) -> int:
        return self.QUESTION_READ_CHARS * self.fontMetrics().averageCharWidth()

    def _header_px(self, column: int) -> int:
        """What the column's header needs to show whole at the text size now: its widest line,
        the theme's padding and the style's margins (no room for a sort arrow: the table does
        not sort; Qt's own hint keeps 16 px for one in every column)."""
        item = self.horizontalHeaderItem(column) if 0 <= column < self.columnCount() else None
        if item is None:
            return 0
        header = self.horizontalHeader()
        margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
        widest = max(header.fontMetrics().horizontalAdvance(line) for line in item.text().split("\n"))
        return widest + 2 * (theme.HEADER_PADDING + margin) + 1  # 1: the section's right border

    def question_min_px(self) -> int:
        """QUESTION_MIN_PX, or its header's width when wider: at 150 % text the fixed 80 px
        read "Questior" (new-user trial 29)."""
        return max(self.QUESTION_MIN_PX, self._header_px(0))

    def topics_min_px(self) -> int:
        return max(self.TOPICS_MIN_PX, self._header_px(self.columnCount() - 1))

    def fit_columns(self) -> None:
        """Every column at its content's and its header's width at the text size now (again after
        the text size changes: at 150 % the columns kept their 100 % widths and the headers read
        "Clarifyi Qs", trial 29), then the question takes what is left."""
        if self.columnCount() == 0:
            return
        last = self.columnCount() - 1
        for column in range(self.columnCount()):
            self.setColumnWidth(column, max(self.sizeHintForColumn(column), self._header_px(column)))
        self.topics_width = min(max(self.columnWidth(last), self.topics_min_px()),
                                max(self.TOPICS_MAX_PX, self.topics_min_px()))
        self.fit_question()

    def needed_width(self, question: int | None = None, topics: int | None = None) -> int:
        """The width that shows every column without scrolling sideways, the question and the
        topics at their narrowest (or at the widths given)."""
        if self.columnCount() == 0:
            return 0
        numbers = sum(self.columnWidth(c) for c in range(1, self.columnCount() - 1))
        # A hidden header's width() is its last one: counted only when it shows.
        header = self.verticalHeader().width() if self.verticalHeader().isVisibleTo(self) else 0
        return (numbers + (question or self.question_min_px()) + (topics or self.topics_min_px()) + header
                + 2 * self.frameWidth() + self.verticalScrollBar().sizeHint().width() + 2)

    def fit_question(self) -> None:
        if self.columnCount() == 0:
            return
        last = self.columnCount() - 1
        topics = getattr(self, "topics_width", self.columnWidth(last))
        numbers = sum(self.columnWidth(c) for c in range(1, last))
        spare = self.viewport().width() - numbers - 2  # 2: no 1 px scroll
        # Short of width the topics column narrows (to TOPICS_MIN_PX) while the question keeps
        # what it needs to read (trial 19: "Design t..."), then the question narrows.
        self.setColumnWidth(last, max(min(topics, spare - self.question_read_px()), min(topics, self.topics_min_px())))
        self.setColumnWidth(0, max(self.question_min_px(), spare - self.columnWidth(last)))
        self.fit_rows()

    def fit_rows(self) -> None:
        """The questions wrap in their cells, read whole where the tab has the height: cut to one
        line they read "1. Hi, thanks for …" even at 1600 px with the tab's room empty below
        (trial 39). Short of height the rows share it (each at least a line, the question's
        end elided, whole in its tooltip), so the rows trial 16 counted stay in view."""
        rows = self.rowCount()
        if rows == 0:
            return
        self.resizeRowsToContents()
        room = self.viewport().height()
        if sum(self.rowHeight(r) for r in range(rows)) <= room:
            return
        line = self.verticalHeader().defaultSectionSize()
        share = max(line, room // rows)
        for r in range(rows):
            if self.rowHeight(r) > share:
                self.setRowHeight(r, share)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self.fit_question()


class _NoteLine(QLabel):
    """One line that is always there (empty or not), its text elided in the middle with the
    whole of it as the tooltip: the "Exported to ..." banner above the page pushed the page
    down, and the Export button moved while the user reached for it (trial 16)."""

    def __init__(self) -> None:
        super().__init__()
        self._full = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(self.fontMetrics().lineSpacing())
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    def set_note(self, text: str) -> None:
        self._full = text
        self.setToolTip(text)
        self.setAccessibleDescription(text)
        self._elide()

    def note(self) -> str:
        return self._full

    def _elide(self) -> None:
        self.setText(self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideMiddle, max(0, self.width())))

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        self._elide()

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.setFixedHeight(self.fontMetrics().lineSpacing())


class ReviewScreen(QWidget):
    play_requested = Signal(int, float)  # answer id, seconds into its audio
    debrief_requested = Signal(int)  # session id
    stop_requested = Signal()
    export_requested = Signal(int, str)  # session id, format (md, html, pdf, json, wav, flac)
    reanalyse_requested = Signal(int)  # session id: analyse it again with the current rules
    # The talking points need the meaning model: the controller matches them off the GUI thread.
    coverage_needed = Signal(object, object)  # session, script (None when it is gone)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session: Any = None
        self.numbers: RoundNumbers | None = None
        self._script: RoundScript | None = None
        self._missing_audio: list[str] | None = None
        # The topic areas the round missed, once its talking points are matched (show_missed_areas):
        # a depth signal of such an area is not coloured as went well (report.unpraised_kinds).
        self._missed_areas: tuple[str, ...] = ()
        # script id -> why its file could not be loaded (set by ReviewController)
        self.script_problems: Callable[[str], list[str]] = lambda _script_id: []
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.linkActivated.connect(lambda _link: self.tabs.setCurrentWidget(self.numbers_area))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setObjectName("roundNumbers")
        self.timeline = RoundTimelinePlot()
        self.timeline.time_clicked.connect(self._timeline_clicked)
        self.transcript = _Transcript()
        self.transcript.setAccessibleName("Transcript")
        self.transcript.setOpenLinks(False)
        self.transcript.anchorClicked.connect(self._anchor_clicked)
        self.findings = _ShortList()
        self.findings.itemClicked.connect(self._finding_clicked)
        self.findings.itemActivated.connect(self._finding_clicked)
        self.table = _AnswerTable()
        self.table.setWordWrap(True)
        self.table.setItemDelegateForColumn(0, text_fit.WrappedCellDelegate(self.table))  # read whole (trial 39)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        # No row numbers: the answers are in order and the question names each; their 22 px
        # were what made the table scroll sideways at 1280x800 (trial 17).
        self.table.verticalHeader().hide()
        self.phase_table = QTableWidget()
        self.phase_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.itemActivated.connect(self._answer_row_activated)  # Enter or double-click: play it
        for table in (self.table, self.phase_table):  # Tab moves on (it went cell by cell); arrows still do that
            table.setTabKeyNavigation(False)
        self.stop_button = QPushButton("Stop playback")
        self.stop_button.clicked.connect(self.stop_requested)
        self.stop_button.setEnabled(False)  # only while an answer plays
        self.debrief_button = QPushButton("Debrief this round")
        self.debrief_button.clicked.connect(lambda: self.session and self.debrief_requested.emit(self.session.id))
        self.playing = QLabel()
        self.playing.hide()  # until an answer plays
        self.export_button = QPushButton("Export...")
        menu = QMenu(self.export_button)
        for fmt, label in (("html", "HTML report"), ("pdf", "PDF"), ("md", "Markdown"), ("json", "JSON (everything)"),
                           ("wav", "Audio (WAV)"), ("flac", "Audio (FLAC)")):
            menu.addAction(label, lambda fmt=fmt: self.session and self.export_requested.emit(self.session.id, fmt))
        menu.addSeparator()
        # Not an export, but the review's one menu: a round analysed by an older version shows
        # the older rules' findings until it is analysed again.
        self.reanalyse_action = menu.addAction(
            "Analyse this round again", lambda: self.session and self.reanalyse_requested.emit(self.session.id))
        self.reanalyse_action.setToolTip("With the current rules, from the stored transcripts (after an update); "
                                         "transcripts, debrief and notes are kept")
        self.export_button.setMenu(menu)
        self.export_button.setToolTip("Save the round as a report (HTML, PDF, Markdown, JSON) or its audio "
                                      "(Ctrl+Shift+E)")
        bind_screen_keys(self, REVIEW_KEYS)

        tabs = self.tabs = QTabWidget()
        tabs.addTab(self.table, "Per answer")
        # Why the round ended early, its numbers and the timeline, a tab beside the table: above
        # the transcript with the ten-second summary they needed ~300 px of the 700 at 1280x800,
        # and their pane scrolled, cut mid-line, with the timeline out of sight (trial 19).
        numbers = QWidget()
        nl = QVBoxLayout(numbers)
        nl.addWidget(self.summary)
        nl.addWidget(self.timeline)
        nl.addStretch(1)
        self.numbers_area = QScrollArea()
        self.numbers_area.setWidget(numbers)
        self.numbers_area.setWidgetResizable(True)
        self.numbers_area.setFrameShape(QFrame.Shape.NoFrame)
        self.numbers_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        tabs.addTab(self.numbers_area, ROUND_TAB)
        tabs.addTab(self.phase_table, "Time per part")
        self.coverage = CoverageChecklist()
        self.coverage.play_requested.connect(self.play_requested)
        tabs.addTab(self.coverage, "Talking points")
        # At 1024x640 the tabs were squeezed to 134 px, the checklist to a line of its first
        # question and no point (trial 10): short of room the page scrolls instead.
        tabs.setMinimumHeight(TABS_MIN_HEIGHT)
        findings_box = QWidget()
        fl = QVBoxLayout(findings_box)
        fl.setContentsMargins(0, 0, 0, 0)
        fl.addWidget(QLabel("<b>Findings</b> (Enter or click to listen)"))
        self.findings_legend = QLabel()  # what the findings' colours mean (filled per theme)
        self.findings_legend.setWordWrap(True)
        fl.addWidget(self.findings_legend)
        fl.addWidget(self.findings)
        self.findings.setWordWrap(True)  # long findings wrap instead of scrolling sideways
        self.findings.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        theme.notifier().changed.connect(self._theme_changed)
        # Short of room the findings list (it scrolls) gives way first, so the talking points'
        # first point shows at 1280x720; with room, it gets a row per finding (_SideSplitter).
        side = self.side = _SideSplitter(findings_box, self.findings, tabs)
        tabs.currentChanged.connect(lambda _i: side.fit())  # the talking points want more room
        main = self.main = _FillingSplitter(Qt.Orientation.Horizontal)
        # The split follows the splitter's own size: the review's resize came before its panes
        # were laid out at the window's size, and the table kept the share of a 636 px page at
        # 1280x800 (its questions read "We've ...", "The ...": new-user trial 20).
        main.resized.connect(self._share_width)
        main.addWidget(self.transcript)
        main.addWidget(side)
        main.setSizes([550, 500])

        # The buttons go on to more lines in a narrow window: in one row beside the title they
        # made the review scroll 56 px sideways at 1024x640 with 200 % scaling (trial9).
        actions = FlowLayout()
        for widget in (self.stop_button, self.export_button, self.debrief_button):
            actions.addWidget(widget)
        # Under the buttons, a line kept for what the last export did ("Exported to ...").
        self.export_note = _NoteLine()
        right = QVBoxLayout()
        right.setSpacing(2)
        right.addLayout(actions)
        right.addWidget(self.export_note)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addLayout(right)
        # One calm line for a round an older version of the analysis analysed: its findings
        # and numbers follow the older rules until it is analysed again (the link does it).
        self.older_analysis = LinksLabel()
        self.older_analysis.setWordWrap(True)
        self.older_analysis.setTextFormat(Qt.TextFormat.RichText)
        self.older_analysis.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                                    | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.older_analysis.setText(f'{html.escape(OLDER_ANALYSIS_TEXT)} <a href="again">{ANALYSE_AGAIN_TEXT}</a>')
        self.older_analysis.linkActivated.connect(
            lambda _link: self.session and self.reanalyse_requested.emit(self.session.id))
        self.older_analysis.hide()
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.older_analysis)
        # First what a candidate reads in ten seconds (three strengths, three fixes, each a link
        # to its moment), then the numbers and the details.
        self.ten_seconds = TenSecondSummary()
        self.ten_seconds.link_clicked.connect(self._summary_link)
        # "Playing from 00:33" at the right of the summary's heading, under the buttons: beside
        # them it took the title's width, which broke onto a second line and moved the page down
        # (trial10, 1280x800); the heading's line has room and is as tall.
        self.ten_seconds.set_corner(self.playing)
        # The ten-second summary in a pane above the transcript, findings and tables, with a
        # handle between. It starts at the height the findings and the table leave
        # (_BodySplitter), cut after a whole line when its content scrolls; a dragged split is kept.
        summary_pane = QWidget()
        sl = QVBoxLayout(summary_pane)
        sl.setContentsMargins(0, 0, 0, 0)
        sl.addWidget(self.ten_seconds)
        sl.addStretch(1)
        self.summary_area = QScrollArea()
        self.summary_area.setWidget(summary_pane)
        self.summary_area.setWidgetResizable(True)
        self.summary_area.setFrameShape(QFrame.Shape.NoFrame)
        self.summary_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.summary_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # its links take the focus; it scrolls to them
        self.summary_area.setMinimumHeight(self._summary_least())
        # Catching up transcripts and exports: each a bar with Cancel (ReviewController drives them).
        self.transcribe_progress = TaskProgress()
        self.export_progress = TaskProgress()
        layout.addWidget(self.transcribe_progress)
        layout.addWidget(self.export_progress)
        body = self.body = _BodySplitter(self.summary_area, main, side)
        layout.addWidget(body, 1)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        self._stack_when_narrow()
        self._share_width()

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # Settings > Text size: once its fonts are in place
            QTimer.singleShot(0, self._text_size_changed)

    def _text_size_changed(self) -> None:
        """The tables' columns and the panes measured again at the new text size: a review filled
        at 100 % kept its column widths at 150 % ("Clarifyi Qs", trial 29)."""
        if self.numbers is None:
            return
        self.table.fit_columns()
        self.phase_table.resizeColumnsToContents()
        self._share_width()
        self.body.fit()
        self.side.fit()

    def _share_width(self) -> None:
        """Side by side, the findings and tables get the width the per-answer table needs not to
        scroll sideways, the transcript at least TRANSCRIPT_MIN_PX (trial 16: at 1280x800 the
        table scrolled and its questions read "Design the ..."). Until the user drags the handle."""
        main = self.main
        if main.orientation() != Qt.Orientation.Horizontal or main.user_sized:
            return
        total = main.width() - main.handleWidth()
        if total <= 0:
            return
        # The tab pane's frame around the table (its 4 px made the table scroll sideways, trial 19).
        # A table not laid out in its tab yet is wider than the tabs: no frame to measure then.
        chrome = self.tabs.width() - self.table.width() if 0 < self.table.width() < self.tabs.width() else 4
        table = self.table
        least = table.needed_width() + chrome
        # The question's column gets the width to read it, the topics theirs: the transcript gives
        # up to TRANSCRIPT_NARROW_PX for that (trial 19: "Design t...", "latency..." at 1280x800),
        # and more only when the table would scroll sideways otherwise (trial 17).
        want = table.needed_width(table.question_read_px(), getattr(table, "topics_width", None)) + chrome
        room = total - (TRANSCRIPT_MIN_PX if least <= total - TRANSCRIPT_MIN_PX else TRANSCRIPT_NARROW_PX)
        side = max(min(want, max(room, total - TRANSCRIPT_NARROW_PX)), min(least, room), total * 5 // 11)
        main.setSizes([total - side, side])

    def _summary_least(self) -> int:
        """A line: the scroll area's own minimum (68 px) kept its pane from ending after a
        whole line (_BodySplitter cuts it there)."""
        return self.fontMetrics().lineSpacing()

    def _stack_when_narrow(self) -> None:
        """Narrower than STACK_BELOW_PX the findings and tabs go under the transcript, at the
        whole width: beside it at 1024x640 the per-answer table had 348 px for 670 px of
        columns and scrolled sideways. The page scrolls down instead (STACK_GAP_PX: a scroll
        bar appearing must not flip it back)."""
        vertical = self.main.orientation() == Qt.Orientation.Vertical
        narrow = self.width() < STACK_BELOW_PX + (STACK_GAP_PX if vertical else 0)
        if narrow == vertical:
            return
        self.main.setOrientation(Qt.Orientation.Vertical if narrow else Qt.Orientation.Horizontal)
        self.transcript.setMinimumHeight(STACKED_TRANSCRIPT_PX if narrow else 0)
        # The page scrolls then: the summary keeps its first items (two lines of it showed).
        self.summary_area.setMinimumHeight(STACKED_SUMMARY_PX if narrow else self._summary_least())
        self.main.setSizes([STACKED_TRANSCRIPT_PX, self.side.minimumSizeHint().height()] if narrow else [550, 500])

    # ------------------------------------------------------------------ showing a session

    def show_session(self, session: Any, script: RoundScript | None = None, missing_audio: list[str] | None = None) -> None:
        if self.session is None or self.session.id != session.id:
            self.export_note.set_note("")  # it was about another round
        # Computed before anything is kept: a round whose numbers fail leaves the screen as it was,
        # never a session without its other fields (a theme switch then raised AttributeError).
        numbers = round_numbers(session, script)
        if self.session is None or self.session.id != session.id:
            self._missed_areas = ()  # another round's; this one's come with its matched talking points
        self.session, self.numbers, self._script, self._missing_audio = session, numbers, script, missing_audio
        self._show_header()
        self.older_analysis.setVisible(
            session.status != "in_progress"
            and analysed_by_older_version(getattr(session, "analysis_version", ANALYSIS_VERSION)))
        self.transcript.setHtml(self._transcript_html())
        self.ten_seconds.show_session(session)
        self._fill_findings()
        self._fill_tables(numbers)
        self.timeline.set_data(self._timeline_data(script))
        self.coverage.show_message("Matching the talking points..." if script is not None else
                                   no_script_text(session.kind, self.script_problems(session.script_id)))
        self._show_tabs_with_meaning(session.kind == IMPORTED_KIND)
        self.coverage_needed.emit(session, script)

    def _show_tabs_with_meaning(self, imported: bool) -> None:
        """An imported recording has no script: no time per part, no talking points (the Round
        tab says why, once). It opens on that tab, not on the last one used (trial 39)."""
        for page in (self.phase_table, self.coverage):
            self.tabs.setTabVisible(self.tabs.indexOf(page), not imported)
        if imported:
            self.tabs.setCurrentWidget(self.numbers_area)

    def _ask_label(self, answer: Any) -> str:
        """What the interviewer said before this answer, named as the live transcript names it:
        'Q:', 'Follow-up:', 'New constraint:' (a follow-up asked when a later phase starts), or
        'Interviewer:' for a phase's prompt (every kind was 'Q:' here; new-user trial 5)."""
        if answer.follow_up_id:  # the label is the core's, from the line's kind (ask_labels.line_label)
            script = getattr(self, "_script", None)
            question = next((q for q in (script.questions if script is not None else ()) if q.id == answer.question_id), None)
            follow_up = next((f for f in (question.follow_ups if question else ()) if f.id == answer.follow_up_id), None)
            if follow_up is None:  # the interviewer's own, or the script is gone or changed: the text may still say it
                changed = not is_own_ask(answer.follow_up_id) and not label_for("New constraint:", answer.question_text)
            else:
                changed = follow_up.changes_the_problem(script.kind)
            return line_label("changed_constraint" if changed else "follow_up", answer.follow_up_id, answer.question_text)
        if self.session.kind == IMPORTED_KIND:
            return ""  # "Recording interview.wav" is the file's name, not something the interviewer said
        return line_label("question" if answer.question_id else "prompt")

    def _transcript_html(self) -> str:
        parts = [self._legend_html()] if self.session.answers else []
        # What else the interviewer said (a prompt before a question, warnings, nudges), by time.
        placed = place_lines(self.session)
        previous = None
        for answer in self.session.answers:
            a = answer.analysis if isinstance(answer.analysis, dict) else {}
            ask = (answer.question_id, answer.follow_up_id, answer.asked_at, answer.question_text)
            before = placed.before.get(answer.id, [])
            if ask != previous:  # the rest of an answer after a repeat or a mic pause goes on below it
                # When the question was asked, as every export says; its answer starts where
                # the findings below point.
                asked = answer.asked_at if answer.asked_at is not None else answer.answer_start or 0.0
                parts += [_line_html(line) for line in before if line.said_at < asked]
                before = [line for line in before if line.said_at >= asked]
                label = label_for(self._ask_label(answer), answer.question_text)
                parts.append(_heading_html(asked, label, answer.question_text, anchor=_answer_anchor(answer.id)))
            else:  # no heading: the anchor goes before the words
                parts.append(f'<a name="{_answer_anchor(answer.id)}"></a>')
            previous = ask
            parts += [_line_html(line, among_words=True) for line in before]
            transcript = answer.transcript
            marks = transcript_marks(a, transcript.words if transcript else (),
                                     transcript.speech if transcript else None)
            # The interviewer's answers to clarifying questions and what else it said during the
            # answer, where they were said in the answer: (round seconds, html).
            clarifications = getattr(answer, "clarifications", None) or []
            replies = sorted([(c.asked_at, _reply_html(c)) for c in clarifications]
                             + [(line.said_at, _line_html(line, among_words=True))
                                for line in placed.during.get(answer.id, [])], key=lambda r: r[0])
            if not any(m.kind != "pause" for m in marks):
                if replies:  # no transcript: the question as heard live, then the reply
                    asked = {c.asked_at: c.question for c in clarifications}
                    parts += [(f"<p>{html.escape(asked[at])}</p>" if at in asked else "") + said
                              for at, said in replies]
                elif not (a.get("part") or {}).get("interrupted"):
                    said = no_words_text([answer])  # as the exports say it
                    parts.append(f"<p><i>{said[0].upper() + said[1:]}.</i></p>")
                continue
            out, said = [], []  # the pieces, and the word each shows ("" for a pause or a reply)
            for m in marks:
                while replies and m.start >= replies[0][0] - (answer.answer_start or 0.0):
                    out.append("</p>" + replies.pop(0)[1] + "<p>")
                    said.append("")
                if m.kind == "pause":
                    out.append(f'<a href="play:{answer.id}:{m.start:.3f}" style="text-decoration:none">'
                               f'<span style="{PAUSE_STYLE}">[{pause_word(m.detail)} {m.seconds:.1f} s]</span></a>')
                    said.append("")
                    continue
                style = {"filler": FILLER_STYLE, "disfluency": DISFLUENCY_STYLE}.get(m.kind, "")
                out.append(f'<a href="play:{answer.id}:{m.start:.3f}" '
                           f'style="text-decoration:none; color:{theme.current().text};">'
                           f'<span style="{style}">{html.escape(m.text)}</span></a>')
                said.append(m.text)
            out += ["</p>" + line + "<p>" for _, line in replies]
            said += [""] * len(replies)
            parts.append("<p>" + join_words(out, said) + "</p>")
        if not self.session.answers:
            parts.append("<p>This round has no answers.</p>")
        parts += [_line_html(line) for line in placed.after]  # e.g. the closing
        if self.session.scratchpad:
            # Wrapped: one long line of code made the whole transcript scroll sideways.
            parts.append('<p><b>Scratchpad</b></p><pre style="white-space: pre-wrap">'
                         + html.escape(self.session.scratchpad) + "</pre>")
        # A line said before the first word or after the last closes the words' paragraph and
        # opens another: left empty, each drew a blank line (a gap around a pause, trial 17).
        return _EMPTY_PARAGRAPH.sub("", "".join(parts))

    @staticmethod
    def _legend_html() -> str:
        """What the marks in the transcript mean (the exports say the same)."""
        return (f'<p><span style="{FILLER_STYLE}">filler</span> = filler words (um, uh, like...) · '
                f'<span style="{DISFLUENCY_STYLE}">underlined</span> = {html.escape(DISFLUENCY_LEGEND)} · '
                f'<span style="{PAUSE_STYLE}">[pause 2.5 s]</span> = a silence · '
                f'<span style="{PAUSE_STYLE}">[waited 2.5 s]</span> = a wait for the interviewer</p>')

    def _fill_findings(self) -> None:
        self._show_findings_legend()
        self.findings.clear()
        starts = {a.id: a.answer_start or 0.0 for a in self.session.answers}

        def round_time_of(f) -> float:  # the exports' time too (finding_round_time)
            return finding_round_time(f.start, starts.get(f.answer_id, 0.0) if f.answer_id is not None else None) or 0.0

        # In round time, as the user reads down (stored: the round's own findings, then each answer's).
        for f in sorted(self.session.findings, key=round_time_of):
            round_time = round_time_of(f)
            severity = finding_severity(f.kind, f.start, f.end, f.details, self._missed_areas)
            message = finding_message(self.numbers, f.kind, f.message) if self.numbers is not None else f.message
            item = QListWidgetItem(f"[{clock_text(round_time)}] "
                                   f"{finding_text(f.kind, message, shown_finding_label(self.session, f))}")
            item.setForeground(theme.current().color(FINDING_STYLE.get(severity, "text")))
            item.setData(Qt.ItemDataRole.UserRole, (f.answer_id, f.start or 0.0))
            self.findings.addItem(item)
        if not self.session.findings:
            self.findings.addItem(QListWidgetItem("No findings for this round."))
        self.side.fit()

    def open_export_menu(self) -> None:
        """Ctrl+Shift+E: the Export menu, as a click on Export... opens it."""
        if self.session is not None and self.export_button.isEnabled():
            self.export_button.showMenu()

    def _fill_tables(self, numbers: RoundNumbers) -> None:
        # Short two-line headers, each spelled out in its tooltip, and counts without their
        # breakdown (in the tooltip): the numbers were wider than the review's pane even at
        # 1920x1080, and the last columns scrolled out of sight (trials 9 and 10).
        headers = [("Question", ""), ("Length", "Length (and words)"), ("Fillers\n/100", "Fillers per 100 words"),
                   ("Restarts", "Repetitions, cut-off words and restarts"),
                   ("Pace\nwpm", "Pace in words per minute: while speaking (pauses left out) / over the "
                                  "whole answer, pauses included"),
                   ("Long\npauses", "Long pauses"),
                   ("Latency", "Response latency: end of the question to the first word"),
                   ("Clarifying\nQs", "Clarifying questions asked"), ("Not\nasked", "Clarifying topics not asked about (not the topic areas of the talking points)")]
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels([h for h, _ in headers])
        for col, (_, tip) in enumerate(headers):
            if tip:
                self.table.horizontalHeaderItem(col).setToolTip(tip)
        self.table.setRowCount(len(numbers.answers))
        # Three answers on one coding problem read "You're given a list ..." three times (trial
        # 33): such rows name their part first ("Approach · You're given ...").
        part_names = repeated_ask_parts(numbers.answers, {p.phase_id: p.name for p in self.session.phases})
        for row, a in enumerate(numbers.answers):
            restarts = disfluency_count_text(a.disfluencies)
            short = no_pace_reason(a.words, a.pace_wpm)
            pace = short or f"{fmt_wpm(a.articulation_wpm)} / {fmt_wpm(a.pace_wpm)}"
            # Numbered first: two answers on one question (its clarifying and its approach) read
            # "You're given a list o…" twice, cut by the column (trial 21); the tooltip is whole.
            values = [f"{row + 1}. {with_part(part_names[row], a.asked)}", length_text(a.duration), fmt_seconds(a.filler_rate, ""),
                      str(len(a.disfluencies)), pace,
                      str(a.long_pauses), fmt_seconds(a.response_latency),
                      str(a.clarifying_asked), ", ".join(a.topics_missed)]
            tips = {0: with_part(part_names[row], a.question), 1: f"{length_text(a.duration)}, {a.words} words", 3: restarts,
                    # "190 / 56" said not which was which (trial 23); the header has no room to
                    # say it (a wider one squeezed the transcript under 400 px at 1280x800).
                    4: (NO_PACE_SHORT_WHY.capitalize() if short else
                        f"{fmt_wpm(a.articulation_wpm, ' wpm')} while speaking (pauses left out), "
                        f"{fmt_wpm(a.pace_wpm, ' wpm')} over the whole answer (pauses included)"),
                    len(values) - 1: ", ".join(a.topics_missed)}
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                if tips.get(col):
                    item.setToolTip(tips[col])  # the whole question, breakdown or list where the column cuts it
                self.table.setItem(row, col, item)
        self.table.fit_columns()
        self._share_width()
        headers = ["Part", "Planned", "Actual", "Difference"]
        self.phase_table.setColumnCount(len(headers))
        self.phase_table.setHorizontalHeaderLabels(headers)
        self.phase_table.setRowCount(len(numbers.phases))
        for row, p in enumerate(numbers.phases):
            values = [p.name, length_text(p.planned_s), length_text(p.actual_s) if p.reached else "–",
                      p.difference_text]
            for col, value in enumerate(values):
                self.phase_table.setItem(row, col, QTableWidgetItem(value))
        self.phase_table.resizeColumnsToContents()

    def _timeline_data(self, script: RoundScript | None) -> TimelineData:
        s = self.session
        planned, t = [], 0.0
        if script is not None:  # within the round's length, extra questions and all (core.round_plan)
            for pid, start, t in planned_spans(script, s.planned_minutes * 60.0):
                planned.append(PlannedPhase(pid, script.phase(pid).name, start, t))
        else:
            for p in s.phases:
                planned.append(PlannedPhase(p.phase_id, p.name, t, t + p.planned_minutes * 60.0))
                t += p.planned_minutes * 60.0
        total = max(t, s.planned_minutes * 60.0, 1.0)
        end = last_moment(s)  # where an interrupted round's last phase stopped
        actual = [PlannedPhase(p.phase_id, p.name, p.started_at, p.ended_at if p.ended_at is not None else end)
                  for p in s.phases]
        # A round that shortened itself says why on the timeline too, not only in the summary.
        done = any(f.kind == "round_questions_done" for f in s.findings)
        data = TimelineData(total=total, planned=planned, actual=actual,
                            ended=end if total - end >= ENDED_EARLY_MIN_S else None,
                            ended_why=questions_done_text(s.skipped) if done else "")
        for answer in s.answers:
            a = answer.analysis if isinstance(answer.analysis, dict) else {}
            base = answer.answer_start or 0.0
            if answer.asked_at is not None:
                data.asks.append((answer.asked_at, answer.question_text))
            if answer.answer_start is not None:
                data.answers.append((base, answer.answer_end or base, answer.question_text))
            data.fillers.extend(base + float(f["start"]) for f in a.get("fillers") or [])
            data.pauses.extend((base + float(p["start"]), base + float(p["end"])) for p in a.get("pauses") or [])
        data.round_pauses = [(p.at, p.seconds, getattr(p, "why", "")) for p in getattr(s, "pauses", None) or []]
        starts = {a.id: a.answer_start or 0.0 for a in s.answers}
        for f in s.findings:  # coloured as the findings list colours them (trial 48: all red)
            at = (starts.get(f.answer_id, 0.0) if f.answer_id else 0.0) + (f.start or 0.0)
            data.findings.append((at, f.message, finding_severity(f.kind, f.start, f.end, f.details, self._missed_areas)))
        return data

    # ------------------------------------------------------------------ clicks -> play

    def _anchor_clicked(self, url: QUrl) -> None:
        parts = url.toString().split(":")
        if len(parts) == 3 and parts[0] == "play":
            self.play_requested.emit(int(parts[1]), float(parts[2]))

    def _summary_link(self, link: str) -> None:
        if link.startswith("time:"):
            self._timeline_clicked(float(link.split(":", 1)[1]))
        else:
            self._play_and_show(QUrl(link))

    def _play_and_show(self, url: QUrl) -> None:
        """A link from outside the transcript: it plays, and the transcript shows its answer."""
        self._anchor_clicked(url)
        parts = url.toString().split(":")
        if len(parts) == 3 and parts[0] == "play":
            self.show_answer(int(parts[1]))

    def show_answer(self, answer_id: int) -> None:
        """Scroll the transcript to the answer (its question's heading): a finding, a table row
        or the timeline clicked played its moment while the transcript stayed put (trial10)."""
        self.transcript.scrollToAnchor(_answer_anchor(answer_id))

    def _finding_clicked(self, item: QListWidgetItem) -> None:
        data = item.data(Qt.ItemDataRole.UserRole)
        if data and data[0] is not None:
            self.play_requested.emit(int(data[0]), float(data[1]))
            self.show_answer(int(data[0]))

    def _answer_row_activated(self, item: QTableWidgetItem) -> None:
        answers = self.numbers.answers if self.numbers else []
        if 0 <= item.row() < len(answers) and answers[item.row()].part_ids:
            self.play_requested.emit(answers[item.row()].part_ids[0], 0.0)
            self.show_answer(answers[item.row()].part_ids[0])

    def _timeline_clicked(self, round_time: float) -> None:
        if self.session is None:
            return
        for answer in self.session.answers:
            start, end = answer.answer_start, answer.answer_end
            if start is not None and end is not None and start <= round_time <= end:
                self.play_requested.emit(answer.id, round_time - start)
                self.show_answer(answer.id)
                return

    def show_missed_areas(self, missed_areas: Sequence[str]) -> None:
        """The topic areas the round missed (weak_spots.RoundContent.missed), known once the talking
        points are matched: the findings list is coloured again by the one verdict the summary
        uses, so a depth signal of a missed area is no longer green (trial 44: "Numbers and units"
        went well in the list and was missed under To work on)."""
        if self.session is not None and tuple(missed_areas) != self._missed_areas:
            self._missed_areas = tuple(missed_areas)
            self._fill_findings()
            self.timeline.set_findings(self._timeline_data(self._script).findings)

    def show_matched_depth(self, depth: dict) -> None:
        """The depth counts once the talking points are matched (a covered point counts for its
        area): the header said "Tradeoffs 0/2" beside the Talking points tab's "7 of 7" (trial 20)."""
        if self.numbers is not None and self.session is not None:
            self.numbers.depth = depth
            self._show_header()

    def _show_header(self) -> None:
        """The round's title line and numbers, in the current theme's colours (drawn again when
        the theme changes: an "interrupted" status and missing recordings kept the old one)."""
        session, numbers, missing_audio = self.session, self.numbers, self._missing_audio
        when = time.strftime("%d %b %Y %H:%M", time.localtime(session.started_at))
        status = ("" if session.status == SessionStatus.COMPLETED else
                  f" · <span style='color:{theme.current().problem_text}'>{session.status}</span>")
        # Why a round is shorter than planned, first: the timeline below still draws the plan.
        # Or why it is short though it ran to its end (its questions were done).
        ended = next(((shown_finding_label(session, f), f.message) for f in session.findings
                      if f.kind in ("round_ended_early", "round_questions_done")), None)
        # Under the title, a link to the tab that says why in full (the summary line below).
        # A round the interviewer closed with its questions done is no problem: its link is in
        # the accent colour, not underlined, not in the problem red of "Ended early" and "Cut
        # short" (trial 45: "Round finished" looked like an error).
        from interviewer.core.practice_plan import ROUND_FINISHED_LABEL

        finished = ended is not None and ended[0] == ROUND_FINISHED_LABEL
        link_style = (f"color:{theme.current().accent};text-decoration:none" if finished
                      else f"color:{theme.current().problem_text}")
        ended_link = (f" · <a href='#round' style='{link_style}'>{ended[0]}</a>" if ended else "")
        self.title.setText(f"<h2>{html.escape(session.title)}</h2>{kind_label(session.kind)} · {when}{status}"
                           f"{ended_link}")
        self.title.setToolTip(ended[1] if ended else "")
        rate = fmt_seconds(numbers.filler_rate, " per 100 words")
        pace = (f"{fmt_wpm(numbers.articulation_wpm, ' wpm')} while speaking, "
                f"{fmt_wpm(numbers.pace_wpm, ' wpm')} with pauses")
        missed = topics_missed_text(numbers)
        repeats = disfluency_count_text([d for a in numbers.answers for d in a.disfluencies])
        imported = session.kind == IMPORTED_KIND
        self.summary.setText(
            (f"<b>{ended[0]}:</b> {html.escape(ended[1])}<br>" if ended else "")
            + (f"<b>Imported recording:</b> {html.escape(IMPORTED_NO_SCRIPT)}<br>" if imported else "")
            + f"<b>Round:</b> fillers {numbers.fillers} ({rate}) · repetitions and restarts {repeats} · pace {pace} · "
            f"long pauses {numbers.long_pauses}"
            # No question was asked in a recording: no response latency, no clarifying questions.
            + ("" if imported else
               f" · mean response latency {fmt_seconds(numbers.mean_latency)} · "
               # Right after the clarifying questions, whose topics these are (not the topic areas):
               # the export's "Not asked about (clarifying)", short enough not to wrap at 1280 px.
               f"clarifying questions {numbers.clarifying_asked} · not asked about: {html.escape(missed)}")
            + (f"<br><b>{DEPTH_HEADING}:</b> {html.escape(depth_line(numbers))}" if numbers.depth else "")
            + (f"<br><span style='color:{theme.current().problem_text}'>Missing recordings: {len(missing_audio)} "
               f"({html.escape(_missing_text(missing_audio))}; moved or deleted from the data folder: "
               "the transcript and numbers are kept, the audio cannot be played)</span>"
               if missing_audio else ""))

    def _theme_changed(self, _theme) -> None:
        """The transcript and findings carry colours: draw them again in the new theme's."""
        self._show_findings_legend()
        if self.session is not None:
            self._show_header()
            self.transcript.setHtml(self._transcript_html())
            self._fill_findings()

    def _show_findings_legend(self) -> None:
        t = theme.current()
        self.findings_legend.setText(" · ".join(
            f"<span style='color:{getattr(t, colour)}'><b>{FINDING_WORDS[severity].capitalize()}</b></span>"
            for severity, colour in FINDING_STYLE.items()))

    def set_playing(self, text: str, problem: bool = False) -> None:
        """"Playing from 01:26", or with `problem` why the last clip stopped: both in the summary
        heading's corner, so nothing moves (a banner above the page pushed every control down
        ~40 px, trial 29); the next clip's "Playing from ..." replaces the problem."""
        if bool(self.playing.property("role") == "problem") != problem:
            self.playing.setProperty("role", "problem" if problem else "")
            self.playing.style().unpolish(self.playing)
            self.playing.style().polish(self.playing)
        self.playing.setToolTip(text if problem else "")
        if text and not problem:
            self.export_note.set_note("")  # "Exported to ..." stayed on under the clip (trial 39)
        self.playing.setText(text)
        self.playing.setVisible(bool(text))  # empty, it kept a gap before the buttons
        self.stop_button.setEnabled(bool(text) and not problem)

    def set_playback_problem(self, text: str) -> None:
        """Why the last clip stopped; "" takes a shown problem away."""
        if text:
            self.set_playing(text, problem=True)
        elif self.playing.property("role") == "problem":
            self.set_playing("")

def _heading_html(at: float, label: str, text: str, anchor: str = "") -> str:
    name = f'<a name="{anchor}"></a>' if anchor else ""
    return (f'<p style="color:{theme.current().note_text}; margin-top:10px;">{name}<b>[{clock_text(at)}]'
            f'{" " + label if label else ""}</b> {text_html(text)}</p>')


def _answer_anchor(answer_id: int) -> str:
    return f"answer-{answer_id}"


def _line_html(line: Any, among_words: bool = False) -> str:
    """A line the interviewer said, with its time: between answers as a heading is shown,
    among an answer's words as a reply is."""
    label = label_for(label_of(line), line.text)
    if not among_words:
        return _heading_html(line.said_at, label, line.text)
    return (f'<p style="color:{theme.current().note_text}; margin-left:16px;"><b>[{clock_text(line.said_at)}]'
            f'{" " + label if label else ""}</b> {text_html(line.text)}</p>')


def _reply_html(clarification: Any) -> str:
    return (f'<p style="color:{theme.current().note_text}; margin-left:16px;"><b>Interviewer:</b> '
            f'{html.escape(clarification.reply)}</p>')


def _missing_text(paths: list[str], shown: int = 3) -> str:
    """'recordings/<round>/answer-2.wav' for each stored path whose file is gone (three at most)."""
    names = [str(p) for p in paths[:shown]]
    if len(paths) > shown:
        names.append(f"and {len(paths) - shown} more")
    return ", ".join(names)

