"""The committed widget build is what the sources build to."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

WIDGET = Path(__file__).resolve().parents[3] / "widget"


def test_built_widget_is_up_to_date():
    if not (WIDGET / "node_modules" / "esbuild").is_dir() or not shutil.which("node"):
        message = "widget/node_modules or node is missing: run `npm ci` in widget/"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    result = subprocess.run(
        ["node", str(WIDGET / "check-build.mjs")], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr or result.stdout
