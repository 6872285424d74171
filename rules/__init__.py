"""The rule catalogue: one YAML file per rule, shipped as package data of si_lint.rules.builtin."""
