"""QPainter drawings of a round's time: the live phase plan, and the review's timeline plot."""
from __future__ import annotations

import math

from dataclasses import dataclass, field

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QMouseEvent, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from interviewer.app.labels import clock_text, into_round_text, length_of_text, length_text
from interviewer.core.round_pauses import round_pause_words
from interviewer.gui import theme

# Findings' colours by severity (core finding_severity): theme (gui/theme.py) colour names, so
# they read in both themes; the review's findings list and the timeline's Findings row alike.
FINDING_STYLE = {"problem": "problem_text", "good": "good_text", "note": "note_text"}
FINDING_WORDS = {"problem": "to work on", "good": "went well", "note": "for information"}


def phase_color(index: int) -> QColor:
    colors = theme.current().phases
    return QColor(colors[index % len(colors)])


@dataclass
class PlannedPhase:
    id: str
    name: str
    start: float  # round seconds
    end: float
    # On the round screen's plan bar (core RoundEngine.plan_blocks): the part's planned seconds,
    # and how far it ran (solid up to there, pale after: planned, not used yet). None: not known.
    planned: float | None = None
    used_until: float | None = None


PLAN_LEGEND = ("Solid: time used. Pale: planned, not used yet. Hatched: time saved by parts done early, "
               "which the parts left may use.")


def label_gap(metrics) -> int:
    """The least room between two time labels on the plan bar: three quarters of a digit, so it
    grows with the text size (a fixed 4 px read as "00:0002:00" at 150 %, trial 30)."""
    return max(4, math.ceil(metrics.horizontalAdvance("0") * 0.75))


# Minutes between the plan bar's time labels: the smallest of these whose labels fit apart.
TICK_MINUTES = (1, 2, 5, 10, 15, 30, 60)


def shown_name(elided: str, name: str) -> str:
    """A block's label as drawn: `elided` (Qt's elidedText of `name`), or nothing when it keeps
    fewer than MIN_SHOWN_CHARS of the name ("F…", "S…" said nothing; the tooltip names it)."""
    if elided == name:
        return elided
    return elided if len(elided.rstrip("\u2026. ")) >= MIN_SHOWN_CHARS else ""


MIN_SHOWN_CHARS = 3

PALE_ALPHA = 90  # planned time not used (yet) on the plan bar: the part's colour, faint


class PhasePlanBar(QWidget):
    """The plan as coloured blocks, the elapsed part shaded, a cursor at 'now'."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.phases: list[PlannedPhase] = []
        self.total = 1.0
        self.elapsed = 0.0
        self.current_phase: str | None = None
        self.round_end: float | None = None  # when the round now ends (None: the last part's end)
        self.setMinimumHeight(46)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName("Round plan")
        self._description = ""
        self._describe()

    def set_plan(self, phases: list[PlannedPhase], total_seconds: float, round_end: float | None = None) -> None:
        self.phases = list(phases)
        self.total = max(total_seconds, 1.0)
        self.round_end = round_end
        self.elapsed = 0.0
        self.current_phase = None
        self._describe()
        self.update()

    def set_position(self, elapsed: float, current_phase: str | None) -> None:
        if abs(elapsed - self.elapsed) < 0.05 and current_phase == self.current_phase:
            return
        self.elapsed = elapsed
        self.current_phase = current_phase
        self._describe()
        self.update()

    def ends_early_at(self) -> float | None:
        """When the round now ends, if before its planned length: the parts were done early and
        only the candidate's own questions were left (core/engine.py, _share_rest)."""
        end = self.round_end if self.round_end is not None else (self.phases[-1].end if self.phases else None)
        return end if end is not None and end < self.total - 1.0 else None

    def saved_from(self) -> float | None:
        """Where the time saved by parts done early starts on the bar (after the last part, laid
        out with no gaps), None when nothing was saved."""
        end = self.phases[-1].end if self.phases else None
        return end if end is not None and end < self.total - 1.0 else None

    def _describe(self) -> None:
        """The plan in words; changes only with the phase or the minute (no screen-reader chatter)."""
        plan = ", ".join(f"{ph.name} {clock_text(ph.start)} to {clock_text(ph.end)}" for ph in self.phases)
        now = next((ph.name for ph in self.phases if ph.id == self.current_phase), None)
        early = self.ends_early_at()
        saved = self.saved_from()
        text = (f"Parts: {plan}." if plan else "No round yet.") + (
            f" The round ends early, {into_round_text(early)}." if early is not None else "") + (
            f" {length_text(self.total - saved)} saved by parts done early."
            if saved is not None and early is None else "") + (
            f" Now: {now}, {length_of_text(self.elapsed // 60 * 60, self.total // 60)} used." if now else "")
        if text != self._description:
            self._description = text
            self.setAccessibleDescription(text)

    def tick_labels(self, bar: QRectF, metrics) -> list[tuple[float, str]]:
        """(x, text) of the time axis over the plan: round numbers of minutes (every 1, 2, 5, 10,
        15 or 30 min, the smallest step whose labels fit apart), from the round's length and the
        bar's width only. The parts' start times were the labels, and they jumped each time a
        part ended early (02:00, 10:00, 19:00, then 08:43, 18:00, then 12:25, 24:33: trial 32);
        the parts' boundaries are the blocks' edges, their times the blocks' tooltips."""
        if not self.phases:
            return []
        gap = label_gap(metrics)  # 4 px at 150 % read as "00:0002:00" (trial 30)
        widest = max(metrics.horizontalAdvance(clock_text(self.total)), metrics.horizontalAdvance("00:00"))
        per_second = bar.width() / self.total
        step = next((m * 60.0 for m in TICK_MINUTES if m * 60.0 * per_second >= widest + 2 * gap),
                    TICK_MINUTES[-1] * 60.0)
        labels: list[tuple[float, str]] = []
        t = 0.0
        while t <= self.total:
            x0 = bar.left() + t * per_second
            text = clock_text(t)
            if x0 + metrics.horizontalAdvance(text) <= bar.right():
                labels.append((x0, text))
            t += step
        return labels

    def bar_rect(self) -> QRectF:
        return QRectF(1, 16, self.width() - 2, self.height() - 2 - 16)

    def cursor_x(self, bar: QRectF) -> float:
        return bar.left() + bar.width() * min(self.elapsed, self.total) / self.total

    @staticmethod
    def name_place(rect: QRectF, name: str, cursor: float, metrics) -> tuple[QRectF, str]:
        """Where a phase's name goes in its block, and the text (elided if it must be): on the
        side of the playhead with more room, never under it (trial 21: the red line ran through
        "Deep dive"). The full name is the block's tooltip."""
        inner = rect.adjusted(6, 0, -2, 0)
        if inner.left() - 4 < cursor < inner.left() + metrics.horizontalAdvance(name) + 4 and cursor < inner.right():
            before = QRectF(inner.left(), inner.top(), max(0.0, cursor - 4 - inner.left()), inner.height())
            after = QRectF(cursor + 5, inner.top(), max(0.0, inner.right() - cursor - 5), inner.height())
            fits = [side for side in (after, before) if metrics.horizontalAdvance(name) <= side.width()]
            inner = fits[0] if fits else max(after, before, key=QRectF.width)
        return inner, metrics.elidedText(name, Qt.TextElideMode.ElideRight, int(inner.width()))

    def phase_tip(self, x: float) -> str:
        """The full name and times of the phase under `x` (a narrow block shows "Introduc…")."""
        bar = self.bar_rect()
        for phase in self.phases:
            if bar.left() + bar.width() * phase.start / self.total <= x < bar.left() + bar.width() * phase.end / self.total:
                tip = f"{phase.name}: {clock_text(phase.start)} to {clock_text(phase.end)}"
                if phase.planned is not None:
                    used = (f", {length_text(min(phase.used_until, phase.end) - phase.start)} used"
                            if phase.used_until is not None else "")
                    tip += f" (planned {length_text(phase.planned)}{used})"
                return f"{tip}\n{PLAN_LEGEND}" if phase.planned is not None else tip
        saved = self.saved_from()
        if saved is not None and x >= bar.left() + bar.width() * saved / self.total:
            # With its times, as a part's (trial 46: the hatched end read "S..." when narrow).
            times = f" ({clock_text(saved)} to {clock_text(self.total)})" if self.ends_early_at() is None else ""
            return f"{self._saved_text()}{times}\n{PLAN_LEGEND}"
        return ""

    def saved_label(self, width: float, metrics) -> str:
        """The words on the hatched end that fit in `width`: in full, else "Saved 11 min" (or
        "Ends early"), else none (its tooltip says it all); never an elided "S..." (trial 46)."""
        early, saved = self.ends_early_at(), self.saved_from()
        length = length_text(self.total - (saved or self.total))
        full = self._saved_text()
        elided = metrics.elidedText(full, Qt.TextElideMode.ElideRight, int(max(width, 0)))
        if elided == full or (early is None and length in elided):  # "Saved by parts done early: 11 min for..."
            return elided
        short = "Ends early" if early is not None else f"Saved {length}"
        return short if metrics.horizontalAdvance(short) <= width else ""

    def _saved_text(self) -> str:
        early, saved = self.ends_early_at(), self.saved_from()
        if early is not None:
            return f"Parts done early: the round ends early, {into_round_text(early)}"
        return f"Saved by parts done early: {length_text(self.total - (saved or self.total))} for the parts left"

    def event(self, event) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.ToolTip:
            tip = self.phase_tip(event.pos().x())
            if tip:
                QToolTip.showText(event.globalPos(), tip, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def paintEvent(self, _event) -> None:  # noqa: N802 (Qt API)
        t = theme.current()
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        bar = self.bar_rect()
        font = QFont(self.font())
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
        p.setFont(font)
        for i, phase in enumerate(self.phases):
            x0 = bar.left() + bar.width() * phase.start / self.total
            x1 = bar.left() + bar.width() * phase.end / self.total
            rect = QRectF(x0, bar.top(), x1 - x0, bar.height())
            color = phase_color(i)
            if phase.planned is None:
                p.fillRect(rect, color)
            else:
                # Used time solid, planned time not used (yet) pale: an early end reads as time
                # saved, not as time lost (trial 42).
                pale = QColor(color)
                pale.setAlpha(PALE_ALPHA)
                p.fillRect(rect, pale)
                used = self.elapsed if phase.id == self.current_phase else phase.used_until
                if used is not None:
                    xu = bar.left() + bar.width() * min(max(used, phase.start), phase.end) / self.total
                    p.fillRect(QRectF(x0, bar.top(), xu - x0, bar.height()), color)
            current = phase.id == self.current_phase
            # The current phase: a thick outline in the accent colour and bold text (no glyphs).
            p.setPen(QPen(t.color("accent") if current else t.color("window"), 3 if current else 1))
            p.drawRect(rect.adjusted(1, 1, -1, -1) if current else rect)
            bold = QFont(font)
            bold.setBold(current)
            p.setFont(bold)
            p.setPen(t.color("text"))
            place, name = self.name_place(rect, phase.name, self.cursor_x(bar), p.fontMetrics())
            name = shown_name(name, phase.name)
            p.drawText(place, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, name)
            p.setFont(font)
        saved = self.saved_from()
        if saved is not None:
            # The planned minutes parts done early saved: left blank, three quarters of the bar
            # said nothing once a phone screen's parts were done in 7 minutes (trial 10). Hatched
            # after the last part, where the parts no longer leave gaps (trial 42).
            x0 = bar.left() + bar.width() * saved / self.total
            rest = QRectF(x0, bar.top(), bar.right() - x0, bar.height())
            p.fillRect(rest, QBrush(t.color("border"), Qt.BrushStyle.BDiagPattern))
            p.setPen(t.color("text_muted"))
            p.drawText(rest.adjusted(8, 0, -4, 0), Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                       self.saved_label(rest.width() - 12, p.fontMetrics()))
        p.setPen(t.color("text_muted"))
        for x0, text in self.tick_labels(bar, p.fontMetrics()):
            p.drawText(QRectF(x0 + 2, 0, p.fontMetrics().horizontalAdvance(text) + 4, 14),
                       Qt.AlignmentFlag.AlignLeft, text)
            p.drawLine(QPointF(x0, 2), QPointF(x0, bar.top()))  # the tick the time belongs to
        # elapsed shading and cursor
        x = self.cursor_x(bar)
        shade = QColor(t.text)
        shade.setAlpha(40)
        p.fillRect(QRectF(bar.left(), bar.top(), x - bar.left(), bar.height()), shade)
        p.setPen(QPen(t.color("cursor"), 2))
        p.drawLine(QPointF(x, bar.top() - 2), QPointF(x, bar.bottom()))
        p.end()


@dataclass
class TimelineData:
    """What the review plot shows. Times are round seconds."""

    total: float
    planned: list[PlannedPhase] = field(default_factory=list)
    actual: list[PlannedPhase] = field(default_factory=list)  # phases as they really ran
    asks: list[tuple[float, str]] = field(default_factory=list)  # (time, label)
    answers: list[tuple[float, float, str]] = field(default_factory=list)  # (start, end, label)
    fillers: list[float] = field(default_factory=list)
    pauses: list[tuple[float, float]] = field(default_factory=list)
    findings: list[tuple[float, str, str]] = field(default_factory=list)  # (time, message, severity)
    # Where a round that stopped well before its plan ended: past it the rows are greyed and
    # marked, so a 4-minute round is not read as one that ran its planned 45 (None: it ran).
    ended: float | None = None
    ended_why: str = ""  # why, when the round shortened itself (core.time_left.QUESTIONS_DONE)
    # The round's pauses: (round seconds when paused, how long, why: core.engine.PauseSpan.why).
    # The round clock stood still meanwhile, so each is a moment of the round, marked and labelled
    # "Round paused for 30 s" (the P key) or ""End the round?" asked, 30 s"
    # (core.round_pauses.round_pause_words).
    round_pauses: list[tuple[float, float, str]] = field(default_factory=list)


class RoundTimelinePlot(QWidget):
    """Rows: plan, actual phases, questions asked, answers (with pauses), fillers, findings.

    Clicking emits `time_clicked(round_seconds)` so the review can play from there.
    """

    time_clicked = Signal(float)
    ROWS = ("Plan", "Parts", "Asked", "Answers", "Fillers", "Findings")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data = TimelineData(total=1.0)
        self.cursor: float | None = None  # keyboard cursor (round seconds): arrows move it, Enter plays
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)  # sizeHint's height
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName("Round timeline")
        self.setToolTip("Click, or use Left/Right and Enter, to play from a moment.\n"
                        "Findings are coloured as in the findings list: to work on, went well, for information; "
                        "point at one to read it.")
        self._describe()

    def _label_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
        return font

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        """Rows as tall as their labels need, not more: it was 170 px at any font (24 px rows for
        11 px labels), room the review lacked at 1280x720; a larger font gets taller rows."""
        row = max(18, QFontMetrics(self._label_font()).lineSpacing() + 6)
        return QSize(400, len(self.rows()) * row + 26)  # 6 above the plot, 20 below for the time axis

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return QSize(120, self.sizeHint().height())

    def rows(self) -> tuple[str, ...]:
        """The rows drawn: without a plan and parts (an imported recording has no script) the
        Plan and Parts rows would stay empty, so they are left out (trial 39)."""
        return self.ROWS if self.data.planned or self.data.actual else self.ROWS[2:]

    def set_data(self, data: TimelineData) -> None:
        self.data = data
        self.cursor = None
        self._describe()
        self.updateGeometry()  # two rows fewer, or more
        self.update()

    def _describe(self) -> None:
        d = self.data
        ended = (f", ended {into_round_text(d.ended)}" + (f", {d.ended_why}" if d.ended_why else "")
                 if d.ended is not None else "")
        paused = "".join(f" {self.round_pause_text(*pause)}." for pause in d.round_pauses)
        kinds = ", ".join(f"{n} {FINDING_WORDS[kind]}" for kind in FINDING_WORDS
                          if (n := sum(f[2] == kind for f in d.findings)))
        self.setAccessibleDescription(
            f"{length_text(d.total)} round{ended}: {len(d.actual)} parts, {len(d.asks)} questions asked, "
            f"{len(d.answers)} answers, {len(d.fillers)} fillers, {len(d.pauses)} long pauses, "
            f"{len(d.findings)} findings{f' ({kinds})' if kinds else ''}.{paused} "
            "Left and Right move through the answers; Enter plays from there.")

    def set_findings(self, findings: list[tuple[float, str, str]]) -> None:
        """The findings again, coloured anew (their severity changes once the talking points are matched)."""
        self.data.findings = list(findings)
        self._describe()
        self.update()

    @staticmethod
    def round_pause_text(at: float, seconds: float, why: str = "") -> str:
        """"Round paused for 30 s at 04:16" (core.round_pauses.round_pause_words, as the transcript says it)."""
        return f"{round_pause_words(seconds, why)} at {clock_text(at)}"

    def round_pause_labels(self, metrics) -> list[tuple[QRectF, str]]:
        """Where each pause's label goes on the Answers row, and its text: after its dotted line,
        up to the next pause's line (or the plot's end), elided to fit, or left out when too
        little of it would show (its tooltip says it). Never over another: "Round paused for 16
        Round paused for 30 s" read as one run (trial 48)."""
        r = self._plot_rect()
        rr = self._row(3)
        xs = sorted((self._x(at), round_pause_words(seconds, why)) for at, seconds, why in self.data.round_pauses)
        gap = label_gap(metrics)
        placed = []
        for i, (x, text) in enumerate(xs):
            end = min([r.right()] + [nx - gap for nx, _ in xs[i + 1:] if nx > x])
            room = end - (x + 4) - 6  # the box pads the text by 3 px each side
            label = shown_name(metrics.elidedText(text, Qt.TextElideMode.ElideRight, int(max(room, 0))), text)
            if label:
                placed.append((QRectF(x + 4, rr.top(), metrics.horizontalAdvance(label) + 6, rr.height()), label))
        return placed

    def finding_tip(self, pos: QPointF) -> str:
        """The findings under `pos` on the Findings row: "To work on, 09:30: ...", one a line."""
        rr = self._row(5)
        if not rr.top() - 2 <= pos.y() <= rr.bottom() + 2:
            return ""
        near = [f"{FINDING_WORDS.get(kind, kind).capitalize()}, {clock_text(at)}: {message}"
                for at, message, kind in self.data.findings if abs(self._x(at) - pos.x()) <= FINDING_DOT_R + 1]
        return "\n".join(near[:6] + ([f"and {len(near) - 6} more"] if len(near) > 6 else []))

    def segment_tip(self, pos: QPointF) -> str:
        """The full name and times of the Plan or Parts segment at `pos` when its label does not
        fit in it (drawn elided or not at all), else "" (trial 46: "Training and..." with no tooltip)."""
        shown = self.rows()
        if len(shown) < len(self.ROWS):
            return ""
        metrics = QFontMetrics(self._label_font())
        for rownum, spans in ((0, self.data.planned), (1, self.data.actual)):
            rr = self._row(rownum)
            if not rr.top() <= pos.y() <= rr.bottom():
                continue
            for phase in spans:
                x0, x1 = self._x(phase.start), self._x(phase.end)
                if x0 <= pos.x() <= max(x1, x0 + 1) and metrics.horizontalAdvance(phase.name) > x1 - x0 - 4:
                    return f"{phase.name}: {clock_text(phase.start)} to {clock_text(phase.end)}"
        return ""

    def _row(self, i: int) -> QRectF:
        """The rectangle of row `i` (indexing ROWS), as paintEvent draws it."""
        r = self._plot_rect()
        shown = self.rows()
        skipped = len(self.ROWS) - len(shown)
        row_h = r.height() / len(shown)
        return QRectF(r.left(), r.top() + (i - skipped) * row_h + 2, r.width(), row_h - 4)

    def round_pause_tip(self, x: float) -> str:
        """The pause of the round marked within a few pixels of `x`, in words, or ""."""
        near = [(abs(self._x(at) - x), at, seconds, why) for at, seconds, why in self.data.round_pauses
                if abs(self._x(at) - x) <= 5]
        return self.round_pause_text(*min(near)[1:]) if near else ""

    def event(self, event) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.ToolTip:
            pos = QPointF(event.pos())
            tip = self.finding_tip(pos) or self.round_pause_tip(pos.x()) or self.segment_tip(pos)
            if tip:
                QToolTip.showText(event.globalPos(), tip, self)
                return True
        return super().event(event)

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt API)
        """Left/Right step through answer starts (or by a tenth of the round); Enter plays."""
        key = event.key()
        stops = sorted({start for start, _end, _label in self.data.answers}) or [
            self.data.total * i / 10 for i in range(10)]
        now = self.cursor
        if key in (Qt.Key.Key_Right, Qt.Key.Key_Left):
            if key == Qt.Key.Key_Right:
                later = [s for s in stops if now is None or s > now + 1e-6]
                self.cursor = later[0] if later else stops[-1]
            else:
                earlier = [s for s in stops if now is not None and s < now - 1e-6]
                self.cursor = earlier[-1] if earlier else stops[0]
            self.setAccessibleDescription(f"At {clock_text(self.cursor)}. Enter plays from here.")
            self.update()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and self.cursor is not None:
            self.time_clicked.emit(self.cursor)
        else:
            super().keyPressEvent(event)

    def _plot_rect(self) -> QRectF:
        return QRectF(70, 6, max(self.width() - 80, 10), self.height() - 26)

    def _x(self, t: float) -> float:
        r = self._plot_rect()
        return r.left() + r.width() * max(0.0, min(t, self.data.total)) / max(self.data.total, 1.0)

    def time_at(self, x: float) -> float:
        r = self._plot_rect()
        return max(0.0, min(1.0, (x - r.left()) / r.width())) * self.data.total

    def axis_label_rect(self, x: float) -> QRectF:
        """The box of the time label under the tick at `x`, centred on it but kept inside the
        widget: the last label of an hour-long round ('1:00:00') was cut to '1:00:0'."""
        left = min(max(x - 30, 0.0), self.width() - 60.0)
        return QRectF(left, self._plot_rect().bottom() + 4, 60, 14)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._plot_rect().contains(event.position()):
            self.time_clicked.emit(self.time_at(event.position().x()))

    def paintEvent(self, _event) -> None:  # noqa: N802
        t = theme.current()
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), t.color("surface"))
        r = self._plot_rect()
        shown = self.rows()
        skipped = len(self.ROWS) - len(shown)  # the rows left out come first
        row_h = r.height() / len(shown)
        p.setFont(self._label_font())

        def row(i: int) -> QRectF:  # `i` indexes ROWS
            return QRectF(r.left(), r.top() + (i - skipped) * row_h + 2, r.width(), row_h - 4)

        p.setPen(t.color("text_muted"))
        for i, name in enumerate(self.ROWS):
            if i < skipped:
                continue
            p.drawText(QRectF(0, row(i).top(), 66, row(i).height()),
                       Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, name)
        index_of = {ph.id: i for i, ph in enumerate(self.data.planned)}
        for rownum, spans in ((0, self.data.planned), (1, self.data.actual)):
            rr = row(rownum)
            for phase in spans:
                x0, x1 = self._x(phase.start), self._x(phase.end)
                rect = QRectF(x0, rr.top(), max(x1 - x0, 1), rr.height())
                p.fillRect(rect, phase_color(index_of.get(phase.id, 0)))
                p.setPen(t.color("surface"))
                p.drawRect(rect)
                p.setPen(t.color("text"))
                p.drawText(rect.adjusted(3, 0, 0, 0), Qt.AlignmentFlag.AlignVCenter, shown_name(
                    p.fontMetrics().elidedText(phase.name, Qt.TextElideMode.ElideRight, int(rect.width() - 4)),
                    phase.name))
        rr = row(2)
        p.setPen(QPen(t.color("note_text"), 2))
        for at, _label in self.data.asks:
            p.drawLine(QPointF(self._x(at), rr.top()), QPointF(self._x(at), rr.bottom()))
        rr = row(3)
        for start, end, _label in self.data.answers:
            p.fillRect(QRectF(self._x(start), rr.top(), max(self._x(end) - self._x(start), 1), rr.height()),
                       t.color("meter_ok"))
        for start, end in self.data.pauses:
            p.fillRect(QRectF(self._x(start), rr.top() + rr.height() * 0.25,
                              max(self._x(end) - self._x(start), 1), rr.height() * 0.5), t.color("pause_bg"))
        rr = row(4)
        p.setPen(QPen(t.color("meter_hot"), 1.5))
        for at in self.data.fillers:
            p.drawLine(QPointF(self._x(at), rr.top()), QPointF(self._x(at), rr.bottom()))
        rr = row(5)
        # Coloured by kind, as the findings list is (its legend names the colours); every dot was
        # red, the went-well ones too (trial 48). To work on drawn last, on top.
        p.setPen(QPen(t.color("surface"), 1))
        order = {kind: i for i, kind in enumerate(reversed(FINDING_STYLE))}
        for at, _message, kind in sorted(self.data.findings, key=lambda f: order.get(f[2], -1)):
            p.setBrush(t.color(FINDING_STYLE.get(kind, "text")))
            p.drawEllipse(QPointF(self._x(at), rr.center().y()), FINDING_DOT_R, FINDING_DOT_R)
        if self.data.ended is not None:  # the rest of the plan, never reached
            x = self._x(self.data.ended)
            first = max(1, skipped)
            rest = QRectF(x, row(first).top(), r.right() - x, row(len(self.ROWS) - 1).bottom() - row(first).top())
            p.fillRect(rest, QBrush(t.color("border"), Qt.BrushStyle.BDiagPattern))
            p.setPen(QPen(t.color("text"), 1.5, Qt.PenStyle.DashLine))
            p.drawLine(QPointF(x, r.top()), QPointF(x, r.bottom()))
            label = f"ended {clock_text(self.data.ended)}" + (f": {self.data.ended_why}" if self.data.ended_why else "")
            box = QRectF(x + 4, row(2).top(), p.fontMetrics().horizontalAdvance(label) + 6, row(2).height())
            p.fillRect(box.intersected(r), t.color("surface"))
            p.setPen(t.color("text"))
            p.drawText(box.adjusted(3, 0, 0, 0).intersected(r), Qt.AlignmentFlag.AlignVCenter, label)
        p.setBrush(Qt.BrushStyle.NoBrush)
        for at, _seconds, _why in self.data.round_pauses:  # a dotted line through the rows
            x = self._x(at)
            p.setPen(QPen(t.color("text_muted"), 1.5, Qt.PenStyle.DotLine))
            p.drawLine(QPointF(x, row(max(1, skipped)).top()), QPointF(x, r.bottom()))
        for box, label in self.round_pause_labels(p.fontMetrics()):  # labelled, none over another
            p.fillRect(box.intersected(r), t.color("surface"))
            p.setPen(t.color("text"))
            p.drawText(box.adjusted(3, 0, 0, 0).intersected(r), Qt.AlignmentFlag.AlignVCenter, label)
        # time axis
        p.setPen(t.color("text_muted"))
        step = _axis_step(self.data.total)
        at = 0.0
        while at <= self.data.total + 1e-6:
            x = self._x(at)
            p.drawLine(QPointF(x, r.bottom()), QPointF(x, r.bottom() + 4))
            p.drawText(self.axis_label_rect(x), Qt.AlignmentFlag.AlignHCenter, clock_text(at))
            at += step
        if self.cursor is not None:  # the keyboard cursor
            p.setPen(QPen(t.color("accent"), 2))
            x = self._x(self.cursor)
            p.drawLine(QPointF(x, r.top()), QPointF(x, r.bottom()))
        if self.hasFocus():
            p.setPen(QPen(t.color("accent"), 2))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(QRectF(self.rect()).adjusted(1, 1, -1, -1))
        p.end()


FINDING_DOT_R = 4  # px: a finding's dot on the timeline


def _axis_step(total: float) -> float:
    """Seconds between the time axis's labels: at most 8 steps (a 5-second imported recording
    had one label, 00:00, and no other)."""
    for step in (1, 2, 5, 10, 30, 60, 120, 300, 600, 900):
        if total / step <= 8:
            return float(step)
    return 1800.0
