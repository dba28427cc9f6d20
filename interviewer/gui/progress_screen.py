"""Progress across sessions per round kind, self-ratings against measured numbers, topic areas
covered over time (weak spots), and the practice plan with its readiness checkpoints."""
from __future__ import annotations

import html
import time
from typing import Any

from PySide6.QtCore import QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from interviewer.core.practice_plan import (FULL_LENGTH_SHARE, build_plan, counted_areas, current_week,
                                            cut_short_notes,
                                            not_counted_reasons, practised_rounds, propose_next_round, readiness,
                                            weak_spot_rounds,
                                            next_step_text,
                                            track_plan)
from interviewer.core.weak_spots import RECENT_ROUNDS, weakest_first
from interviewer.core.analysis.fillers import measured_rate
from interviewer.core.analysis.version import (OFFER_OLDER_ROUNDS_FROM, analyse_older_rounds_text,
                                               analysed_by_older_version, older_rounds_line)
from interviewer.core.scripts.areas import area_name
from interviewer.core.scripts.model import NO_CLARIFYING_KINDS, ROUND_KINDS
from interviewer.gui.charts import Chart, Series
from interviewer.gui import theme
from interviewer.gui.links_label import LinksLabel
from interviewer.app.labels import kind_label

PACE_BAND = (110.0, 160.0)
RATE_ATTRS = ("filler_rate", "pace_wpm")  # plotted only from enough words (fillers.measured_rate)
TWO_COLUMNS_GAP_PX = 24  # one column until this much more than two need: a scroll bar's width
# Said on the clarifying chart: which rounds it leaves out, and why (trial 21).
CLARIFYING_CHART_NOTE = ("Behavioral and ML depth rounds call for no clarifying questions: they are "
                         "plotted only when some were asked, with the count their review gives.")


class _NameWrappingDelegate(QStyledItemDelegate):
    """A name's height wrapped at the width it is painted in: the theme's cell padding narrows it,
    and a name just wider than that ("Clarifying requirements") was cut to "Clarifying ..."."""

    PADDING = 2 * 3 + 2 * 4  # the theme's item padding and the style's text margins, both sides

    def sizeHint(self, option, index):  # noqa: N802 (Qt API)
        width = self.parent().columnWidth(index.column()) - self.PADDING
        if width <= 0:
            return super().sizeHint(option, index)
        sized = QStyleOptionViewItem(option)
        sized.rect = QRect(0, 0, width, max(option.rect.height(), 1))
        hint = super().sizeHint(sized, index)
        return QSize(hint.width(), hint.height() + self.PADDING // 2)


# Marks in the weak-spot table's "Over time" column: one per round, they grew with the rounds
# and squeezed the area names to "E... ca..." after twenty rounds of a kind.
OVER_TIME_SHOWN = 10
# After a round's mark (and a count including one): the candidate ended that round early, so its
# areas of questions never reached were not asked, not missed (core RoundAreas.early_note).
EARLY_MARK = "*"
FITTED_COLUMNS = (2, 3)  # the weak-spot table's short columns (Covered, Over time), sized to fit


class ProgressScreen(QWidget):
    session_requested = Signal(int)  # a round to open for review (the rating note's link)
    reanalyse_requested = Signal(list)  # session ids of the rounds an older analysis version analysed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[Any] = []  # SessionProgress, oldest first
        self.areas: list[Any] = []  # core.weak_spots.RoundAreas of completed rounds, oldest first
        self.scripts: list[Any] = []  # the scripts the plan may propose for the next round
        self.kind_filter = QComboBox()
        self.kind_filter.setAccessibleName("Kind of round")  # as Home's filter
        self.kind_filter.addItem("All kinds", "")
        for kind in ROUND_KINDS:
            self.kind_filter.addItem(kind_label(kind), kind)
        self.kind_filter.currentIndexChanged.connect(self._redraw)
        self.weeks = QSpinBox()
        self.weeks.setRange(6, 8)
        self.weeks.setValue(8)
        self.weeks.setSuffix(" weeks")
        # Named for what it sets: by the label before it, it was "Practice plan".
        self.weeks.setAccessibleName("Practice plan length in weeks")
        self.weeks.setToolTip("How many weeks the practice plan spans before the loop (6 to 8)")
        self.weeks.valueChanged.connect(self._redraw)
        theme.notifier().changed.connect(self._theme_changed)  # a bound slot: dropped with the widget

        self.filler_chart = Chart("Fillers per 100 words")
        self.pace_chart = Chart("Pace with pauses (words per minute)")  # the review's "with pauses" pace
        self.pause_chart = Chart("Long pauses per round")
        self.clarifying_chart = Chart("Clarifying questions per round")
        # Why some rounds have no point here (trial 21: nothing said why an ML depth round was missing).
        self.clarifying_chart.setToolTip(CLARIFYING_CHART_NOTE)
        self.clarifying_chart.setAccessibleDescription(CLARIFYING_CHART_NOTE)
        self.rating_chart = Chart("Self-rating (x) vs fillers per 100 words (y)", lines=False)
        self.rating_chart.x_range = (0.5, 5.5)
        self.rating_chart.x_label = "mean self-rating"
        for chart in (self.filler_chart, self.pace_chart, self.pause_chart, self.clarifying_chart):
            chart.x_label = "round (oldest first)"
            chart.x_counts = True
        self.rating_note = LinksLabel()  # Tab lands on its link, not on the bare label first
        self.rating_note.setWordWrap(True)
        self.rating_note.setTextFormat(Qt.TextFormat.RichText)
        self.rating_note.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                                 | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.rating_note.linkActivated.connect(self._open_link)
        self.plan_list = QListWidget()
        # Its name was the whole plan summary above it (the label before it).
        self.plan_list.setAccessibleName("Practice plan: weeks and readiness checkpoints")
        self.area_table = QTableWidget(0, 4)
        # "Covered", its span in the tooltip: "Covered (last 5)" took the room the names needed.
        self.area_table.setHorizontalHeaderLabels(["Topic area", "Round kind", "Covered", "Over time"])
        self.area_table.horizontalHeaderItem(2).setToolTip(
            f"In how many of the last {RECENT_ROUNDS} rounds of its kind it was covered")
        self.area_table.horizontalHeaderItem(3).setToolTip(
            f"The last {OVER_TIME_SHOWN} rounds at most, oldest first: ● covered, ○ not covered, "
            f"{EARLY_MARK} ended early (only the questions reached count)")
        self.area_table.verticalHeader().setVisible(False)
        # The area names take what is left (and elide); the short columns always fit their
        # headers ("Over time (oldest first)" was cut off in the last, stretched column).
        header = self.area_table.horizontalHeader()
        # The kind shares that room: sized to "ML system design" it left the area names 26 px.
        for col in (0, 1):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)
        for col in FITTED_COLUMNS:
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        # A long name wraps onto more lines rather than being cut ("Clarifying ..." at 1280x800).
        self.area_table.setWordWrap(True)
        self.area_table.setTextElideMode(Qt.TextElideMode.ElideNone)
        # Rows are fitted when their contents or column widths change, not left to fit
        # themselves: a row fitted to contents was measured ~24 times on each theme switch (the
        # style sheet re-polishes the table, its headers and scroll bars one by one): 0.15 s of
        # the switch with 73 area rows (trial8).
        self.area_table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.area_table.setItemDelegateForColumn(0, _NameWrappingDelegate(self.area_table))
        # Fitted once the columns have settled and the table is shown: fitted while hidden, the
        # rows kept their default height (a hidden table measures nothing).
        self._fit_rows_later = QTimer(self)
        self._fit_rows_later.setSingleShot(True)
        self._fit_rows_later.setInterval(0)
        self._fit_rows_later.timeout.connect(self.area_table.resizeRowsToContents)
        header.sectionResized.connect(lambda *_: self._fit_rows_later.start())
        self.area_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.area_table.setTabKeyNavigation(False)  # Tab moves on (it went cell by cell); arrows still do that
        self.area_table.setAccessibleName("Topic areas covered over time, weakest first")
        self.area_note = QLabel()
        self.area_note.setWordWrap(True)
        self.plan_summary = QLabel()
        self.plan_summary.setWordWrap(True)

        # Rounds an older version of the analysis analysed: their numbers follow the older rules
        # until analysed again, which the link does (in the background, ReviewController.reanalyse).
        self.older_rounds = LinksLabel()
        self.older_rounds.setWordWrap(True)
        self.older_rounds.setTextFormat(Qt.TextFormat.RichText)
        self.older_rounds.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                                  | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.older_rounds.linkActivated.connect(lambda _link: self.reanalyse_requested.emit(self.older_round_ids()))
        self.older_rounds.hide()
        top = QHBoxLayout()
        top.addWidget(QLabel("<h2>Progress</h2>"))
        top.addStretch(1)
        kind_caption = QLabel("Kind:")
        kind_caption.setBuddy(self.kind_filter)  # as on Home: the filter is announced as "Kind"
        top.addWidget(kind_caption)
        top.addWidget(self.kind_filter)
        grid = self.grid = QGridLayout()
        areas_box = QWidget()
        areas_layout = QVBoxLayout(areas_box)
        areas_layout.setContentsMargins(0, 0, 0, 0)
        areas_layout.addWidget(QLabel("<b>Weak spots: topic areas covered</b>"))
        areas_layout.addWidget(self.area_note)
        areas_layout.addWidget(self.area_table, 1)
        side = QVBoxLayout()
        plan_head = QHBoxLayout()
        plan_head.addWidget(QLabel("<b>Practice plan</b>"))
        plan_head.addStretch(1)
        plan_head.addWidget(self.weeks)
        side.addLayout(plan_head)
        side.addWidget(self.plan_summary)
        side.addWidget(self.plan_list, 1)
        side_widget = QWidget()
        side_widget.setLayout(side)
        # Two columns (left, right: widget, rows it spans) where the width allows, else one.
        self._columns = ([(self.filler_chart, 1), (self.pause_chart, 1), (self.rating_chart, 1), (areas_box, 1)],
                         [(self.pace_chart, 1), (self.clarifying_chart, 1), (side_widget, 2)])
        self._arrange(two_columns=True)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.older_rounds)
        layout.addLayout(grid, 1)
        layout.addWidget(self.rating_note)
        self._redraw()  # the empty state says what will appear

    def set_progress(self, rows: list[Any]) -> None:
        """rows: storage SessionProgress objects, oldest first."""
        self.rows = list(rows)
        self._show_older_rounds()
        self._redraw()

    def older_round_ids(self) -> list[int]:
        """The rounds shown here whose numbers an older version of the analysis produced."""
        return [r.session_id for r in self.rows if analysed_by_older_version(getattr(r, "analysis_version", None))]

    def _show_older_rounds(self) -> None:
        count = len(self.older_round_ids())
        if count >= OFFER_OLDER_ROUNDS_FROM:
            self.older_rounds.setText(f'{html.escape(older_rounds_line(count))} '
                                      f'<a href="again">{html.escape(analyse_older_rounds_text(count))}</a>')
        self.older_rounds.setVisible(count >= OFFER_OLDER_ROUNDS_FROM)

    def set_areas(self, rounds: list[Any], scripts: list[Any] | None = None) -> None:
        """rounds: core.weak_spots.RoundAreas of completed rounds (Store.area_history); scripts:
        the question scripts the plan may propose."""
        self.areas = list(rounds)
        if scripts is not None:
            self.scripts = list(scripts)
        self._redraw()

    def _redraw(self) -> None:
        kind = self.kind_filter.currentData()
        rows = [r for r in self.rows if not kind or r.kind == kind]
        kinds = [k for k in ROUND_KINDS if any(r.kind == k for r in rows)]
        # The rounds plotted, numbered 1..N oldest first: rounds practised (not an imported
        # recording) in which words were heard. Counting every row left gaps: a label 4 with no
        # point for an import or a round where nothing was heard.
        plotted = [r for r in rows if r.kind in ROUND_KINDS and r.words > 0]
        # Rounds cut short (ended early, or too short for the plan, as Home counts them): marked,
        # their few minutes' numbers read as a big change otherwise (trial 42).
        cut_short = cut_short_notes(practised_rounds(self.rows))

        def value(r, attr: str):
            # A rate from too few words is none, as Home's "too short to measure" (trial 47: 33.3
            # fillers per 100 words plotted from 6 words); counts (pauses, questions) stay.
            return measured_rate(getattr(r, attr), r.words) if attr in RATE_ATTRS else getattr(r, attr)

        def series(attr: str, shown_kinds=kinds, keep=lambda r: True) -> list[Series]:
            out = []
            for k in shown_kinds:
                shown = [(n, r) for n, r in enumerate(plotted)
                         if r.kind == k and value(r, attr) is not None and keep(r)]
                if not shown and k in NO_CLARIFYING_KINDS and attr == "clarifying_questions":
                    continue
                out.append(Series(kind_label(k), [(n + 1.0, float(value(r, attr))) for n, r in shown],
                                  [f"Round {n + 1} · {_round_label(r)}" for n, r in shown],
                                  [cut_short.get(r.session_id, "") for _, r in shown]))
            return out

        rated = [r for r in rows if r.mean_self_rating is not None
                 and measured_rate(r.filler_rate, r.words) is not None]
        # An empty chart says how to fill it ("No data yet" said nothing to do).
        if plotted:
            empty = "Not measured in these rounds yet"
        elif kind and any(r.kind in ROUND_KINDS and r.words for r in self.rows):
            empty = f"No {kind_label(kind)} round yet: practise one, or choose All kinds"
        else:
            empty = "Complete a round to see it here"
        for chart in (self.filler_chart, self.pace_chart, self.pause_chart, self.clarifying_chart):
            chart.set_empty_text(empty)
        self.rating_chart.set_empty_text("Rate yourself in the debrief after a round to see it here"
                                         if not rated else empty)
        self.filler_chart.set_series(series("filler_rate"), band=(0.0, 2.0))
        self.pace_chart.set_series(series("pace_wpm"), band=PACE_BAND)
        self.pause_chart.set_series(series("long_pauses"))
        # Rounds of kinds that call for no clarifying questions are left out when they asked none:
        # their 0 read as a drop (trial 17). One that asked some is plotted, with the review's own
        # count: an ML depth round with 2 was missing here while its review said 2 (trial 21).
        self.clarifying_chart.set_series(series("clarifying_questions", kinds,
                                                lambda r: r.kind not in NO_CLARIFYING_KINDS or r.clarifying_questions > 0))
        self.rating_chart.set_series([Series(kind_label(k), [(r.mean_self_rating, r.filler_rate)
                                                              for r in rated if r.kind == k],
                                             [_round_label(r) for r in rated if r.kind == k]) for k in kinds])
        self.rating_note.setText(_rating_note(rated, unrated=any(r.mean_self_rating is None for r in rows)))
        self._fill_areas(kind)
        self._fill_plan()

    def _fill_areas(self, kind: str) -> None:
        kinds = [k for k in ROUND_KINDS if (not kind or k == kind) and any(r.kind == k for r in self.areas)]
        ranked = weakest_first(weak_spot_rounds(self.areas, self.rows), kinds)
        # Rows and the short columns are fitted to their contents once, after filling: fitted as
        # each cell was set, every row was measured again per cell (1.6 s for 73 rows, after
        # every round; the two short columns 0.13 s more).
        header = self.area_table.horizontalHeader()
        for col in FITTED_COLUMNS:
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Fixed)
        self.area_table.setRowCount(len(ranked))
        for row, s in enumerate(ranked):
            over_time = _over_time(s)
            early = _early_lines(s, len(s.history) - len(s.recent))
            cells = [area_name(s.area), kind_label(s.kind or ""),
                     s.recent_text + (EARLY_MARK if early else ""), over_time]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col == 3:
                    item.setToolTip("\n".join([f"{sum(c for _, c in s.history)} of {len(s.history)} rounds covered it "
                                               f"(● covered, ○ not covered, {EARLY_MARK} ended early)",
                                               *_early_lines(s, max(0, len(s.history) - OVER_TIME_SHOWN))]))
                elif col == 2 and s.results:
                    # What measured it, as the review says it ("talking points: 1 of 1 covered;
                    # 0 of 1 questions that called for it"): covered needs each of them covered.
                    last = s.note(-1)
                    item.setToolTip("\n".join([f"Last round: {s.results[-1].describe()}"
                                               + (f" ({last})" if last else ""), *early]))
                self.area_table.setItem(row, col, item)
        self._keep_words_whole()
        for col in FITTED_COLUMNS:
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.area_table.resizeRowsToContents()
        self._fit_rows_later.start()
        self.area_note.setText(
            # Every round Home lists, ended early too: "Each completed round" left that open (trial 16).
            "Each round you practised, ended early too, counts an area as covered when at least half of its "
            "talking points, and of the questions that called for it (tradeoffs, numbers, clarifying "
            "questions...), were covered: an area both measured needs both, as the review's topic areas "
            "say. Weakest first."
            if ranked else "Complete a round to see which topic areas you cover and which you miss.")

    def _open_link(self, link: str) -> None:
        if link.startswith("session:") and link[len("session:"):].isdigit():
            self.session_requested.emit(int(link[len("session:"):]))

    def showEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        self._fit_rows_later.start()

    def _arrange(self, two_columns: bool) -> None:
        """Halves side by side: the plan's summary (a long wrapped label) took what it wanted and
        left the weak spots table too narrow for its headers in a 1024-pixel window. One column
        when two do not fit: at 1024x640 with 200 % scaling the page scrolled 84 px sideways,
        the right-hand charts cut in half (trial9)."""
        self._two_columns = two_columns
        grid = self.grid
        for column in self._columns:
            for widget, _ in column:
                grid.removeWidget(widget)
        if two_columns:
            for index, column in enumerate(self._columns):
                row = 0
                for widget, span in column:
                    grid.addWidget(widget, row, index, span, 1)
                    row += span
        else:
            left, right = self._columns
            charts = [left[0], right[0], left[1], right[1], left[2]]  # reading order, then the tables
            for row, (widget, _) in enumerate(charts + [left[3], right[2]]):
                grid.addWidget(widget, row, 0)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1 if two_columns else 0)

    def _two_columns_width(self) -> int:
        spacing = max(0, self.grid.horizontalSpacing())
        return sum(max(_least_width(w) for w, _ in column) for column in self._columns) + spacing + self._margins_px()

    def _margins_px(self) -> int:
        margins = self.layout().contentsMargins()
        return margins.left() + margins.right()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        """As narrow as one column: the width given decides how many there are."""
        hint = super().minimumSizeHint()
        if not self._two_columns:
            return hint
        one_column = max(_least_width(w) for column in self._columns for w, _ in column)
        top_row = self.layout().itemAt(0).minimumSize().width()
        return QSize(max(one_column, top_row) + self._margins_px(), hint.height())

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        # A scroll bar coming or going must not flip it back and forth.
        needed = self._two_columns_width() + (0 if self._two_columns else TWO_COLUMNS_GAP_PX)
        two_columns = event.size().width() >= needed
        if two_columns != self._two_columns:
            self._arrange(two_columns)

    def _theme_changed(self, _theme) -> None:
        self._redraw()  # the plan's marks in the new theme's colours (they kept the old one's)

    def _keep_words_whole(self) -> None:
        """The name and kind columns never narrower than their longest word: in a narrow window
        (1024x640 at 150 %) they stretched down to 26 px and every cell read '...'; now the
        table scrolls sideways instead."""
        header = self.area_table.horizontalHeader()
        needed = _longest_word_px(self.area_table, (0, 1)) + _NameWrappingDelegate.PADDING
        header.setMinimumSectionSize(max(needed, header.fontMetrics().horizontalAdvance("Topic area") // 2))

    def _fill_plan(self) -> None:
        plan = build_plan(self.weeks.value())
        # The rounds Home counts (nothing heard, an import: none), those ended early told apart.
        practised = practised_rounds(self.rows)
        progress = track_plan(plan, [(r.session_id, r.kind) for r in practised.rounds], practised.cut_short,
                              practised.too_short)
        self.plan_list.clear()
        counted = counted_areas(self.areas, practised)  # the weeks' rule for the checkpoints too
        checks = {id(s.checkpoint): s for s in readiness(plan, counted)}
        for week in progress:
            kinds = ", ".join(kind_label(k) for k in week.week.kinds)
            full = f" (at least {FULL_LENGTH_SHARE:.0%} of their planned length)" if week.week.full_length else ""
            item = QListWidgetItem(f"Week {week.week.number}: {week.week.stage} "
                                   f"({week.count}/{week.week.rounds_needed} rounds)\n    {kinds}{full}")
            item.setIcon(theme.icon("done" if week.done else "todo"))  # SVG icons, not glyphs
            self.plan_list.addItem(item)
            for c in week.week.checkpoints:
                status = checks[id(c)]
                checkpoint = QListWidgetItem(
                    f"Checkpoint: {c.text} ({min(status.best, c.in_a_row)}/{c.in_a_row} in a row)"
                    + (" - done" if status.ticked else " - to do"))
                checkpoint.setIcon(theme.icon("done" if status.ticked else "todo"))
                self.plan_list.addItem(checkpoint)
        titles = {r.session_id: r for r in practised.rounds}
        for session_id, why in not_counted_reasons(practised).items():
            row = titles[session_id]
            item = QListWidgetItem(f"Not counted: {_round_label(row)}, {why}.")
            # A note, not a to-do: the empty circle of weeks and checkpoints to do read as one
            # more box to tick (trial 18). An info mark, in the muted colour of side notes.
            muted = theme.current().text_muted
            item.setIcon(theme.icon("info", muted))
            item.setForeground(QColor(muted))
            self.plan_list.addItem(item)
        now = current_week(progress)
        done = sum(w.done for w in progress)
        # Counted rounds only: one ended too early to tick its week moved the proposal (trial 22).
        proposal = propose_next_round(progress, counted, scripts=self.scripts,
                                      not_counted=[r.kind for r in practised.rounds
                                                   if r.session_id in practised.too_short])
        ticked = sum(s.ticked for s in checks.values())
        # Weeks done past the current one ("3 of 6 weeks done. Next: week 3" read as a slip).
        ahead = [w.week.number for w in progress if w.done and now is not None and w.week.number > now.week.number]
        ahead_text = (f" ({_weeks_text(ahead)} done ahead of plan)" if ahead else "")
        self.plan_summary.setText(
            f"{done} of {len(progress)} weeks done{ahead_text}, {ticked} of {len(checks)} readiness checkpoints. "
            + next_step_text(progress, proposal))
        self.plan_progress = progress
        self.readiness = list(checks.values())
        self.proposal = proposal


def _longest_word_px(table: QTableWidget, columns: tuple[int, ...]) -> int:
    metrics = table.fontMetrics()
    words = [w for r in range(table.rowCount()) for c in columns if table.item(r, c)
             for w in table.item(r, c).text().split()]
    return max((metrics.horizontalAdvance(w) for w in words), default=0)


def _round_label(row: Any) -> str:
    """'12 Nov · ML depth: a model in production...': which round a chart's point is."""
    return f"{time.strftime('%d %b', time.localtime(row.started_at))} · {row.title}"


def _over_time(standing: Any) -> str:
    """● or ○ for each of the last OVER_TIME_SHOWN rounds, oldest first, EARLY_MARK after one
    ended early; "…" when there were more."""
    history = standing.history
    first = max(0, len(history) - OVER_TIME_SHOWN)
    marks = " ".join(("●" if covered else "○") + (EARLY_MARK if standing.note(n) else "")
                     for n, (_, covered) in enumerate(history) if n >= first)
    return f"… {marks}" if len(history) > OVER_TIME_SHOWN else marks


def _early_lines(standing: Any, first: int) -> list[str]:
    """"Round 2 of 4: ended early: 1 of 3 questions reached": the rounds from the `first`-th
    (of the area's measuring rounds, oldest first) that the candidate ended early."""
    total = len(standing.history)
    return [f"Round {n + 1} of {total}: {standing.note(n)}; the questions not reached are not counted"
            for n in range(first, total) if standing.note(n)]


def _weeks_text(numbers: list[int]) -> str:
    """[6] -> "week 6"; [4, 6] -> "weeks 4 and 6"; [3, 4, 6] -> "weeks 3, 4 and 6"."""
    if len(numbers) == 1:
        return f"week {numbers[0]}"
    return "weeks " + ", ".join(str(n) for n in numbers[:-1]) + f" and {numbers[-1]}"


RATE_PROMPT = "Rate yourself in the debrief after each round to compare how you felt with what was measured."
ONE_RATED = "With a second rated round, this compares how you felt with what was measured."


def _rating_note(rated: list[Any], unrated: bool = True) -> str:
    """`unrated`: a round shown has no self-rating. Only then does the note ask for one (trial
    29: "Rate yourself... after each round" stayed after the one round there was was rated)."""
    if len(rated) < 2:
        return RATE_PROMPT if unrated or not rated else ONE_RATED
    high = [r for r in rated if r.mean_self_rating >= 4]
    if high:
        worst = max(high, key=lambda r: r.filler_rate)
        when = time.strftime("%d %b", time.localtime(worst.started_at))
        if worst.filler_rate > 5:  # the round a link away: its review, to listen back
            return (f"You rated yourself {worst.mean_self_rating:.1f}/5 on {when} ({html.escape(worst.title)}) while "
                    f"the filler rate was {worst.filler_rate:.1f} per 100 words: <a href='session:{worst.session_id}' "
                    f"style='color:{theme.current().accent}'>listen back to that round</a>.")
    return "Your self-ratings and the measured filler rates agree so far."


def _least_width(widget: QWidget) -> int:
    return max(widget.minimumSizeHint().width(), widget.minimumWidth())
