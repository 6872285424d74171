"""Generate realistic estates for benchmarks: block style, comments, every section filled.

    python benchmarks/generate.py 10000 > estate.yaml

About 800 bytes per application, like a hand-written estate: a mix of
compliant and legacy applications, data stores owned by applications and
exported to a lake, dependencies with `any_of` groups, integrations, waivers.
"""

from __future__ import annotations

import random
import sys

DEVICES = ["windows", "macos", "linux", "chromebook", "android", "ios"]
CATEGORIES = ["office", "documents", "crm", "finance", "hr", "logistics", "messaging", "analytics"]
DELIVERIES = ["saas", "saas", "paas", "serverless", "iaas", "on-premise"]


def generate_estate(applications: int, seed: int = 1) -> str:
    rng = random.Random(seed)
    out = [
        "# Generated benchmark estate",
        "version: 1",
        "organization: Benchmark Industries",
        "",
        "providers:",
        "  gcp:",
        "    name: Google Cloud",
        "    type: public-cloud",
        "    offers: [iaas, paas, serverless]",
        "  aws:",
        "    name: Amazon Web Services",
        "    type: public-cloud",
        "    offers: [iaas, paas, serverless]",
        "  saas-co:",
        "    type: saas-vendor",
        "    offers: [saas]",
        "  old-dc:",
        "    name: Legacy datacenter",
        "    type: colocation",
        "    offers: [iaas]",
        "",
        "infrastructure:",
        "  corp-network:",
        "    type: network",
        "    provider: gcp",
        "    availability: 99.995",
        "  idp:",
        "    type: identity",
        "    provider: saas-co",
        "    availability: 99.99",
        "  api-hub:",
        "    type: integration-platform",
        "    provider: gcp",
        "    availability: 99.99",
        "",
        "data_stores:",
        "  lake:",
        "    name: Company data lake",
        "    kind: lake",
        "    provider: gcp",
        "    data: [structured, documents]",
        "    availability: 99.99",
    ]
    for i in range(applications):
        if i % 2 == 0:
            out += [
                f"  app-{i}-db:",
                "    # The application's operational store",
                "    kind: operational",
                f"    provider: {'gcp' if i % 3 else 'aws'}",
                f"    application: app-{i}",
                "    exported_to: [lake]" if i % 4 else "    exported_to: []",
                f"    classification: {rng.choice(['internal', 'confidential'])}",
                "    encryption: {at_rest: true, customer_managed_keys: false}",
                f"    availability: {rng.choice([99.9, 99.95, 99.99, 99.995])}",
            ]
    out += ["", "applications:"]
    for i in range(applications):
        delivery = rng.choice(DELIVERIES)
        devices = rng.sample(DEVICES, rng.randint(3, 6))
        out += [
            f"  # Application {i}: {CATEGORIES[i % len(CATEGORIES)]}",
            f"  app-{i}:",
            f"    name: Application number {i}",
            f"    usage: {'support' if i % 3 == 0 else 'business'}",
            f"    category: {CATEGORIES[i % len(CATEGORIES)]}",
            f"    owner: team-{i % 50}",
            f"    delivery: {delivery}",
            f"    provider: {'saas-co' if delivery == 'saas' else ('old-dc' if delivery == 'on-premise' else 'gcp')}",
            f"    built: {'vendor' if delivery == 'saas' else 'in-house'}",
            "    tenancy: multi" if delivery == "saas" else "    updates: vendor",
            "    platform: web",
            "    access:",
            f"      browser: {'true' if i % 7 else 'false'}",
            f"      devices: [{', '.join(devices)}]",
            "      offline: sync",
            "    collaboration:",
            "      native: true",
            "      default_sharing: shared",
            f"      single_version: {'true' if i % 5 else 'false'}",
            "    exchange_formats: [pdf, csv]" if i % 6 else "    exchange_formats: [pdf, xlsx]",
            "    audience: [internal]" if i % 4 else "    audience: [internal, external]",
            f"    users: {rng.randint(10, 5000)}",
            "    availability:",
            f"      target: {rng.choice([99.5, 99.9, 99.95])}",
            "      own: 99.99",
            f"    cost: {{per_user_month: {rng.randint(1, 30)}, currency: EUR}}",
        ]
        if i % 2 == 0:
            out.append(f"    data: [app-{i}-db]")
        depends = ["corp-network", "{any_of: [idp, api-hub]}"]
        if i > 0 and i % 3 == 0:
            depends.append(f"app-{i - 1}")
        out.append(f"    depends_on: [{', '.join(depends)}]")
        if i % 10 == 0:
            out += [
                "    waivers:",
                "      - rule: ACC004",
                "        reason: Legacy client until the migration",
                f"        expires: {rng.choice(['2025-06-30', '2027-12-31'])}",
                "        approved_by: cto",
            ]
    out += ["", "integrations:"]
    for i in range(1, applications, 2):
        via = "api-hub" if i % 5 else "file-transfer"
        out.append(f"  - {{from: app-{i}, to: app-{i - 1}, via: {via}, data: orders}}")
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    sys.stdout.write(generate_estate(int(sys.argv[1]) if len(sys.argv) > 1 else 1000))
