"""Trial 36: a second probe said an internal area label: "Let's stay on reflection and learning a
little longer. What else would you consider there?" (depth 08:36), after the first probe "Looking
back, what would you do differently?". A candidate cannot tell what "reflection and learning" asks:
the frames name the area in a candidate's words (core.probes.AREA_SUBJECTS), never the label."""
from __future__ import annotations

from interviewer.core import probes
from interviewer.core.probes import AGAIN_FRAMES, frame_of, probe_for
from interviewer.core.scripts.areas import AREAS
from interviewer.core.scripts.model import ExpectedPoint


def _second_probe(area: str, frames_used=frozenset()) -> str:
    point = ExpectedPoint("Automated rollback or guardrail checks; a postmortem with owners",
                          ("postmortem",), area=area)
    probe = probe_for(point, 1, "ml_depth", said=1, frames_used=frames_used)
    assert probe is not None
    return probe.text


def test_the_trial_probe_names_what_is_asked_not_the_label():
    text = _second_probe("reflection and learning")
    assert "reflection and learning" not in text
    assert "what you'd do differently" in text
    assert frame_of(text) == AGAIN_FRAMES[0]


def test_no_frame_says_an_opaque_area_label():
    opaque = ("reflection and learning", "personal ownership", "story context", "quantified results",
              "collaboration and influence", "customer focus", "model fundamentals", "modeling choices")
    for area in opaque:
        for used in range(len(AGAIN_FRAMES)):
            text = _second_probe(area, frozenset(AGAIN_FRAMES[:used]))
            assert area not in text.lower(), text


def test_every_shared_area_has_words_for_a_candidate():
    assert set(AREAS) <= set(getattr(probes, "AREA_SUBJECTS", {}))
