"""The live transcript panel: text grows as segments arrive, fillers marked, a small counter."""
from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QLabel, QTextBrowser, QVBoxLayout, QWidget

from interviewer.core.ask_labels import label_for, own_label  # the one rule for a line's label (trial 31)
from interviewer.core.transcript import SpeechRegion, Word, join_words
from interviewer.gui import theme

FILLER_STYLE = "background:#ffe0b2; color:#8a4b00; border-radius:2px;"
HEARING_TEXT = "Hearing you: your words show here at your next pause."


def find_fillers(words: list[Word], regions: list[SpeechRegion] | None = None) -> tuple[set[int], int]:
    """The words to highlight and how many fillers they are, from one call of the analysis' rule
    (core.analysis.marks.filler_groups): "you know" is two highlighted words and one filler, as
    the review counts it (the counter counted words: "Fillers: 3" over "Um" and "you know",
    review 2; new-user trial 20)."""
    from interviewer.core.analysis.marks import filler_groups

    if not words:
        return set(), 0
    groups = filler_groups(words, regions)
    return {i for group in groups for i in group}, len(groups)


def fillers_in(words: list[Word], regions: list[SpeechRegion] | None, lo: int, hi: int,
               last: bool) -> tuple[set[int], int]:
    """The highlighted words (indexes from `lo`) and fillers of words[lo:hi], marked on the
    whole answer: a filler counts in the piece its first word is in (one with no word in the
    last piece)."""
    from interviewer.core.analysis.marks import filler_groups

    groups = filler_groups(words, regions) if words else []
    marked = {i - lo for group in groups for i in group if lo <= i < hi}
    count = sum(1 for group in groups if ((lo <= group[0] < hi) if group else last))
    return marked, count


def _piece_cuts(shown: list[list[Word]], words: list[Word]) -> list[int]:
    """Where the final `words` of an answer go from one shown piece to the next: at the middle
    of the silence between the pieces' live words (the reply between them), or, when their
    times do not follow each other, after as many words as each piece showed."""
    bounds = [(a[-1].end + b[0].start) / 2 if a and b else None for a, b in zip(shown, shown[1:])]
    if all(b is not None for b in bounds) and all(x < y for x, y in zip(bounds, bounds[1:])) and \
            all(a[-1].end <= b[0].start for a, b in zip(shown, shown[1:]) if a and b):
        return [sum(1 for w in words if (w.start + w.end) / 2 < b) for b in bounds]
    cuts, n = [], 0
    for piece in shown[:-1]:
        n += len(piece)
        cuts.append(min(n, len(words)))
    return cuts


def word_count(words: list[Word]) -> int:
    """The words the counter counts: the analysis' count (core.analysis.fillers.counted_words,
    hesitations left out), so the live figure is the review's."""
    from interviewer.core.analysis.fillers import counted_words
    from interviewer.core.analysis.tokens import tokenize
    return counted_words(tokenize(words)) if words else 0


def words_html(words: list[Word], fillers: set[int]) -> str:
    parts = []
    for i, w in enumerate(words):
        text = html.escape(w.text.strip())
        if i in fillers:
            text = f'<span style="{FILLER_STYLE}">{text}</span>'
        parts.append(text)
    return join_words(parts, [w.text for w in words])  # "one-hot", not "one -hot"



class LiveTranscriptView(QWidget):
    """Shows past answers (one paragraph each) and the answer in progress."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = QTextBrowser()
        self.view.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys go to the round screen
        self.view.setAccessibleName("Live transcript")
        self.view.setAccessibleDescription("The questions and what you have said so far; fillers highlighted.")
        self.view.setLineWrapMode(QTextBrowser.LineWrapMode.WidgetWidth)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # The newest line stays in view when the view gets shorter (the question box above grows
        # by a paragraph under a follow-up) or the text longer outside _render, as long as the
        # reader was at the end: the follow-up itself went below the fold (trial 11).
        bar = self.view.verticalScrollBar()
        self._at_end = True
        bar.valueChanged.connect(self._scrolled)
        bar.rangeChanged.connect(self._range_changed)
        self.counter = QLabel()
        self.counter.setObjectName("liveCounter")
        self.counter.setProperty("role", "muted")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.counter)
        self._frozen_end = 0  # document position where the answer in progress starts
        self._words: list[Word] = []
        self._regions: list[SpeechRegion] | None = None
        self.filler_count = 0
        self.word_count = 0
        self._done_fillers = 0
        self._done_words = 0
        # Answers whose last words may still come (the live transcriber lags the speech by a second
        # or more) after something else was shown below them: key -> [start, end, words, fillers],
        # two cursors around the answer's paragraph (Qt moves them as the text before them changes).
        self._held: dict[object, list] = {}
        # Words and fillers counted so far for each answer (by key, see begin_answer), and what the
        # final transcripts of answers shown in pieces changed (settle_counts): the counter then
        # says what the review will.
        self._key: object = None
        self._tally: dict[object, list[int]] = {}
        self._settled_words = self._settled_fillers = 0
        # Answers shown but not counted: their words only asked to hear the question again
        # (leave_out_of_counts), which the review counts in no number.
        self._left_out: set[object] = set()
        # The paragraphs each answer was shown in (key -> [[start, end, words, fillers], ...], cursors
        # around each, shared with a held answer's slot): its final transcript replaces them (settle_counts).
        self._pieces: dict[object, list[list]] = {}
        self._hearing = False  # the candidate talks and no word of it is transcribed yet
        self._theme = theme.current()
        theme.notifier().changed.connect(self._theme_changed)
        self._render()

    def _theme_changed(self, new: theme.Theme) -> None:
        """Questions and interviewer lines already shown take the new theme's colours."""
        old, self._theme = self._theme, new
        mapping = {QColor(getattr(old, name)).rgb(): QColor(getattr(new, name)) for name in ("text_muted", "note_text")}
        doc = self.view.document()
        block = doc.begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                colour = fragment.charFormat().foreground().color()
                if fragment.isValid() and colour.rgb() in mapping:
                    cursor = QTextCursor(doc)
                    cursor.setPosition(fragment.position())
                    cursor.setPosition(fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor)
                    recoloured = QTextCharFormat()
                    recoloured.setForeground(mapping[colour.rgb()])
                    cursor.mergeCharFormat(recoloured)
                it += 1
            block = block.next()

    def _scrolled(self, value: int) -> None:
        self._at_end = value >= self.view.verticalScrollBar().maximum()

    def _range_changed(self, _minimum: int, maximum: int) -> None:
        if self._at_end:
            self.view.verticalScrollBar().setValue(maximum)

    def add_heading(self, text: str, prompt: bool = False, label: str = "Q:") -> None:
        label = label_for(label, text)
        """A question, marked `label` ("Follow-up:" for one; the line above the transcript says
        the same), or, with prompt=True, what the interviewer says as a phase starts."""
        self.finish_answer()  # the answer so far stays above the next question
        colours = theme.current()  # read now: the transcript follows the theme in use
        start = self._frozen_end
        if prompt:
            self._freeze(f'<p style="color:{colours.text_muted};"><i>Interviewer: {html.escape(text)}</i></p>')
        else:
            if not label and own_label(text):  # the script's own label, shown as a label too
                label = own_label(text)
                text = text.strip()[len(label):].lstrip()
            shown = f"<b>{html.escape(label)}</b> " if label else ""
            self._freeze(f'<p style="color:{colours.note_text};">{shown}{html.escape(text)}</p>')
        # Kept to be marked cut off (mark_cut_off): a question, or (named) a reply talked over;
        # the one before too, for a line that went on after it and is taken back (take_back).
        self._heading_before = getattr(self, "_last_heading", None)
        self._last_heading = (start, self._frozen_end, text, label, prompt)

    def take_back(self, text: str) -> bool:
        """The line just shown, reading `text`, was never said (the interviewer was stopped
        before it): it goes, and the heading before it, if it ends where this one began, is the
        last again (to be marked cut off). Only while nothing was added below it."""
        heading = getattr(self, "_last_heading", None)
        if heading is None or heading[1] != self._frozen_end or heading[2] != text:
            return False
        start = heading[0]
        self._replace_tail("")
        cursor = QTextCursor(self.view.document())
        cursor.setPosition(start)
        cursor.movePosition(QTextCursor.MoveOperation.End, QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()
        self._frozen_end = start
        before = getattr(self, "_heading_before", None)
        self._last_heading = before if before is not None and before[1] == start else None
        self._heading_before = None
        self._render()
        return True

    def relabel_last(self, label: str, new_label: str) -> bool:
        """The question just shown, labelled `label`, now reads `new_label` ("Follow-up (skipped
        with Next):" once N left it unanswered): only while nothing was added below it."""
        heading = getattr(self, "_last_heading", None)
        if heading is None or heading[1] != self._frozen_end or heading[4] or heading[3] != label:
            return False
        start, _end, text, _label, _prompt = heading
        self._remove_from(start)
        self.add_heading(text, label=new_label)
        return True

    def mark_cut_off(self, marked: str, text: str | None = None) -> None:
        """The question just shown was talked over before its end: its heading reads `marked`
        (core.round_records.cut_off_text), as the review and exports show it (trial 20). Only
        while nothing was added below it, and (`text` given) while it reads `text`."""
        heading = getattr(self, "_last_heading", None)
        if heading is None or heading[1] != self._frozen_end:
            return
        if (heading[2] != text) if text is not None else heading[4]:  # the interviewer's line only when named
            return
        start, _end, _text, label, prompt = heading
        self._remove_from(start)
        self.add_heading(marked, prompt=prompt, label=label)

    def _remove_from(self, start: int) -> None:
        """The last heading (from `start`, with the block break before it) and what follows it
        removed, to be added again as it should read."""
        self._replace_tail("")
        cursor = QTextCursor(self.view.document())
        cursor.setPosition(start)
        cursor.movePosition(QTextCursor.MoveOperation.End, QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()
        self._frozen_end = start

    def set_current_words(self, words: list[Word], regions: list[SpeechRegion] | None = None) -> None:
        """The answer in progress so far (replaces the previous partial view); `regions`, the
        speech regions of a finished transcript, settle fillers as the analysis does."""
        self._words = list(words)
        self._regions = regions
        self._render()

    def set_hearing(self, hearing: bool) -> None:
        """The candidate is talking and the live transcript has no word of it yet (it has words at
        their next pause): a line says so where the words will come, instead of nothing for as long
        as 20 s of fast talking (trial10)."""
        if hearing != self._hearing:
            self._hearing = hearing
            self._render()

    def begin_answer(self, key: object) -> None:
        """The words shown from now on belong to answer `key` (for settle_counts)."""
        self._key = key

    def leave_out_of_counts(self, key: object) -> None:
        """Answer `key` stays shown, but its words and fillers, now and any that come later, are
        not counted: "Could you repeat that?" is no part of the answer (the review's numbers)."""
        self._left_out.add(key)
        self._render()

    def settle_counts(self, key: object, words: list[Word], regions: list[SpeechRegion] | None) -> None:
        """The final transcript of answer `key`, shown in pieces around the interviewer's replies
        as the words came: each piece takes its share of the final words, marked as the analysis
        marks the whole answer, and the counter counts them. A trial's live counter said 6 fillers
        and 398 words, the review 5 and 394; then the counter was right but the pieces kept the
        live marks: "like one to three" (= for example, once the pauses are known) stayed
        highlighted beside "Fillers: 3" over 4 highlighted words (trial13)."""
        if key == self._key and self._words:
            self.finish_answer()  # the last piece too (the answer is over: its transcript is final)
        pieces = self._pieces.get(key) or []
        if pieces and words:
            self._replace_pieces(key, pieces, words, regions)
            return
        current = [0, 0]
        shown = self._tally.get(key, [0, 0])
        final = [word_count(words), find_fillers(words, regions)[1]]
        self._settled_words += final[0] - shown[0] - current[0]
        self._settled_fillers += final[1] - shown[1] - current[1]
        self._tally[key] = [final[0] - current[0], final[1] - current[1]]  # the piece shown still adds its own
        self._render()

    def _replace_pieces(self, key: object, pieces: list[list], words: list[Word],
                        regions: list[SpeechRegion] | None) -> None:
        cuts = _piece_cuts([piece[2] for piece in pieces], words)
        for n, (piece, lo, hi) in enumerate(zip(pieces, [0] + cuts, cuts + [len(words)])):
            start, end, old, shown_fillers = piece
            cursor = QTextCursor(self.view.document())
            cursor.setPosition(start.position())
            cursor.setPosition(end.position(), QTextCursor.MoveMode.KeepAnchor)
            old_length = end.position() - start.position()
            cursor.removeSelectedText()
            # marked on the whole answer: the analysis' context
            mine, (marked, counted) = words[lo:hi], fillers_in(words, regions, lo, hi, n == len(pieces) - 1)
            if mine:
                if start.position() > 0:
                    cursor.insertBlock()
                cursor.insertHtml(f"<p>{words_html(mine, marked)}</p>")
            end.setPosition(cursor.position())
            self._frozen_end += (end.position() - start.position()) - old_length
            self._done_words += word_count(mine) - word_count(old)
            self._done_fillers += counted - shown_fillers
            self._count(key, word_count(mine) - word_count(old), counted - shown_fillers)
            piece[2:] = [mine, counted]
        self._render()

    def _count(self, key: object, words: int, fillers: int) -> None:
        tally = self._tally.setdefault(key, [0, 0])
        tally[0] += words
        tally[1] += fillers

    def finish_answer(self) -> None:
        """Freeze the answer in progress into the history."""
        if self._words:
            fillers, counted = find_fillers(self._words, self._regions)
            words = self._words
            self._words = []
            self._done_fillers += counted
            self._done_words += word_count(words)
            self._count(self._key, word_count(words), counted)
            before = self._frozen_end
            self._freeze(f"<p>{words_html(words, fillers)}</p>")
            if self._key is not None:
                self._pieces.setdefault(self._key, []).append(
                    [self._cursor_at(before), self._cursor_at(self._frozen_end), words, counted])

    def _cursor_at(self, position: int) -> QTextCursor:
        cursor = QTextCursor(self.view.document())
        cursor.setPosition(position)
        cursor.setKeepPositionOnInsert(True)  # text added after it (the next paragraphs) leaves it
        return cursor

    def hold_answer(self, key: object) -> None:
        """Freeze the answer in progress, and keep its place: words of it that come later (see
        `set_held_words`) go here, above whatever is shown after it. An answer ended right
        before the next question or part (N, Space) otherwise never showed its last words, or
        any word when it was short."""
        before = self._frozen_end
        words, regions = self._words, self._regions
        fillers = find_fillers(words, regions)[1]
        self.finish_answer()
        pieces = self._pieces.get(key) or []
        if words and pieces and pieces[-1][0].position() == before:
            start, end = pieces[-1][0], pieces[-1][1]  # late words change the piece its final replaces
        else:
            start, end = self._cursor_at(before), self._cursor_at(self._frozen_end)
        self._held[key] = [start, end, word_count(words), fillers]

    def holds(self, key: object) -> bool:
        return key in self._held

    def set_held_words(self, key: object, words: list[Word], regions: list[SpeechRegion] | None = None,
                       final: bool = False) -> None:
        """Late words of a held answer, shown in its place; `final`: its whole transcript, after
        which the place is let go."""
        slot = self._held.get(key)
        if slot is None:
            return
        start, end, old_words, old_fillers = slot
        fillers, counted = find_fillers(words, regions)
        old_length = end.position() - start.position()
        cursor = QTextCursor(self.view.document())
        cursor.setPosition(start.position())
        cursor.setPosition(end.position(), QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()
        if words:
            if start.position() > 0:
                cursor.insertBlock()
            cursor.insertHtml(f"<p>{words_html(words, fillers)}</p>")
        end.setPosition(cursor.position())
        self._frozen_end += (end.position() - start.position()) - old_length
        self._done_words += word_count(words) - old_words
        self._done_fillers += counted - old_fillers
        self._count(key, word_count(words) - old_words, counted - old_fillers)
        slot[2:] = [word_count(words), counted]
        piece = next((p for p in self._pieces.get(key) or [] if p[0] is start), None)
        if piece is not None:
            piece[2:] = [list(words), counted]
        elif words:
            self._pieces.setdefault(key, []).append([start, end, list(words), counted])
        if final:
            del self._held[key]
        self._render()

    def clear(self) -> None:
        self._held.clear()
        self._pieces.clear()
        self.view.clear()
        self._frozen_end = 0
        self._last_heading = None
        self._words = []
        self._done_fillers = self._done_words = 0
        self._tally.clear()
        self._left_out.clear()
        self._settled_words = self._settled_fillers = 0
        self._render()

    def plain_text(self) -> str:
        return self.view.toPlainText()

    def _freeze(self, html_text: str) -> None:
        """Append finished HTML; only the tail after it is ever rewritten (keeps long rounds fast)."""
        self._replace_tail(html_text)
        cursor = self.view.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.End)
        self._frozen_end = cursor.position()
        self._render()

    def _replace_tail(self, html_text: str) -> None:
        cursor = QTextCursor(self.view.document())
        cursor.setPosition(self._frozen_end)
        cursor.movePosition(QTextCursor.MoveOperation.End, QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()
        if html_text:
            if self._frozen_end > 0:
                cursor.insertBlock()
            cursor.insertHtml(html_text)

    def _render(self) -> None:
        fillers, counted = find_fillers(self._words, self._regions)
        self._replace_tail(f"<p>{words_html(self._words, fillers)}</p>" if self._words else
                           f'<p style="color:{theme.current().text_muted};"><i>{HEARING_TEXT}</i></p>'
                           if self._hearing else "")
        bar = self.view.verticalScrollBar()
        bar.setValue(bar.maximum())
        # Every count is also tallied by answer: those left out come off the totals.
        left_out = [self._tally.get(k, [0, 0]) for k in self._left_out]
        current_out = self._key in self._left_out
        self.filler_count = (self._done_fillers + self._settled_fillers - sum(t[1] for t in left_out)
                             + (0 if current_out else counted))
        self.word_count = (self._done_words + self._settled_words - sum(t[0] for t in left_out)
                           + (0 if current_out else word_count(self._words)))
        rate = f"   ({100.0 * self.filler_count / self.word_count:.1f} per 100 words)" if self.word_count else ""
        self.counter.setText(f"Fillers: {self.filler_count}   Words: {self.word_count}{rate}")
