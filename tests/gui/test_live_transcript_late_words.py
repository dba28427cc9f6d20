"""The live transcript lags the speech by a second or more. An answer ended right before the next
question or part (Space, N) got its words after the next heading was shown, and the round screen
dropped them: a trial's answer to a follow-up ('I would fail open with simple rules...', then N)
never appeared in the live view, though the review had it."""
from __future__ import annotations

from gui_fakes import transcript_of

from interviewer.core.round_records import UtteranceKind
from interviewer.core.round_updates import ListeningStarted, PartialTranscript, Speaking, TranscriptReady
from interviewer.gui.round_screen import RoundScreen


def _screen(qtbot) -> RoundScreen:
    screen = RoundScreen()
    qtbot.addWidget(screen)
    return screen


def test_late_words_of_an_answer_show_above_the_next_part(qtbot):
    screen = _screen(qtbot)
    screen.on_update(Speaking("Fail open or fail closed?", UtteranceKind.FOLLOW_UP, 1.0))
    screen.on_update(ListeningStarted(1, "q", 2.0))
    # N right after speaking: the next part's prompt is said before any word was transcribed.
    screen.on_update(Speaking("Let's move on to the data.", UtteranceKind.PROMPT, 6.0))
    screen.on_update(ListeningStarted(2, "data", 10.0))
    late = transcript_of("I would fail open with simple rules")
    screen.on_update(PartialTranscript(1, late.segments[0]))
    assert screen.transcript.plain_text().splitlines() == [
        "Follow-up: Fail open or fail closed?", "I would fail open with simple rules",
        "Interviewer: Let's move on to the data."]
    # The answer in progress still shows below, and the final transcript replaces the partial.
    screen.on_update(PartialTranscript(2, transcript_of("Events come in").segments[0]))
    screen._render_partial()
    screen.on_update(TranscriptReady(1, transcript_of("Um I would fail open with simple rules, yes")))
    assert screen.transcript.plain_text().splitlines() == [
        "Follow-up: Fail open or fail closed?", "Um I would fail open with simple rules, yes",
        "Interviewer: Let's move on to the data.", "Events come in"]
    assert screen.transcript.word_count == 8 + 3 and screen.transcript.filler_count == 1  # "Um" is no word (the review's count)


def test_the_last_words_of_an_answer_cut_short_by_the_next_question_are_kept(qtbot):
    screen = _screen(qtbot)
    screen.on_update(Speaking("First question?", UtteranceKind.QUESTION, 1.0))
    screen.on_update(ListeningStarted(1, "q1", 2.0))
    screen.on_update(PartialTranscript(1, transcript_of("I would sort").segments[0]))
    screen._render_partial()
    screen.on_update(Speaking("Second question?", UtteranceKind.QUESTION, 6.0))
    screen.on_update(TranscriptReady(1, transcript_of("I would sort them by start time")))
    screen.on_update(ListeningStarted(2, "q2", 8.0))
    screen.on_update(PartialTranscript(2, transcript_of("Then").segments[0]))
    screen._render_partial()
    assert screen.transcript.plain_text().splitlines() == [
        "Q: First question?", "I would sort them by start time", "Q: Second question?", "Then"]
    assert screen.transcript.word_count == 8


def test_a_follow_up_is_marked_as_one_in_the_transcript_as_above_it(qtbot):
    """A new user's trial: the live transcript wrote follow-ups as "Q:" while the line above said
    "Follow-up:"; a changed constraint likewise."""
    screen = _screen(qtbot)
    screen.on_update(Speaking("Design a feed.", UtteranceKind.QUESTION, 1.0))
    screen.on_update(Speaking("How would you measure it?", UtteranceKind.FOLLOW_UP, 5.0))
    screen.on_update(Speaking("Latency is now 20 ms.", UtteranceKind.CHANGED_CONSTRAINT, 9.0))
    assert screen.transcript.plain_text().splitlines() == [
        "Q: Design a feed.", "Follow-up: How would you measure it?", "New constraint: Latency is now 20 ms."]
    # The problem stays in view under what changed it (trial3: the problem left the box while coding).
    assert screen.question.text().splitlines()[0] == "New constraint: Latency is now 20 ms."
    assert screen.question.text().endswith("The problem: Design a feed.")


def test_a_story_rounds_follow_up_keeps_the_question_not_a_problem(qtbot):
    """Trial 11, a behavioral round in the real app: under a follow-up the box read "The problem:
    Tell me about a time you had a serious conflict with a peer...". A coding round keeps "The problem"."""
    from types import SimpleNamespace
    for kind, heading in (("behavioral", "The question"), ("ml_depth", "The question"), ("coding", "The problem")):
        screen = _screen(qtbot)
        screen.session = SimpleNamespace(script=SimpleNamespace(kind=kind))
        screen.on_update(Speaking("Tell me about a conflict.", UtteranceKind.QUESTION, 1.0))
        screen.on_update(Speaking("How would they describe it?", UtteranceKind.FOLLOW_UP, 5.0))
        assert screen.question.text().endswith(f"\n\n{heading}: Tell me about a conflict."), kind
        screen.session = None


def test_a_coding_rounds_question_under_a_follow_up_is_headed_as_a_question(qtbot):
    """Trial 13, a coding round's test part: under a follow-up the box read "The problem: Which
    test cases would you write for this function?"."""
    from types import SimpleNamespace
    screen = _screen(qtbot)
    screen.session = SimpleNamespace(script=SimpleNamespace(kind="coding"))
    screen.on_update(Speaking("Which test cases would you write for this function?", UtteranceKind.QUESTION, 1.0))
    screen.on_update(Speaking("How would you test it at scale?", UtteranceKind.FOLLOW_UP, 5.0))
    assert screen.question.text().endswith("\n\nThe question: Which test cases would you write for this function?")
    screen.session = None


def test_a_question_that_asks_then_instructs_is_headed_as_a_question_under_its_follow_up(qtbot):
    """Trial 28, the coding round's test part: under the follow-up the box read "The problem: Which
    test cases would you write for this function? Name each one and what it checks." (the script's
    question asks first, then says what to do). The problem statement itself keeps its heading."""
    from types import SimpleNamespace
    screen = _screen(qtbot)
    screen.session = SimpleNamespace(script=SimpleNamespace(kind="coding"))
    asked = "Which test cases would you write for this function? Name each one and what it checks."
    screen.on_update(Speaking(asked, UtteranceKind.QUESTION, 1.0, "test_cases"))
    screen.on_update(Speaking("How could you test it against thousands of random inputs?", UtteranceKind.FOLLOW_UP,
                              5.0, "test_cases"))
    assert screen.question.text().endswith(f"\n\nThe question: {asked}")
    problem = "You're given a list of user sessions. Merge all sessions that overlap."
    screen.on_update(Speaking(problem, UtteranceKind.QUESTION, 9.0, "merge_sessions"))
    screen.on_update(Speaking("What's the time complexity of that?", UtteranceKind.FOLLOW_UP, 12.0, "merge_sessions"))
    assert screen.question.text().endswith(f"\n\nThe problem: {problem}")
    screen.session = None


def test_a_follow_up_of_an_earlier_question_shows_that_question(qtbot):
    """Trial 11, behavioral round in the real app: 'Thinking back to the conflict you described at
    the start, did you ever get feedback about how you handled it?' (a follow-up of the conflict
    question, asked in a later part) showed the trust question, asked last, under it."""
    screen = _screen(qtbot)
    screen.on_update(Speaking("Tell me about a conflict.", UtteranceKind.QUESTION, 1.0, "conflict"))
    screen.on_update(Speaking("Tell me how you earned trust.", UtteranceKind.QUESTION, 9.0, "trust"))
    screen.on_update(Speaking("Thinking back to the conflict, any feedback?", UtteranceKind.FOLLOW_UP, 20.0,
                              "conflict"))
    assert screen.question.text().endswith(": Tell me about a conflict.")
    screen.on_update(Speaking("Was there a moment you lost that trust?", UtteranceKind.FOLLOW_UP, 30.0, "trust"))
    assert screen.question.text().endswith(": Tell me how you earned trust.")


def test_the_newest_line_stays_in_view_when_the_question_box_grows(qtbot):
    """Trial 11, real app at 1280x800: a follow-up with 'The problem: ...' under it made the
    question box two paragraphs taller, the transcript's view shorter, and its newest lines (the
    follow-up itself) went out of sight below the fold, the last answer's line cut in half."""
    screen = _screen(qtbot)
    screen.resize(1280, 800)
    screen.show()
    qtbot.waitExposed(screen)
    story = " ".join(["we worked really hard on the backlog and shipped it"] * 10)
    for i in range(6):
        screen.on_update(Speaking(f"Tell me about a conflict number {i}.", UtteranceKind.QUESTION, 1.0 + 60 * i))
        screen.on_update(ListeningStarted(i + 1, f"q{i}", 5.0 + 60 * i))
        screen.on_update(PartialTranscript(i + 1, transcript_of(story).segments[0]))
        screen._render_partial()
    bar = screen.transcript.view.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    assert bar.value() == bar.maximum()
    long_question = " ".join(["Tell me about a time you joined a team where nobody knew you yet."] * 4)
    screen.on_update(Speaking(long_question, UtteranceKind.QUESTION, 300.0))
    screen.on_update(Speaking("Was there a moment you lost that trust?", UtteranceKind.FOLLOW_UP, 330.0))
    qtbot.wait(50)
    assert bar.value() == bar.maximum()
