import pytest

from interviewer.core.clock import FakeClock


def test_fake_clock_moves_only_forward():
    clock = FakeClock(10)
    clock.advance(5)
    assert clock.now() == 15
    with pytest.raises(ValueError):
        clock.advance(-1)
