"""core.echo_filter: the interviewer's own voice heard through loudspeakers is no candidate
speech (trial 44 D1), and the candidate's words over the interviewer are kept (D7)."""
from interviewer.core.echo_filter import PlayedLine, echo_flags, segment_without_echo, without_echo
from interviewer.core.transcript import Segment, SpeechRegion, Transcript, Word


def words(text: str, start: float, step: float = 0.3) -> list[Word]:
    return [Word(w, start + i * step, start + i * step + step * 0.8) for i, w in enumerate(text.split())]


def transcript(*parts: list[Word], speech=None) -> Transcript:
    segs = [Segment(" ".join(w.text for w in p), p[0].start, p[-1].end, tuple(p)) for p in parts]
    return Transcript(segs, duration=60.0, speech=speech)


REPLY = "About two million orders a day, peaking at three hundred new orders per second at dinner time."


def test_echo_of_a_reply_with_asr_errors_is_dropped():
    # The answer's audio starts at round second 48; the reply sounded at 72.4-78.0.
    own = words("And how many orders per day are we talking about?", 20.0)
    echo = words("I'm out two million orders a day, speaking at three hundred new orders per second at dinner time.",
                 24.6)
    after = words("Is it only for restaurants?", 31.0)
    t = transcript(own, echo, after)
    kept = without_echo(t, 48.0, [PlayedLine(REPLY, 72.4, 78.0)])
    assert kept.text == "And how many orders per day are we talking about? Is it only for restaurants?"


def test_exact_echo_of_nudges_is_dropped_and_the_answer_kept():
    lines = [PlayedLine("Remember to think out loud.", 312.4, 314.0),
             PlayedLine("Take your time. Shall I move on?", 322.2, 324.6)]
    t = transcript(words("Remember to think out loud.", 12.3), words("Take your time. Shall I move on?", 22.2),
                   words("Sorry. Labels come from the actual delivery timestamps.", 30.0),
                   speech=[SpeechRegion(12.2, 14.0), SpeechRegion(22.1, 24.5), SpeechRegion(29.9, 33.0)])
    kept = without_echo(t, 300.3, lines)
    assert kept.text == "Sorry. Labels come from the actual delivery timestamps."
    assert kept.speech == [SpeechRegion(29.9, 33.0)]  # the answer starts with the candidate's words


def test_partial_echo_keeps_the_candidates_words_after_it():
    line = PlayedLine("Good question. Make a reasonable assumption, say it out loud, and go on.", 92.2, 96.5)
    seg = Segment("", 0, 0, tuple(words("Good question. Make a reasonable assumption, say it out loud and go on. "
                                        "Sorry, going back to my first question.", 44.1, 0.35)))
    kept = segment_without_echo(seg, 48.2, [line])
    assert kept is not None and kept.text == "Sorry, going back to my first question."


def test_real_barge_in_over_the_voice_is_kept():
    line = PlayedLine("What's the latency budget you have in mind for the whole request?", 10.0, 14.0)
    said = words("No wait, I think the key issue is freshness of the features.", 11.0)
    assert echo_flags(said, 0.0, [line]) == [False] * len(said)
    # The same words said as the line's echo are dropped.
    echo = words("What's the latency budget you have in mind for the whole request?", 10.4)
    assert all(echo_flags(echo, 0.0, [line]))


def test_the_lines_words_said_long_after_it_are_the_candidates():
    line = PlayedLine("Remember to think out loud.", 10.0, 11.5)
    said = words("Remember to think out loud.", 20.0)  # the candidate quoting it, 8 s later
    assert echo_flags(said, 0.0, [line]) == [False] * len(said)


def test_talking_over_the_opening_line_keeps_the_introduction():
    # D7: headphones in fact, loudspeakers on screen; the introduction over the opening line.
    opening = PlayedLine("Hi, good to meet you. This is a behavioral round about working with people. To start, "
                         "tell me briefly about yourself and what you're working on now.", 0.0, 19.6)
    intro = words("Hi, I'm Sam, a machine learning engineer working on demand forecasting. That's it.", 15.0, 0.4)
    assert echo_flags(intro, 0.0, [opening]) == [False] * len(intro)


def test_a_short_line_echoed_whole_is_dropped():
    t = transcript(words("Got it.", 1.0), words("So the second point is the cache.", 3.5))
    assert without_echo(t, 100.0, [PlayedLine("Got it.", 100.9, 101.6)]).text == "So the second point is the cache."
