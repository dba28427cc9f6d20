"""Numbers in a stored analysis that no answer can have (edited by hand, or by another program):
counted as 0. Before, word_count 1e308 made `sessions show` stop with OverflowError ('int too
large to convert to float') in the round summary."""
import math

import pytest

from interviewer.core.analysis.summary import Part, summarize


@pytest.mark.parametrize("value", [1e308, -1e308, float("inf"), float("nan"), 10**400, "many", None, [1]])
def test_an_absurd_stored_count_counts_as_zero(value):
    good = {"word_count": 9, "filler_count": 2, "speaking_seconds": 4.5}
    bad = dict(good, word_count=value, filler_count=value)
    numbers = summarize([Part(1, "q", None, "Q?", 0.0, 1.0, 7.0, good), Part(2, "q2", None, "Q2?", 10.0, 11.0, 17.0, bad)])
    assert numbers.words == 9 and numbers.fillers == 2
    assert numbers.filler_rate is not None and math.isfinite(numbers.filler_rate)
