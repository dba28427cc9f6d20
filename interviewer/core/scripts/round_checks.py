"""Checking a question script as a whole: the round's own keys and its [[phases]], then the
questions (question_checks.py). parse_script runs this checker.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import replace

from interviewer.core.conversation_cues import asks_to_talk
from interviewer.core.scripts.field_checks import _fmt, _is_number
from interviewer.core.scripts.model import (
    DEFAULT_INTRO_QUESTION, DEFAULT_NO_FACT_REPLY, MAX_ROUND_MINUTES, MIN_ROUND_MINUTES, ROUND_KINDS, Phase, RoundScript,
)
from interviewer.core.scripts.question_checks import _QuestionChecks
from interviewer.core.scripts.script_keys import FOLLOW_UP_KEYS, PHASE_KEYS, QUESTION_KEYS, ROUND_KEYS
from interviewer.core.scripts.source_lines import _format_path, _Path
from interviewer.core.scripts.syntax_hints import _shown
from interviewer.core.scripts.topics import normalize_topic_name


# "Walk me through your code.", "Now, tell me how you'd test it.": the candidate is asked to do
# something, as much as by a question.
_REQUEST = re.compile(r"^(?:(?:now|so|okay|ok|then|please|first|next|and|alright|great)\b[,:]?\s*)*"
                      r"(?:(?:walk|talk|take) me through|tell me|describe|explain|show me|give me|go ahead"
                      r"|let's hear|let me hear)\b", re.IGNORECASE)


def asks_for_something(prompt: str) -> bool:
    """True when the prompt's last sentence asks the candidate to do something."""
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", prompt.strip()) if s]
    return bool(sentences) and bool(_REQUEST.match(sentences[-1]))


class _Checker(_QuestionChecks):
    """Checks a whole script (the round, its [[phases]], then its [[questions]]) and builds
    the RoundScript when nothing is wrong."""

    def misplaced_round_keys(self, data: dict) -> None:
        """A round key (`minutes = 45`, `description = ...`) written below a [[phases]] or
        [[questions]] table is, for TOML, a key of that table: say so at its line, instead of
        an unknown key there and a missing one in the round."""
        lost = [key for key in ROUND_KEYS if key not in data and key not in ("phases", "questions")]
        tables: list[tuple[_Path, dict, tuple[str, ...]]] = []
        for name, allowed in (("phases", PHASE_KEYS), ("questions", QUESTION_KEYS)):
            items = data.get(name)
            for i, table in enumerate(items if isinstance(items, list) and lost else []):
                if not isinstance(table, dict):
                    continue
                tables.append(((name, i), table, allowed))
                follow_ups = table.get("follow_ups") if name == "questions" else None
                for j, item in enumerate(follow_ups if isinstance(follow_ups, list) else []):
                    if isinstance(item, dict):
                        tables.append(((name, i, "follow_ups", j), item, FOLLOW_UP_KEYS))
                facts = table.get("facts") if name == "questions" else None
                if isinstance(facts, dict):
                    topics = table.get("clarifying_topics")
                    names = [t if isinstance(t, str) else t.get("name") if isinstance(t, dict) else None
                             for t in (topics if isinstance(topics, list) else [])]
                    tables.append(((name, i, "facts"), facts,
                                   tuple(normalize_topic_name(n) for n in names if isinstance(n, str))))
        for path, table, allowed in tables:
            for key in lost:
                if key in table and key not in allowed and normalize_topic_name(key) not in allowed:
                    self._misplaced[path + (key,)] = key
                    self.problem(path + (key,), f"'{key}' is a key of the round, but it is written below "
                                                f"a table, so TOML reads it as part of {_format_path(path)}; "
                                                "move it up, above the first [[phases]] table")

    def round_script(self, data: dict, bundled: bool) -> RoundScript | None:
        self.misplaced_round_keys(data)
        self.unknown_keys(data, ROUND_KEYS, ())
        # A [[question]] header (for [[questions]]) is reported; its [questions.facts] then belongs,
        # for TOML, to the question above it, and is not reported again as that question's.
        self._questions_misspelt = any(
            key not in ROUND_KEYS and difflib.get_close_matches(key.casefold(), ["questions"], n=1, cutoff=0.75)
            for key in data)
        script_id = self.identifier(data, ())
        title = self.text(data, "title", ())
        description = self.text(data, "description", (), required=False) or ""
        no_fact_reply = self.text(data, "no_fact_reply", (), required=False)
        if no_fact_reply == "":  # as for a question's: not a silent switch to the default
            self.problem(("no_fact_reply",), "is empty")
        self.no_fact_reply = no_fact_reply or DEFAULT_NO_FACT_REPLY
        intro_question = self.text(data, "intro_question", (), required=False)
        kind = self.text(data, "kind", ())
        if kind is not None and kind not in ROUND_KINDS:
            plain = re.sub(r"[\s-]+", "_", kind.strip().lower())  # 'ML System Design', 'PHONE-SCREEN'
            hint = ([plain] if plain in ROUND_KINDS
                    else difflib.get_close_matches(plain, ROUND_KINDS, n=1, cutoff=0.5))
            more = f" (did you mean '{hint[0]}'?)" if hint else ""
            self.problem(("kind",), f"unknown round kind '{_shown(kind)}'{more}; "
                                    f"one of: {', '.join(ROUND_KINDS)}")
            kind = None
        minutes = self.number(data, "minutes", ())
        if minutes is not None and not MIN_ROUND_MINUTES <= minutes <= MAX_ROUND_MINUTES:
            self.problem(("minutes",), f"a round lasts {MIN_ROUND_MINUTES} to {MAX_ROUND_MINUTES} "
                                       f"minutes, not {_fmt(minutes)}")
            minutes = None

        phase_tables = self.tables(data, "phases", (), "phases")
        phases = [self.phase(t, ("phases", i)) for i, t in enumerate(phase_tables)]
        self.duplicates(phase_tables, ("phases",), "phase")
        phase_minutes = [t.get("minutes") for t in phase_tables]
        if minutes is not None and phase_minutes and all(_is_number(m) for m in phase_minutes):
            total = sum(phase_minutes)
            if abs(total - minutes) > 1e-6:
                self.problem(("phases",), f"phase minutes add up to {_fmt(total)}, but the round "
                                          f"is {_fmt(minutes)} minutes "
                                          f"({' + '.join(_fmt(m) for m in phase_minutes)})")
        phase_ids = list(dict.fromkeys(t["id"].strip() for t in phase_tables
                                       if isinstance(t.get("id"), str) and t["id"].strip()))
        # A phase referred to by its name ("Approach and code") is told its id.
        self._phase_by_name = {" ".join(t["name"].split()).casefold(): t["id"].strip() for t in phase_tables
                               if isinstance(t.get("name"), str) and isinstance(t.get("id"), str)}

        question_tables = self.tables(data, "questions", (), "questions")
        questions = [self.question(t, ("questions", i), phase_ids)
                     for i, t in enumerate(question_tables)]
        self.duplicates(question_tables, ("questions",), "question")
        self.missing_facts(questions)
        self.misspelled_areas()
        self.late_follow_ups(phases, questions)
        for i, phase in enumerate(phases):
            if phase and phase.expects_clarifying and not any(
                    q and q.phase == phase.id and q.clarifying_topics for q in questions):
                self.warning(("phases", i, "expects_clarifying"),
                             f"phase '{phase.id}' expects clarifying questions, but none of its "
                             "questions has clarifying_topics: none can be credited or answered")
            asks = phase and ("question" if phase.prompt.rstrip().endswith("?")
                              else "request" if asks_for_something(phase.prompt) else None)
            if asks:
                constraints = [f for q in questions if q for f in q.follow_ups if f.at_phase == phase.id]
                own = [q for q in questions if q and q.phase == phase.id]
                if constraints or own:
                    what = "changed constraint" if constraints else "question"  # constraints come first
                    self.warning(("phases", i, "prompt"),
                                 f"the prompt ends with a {asks} to the candidate, but a {what} of "
                                 "this phase is said right after it, before they can answer: end the "
                                 f"prompt with a statement, or move the {what} to another phase")

        phases = self.opening_with_question(phases, questions, intro_question)
        answers = ()
        if "interviewer_answers" in data:
            from interviewer.core.interviewer_answers import read_answers

            try:
                answers = read_answers(data["interviewer_answers"], "table ")
            except ValueError as exc:
                self.problem(("interviewer_answers",), str(exc))
        if self._found:
            return None
        warnings = tuple(text for _, text in sorted(self._warned, key=lambda item: item[0]))
        return RoundScript(id=script_id, title=title, kind=kind, minutes=minutes,
                           phases=tuple(phases), questions=tuple(questions),
                           description=description, bundled=bundled,
                           source="" if self.source.startswith("<") else self.source,
                           warnings=warnings, interviewer_answers=answers)

    def opening_with_question(self, phases: list, questions: list, intro_question: str | None) -> list:
        """The phases, the first one's prompt ending with the intro question when that part asks
        the candidate nothing: no question or changed constraint of its own, not the floor for the
        candidate's questions, and a prompt whose last sentence does not already ask them to talk
        ("To start, tell me briefly about yourself."). Then the round listens to the answer, and
        the part ends when it does, its time going to the later parts (engine._share_rest)."""
        explicit = intro_question is not None
        question = (intro_question if explicit else DEFAULT_INTRO_QUESTION).strip()
        if explicit and question and not asks_to_talk(question):
            self.warning(("intro_question",), "asks the candidate nothing (no question mark, no "
                                              "'tell me...'): the opening would not wait for an answer")
        first = phases[0] if phases else None
        if not question or first is None or len(phases) < 2:
            return phases
        own = [q for q in questions if q and q.phase == first.id]
        constraints = [f for q in questions if q for f in q.follow_ups if f.at_phase == first.id]
        why_not = ("has questions of its own" if own or constraints
                   else "takes the candidate's questions" if first.replies
                   else "expects clarifying questions" if first.expects_clarifying
                   else "already asks the candidate to talk" if asks_to_talk(first.prompt) else None)
        if why_not:
            if explicit:
                self.warning(("intro_question",), f"not asked: the first phase '{first.id}' {why_not}")
            return phases
        return [replace(first, prompt=f"{first.prompt.rstrip()} {question}"), *phases[1:]]

    def phase(self, table: dict, path: _Path) -> Phase | None:
        count = len(self._found)
        self.unknown_keys(table, PHASE_KEYS, path)
        phase_id = self.identifier(table, path)
        name = self.text(table, "name", path)
        minutes = self.number(table, "minutes", path)
        if minutes is not None and minutes <= 0:
            self.problem(path + ("minutes",), f"must be more than 0, not {_fmt(minutes)}")
        prompt = self.text(table, "prompt", path)
        expects = self.boolean(table, "expects_clarifying", path, default=False)
        replies = self.words(table, "replies", path)
        if len(self._found) > count:
            return None
        return Phase(id=phase_id, name=name, minutes=minutes, prompt=prompt,
                     expects_clarifying=expects, replies=replies)
