"""Rule documentation, from the rule files alone: `si-lint explain` and docs/rules.md.

Both read the same `Rule` data, so the terminal help, the docs and the
messages cannot drift apart (a test regenerates docs/rules.md and compares).
"""

from __future__ import annotations

import textwrap

from .catalogue import Catalogue, Rule

HEADINGS = {
    "en": {"checks": "What it checks", "why": "Why it matters", "instead": "What to do instead",
           "bad": "Non-compliant example", "good": "Compliant example", "source": "Source",
           "principle": "Principle", "message": "Message", "severity": "severity", "scope": "applies to",
           "title": "The si-lint rule catalogue",
           "intro": "Generated from the rule files in `rules/` by `python -m si_lint.explain`; "
                    "do not edit by hand. `si-lint explain CODE` prints the same text."},
    "fr": {"checks": "Ce qui est vérifié", "why": "Pourquoi c'est important", "instead": "Que faire à la place",
           "bad": "Exemple non conforme", "good": "Exemple conforme", "source": "Source",
           "principle": "Principe", "message": "Message", "severity": "gravité", "scope": "s'applique à",
           "title": "Le catalogue des règles de si-lint",
           "intro": "Généré depuis les fichiers de règles de `rules/` par `python -m si_lint.explain` ; "
                    "ne pas modifier à la main. `si-lint explain CODE` affiche le même texte."},
}


def _scope(rule: Rule) -> str:
    return ", ".join(rule.scope) if isinstance(rule.scope, list) else rule.scope


def _source(rule: Rule) -> str:
    if not rule.source:
        return ""
    return f"seeds: {rule.source['file']}, {rule.source['section']}"


def explain_rule(rule: Rule, lang: str = "en") -> str:
    words = HEADINGS[lang]
    wrap = lambda text: textwrap.fill(" ".join(text.split()), width=88, initial_indent="  ",  # noqa: E731
                                      subsequent_indent="  ", break_on_hyphens=False)
    parts = [
        f"{rule.code} ({rule.name}) · {words['severity']}: {rule.severity} · {words['scope']}: {_scope(rule)}",
        "",
        rule.text("title", lang),
        "",
        f"{words['checks']}:",
        wrap(rule.text("checks", lang)),
        f"  {words['message']}: {rule.text('message', lang)}",
        "",
        f"{words['why']}:",
        wrap(rule.text("rationale", lang)),
    ]
    if rule.principle or rule.source:
        parts.append(f"  {words['principle']}: {rule.principle or '-'}; {words['source']}: {_source(rule) or '-'}")
    parts += [
        "",
        f"{words['instead']}:",
        wrap(rule.text("remediation", lang)),
        "",
        f"{words['bad']}:",
        textwrap.indent(rule.examples["non_compliant"].rstrip("\n"), "    "),
        "",
        f"{words['good']}:",
        textwrap.indent(rule.examples["compliant"].rstrip("\n"), "    "),
    ]
    return "\n".join(parts) + "\n"


def rule_markdown(rule: Rule, lang: str = "en") -> str:
    words = HEADINGS[lang]
    lines = [
        f"### {rule.code} {rule.name}",
        "",
        f"**{rule.text('title', lang)}**  ",
        f"{words['severity']}: `{rule.severity}` · {words['scope']}: `{_scope(rule)}`"
        + (f" · {words['principle']}: `{rule.principle}`" if rule.principle else ""),
        "",
        f"**{words['checks']}.** {' '.join(rule.text('checks', lang).split())}",
        "",
        f"**{words['why']}.** {' '.join(rule.text('rationale', lang).split())}",
        "",
        f"**{words['instead']}.** {' '.join(rule.text('remediation', lang).split())}",
        "",
        f"{words['message']}: _{rule.text('message', lang)}_",
        "",
    ]
    if rule.source:
        lines += [f"{words['source']}: {_source(rule)}", ""]
    lines += [
        f"{words['bad']}:", "", "```yaml", rule.examples["non_compliant"].rstrip("\n"), "```", "",
        f"{words['good']}:", "", "```yaml", rule.examples["compliant"].rstrip("\n"), "```", "",
    ]
    return "\n".join(lines)


def catalogue_markdown(catalogue: Catalogue, lang: str = "en") -> str:
    words = HEADINGS[lang]
    rules = list(catalogue)
    lines = [f"# {words['title']}", "", words["intro"], "",
             "| code | name | severity | title |", "|---|---|---|---|"]
    lines += [f"| [{r.code}](#{r.code.lower()}-{r.name}) | {r.name} | {r.severity} | {r.text('title', lang)} |"
              for r in rules]
    lines.append("")
    for rule in rules:
        lines.append(rule_markdown(rule, lang))
    return "\n".join(lines).rstrip("\n") + "\n"


def main() -> None:
    """Regenerate docs/rules.md and docs/rules.fr.md from the catalogue."""
    import pathlib

    from .catalogue import load_catalogue

    catalogue = load_catalogue()
    docs = pathlib.Path("docs")
    docs.mkdir(exist_ok=True)
    (docs / "rules.md").write_text(catalogue_markdown(catalogue, "en"), encoding="utf-8")
    (docs / "rules.fr.md").write_text(catalogue_markdown(catalogue, "fr"), encoding="utf-8")


if __name__ == "__main__":
    main()
