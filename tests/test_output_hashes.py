"""Output identity: the benchmark texts clean to the stored hashes (benchmarks/output_hashes.py).

A change of structure must change no output. The check needs the shared
development data and is skipped where it is absent.
"""

import json
from pathlib import Path

import pytest

from benchmarks.output_hashes import HASHES, compute

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.mark.skipif(not (SHARED / "data" / "text").is_dir(), reason="needs the shared development data")
def test_benchmark_outputs_are_unchanged():
    stored = json.loads(HASHES.read_text(encoding="utf-8"))["quick"]
    hashes = compute(SHARED, quick=True)
    assert sorted(hashes) == sorted(stored)
    assert [name for name in hashes if hashes[name] != stored[name]] == []
