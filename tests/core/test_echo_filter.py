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


def _timed(pairs: list[tuple[str, float]]) -> list[Word]:
    return [Word(text, at, at + 0.25) for text, at in pairs]


def test_trial45_echoes_with_numbers_in_digits_and_a_misheard_say_again_are_dropped():
    """Trial 45 D1, as transcribed in the round (answer audio from round second 55.45): the voice
    says numbers as words, the transcriber writes digits ("roughly twenty percent ... ten percent"
    came back "roughly 20 % %", "about twenty million, plus" as "20 million plus"), and "Could
    you say it again?" came back "Could you tell it again?": all shown as the candidate's words."""
    lines = [PlayedLine("About fifty million new posts a day, roughly twenty percent with images and ten percent "
                        "with video.", 93.66, 99.7),
             PlayedLine("Good check. Reviewers' past decisions, about twenty million, plus user reports, which "
                        "are noisy.", 117.42, 122.4),
             PlayedLine("Sorry, I didn't catch that. Could you say it again?", 137.55, 140.5)]
    own = _timed([("What", 35.79), ("is", 36.27), ("the", 36.49), ("expected", 36.75), ("scale?", 37.19)])
    tail = _timed([("are", 41.18), ("made", 41.46), ("roughly", 41.82), ("20", 42.1), ("%", 42.64), ("%", 44.4)])
    ask = _timed([("Can", 48.55), ("I", 48.95), ("assume", 49.11), ("we", 49.39), ("can", 49.59),
                  ("label", 49.79), ("from", 50.13), ("user", 50.43), ("feedback?", 50.73)])
    fact = _timed([("20", 66.16), ("million", 66.64), ("plus", 67.2), ("human", 67.48)])
    again = _timed([("day.", 85.24), ("Could", 85.62), ("you", 85.62), ("tell", 85.82), ("it", 85.94),
                    ("again?", 86.12)])
    t = transcript(own, tail, ask, fact, again)
    assert without_echo(t, 55.45, lines).text == ("What is the expected scale? Can I assume we can label from user "
                                                  "feedback?")
    assert segment_without_echo(Segment("", 0, 0, tuple(again)), 55.45, lines) is None  # never replied to
    # The same words said by the candidate long after the lines are theirs.
    assert without_echo(t, 155.45, lines).text == t.text
