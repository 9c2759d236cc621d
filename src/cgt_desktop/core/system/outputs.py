"""Files the app writes: checked output paths, temporary files beside them, and the sweep of debris.

Every file cgt-desktop writes (a PDF, an annotations file, a screenshot, a backup, the reference
database) is written to a temporary file in the target's folder and renamed into place only when
complete. The temporary files all share one naming pattern::

    .<target name>.<pid>.<8 hex digits>.cgt-tmp      (and SQLite's -journal, -wal, -shm beside it)

so that what a killed process leaves behind can be recognised and removed at the next start, and
nothing else ever is: :func:`sweep_debris` removes only names of that pattern whose process is gone
(or that are over a day old), in the home's own folders, and the temporary files a process named in
the home's ``cache/pending/`` folder before it created them outside the home (a PDF exported into
the user's Documents, for instance).

:func:`check_output` refuses what cannot or must not be written: an empty path, a folder, a name
longer than the file system takes, a symbolic link (never followed onto another file), a device or
pipe, a missing folder. It raises :class:`OutputPathError` with one sentence for the user.
"""

from __future__ import annotations

import os
import re
import secrets
import stat
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

TEMP_SUFFIX = ".cgt-tmp"
COMPANIONS = ("-journal", "-wal", "-shm")
#: A temporary file of ours: ``.<name>.<pid>.<token>.cgt-tmp`` (+ a SQLite companion).
TEMP_PATTERN = re.compile(r"^\..+\.(?P<pid>\d+)\.[0-9a-f]{8}\.cgt-tmp(?:-journal|-wal|-shm)?$")
#: Names earlier versions gave their temporary files (swept too, in the home's folders only).
LEGACY_PATTERNS = (
    re.compile(r"^\.reference\.sqlite\.(?P<pid>\d+)\.tmp$"),
    re.compile(r"^\.user-[0-9-]+\.sqlite\.tmp(?:-journal|-wal|-shm)?$"),
)
MAX_AGE = 24 * 3600  # a temporary file older than this is debris whatever its pid says (pids are reused)
_NAME_KEEP = 80  # characters of the target's name kept in a temporary name (the rest stays under NAME_MAX)


class OutputPathError(ValueError):
    """An output path that cannot or must not be written; the message says why and what to do."""


def _name_max(folder: Path) -> int:
    try:
        return os.pathconf(folder, "PC_NAME_MAX")
    except (OSError, ValueError, AttributeError):
        return 255


def check_output(path: str | os.PathLike[str], suffix: str | None = None) -> Path:
    """Return *path* as a writable output file path (with *suffix* added if it lacks it), or raise.

    Raises:
        OutputPathError: an empty path, a folder, a too-long name, a link, a device or pipe, a missing folder.
    """
    text = os.fspath(path)
    if not text.strip():
        raise OutputPathError("no output file given: name the file to write")
    if text.endswith(("/", os.sep)) or os.path.basename(text) in ("", ".", ".."):
        example = os.path.join(text, "out" + (suffix or ""))
        raise OutputPathError(f"cannot write {text}: it is a folder; give a file name inside it, e.g. {example}")
    target = Path(text).expanduser()
    if suffix and target.suffix.lower() != suffix.lower():
        _refuse_special(target)  # the path as named: "/dev/null" is refused, not turned into "/dev/null.pdf"
        target = target.with_name(target.name + suffix)
    folder = target.parent
    limit = _name_max(folder if folder.is_dir() else Path("."))
    if len(os.fsencode(target.name)) > limit:
        raise OutputPathError(f"cannot write {target.name[:40]}…: the file name is too long "
                              f"({len(os.fsencode(target.name))} bytes; this file system takes {limit}): "
                              "choose a shorter name")
    if not folder.is_dir():
        raise OutputPathError(f"cannot write {target}: the folder {folder} does not exist")
    _refuse_special(target)
    return target


def _refuse_special(target: Path) -> None:
    """Refuse *target* if it exists and is anything but a regular file (a link, a folder, a device)."""
    try:
        st = os.lstat(target)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise OutputPathError(f"cannot write {target}: {exc.strerror or exc}") from None
    if stat.S_ISLNK(st.st_mode):
        raise OutputPathError(f"cannot write {target}: it is a symbolic link, and cgt-desktop does not write "
                              "through links: remove the link or choose another name")
    if stat.S_ISDIR(st.st_mode):
        raise OutputPathError(f"cannot write {target}: it is a folder; give a file name inside it")
    if not stat.S_ISREG(st.st_mode):
        raise OutputPathError(f"cannot write {target}: it is not a regular file (a device, pipe or socket); "
                              "choose another name")


def temp_name(target: Path) -> Path:
    """A fresh temporary name beside *target*, of the pattern :func:`sweep_debris` recognises."""
    name = target.name[:_NAME_KEEP]
    return target.with_name(f".{name}.{os.getpid()}.{secrets.token_hex(4)}{TEMP_SUFFIX}")


def create_temp(target: Path, pending: Path | None = None) -> Path:
    """Create an empty temporary file beside *target* and return its path.

    With *pending* (the home's ``cache/pending`` folder), the path is first noted there, so that a
    start after a kill removes it even though it lies outside the home.

    Raises:
        OSError: the folder cannot be written.
    """
    for _attempt in range(100):
        tmp = temp_name(Path(target))
        if pending is not None:
            _note_pending(pending, tmp)
        try:
            os.close(os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o666))
        except FileExistsError:
            continue
        except OSError:
            forget_pending(pending, tmp)
            raise
        return tmp
    raise FileExistsError(f"cannot create a temporary file in {Path(target).parent}")


def remove_temp(tmp: Path, pending: Path | None = None) -> None:
    """Remove a temporary file and its SQLite companions (quietly: there may be nothing to remove)."""
    for path in (tmp, *(tmp.with_name(tmp.name + c) for c in COMPANIONS)):
        try:
            path.unlink(missing_ok=True)
        except OSError:  # a read-only file system: there was nothing written to clean up
            pass
    forget_pending(pending, tmp)


@contextmanager
def atomic_output(target: Path, pending: Path | None = None, fsync: bool = True) -> Iterator[Path]:
    """Yield a temporary path beside *target*; on success rename it onto *target*, else remove it.

    The caller writes the temporary file and closes it. Nothing partial is ever left at *target*,
    and an earlier file of that name stays untouched unless the new one is complete.
    """
    target = Path(target)
    tmp = create_temp(target, pending)
    try:
        yield tmp
        if fsync:
            with open(tmp, "rb+") as handle:
                os.fsync(handle.fileno())
        os.replace(tmp, target)
    finally:
        remove_temp(tmp, pending)


# -- the pending list and the sweep --------------------------------------------------------------------

def _entry_name(tmp: Path) -> str:
    return f"{os.getpid()}-{tmp.name.rsplit('.', 2)[-2]}"  # the pid and the temporary name's token


def _note_pending(pending: Path, tmp: Path) -> None:
    pending.mkdir(parents=True, exist_ok=True)
    entry = pending / _entry_name(tmp)
    entry.write_text(os.fspath(tmp.absolute()), encoding="utf-8", errors="surrogateescape")


def forget_pending(pending: Path | None, tmp: Path) -> None:
    """Drop *tmp*'s entry from the pending list (it was renamed into place or removed)."""
    if pending is None:
        return
    try:
        (pending / _entry_name(tmp)).unlink(missing_ok=True)
    except OSError:
        pass


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if os.name != "posix":
        return True  # no cheap check: the age decides
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OverflowError:
        return False
    return True


def _is_debris(path: Path, pid: int | None, now: float) -> bool:
    try:
        st = os.lstat(path)
    except OSError:
        return False
    if not stat.S_ISREG(st.st_mode):
        return False
    return now - st.st_mtime > MAX_AGE or (pid is not None and not _alive(pid))


def sweep_debris(folders: list[Path], pending: Path | None = None, now: float | None = None) -> list[Path]:
    """Remove what killed processes left: our temporary files in *folders* and those listed in *pending*.

    Only names of :data:`TEMP_PATTERN` (or an earlier version's pattern) are removed, and only when
    the process that made them is gone or they are over :data:`MAX_AGE` old. Returns what was removed.
    """
    now = time.time() if now is None else now
    removed: list[Path] = []
    for folder in folders:
        try:
            names = os.listdir(folder)
        except OSError:
            continue
        for name in names:
            match = TEMP_PATTERN.match(name) or next((m for p in LEGACY_PATTERNS if (m := p.match(name))), None)
            if match is None:
                continue
            pid = int(match.group("pid")) if "pid" in match.groupdict() and match.group("pid") else None
            path = Path(folder) / name
            if _is_debris(path, pid, now) and _unlink(path):
                removed.append(path)
    if pending is not None:
        removed += _sweep_pending(pending, now)
    return removed


def _sweep_pending(pending: Path, now: float) -> list[Path]:
    removed: list[Path] = []
    try:
        entries = list(os.scandir(pending))
    except OSError:
        return removed
    for entry in entries:
        pid_text = entry.name.split("-", 1)[0]
        if not pid_text.isdigit():
            continue
        try:
            age = now - entry.stat(follow_symlinks=False).st_mtime
        except OSError:
            continue
        if _alive(int(pid_text)) and age <= MAX_AGE:
            continue
        try:
            listed = Path(Path(entry.path).read_text(encoding="utf-8", errors="surrogateescape").strip())
        except OSError:
            continue
        if TEMP_PATTERN.match(listed.name):  # never a file we did not name
            for path in (listed, *(listed.with_name(listed.name + c) for c in COMPANIONS)):
                try:
                    if stat.S_ISREG(os.lstat(path).st_mode) and _unlink(path):
                        removed.append(path)
                except OSError:
                    pass
        _unlink(Path(entry.path))
    return removed


def _unlink(path: Path) -> bool:
    try:
        path.unlink()
    except OSError:
        return False
    return True
