"""The two big annotation cases: importing 200 000 notes, and a PDF of one entity with 50 000 notes.

    python benchmarks/big_annotations.py [--notes 200000] [--on-one 50000] [--work DIR]

Each step runs the real ``cgt-desktop`` command in a child process on a scratch home, and reports
its wall time and peak memory (the child's maximum resident set size). Standard library only.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

NOTE = "Note number {i}: **check** the 2019 figure against the source. "


def write_file(path: Path, notes: int, on_one: int) -> None:
    """An annotations file of *notes* notes, *on_one* of them on place/zhangjiang."""
    with open(path, "w", encoding="utf-8") as handle:
        handle.write('{"format": "cgt-desktop-annotations", "version": 1, "notes": [')
        for i in range(notes):
            target = "place/zhangjiang" if i < on_one else "person/qian-qijun"
            record = {"uid": f"bench-{i}", "target_id": target, "body": NOTE.format(i=i) * 2,
                      "created": "2024-01-01T00:00:00", "edited": "2024-01-01T00:00:00"}
            handle.write(("," if i else "") + json.dumps(record, ensure_ascii=False))
        handle.write("]}\n")


def timed(argv: list[str]) -> tuple[float, float]:
    """Run *argv*; return (seconds, the child's own peak RSS in MB, from ``os.wait4``)."""
    started = time.perf_counter()
    child = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed: {child.stderr.read().decode(errors='replace').strip()}")
    return seconds, usage.ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=int, default=200_000)
    parser.add_argument("--on-one", type=int, default=50_000)
    parser.add_argument("--work", type=Path, default=None, help="scratch folder (default: a temporary one)")
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="cgt-big-"))
    home = work / "home"
    shutil.rmtree(home, ignore_errors=True)
    exe = [sys.executable, "-m", "cgt_desktop", "--home", str(home)]
    subprocess.run([*exe, "build-db", "--if-changed"], check=True, capture_output=True)
    source = work / "notes.json"
    write_file(source, args.notes, args.on_one)
    size = source.stat().st_size / 1e6
    seconds, peak = timed([*exe, "notes", "import", str(source)])
    print(f"notes import: {args.notes} notes ({size:.0f} MB file) in {seconds:.1f} s, peak {peak:.0f} MB")
    seconds, peak = timed([*exe, "export-pdf", "place/zhangjiang", "--notes", "-o", str(work / "z.pdf")])
    print(f"export-pdf --notes: {args.on_one} notes on one entity in {seconds:.1f} s, peak {peak:.0f} MB")
    if args.work is None:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
