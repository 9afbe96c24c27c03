"""Broken event files (tests/fixtures/broken/): each gives its `path:line:col: field: message`, the
exit code, and a GitHub annotation; `timeline build` stops on the errors and leaves site/ as it was."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest
from test_editing_support import SEED, inside, snapshot, timeline

from builder.yamlio import YamlError, compose, construct

ROOT = Path(__file__).resolve().parent.parent
BROKEN = Path(__file__).resolve().parent / "fixtures" / "broken"

# case → (file under events/, line, col, "field: message" start, exit code of `timeline validate`)
# A case is a file in broken/2021/ (copied to events/2021/), or a folder copied as events/.
CASES = {
    "bad-yaml": ("2021/bad-yaml.yaml", 5, 8, "yaml: a quoted value is never closed", 1),
    "no-date": ("2021/no-date.yaml", 2, 1, "date: is missing (add the field)", 1),
    "date-feb-30": ("2021/date-feb-30.yaml", 3, 1, "date: day is out of range for month (got '2021-02-30')", 1),
    "unknown-type": ("2021/unknown-type.yaml", 6, 1, "type: 'bombing' is not a known event type", 1),
    "until-before-date": ("2021/until-before-date.yaml", 4, 1, "until: 2021-02-01 is before date 2021-02-25", 1),
    "unknown-mode": ("2021/unknown-mode.yaml", 7, 1, "mode: 'laser' is not a known mode", 1),
    "lat-out-of-range": ("2021/lat-out-of-range.yaml", 12, 3, "places.0.lat: must be between -90 and 90", 1),
    "lat-without-lon": ("2021/lat-without-lon.yaml", 12, 3, "places.0.lat: has lat but no lon", 1),
    "bad-id": ("2021/bad-id.yaml", 2, 1, "id: is not in the expected format (got 'Basra_Protest')", 1),
    "id-not-file-name": ("2021/2021-02-25-basra-protest-x.yaml", 2, 1,
                         "id: '2021-02-25-basra-protest-y' does not match the file name", 1),
    "duplicate-ids": ("2021/sub/2021-02-25-basra-protest.yaml", 2, 1,
                      "id: '2021-02-25-basra-protest' is also used by events/2021/2021-02-25-basra-protest.yaml", 1),
    "unknown-field": ("2021/unknown-field.yaml", 5, 1, "titel: is not a field of an event (did you mean `title`?)", 1),
    "bad-status": ("2021/bad-status.yaml", 18, 1, "status: Input should be 'draft', 'reviewed' or 'rejected'", 1),
    "not-a-mapping": ("2021/not-a-mapping.yaml", 1, 1, "file: is not a mapping of event fields", 1),
    "empty-file": ("2021/empty-file.yaml", 1, 1, "file: is empty", 1),
    "duplicate-key": ("2021/duplicate-key.yaml", 18, 1, "yaml: key 'date' appears twice (first on line 3)", 1),
    "python-tag": ("2021/python-tag.yaml", 5, 8, "yaml: could not determine a constructor for the tag", 1),
    "billion-laughs": ("2021/billion-laughs.yaml", 2, 4, "yaml: anchors (&name) are not allowed", 1),
    "not-utf8": ("2021/not-utf8.yaml", 5, 8, "file: is not UTF-8 text", 1),
    "bad-date-format": ("2021/bad-date-format.yaml", 3, 1, "date: is not in the expected format (got '25/02/2021')", 1),
    "bad-country": ("2021/bad-country.yaml", 11, 3, "places.0.country: is not in the expected format (got 'Iraq')", 1),
    "approximate-not-bool": ("2021/approximate-not-bool.yaml", 4, 1, "approximate: must be true or false", 1),
    "empty-title": ("2021/empty-title.yaml", 5, 1, "title: is empty", 1),
    "source-without-article": ("2021/source-without-article.yaml", 16, 3, "sources.0.article: is missing", 1),
    "tab-indent": ("2021/tab-indent.yaml", 10, 1, "yaml: found a tab character that violates indentation", 1),
    # warnings: printed, and validation passes
    "missing-source-article": ("2021/missing-source-article.yaml", 16, 3,
                               "warning: sources.0.article: 'seeds/not-here.txt' is not in the project", 0),
    "mode-of-other-type": ("2021/mode-of-other-type.yaml", 7, 1,
                           "warning: mode: 'explosives' is a mode of assault, not of consult", 0),
    "wrong-year-folder": ("2020/2021-02-25-basra-protest.yaml", 3, 1,
                          "warning: date: the event is dated 2021-02-25 but the file is in 2020/", 0),
    "suspected-duplicate": ("2021/2021-02-25-basra-protest.yaml", 2, 1,
                            "warning: id: looks like the same event as 2021-02-25-basra-demonstration", 0),
    "after-publication": ("2021/after-publication.yaml", 3, 1,
                          "warning: date: 2021-02-28 is after the article's publication (2021-02-27)", 0),
}
REQUIRED = ("bad-yaml", "no-date", "date-feb-30", "unknown-type")   # issue 2's broken files


def place_case(case: str, project: Path) -> Path:
    events = project / "events"
    folder = BROKEN / case
    if folder.is_dir():
        shutil.copytree(folder, events)
    else:
        (events / "2021").mkdir(parents=True)
        shutil.copyfile(BROKEN / "2021" / f"{CASES[case][0].split('/')[-1]}", events / CASES[case][0])
    return events


@pytest.fixture
def project(tmp_path: Path):
    (tmp_path / "seeds").mkdir()
    shutil.copyfile(ROOT / SEED, tmp_path / SEED)
    with inside(tmp_path):
        yield tmp_path


def test_at_least_twenty_error_cases_and_every_fixture_used():
    assert sum(code == 1 for *_, code in CASES.values()) >= 20
    files = {p.name for p in (BROKEN / "2021").iterdir()}
    assert files == {v[0].split("/")[-1] for k, v in CASES.items() if not (BROKEN / k).is_dir()}


@pytest.mark.parametrize("case", sorted(CASES))
def test_validate_names_file_line_and_field(case, project):
    rel, line, col, message, code = CASES[case]
    place_case(case, project)
    got, out, err = timeline("validate")
    assert got == code, err
    assert f"events/{rel}:{line}:{col}: {message}" in err, err
    kind = "warning" if code == 0 else "error"
    got, out, err = timeline("validate", "--format", "github")
    annotation = f"::{kind} file=events/{rel},line={line},col={col}::"
    assert any(ln.startswith(annotation) for ln in out.splitlines()), out


def test_github_annotations_by_default_under_actions(project, monkeypatch):
    place_case("date-feb-30", project)
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    code, out, _ = timeline("validate")
    assert code == 1
    assert out.startswith("::error file=events/2021/date-feb-30.yaml,line=3,col=1::date: day is out of range")
    monkeypatch.setenv("GITHUB_ACTIONS", "false")
    assert timeline("validate")[1] == ""


def test_good_files_pass(project):
    (project / "events" / "2021").mkdir(parents=True)
    text = (BROKEN / "2021" / "date-feb-30.yaml").read_text(encoding="utf-8")
    good = text.replace("date-feb-30", "2021-02-25-basra-protest").replace("2021-02-30", "2021-02-25")
    (project / "events" / "2021" / "2021-02-25-basra-protest.yaml").write_text(good, encoding="utf-8")
    code, out, err = timeline("validate")
    assert (code, out) == (0, "")
    assert "1 events checked in events/: 0 errors, 0 warnings" in err


def test_billion_laughs_and_deep_nesting_are_refused_quickly():
    laughs = (BROKEN / "2021" / "billion-laughs.yaml").read_text(encoding="utf-8")
    # the same bomb through aliases only (no '&' on a line of its own is needed to explode)
    for text in (laughs, "a: " + "[" * 200_000 + "]" * 200_000 + "\n", "- " * 300_000 + "x\n"):
        started = time.perf_counter()
        with pytest.raises(YamlError):
            construct(compose(text))
        assert time.perf_counter() - started < 1.0


def test_code_running_tags_never_run(tmp_path):
    marker = tmp_path / "ran"
    for tag in ("!!python/object/apply:os.system", "!!python/object/new:os.system",
                "!!python/name:os.system", "!!python/module:os"):
        text = f'title: {tag} ["touch {marker}"]\n'
        with pytest.raises(YamlError) as exc:
            construct(compose(text))
        assert exc.value.line == 1
    assert not marker.exists()


def test_file_over_one_megabyte_is_refused(project):
    (project / "events" / "2021").mkdir(parents=True)
    big = project / "events" / "2021" / "big.yaml"
    big.write_text("id: big\ntitle: " + "x" * 1_100_000 + "\n", encoding="utf-8")
    code, _, err = timeline("validate")
    assert code == 1
    assert "events/2021/big.yaml:1:1: yaml: file is larger than 1 MB" in err


HAS_BUILD = (ROOT / "builder" / "commands" / "build.py").exists()


@pytest.mark.skipif(not HAS_BUILD, reason="builder/commands/build.py is not there yet")
@pytest.mark.parametrize("case", REQUIRED)
def test_build_stops_and_leaves_site_as_it_was(case, tmp_path):
    from conftest import make_site_project

    project = make_site_project(tmp_path / "project")
    rel, line, col, message, _ = CASES[case]
    place_case(case, project)
    site = project / "site"
    site.mkdir()
    (site / "index.html").write_text("<p>the site as it was</p>", encoding="utf-8")
    before_site, before_docs = snapshot(site), snapshot(project / "docs")
    with inside(project):
        code, _, err = timeline("build", "--root", str(project))
    assert code != 0
    assert f"events/{rel}:{line}:{col}: {message}" in err, err
    assert snapshot(site) == before_site
    assert snapshot(project / "docs") == before_docs


def test_broken_record_file_is_reported_by_validate(project):
    (project / "events").mkdir()
    (project / "events" / ".extracted.yaml").write_text(
        "articles:\n<<<<<<< HEAD\n  seeds/a.txt: {sha256: x}\n", encoding="utf-8")
    code, out, err = timeline("validate", "--format", "github")
    assert code == 1
    assert "events/.extracted.yaml:2:1: record: has git merge conflict markers (keep the lines of both" in err
    assert out.startswith("::error file=events/.extracted.yaml,line=2,")
