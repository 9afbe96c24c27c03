"""Run MkDocs: `build` validates, generates and swaps a fresh site into site/ only when
`mkdocs build --strict` succeeded; `serve` generates, watches events/ and serves with live reload."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

from ..models import Event
from ..problems import Problem
from .config import CONFIG_FILE, read_config
from .generate import generate


def load_valid_events(events_dir: Path) -> tuple[list[Event], list[Problem]]:
    """The events, and the problems that must stop a build (errors only)."""
    try:
        from ..validate import validate_events
    except ImportError:  # validation module not shipped yet: the store's own checks
        validate_events = None
    if validate_events is not None:
        loaded, problems = validate_events(events_dir)
    else:
        from ..store import load_events
        loaded = load_events(events_dir)
        problems = loaded.problems
    errors = [p for p in problems if getattr(p, "severity", "error") == "error"]
    return loaded.events, errors


def build_env(root: Path) -> dict[str, str]:
    """Environment for mkdocs: the footer's build date and commit (see extra.build in mkdocs.yml)."""
    env = dict(os.environ)
    epoch = env.get("SOURCE_DATE_EPOCH")
    moment = datetime.fromtimestamp(int(epoch), UTC) if epoch else datetime.now(UTC)
    env.setdefault("TIMELINE_BUILD_DATE", moment.strftime("%Y-%m-%d %H:%M UTC"))
    if "TIMELINE_BUILD_COMMIT" not in env:
        try:
            out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=root, capture_output=True,
                                 text=True, timeout=10)
            env["TIMELINE_BUILD_COMMIT"] = out.stdout.strip() if out.returncode == 0 else ""
        except (OSError, subprocess.SubprocessError):
            env["TIMELINE_BUILD_COMMIT"] = ""
    return env


def _print_problems(errors: list[Problem]) -> None:
    for problem in sorted(errors):
        print(problem, file=sys.stderr)
    print(f"{len(errors)} problem(s) in the event files; site/ was not changed", file=sys.stderr)


def build(root: Path, events_dir: Path | None = None, quiet: bool = False) -> int:
    """Validate, generate and build; returns the exit status (site/ untouched unless 0)."""
    root = root.resolve()
    config = read_config(root)
    started = time.perf_counter()
    events, errors = load_valid_events(events_dir or root / "events")
    if errors:
        _print_problems(errors)
        return 1
    loaded_at = time.perf_counter()
    generate(events, root)
    generated_at = time.perf_counter()
    tmp = Path(tempfile.mkdtemp(prefix=".site-build-", dir=root))
    try:
        cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(root / CONFIG_FILE),
               "-d", str(tmp)]
        # never --quiet: it hides the warnings that --strict counts, and a broken link would pass
        env = build_env(root) | {"NO_MKDOCS_2_WARNING": "1"}
        result = subprocess.run(cmd, cwd=root, env=env, capture_output=True, text=True)
        if result.returncode != 0:
            sys.stderr.write(result.stdout + result.stderr)
            print("mkdocs build --strict failed; site/ was not changed", file=sys.stderr)
            return result.returncode or 1
        _swap(tmp, config.site_dir)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
    if not quiet:
        visible = sum(1 for e in events if e.status != "rejected")
        now = time.perf_counter()
        print(f"built {config.site_dir.relative_to(root)}/ from {visible} events in {now - started:.1f} s "
              f"(load and validate {loaded_at - started:.1f} s, generate {generated_at - loaded_at:.1f} s, "
              f"mkdocs {now - generated_at:.1f} s)")
    return 0


def _swap(new: Path, site: Path) -> None:
    """Put the new site in place with two renames; the old one is removed afterwards."""
    old = None
    if site.exists():
        old = site.with_name(f".site-old-{os.getpid()}-{time.time_ns()}")
        site.rename(old)
    new.rename(site)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def _events_stamp(events_dir: Path) -> tuple:
    files = sorted(events_dir.rglob("*.yaml")) if events_dir.is_dir() else []
    return tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in files)


def serve(root: Path, events_dir: Path | None = None, address: str = "127.0.0.1:8000") -> int:
    """Generate, then `mkdocs serve`; a change under events/ regenerates the pages, which mkdocs
    then rebuilds and reloads in the browser."""
    root = root.resolve()
    events_dir = events_dir or root / "events"
    events, errors = load_valid_events(events_dir)
    if errors:
        _print_problems(errors)
    generate(events, root)
    stop = threading.Event()

    def watch() -> None:
        stamp = _events_stamp(events_dir)
        while not stop.wait(1.0):
            current = _events_stamp(events_dir)
            if current == stamp:
                continue
            stamp = current
            fresh, problems = load_valid_events(events_dir)
            if problems:
                _print_problems(problems)
                continue
            generate(fresh, root)
            print(f"regenerated pages from {len(fresh)} events", file=sys.stderr)

    thread = threading.Thread(target=watch, daemon=True)
    thread.start()
    cmd = [sys.executable, "-m", "mkdocs", "serve", "--livereload", "-f", str(root / CONFIG_FILE),
           "-a", address]
    try:
        return subprocess.run(cmd, cwd=root, env=build_env(root)).returncode
    finally:
        stop.set()
