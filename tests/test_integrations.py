"""The integrations stay optional: azfix never imports them, and each names its extra when its library is missing."""

import importlib
import subprocess
import sys

import pytest


def test_import_azfix_leaves_the_pipeline_libraries_alone():
    script = ("import sys, azfix; azfix.Cleaner(); "
              "print(sorted(m for m in ('datatrove', 'datasets', 'azfix.integrations') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


@pytest.mark.parametrize("module, library, extra", [("datatrove", "datatrove", "datatrove"), ("hf", "datasets", "hf")])
def test_missing_library_names_the_extra(monkeypatch, module, library, extra):
    # as if not installed: importing it, or any of its modules already loaded, raises ImportError
    for name in [library] + [name for name in sys.modules if name.startswith(f"{library}.")]:
        monkeypatch.setitem(sys.modules, name, None)
    monkeypatch.delitem(sys.modules, f"azfix.integrations.{module}", raising=False)
    with pytest.raises(ImportError, match=rf"pip install 'azfix\[{extra}\]'"):
        importlib.import_module(f"azfix.integrations.{module}")
