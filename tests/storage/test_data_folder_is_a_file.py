"""A data folder setting (or INTERVIEWER_DATA_DIR) that names a file, or a folder under a
file: the message says which file is in the way. Before: "Opening the data folder failed at
PATH: File exists" / "Not a directory"."""
import pytest

from interviewer.storage import StorageError, Store
from test_sessions_bad_input import one_error_line, sessions


@pytest.mark.parametrize("under", [False, True])
def test_the_file_in_the_way_is_named(tmp_path, under):
    blocker = tmp_path / "notes.txt"
    blocker.write_text("mine")
    root = blocker / "data" if under else blocker
    with pytest.raises(StorageError) as caught:
        Store.open(root)
    assert str(caught.value) == (f"The data folder {root} cannot be used: {blocker} is a file, not a folder. "
                                 "Choose a folder in Settings or set INTERVIEWER_DATA_DIR.")
    assert blocker.read_text() == "mine"
    line = one_error_line(sessions("list", data_dir=root))
    assert line == f"interviewer: {caught.value}"
