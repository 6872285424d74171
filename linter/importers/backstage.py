"""Import a Backstage software catalog: descriptor files become estate entities.

`Component` -> application, `Resource` -> data store (database-like type) or
infrastructure, `System` and `Domain` -> the `system` and `domain` of the
applications in them. What Backstage has no field for comes from annotations
`si-lint.io/<field>` on the entity. Every reference is resolved; one that names
no entity read is reported at its file:line:column, and left out when the
estate would need it to name a defined id.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Optional, Union

from ..i18n.messages import Listing, Text
from ..rules.diagnostic import InputError
from . import Entity, Imported, Problem
from .fields import Ids, ValueProblem, arrange, fields, set_path, slug, split_list

if TYPE_CHECKING:
    from ..load.loader import Document

# A descriptor's key: (kind, namespace, name), both names casefolded.
_Key = tuple[str, str, str]
# Where a value is below a descriptor: keys and list positions.
_Path = tuple[Union[str, int], ...]

ANNOTATION = "si-lint.io/"
BACKSTAGE_API = re.compile(r"^(?:[a-z0-9.-]+\.)?backstage\.io/")

# Resource `spec.type` words -> data store kind; checked before the infrastructure words.
DATA_STORE_WORDS = {
    "warehouse": "warehouse",
    "dwh": "warehouse",
    "bigquery": "warehouse",
    "snowflake": "warehouse",
    "redshift": "warehouse",
    "synapse": "warehouse",
    "lake": "lake",
    "datalake": "lake",
    "lakehouse": "lake",
    **{
        word: "operational"
        for word in (
            "database",
            "db",
            "rds",
            "sql",
            "nosql",
            "postgres",
            "postgresql",
            "mysql",
            "mariadb",
            "oracle",
            "mssql",
            "sqlserver",
            "sqlite",
            "mongodb",
            "mongo",
            "dynamodb",
            "cassandra",
            "redis",
            "elasticsearch",
            "opensearch",
            "cosmosdb",
            "firestore",
            "spanner",
            "couchdb",
            "neo4j",
            "datastore",
            "bigtable",
            "cloudsql",
            "aurora",
        )
    },
}
# Resource `spec.type` words -> infrastructure type.
INFRASTRUCTURE_WORDS = {
    **{
        word: "storage"
        for word in (
            "storage",
            "bucket",
            "s3",
            "gcs",
            "blob",
            "volume",
            "disk",
            "filesystem",
            "nfs",
            "efs",
            "share",
            "fileshare",
        )
    },
    **{
        word: "network"
        for word in ("network", "vpc", "vnet", "subnet", "dns", "cdn", "loadbalancer", "lb", "ingress", "vpn", "proxy")
    },
    **{
        word: "identity"
        for word in ("identity", "idp", "iam", "sso", "ldap", "directory", "keycloak", "okta", "oauth", "oidc", "auth")
    },
    **{
        word: "integration-platform"
        for word in (
            "kafka",
            "queue",
            "topic",
            "broker",
            "rabbitmq",
            "sqs",
            "sns",
            "pubsub",
            "eventbus",
            "esb",
            "mq",
            "kinesis",
            "eventhub",
            "stream",
            "apigateway",
            "integration",
        )
    },
    **{
        word: "security"
        for word in ("security", "firewall", "waf", "vault", "secret", "secrets", "kms", "certificate", "hsm", "siem")
    },
    **{
        word: "server"
        for word in (
            "server",
            "vm",
            "instance",
            "cluster",
            "kubernetes",
            "k8s",
            "compute",
            "host",
            "node",
            "ec2",
            "gke",
            "eks",
            "aks",
            "openshift",
            "container",
        )
    },
}

# Which references each kind holds: field -> (default kind, kinds it may name). None: the kind must be written,
# or the name is looked up among the kinds listed.
REFERENCES: dict[str, dict[str, tuple[Optional[str], tuple[str, ...]]]] = {
    "component": {
        "owner": ("group", ("group", "user")),
        "system": ("system", ("system",)),
        "subcomponentOf": ("component", ("component",)),
        "providesApis": ("api", ("api",)),
        "consumesApis": ("api", ("api",)),
        "dependsOn": (None, ("component", "resource")),
        "dependencyOf": (None, ("component", "resource")),
    },
    "resource": {
        "owner": ("group", ("group", "user")),
        "system": ("system", ("system",)),
        "dependsOn": (None, ("component", "resource")),
        "dependencyOf": (None, ("component", "resource")),
    },
    "system": {"owner": ("group", ("group", "user")), "domain": ("domain", ("domain",))},
    "domain": {"owner": ("group", ("group", "user")), "subdomainOf": ("domain", ("domain",))},
    "api": {"owner": ("group", ("group", "user")), "system": ("system", ("system",))},
}
# What becomes of an unresolved reference that the estate uses.
_OUTCOMES = {
    ("component", "owner"): "kept",
    ("component", "system"): "kept_no_domain",
    ("component", "dependsOn"): "left_out",
    ("component", "dependencyOf"): "left_out",
    ("resource", "dependencyOf"): "left_out",
}
KIND_NAMES = {
    "api": "API",
    "component": "Component",
    "resource": "Resource",
    "system": "System",
    "domain": "Domain",
    "group": "Group",
    "user": "User",
    "location": "Location",
    "template": "Template",
}


@dataclass
class Descriptor:
    """One catalog entity as read: its data, its document (for positions), its file."""

    kind: str  # lowercase
    namespace: str
    name: str
    data: dict[str, Any]
    document: Document  # places keys and items
    path: str
    estate_id: Optional[str] = None
    section: Optional[str] = None
    required: Optional[tuple[str, str]] = None  # (field, value): a data store's kind or an infrastructure's type

    @property
    def key(self) -> _Key:
        return (self.kind, self.namespace.casefold(), self.name.casefold())

    def ref(self, short: bool = False, default_kind: Optional[str] = None) -> str:
        """`kind:namespace/name`; with `short`, the default kind and namespace left out."""
        kind = "" if short and self.kind == default_kind else f"{self.kind}:"
        namespace = "" if short and self.namespace == "default" else f"{self.namespace}/"
        return f"{kind}{namespace}{self.name}"

    def spec(self) -> dict[str, Any]:
        spec = self.data.get("spec")
        return spec if isinstance(spec, dict) else {}

    def metadata(self) -> dict[str, Any]:
        metadata = self.data.get("metadata")
        return metadata if isinstance(metadata, dict) else {}

    @property
    def line(self) -> int:
        return self.document.root[0]

    def place(self, path: _Path = ()) -> tuple[int, int]:
        """(line, column) of `path` below the entity: where a key or an item is written."""
        return self.document.place(path)


# A dependency: (what it depends on, descriptor holding the reference, index or None, field).
_Dependency = tuple[Descriptor, Descriptor, Optional[int], str]


# --- reading the files ------------------------------------------------------------------


def import_backstage(paths: Sequence[str]) -> Imported:
    """The entities of the descriptor files and folders in `paths`, and of the Location targets they name.

    Targets are read only inside the folders the user named (a folder, or the
    folder of a file named): a catalog cannot make si-lint read `/etc/passwd`.
    """
    folders: list[str] = []
    for path in paths:
        if os.path.isdir(path):
            folders.append(os.path.normpath(path))
        elif os.path.isfile(path):
            folders.append(os.path.normpath(os.path.dirname(path) or "."))
        elif os.path.lexists(path):
            raise InputError(Text("input.not_regular", path=path))
        else:
            raise InputError(Text("input.missing", path=path))
    reader = _Reader(list(dict.fromkeys(folders)))
    for path in paths:
        for file in _yaml_files(path) if os.path.isdir(path) else [path]:
            reader.queue(file)
    reader.run()
    shown = os.path.normpath(paths[0])
    origin = (
        Text("import.backstage.origin", path=shown)
        if len(paths) == 1
        else Text("import.backstage.origin_more", path=shown, n=len(paths) - 1)
    )
    return _Mapper(reader, origin).run()


def _yaml_files(folder: str) -> list[str]:
    found: list[str] = []
    for root, directories, files in os.walk(folder):
        directories[:] = sorted(d for d in directories if not d.startswith("."))
        found += [os.path.join(root, f) for f in sorted(files) if f.endswith((".yaml", ".yml"))]
    return found


def _inside(path: str, roots: list[str]) -> bool:
    """Whether `path`, symbolic links resolved, lies in one of the `roots` (resolved folders)."""
    real = os.path.realpath(path)
    return any(os.path.commonpath([real, root]) == root for root in roots)


def _glob(pattern: str, roots: list[str]) -> Optional[list[str]]:
    """The files matching `pattern` (`*`, `?`, `[...]` within a name, `**` across folders), found by walking
    only below the pattern's literal start; None when that start lies outside the `roots`."""
    import glob

    parts = pattern.split(os.sep)
    literal = next(i for i, part in enumerate(parts) if glob.has_magic(part))
    start = os.sep.join(parts[:literal]) or ("" if pattern.startswith(os.sep) else ".")
    start = start or os.sep
    rest = parts[literal:]
    if not _inside(start, roots):
        return None
    deepest = None if "**" in rest else len(rest) - 1  # folders to descend below `start`
    dotted = any(part.startswith(".") for part in rest)
    found: list[str] = []
    for folder, directories, files in os.walk(start):  # symbolic links to folders are not followed
        depth = 0 if folder == start else os.path.relpath(folder, start).count(os.sep) + 1
        directories[:] = sorted(
            d for d in directories if (deepest is None or depth < deepest) and (dotted or not d.startswith("."))
        )
        for name in sorted(files):
            path = os.path.join(folder, name)
            if _matches(tuple(os.path.relpath(path, start).split(os.sep)), tuple(rest)):
                found.append(os.path.normpath(path))
    return found


def _matches(names: tuple[str, ...], parts: tuple[str, ...]) -> bool:
    """Whether path `names` match pattern `parts`, as `glob` matches: `**` spans any folders, and a name
    starting with a dot is matched only by a part that starts with one."""
    from fnmatch import fnmatchcase

    @functools.cache
    def match(i: int, j: int) -> bool:
        if j == len(parts):
            return i == len(names)
        if parts[j] == "**":
            return match(i, j + 1) or (i < len(names) and not names[i].startswith(".") and match(i + 1, j))
        return (
            i < len(names)
            and fnmatchcase(names[i], parts[j])
            and (not names[i].startswith(".") or parts[j].startswith("."))
            and match(i + 1, j + 1)
        )

    return match(0, 0)


class _Reader:
    def __init__(self, folders: list[str]) -> None:
        self.folders = folders  # as the user wrote them, for messages
        self.roots = [os.path.realpath(folder) for folder in folders]
        self.pending: list[str] = []
        self.read_order: list[str] = []
        self.seen: set[str] = set()
        self.descriptors: list[Descriptor] = []
        self.by_key: dict[_Key, Descriptor] = {}
        self.problems: list[Problem] = []
        self.foreign: list[str] = []  # files holding documents that are not Backstage entities

    def problem(self, descriptor: Descriptor, path: _Path, message: Text, lost: bool = True) -> None:
        self.problems.append(_problem(descriptor.path, descriptor.place(path), message, lost))

    def queue(self, path: str) -> None:
        real = os.path.realpath(path)
        if real not in self.seen:
            self.seen.add(real)
            self.pending.append(os.path.normpath(path))

    def run(self) -> None:
        while self.pending:
            path = self.pending.pop(0)
            self.read_order.append(path)
            self.read(path)

    def read(self, path: str) -> None:
        from ..load.inputs import decode, read_bytes
        from ..load.loader import load_stream

        try:
            text = decode(read_bytes(path), path)
        except InputError as error:
            self.problems.append(
                Problem(error.where or path, Text("import.backstage.not_read", problem=error.message), file=path)
            )
            return
        for document in load_stream(text, path):
            for found in document.problems:
                at = (found.line, found.column)
                if found.code == "EST001":
                    self.problems.append(_problem(path, at, Text("import.backstage.invalid_yaml", problem=found.text)))
                else:  # EST002: a duplicate key, of which the loader keeps the first
                    assert isinstance(found.text, Text)  # the loader words EST002 itself
                    self.problems.append(_problem(path, at, found.text))
            if document.readable:
                self.document(path, document)

    def document(self, path: str, document: Document) -> None:
        data = document.data
        if data is None:
            return
        api = data.get("apiVersion") if isinstance(data, dict) else None
        if not isinstance(api, str) or not BACKSTAGE_API.match(api):
            if path not in self.foreign:
                self.foreign.append(path)
                self.problems.append(_problem(path, document.root, Text("import.backstage.not_an_entity"), lost=False))
            return
        kind = data.get("kind")
        metadata = data.get("metadata")
        name = metadata.get("name") if isinstance(metadata, dict) else None
        if not isinstance(kind, str) or not isinstance(name, (str, int)) or isinstance(name, bool) or name == "":
            what = "kind" if not isinstance(kind, str) else "metadata.name"
            self.problems.append(_problem(path, document.root, Text("import.backstage.no_kind_or_name", what=what)))
            return
        namespace = metadata.get("namespace")
        namespace = namespace if isinstance(namespace, str) and namespace else "default"
        descriptor = Descriptor(kind.lower(), namespace, str(name), data, document, path)
        if descriptor.kind == "location":
            self.location(descriptor)
        first = self.by_key.get(descriptor.key)
        if first is not None:
            self.problems.append(
                _problem(
                    path,
                    document.root,
                    Text("import.backstage.already_defined", ref=descriptor.ref(), place=f"{first.path}:{first.line}"),
                )
            )
            return
        self.by_key[descriptor.key] = descriptor
        self.descriptors.append(descriptor)

    def location(self, location: Descriptor) -> None:
        spec = location.spec()
        targets: list[tuple[_Path, Any]] = []
        if "target" in spec:
            targets.append((("spec", "target"), spec["target"]))
        if isinstance(spec.get("targets"), list):
            targets += [(("spec", "targets", i), t) for i, t in enumerate(spec["targets"])]
        base = os.path.dirname(location.path)
        for at, target in targets:
            if not isinstance(target, str) or not target:
                self.problem(location, at, Text("import.backstage.bad_target"))
            elif re.match(r"^[a-z][a-z0-9+.-]*://", target, re.IGNORECASE):
                self.problem(location, at, Text("import.backstage.remote", target=target))
            else:
                self.target(location, at, os.path.normpath(os.path.join(base, target)))

    def target(self, location: Descriptor, at: _Path, path: str) -> None:
        import glob

        outside = Text("import.backstage.outside", target=path, folders=Listing(self.folders, "or"))
        if glob.has_magic(path):
            matches = _glob(path, self.roots)
            if matches is None:
                self.problem(location, at, outside)
                return
            for match in matches:
                if _inside(match, self.roots):
                    self.queue(match)
                else:  # a symbolic link inside the folder, to a file outside it
                    self.problem(
                        location,
                        at,
                        Text("import.backstage.outside", target=match, folders=Listing(self.folders, "or")),
                    )
            if not matches:
                self.problem(location, at, Text("import.backstage.no_match", target=path))
        elif not _inside(path, self.roots):
            self.problem(location, at, outside)
        elif os.path.isfile(path):
            self.queue(path)
        elif os.path.lexists(path):
            self.problem(location, at, Text("import.backstage.not_regular", target=path))
        else:
            self.problem(location, at, Text("import.backstage.no_file", target=path))


def _problem(path: str, at: Optional[tuple[int, int]], message: Text, lost: bool = True) -> Problem:
    if at is None:
        return Problem(path, message, lost, file=path)
    line, column = at
    return Problem(f"{path}:{line}:{column}", message, lost, line, column, path)


# --- entities to estate -----------------------------------------------------------------


class _Mapper:
    def __init__(self, reader: _Reader, origin: Text) -> None:
        self.reader = reader
        self.by_key = reader.by_key
        self.imported = Imported(origin=origin)
        self.problems = list(reader.problems)
        self.kinds_read = {descriptor.kind for descriptor in reader.descriptors}
        # (descriptor key, field) -> [(index or None, descriptor it names)]
        self.targets: dict[tuple[_Key, str], list[tuple[Optional[int], Descriptor]]] = {}
        self.placing: set[tuple[_Key, str]] = set()  # (descriptor key, annotation) read to place a Resource

    def problem(self, descriptor: Descriptor, path: _Path, message: Text, lost: bool = True) -> None:
        self.problems.append(_problem(descriptor.path, descriptor.place(path), message, lost))

    def run(self) -> Imported:
        self._place_entities()
        self._check_references()
        depends = self._dependencies()
        for descriptor in self.reader.descriptors:
            section = descriptor.section
            if descriptor.estate_id is not None and section is not None:  # placed: both set together
                data = self._data(descriptor, section, depends.get(descriptor.key, []))
                self.imported.entities.append(
                    Entity(
                        section, descriptor.estate_id, arrange(section, data), f"{descriptor.path}:{descriptor.line}"
                    )
                )
        order: dict[Optional[str], int] = {path: position for position, path in enumerate(self.reader.read_order)}
        self.problems.sort(key=lambda p: (order.get(p.file, len(order)), p.line or 0, p.column or 0))
        self._not_imported()
        self.imported.read = len(self.reader.descriptors)
        self.imported.problems = self.problems
        return self.imported

    # which entities become what, and their ids

    def _place_entities(self) -> None:
        ids = Ids()
        prefixes = {"applications": "app", "data_stores": "store", "infrastructure": "infra"}
        for descriptor in self.reader.descriptors:
            section = self._section(descriptor)
            if section is None:
                continue
            wanted = (
                descriptor.name if descriptor.namespace == "default" else f"{descriptor.namespace}-{descriptor.name}"
            )
            base = Ids.base(wanted, prefixes[section])
            if base is None:
                self.problem(descriptor, ("metadata", "name"), Text("import.backstage.no_id", name=descriptor.name))
                self.imported.skipped += 1
                continue
            descriptor.estate_id, descriptor.section = ids.claim(base), section
            if descriptor.estate_id != base:
                self.problem(
                    descriptor,
                    ("metadata", "name"),
                    Text("import.backstage.id_taken", base=base, ref=descriptor.ref(), id=descriptor.estate_id),
                    lost=False,
                )

    def _section(self, descriptor: Descriptor) -> Optional[str]:
        """Where the entity goes; for a Resource, also its required `kind` or `type` (in `descriptor.required`)."""
        if descriptor.kind == "component":
            return "applications"
        if descriptor.kind != "resource":
            return None
        annotations = self._annotations(descriptor)
        for name, section in (("kind", "data_stores"), ("type", "infrastructure")):
            if name in annotations:
                self.placing.add((descriptor.key, name))
                value = self._annotation(descriptor, section, name, annotations[name])
                if value is not None:
                    descriptor.required = (name, value)
                    return section
        kind, infrastructure_type = _resource_words(descriptor.spec().get("type"))
        if kind is not None:
            descriptor.required = ("kind", kind)
            return "data_stores"
        if infrastructure_type is not None:
            descriptor.required = ("type", infrastructure_type)
            return "infrastructure"
        shown = descriptor.spec().get("type")
        self.problem(
            descriptor,
            ("spec", "type") if "type" in descriptor.spec() else ("kind",),
            Text(
                "import.backstage.unplaced_resource",
                type=str(shown),
                kind_annotation=f"{ANNOTATION}kind",
                type_annotation=f"{ANNOTATION}type",
                kinds=Listing(fields("data_stores")["kind"].item["enum"]),
                types=Listing(fields("infrastructure")["type"].item["enum"]),
            ),
        )
        self.imported.skipped += 1
        return None

    # references

    def resolve(self, descriptor: Descriptor, field: str, index: Optional[int], value: Any) -> Optional[Descriptor]:
        """The entity a reference names, or None after reporting why not."""
        default_kind, kinds = REFERENCES[descriptor.kind][field]
        path: _Path = ("spec", field) if index is None else ("spec", field, index)
        if not isinstance(value, str) or not value.strip():
            self.problem(descriptor, path, Text("import.backstage.bad_reference", field=field))
            return None
        kind, namespace, name = _parse_ref(value.strip(), descriptor.namespace)
        candidates = [kind.lower()] if kind else [default_kind] if default_kind else list(kinds)
        found = [d for d in (self.by_key.get((k, namespace.casefold(), name.casefold())) for k in candidates) if d]
        if len(found) == 1 and found[0].kind in kinds:
            return found[0]
        if len(found) > 1:
            why = Text("import.backstage.names_both", refs=Listing((d.ref() for d in found), "and"))
        elif found:
            why = Text(
                "import.backstage.names_kind",
                found=KIND_NAMES.get(found[0].kind, found[0].kind),
                expected=_kinds(kinds),
            )
        else:
            why = Text(
                "import.backstage.names_none",
                kinds=_kinds(candidates),
                hint=self._hint(candidates, kinds, namespace, name),
            )
        outcome = _OUTCOMES.get((descriptor.kind, field))
        self.problem(
            descriptor,
            path,
            Text(
                "import.backstage.reference",
                field=field,
                value=value,
                why=why,
                outcome=Text("import.backstage.outcome." + outcome) if outcome else "",
            ),
        )
        return None

    def _hint(self, candidates: list[str], kinds: tuple[str, ...], namespace: str, name: str) -> Union[Text, str]:
        others = [
            k for k in kinds if k not in candidates and self.by_key.get((k, namespace.casefold(), name.casefold()))
        ]
        if others:
            return Text("import.backstage.hint_other_kind", kind=KIND_NAMES[others[0]], ref=f"{others[0]}:{name}")
        missing = [KIND_NAMES.get(k, k) for k in candidates if k not in self.kinds_read]
        if missing:
            return Text("import.backstage.hint_none_read", kinds=Listing(missing, "or"))
        return ""

    def _check_references(self) -> None:
        """Resolve every reference once; keep what the estate uses."""
        for descriptor in self.reader.descriptors:
            for field in REFERENCES.get(descriptor.kind, {}):
                if field not in descriptor.spec():
                    continue
                value = descriptor.spec()[field]
                values = list(enumerate(value)) if isinstance(value, list) else [(None, value)]
                resolved: list[tuple[Optional[int], Descriptor]] = []
                for index, item in values:
                    target = self.resolve(descriptor, field, index, item)
                    if target is not None:
                        resolved.append((index, target))
                self.targets[(descriptor.key, field)] = resolved

    def _dependencies(self) -> dict[_Key, list[_Dependency]]:
        """Dependent's key -> [(what it depends on, descriptor holding the reference, index or None, field)]."""
        depends: dict[_Key, list[_Dependency]] = {}
        for descriptor in self.reader.descriptors:
            for index, target in self.targets.get((descriptor.key, "dependsOn"), []):
                depends.setdefault(descriptor.key, []).append((target, descriptor, index, "dependsOn"))
            # `dependencyOf: [component:x]` on y says that x depends on y.
            for index, target in self.targets.get((descriptor.key, "dependencyOf"), []):
                depends.setdefault(target.key, []).append((descriptor, descriptor, index, "dependencyOf"))
        return depends

    # the estate data of one entity

    def _data(self, descriptor: Descriptor, section: str, depends: list[_Dependency]) -> dict[str, Any]:
        metadata = descriptor.metadata()
        data: dict[str, Any] = {}
        title = metadata.get("title")
        if isinstance(title, str) and title.strip():
            data["name"] = title.strip()
        elif descriptor.name != descriptor.estate_id:
            data["name"] = descriptor.name
        if isinstance(metadata.get("description"), str) and metadata["description"].strip():
            data["description"] = metadata["description"].strip("\n")
        if section == "applications":
            self._application(descriptor, data, depends)
        else:
            assert descriptor.required is not None  # set with the section of every Resource placed (_section)
            data[descriptor.required[0]] = descriptor.required[1]
            for target, referrer, index, field in depends:
                self.problem(
                    referrer,
                    ("spec", field, index) if index is not None else ("spec", field),
                    Text("import.backstage.no_depends_on." + section, ref=descriptor.ref(), target=target.ref()),
                )
        self._apply_annotations(descriptor, section, data)
        return data

    def _application(self, descriptor: Descriptor, data: dict[str, Any], depends: list[_Dependency]) -> None:
        spec = descriptor.spec()
        owners = self.targets.get((descriptor.key, "owner"), [])
        if owners:
            data["owner"] = owners[0][1].ref(short=True, default_kind="group")
        elif isinstance(spec.get("owner"), str) and spec["owner"].strip():
            data["owner"] = spec["owner"].strip()  # reported above; still who the catalog says owns it
        if isinstance(spec.get("lifecycle"), str) and spec["lifecycle"].strip():
            data["lifecycle"] = spec["lifecycle"].strip()
        systems = self.targets.get((descriptor.key, "system"), [])
        if systems:
            system = systems[0][1]
            data["system"] = system.ref(short=True, default_kind="system")
            domains = self.targets.get((system.key, "domain"), [])
            if domains:
                data["domain"] = domains[0][1].ref(short=True, default_kind="domain")
        elif isinstance(spec.get("system"), str) and spec["system"].strip():
            data["system"] = spec["system"].strip()
        needs: list[str] = []
        for target, referrer, index, field in depends:
            path = ("spec", field, index) if index is not None else ("spec", field)
            if target.estate_id is None:
                self.problem(
                    referrer,
                    path,
                    Text("import.backstage.dependency_not_imported", ref=descriptor.ref(), target=target.ref()),
                )
            elif target.estate_id not in needs:
                needs.append(target.estate_id)
        if needs:
            data["depends_on"] = needs

    def _annotations(self, descriptor: Descriptor) -> dict[str, Any]:
        annotations = descriptor.metadata().get("annotations")
        if not isinstance(annotations, dict):
            return {}
        return {
            key[len(ANNOTATION) :]: value
            for key, value in annotations.items()
            if isinstance(key, str) and key.startswith(ANNOTATION)
        }

    def _apply_annotations(self, descriptor: Descriptor, section: str, data: dict[str, Any]) -> None:
        for name, value in self._annotations(descriptor).items():
            if (descriptor.key, name) in self.placing:
                continue  # read, and reported if wrong, when the entity was placed
            parsed = self._annotation(descriptor, section, name, value)
            if parsed is not None:
                set_path(data, name, parsed)

    def _annotation(self, descriptor: Descriptor, section: str, name: str, value: Any) -> Any:
        """The value of annotation si-lint.io/NAME for a field of `section`, or None after reporting why not."""
        import difflib

        known = fields(section)
        path = ("metadata", "annotations", ANNOTATION + name)
        target = known.get(name)
        if target is None:
            close = difflib.get_close_matches(name, list(known), n=1)
            hint = (
                Text("import.did_you_mean", close=ANNOTATION + close[0])
                if close
                else Text("import.backstage.see_fields")
            )
            self.problem(
                descriptor,
                path,
                Text("import.backstage.not_a_field." + section, annotation=ANNOTATION + name, hint=hint),
            )
            return None
        text = _annotation_text(value)
        try:
            if target.many:
                return list(dict.fromkeys(target.parse(part) for part in split_list(text)))
            return target.parse(text)
        except ValueProblem as problem:
            self.problem(
                descriptor,
                path,
                Text(
                    "import.backstage.bad_annotation",
                    annotation=ANNOTATION + name,
                    problem=Text("import.not_a_value", value=text, field=name, problem=problem.text),
                ),
            )
            return None

    def _not_imported(self) -> None:
        counts: dict[str, int] = {}
        for descriptor in self.reader.descriptors:
            if descriptor.kind not in ("component", "resource", "system", "domain", "location"):
                counts[descriptor.kind] = counts.get(descriptor.kind, 0) + 1
        if counts:
            listed = Listing(f"{number} {KIND_NAMES.get(kind, kind)}" for kind, number in sorted(counts.items()))
            self.problems.append(
                Problem("si-lint", Text("import.backstage.kinds_not_imported", kinds=listed), lost=False)
            )


def _parse_ref(text: str, namespace: str) -> tuple[str, str, str]:
    """`[kind:][namespace/]name` -> (kind or "", namespace, name)."""
    kind, _, rest = text.rpartition(":") if ":" in text.split("/")[0] else ("", "", text)
    found_namespace, _, name = rest.rpartition("/")
    return kind, found_namespace or namespace, name


def _kinds(kinds: Iterable[str]) -> Listing:
    return Listing((KIND_NAMES.get(kind, kind) for kind in kinds), "or")


def _resource_words(value: object) -> tuple[Optional[str], Optional[str]]:
    """(data store kind, infrastructure type) a Resource `spec.type` suggests; at most one is set."""
    if not isinstance(value, str):
        return None, None
    words = slug(value).replace("_", "-").split("-")
    joined = "".join(words)
    for word in [*words, joined]:
        if word in DATA_STORE_WORDS:
            return DATA_STORE_WORDS[word], None
    for word in [*words, joined]:
        if word in INFRASTRUCTURE_WORDS:
            return None, INFRASTRUCTURE_WORDS[word]
    return None, None


def _annotation_text(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else str(value)
