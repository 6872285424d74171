"""Rule documentation, from the rule files alone: `si-lint explain` and docs/rules.md.

Both read the same `Rule` data, so the terminal help, the docs and the
messages cannot drift apart (a test regenerates docs/rules.md and compares).
"""

from __future__ import annotations

import re
import textwrap

from ..i18n.messages import Listing, Text, family_name, render, say
from ..rules.catalogue import Catalogue, Rule

_KEEP_TOGETHER = re.compile(r" (?=[;:?!%»])|(?<=«) ")


def _scope(rule: Rule, lang: str) -> str:
    scopes = rule.scope if isinstance(rule.scope, list) else [rule.scope]
    return render(lang, Listing(Text(f"scope.{scope}") for scope in scopes))


def _source(rule: Rule, lang: str) -> str:
    if not rule.source:
        return "-"
    section = rule.source["section"]
    if isinstance(section, dict):
        section = section.get(lang, section["en"])
    return say(lang, "explain.seeds", file=rule.source["file"], section=section)


def _headline(rule: Rule, lang: str) -> list:
    """The rule's identity: severity, family, scope, and how to run it while it is in preview."""
    facts = [
        say(lang, "explain.severity", severity=Text("severity." + rule.severity)),
        say(lang, "explain.family", family=f"{rule.family} ({family_name(lang, rule.family)})"),
        say(lang, "explain.scope", scope=_scope(rule, lang)),
    ]
    lines = [f"{rule.code} ({rule.name}) · " + " · ".join(facts)]
    if rule.status == "preview":
        lines.append(say(lang, "explain.preview", code=rule.code))
    return lines


def explain_rule(rule: Rule, lang: str = "en") -> str:
    def wrap(text: str) -> str:
        # French puts a space before ; : ? ! % and inside « »: a line must not break there.
        text = _KEEP_TOGETHER.sub("\u00a0", " ".join(text.split()))
        return textwrap.fill(
            text, width=88, initial_indent="  ", subsequent_indent="  ", break_on_hyphens=False
        ).replace("\u00a0", " ")

    parts = _headline(rule, lang) + [
        "",
        rule.text("title", lang),
        "",
        say(lang, "explain.checks"),
        wrap(rule.text("checks", lang)),
        "  " + say(lang, "explain.message", message=rule.text("message", lang)),
        "",
        say(lang, "explain.why"),
        wrap(rule.text("rationale", lang)),
    ]
    if rule.principle or rule.source:
        parts.append("  " + say(lang, "explain.origin", principle=rule.principle or "-", source=_source(rule, lang)))
    parts += [
        "",
        say(lang, "explain.instead"),
        wrap(rule.text("remediation", lang)),
        "",
        say(lang, "explain.bad"),
        textwrap.indent(rule.examples["non_compliant"].rstrip("\n"), "    "),
        "",
        say(lang, "explain.good"),
        textwrap.indent(rule.examples["compliant"].rstrip("\n"), "    "),
    ]
    return "\n".join(parts) + "\n"


def rule_markdown(rule: Rule, lang: str = "en") -> str:
    def paragraph(key: str, text_key: str) -> str:
        return f"**{say(lang, key)}** {' '.join(rule.text(text_key, lang).split())}"

    headline = _headline(rule, lang)
    lines = [
        f"### {rule.code} {rule.name}",
        "",
        f"**{rule.text('title', lang)}**  ",
        headline[0].split(" · ", 1)[1]
        + (f" · {say(lang, 'explain.principle', principle=rule.principle)}" if rule.principle else ""),
        "",
    ]
    if len(headline) > 1:
        lines += [f"_{headline[1]}_", ""]
    lines += [
        paragraph("explain.checks", "checks"),
        "",
        paragraph("explain.why", "rationale"),
        "",
        paragraph("explain.instead", "remediation"),
        "",
        say(lang, "explain.message", message=f"_{rule.text('message', lang)}_"),
        "",
    ]
    if rule.source:
        lines += [say(lang, "explain.source", source=_source(rule, lang)), ""]
    lines += [
        say(lang, "explain.bad"),
        "",
        "```yaml",
        rule.examples["non_compliant"].rstrip("\n"),
        "```",
        "",
        say(lang, "explain.good"),
        "",
        "```yaml",
        rule.examples["compliant"].rstrip("\n"),
        "```",
        "",
    ]
    return "\n".join(lines)


def catalogue_markdown(catalogue: Catalogue, lang: str = "en") -> str:
    rules = list(catalogue)
    columns = [say(lang, "cli.rules." + column) for column in ("code", "name", "severity", "title")]
    lines = [
        f"# {say(lang, 'explain.title')}",
        "",
        say(lang, "explain.intro"),
        "",
        "| " + " | ".join(columns) + " |",
        "|---|---|---|---|",
    ]
    for rule in rules:
        title = rule.text("title", lang) + (
            f" ({say(lang, 'explain.preview_tag')})" if rule.status == "preview" else ""
        )
        lines.append(
            f"| [{rule.code}](#{rule.code.lower()}-{rule.name}) | {rule.name} | "
            f"{say(lang, 'severity.' + rule.severity)} | {title} |"
        )
    lines.append("")
    for rule in rules:
        lines.append(rule_markdown(rule, lang))
    return "\n".join(lines).rstrip("\n") + "\n"


def main() -> None:
    """Regenerate docs/rules.md and docs/rules.fr.md from the catalogue."""
    import pathlib

    from ..rules.catalogue import load_catalogue

    catalogue = load_catalogue()
    docs = pathlib.Path("docs")
    docs.mkdir(exist_ok=True)
    (docs / "rules.md").write_text(catalogue_markdown(catalogue, "en"), encoding="utf-8")
    (docs / "rules.fr.md").write_text(catalogue_markdown(catalogue, "fr"), encoding="utf-8")


if __name__ == "__main__":
    main()
