"""The keys each table of a question script may have: read by the checks and by the hints that
say where a misplaced key belongs.
"""
from __future__ import annotations

ROUND_KEYS = ("id", "title", "kind", "minutes", "description", "no_fact_reply", "intro_question", "phases",
              "questions", "interviewer_answers")
PHASE_KEYS = ("id", "name", "minutes", "prompt", "expects_clarifying", "replies")
QUESTION_KEYS = ("id", "phase", "text", "clarifying_topics", "facts", "no_fact_reply", "expected_points",
                 "outline", "hints", "follow_ups", "pitfalls")
PITFALL_KEYS = ("claim", "keywords", "correction", "probe")
POINT_KEYS = ("text", "keywords", "area")
FOLLOW_UP_KEYS = ("id", "text", "if_missing", "at_phase", "after_questions", "phase", "hints", "area")
TOPIC_KEYS = ("name", "keywords")
ANSWER_KEYS = ("name", "keywords", "reply")  # an [[interviewer_answers]] table (core/interviewer_answers.py)
