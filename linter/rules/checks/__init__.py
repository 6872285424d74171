"""The checks a JSON Schema condition cannot say: graph-level rules, and messages that list.

A rule file names its check (`check: end_to_end_availability`); `CHECKS` maps
the name to the function. A check yields `Finding`s and knows nothing of
messages' wording, positions or output formats: the engine does that. The
checks live one module per rule family (access, cloud, collaboration, data,
availability, integration, cost), as the rule files are named; the facts they
share with declarative conditions are in `estate_facts`.
"""

from __future__ import annotations

# Each family registers its checks when imported: the registry is complete once this package is.
from . import access, availability, cloud, collaboration, cost, data, integration  # noqa: F401
from .estate_facts import facts, provider_type, stated  # noqa: F401
from .registry import CHECKS, ENTITY_CHECKS, Clause, Finding  # noqa: F401
