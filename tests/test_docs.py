"""The examples in the README and in the module docstrings run as written."""

import doctest
import importlib
from pathlib import Path

import pytest

MODULES = ["text.alphabet", "text.tokenize", "edits", "morphology.analyzer", "data.lexicon", "data.stats",
           "stages.layout", "correct.rules.hyphens", "stages.normalize", "cleaner", "correct.channel.errormodel",
           "parallel.batch", "config", "stages.base", "correct.decide", "correct.memo", "correct.suggest",
           "correct.candidates.base", "morphology.grammar", "morphology.phonology", "stages.lines",
           "correct.rules.endings", "correct.rules.particles", "export.suffixes", "export.spelling_hints",
           "export.hunspell", "text.cyrillic", "text.passages", "stages.script"]


@pytest.mark.parametrize("name", MODULES)
def test_module_examples(name):
    module = importlib.import_module(f"azfix.{name}")
    result = doctest.testmod(module)
    assert result.failed == 0 and result.attempted > 0


def test_readme_examples():
    readme = Path(__file__).parent.parent / "README.md"
    result = doctest.testfile(str(readme), module_relative=False)
    assert result.failed == 0 and result.attempted >= 8
