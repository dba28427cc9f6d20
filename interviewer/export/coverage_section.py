"""The talking points section of every export: per question, the expected points covered, partly
covered or missed with the sentences that made them, beside the model-answer outline; and the
counts per phase. The numbers come from the round summary (core.analysis.summary, coverage);
this module only finds the script and the matcher, and formats."""
from __future__ import annotations

import html
import re
from typing import Any, Sequence

from interviewer.core.analysis.coverage import (COVERED, MISSED, PARTLY, PER_PHASE, STATUS_WORDS, GroupCoverage,
                                                QuestionCoverage)
from interviewer.core.clock import clock_text
from interviewer.core.matching import Matcher
from interviewer.core.scripts.model import IMPORTED_KIND, RoundScript

HEADING = "Talking points"
STATUS_LABEL = STATUS_WORDS  # the core's words
STATUS_MARK = {COVERED: "[x]", PARTLY: "[~]", MISSED: "[ ]"}
NO_SCRIPT = "The round's question script was not found, so its talking points cannot be shown."
# A question the script gives no expected points or outline (a user's minimal script): its heading
# stood alone, as if something were missing from the export.
NO_POINTS = "The script lists no talking points for this question."
NO_POINTS_IN_ROUND = ("There are no talking points for this round's questions: the question script lists none "
                      "for them (no expected_points).")


def _nothing_to_check(coverage: list[QuestionCoverage]) -> bool:
    return all(not q.points and not q.outline for q in coverage)
NO_SCRIPT_IMPORTED = "An imported recording has no question script, so it has no talking points to check."


def no_script_text(session_kind: str, problems: Sequence[str] = ()) -> str:
    """Why a session's talking points are not shown: its script is gone, it never had one, or
    its file is there but could not be loaded (`problems`, the loader's lines for that file:
    trial 40 called a broken script "not found")."""
    if session_kind == IMPORTED_KIND:
        return NO_SCRIPT_IMPORTED
    if not problems:
        return NO_SCRIPT
    first = _plain_problem(problems[0])
    more = len(problems) - 1
    also = f" (and {more} more problem{'s' if more != 1 else ''})" if more else ""
    return (f"The round's question script could not be loaded, so its talking points cannot be shown: "
            f"{first}{also}. Fix the file and they are shown again.")


def _plain_problem(problem: str) -> str:
    """'/home/me/.../fraud.toml:3: kind: unknown ...' -> 'fraud.toml, line 3: kind: unknown ...'."""
    match = re.match(r"^(.*?\.toml(?:\.txt)?)(?::(\d+))?: (.*)$", problem.strip())
    if not match:
        return problem.strip().rstrip(".")
    path, line, rest = match.groups()
    name = path.replace("\\", "/").rsplit("/", 1)[-1]
    return f"{name}{f', line {line}' if line else ''}: {rest.rstrip('.')}"


def script_of(session: Any) -> RoundScript | None:
    """The session's script as the round ran it (core.stored_script): the copy kept with the
    round, else the bundled or user's script of its id (None when it is gone), with its extra
    questions' parts (core.extra_questions)."""
    from interviewer.core.scripts.loader import discover_scripts
    from interviewer.core.stored_script import session_script

    return session_script(session, discover_scripts().scripts)


def script_problems_of(session: Any) -> list[str]:
    """Why the session's script file could not be loaded (empty when it loads, or no file has its id)."""
    from interviewer.core.scripts.loader import discover_scripts

    return list(discover_scripts().broken.get(session.script_id, ()))


def coverage_matcher(text_encoder: Any = None) -> Matcher:
    """The matcher the review uses too: the app's sentence-embedding model (loaded once per
    process; the keyword fallback when it is missing), unless an encoder is given."""
    if text_encoder is None:
        from interviewer.adapters.embeddings import load_text_encoder

        text_encoder = load_text_encoder()
    return text_encoder if isinstance(text_encoder, Matcher) else Matcher(text_encoder)


def phase_line(groups: list[GroupCoverage]) -> str:
    """'Design: 5 of 8 covered, 1 partly, 2 missed; ...'"""
    return "; ".join(f"{g.name}: {g.covered} of {g.points} covered, {g.partly} partly, {g.missed} missed"
                     for g in groups)


def evidence_place(part_id: int, start: float, answer_numbers: dict[int, int],
                   part_starts: dict[int, float] | None = None) -> str:
    """'answer 5, 02:36': the answer and the round time, as the answers' labels give them ('answer
    from 2:20.3'). `start` is seconds into its recording; an answer said in two recordings (a
    pause, a repeat) quoted its second part's time as if it were the first's ('answer 5, 0:06.5'
    after 'answer 5, 0:15.6' for what was said later)."""
    n = answer_numbers.get(part_id)
    return (f"answer {n}, " if n else "") + clock_text(start + (part_starts or {}).get(part_id, 0.0))


def markdown(coverage: list[QuestionCoverage], phases: list[GroupCoverage], answer_numbers: dict[int, int],
             escape, script_found: bool = True, part_starts: dict[int, float] | None = None,
             no_script: str = "") -> list[str]:
    if not script_found:
        return [f"## {HEADING}", "", escape(no_script or NO_SCRIPT), ""]
    if not coverage:
        return []
    if _nothing_to_check(coverage):
        return [f"## {HEADING}", "", escape(NO_POINTS_IN_ROUND), ""]
    lines = [f"## {HEADING}", ""]
    if phases:
        lines += [f"{PER_PHASE}: {escape(phase_line(phases))}.", ""]
    lines += [f"{STATUS_MARK[COVERED]} covered, {STATUS_MARK[PARTLY]} partly covered, {STATUS_MARK[MISSED]} missed; "
              "the sentences that made a point are quoted with the answer and the round time they were said at.", ""]
    for q in coverage:
        lines += [f"### {escape(' '.join(q.question.split()))}", ""]  # a heading is one line
        if not q.answered:
            lines += ["_Nothing was heard in answer to this question._", ""]
        if not q.points and not q.outline:
            lines += [f"_{NO_POINTS}_"]
        for p in q.points:
            lines.append(f"- {STATUS_MARK[p.status]} {escape(p.text)} ({escape(p.status_text)})")
            for e in p.evidence:
                lines.append(f"  - \"{escape(e.text)}\" ({evidence_place(e.part_id, e.start, answer_numbers, part_starts)})")
        if q.outline:
            lines += ["", "Model-answer outline:", ""] + [f"{i}. {escape(step)}" for i, step in enumerate(q.outline, 1)]
        lines.append("")
    return lines


def html_section(coverage: list[QuestionCoverage], phases: list[GroupCoverage], answer_numbers: dict[int, int],
                 script_found: bool = True, part_starts: dict[int, float] | None = None,
                 no_script: str = "") -> str:
    e = html.escape
    if not script_found:
        return f"<h2>{HEADING}</h2><p>{e(no_script or NO_SCRIPT)}</p>"
    if not coverage:
        return ""
    if _nothing_to_check(coverage):
        return f"<h2>{HEADING}</h2><p>{e(NO_POINTS_IN_ROUND)}</p>"
    out = [f"<h2>{HEADING}</h2>"]
    if phases:
        out.append(f"<p>{PER_PHASE}: {e(phase_line(phases))}.</p>")
    for q in coverage:
        out.append(f"<h3>{e(q.question)}</h3><div class='coverage'><div class='points'><ul class='checklist'>")
        if not q.answered:
            out.append("<li><i>Nothing was heard in answer to this question.</i></li>")
        if not q.points and not q.outline:
            out.append(f"<li><i>{e(NO_POINTS)}</i></li>")
        for p in q.points:
            quotes = "".join(f"<br><q>{e(x.text)}</q> <small>({e(evidence_place(x.part_id, x.start, answer_numbers, part_starts))})"
                             f"</small>" for x in p.evidence)
            out.append(f"<li class='{p.status}'><b>{STATUS_MARK[p.status]}</b> {e(p.text)} "
                       f"<small>({e(p.status_text)})</small>{quotes}</li>")
        out.append("</ul></div>")
        if q.outline:
            out.append("<div class='outline'><b>Model-answer outline</b><ol>"
                       + "".join(f"<li>{e(step)}</li>" for step in q.outline) + "</ol></div>")
        out.append("</div>")
    return "".join(out)


HTML_STYLE = (".coverage{display:flex;gap:2em;flex-wrap:wrap}.coverage .points{flex:2 1 20em}"
              ".coverage .outline{flex:1 1 14em}.checklist{list-style:none;padding-left:0}"
              ".checklist li{margin:.3em 0}.checklist .covered b{color:#1a7f37}"
              ".checklist .partly b{color:#9a6700}.checklist .missed b{color:#cf222e}")
