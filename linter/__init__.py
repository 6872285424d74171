"""si-lint: lint an information-system estate against infrastructure principles."""

__version__ = "0.1.0"
