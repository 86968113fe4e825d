"""Options and Policy: every number that decides a change is a documented Policy field, and overrides reach the decision."""

import ast
import dataclasses
from pathlib import Path

import pytest

import azfix
from azfix.config import CleanerConfig, Policy

SOURCE = Path(azfix.__file__).parent
# Module-level numbers that are bounds of work or memory, or of a data
# format, never thresholds of a decision.
BOUNDS = {"FORMAT_VERSION", "MAX_WORD_LENGTH", "MAX_ANALYSES", "MAX_FIT_MEMO", "_MEMO_LIMIT", "MAX_REMEMBERED", "MAX_SPAN_TOKENS",
          "IN_FLIGHT_PER_JOB", "MIN_INDEXED_LENGTH", "ORDER", "TYPICAL_SAMPLE", "FLOOR", "MAX_SUFFIXES",
          "MAX_SPELLINGS", "PRIOR_READINGS", "MAX_WARNINGS", "NEEDAFFIX", "MAX_HARMONY_SPELLINGS", "_ALIGN"}


def test_every_policy_field_says_why():
    source = (SOURCE / "config.py").read_text(encoding="utf-8")
    body = source[source.index("class Policy"):source.index("class CleanerConfig")]
    for field in dataclasses.fields(Policy):
        line = next(line for line in body.splitlines() if line.strip().startswith(f"{field.name}:"))
        assert "  # " in line, f"Policy.{field.name} has no line of why"


def test_no_tuning_constant_outside_the_policy():
    found = []
    for path in SOURCE.rglob("*.py"):
        if path.name == "config.py":
            continue
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
                value, name = node.value, node.targets[0].id
                if isinstance(value, ast.UnaryOp):
                    value = value.operand
                if (isinstance(value, ast.Constant) and type(value.value) in (int, float)
                        and name not in BOUNDS and not name.endswith("_MEMO")):
                    found.append(f"{path.relative_to(SOURCE)}: {name}")
    assert found == []


def test_overrides_build_the_config_and_reach_the_decision():
    assert azfix.Cleaner(min_confidence=0.9).config == CleanerConfig(min_confidence=0.9)
    text = "Bu siyaset sayesində mümkün oldu."
    assert azfix.Cleaner().clean(text) == "Bu siyasət sayəsində mümkün oldu."
    # with an error costing far more than any prior can pay, nothing changes
    assert azfix.Cleaner(policy=Policy(alpha=1000.0)).clean(text) == text


def test_config_and_overrides_combine():
    base = CleanerConfig(layout=False)
    assert azfix.Cleaner(base, splits=False).config == CleanerConfig(layout=False, splits=False)
    with pytest.raises(TypeError):
        azfix.Cleaner(policy={"alpha": 1.0})
    with pytest.raises(TypeError):
        azfix.Cleaner(no_such_option=True)
