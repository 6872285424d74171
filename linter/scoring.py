"""Scores: the share of applicable checks that pass, errors weighing more than infos.

A *check* is one rule evaluated on one entity (or once, for an estate-wide
rule). It passed, failed (a finding in force) or was waived (every finding
silenced by a live waiver: accepted, not passed). `docs/scoring.md` is the
model in words; this module computes it from the engine's `Result` alone,
without asking anything of the rules.
"""

from __future__ import annotations


from .checks import is_content

WEIGHTS = {"error": 3, "warning": 2, "info": 1}
CATEGORIES = ("ACC", "CLD", "COL", "DAT", "AVL", "INT", "CST", "GOV")
# These rules are about documents: they only apply to content applications.
CONTENT_ONLY = ("COL001", "COL002", "COL003")
# EST rules are about reading the estate, not about its principles: never scored.
UNSCORED_CATEGORY = "EST"
# Rules about waivers run inside the engine's waiver pass, not in `rules_run`.
WAIVER_SECTIONS = ("providers", "infrastructure", "data_stores", "applications")

PASSED, FAILED, WAIVED = "passed", "failed", "waived"


class Scorecard:
    """The checks of one run, counted rather than listed: 10,000 applications make 300,000 checks.

    Every applicable check is first counted as passed, section by section;
    then each (rule, entity) with a finding moves from passed to failed, or
    to waived when all its findings are waived.
    """

    def __init__(self, result) -> None:
        estate, catalogue, settings = result.estate, result.catalogue, result.settings
        self.estate = estate
        ran = [catalogue[code] for code in result.rules_run if code in catalogue]
        ran += [rule for rule in catalogue if rule.scope == "waivers" and settings.enabled(rule.code)]
        self.rules = {rule.code: rule for rule in ran if _scored(rule)}
        self.weight = {code: WEIGHTS[settings.severity.get(code, rule.severity)]
                       for code, rule in catalogue.rules.items()}
        self.valid: dict = {}  # section -> ids evaluated (an id written twice counts once)
        self.holders: dict = {}  # section -> ids that carry waivers
        self.content: set = set()
        self.owners: dict = {}
        self.states: dict = {}  # (code, section, id) -> FAILED or WAIVED; absent means passed
        if estate is None:
            return
        for section in ("providers", "infrastructure", "data_stores", "applications", "integrations"):
            entities = [entity for entity in estate.entities(section) if entity.valid]
            self.valid[section] = set(entity.id for entity in entities)
            self.holders[section] = set(entity.id for entity in entities
                                        if section in WAIVER_SECTIONS and entity.data.get("waivers"))
        self.content = {app for app in self.valid["applications"]
                        if is_content(estate.applications[app], settings.options)}
        self.owners = application_owners(estate)
        for diagnostics, state in ((result.waived, WAIVED), (result.diagnostics, FAILED)):
            for diagnostic in diagnostics:
                if diagnostic.code in self.rules:
                    key = (diagnostic.code, diagnostic.section, diagnostic.entity)
                    if self.states.get(key) != FAILED:
                        self.states[key] = state

    def applies(self, rule, section, entity_id) -> bool:
        """Whether the rule was evaluated on that entity (section and id None: the estate as a whole)."""
        if rule.scope == "estate":
            return section is None and entity_id is None
        if rule.scope == "waivers":
            return entity_id in self.holders.get(section, ())
        sections = rule.scope if isinstance(rule.scope, list) else [rule.scope]
        if section not in sections or entity_id not in self.valid.get(section, ()):
            return False
        return rule.code not in CONTENT_ONLY or entity_id in self.content

    def _pattern(self, section: str, entity_id: str) -> tuple:
        """What decides which rules apply to an entity: its section, whether content, whether it has waivers."""
        return section, entity_id in self.content, entity_id in self.holders[section]

    def _entity_rules(self, section: str, entity_id: str) -> list:
        return [rule for rule in self.rules.values()
                if rule.scope != "estate" and self.applies(rule, section, entity_id)]

    def scores(self) -> dict:
        """The estate's, each category's and each application's score, as plain data."""
        estate = _tally()
        categories = {category: _tally() for category in CATEGORIES}
        applications = {app: _tally() for app in (self.estate.applications if self.estate is not None else ())}
        # Most entities of a section have the same rules: sum them once per pattern.
        patterns: dict = {}
        for section, ids in self.valid.items():
            for entity_id in ids:
                patterns.setdefault(self._pattern(section, entity_id), []).append(entity_id)
        for (section, content, holder), ids in patterns.items():
            by_category: dict = {}
            for rule in self._entity_rules(section, ids[0]):
                weight, count = by_category.get(rule.category, (0, 0))
                by_category[rule.category] = (weight + self.weight[rule.code], count + 1)
            for category, (weight, count) in by_category.items():
                _add(estate, weight * len(ids), count * len(ids), PASSED)
                _add(categories.setdefault(category, _tally()), weight * len(ids), count * len(ids), PASSED)
            weight = sum(w for w, _ in by_category.values())
            count = sum(c for _, c in by_category.values())
            for entity_id in ids:
                for owner in self.owners.get((section, entity_id), ()):
                    _add(applications[owner], weight, count, PASSED)
        for rule in self.rules.values():
            if rule.scope == "estate":
                _add(estate, self.weight[rule.code], 1, PASSED)
                _add(categories.setdefault(rule.category, _tally()), self.weight[rule.code], 1, PASSED)
        for (code, section, entity_id), state in self.states.items():
            rule, weight = self.rules[code], self.weight[code]
            # A finding always counts, even on an entity the applicability above did not foresee.
            was = PASSED if self.applies(rule, section, entity_id) else None
            tallies = [estate, categories.setdefault(rule.category, _tally())]
            tallies += [applications[owner] for owner in self.owners.get((section, entity_id), ())]
            for tally in tallies:
                if was:
                    _add(tally, -weight, -1, was)
                _add(tally, weight, 1, state)
        return {
            "weights": dict(WEIGHTS),
            "estate": _as_dict(estate),
            "categories": {category: _as_dict(tally) for category, tally in categories.items()},
            "applications": {app: _as_dict(tally) for app, tally in applications.items()},
        }

    def cells(self) -> dict:
        """app -> category -> worst state of its checks there: a severity in force, else waived, else passed."""
        rank = {PASSED: 0, WAIVED: 1, "info": 2, "warning": 3, "error": 4}
        severity = {weight: name for name, weight in WEIGHTS.items()}
        cells: dict = {}

        def mark(owner: str, category: str, state: str) -> None:
            row = cells.setdefault(owner, {})
            if rank[state] > rank.get(row.get(category), -1):
                row[category] = state

        categories: dict = {}  # pattern -> categories with a rule on such an entity
        for (section, entity_id), owners in self.owners.items():
            if entity_id in self.valid.get(section, ()):
                pattern = self._pattern(section, entity_id)
                if pattern not in categories:
                    categories[pattern] = {rule.category for rule in self._entity_rules(section, entity_id)}
                for owner in owners:
                    row = cells.setdefault(owner, {})
                    for category in categories[pattern]:
                        row.setdefault(category, PASSED)
        for (code, section, entity_id), state in self.states.items():
            rule = self.rules[code]
            state = severity[self.weight[code]] if state == FAILED else state
            for owner in self.owners.get((section, entity_id), ()):
                mark(owner, rule.category, state)
        return cells


def _scored(rule) -> bool:
    return rule.scope != "file" and rule.category != UNSCORED_CATEGORY


def application_owners(estate) -> dict:
    """(section, id) -> applications it belongs to: itself, its stores, and the flows it is an end of."""
    applications = estate.applications
    owners: dict = {("applications", app): (app,) for app in applications}
    for store in estate.data_stores.values():
        owner = store.data.get("application")
        if isinstance(owner, str) and owner in applications:
            owners[("data_stores", store.id)] = (owner,)
    for flow in estate.integrations:
        ends = [flow.data.get(end) for end in ("from", "to")]
        ends = [end for end in ends if isinstance(end, str) and end in applications]
        if ends:
            key = ("integrations", flow.id)
            owners[key] = tuple(dict.fromkeys(owners.get(key, ()) + tuple(ends)))
    return owners


# A tally: total weight, then weight and count per state.
def _tally() -> dict:
    return {"total": 0, PASSED: 0, FAILED: 0, WAIVED: 0, "n": 0, "n_" + PASSED: 0, "n_" + FAILED: 0, "n_" + WAIVED: 0}


def _add(tally: dict, weight: int, count: int, state: str) -> None:
    """Add checks (count > 0) or take them away (count < 0)."""
    tally["total"] += weight
    tally["n"] += count
    tally[state] += weight
    tally["n_" + state] += count


def _as_dict(tally: dict) -> dict:
    total = tally["total"]
    share = (lambda part: round(100 * part / total, 1)) if total else (lambda part: None)
    return {
        "score": share(tally[PASSED]), "waived_share": share(tally[WAIVED]),
        "checks": tally["n"], "passed": tally["n_" + PASSED],
        "failed": tally["n_" + FAILED], "waived": tally["n_" + WAIVED],
    }


def scores(result) -> dict:
    return Scorecard(result).scores()


# --- `check --statistics` ------------------------------------------------------------

_WORDS = {
    "en": {"count": "count", "waived": "waived", "code": "code", "severity": "severity", "name": "name",
           "none": "No findings.", "scores": "Scores (share of applicable checks passed, weighted {weights})",
           "estate": "estate", "line": "{checks} checks: {passed} passed, {failed} failed, {waived} waived",
           "waived_share": "waived {share}%", "na": "n/a",
           "unread": "{n} EST findings: the estate was not all read, and what they concern is not scored."},
    "fr": {"count": "nombre", "waived": "dérogés", "code": "code", "severity": "gravité", "name": "nom",
           "none": "Aucun constat.",
           "scores": "Scores (part des contrôles applicables réussis, pondérée {weights})",
           "estate": "patrimoine", "line": "{checks} contrôles : {passed} réussis, {failed} en échec, "
                                           "{waived} dérogés", "waived_share": "dérogé {share} %", "na": "s.o.",
           "unread": "{n} constats EST : le patrimoine n'a pas été lu en entier, et ce qu'ils concernent "
                     "n'est pas noté."},
}


def statistics(result, scored: dict) -> str:
    """Findings per rule, most frequent first (like `ruff --statistics`), then the scores."""
    words = _WORDS.get(result.settings.lang, _WORDS["en"])
    counts: dict = {}
    for column, diagnostics in ((0, result.diagnostics), (1, result.waived)):
        for diagnostic in diagnostics:
            counts.setdefault(diagnostic.code, [0, 0, diagnostic.severity, diagnostic.rule])[column] += 1
    lines = []
    if counts:
        lines.append(f"{words['count']:>7}  {words['waived']:>7}  {words['code']:<8}  {words['severity']:<8}  "
                     f"{words['name']}")
        for code, (active, waived, severity, name) in sorted(counts.items(),
                                                             key=lambda item: (-item[1][0], -item[1][1], item[0])):
            lines.append(f"{active:>7}  {waived:>7}  {code:<8}  {severity:<8}  {name}")
    else:
        lines.append(words["none"])
    weights = ", ".join(f"{severity} {weight}" for severity, weight in scored["weights"].items())
    lines += ["", words["scores"].format(weights=weights) + ":"]
    for label, tally in [(words["estate"], scored["estate"])] + list(scored["categories"].items()):
        lines.append(f"  {label:<10} {_score_line(tally, words)}")
    unread = sum(1 for d in result.diagnostics if d.code.startswith(UNSCORED_CATEGORY))
    if unread:
        lines += ["", words["unread"].format(n=unread)]
    return "\n".join(lines) + "\n"


def _score_line(tally: dict, words: dict) -> str:
    if tally["score"] is None:
        return f"{words['na']:>6}"
    text = f"{tally['score']:>5.1f}%  ({words['line'].format(**tally)}"
    if tally["waived"]:
        text += f"; {words['waived_share'].format(share=tally['waived_share'])}"
    return text + ")"
