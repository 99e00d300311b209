"""A time limit per document (``--doc-timeout``) that no library can swallow.

The limit raises :class:`DocTimeout`, a ``BaseException``: trafilatura's readability
fallback (and any other library) wraps its work in ``except Exception``, which would catch
an ``Exception`` subclass, drop it and carry on for as long as it likes.

In the main thread the limit is ``SIGALRM`` (it also interrupts the regex engine, which
checks for signals while it matches). In any other thread (a Dask worker runs tasks in a
thread) a watchdog thread raises the same exception in the working thread between two
Python instructions; a single long C call is only interrupted when it returns.
"""

from __future__ import annotations

import contextlib
import ctypes
import signal
import threading
from collections.abc import Iterator


class DocTimeout(BaseException):  # noqa: N818 - not an error class: the alarm itself
    """The document's time is up. Not an ``Exception``: ``except Exception`` lets it through."""


def _on_alarm(signum, frame):  # noqa: ARG001
    raise DocTimeout()


@contextlib.contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise :class:`DocTimeout` in this thread after ``seconds`` (0: no limit)."""
    if seconds <= 0:
        yield
    elif hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread():
        old = signal.signal(signal.SIGALRM, _on_alarm)
        signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            yield
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, old)
    else:
        with _watchdog(seconds):
            yield


@contextlib.contextmanager
def _watchdog(seconds: float) -> Iterator[None]:
    """The limit for a thread that cannot have signals: an asynchronous exception."""
    target = threading.get_ident()
    done = threading.Event()
    lock = threading.Lock()
    state = {"active": True, "fired": False}

    def fire() -> None:
        if done.wait(seconds):
            return
        with lock:
            if state["active"]:
                ctypes.pythonapi.PyThreadState_SetAsyncExc(
                    ctypes.c_ulong(target), ctypes.py_object(DocTimeout)
                )
                state["fired"] = True

    watcher = threading.Thread(target=fire, name="vnextract-doc-timeout", daemon=True)
    watcher.start()
    try:
        yield
    finally:
        with lock:
            state["active"] = False
            if state["fired"]:  # raised too late to land inside the block: take it back
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(target), None)
        done.set()
