"""The process entry point: when it may skip interpreter teardown, and when it must not."""

from __future__ import annotations

import atexit
import io
import sys

import pytest

from career_cli import launch


class Exited(Exception):
    """Stands in for os._exit, which would end the test run."""


@pytest.fixture
def fast_exit(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    codes: list[int] = []

    def fake_exit(code: int) -> None:
        codes.append(code)
        raise Exited

    monkeypatch.setattr(launch.os, "_exit", fake_exit)
    monkeypatch.setattr(atexit, "_ncallbacks", lambda: 0)
    return codes


class Stream(io.StringIO):
    def __init__(self, error: Exception | None = None) -> None:
        super().__init__()
        self.flushed = False
        self.error = error

    def flush(self) -> None:
        if self.error:
            raise self.error
        self.flushed = True


@pytest.mark.parametrize(("code", "expected"), [(0, 0), (None, 0), (1, 1), (2, 2), (130, 130)])
def test_a_numeric_status_flushes_both_streams_and_exits_at_once(
    fast_exit: list[int], monkeypatch: pytest.MonkeyPatch, code: int | None, expected: int
) -> None:
    out, err = Stream(), Stream()
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setattr(sys, "stderr", err)
    with pytest.raises(Exited):
        launch.leave(code)
    assert fast_exit == [expected]
    assert out.flushed and err.flushed


def test_a_stream_closed_at_start_is_skipped(
    fast_exit: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    err = Stream()
    monkeypatch.setattr(sys, "stdout", None)  # what Python sets for `career >&-`
    monkeypatch.setattr(sys, "stderr", err)
    with pytest.raises(Exited):
        launch.leave(2)
    assert fast_exit == [2]
    assert err.flushed


def test_a_text_status_takes_pythons_own_exit_which_prints_it(fast_exit: list[int]) -> None:
    with pytest.raises(SystemExit) as exc:
        launch.leave("career: stopped")
    assert exc.value.code == "career: stopped"
    assert fast_exit == []


def test_a_waiting_atexit_hook_is_honoured(
    fast_exit: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    # coverage.py and sitecustomize hooks register here; skipping teardown would lose their work
    monkeypatch.setattr(atexit, "_ncallbacks", lambda: 1)
    with pytest.raises(SystemExit) as exc:
        launch.leave(0)
    assert exc.value.code == 0
    assert fast_exit == []


@pytest.mark.parametrize("error", [BrokenPipeError(32, "Broken pipe"), ValueError("closed file")])
def test_a_stream_that_cannot_flush_takes_the_ordinary_exit(
    fast_exit: list[int], monkeypatch: pytest.MonkeyPatch, error: Exception
) -> None:
    monkeypatch.setattr(sys, "stdout", Stream(error))
    with pytest.raises(SystemExit) as exc:
        launch.leave(0)
    assert exc.value.code == 0
    assert fast_exit == []


def test_the_real_atexit_count_is_what_leave_reads() -> None:
    # leave() relies on a private CPython function; fail loudly if a Python version drops it
    before = atexit._ncallbacks()

    def hook() -> None:  # pragma: no cover - unregistered before exit
        pass

    atexit.register(hook)
    try:
        assert atexit._ncallbacks() == before + 1
    finally:
        atexit.unregister(hook)
