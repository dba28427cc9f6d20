"""app/labels.py device_label: what a device list shows for a device name."""
import pytest

from interviewer.app.labels import device_label


@pytest.mark.parametrize("name, shown", [
    ("pulse", "pulse (through PulseAudio or PipeWire)"),
    ("default", "default (ALSA's default device)"),
    ("sysdefault", "sysdefault (ALSA's system default)"),
    ("USB headset", "USB headset"),
    ("HDA Intel PCH: ALC295 Analog (hw:0,0)", "HDA Intel PCH: ALC295 Analog (hw:0,0)"),
])
def test_a_bare_route_name_says_what_it_is_and_a_device_keeps_its_name(name, shown):
    assert device_label(name) == shown
