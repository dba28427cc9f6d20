"""Trial 11: "Could I get a small hint on where to start?" was answered aloud, but the live
transcript showed nothing between the question and the candidate's next words: only replies kept
as clarifying exchanges were shown. Every reply the candidate hears is shown, once."""
from __future__ import annotations

from gui_fakes import transcript_of

from interviewer.core.round_records import Clarification, UtteranceKind
from interviewer.core.round_updates import ClarifyingAnswered, ListeningStarted, PartialTranscript, Speaking
from interviewer.gui.round_screen import RoundScreen


def test_a_hint_and_a_fact_each_show_once_between_the_words_around_them(qtbot):
    screen = RoundScreen()
    qtbot.addWidget(screen)
    screen.on_update(Speaking("Merge the sessions.", UtteranceKind.QUESTION, 1.0))
    screen.on_update(ListeningStarted(1, "q", 2.0))
    screen.on_update(PartialTranscript(1, transcript_of("Could I get a hint?").segments[0]))
    hint = "What order would put overlapping sessions next to each other?"
    screen.on_update(Speaking(hint, UtteranceKind.CLARIFICATION, 5.0))  # no exchange kept for a hint
    screen.on_update(PartialTranscript(1, transcript_of("Is the input sorted?").segments[0]))
    fact = "No, the input is in no particular order."
    screen.on_update(ClarifyingAnswered(1, Clarification("Is the input sorted?", "sorted input", fact, 9.0)))
    screen.on_update(Speaking(fact, UtteranceKind.CLARIFICATION, 9.0))
    screen.on_update(PartialTranscript(1, transcript_of("I would sort them").segments[0]))
    screen._render_partial()
    assert screen.transcript.plain_text().splitlines() == [
        "Q: Merge the sessions.", "Could I get a hint?", f"Interviewer: {hint}",
        "Is the input sorted?", f"Interviewer: {fact}", "I would sort them"]


def test_an_answer_shown_in_pieces_around_replies_is_counted_as_its_final_transcript(qtbot):
    """Trial 12: the live counter said 6 fillers and 398 words, the review 5 and 394: an answer
    with a reply in it keeps the pieces shown as the words came, and its final transcript (which
    the review counts) never reached the counter. The counter takes the final, and so do the
    pieces (trial13: their live marks disagreed with the count)."""
    from interviewer.core.analysis.marks import filler_marks
    from interviewer.core.round_updates import TranscriptReady

    screen = RoundScreen()
    qtbot.addWidget(screen)
    screen.on_update(Speaking("Merge the sessions.", UtteranceKind.QUESTION, 1.0))
    screen.on_update(ListeningStarted(1, "q", 2.0))
    screen.on_update(PartialTranscript(1, transcript_of("Could I get a hint?").segments[0]))
    hint = "What order would put overlapping sessions next to each other?"
    screen.on_update(Speaking(hint, UtteranceKind.CLARIFICATION, 5.0))
    screen.on_update(PartialTranscript(1, transcript_of("like I would sort them").segments[0]))
    screen._render_partial()
    shown = screen.transcript.plain_text()
    final = transcript_of("Could I get a hint? um I would sort them by start time")
    screen.on_update(TranscriptReady(1, final))
    expected_fillers = len(filler_marks(list(final.words), final.speech))
    assert (screen.transcript.word_count, screen.transcript.filler_count) == (len(final.words) - 1, expected_fillers)  # "um" is no word
    # The pieces show the final words, as many in the first as it showed (these fake times overlap).
    assert screen.transcript.plain_text() == shown.replace("like I would sort them", "um I would sort them by start time")
    # The next question, and the next answer, count on from there.
    screen.on_update(Speaking("Which tests would you write?", UtteranceKind.QUESTION, 20.0))
    screen.on_update(ListeningStarted(2, "tests", 21.0))
    screen.on_update(TranscriptReady(2, transcript_of("empty input and one session")))
    assert screen.transcript.word_count == len(final.words) - 1 + 5
    assert screen.transcript.filler_count == expected_fillers


def test_the_think_aloud_nudge_is_an_interviewer_line_live_as_in_the_review(qtbot):
    """The live view showed "Remember to think out loud." only in its banner, the review as an
    interviewer line: both show it as a line where it was said (interviewer_lines is the one
    source); a time warning is a line too, and live it also shows in the banner."""
    screen = RoundScreen()
    qtbot.addWidget(screen)
    screen.on_update(Speaking("Merge the sessions.", UtteranceKind.QUESTION, 1.0))
    screen.on_update(Speaking("Remember to think out loud.", UtteranceKind.NUDGE, 15.0))  # before any word
    screen.on_update(ListeningStarted(1, "q", 2.0))
    screen.on_update(PartialTranscript(1, transcript_of("I would sort them").segments[0]))
    screen.on_update(Speaking("Remember to think out loud.", UtteranceKind.NUDGE, 40.0))
    screen.on_update(Speaking("Two minutes left in this part.", UtteranceKind.PHASE_WARNING, 50.0))
    screen._render_partial()
    assert screen.transcript.plain_text().splitlines() == [
        "Q: Merge the sessions.", "Interviewer: Remember to think out loud.", "I would sort them",
        "Interviewer: Remember to think out loud.", "Interviewer: Two minutes left in this part."]
    assert "Two minutes left" in screen.warning.text() and "think out loud" not in screen.warning.text()


def test_the_pieces_of_an_answer_mark_the_fillers_its_counter_and_the_review_count(qtbot):
    """Trial13: "like" in "the ratings, like one to three" (= for example, once the pauses are
    known) was highlighted live in an answer shown around a reply, and not counted: 4 words
    highlighted beside "Fillers: 3", and the review highlighted 3. The final transcript marks the
    pieces as the analysis does (core.analysis.marks.filler_marks, the review's marks)."""
    import re

    from interviewer.core.analysis.report import analyze_answer
    from interviewer.core.round_updates import TranscriptReady
    from interviewer.core.transcript import Segment, Transcript

    first = transcript_of("Um, I would bucket the ratings, like one to three and three to five.", start=0.5)
    second = transcript_of("Then, uh, a stable loss, like log softmax.", start=12.0)
    words = first.words + second.words
    final = Transcript([Segment(s.text, s.start, s.end, s.words) for s in (*first.segments, *second.segments)],
                       duration=second.duration, speech=first.speech + second.speech, model="fake")

    screen = RoundScreen()
    qtbot.addWidget(screen)
    screen.on_update(Speaking("How would you label the reviews?", UtteranceKind.QUESTION, 1.0))
    screen.on_update(ListeningStarted(1, "q", 2.0))
    screen.on_update(PartialTranscript(1, first.segments[0]))
    screen.on_update(Speaking("Five stars, one to five.", UtteranceKind.CLARIFICATION, 8.0))
    screen.on_update(PartialTranscript(1, second.segments[0]))
    screen._render_partial()

    def highlighted() -> list[str]:
        html = screen.transcript.view.toHtml()
        return re.findall(r'background-color:#ffe0b2;[^>]*>([^<]+)<', html)  # FILLER_STYLE's colour

    assert highlighted() == ["Um,", "like", "uh,", "like"]  # live, with no pauses known: the filler reading
    assert screen.transcript.filler_count == 4
    screen.on_update(TranscriptReady(1, final))
    analysis = analyze_answer(final)
    counted = [words[i].text for i in analysis.to_dict()["filler_words"]]
    assert counted == ["Um,", "uh,"] and len(analysis.fillers) == 2
    assert highlighted() == counted
    assert screen.transcript.filler_count == 2 and screen.transcript.word_count == analysis.pace.words  # the review's count
    lines = screen.transcript.plain_text().splitlines()
    assert lines[1:] == [first.text, "Interviewer: Five stars, one to five.", second.text]
