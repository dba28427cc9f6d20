"""Home: the rounds as cards grouped by kind (title, minutes, phases, last score), the next step
of the practice plan, and the recent sessions with their headline numbers."""
from __future__ import annotations

import re
import time
from dataclasses import replace
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import QEvent, QRect, QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from interviewer.app.labels import kind_label, minutes_text
from interviewer.core.analysis.fillers import TOO_SHORT_TO_MEASURE, rates_measurable
from interviewer.core.practice_plan import practised_rounds, weak_spot_rounds
from interviewer.core.scripts.areas import area_name
from interviewer.core.scripts.model import ROUND_KINDS, RoundScript
from interviewer.core.weak_spots import RoundContent, content_text, round_content, weak_area_text, weakest_areas
from interviewer.gui import text_fit, theme
from interviewer.gui.fitted_scroll import FittedScroll
from interviewer.gui.links_label import LinksLabel

ALL_KINDS = ""
ROLE = Qt.ItemDataRole.UserRole


def _headline(row: Any) -> str:
    """A session's headline numbers: fillers per 100 words, pace, long pauses. The pace is the
    review's "with pauses" one, and says so: beside the review's two paces a bare "161 wpm"
    could be either. A round of too few words for a rate (core rates_measurable) says so: "Last:
    25.0 fillers/100 words" from 4 words (trial 46)."""
    words = getattr(row, "words", None)
    if words is not None and not rates_measurable(words):
        return f"{TOO_SHORT_TO_MEASURE} ({words} word{'s' if words != 1 else ''})"
    parts = []
    if row.filler_rate is not None:
        parts.append(f"{row.filler_rate:.1f} fillers/100 words")
    if row.pace_wpm is not None:
        parts.append(f"{row.pace_wpm:.0f} wpm with pauses")
    parts.append(f"{row.long_pauses} long pause{'s' if row.long_pauses != 1 else ''}")
    return " · ".join(parts)


MISSED_NAMED = 2  # missed areas named on a card or a recent session; the details name them all
WEAK_SPOTS_SHOWN = 3  # weakest areas named under "Next step" (Progress lists them all)
TOO_SHORT_FOR_AREAS = ("<b>Topic areas:</b> your rounds so far were too short to count (as for the plan); "
                       "complete a longer one to see which areas you cover.")
NO_AREAS_YET = "Complete a round to see which topic areas you cover and which you miss."  # as Progress says


def _content(content: RoundContent, named: int | None = MISSED_NAMED) -> str:
    """How a round went on content, as the review says it (core.weak_spots.content_text)."""
    return content_text(content, named)


PROPOSAL_LINK = "select:"  # the Next step's link to the plan's proposed round: select:<script id>
SELECTED_BORDER_EXTRA = 1  # theme.py: #roundCards::item:selected has a 2px border, others 1px
CARD_WIDTH_SAMPLE = "50 min · 7 parts · 6 questions"  # a card's line of numbers
CARD_BOX_EXTRA = 2 * (4 + 12 + 2) + 16  # theme.py: a card's margin, padding and border; text margins
STACKED_CARD_LINES = 14  # the cards' room when stacked above the details: about three cards
STACKED_DETAIL_LINES = 8
STACKED_RECENT_LINES = 8


class _WrappedCardDelegate(QStyledItemDelegate):
    """A card's height for the width it is painted at. The view asks for the height at its full
    width but paints each item `spacing` narrower on both sides, so a title that wraps once more
    there pushed the card's last line ("Not practised yet") out of sight.

    Sizes are kept per text, font and width: a theme switch re-polishes every widget and the
    view asked each card's size about ten times while doing it, 0.3 ms each (trial8: with 120
    past rounds on Home, 1476 asks and 0.46 s of a 0.64 s switch)."""

    def __init__(self, view: QListWidget) -> None:
        super().__init__(view)
        self._sizes: dict[tuple, QSize] = {}

    def sizeHint(self, option, index):  # noqa: N802 (Qt API)
        view = self.parent()
        font = index.data(Qt.ItemDataRole.FontRole)
        key = (index.data(Qt.ItemDataRole.DisplayRole), (font or option.font).key(),
               index.data(Qt.ItemDataRole.DecorationRole) is not None, view.viewport().width(),
               view.spacing(), view.iconSize(), theme.stylesheet_generation())
        size = self._sizes.get(key)
        if size is None:
            if len(self._sizes) > 4096:  # widths a window was dragged through
                self._sizes.clear()
            size = self._sizes[key] = self._measured(option, index)
        return QSize(size)

    def _measured(self, option, index) -> QSize:
        view = self.parent()
        narrowed = QStyleOptionViewItem(option)
        width = view.viewport().width() - 2 * view.spacing()
        if width <= 0:
            return super().sizeHint(narrowed, index)
        # The stylesheet's card box (margin, border, padding) and the icon come on top of the
        # text's wrapped width, so a hint can be wider than the view: the card is then clipped to
        # the view, its text wraps once more and the last line was cut ('5 questions...').
        # Wrap narrower by the overflow until the card fits.
        # A selected card's border is 1 px wider on each side, and its text wraps that much sooner.
        narrowed.state |= QStyle.StateFlag.State_Selected
        text_width = width - 2 * SELECTED_BORDER_EXTRA
        for _ in range(4):
            narrowed.rect = QRect(option.rect.x(), option.rect.y(), text_width, option.rect.height())
            hint = super().sizeHint(narrowed, index)
            if hint.width() <= width:
                break
            text_width -= hint.width() - width
        return self._tall_enough(narrowed, index, QSize(min(hint.width(), width), hint.height()))

    def _tall_enough(self, option, index, size: QSize) -> QSize:
        """`size`, taller if the text does not fit where the style paints it: inside its text
        rectangle less a margin on each side, where a title that just fitted the hint's width
        wrapped once more and the last line was cut ('6 questions...', new-user trial 6)."""
        view = self.parent()
        painted = QStyleOptionViewItem(option)
        self.initStyleOption(painted, index)
        painted.rect = QRect(0, 0, size.width(), size.height())
        style = view.style()
        text = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, painted, view)
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
        needed = QFontMetrics(painted.font).boundingRect(
            QRect(0, 0, max(1, text.width() - 2 * margin), 100000), int(Qt.TextFlag.TextWordWrap),
            painted.text).height()
        return QSize(size.width(), size.height() + max(0, needed - text.height()))


def _list(name: str, description: str) -> QListWidget:
    view = QListWidget()
    view.setObjectName(name)
    view.setAccessibleName(description)
    view.setWordWrap(True)  # long titles wrap: no sideways scrolling
    view.setItemDelegate(_WrappedCardDelegate(view))
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    view.setSpacing(3)
    view.setIconSize(QSize(18, 18))
    return view


class HomeScreen(QWidget):
    start_requested = Signal(object)  # RoundScript
    check_requested = Signal(object)  # RoundScript: go through the device check first
    session_opened = Signal(object)  # session id
    session_discarded = Signal(object)  # session id (an interrupted round the user gives up)
    session_deleted = Signal(object)  # session id (asked first by the window)
    progress_requested = Signal()  # the weak spots' link to Progress, which lists every area

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._scripts: list[RoundScript] = []
        # Until the user picks a card, the app picks one (the first, then the plan's proposal).
        self._user_picked = False
        self._picking = False
        self._seen = False  # Home was on screen: its selection is the user's to change (trial 39)
        self._history: list[Any] = []  # SessionProgress rows, oldest first
        self._too_short: frozenset = frozenset()  # of them, the rounds too short to count for the plan
        self._areas: list[Any] = []  # core.weak_spots.RoundAreas of completed rounds, oldest first
        self._recent: list[tuple[object, str]] = []
        self._interrupted: set = set()

        title = QLabel("Practice a round")
        title.setProperty("role", "title")
        self.kind_filter = QComboBox()
        self.kind_filter.setAccessibleName("Kind of round")
        self.kind_filter.addItem("All kinds", ALL_KINDS)
        for kind in ROUND_KINDS:
            self.kind_filter.addItem(kind_label(kind), kind)
        self.kind_filter.currentIndexChanged.connect(self._refill)

        self.round_list = _list("roundCards", "Rounds")
        self.round_list.setAccessibleDescription("Rounds grouped by kind. Arrow keys choose, Enter starts.")
        self.round_list.currentItemChanged.connect(self._select_current)
        self.round_list.currentItemChanged.connect(self._show_details)
        self.round_list.currentItemChanged.connect(self._note_user_pick)
        self.round_list.itemDoubleClicked.connect(lambda item: item.data(ROLE) and self._start())
        # Enter and the keypad's Enter start the selected round: keys of the list itself (its
        # eventFilter), as the arrows are, not a Qt shortcut, which Qt matches only in the window
        # it takes for the active one (trial 43: after a restart the arrows chose a card and
        # Enter did nothing).

        self.details = QTextBrowser()
        self.details.setAccessibleName("Round details")
        self.details.setOpenLinks(False)
        self.check_button = QPushButton("Check devices, then start")
        self.check_button.setIcon(theme.icon("check"))
        self.check_button.clicked.connect(self._check)
        self.start_button = QPushButton("Start round")
        self.start_button.setProperty("primary", True)
        self.start_button.setIcon(theme.icon("round", "#ffffff"))
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self._start)

        self.next_step_title = QLabel("Next step")
        self.next_step_title.setProperty("role", "heading")
        self.progress_label = LinksLabel()  # rounds completed and the practice plan's next step
        self.progress_label.setWordWrap(True)
        self.progress_label.setAccessibleName("Next step of the practice plan")
        self.progress_label.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                                    | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.progress_label.linkActivated.connect(self._link_in_next_step)
        # What to practise on content: the weakest topic areas lately, as Progress ranks them.
        self.weak_spots_label = LinksLabel()  # one Tab shows its link focused (trial 27)
        self.weak_spots_label.setText(NO_AREAS_YET)
        self.weak_spots_label.setWordWrap(True)
        self.weak_spots_label.setAccessibleName("Weakest topic areas lately")
        self.weak_spots_label.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                                      | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.weak_spots_label.linkActivated.connect(lambda _link: self.progress_requested.emit())

        self.recent_list = _list("recentSessions", "Recent sessions")
        self.recent_list.itemActivated.connect(self._open_session)
        self.recent_list.itemDoubleClicked.connect(self._open_session)
        self.recent_list.currentItemChanged.connect(lambda *_: self._update_session_buttons())
        # Every past round is listed (after weeks of practice the oldest had been left off, with
        # no way to their review); the search box finds one by title, date or numbers.
        self.session_search = QLineEdit()
        self.session_search.setPlaceholderText("Search sessions")
        self.session_search.setAccessibleName("Search sessions")
        self.session_search.setToolTip("Shows the sessions whose line has every word typed (a title, a kind, "
                                       "a date such as 05 Nov). Ctrl+F comes here, Down goes to the list, Enter "
                                       "opens the selected one, Esc clears")
        self.session_search.setClearButtonEnabled(True)
        self.session_search.textChanged.connect(self._filter_recent)
        self.session_search.returnPressed.connect(lambda: self.recent_list.currentItem()
                                                  and self._open_session(self.recent_list.currentItem()))
        self.session_search.installEventFilter(self)  # Down moves into the list, Esc clears
        # Tabbing in brings the selected card (the one Start round and Enter start) into view: the
        # view is kept at the top while the plan proposes a card below (_view_kept), and a card
        # framed by the mouse's hover read as the one Enter would start (trial 25).
        self.round_list.installEventFilter(self)
        find = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)  # Ctrl+F, as in any list app
        # The whole window's while Home shows (a hidden screen's shortcuts do not fire): with the
        # focus on the side bar after a restart, Ctrl+F did nothing and the typing went to the
        # scripts list, whose Enter then opened another round's check (trial 15).
        find.setContext(Qt.ShortcutContext.WindowShortcut)
        find.activated.connect(lambda: (self.session_search.setFocus(), self.session_search.selectAll()))
        self.session_search_note = QLabel()
        self.session_search_note.setWordWrap(True)
        self.session_search_note.hide()
        self.open_session_button = QPushButton("Review")
        # "Review" alone is also the side bar's screen: it says which round it opens.
        self.open_session_button.setAccessibleName("Review the selected session")
        self.open_session_button.setToolTip("Open the selected session's review (Enter or a double-click in the list)")
        self.open_session_button.clicked.connect(lambda: self.recent_list.currentItem()
                                                 and self._open_session(self.recent_list.currentItem()))
        self.discard_button = QPushButton("Discard interrupted round")
        self.discard_button.setToolTip("Remove it from Home and Progress; its recordings stay in the data folder")
        self.discard_button.clicked.connect(self._discard)
        # Any round, for good: a botched test round otherwise stayed in Home, Progress and the plan.
        self.delete_button = QPushButton("Delete round...")
        self.delete_button.setAccessibleName("Delete the selected session")
        self.delete_button.setToolTip("Delete the selected round with its recordings, for good (Delete key); "
                                      "asks first")
        self.delete_button.setEnabled(False)
        self.delete_button.clicked.connect(self._delete)
        self.recent_list.installEventFilter(self)  # the Delete key in the list does the same; Enter opens
        self.problems_label = QLabel()
        self.problems_label.setObjectName("problems")  # coloured by the theme
        self.problems_label.setWordWrap(True)
        self.problems_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)  # to copy
        # In a box of their own that scrolls: under the round list they ran off the bottom of
        # the window (a 1280x720 window showed none of them beside a few recent rounds).
        self.problems_box = FittedScroll(self.problems_label, PROBLEM_LINES_SHOWN)
        self.problems_box.setAccessibleName("Question script problems")
        self.problems_box.hide()

        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        kind_caption = QLabel("Kind:")
        kind_caption.setBuddy(self.kind_filter)
        top.addWidget(kind_caption)
        top.addWidget(self.kind_filter)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.round_list, 1)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.setSpacing(theme.SPACE_S)
        right_layout.addWidget(self.details, 3)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.check_button)
        buttons.addWidget(self.start_button)
        right_layout.addLayout(buttons)
        right_layout.addWidget(self.next_step_title)
        right_layout.addWidget(self.progress_label)
        right_layout.addWidget(self.weak_spots_label)
        recent_title = QLabel("Recent sessions")
        recent_title.setProperty("role", "heading")
        recent_top = QHBoxLayout()
        recent_top.addWidget(recent_title)
        recent_top.addStretch(1)
        recent_top.addWidget(self.session_search, 2)
        right_layout.addLayout(recent_top)
        right_layout.addWidget(self.session_search_note)
        right_layout.addWidget(self.recent_list, 2)
        session_buttons = QHBoxLayout()
        session_buttons.addStretch(1)
        session_buttons.addWidget(self.delete_button)
        session_buttons.addWidget(self.discard_button)
        session_buttons.addWidget(self.open_session_button)
        right_layout.addLayout(session_buttons)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([420, 600])
        splitter.setChildrenCollapsible(False)
        self.columns = splitter  # side by side, or the cards above the rest when narrow (_arrange)
        self._right_column = right

        layout = QVBoxLayout(self)
        layout.setSpacing(theme.SPACE_M)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.problems_box)
        self._update_buttons()
        self._update_session_buttons()
        for label in (self.progress_label, self.weak_spots_label):
            text_fit.keep_whole_height(label)  # a small window scrolls rather than cut them short
        theme.notifier().changed.connect(self._theme_changed)

    # ------------------------------------------------------------------ layout

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        self._arrange(self._room())

    def _room(self) -> int:
        """The page's width less a vertical scroll bar, shown or not: stacking makes the page
        scroll, so the choice made on the width left beside the bar holds either way."""
        viewport = self.parentWidget()
        page = viewport.parentWidget() if viewport is not None else None
        if not isinstance(page, QScrollArea):
            return self.width()
        return page.width() - 2 * page.frameWidth() - page.verticalScrollBar().sizeHint().width()

    def _arrange(self, width: int) -> None:
        """The cards beside the details where both columns have room, else the cards above them
        (the page scrolls): at 1024x640 with 150 % scaling the card column was squeezed to
        128 px and every title broke after a word or two (trial8)."""
        side_by_side = width >= self.side_by_side_width()
        # Side by side, the splitter's handle cannot squeeze the cards either.
        self.round_list.setMinimumWidth(self.card_column_minimum() if side_by_side else 0)
        # Stacked, the cards keep the room for a few of them, and the details for their text.
        lines = self.round_list.fontMetrics().lineSpacing()
        self.round_list.setMinimumHeight(0 if side_by_side else STACKED_CARD_LINES * lines)
        self.details.setMinimumHeight(0 if side_by_side else STACKED_DETAIL_LINES * lines)
        self.recent_list.setMinimumHeight(0 if side_by_side else STACKED_RECENT_LINES * lines)
        orientation = Qt.Orientation.Horizontal if side_by_side else Qt.Orientation.Vertical
        if self.columns.orientation() != orientation:
            self.columns.setOrientation(orientation)
            if side_by_side:
                self.columns.setSizes([420, 600])

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # a larger font needs more room
            self._arrange(self._room())

    def card_column_minimum(self) -> int:
        """The narrowest card column that still reads: a card's line of numbers unbroken, beside
        its icon, inside its box."""
        cards = self.round_list
        return (cards.fontMetrics().horizontalAdvance(CARD_WIDTH_SAMPLE) + cards.iconSize().width()
                + 2 * cards.spacing() + CARD_BOX_EXTRA + cards.verticalScrollBar().sizeHint().width())

    def side_by_side_width(self) -> int:
        margins = self.layout().contentsMargins()
        return (self.card_column_minimum() + self._right_column.minimumSizeHint().width()
                + self.columns.handleWidth() + margins.left() + margins.right())

    # ------------------------------------------------------------------ data in

    def set_scripts(self, scripts: list[RoundScript], problems: list[str] | None = None) -> None:
        self._scripts = list(scripts)
        if problems:
            problems = each_file_first(problems)
            shown = "<br>".join(_escape(p) for p in problems[:5])
            # The rest must be findable too: the sixth broken file was only '... and N more'.
            more = (f"<br>... and {len(problems) - 5} more (point here to see them all, or run "
                    "<tt>interviewer scripts list</tt>)" if len(problems) > 5 else "")
            self.problems_label.setText(f"<b>Some question scripts could not be loaded:</b><br>{shown}{more}")
            listed = problems[:MAX_PROBLEMS_LISTED]
            rest = len(problems) - len(listed)
            self.problems_label.setToolTip(
                "<br>".join(_escape(p) for p in listed) + (f"<br>... and {rest} more" if rest else "")
                if len(problems) > 5 else "")
            self.problems_box.show()
            self.problems_box.fit()
        else:
            self.problems_label.clear()
            self.problems_box.hide()
        self._refill()

    def set_kind_filter(self, kind: str) -> None:
        index = self.kind_filter.findData(kind)
        self.kind_filter.setCurrentIndex(max(index, 0))

    def set_recent_sessions(self, rows: list[tuple[object, str]], progress_text: str = "",
                            interrupted: set | None = None) -> None:
        """rows: (session id, one-line description), newest first."""
        self._recent = list(rows)
        self._interrupted = set(interrupted or ())
        self._fill_recent()
        self.progress_label.setText(progress_text)

    def set_areas(self, rounds: list[Any]) -> None:
        """The measured topic areas of completed rounds (core.weak_spots.RoundAreas, oldest
        first): each round's content on its card and in the recent sessions, and the weakest
        areas lately under "Next step"."""
        self._areas = list(rounds)
        self._fill_weak_spots()
        self._fill_recent()
        self._refill()

    def _fill_weak_spots(self) -> None:
        # Each area once, with every kind it is weak in (trial 45 named one area twice).
        counted = weak_spot_rounds(self._areas, self._history)
        weakest = weakest_areas(counted, ROUND_KINDS, WEAK_SPOTS_SHOWN)
        if weakest:
            self.weak_spots_label.setText(
                "<b>Weakest topic areas lately:</b> " + "; ".join(
                    weak_area_text(kinds, _escape(area_name(kinds[0].area)), kind_label)
                    for kinds in weakest) + f". <a href='progress' style='color:{theme.current().accent}'>Progress</a> lists them all.")
        elif counted:
            self.weak_spots_label.setText("<b>Topic areas:</b> every area measured in your last rounds was covered.")
        elif self._areas:
            self.weak_spots_label.setText(TOO_SHORT_FOR_AREAS)
        else:
            self.weak_spots_label.setText(NO_AREAS_YET)
        # A Tab stop only with its link to follow (LinksLabel): without one, Tab stopped on plain
        # text and nothing showed where the focus was (trial 21).

    def set_history(self, rows: list[Any]) -> None:
        """Per-session numbers (storage SessionProgress, oldest first): each card's last score and
        the recent sessions' headline numbers."""
        self._history = list(rows)
        self._too_short = practised_rounds(self._history).too_short
        self._fill_weak_spots()  # the rounds they count are the plan's (weak_spot_rounds)
        self._fill_recent()
        self._refill()

    # ------------------------------------------------------------------ queries

    def visible_scripts(self) -> list[RoundScript]:
        return [s for s in (self.round_list.item(i).data(ROLE) for i in range(self.round_list.count())) if s]

    def selected_script(self) -> RoundScript | None:
        item = self.round_list.currentItem()
        return item.data(ROLE) if item else None

    @property
    def user_picked(self) -> bool:
        """The selected round was picked by the user, not proposed by the practice plan."""
        return self._user_picked

    def select_script(self, script_id: str) -> bool:
        for i in range(self.round_list.count()):
            script = self.round_list.item(i).data(ROLE)
            if script is not None and script.id == script_id:
                self.round_list.setCurrentRow(i)
                return True
        return False

    def select_proposed(self, script_id: str) -> bool:
        """The practice plan's next round, selected unless the user picked a card: "Next round:
        Coding, e.g. ..." stood under a selected phone screen, which Start round started.
        Once Home has been on screen its selection is left alone: the proposal, read seconds
        after start, moved the highlight off the card the user was looking at to one scrolled
        out of view, and Start round then started a round they could not see (trial 39). The
        Next step then offers a link that selects it (PROPOSAL_LINK). True when it is selected."""
        selected = self.selected_script()
        if selected is not None and selected.id == script_id:
            return True
        if self._user_picked or (self._seen and selected is not None):
            return False
        self._picking = True
        try:
            with self._view_kept():
                return self.select_script(script_id)
        finally:
            self._picking = False

    def pick(self, script_id: str) -> bool:
        """Selects a card as the user's choice (the Next step's link), brought into view."""
        if not self.select_script(script_id):
            return False
        self._user_picked = True
        self.round_list.scrollToItem(self.round_list.currentItem())
        return True

    def _link_in_next_step(self, link: str) -> None:
        if link.startswith(PROPOSAL_LINK):
            self.pick(link[len(PROPOSAL_LINK):])
            self.round_list.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.progress_requested.emit()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        self._seen = True

    @contextmanager
    def _view_kept(self):
        """Select in the list without moving its view: scrolled to the proposed card, the list
        opened on first start with its top card cut in half (new-user trial 13). Qt scrolls to
        a new current item (or does so once shown) only with autoScroll on."""
        view = self.round_list
        auto_scroll, at = view.hasAutoScroll(), view.verticalScrollBar().value()
        view.setAutoScroll(False)
        try:
            yield
        finally:
            view.setAutoScroll(auto_scroll)
            view.doItemsLayout()  # the scroll range of a refilled list, before going back to `at`
            view.verticalScrollBar().setValue(at)

    def take_focus(self) -> None:
        """The round list gets the keyboard when Home opens, on the selected card (in view): the
        arrow keys did nothing on Home until the list was clicked (trial 42)."""
        self.round_list.setFocus(Qt.FocusReason.OtherFocusReason)
        current = self.round_list.currentItem()
        if current is not None and self.isVisible():
            self.round_list.scrollToItem(current)

    def _select_current(self, current: QListWidgetItem | None, _previous=None) -> None:
        """The card with the keyboard's focus is the selected one, whose details show and which
        Start round starts: the focus and the selection never part (trial 42: the arrow keys
        moved a frame while the selected card and its details stayed)."""
        if current is not None and current.data(ROLE) and not current.isSelected():
            current.setSelected(True)

    def _note_user_pick(self, current: QListWidgetItem | None, _previous=None) -> None:
        if not self._picking and not self.round_list.signalsBlocked() and current is not None and current.data(ROLE):
            self._user_picked = True

    # ------------------------------------------------------------------ internals

    def _last_session(self, script: RoundScript) -> Any | None:
        # By the script's id: a new title is the same script (trial 40: "Not practised yet" after
        # only the title changed). Rows that carry no id fall back to the title.
        runs = [r for r in self._history if r.words and (
            r.script_id == script.id if getattr(r, "script_id", "") else
            (r.title == script.title and r.kind == script.kind))]
        return runs[-1] if runs else None

    def _content_of(self, session_id: Any) -> RoundContent | None:
        """The session's measured areas, None when it measured none (an imported recording, an
        interrupted round, a script without talking points or signals)."""
        r = next((r for r in self._areas if r.session_id == session_id), None)
        content = round_content(r) if r is not None else None
        if content is None or not content.measured:
            return None
        # Too short for the plan: no missed areas named, as no weak spot is judged on it (trial 47).
        return replace(content, too_short=session_id in self._too_short)

    def _refill(self) -> None:
        kind = self.kind_filter.currentData()
        previous = self.selected_script()
        with self._view_kept():  # a refill (new scores, scripts read again) does not scroll
            self.round_list.blockSignals(True)
            self.round_list.clear()
            kinds = [k for k in ROUND_KINDS if (not kind or k == kind)]
            kinds += sorted({s.kind for s in self._scripts} - set(ROUND_KINDS)) if not kind else []
            for group in kinds:
                scripts = [s for s in self._scripts if s.kind == group]
                if not scripts:
                    continue
                header = QListWidgetItem(kind_label(group))
                header.setFlags(Qt.ItemFlag.NoItemFlags)  # a heading: arrow keys pass over it
                bold = QFont(self.round_list.font())
                bold.setBold(True)
                header.setFont(bold)
                header.setForeground(theme.current().color("text"))
                self.round_list.addItem(header)
                for script in scripts:
                    self.round_list.addItem(self._card(script))
            self.round_list.blockSignals(False)
            self._picking = True  # the list refilled: the same card again, or the first
            try:
                if not (previous and self.select_script(previous.id)):
                    first = next((i for i in range(self.round_list.count()) if self.round_list.item(i).data(ROLE)),
                                 None)
                    self.round_list.setCurrentRow(first if first is not None else -1)
            finally:
                self._picking = False
        if not self.visible_scripts():
            self.details.setHtml("<p>No rounds of this kind. Choose another kind, or add your own "
                                 "script to the user scripts folder (see Settings).</p>")
        self._show_details(self.round_list.currentItem())

    def _card(self, script: RoundScript) -> QListWidgetItem:
        origin = "" if script.bundled else " (yours)"
        phases = len(script.phases)
        last = self._last_session(script)
        score = f"Last: {_headline(last)}" if last is not None else (
            # its question was an extra of another round (core.extra_questions): not untouched (trial 37)
            "Not practised as a round yet; asked as an extra question"
            if any(script.id in r.extra_scripts for r in self._areas) else "Not practised yet")
        content = self._content_of(last.session_id) if last is not None else None
        if content is not None:
            score += f"\n{_content(content)}"
        item = QListWidgetItem(f"{script.title}{origin}\n{minutes_text(script.minutes)} · {phases} part"
                               f"{'s' if phases != 1 else ''} · {len(script.questions)} question"
                               f"{'s' if len(script.questions) != 1 else ''}\n{score}")
        item.setData(ROLE, script)
        item.setIcon(theme.icon("round"))
        item.setToolTip(f"{script.title}\n{script.source}")
        return item

    def _show_details(self, current: QListWidgetItem | None, _previous=None) -> None:
        self._update_buttons()
        script = current.data(ROLE) if current is not None else None
        if script is None:
            return
        phases = "".join(
            f"<li>{_isolated(p.name)}: {minutes_text(p.minutes)}"
            f"{' (ask clarifying questions)' if p.expects_clarifying else ''}</li>"
            for p in script.phases)
        last = self._last_session(script)
        content = self._content_of(last.session_id) if last is not None else None
        last_line = (f"<p><b>Last time</b> ({time.strftime('%d %b', time.localtime(last.started_at))}): "
                     f"{_escape(_headline(last))}"
                     + (f"<br>{_escape(_content(content, named=None))}" if content is not None else "")
                     + "</p>" if last is not None else "")
        self.details.setHtml(  # in the app's direction whatever the script's language (_isolated)
            f"<div dir='ltr'><h3>{_escape(script.title)}</h3>"
            f"<p>{kind_label(script.kind)} · {minutes_text(script.minutes)} · "
            f"{len(script.questions)} question{'s' if len(script.questions) != 1 else ''}</p>"
            f"{_paragraphs(script.description)}{last_line}<p><b>Plan</b></p><ol>{phases}</ol></div>")

    def _fill_recent(self) -> None:
        """The sessions, newest first, the selection kept on the same session (by id) when the
        list is filled again: a new round put itself first, and Enter then opened it instead of
        the session the user had picked (trial 42)."""
        numbers = {r.session_id: r for r in self._history}
        kept = self.recent_list.currentItem()
        kept_id = kept.data(ROLE) if kept is not None else None
        self.recent_list.blockSignals(True)
        self.recent_list.clear()
        for session_id, text in self._recent:
            row = numbers.get(session_id)
            content = self._content_of(session_id)
            item = QListWidgetItem(text + (f"\n{_headline(row)}" if row is not None and row.words else "")
                                   + (f"\n{_content(content)}" if content is not None else ""))
            item.setData(ROLE, session_id)
            item.setIcon(theme.icon("warning" if session_id in self._interrupted else "review"))
            self.recent_list.addItem(item)
        if not self._recent:
            self.recent_list.addItem(QListWidgetItem("No sessions yet: your rounds will appear here."))
        self.recent_list.blockSignals(False)
        if kept_id is not None:
            row = next((i for i in range(self.recent_list.count()) if self.recent_list.item(i).data(ROLE) == kept_id), -1)
            self.recent_list.setCurrentRow(row)
        self._filter_recent()

    def session_label(self, session_id: Any) -> str:
        """The first line of the session's entry (date, title, how it ended), '' if not listed."""
        text = next((t for sid, t in self._recent if sid == session_id), "")
        return text.splitlines()[0] if text else ""

    def _filter_recent(self) -> None:
        """Only the sessions whose entry holds every word typed (any case, any order), the
        selection kept on a shown one."""
        words = self.session_search.text().casefold().split()
        rows = self.recent_list
        for i in range(rows.count()):
            item = rows.item(i)
            text = item.text().casefold()
            item.setHidden(bool(words) and not all(w in text for w in words))
        shown = [i for i in range(rows.count()) if not rows.item(i).isHidden() and rows.item(i).data(ROLE) is not None]
        current = rows.currentRow()
        if words and shown and current not in shown:
            rows.setCurrentRow(shown[0])
        elif words and not shown:
            rows.setCurrentRow(-1)
        self.session_search_note.setText(f"No round matches \"{self.session_search.text().strip()}\"."
                                         if words and not shown else "")
        self.session_search_note.setVisible(bool(words) and not shown)
        self._update_session_buttons()

    def _theme_changed(self, _theme) -> None:
        self._refill()  # icons and headings in the new theme's colours
        self._fill_weak_spots()  # its link's colour
        self._fill_recent()
        self.start_button.setIcon(theme.icon("round", "#ffffff"))
        self.check_button.setIcon(theme.icon("check"))

    def _update_buttons(self) -> None:
        has = self.selected_script() is not None
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
        session_id = item.data(ROLE) if item is not None and not item.isHidden() else None
        self.open_session_button.setEnabled(session_id is not None)
        self.delete_button.setEnabled(session_id is not None)
        self.discard_button.setVisible(session_id in self._interrupted)

    def _discard(self) -> None:
        item = self.recent_list.currentItem()
        if item is not None and item.data(ROLE) is not None:
            self.session_discarded.emit(item.data(ROLE))

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt API)
        if (watched is self.round_list and event.type() == QEvent.Type.KeyPress
                and event.key() in (Qt.Key.Key_Home, Qt.Key.Key_End) and not event.modifiers()):
            # The first or last card: Qt's own Home went to the kind's heading, which cannot be
            # selected, so the key did nothing (trial 42).
            cards = [i for i in range(self.round_list.count()) if self.round_list.item(i).data(ROLE)]
            if cards:
                row = cards[0] if event.key() == Qt.Key.Key_Home else cards[-1]
                self.round_list.setCurrentRow(row)
                if event.key() == Qt.Key.Key_Home:
                    self.round_list.scrollToTop()  # its heading too
                else:
                    self.round_list.scrollToItem(self.round_list.item(row))
            return True
        if (watched is self.round_list and event.type() == QEvent.Type.KeyPress
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier):
            self._start()
            return True
        if watched is self.round_list and event.type() == QEvent.Type.FocusIn:
            current = self.round_list.currentItem()
            if current is not None and event.reason() != Qt.FocusReason.MouseFocusReason:
                self.round_list.scrollToItem(current)
        if watched is self.session_search and event.type() == QEvent.Type.KeyPress:
            if event.key() == Qt.Key.Key_Down:
                self.recent_list.setFocus()
                return True
            if event.key() == Qt.Key.Key_Escape and self.session_search.text():
                self.session_search.clear()
                return True
        if (watched is self.recent_list and event.type() == QEvent.Type.KeyPress
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):
            # Opened here and the key used up: the list's own activation left the Enter to go on
            # to the window, which then pressed the button the review gave the focus back to
            # (its Debrief button, trial 19).
            item = self.recent_list.currentItem()
            if item is not None and not item.isHidden():
                self._open_session(item)
            return True
        if (watched is self.recent_list and event.type() == QEvent.Type.KeyPress
                and event.matches(QKeySequence.StandardKey.Delete)):
            self._delete()
            return True
        return super().eventFilter(watched, event)

    def _delete(self) -> None:
        item = self.recent_list.currentItem()
        if item is not None and not item.isHidden() and item.data(ROLE) is not None:
            self.session_deleted.emit(item.data(ROLE))

    def _open_session(self, item: QListWidgetItem) -> None:
        session_id = item.data(ROLE)
        if session_id is not None:
            self.session_opened.emit(session_id)


MAX_PROBLEMS_LISTED = 60  # in the tooltip of the script problems; `scripts list` prints all
PROBLEM_LINES_SHOWN = 8  # lines of script problems shown before their box scrolls


def each_file_first(problems: list[str]) -> list[str]:
    """The first problem of each file, then the others: the five shown name every broken file
    (one file with sixteen mistakes hid a second broken file behind '... and 11 more')."""
    def file_of(problem: str) -> str:
        found = re.match(r"(.+?\.toml)(?::\d+)?: ", problem)
        return found.group(1) if found else problem
    firsts: dict[str, str] = {}
    for problem in problems:
        firsts.setdefault(file_of(problem), problem)
    chosen = set(map(id, firsts.values()))
    return [*firsts.values(), *(p for p in problems if id(p) not in chosen)]


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _isolated(text: str) -> str:
    """A script's own text (any language) set apart from the app's words around it: an Arabic or
    Hebrew phase name took ': 3 min' into its right-to-left run ('min 3 :مقدمة')."""
    return f"\u2068{_escape(text)}\u2069"


def _paragraphs(text: str) -> str:
    """A script's description as HTML: a blank line starts a new paragraph (docs/question-scripts.md)."""
    parts = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    return "".join(f"<p>{_escape(p)}</p>" for p in parts)
