import pytest

from interviewer.storage import Store


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    path = tmp_path / "data"
    monkeypatch.setenv("INTERVIEWER_DATA_DIR", str(path))
    return path


@pytest.fixture
def store(data_dir):
    with Store.open() as s:
        yield s
