"""`si-lint import backstage`: catalog descriptors to estate entities, every reference resolved or reported."""

from __future__ import annotations

import os
import textwrap

from click.testing import CliRunner
from conftest import REPO, lint_paths, needs
from si_lint.cli.main import main
from si_lint.importers.backstage import import_backstage

# The Backstage project's own example catalog (Apache-2.0 test data), used where it lies, never copied.
FIXTURE = REPO / ".." / "shared" / "fixtures" / "backstage"
needs_fixture = needs(FIXTURE.is_dir(), "the Backstage example catalog is not there")


def invoke(*args):
    return CliRunner().invoke(main, ["import", "backstage", *[str(a) for a in args]], catch_exceptions=False)


def lost(imported) -> list:
    """(file name, line, column, start of message) of every reported loss."""
    return sorted(
        (os.path.basename(str(p.place).split(":")[0]), p.line, p.column, str(p.message).split(" ")[0])
        for p in imported.problems
        if p.lost
    )


def by_id(imported) -> dict:
    return {entity.id: (entity.section, entity.data) for entity in imported.entities}


# --- the example catalog ---------------------------------------------------------------------------------------------

UNRESOLVED_IN_FIXTURE = [
    *[("all-apis.yaml", line, 7, "target") for line in range(8, 18)],  # ./apis/... files are not there
    ("petstore-component.yaml", 19, 7, "spec.providesApis"),
    ("petstore-component.yaml", 20, 7, "spec.providesApis"),
    ("petstore-component.yaml", 21, 7, "spec.providesApis"),
    ("playback-order-component.yaml", 12, 3, "spec.owner"),  # 'guest' is a User, and owners default to Group
    ("wayback-archive-component.yaml", 11, 7, "spec.providesApis"),
    ("wayback-search-component.yaml", 11, 7, "spec.providesApis"),
    ("wayback-search-component.yaml", 13, 7, "spec.consumesApis"),
]


@needs_fixture
def test_example_catalog_imports_and_reports_every_unresolved_reference():
    imported = import_backstage([str(FIXTURE)])
    assert lost(imported) == UNRESOLVED_IN_FIXTURE
    owner = next(p for p in imported.problems if str(p.message).startswith("spec.owner"))
    assert str(owner.message) == (
        "spec.owner 'guest' names no Group of the catalog read "
        "(an entity of kind User has that name: write user:guest); kept as written"
    )
    sections = {}
    for entity in imported.entities:
        sections.setdefault(entity.section, []).append(entity.id)
    assert sorted(sections["data_stores"]) == ["artists-db"]
    assert len(sections["applications"]) == 15
    assert "alternative-different-namespace" in sections["applications"]  # not in the default namespace
    assert "invalid-component" in sections["applications"]  # "invalid component" slugged


@needs_fixture
def test_example_catalog_maps_backstage_fields():
    data = by_id(import_backstage([str(FIXTURE)]))
    assert data["artist-lookup"] == (
        "applications",
        {
            "description": "Artist Lookup",
            "owner": "team-a",
            "lifecycle": "experimental",
            "system": "artist-engagement-portal",
            "domain": "artists",
            "depends_on": ["artists-db"],
        },
    )
    assert data["artists-db"] == ("data_stores", {"description": "Stores artist details", "kind": "operational"})
    assert data["searcher"][1]["owner"] == "user:guest"
    assert data["invalid-component"][1]["name"] == "invalid component"
    assert data["playback-order"][1]["owner"] == "guest"  # unresolved, reported, still who the catalog names
    assert data["petstore"][1]["description"].startswith("[The Petstore](http://petstore.example.com)")


@needs_fixture
def test_location_targets_are_followed_relative_to_their_file():
    paths = [
        FIXTURE / name
        for name in (
            "all-components.yaml",
            "all-resources.yaml",
            "all-systems.yaml",
            "all-domains.yaml",
            "all-apis.yaml",
            "acme/org.yaml",
        )
    ]
    imported = import_backstage([str(p) for p in paths])
    ids = {entity.id for entity in imported.entities}
    assert len(ids) == 14  # 13 components listed by all-components.yaml, and the database
    assert "invalid-component" not in ids  # no Location names it
    assert lost(imported) == UNRESOLVED_IN_FIXTURE


@needs_fixture
def test_example_catalog_lints_with_principle_findings_and_no_schema_or_reference_error(tmp_path):
    result = invoke(FIXTURE, "--output", tmp_path / "estate")
    assert result.exit_code == 1  # written, with the unresolved references reported
    assert "imported 15 applications, 1 data store from 54 catalog entities into 16 files" in result.stderr
    assert "note: not imported, the estate has no place for them: 9 Group, 17 User" in result.stderr
    codes = {d.code for d in lint_paths([tmp_path / "estate"]).diagnostics}
    assert "EST003" not in codes and "EST004" not in codes
    assert not {c for c in codes if c.startswith("EST")}
    assert {"ACC001", "GOV001", "AVL004"} <= codes
    comment = "  # ../shared/fixtures/backstage/components/artist-lookup-component.yaml:1\n"
    assert (
        comment.replace("../shared/fixtures/backstage", os.path.normpath(FIXTURE))
        in (tmp_path / "estate" / "artist-lookup.yaml").read_text()
    )


# --- catalogs written for the tests ----------------------------------------------------------------------------------


def catalog(folder, **files) -> None:
    for name, text in files.items():
        path = folder / name.replace("__", "/")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")


SHOP = """\
    apiVersion: backstage.io/v1alpha1
    kind: Component
    metadata:
      name: shop
      title: Web shop
      annotations:
        si-lint.io/usage: business
        si-lint.io/delivery: serverless
        si-lint.io/access.browser: "true"
        si-lint.io/access.devices: windows, macos, chromebook
        si-lint.io/availability.target: "99.9"
        si-lint.io/tenancy: shared
        si-lint.io/colour: blue
    spec:
      type: website
      lifecycle: production
      owner: group:default/web-team
      system: commerce
      dependsOn: [component:default/payments, resource:orders-db, files, default/payments, ghost]
    ---
    apiVersion: backstage.io/v1alpha1
    kind: Component
    metadata:
      name: payments
    spec:
      type: service
      owner: web-team
    ---
    apiVersion: backstage.io/v1alpha1
    kind: Resource
    metadata:
      name: orders-db
      annotations:
        si-lint.io/classification: confidential
    spec:
      type: postgres-database
      dependencyOf: [component:payments]
    ---
    apiVersion: backstage.io/v1alpha1
    kind: Resource
    metadata:
      name: files
    spec:
      type: s3-bucket
    ---
    apiVersion: backstage.io/v1alpha1
    kind: System
    metadata:
      name: commerce
    spec:
      owner: web-team
      domain: sales
    ---
    apiVersion: backstage.io/v1alpha1
    kind: Domain
    metadata:
      name: sales
    spec:
      owner: web-team
    ---
    apiVersion: backstage.io/v1alpha1
    kind: Group
    metadata:
      name: web-team
    spec:
      type: team
      children: []
    """


def test_components_resources_systems_and_annotations(tmp_path):
    catalog(tmp_path, **{"catalog-info.yaml": SHOP})
    imported = import_backstage([str(tmp_path / "catalog-info.yaml")])
    data = by_id(imported)
    assert data["shop"] == (
        "applications",
        {
            "name": "Web shop",
            "usage": "business",
            "owner": "web-team",
            "lifecycle": "production",
            "system": "commerce",
            "domain": "sales",
            "delivery": "serverless",
            "access": {"browser": True, "devices": ["windows", "macos", "chromebook"]},
            "availability": {"target": 99.9},
            "depends_on": ["payments", "orders-db", "files"],
        },
    )
    assert data["payments"] == ("applications", {"owner": "web-team", "depends_on": ["orders-db"]})
    assert data["orders-db"] == ("data_stores", {"kind": "operational", "classification": "confidential"})
    assert data["files"] == ("infrastructure", {"type": "storage"})
    assert [(p.line, p.column, str(p.message)) for p in imported.problems if p.lost] == [
        (
            12,
            5,
            "si-lint.io/tenancy: 'shared' is not a value of `tenancy`: expected one of multi, single; not imported",
        ),
        (13, 5, "si-lint.io/colour: not a field of an application: not imported; docs/import.md lists the fields"),
        (19, 88, "spec.dependsOn 'ghost' names no Component or Resource of the catalog read; left out of depends_on"),
    ]


def test_imported_catalog_lints_without_reference_errors(tmp_path):
    catalog(tmp_path, **{"catalog-info.yaml": SHOP})
    assert invoke(tmp_path / "catalog-info.yaml", "-o", tmp_path / "estate.yaml").exit_code == 1
    codes = [d.code for d in lint_paths([tmp_path / "estate.yaml"]).diagnostics]
    assert not [c for c in codes if c.startswith("EST")]
    assert "ACC003" in codes  # android and ios are missing from the annotation


def test_references_in_every_form_resolve(tmp_path):
    catalog(
        tmp_path,
        **{
            "c.yaml": """\
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata: {name: a, namespace: shop}
        spec:
          owner: default/team
          dependsOn: [b, component:b, component:shop/b, Component:SHOP/B, resource:default/db]
        ---
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata: {name: b, namespace: shop}
        spec: {owner: group:default/team}
        ---
        apiVersion: backstage.io/v1alpha1
        kind: Resource
        metadata: {name: db}
        spec: {type: database}
        ---
        apiVersion: backstage.io/v1alpha1
        kind: Group
        metadata: {name: team}
        spec: {type: team}
        """
        },
    )
    imported = import_backstage([str(tmp_path / "c.yaml")])
    assert [p for p in imported.problems if p.lost] == []
    data = by_id(imported)
    assert data["shop-a"][1] == {"name": "a", "owner": "team", "depends_on": ["shop-b", "db"]}


def test_same_name_in_two_kinds_gets_two_ids_and_a_bare_reference_is_ambiguous(tmp_path):
    catalog(
        tmp_path,
        **{
            "c.yaml": """\
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata: {name: search}
        spec: {dependsOn: [search-index, resource:search]}
        ---
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata: {name: search-index}
        spec: {dependsOn: [search]}
        ---
        apiVersion: backstage.io/v1alpha1
        kind: Resource
        metadata: {name: search}
        spec: {type: elasticsearch}
        """
        },
    )
    imported = import_backstage([str(tmp_path / "c.yaml")])
    data = by_id(imported)
    assert data["search"][1]["depends_on"] == ["search-index", "search-2"]
    assert data["search-2"][0] == "data_stores"
    assert "depends_on" not in data["search-index"][1]
    assert [(p.line, str(p.message), p.lost) for p in imported.problems] == [
        (
            9,
            "spec.dependsOn 'search' names both component:default/search and resource:default/search: "
            "write the kind; left out of depends_on",
            True,
        ),
        (13, "id 'search' is taken by another entity: resource:default/search gets 'search-2'", False),
    ]


def test_resources_are_placed_by_type_or_annotation(tmp_path):
    def resource(name, kind_of, annotation=""):
        return (
            f"apiVersion: backstage.io/v1alpha1\nkind: Resource\nmetadata:\n  name: {name}\n{annotation}"
            f"spec:\n  type: {kind_of}\n---\n"
        )

    catalog(
        tmp_path,
        **{
            "c.yaml": "".join(
                [
                    resource("events", "kafka-topic"),
                    resource("lake", "data-lake"),
                    resource("k8s", "kubernetes-cluster"),
                    resource("sso", "identity-provider"),
                    resource("bq", "bigquery"),
                    resource("thing", "widget"),
                    resource("box", "widget", "  annotations:\n    si-lint.io/type: server\n"),
                    resource("docs", "widget", "  annotations:\n    si-lint.io/kind: documents\n"),
                    resource("bad", "widget", "  annotations:\n    si-lint.io/kind: spreadsheet\n"),
                ]
            )
        },
    )
    imported = import_backstage([str(tmp_path / "c.yaml")])
    placed = {i: (s, d.get("kind") or d.get("type")) for i, (s, d) in by_id(imported).items()}
    assert placed == {
        "events": ("infrastructure", "integration-platform"),
        "lake": ("data_stores", "lake"),
        "k8s": ("infrastructure", "server"),
        "sso": ("infrastructure", "identity"),
        "bq": ("data_stores", "warehouse"),
        "box": ("infrastructure", "server"),
        "docs": ("data_stores", "documents"),
    }
    assert [(p.line, str(p.message).split(":")[0]) for p in imported.problems if p.lost] == [
        (41, "resource type 'widget' says neither a data store nor infrastructure"),
        (66, "si-lint.io/kind"),  # not a data store kind; and the type says nothing either
        (68, "resource type 'widget' says neither a data store nor infrastructure"),
    ]
    assert imported.skipped == 2


def test_dependency_on_a_skipped_resource_is_reported(tmp_path):
    catalog(
        tmp_path,
        **{
            "c.yaml": """\
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata: {name: app}
        spec: {dependsOn: [resource:thing]}
        ---
        apiVersion: backstage.io/v1alpha1
        kind: Resource
        metadata: {name: thing}
        spec: {type: widget}
        """
        },
    )
    imported = import_backstage([str(tmp_path / "c.yaml")])
    assert [(p.line, p.column) for p in imported.problems if p.lost] == [(4, 20), (9, 8)]
    assert str(imported.problems[0].message) == (
        "component:default/app depends on resource:default/thing, which is "
        "not imported (see above): left out of depends_on"
    )
    assert by_id(imported)["app"][1] == {}


def test_locations_globs_remote_targets_and_broken_files(tmp_path):
    component = "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: {{name: {}}}\nspec: {{type: service}}\n"
    catalog(
        tmp_path,
        **{
            "all.yaml": """\
            apiVersion: backstage.io/v1alpha1
            kind: Location
            metadata: {name: all}
            spec:
              targets:
                - ./teams/*.yaml
                - https://github.com/acme/x/blob/main/catalog-info.yaml
                - ./missing.yaml
            """,
            "teams__a.yaml": component.format("a"),
            "teams__b.yaml": component.format("b") + "---\nkind: Component\nmetadata: {name: [broken\n",
            "teams__c.yaml": "apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata: {name: c}\n"
            "spec: {target: ./a.yaml}\n",  # already read: not read twice
            "teams__d.yaml": component.format("a"),
        },
    )
    imported = import_backstage([str(tmp_path / "all.yaml")])
    assert sorted(by_id(imported)) == ["a", "b"]
    broken = next(p for p in imported.problems if p.message.key == "import.backstage.invalid_yaml")
    assert [
        (
            os.path.basename(str(p.place).split(":")[0]),
            p.line,
            p.column,
            str(p.message) if p is not broken else "invalid YAML: {}; the rest of the file is not read",
        )
        for p in imported.problems
    ] == [
        (
            "all.yaml",
            7,
            7,
            "target https://github.com/acme/x/blob/main/catalog-info.yaml is remote: not fetched; "
            "import a local copy of it",
        ),
        (
            "all.yaml",
            8,
            7,
            f"target {tmp_path / 'missing.yaml'}: no such file; the entities it describes are not imported",
        ),
        ("b.yaml", 8, 1, "invalid YAML: {}; the rest of the file is not read"),
        (
            "d.yaml",
            1,
            1,
            f"component:default/a is already defined at {tmp_path / 'teams' / 'a.yaml'}:1: this one is skipped",
        ),
    ]


def test_folders_are_read_whole_and_other_yaml_is_only_noted(tmp_path):
    catalog(
        tmp_path,
        **{
            "catalog-info.yaml": "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: {name: a}\nspec: {}\n",
            ".github__workflows__ci.yaml": "on: push\n",  # hidden folders are not read
            "app-config.yaml": "app:\n  title: x\n",
            "dup.yaml": "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: b\n  name: c\n",
        },
    )
    imported = import_backstage([str(tmp_path)])
    assert sorted(by_id(imported)) == ["a", "b"]  # the first of two `name` keys, as the estate loader reads them
    assert [(os.path.basename(str(p.place).split(":")[0]), p.line, p.lost) for p in imported.problems] == [
        ("app-config.yaml", 1, False),
        ("dup.yaml", 5, True),
    ]
    assert str(imported.problems[1].message).startswith("duplicate key 'name': already defined at ")


def test_missing_path_exits_2(tmp_path):
    result = invoke(tmp_path / "nothing.yaml")
    assert result.exit_code == 2
    assert "nothing.yaml: no such file or folder" in result.stderr


def test_clean_catalog_exits_0(tmp_path):
    catalog(tmp_path, **{"c.yaml": "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: {name: a}\n"})
    result = invoke(tmp_path / "c.yaml")
    assert result.exit_code == 0
    assert result.stdout.endswith("applications:\n  # " + str(tmp_path / "c.yaml") + ":1\n  a: {}\n")


def test_kind_annotation_wins_and_a_type_annotation_beside_it_is_reported(tmp_path):
    catalog(
        tmp_path,
        **{
            "c.yaml": """\
        apiVersion: backstage.io/v1alpha1
        kind: Resource
        metadata:
          name: both
          annotations:
            si-lint.io/kind: media
            si-lint.io/type: storage
        spec: {type: bucket}
        """
        },
    )
    imported = import_backstage([str(tmp_path / "c.yaml")])
    assert by_id(imported) == {"both": ("data_stores", {"kind": "media"})}
    assert [(p.line, p.column, str(p.message)) for p in imported.problems] == [
        (7, 5, "si-lint.io/type: not a field of a data store: not imported; docs/import.md lists the fields")
    ]


def test_reports_in_french(tmp_path):
    catalog(tmp_path, **{"catalog-info.yaml": SHOP})
    result = invoke(tmp_path / "catalog-info.yaml", "--lang", "fr")
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    place = tmp_path / "catalog-info.yaml"
    assert lines == [
        f"{place}:12:5 : erreur : si-lint.io/tenancy : « shared » n'est pas une valeur de `tenancy` ; attendu : "
        "l'une des valeurs multi, single ; non importée",
        f"{place}:13:5 : erreur : si-lint.io/colour : pas un champ d'une application : non importée ; "
        "docs/import.md énumère les champs",
        f"{place}:19:88 : erreur : spec.dependsOn « ghost » ne désigne aucune entité Component ou Resource du "
        "catalogue lu ; laissé hors de depends_on",
        "si-lint : remarque : non importés, le patrimoine n'a pas de place pour eux : 1 Group (les Groups et les "
        "Users ont été lus pour vérifier les responsables)",
        "si-lint : import terminé, 2 applications, 1 stockage de données, 1 composant d'infrastructure depuis 7 "
        "entités du catalogue ; 3 problèmes signalés ci-dessus",
    ]
    assert result.stdout.startswith(f"# Importé par si-lint depuis le catalogue Backstage {place} : ")
