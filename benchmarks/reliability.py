"""Reliability of the confidence: confidence bins, the share of right edits in each, the calibration error.

An edit made on a noisy text is right when it turns a damaged place into
its clean string exactly (same span, same replacement); an edit touching no
damaged place is wrong, except that the fixes of the text's own reviewed
misspellings can be set aside. The expected calibration error (ECE) is the
edit-weighted mean of ``|mean confidence − share right|`` over the bins.

>>> table = reliability([(0.995, True, "typo", False), (0.995, False, "typo", False)])
>>> table["bins"][-1]["right"], round(table["ece"], 3)
(0.5, 0.495)
"""

from __future__ import annotations

import statistics

from azfix.edits import EditKind

from .noise import Site

CONFIDENCE_BINS = (0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99, 1.0)
WORD_KINDS = frozenset({EditKind.DIACRITIC, EditKind.TYPO, EditKind.SPLIT, EditKind.MERGE,
                        EditKind.REALWORD, EditKind.HYPHEN_SUFFIX})  # the corrector's decisions


def edit_verdicts(edits: list, sites: list[Site], aside: set[int]) -> list[tuple[float, bool, str, bool]]:
    """(confidence, right, kind, set aside) for each edit: right when it turns a site into its gold exactly."""
    gold = {(s.start, s.end): s.gold for s in sites}
    return [(e.confidence, gold.get((e.start, e.end)) == e.replacement, str(e.kind), k in aside)
            for k, e in enumerate(edits)]


def _bin_of(confidence: float) -> int:
    """Index into the bins below 0.5, then [0.5, 0.6) … [0.99, 1.0]: 0 is below 0.5."""
    for i, high in enumerate(CONFIDENCE_BINS[1:-1], start=1):
        if confidence < high:
            return i if confidence >= CONFIDENCE_BINS[0] else 0
    return len(CONFIDENCE_BINS) - 1


def reliability(verdicts: list[tuple[float, bool, str, bool]]) -> dict:
    """Confidence bins with their count, mean confidence and share right; the expected calibration error.

    ``right_aside``: the share right with the reviewed fixes of the text's
    own misspellings set aside (they are right, but no site says so).
    """
    bounds = [(0.0, CONFIDENCE_BINS[0])] + list(zip(CONFIDENCE_BINS, CONFIDENCE_BINS[1:]))
    groups: list[list] = [[] for _ in bounds]
    for v in verdicts:
        groups[_bin_of(v[0])].append(v)
    rows, gap, gap_aside, kept = [], 0.0, 0.0, 0
    for (low, high), group in zip(bounds, groups):
        if not group and low == 0.0:
            continue
        mean_confidence = statistics.fmean(v[0] for v in group) if group else None
        right = sum(v[1] for v in group) / len(group) if group else None
        counted = [v for v in group if not v[3]]
        right_aside = sum(v[1] for v in counted) / len(counted) if counted else None
        if group:
            gap += len(group) * abs(mean_confidence - right)
        if counted:
            gap_aside += len(counted) * abs(statistics.fmean(v[0] for v in counted) - right_aside)
            kept += len(counted)
        rows.append({"low": low, "high": high, "edits": len(group), "mean_confidence": mean_confidence,
                     "right": right, "aside": len(group) - len(counted), "right_aside": right_aside})
    return {"bins": rows, "edits": len(verdicts),
            "ece": gap / len(verdicts) if verdicts else 0.0, "ece_aside": gap_aside / kept if kept else 0.0}
