"""The review's talking points: per question, a checklist of its expected points (covered, partly
covered, missed) with the sentences that made them (click one to hear it), and beside it the
model-answer outline (under the checklist, which takes the tab's width). Shown only in the
review, never during a round.

The numbers are the round summary's (core.analysis.summary -> coverage); the review controller
computes them off the GUI thread (the meaning model encodes every sentence) and calls
`set_coverage`.
"""
from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QRect, Qt, Signal
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTextBrowser,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from interviewer.core.analysis.coverage import (COVERED, MISSED, PARTLY, PER_PHASE, STATUS_WORDS, GroupCoverage,
                                                QuestionCoverage)
from interviewer.gui import theme
from interviewer.gui.text_fit import text_html

# Icons (assets/icons, drawn in the theme's colours) rather than glyphs, which some fonts lack.
MARK = {COVERED: "done", PARTLY: "warning", MISSED: "fix"}
LABEL = STATUS_WORDS  # the core's words
COLOUR = {COVERED: "good_text", PARTLY: "partial_text", MISSED: "problem_text"}  # gui/theme.py names
EVIDENCE_ROLE = Qt.ItemDataRole.UserRole  # (part id, seconds into its audio) on evidence rows
QUESTION_ROLE = Qt.ItemDataRole.UserRole + 1  # index into the coverage list, on question rows


class _WrappingDelegate(QStyledItemDelegate):
    """A row's height for its text wrapped at the width the tree paints it: the tree asked for the
    height of one line, so a long point was cut short ('Sort by start time, then swe...')."""

    def sizeHint(self, option, index):  # noqa: N802 (Qt API)
        tree = self.parent()
        depth, parent = (1 if tree.rootIsDecorated() else 0), index.parent()
        while parent.isValid():
            depth, parent = depth + 1, parent.parent()
        width = tree.columnWidth(0) - tree.indentation() * depth
        if width <= 0:
            return super().sizeHint(option, index)
        sized = QStyleOptionViewItem(option)
        sized.rect = QRect(0, 0, width, max(option.rect.height(), 1))
        return super().sizeHint(sized, index)


class _WrappingTree(QTreeWidget):
    """A one-column tree whose rows wrap their text to the width of the view (no sideways scrolling)."""

    def __init__(self) -> None:
        super().__init__()
        self.setHeaderHidden(True)
        self.setWordWrap(True)
        self.setUniformRowHeights(False)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.header().setStretchLastSection(True)
        self.setItemDelegate(_WrappingDelegate(self))
        # The column follows the view's width (and a scroll bar's coming and going): the rows'
        # heights depend on it.
        self.header().sectionResized.connect(lambda *_: self.scheduleDelayedItemsLayout())


class _OneLine(QLabel):
    """The first line of a text (the round's topic areas), wrapped, the whole text its tooltip.
    Elided to one line, it was cut to "...missed Edge cases (talking points: 0.5 of 1 cov…" until
    Details was clicked (trial 21): the verdict is shown whole, the paragraphs under it fold."""

    def __init__(self) -> None:
        super().__init__()
        self._full = ""
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)

    def set_line(self, text: str) -> None:
        self._full = text
        self.setToolTip(text)
        self.setText(text)

    def full(self) -> str:
        return self._full


def _plain(rich: str) -> str:
    doc = QTextDocument()
    doc.setHtml(rich)
    return doc.toPlainText()


OUTLINE_MIN_LINES = 6  # the model-answer outline keeps this many lines
TREE_WANTED_ROWS = 8  # the checklist shows this many one-line rows when the review has the room
TREE_MIN_ROWS = 4  # ... and keeps this many before the outline gets its OUTLINE_MIN_LINES


class CoverageChecklist(QWidget):
    play_requested = Signal(int, float)  # answer (part) id, seconds into its audio

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.coverage: list[QuestionCoverage] = []
        self.status = QLabel()
        self.status.setWordWrap(True)
        # Always rich text: a message escaped for it ("The round&#x27;s ...") showed its entities
        # when Qt guessed plain text (trial 40).
        self.status.setTextFormat(Qt.TextFormat.RichText)
        self.status.setObjectName("coverageStatus")
        self.tree = _WrappingTree()
        self.tree.itemClicked.connect(self._clicked)
        self.tree.itemActivated.connect(self._clicked)
        self.tree.currentItemChanged.connect(lambda item, _old: self._show_outline(item))
        self.outline = QTextBrowser()
        self.outline.setObjectName("modelAnswerOutline")
        # The checklist first, at the tab's whole width, the outline under it: beside it, under
        # three paragraphs of topic areas and phases, the tree showed 1.5 items at 1280x800 and
        # its questions wrapped to three lines (trial 19).
        self.panes = split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.tree)
        split.addWidget(self.outline)
        split.setChildrenCollapsible(False)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([3000, 1000])
        self.outline.setMinimumHeight(3 * self.fontMetrics().lineSpacing())
        # With room, the outline gets OUTLINE_MIN_LINES (a 3:1 split left it about one line at
        # 1280x800, trial 22); short of room the checklist's first rows come first (_fit_panes).
        self._panes_dragged = False
        split.splitterMoved.connect(self._panes_moved)
        split.installEventFilter(self)
        # The topic areas' line on its own; the per-phase paragraph under Details.
        self.line = _OneLine()
        self.details = QToolButton()
        self.details.setText("Details")
        self.details.setCheckable(True)
        self.details.setToolTip("Show the topic areas and the talking points per part in full")
        self.details.toggled.connect(self._show_details)
        texts = QVBoxLayout()
        texts.setContentsMargins(0, 0, 0, 0)
        texts.addWidget(self.line)
        texts.addWidget(self.status)
        head = QHBoxLayout()
        head.addLayout(texts, 1)
        head.addWidget(self.details, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(head)
        layout.addWidget(split, 1)
        layout.addStretch(0)  # takes the room when the panes are hidden: the line stays on top
        self._phases: list[GroupCoverage] = []
        self._areas = ""
        self._filled = False
        theme.notifier().changed.connect(self._theme_changed)  # a bound slot: dropped with the widget

    def outline_wanted(self) -> int:
        return OUTLINE_MIN_LINES * self.outline.fontMetrics().lineSpacing() + 2 * self.outline.frameWidth() + 12

    def _panes_moved(self, *_args) -> None:
        self._panes_dragged = True  # the user's split is kept

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt API)
        if watched is self.panes and event.type() == QEvent.Type.Resize:
            self._fit_panes()
        return False

    def _rows_height(self, n: int) -> int:
        """The height of the checklist's first `n` rows as laid out (wrapped at its width, with
        their padding), a one-line estimate for rows not there or not laid out: counted as one
        line each, a tree of two-line questions and padded points got about two of them at
        1600x1000 (trial 35)."""
        line = self.tree.fontMetrics().lineSpacing() + 4
        heights, item = [], self.tree.topLevelItem(0) if self.tree.topLevelItemCount() else None
        while item is not None and len(heights) < n:
            heights.append(max(line, self.tree.visualItemRect(item).height()))
            item = self.tree.itemBelow(item)
        return sum(heights) + (n - len(heights)) * line + 2 * self.tree.frameWidth()

    def _fit_panes(self) -> None:
        """The outline OUTLINE_MIN_LINES high while the checklist keeps TREE_MIN_ROWS rows above
        it; short of that the checklist keeps them and the outline has the rest (at least its
        minimum); with more room, the checklist grows."""
        room = self.panes.height() - self.panes.handleWidth()
        if self._panes_dragged or room <= 0:
            return
        tree_min = self._rows_height(TREE_MIN_ROWS)
        outline = max(self.outline.minimumHeight(), min(self.outline_wanted(), room - tree_min))
        self.panes.setSizes([room - outline, outline])

    def least_height(self) -> int:
        """The least the tab shows without clipping: its lines at the top whole, TREE_MIN_ROWS
        rows and the outline's OUTLINE_MIN_LINES. Squeezed below it at 150 % text (trial 24) the
        topic-areas line was clipped at the top and the outline a few pixels tall."""
        head = self.layout().itemAt(0).layout()
        width = max(self.width(), 200)
        top = head.totalHeightForWidth(width) if head.hasHeightForWidth() else head.sizeHint().height()
        tree = self._rows_height(TREE_MIN_ROWS)
        return top + self.layout().spacing() + tree + self.panes.handleWidth() + self.outline_wanted()

    def wanted_height(self) -> int:
        """What the tab asks for when there is room: its lines at the top, TREE_WANTED_ROWS rows
        of the checklist and the outline's OUTLINE_MIN_LINES (the review's side splitter gives it
        this before the findings list grows; trial 22: 3-4 rows and one outline line at 1280x800)."""
        head = self.layout().itemAt(0).layout()
        width = max(self.width(), 200)
        top = head.totalHeightForWidth(width) if head.hasHeightForWidth() else head.sizeHint().height()
        tree = self._rows_height(TREE_WANTED_ROWS)
        return top + self.layout().spacing() + tree + self.panes.handleWidth() + self.outline_wanted()

    def _theme_changed(self, _theme) -> None:
        """The points' marks and colours again in the new theme's (they kept the old one's)."""
        if self._filled:
            self.set_coverage(self.coverage, self._phases, self._areas)

    def show_message(self, text: str) -> None:
        """While the points are being matched, or when they cannot be (no script)."""
        self._filled = False
        self.coverage = []
        self.tree.clear()
        self.outline.clear()
        self.panes.hide()  # one line, not two empty panes
        self.status.setText(html.escape(text))
        self._fold(False)

    def set_coverage(self, coverage: list[QuestionCoverage], phases: list[GroupCoverage], areas: str = "") -> None:
        """`areas`: the round's topic areas, as Home and Progress count them (core.weak_spots.areas_line)."""
        self.coverage = list(coverage)
        self._phases = list(phases)
        self._areas = areas
        self._filled = True
        self.tree.clear()
        per_phase = "; ".join(f"{html.escape(g.name)}: {g.covered} of {g.points} covered, {g.partly} partly, "
                              f"{g.missed} missed" for g in phases)
        any_points = any(q.points for q in coverage)
        any_outline = any(q.outline for q in coverage)
        if any_points:
            head, _, rest = areas.partition(": ")
            self.status.setText((f"<b>{html.escape(head)}:</b> {html.escape(rest)}<br>" if areas else "")
                                + (f"<b>{PER_PHASE}:</b> {per_phase}<br>" if per_phase else "")
                                + "Click a sentence to hear it; select a question for its model-answer outline.")
        elif coverage:
            self.status.setText("There are no talking points for this round's questions: the question script lists "
                                "none for them (no expected_points)."
                                + (" Select a question for its model-answer outline." if any_outline else ""))
        else:
            self.status.setText("There are no talking points for this round: none of the script's questions "
                                "was asked.")
        # Two empty panes say nothing: shown only when there is a point or an outline to show.
        self.panes.setVisible(any_points or any_outline)
        # With points, their paragraphs fold to a line (Details unfolds them); without, the
        # status is all there is to read.
        self.line.set_line(_plain(self.status.text()).split("\n")[0])
        self._fold(any_points)
        for index, q in enumerate(coverage):
            counts = f"{q.count(COVERED)} of {len(q.points)} covered" if q.points else "no talking points"
            top = QTreeWidgetItem([f"{q.question}  ({counts})"])
            top.setData(0, QUESTION_ROLE, index)
            top.setToolTip(0, q.question)
            self.tree.addTopLevelItem(top)
            if not q.answered:
                top.addChild(QTreeWidgetItem(["Nothing was heard in answer to this question."]))
            for p in q.points:
                row = QTreeWidgetItem([f"{p.text} ({p.status_text})"])
                colour = theme.current().color(COLOUR[p.status])
                row.setForeground(0, colour)
                row.setIcon(0, theme.icon(MARK[p.status], colour.name()))
                row.setData(0, QUESTION_ROLE, index)
                row.setToolTip(0, f"{p.status_text}, score {p.score:.2f}"
                               + (f"; keywords said: {', '.join(p.keywords_said)}" if p.keywords_said else ""))
                top.addChild(row)
                for e in p.evidence:
                    quote = QTreeWidgetItem([f"\u201c{e.text}\u201d"])
                    quote.setIcon(0, theme.icon("play"))
                    quote.setData(0, EVIDENCE_ROLE, (e.part_id, e.start))
                    quote.setData(0, QUESTION_ROLE, index)
                    quote.setToolTip(0, "Click to hear it")
                    row.addChild(quote)
                row.setExpanded(True)
            top.setExpanded(True)
        if coverage:
            self.tree.setCurrentItem(self.tree.topLevelItem(0))

    def _fold(self, foldable: bool) -> None:
        self.details.setVisible(foldable)
        self._show_details(not foldable or self.details.isChecked())

    def _show_details(self, shown: bool) -> None:
        self.status.setVisible(shown)
        self.line.setVisible(not shown)

    def _show_outline(self, item: QTreeWidgetItem | None) -> None:
        index = item.data(0, QUESTION_ROLE) if item is not None else None
        if index is None or not 0 <= index < len(self.coverage):
            self.outline.clear()
            return
        q = self.coverage[index]
        status = {p.text: p.status for p in q.points}
        t = theme.current()
        # A step worded as a point shows that point's mark in its colour, as the checklist does.
        steps = "".join(
            f"<li>{html.escape(step)}"
            + (f" {theme.icon_html(MARK[status[step]], getattr(t, COLOUR[status[step]]), 14)}"
               f" <span style='color:{getattr(t, COLOUR[status[step]])}'>{LABEL[status[step]]}</span>"
               if step in status else "")
            + "</li>" for step in q.outline)
        self.outline.setHtml(f"<b>Model-answer outline</b><p style='color:{t.text_muted}'>{text_html(q.question)}</p>"
                             f"<ol>{steps}</ol>" if q.outline else "<i>No outline for this question.</i>")

    def _clicked(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        where = item.data(0, EVIDENCE_ROLE)
        if where:
            self.play_requested.emit(int(where[0]), float(where[1]))
