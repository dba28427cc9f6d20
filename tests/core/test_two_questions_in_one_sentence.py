"""Two questions joined in one sentence get both facts.

Live (trial7, a spam-filter round): "How many emails a day, and what languages?" was heard as one
sentence, "How many emails a day and what language is...", and got only the volume fact; the
candidate waited on the languages for nothing. Each question joined by "and" that brings another
clarifying topic's fact gets it too; a part about no other topic adds nothing ("What is the
latency and how is it measured?" gets the latency fact alone, no "Good question")."""
from test_round_turns import at_feed_question, ask

from interviewer.core.trailing_questions import question_parts

LATENCY_FACT = "Assume a 200 millisecond budget."
SCALE_FACT = "About fifty million daily users."


class TwoTopicAnswerer:
    def __init__(self):
        self.asked = []

    def reply(self, question):
        self.asked.append(question)
        if "latency" in question.lower():
            return "latency", LATENCY_FACT
        if "users" in question.lower():
            return "scale", SCALE_FACT
        return None, "Good question. Make a reasonable assumption and state it."


def test_a_sentence_is_split_where_and_starts_a_new_question():
    assert question_parts("How many emails a day and what language is...") == [
        "How many emails a day", "what language is..."]
    assert question_parts("Is it sorted, and can it be empty?") == ["Is it sorted", "can it be empty?"]
    assert question_parts("Do we care about likes and comments?") == ["Do we care about likes and comments?"]
    assert question_parts("Per user or global?") == ["Per user or global?"]


def test_both_questions_of_one_sentence_get_their_facts(tmp_path):
    answerer = TwoTopicAnswerer()
    clock, engine, speaker, recorder, controller, updates = at_feed_question(tmp_path, answerer=answerer)
    ask(controller, recorder, "What is the latency budget and how many users are there?")
    speaker.stop()
    controller.poll()
    assert LATENCY_FACT in speaker.said and SCALE_FACT in speaker.said
    assert [c.topic for c in controller.current_answer.clarifications] == ["latency", "scale"]


def test_a_part_about_no_other_topic_adds_nothing(tmp_path):
    answerer = TwoTopicAnswerer()
    clock, engine, speaker, recorder, controller, updates = at_feed_question(tmp_path, answerer=answerer)
    said = len(speaker.said)
    ask(controller, recorder, "What is the latency budget and how is it measured?")
    speaker.stop()
    controller.poll()
    assert speaker.said[said:] == [LATENCY_FACT]
    assert [c.topic for c in controller.current_answer.clarifications] == ["latency"]
