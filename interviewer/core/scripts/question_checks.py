"""Checking the [[questions]] of a question script, with their points, topics, facts and
follow-ups: the largest part of the script's checker.
"""
from __future__ import annotations

import difflib
from typing import Any

from interviewer.core.keywords import STOPWORDS, words
from interviewer.core.scripts.areas import AREAS, normalize_area
from interviewer.core.scripts.field_checks import _as_list, _FieldChecks, _reflow, _type_name
from interviewer.core.scripts.model import DEFAULT_NO_FACT_REPLY, ClarifyingTopic, ExpectedPoint, FollowUp, Pitfall, Question
from interviewer.core.scripts.script_keys import FOLLOW_UP_KEYS, PITFALL_KEYS, POINT_KEYS, QUESTION_KEYS, TOPIC_KEYS
from interviewer.core.scripts.source_lines import _LineIndex, _Path
from interviewer.core.scripts.syntax_hints import _shown
from interviewer.core.scripts.topics import builtin_keywords, normalize_topic_name

MAX_AREAS_COMPARED = 50


class _QuestionChecks(_FieldChecks):
    """Checks a script's [[questions]]: their expected points, outline, clarifying topics and
    facts, and follow-ups, and what only all questions together show."""

    def __init__(self, source: str, index: _LineIndex):
        super().__init__(source, index)
        self.no_fact_reply = DEFAULT_NO_FACT_REPLY
        self._areas: list[tuple[_Path, str]] = []  # every point's area, for the typo check
        self._questions_misspelt = False  # a [[question]] header: facts may sit under the wrong question
        self._fact_gaps: list[tuple[_Path, list[str]]] = []  # topics a question has no fact for
        self._phase_by_name: dict[str, str] = {}  # casefolded phase name -> its id
        self._late_follow_ups: list[tuple[_Path, str, str]] = []  # (path, question's phase, its phase)

    def question(self, table: dict, path: _Path, phase_ids: list[str]) -> Question | None:
        count = len(self._found)
        self.unknown_keys(table, QUESTION_KEYS, path)
        question_id = self.identifier(table, path)
        text = self.text(table, "text", path)
        self.spoken(path + ("text",), text, question=True)
        phase = self.text(table, "phase", path, required=False)
        if "phase" not in table:
            phase = phase_ids[0] if phase_ids else None
        elif phase == "":
            self.problem(path + ("phase",), "is empty")
        elif phase is not None and phase_ids and phase not in phase_ids:
            self.unknown_phase(path + ("phase",), phase, phase_ids)
        problems_before = len(self._found)
        topics = self.topics(table, path)
        # A fact naming a topic that could not be read is reported where the topic is wrong.
        # A misspelt key ('clarifying_topic') is reported as such; its facts are not reported again.
        misspelt = self._questions_misspelt or "clarifying_topics" not in table and any(
            key not in QUESTION_KEYS and difflib.get_close_matches(key, ["clarifying_topics"], n=1, cutoff=0.6)
            for key in table)
        topics = self.facts(table, path, topics,
                            topics_unreadable=misspelt or len(self._found) > problems_before)
        no_fact_reply = self.text(table, "no_fact_reply", path, required=False)
        if no_fact_reply == "":
            self.problem(path + ("no_fact_reply",), "is empty")
        points = self.points(table, path)
        if not points and "expected_points" not in table:
            self.warning(path + ("id",), "no expected_points: the review cannot say which "
                                         "talking points the answer covered")
        outline = self.outline(table, path)
        hints = tuple(_reflow(h) for h in self.words(table, "hints", path))
        follow_ups = []
        raw = table.get("follow_ups", [])
        if not isinstance(raw, list) or not all(isinstance(v, dict) for v in raw):
            self.problem(path + ("follow_ups",), "must be a list of [[questions.follow_ups]] tables")
            raw = []
        for i, item in enumerate(raw):
            follow_ups.append(self.follow_up(item, path + ("follow_ups", i), phase_ids, phase))
        self.duplicates(raw, path + ("follow_ups",), "follow-up")
        pitfalls = self.pitfalls(table, path)
        if len(self._found) > count:
            return None
        return Question(id=question_id, text=text, phase=phase, clarifying_topics=topics,
                        follow_ups=tuple(follow_ups), expected_points=points, outline=outline, hints=hints,
                        pitfalls=pitfalls,
                        no_fact_reply=no_fact_reply or self.no_fact_reply)

    def pitfalls(self, table: dict, path: _Path) -> tuple[Pitfall, ...]:
        """[[questions.pitfalls]]: claim, correction and probe (text), keywords (each "a|b")."""
        raw = table.get("pitfalls", [])
        if not isinstance(raw, list) or not all(isinstance(v, dict) for v in raw):
            self.problem(path + ("pitfalls",), "must be a list of [[questions.pitfalls]] tables")
            return ()
        out = []
        for i, item in enumerate(raw):
            where = path + ("pitfalls", i)
            self.unknown_keys(item, PITFALL_KEYS, where)
            claim, correction, probe = (self.text(item, key, where) for key in ("claim", "correction", "probe"))
            keywords = self.words(item, "keywords", where)
            for k, word in enumerate(keywords):
                if any(not alt.strip() for alt in word.split("|")):
                    self.problem(where + ("keywords", k), "has an empty alternative: write 'a|b', not 'a|' or '|b'")
            if claim is not None and correction is not None and probe is not None:
                out.append(Pitfall(claim=claim, correction=correction, probe=probe,
                                   keywords=tuple(k.lower() for k in keywords)))
        return tuple(out)

    def unknown_phase(self, path: _Path, phase: str, phase_ids: list[str]) -> None:
        by_name = self._phase_by_name.get(" ".join(phase.split()).casefold())
        hint = [by_name] if by_name in phase_ids else difflib.get_close_matches(phase, phase_ids, n=1, cutoff=0.5)
        more = f" (did you mean '{hint[0]}'?)" if hint else ""
        if by_name in phase_ids:
            more = f" (that is the name of phase '{by_name}': write {path[-1]} = \"{by_name}\", its id)"
        self.problem(path, f"unknown phase '{_shown(phase)}'{more}; phases: {', '.join(phase_ids)}")

    def points(self, table: dict, path: _Path) -> tuple[ExpectedPoint, ...]:
        raw = table.get("expected_points", [])
        path = path + ("expected_points",)
        if not isinstance(raw, list):
            self.problem(path, f"must be a list of points, not {_type_name(raw)}")
            return ()
        points = []
        for i, item in enumerate(raw):
            if isinstance(item, str):
                if not item.strip():
                    self.problem(path + (i,), "is empty")
                    continue
                points.append(ExpectedPoint(text=item.strip()))
            elif isinstance(item, dict):
                self.unknown_keys(item, POINT_KEYS, path + (i,))
                text = self.text(item, "text", path + (i,))
                keywords = self.words(item, "keywords", path + (i,))
                if item.get("keywords") == []:
                    self.warning(path + (i, "keywords"), "empty list: give the words that show "
                                                         "the point was made, or leave the key out")
                for k, word in enumerate(keywords):
                    if _too_common(word):
                        self.warning(path + (i, "keywords", k),
                                     f"keyword '{word}' is said in almost any answer: it would mark "
                                     "the point covered whenever it is said; use a phrase that only "
                                     "the point makes (e.g. 'label delay', not 'data')")
                area = self.text(item, "area", path + (i,), required=False)
                if area == "":
                    self.problem(path + (i, "area"), "is empty")
                elif area is not None:
                    area = normalize_area(area)
                    self._areas.append((path + (i, "area"), area))
                if text is None:
                    continue
                points.append(ExpectedPoint(text=text, keywords=tuple(k.lower() for k in keywords),
                                            area=area or None))
            else:
                self.problem(path + (i,), 'must be a string or a table '
                                          '{text = "...", keywords = [...], area = "..."}, '
                                          f"not {_type_name(item)}")
        self.repeated_points(points, [i for i, item in enumerate(raw) if _is_point(item)], path)
        return tuple(points)

    def repeated_points(self, points: list[ExpectedPoint], indexes: list[int], path: _Path) -> None:
        """Warn about a point written twice, and a keyword two points share (a mention of it
        would count for both, so it cannot tell which one the answer made)."""
        seen_text: dict[str, int] = {}
        seen_keyword: dict[str, int] = {}
        for point, i in zip(points, indexes):
            key = " ".join(point.text.lower().split())
            if key in seen_text:
                self.warning(path + (i,), f"same point as expected_points[{seen_text[key] + 1}]")
            seen_text.setdefault(key, i)
            for word in dict.fromkeys(point.keywords):
                first = seen_keyword.setdefault(word, i)
                if first != i:
                    self.warning(path + (i, "keywords"), f"keyword '{word}' is also a keyword of "
                                 f"expected_points[{first + 1}]: saying it would count for both")

    def outline(self, table: dict, path: _Path) -> tuple[str, ...]:
        steps = self.words(table, "outline", path)
        if "outline" in table and isinstance(table["outline"], list) and not table["outline"]:
            self.warning(path + ("outline",), "empty list: leave the key out to use the "
                                              "expected points in order")
        seen: dict[str, int] = {}
        for i, step in enumerate(steps):
            key = " ".join(step.lower().split())
            if key in seen:
                self.warning(path + ("outline", i), f"same step as outline[{seen[key] + 1}]")
            seen.setdefault(key, i)
        return tuple(_reflow(step) for step in steps)

    def misspelled_areas(self) -> None:
        """An area one or two letters away from a known area or from another area of this
        script is almost always a typo, and would split one area in two in the progress view."""
        counts: dict[str, int] = {}
        for _, area in self._areas:
            counts[area] = counts.get(area, 0) + 1
        # The script's most used areas are the candidates; a bounded number keeps a hostile
        # file with thousands of areas from taking minutes.
        common = sorted(counts, key=counts.__getitem__, reverse=True)[:MAX_AREAS_COMPARED]
        for path, area in self._areas:
            if area in AREAS:
                continue
            others = [*AREAS, *(a for a in common if a not in AREAS and counts[a] > counts[area])]
            hint = difflib.get_close_matches(area, others, n=1, cutoff=0.85)
            if hint:
                self.warning(path, f"area '{area}' looks like a typo of '{hint[0]}'; areas are "
                                   "counted across rounds by their exact name")

    def topics(self, table: dict, path: _Path) -> tuple[ClarifyingTopic, ...]:
        raw = table.get("clarifying_topics", [])
        path = path + ("clarifying_topics",)
        if not isinstance(raw, list):
            self.problem(path, f"must be a list of topics, not {_type_name(raw)}{_as_list(path[-1], raw)}")
            return ()
        topics = []
        seen: dict[str, int] = {}  # normalized name -> index of its first entry
        for i, item in enumerate(raw):
            if isinstance(item, str):
                name, keywords = item.strip(), ()
                if not name:
                    self.problem(path + (i,), "is empty")
                    continue
            elif isinstance(item, dict):
                self.unknown_keys(item, TOPIC_KEYS, path + (i,))
                name = self.text(item, "name", path + (i,))
                keywords = self.words(item, "keywords", path + (i,))
                if name is None:
                    continue
            else:
                self.problem(path + (i,), 'must be a string like "latency" or a table '
                                          '{name = "...", keywords = [...]}, '
                                          f"not {_type_name(item)}")
                continue
            first = seen.setdefault(normalize_topic_name(name), i)
            if first != i:
                self.warning(path + (i,), f"topic '{name}' is written twice (also clarifying_topics"
                                          f"[{first + 1}]; case, spaces, '_' and '-' do not matter): "
                                          "only the first counts")
                continue
            keywords = keywords or builtin_keywords(name)
            merged = tuple(dict.fromkeys(k.lower() for k in (name, *keywords)))
            topics.append(ClarifyingTopic(name=name, keywords=merged))
        return tuple(topics)

    def facts(self, table: dict, path: _Path, topics: tuple[ClarifyingTopic, ...],
              topics_unreadable: bool = False) -> tuple[ClarifyingTopic, ...]:
        """The `[questions.facts]` table: topic name -> what the interviewer says when asked.

        Keys name clarifying topics (case, spaces, `_` and `-` do not matter). A topic without
        a fact is a warning: asked about it, the interviewer gives the no-fact reply."""
        raw = table.get("facts", {})
        facts_path = path + ("facts",)
        if not isinstance(raw, dict):
            self.problem(facts_path, "must be a table of topic = \"what the interviewer says\" "
                                     f"(a [questions.facts] table), not {_type_name(raw)}")
            raw = {}
        by_name = {normalize_topic_name(t.name): t.name for t in topics}
        facts: dict[str, str] = {}
        for key, value in raw.items():
            if facts_path + (key,) in self._misplaced:
                continue
            topic = by_name.get(normalize_topic_name(key))
            if topic is None:
                if topics_unreadable:
                    continue
                names = list(by_name.values())
                hint = difflib.get_close_matches(key, names, n=1, cutoff=0.6)
                more = f" (did you mean '{hint[0]}'?)" if hint else ""
                listed = ", ".join(names) if names else "none; add clarifying_topics first"
                self.problem(facts_path + (key,), f"no clarifying topic '{key}' in this question"
                                                  f"{more}; its topics: {listed}")
                continue
            if topic in facts:
                self.problem(facts_path + (key,), f"second fact for topic '{topic}'")
                continue
            text = self.text(raw, key, facts_path)
            if text is not None:
                facts[topic] = text
        missing = [t.name for t in topics if t.name not in facts]
        if missing and topics:
            where = facts_path if "facts" in table else path + ("clarifying_topics",)
            self._fact_gaps.append((where, missing))  # warned once all questions are read
        return tuple(ClarifyingTopic(t.name, t.keywords, facts.get(t.name)) for t in topics)

    def missing_facts(self, questions: list) -> None:
        """Warns about clarifying topics without a fact, except those another question of the
        script has a fact for under the same name: asked about one, the interviewer tries the
        other questions' facts and answers with that one (clarifying_responder.ClarifyingResponder)."""
        elsewhere = {normalize_topic_name(t.name) for q in questions if q is not None
                     for t in q.clarifying_topics if t.fact}
        for where, names in self._fact_gaps:
            missing = [name for name in names if normalize_topic_name(name) not in elsewhere]
            if missing:
                self.warning(where, "no fact for clarifying topic" + ("s " if len(missing) > 1 else " ")
                             + ", ".join(f"'{name}'" for name in missing)
                             + (": asked about them" if len(missing) > 1 else ": asked about it")
                             + ", the interviewer can only say its no_fact_reply")

    def follow_up(self, table: dict, path: _Path, phase_ids: list[str],
                  question_phase: str | None) -> FollowUp | None:
        count = len(self._found)
        self.unknown_keys(table, FOLLOW_UP_KEYS, path)
        follow_up_id = self.identifier(table, path)
        text = self.text(table, "text", path)
        self.spoken(path + ("text",), text, question=True)
        if_missing = self.words(table, "if_missing", path)
        if table.get("if_missing") == []:
            self.warning(path + ("if_missing",), "empty list: the follow-up is always asked, as without the "
                                                 "key; give the words whose mention makes it unneeded, or "
                                                 "leave the key out")
        at_phase = self.text(table, "at_phase", path, required=False)
        if at_phase == "":
            self.problem(path + ("at_phase",), "is empty")
        elif at_phase is not None and phase_ids and at_phase not in phase_ids:
            self.unknown_phase(path + ("at_phase",), at_phase, phase_ids)
        elif (at_phase is not None and question_phase in phase_ids
              and phase_ids.index(at_phase) <= phase_ids.index(question_phase)):
            self.problem(path + ("at_phase",), f"phase '{at_phase}' starts before or when the "
                                               f"question is asked (in '{question_phase}'); "
                                               "use a later phase")
        after_questions = self.boolean(table, "after_questions", path, default=False)
        if after_questions and at_phase is None:
            self.problem(path + ("after_questions",), "needs at_phase (the phase whose questions it follows)")
        phase = self.text(table, "phase", path, required=False)
        if phase == "":
            self.problem(path + ("phase",), "is empty")
        elif phase is not None and at_phase is not None:
            self.problem(path + ("phase",), "give at_phase (said as that phase starts) or phase (asked "
                                            "after an answer in it), not both")
        elif phase is not None and phase_ids and phase not in phase_ids:
            self.unknown_phase(path + ("phase",), phase, phase_ids)
        elif phase is not None and question_phase in phase_ids:
            if phase_ids.index(phase) < phase_ids.index(question_phase):
                self.problem(path + ("phase",), f"phase '{phase}' comes before the question is asked "
                                                f"(in '{question_phase}'); use it or a later phase")
            elif phase != question_phase:
                self._late_follow_ups.append((path + ("phase",), question_phase, phase))
        hints = tuple(_reflow(h) for h in self.words(table, "hints", path))
        area = self.text(table, "area", path, required=False)
        if area == "":
            self.problem(path + ("area",), "is empty")
        elif area is not None:
            area = normalize_area(area)
            self._areas.append((path + ("area",), area))
        if len(self._found) > count:
            return None
        return FollowUp(id=follow_up_id, text=text, if_missing=if_missing, at_phase=at_phase, phase=phase,
                        hints=hints, after_questions=after_questions, area=area or None)

    def late_follow_ups(self, phases: list, questions: list) -> None:
        """A follow-up kept for a later phase is asked there only if the question is still being
        discussed: nothing else is asked after it in its phase, and every phase up to that one
        carries it on (no questions or changed constraints of its own, not the candidate's
        questions), else the engine drops it when the next question comes."""
        from interviewer.core.candidate_questions import takes_candidate_questions

        known = [p for p in phases if p is not None]
        ids = [p.id for p in known]
        asked = [q for q in questions if q is not None]
        for path, question_phase, phase in self._late_follow_ups:
            question = questions[path[1]]  # path: ("questions", i, "follow_ups", j, "phase")
            if question is None or question_phase not in ids or phase not in ids:
                continue
            later = [q.id for q in asked if q.phase == question_phase][-1:] != [question.id]
            between = known[ids.index(question_phase) + 1:ids.index(phase) + 1]
            blocked = [p.id for p in between
                       if any(q.phase == p.id for q in asked)
                       or any(f.at_phase == p.id for q in asked for f in q.follow_ups)
                       or takes_candidate_questions(p, p is known[-1])]
            if later:
                self.problem(path, f"another question of phase '{question_phase}' comes after this one, "
                                   "so this follow-up could only be asked in its own phase")
            elif blocked:
                self.problem(path, f"phase '{blocked[0]}' has its own questions, changed constraints or "
                                   f"the candidate's questions, so the question is no longer discussed in "
                                   f"'{phase}'; use a phase before '{blocked[0]}'")


# Words an answer says whatever its content: one of them alone as a keyword proves nothing.
# (Phrases such as "more data" or "on time" are specific enough; "sort" and "mean" are fillers
# in speech but real terms in a keyword.)
_COMMON_WORDS = (STOPWORDS - {"sort", "mean"}) | frozenset("""
data problem first step check fixed found changed cost time work team use used make made good
better result results impact input output value values key plan expected needed helps started
quality simple process decision action gain source text training model system people way because
start test tests review look try tried idea example case change approach answer question issue
part thing run number small big fast slow new old
""".split())


def _too_common(keyword: str) -> bool:
    spoken = words(keyword)
    return len(spoken) == 1 and spoken[0] in _COMMON_WORDS


def _is_point(item: Any) -> bool:
    """Whether an expected_points entry became a point (the ones that did not are problems)."""
    return (isinstance(item, str) and bool(item.strip())) or (
        isinstance(item, dict) and isinstance(item.get("text"), str) and bool(item["text"].strip()))
