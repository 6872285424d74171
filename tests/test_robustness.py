"""Issue 22, "any input, on every surface": each defect the robustness campaign found, reproduced.

One test (or a pair: fires / does not) per defect, named after the issue's item number.
The property tests in `test_properties.py` guard the classes these samples belong to.
"""

from __future__ import annotations

import time

from conftest import findings


# --- 1. a list of 4,000 mappings under a `uniqueItems` list -------------------------------------------

def test_1_a_long_list_of_mappings_is_worded_in_linear_time(catalogue):
    items = "".join(f"      - {{k: {i}}}\n" for i in range(4000))
    text = f"version: 1\norganization: X\nproviders:\n  p:\n    name: P\n    type: public-cloud\n    offers:\n{items}"
    started = time.perf_counter()
    found = findings(text, catalogue, "EST003")
    assert time.perf_counter() - started < 5  # 25 s before the fix
    assert len(found) == 4000 and found[0][2:] == (8, 9)


def test_1_duplicates_are_still_found_with_json_equality(catalogue):
    text = ("version: 1\norganization: X\nproviders:\n  p:\n    name: P\n    type: public-cloud\n"
            "    offers: [iaas, iaas, paas]\n")
    assert findings(text, catalogue, "EST003") == [("EST003", "p", 7, 5)]
    assert findings(text.replace("iaas, iaas", "iaas, saas"), catalogue, "EST003") == []


def test_1_json_key_tells_true_from_one_and_one_from_one_point_zero():
    from si_lint.validate.predicate import duplicates

    assert duplicates([1, True, {"a": [1]}, {"a": [1.0]}]) == [{"a": [1.0]}]
    assert duplicates([True, 1, 0, False]) == []
