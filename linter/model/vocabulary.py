"""The estate format's fixed names, kept once: sections, device families, point-to-point flows."""

from __future__ import annotations

# Sections of entities keyed by their id, in the order of the format's description.
ID_SECTIONS = ("providers", "infrastructure", "data_stores", "applications")
# Every section of entities: integrations are a list, named FROM->TO.
SECTIONS = ID_SECTIONS + ("integrations",)

DEVICE_FAMILIES = ("windows", "macos", "linux", "chromebook", "android", "ios")
POINT_TO_POINT_VIAS = ("point-to-point", "file-transfer", "shared-database")
# An application's `criticality` (1.2), most critical first: the plan and the scores rank by it, never a rule.
CRITICALITIES = ("critical", "high", "medium", "low")

# Ids are map keys; the estate JSON Schema says the same (a test checks they agree).
ID_PATTERN = "^[a-z][a-z0-9_-]*$"
