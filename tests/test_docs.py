"""The YAML examples in the README and docs/ lint as the text around them says.

A block whose first line is `# expect: CODE, CODE` must fire exactly those
rules when only they are run; any other estate block must produce no EST
finding (it is valid).
"""

from __future__ import annotations

import re

import pytest
from conftest import REPO, run

DOCUMENTS = ["README.md", "docs/estate-format.md", "docs/products.md"]
BLOCK = re.compile(r"```yaml\n(.*?)```", re.S)


def estate_blocks():
    for name in DOCUMENTS:
        text = (REPO / name).read_text(encoding="utf-8")
        for number, block in enumerate(BLOCK.findall(text), 1):
            if "version: 1" in block:
                yield pytest.param(block, id=f"{name}#{number}")


@pytest.mark.parametrize("block", list(estate_blocks()))
def test_documented_example(block, catalogue):
    first = block.splitlines()[0]
    if first.startswith("# expect:"):
        expected = sorted(code.strip() for code in first.split(":", 1)[1].split(","))
        codes = sorted(d.code for d in run(block, catalogue, select=tuple(expected)).diagnostics)
        assert codes == expected
    else:
        codes = [d.code for d in run(block, catalogue).diagnostics]
        assert [code for code in codes if code.startswith("EST")] == []
