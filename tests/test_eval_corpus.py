"""`timeline eval` on the dev corpus (../shared/corpus); skipped when the corpus is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

from builder import evaluation

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
GSR = CORPUS / "arabic_event_gsr" / "sentences.tsv"

pytestmark = pytest.mark.skipif(not GSR.is_file(), reason="dev corpus ../shared/corpus not present")


def test_gsr_beats_the_keyword_baseline():
    result = evaluation.evaluate_gsr(GSR)
    for name in ("ASSAULT", "PROTEST"):
        assert result.ours[name].f1 > result.baseline[name].f1, name


def test_place_keys_tolerate_spellings():
    assert evaluation.place_matches("deir ezzor", ["Deir ez-Zor"])
    assert evaluation.place_matches("lattakia", ["Latakia"])
    assert evaluation.place_matches("hasakeh", ["Hasakah"])
    assert not evaluation.place_matches("homs", ["Hama"])
