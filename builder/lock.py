"""One writer at a time: commands that change events/ hold `events/.timeline.lock`.

The lock is an advisory `fcntl.flock` on that file, so the kernel releases it when a run dies, even
by SIGKILL: a stale lock file never blocks anyone. Where fcntl is missing (Windows) the file is
created with O_EXCL and holds the owner's pid; a lock whose process is gone is taken over.
The second run does not wait: it stops at once and says who holds the lock.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

LOCK_NAME = ".timeline.lock"


class LockBusy(Exception):
    """Another run holds the lock; the message says which and what to do."""


def _holder(path: Path) -> str:
    try:
        info = path.read_text(encoding="utf-8").split()
    except OSError:
        info = []
    if len(info) >= 3:
        pid, started, command = info[0], info[1], " ".join(info[2:])
        return f"`timeline {command}` (pid {pid}, started {started})"
    return "another timeline command"


def _busy(path: Path, folder: Path) -> LockBusy:
    return LockBusy(
        f"{folder.as_posix()}/ is being changed by {_holder(path)}; wait for it to finish, then run "
        f"this again (two runs at once could interleave their writes)"
    )


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@contextmanager
def exclusive(folder: Path, command: str, wait: float = 0.0) -> Iterator[Path]:
    """Hold the lock of `folder` (created if missing) for the body. Raises LockBusy when another
    run holds it for longer than `wait` seconds."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LOCK_NAME
    deadline = time.monotonic() + wait
    stamp = f"{os.getpid()} {time.strftime('%H:%M:%S')} {command}\n".encode()
    if fcntl is None:  # pragma: no cover - Windows
        yield from _exclusive_excl(path, folder, stamp, deadline)
        return
    while True:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            if time.monotonic() >= deadline:
                raise _busy(path, folder) from None
            time.sleep(0.05)
            continue
        try:   # the holder before us may have removed the file between our open and our flock
            same = os.stat(path).st_ino == os.fstat(fd).st_ino
        except FileNotFoundError:
            same = False
        if same:
            break
        os.close(fd)
    try:
        os.ftruncate(fd, 0)
        os.write(fd, stamp)
        yield path
    finally:
        path.unlink(missing_ok=True)
        os.close(fd)


def _exclusive_excl(path: Path, folder: Path, stamp: bytes, deadline: float):  # pragma: no cover
    while True:
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
            break
        except FileExistsError:
            try:
                pid = int(path.read_text(encoding="utf-8").split()[0])
            except (OSError, ValueError, IndexError):
                pid = -1
            if pid > 0 and not _pid_alive(pid):
                path.unlink(missing_ok=True)
                continue
            if time.monotonic() >= deadline:
                raise _busy(path, folder) from None
            time.sleep(0.05)
    try:
        os.write(fd, stamp)
        os.close(fd)
        yield path
    finally:
        path.unlink(missing_ok=True)
