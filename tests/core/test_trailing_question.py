"""What the interviewer answers live: the candidate's last sentence, when it asks something
(round_controller.trailing_question). A lone "Okay?" got "Good question. Make a reasonable
assumption and state it."; a lone "Correct?" after a statement was answered as if it asked
nothing else."""
from interviewer.core.round_controller import trailing_question
from interviewer.core.transcript import Word


def _words(text: str, start: float = 0.0, gaps: dict[int, float] | None = None) -> list[Word]:
    """One word every 0.3 s; `gaps` adds silence before the word at that index."""
    out, t = [], start
    for i, w in enumerate(text.split()):
        t += (gaps or {}).get(i, 0.0)
        out.append(Word(w, t, t + 0.25))
        t += 0.3
    return out


def test_a_question_is_answered():
    assert trailing_question(_words("I would use trees. How many users are there?")) == "How many users are there?"
    assert trailing_question(_words("Latency?")) == "Latency?"  # a topic asked in one word


def test_a_lone_acknowledgement_asks_nothing():
    for said in ("Okay?", "Right?", "Um, okay?", "Really?", "Yeah?"):
        assert trailing_question(_words(said)) is None, said


def test_a_tag_right_after_a_sentence_asks_with_it():
    words = _words("The list fits in memory. Correct?")
    assert trailing_question(words) == "The list fits in memory. Correct?"
    # After a long silence the tag is no longer that sentence's.
    assert trailing_question(_words("The list fits in memory. Correct?", gaps={5: 3.0})) is None
