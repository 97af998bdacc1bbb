"""The anchoring package stands alone: it can be benchmarked and fuzzed without Django."""

import subprocess
import sys
from pathlib import Path

import corrigo.anchoring

PROJECT_ROOT = Path(__file__).parents[4]


def test_importing_anchoring_loads_no_django() -> None:
    code = "import sys, corrigo.anchoring; print(any(name.split('.')[0] == 'django' for name in sys.modules))"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=PROJECT_ROOT, capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == "False"


def test_public_api_is_exported() -> None:
    assert {"canonical_text", "text_sha256", "locate", "Anchor", "TextMap", "TextQuoteSelector"} <= set(
        corrigo.anchoring.__all__
    )
