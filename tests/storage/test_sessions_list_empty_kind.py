"""`sessions list --kind ""` (an unset shell variable) is an unknown kind. Before, it printed
"No rounds recorded yet" although rounds were there: a scare that the recordings are gone."""
from interviewer.storage import Store
from storage_helpers import full_round
from test_sessions_bad_input import one_error_line, sessions


def test_an_empty_kind_is_an_unknown_kind_not_an_empty_history(data_dir):
    with Store.open() as store:
        full_round(store)
    line = one_error_line(sessions("list", "--kind", "", data_dir=data_dir))
    assert line.startswith("interviewer: --kind: unknown round kind ''; one of: phone_screen, coding")
    assert "No rounds recorded yet" not in line
    listed = sessions("list", data_dir=data_dir)
    assert listed.returncode == 0 and "Feed ranking design" in listed.stdout
