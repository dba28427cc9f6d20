"""Trial 42 D6: a story told with "we" only, whose one "I" word was a misheard "my", read "Said
"we" 7 times and "I" 1 times": the count is said in English ("once", "twice") and the finding
names the words it counted, as the transcript has them."""
from __future__ import annotations

from interviewer.core.analysis.report import analyze_answer
from tests.core.analysis.speech import spoken

QUESTION = ("Tell me about a time a goal you owned was at serious risk of being missed. "
            "What did you do, and how did it end?")
# As the live transcript wrote story 2 of trial 42.
STORY = ("We were supposed to launch a new ranking model before the holiday season, and we were free weeks "
         "behind. We looked at the plan together, we cut the scope to the top ten categories, and we moved two "
         "people from the data team. We shipped it one day before the freeze, and we cut the search later and "
         "see my half. That's it.")


def _we_over_i(text: str) -> str:
    a = analyze_answer(spoken(text), question_text=QUESTION, round_kind="behavioral")
    return next(f.message for f in a.findings if f.kind == "we_over_i")


def test_the_words_counted_are_named_and_the_count_said_in_english():
    message = _we_over_i(STORY)
    assert message == 'Said "we" 7 times and "my" once; make your own part clear.'


def test_no_i_word_at_all_names_the_words_looked_for():
    message = _we_over_i(STORY.replace("see my half", "see a half") + " Our team was happy and so were we.")
    assert message == 'Said "we" or "our" 9 times and "I", "me" or "my" never; make your own part clear.'


def test_twice_and_the_capital_i():
    story = ("We were behind. We met and we planned. We cut scope and we moved people. "
             "We shipped. I think it went well. I wrote the plan and my manager agreed.")
    assert _we_over_i(story) == 'Said "we" 6 times and "I" or "my" twice; make your own part clear.'
