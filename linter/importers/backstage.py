"""Import a Backstage software catalog: descriptor files become estate entities.

`Component` -> application, `Resource` -> data store (database-like type) or
infrastructure, `System` and `Domain` -> the `system` and `domain` of the
applications in them. What Backstage has no field for comes from annotations
`si-lint.io/<field>` on the entity. Every reference is resolved; one that names
no entity read is reported at its file:line:column, and left out when the
estate would need it to name a defined id.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from ..diagnostic import InputError
from . import Entity, Imported, Problem
from .fields import Ids, ValueProblem, arrange, fields, set_path, slug, split_list

ANNOTATION = "si-lint.io/"
BACKSTAGE_API = re.compile(r"^(?:[a-z0-9.-]+\.)?backstage\.io/")

# Resource `spec.type` words -> data store kind; checked before the infrastructure words.
DATA_STORE_WORDS = {
    "warehouse": "warehouse", "dwh": "warehouse", "bigquery": "warehouse", "snowflake": "warehouse",
    "redshift": "warehouse", "synapse": "warehouse",
    "lake": "lake", "datalake": "lake", "lakehouse": "lake",
    **{word: "operational" for word in (
        "database", "db", "rds", "sql", "nosql", "postgres", "postgresql", "mysql", "mariadb", "oracle", "mssql",
        "sqlserver", "sqlite", "mongodb", "mongo", "dynamodb", "cassandra", "redis", "elasticsearch", "opensearch",
        "cosmosdb", "firestore", "spanner", "couchdb", "neo4j", "datastore", "bigtable", "cloudsql", "aurora",
    )},
}
# Resource `spec.type` words -> infrastructure type.
INFRASTRUCTURE_WORDS = {
    **{word: "storage" for word in ("storage", "bucket", "s3", "gcs", "blob", "volume", "disk", "filesystem", "nfs",
                                    "efs", "share", "fileshare")},
    **{word: "network" for word in ("network", "vpc", "vnet", "subnet", "dns", "cdn", "loadbalancer", "lb", "ingress",
                                    "vpn", "proxy")},
    **{word: "identity" for word in ("identity", "idp", "iam", "sso", "ldap", "directory", "keycloak", "okta",
                                     "oauth", "oidc", "auth")},
    **{word: "integration-platform" for word in ("kafka", "queue", "topic", "broker", "rabbitmq", "sqs", "sns",
                                                 "pubsub", "eventbus", "esb", "mq", "kinesis", "eventhub", "stream",
                                                 "apigateway", "integration")},
    **{word: "security" for word in ("security", "firewall", "waf", "vault", "secret", "secrets", "kms",
                                     "certificate", "hsm", "siem")},
    **{word: "server" for word in ("server", "vm", "instance", "cluster", "kubernetes", "k8s", "compute", "host",
                                   "node", "ec2", "gke", "eks", "aks", "openshift", "container")},
}

# Which references each kind holds: field -> (default kind, kinds it may name). None: the kind must be written,
# or the name is looked up among the kinds listed.
REFERENCES = {
    "component": {"owner": ("group", ("group", "user")), "system": ("system", ("system",)),
                  "subcomponentOf": ("component", ("component",)), "providesApis": ("api", ("api",)),
                  "consumesApis": ("api", ("api",)), "dependsOn": (None, ("component", "resource")),
                  "dependencyOf": (None, ("component", "resource"))},
    "resource": {"owner": ("group", ("group", "user")), "system": ("system", ("system",)),
                 "dependsOn": (None, ("component", "resource")), "dependencyOf": (None, ("component", "resource"))},
    "system": {"owner": ("group", ("group", "user")), "domain": ("domain", ("domain",))},
    "domain": {"owner": ("group", ("group", "user")), "subdomainOf": ("domain", ("domain",))},
    "api": {"owner": ("group", ("group", "user")), "system": ("system", ("system",))},
}
# What becomes of an unresolved reference that the estate uses.
_OUTCOMES = {
    ("component", "owner"): "; kept as written", ("component", "system"): "; kept as written, without a domain",
    ("component", "dependsOn"): "; left out of depends_on", ("component", "dependencyOf"): "; left out of depends_on",
    ("resource", "dependencyOf"): "; left out of depends_on",
}
KIND_NAMES = {"api": "API", "component": "Component", "resource": "Resource", "system": "System",
              "domain": "Domain", "group": "Group", "user": "User", "location": "Location", "template": "Template"}


@dataclass
class Descriptor:
    """One catalog entity as read: its data, its YAML node (for positions), its file."""

    kind: str  # lowercase
    namespace: str
    name: str
    data: dict
    node: object
    path: str
    estate_id: Optional[str] = None
    section: Optional[str] = None
    required: Optional[tuple] = None  # (field, value): a data store's kind or an infrastructure's type

    @property
    def key(self) -> tuple:
        return (self.kind, self.namespace.casefold(), self.name.casefold())

    def ref(self, short: bool = False, default_kind: Optional[str] = None) -> str:
        """`kind:namespace/name`; with `short`, the default kind and namespace left out."""
        kind = "" if short and self.kind == default_kind else f"{self.kind}:"
        namespace = "" if short and self.namespace == "default" else f"{self.namespace}/"
        return f"{kind}{namespace}{self.name}"

    def spec(self) -> dict:
        spec = self.data.get("spec")
        return spec if isinstance(spec, dict) else {}

    def metadata(self) -> dict:
        metadata = self.data.get("metadata")
        return metadata if isinstance(metadata, dict) else {}


# --- reading the files ------------------------------------------------------------------

def import_backstage(paths) -> Imported:
    reader = _Reader()
    for path in paths:
        if not os.path.exists(path):
            raise InputError(f"{path}: no such file or folder")
        for file in _yaml_files(path) if os.path.isdir(path) else [path]:
            reader.queue(file)
    reader.run()
    shown = os.path.normpath(paths[0])
    origin = f"the Backstage catalog {shown}" + (f" and {len(paths) - 1} more paths" if len(paths) > 1 else "")
    return _Mapper(reader, origin).run()


def _yaml_files(folder: str) -> list:
    found = []
    for root, directories, files in os.walk(folder):
        directories[:] = sorted(d for d in directories if not d.startswith("."))
        found += [os.path.join(root, f) for f in sorted(files) if f.endswith((".yaml", ".yml"))]
    return found


def node_at(node, path: tuple, key: bool = False):
    """The YAML node at `path` below `node` (the key's node when `key`), or None."""
    found_key = None
    for step in path:
        if node is None:
            return None
        if isinstance(step, str):
            if node.id != "mapping":
                return None
            pairs = [(k, v) for k, v in node.value if k.id == "scalar" and k.value == step]
            found_key, node = pairs[-1] if pairs else (None, None)  # the last one wins, as in the data
        else:
            if node.id != "sequence" or not 0 <= step < len(node.value):
                return None
            found_key, node = node.value[step], node.value[step]
    return found_key if key else node


class _Reader:
    def __init__(self) -> None:
        self.pending: list = []
        self.read_order: list = []
        self.seen: set = set()
        self.descriptors: list = []
        self.by_key: dict = {}
        self.problems: list = []
        self.foreign: list = []  # files holding documents that are not Backstage entities

    def problem(self, path: str, node, message: str, lost: bool = True) -> None:
        self.problems.append(_problem(path, node, message, lost))

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
        import yaml

        try:
            text = Path(path).read_bytes().decode("utf-8-sig")
        except OSError as error:
            self.problems.append(Problem(path, f"cannot read ({error.strerror or error}): its entities are not "
                                               "imported", file=path))
            return
        except UnicodeDecodeError as error:
            self.problems.append(Problem(path, f"not UTF-8 (byte at offset {error.start}): its entities are not "
                                               "imported; save the file as UTF-8", file=path))
            return
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(text)
        try:
            while loader.check_node():
                node = loader.get_node()
                self._duplicates(path, node)
                self.document(path, node, loader.construct_document(node))
        except yaml.MarkedYAMLError as error:
            mark = error.problem_mark or error.context_mark
            self.problems.append(_at(path, mark, f"invalid YAML: {error.problem or error}; the rest of the file "
                                                 "is not read"))
        except yaml.YAMLError as error:
            self.problems.append(Problem(path, f"invalid YAML: {error}; the rest of the file is not read", file=path))
        finally:
            loader.dispose()

    def _duplicates(self, path: str, root) -> None:
        stack = [root]
        while stack:
            node = stack.pop()
            if node.id == "mapping":
                keys: set = set()
                for key, value in node.value:
                    if key.id == "scalar":
                        if key.value in keys:
                            self.problem(path, key, f"duplicate key '{key.value}': only the last one is read; "
                                                    "Backstage refuses the entity, so remove one")
                        keys.add(key.value)
                    stack.append(value)
            elif node.id == "sequence":
                stack.extend(node.value)

    def document(self, path: str, node, data) -> None:
        if data is None:
            return
        api = data.get("apiVersion") if isinstance(data, dict) else None
        if not isinstance(api, str) or not BACKSTAGE_API.match(api):
            if path not in self.foreign:
                self.foreign.append(path)
                self.problem(path, node, "not a Backstage entity (no apiVersion backstage.io/...): skipped",
                             lost=False)
            return
        kind = data.get("kind")
        metadata = data.get("metadata")
        name = metadata.get("name") if isinstance(metadata, dict) else None
        if not isinstance(kind, str) or not isinstance(name, (str, int)) or isinstance(name, bool) or name == "":
            what = "kind" if not isinstance(kind, str) else "metadata.name"
            self.problem(path, node, f"a Backstage entity without {what}: skipped; give it one")
            return
        namespace = metadata.get("namespace")
        namespace = namespace if isinstance(namespace, str) and namespace else "default"
        descriptor = Descriptor(kind.lower(), namespace, str(name), data, node, path)
        if descriptor.kind == "location":
            self.location(descriptor)
        first = self.by_key.get(descriptor.key)
        if first is not None:
            self.problem(path, node, f"{descriptor.ref()} is already defined at {_place(first.path, first.node)}: "
                                     "this one is skipped")
            return
        self.by_key[descriptor.key] = descriptor
        self.descriptors.append(descriptor)

    def location(self, location: Descriptor) -> None:
        spec = location.spec()
        targets = []
        if "target" in spec:
            targets.append((("spec", "target"), spec["target"]))
        if isinstance(spec.get("targets"), list):
            targets += [(("spec", "targets", i), t) for i, t in enumerate(spec["targets"])]
        base = os.path.dirname(location.path)
        for path, target in targets:
            node = node_at(location.node, path)
            if not isinstance(target, str) or not target:
                self.problem(location.path, node, "a Location target is a file path or URL: skipped")
            elif re.match(r"^[a-z][a-z0-9+.-]*://", target, re.IGNORECASE):
                self.problem(location.path, node, f"target {target} is remote: not fetched; import a local copy "
                                                  "of it")
            else:
                self.target(location, node, os.path.join(base, target))

    def target(self, location: Descriptor, node, path: str) -> None:
        import glob

        if glob.has_magic(path):
            matches = sorted(glob.glob(path, recursive=True))
            for match in matches:
                self.queue(match)
            if not matches:
                self.problem(location.path, node, f"target {os.path.normpath(path)} matches no file")
        elif os.path.isfile(path):
            self.queue(path)
        else:
            self.problem(location.path, node, f"target {os.path.normpath(path)}: no such file; the entities it "
                                              "describes are not imported")


def _place(path: str, node) -> str:
    return f"{path}:{node.start_mark.line + 1}" if node is not None else path


def _problem(path: str, node, message: str, lost: bool = True) -> Problem:
    return _at(path, node.start_mark if node is not None else None, message, lost)


def _at(path: str, mark, message: str, lost: bool = True) -> Problem:
    if mark is None:
        return Problem(path, message, lost, file=path)
    line, column = mark.line + 1, mark.column + 1
    return Problem(f"{path}:{line}:{column}", message, lost, line, column, path)


# --- entities to estate -----------------------------------------------------------------

class _Mapper:
    def __init__(self, reader: _Reader, origin: str) -> None:
        self.reader = reader
        self.by_key = reader.by_key
        self.imported = Imported(origin=origin)
        self.problems = list(reader.problems)
        self.kinds_read = {descriptor.kind for descriptor in reader.descriptors}
        self.targets: dict = {}  # (descriptor key, field) -> [(index or None, descriptor it names)]
        self.placing: set = set()  # (descriptor key, annotation) read to place a Resource

    def problem(self, descriptor: Descriptor, path: tuple, message: str, lost: bool = True, key: bool = False):
        node = node_at(descriptor.node, path, key) if path else descriptor.node
        self.problems.append(_problem(descriptor.path, node or descriptor.node, message, lost))

    def run(self) -> Imported:
        self._place_entities()
        self._check_references()
        depends = self._dependencies()
        for descriptor in self.reader.descriptors:
            if descriptor.estate_id is not None:
                data = self._data(descriptor, depends.get(descriptor.key, []))
                line = descriptor.node.start_mark.line + 1
                self.imported.entities.append(Entity(descriptor.section, descriptor.estate_id,
                                                     arrange(descriptor.section, data), f"{descriptor.path}:{line}"))
        order = {path: position for position, path in enumerate(self.reader.read_order)}
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
            wanted = descriptor.name if descriptor.namespace == "default" else f"{descriptor.namespace}-{descriptor.name}"
            base = Ids.base(wanted, prefixes[section])
            if base is None:
                self.problem(descriptor, ("metadata", "name"), f"name '{descriptor.name}' holds no letter or digit "
                                                               "to make an id from: skipped")
                self.imported.skipped += 1
                continue
            descriptor.estate_id, descriptor.section = ids.claim(base), section
            if descriptor.estate_id != base:
                self.problem(descriptor, ("metadata", "name"), f"id '{base}' is taken by another entity: "
                                                               f"{descriptor.ref()} gets '{descriptor.estate_id}'",
                             lost=False)

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
        self.problem(descriptor, ("spec", "type") if "type" in descriptor.spec() else ("kind",),
                     f"resource type '{shown}' says neither a data store nor infrastructure: skipped; add the "
                     f"annotation {ANNOTATION}kind (operational, warehouse, lake, documents, media, geographic) "
                     f"or {ANNOTATION}type (server, network, storage, identity, integration-platform, security, "
                     "access-devices)")
        self.imported.skipped += 1
        return None

    # references

    def resolve(self, descriptor: Descriptor, field: str, index: Optional[int], value) -> Optional[Descriptor]:
        """The entity a reference names, or None after reporting why not."""
        default_kind, kinds = REFERENCES[descriptor.kind][field]
        path = ("spec", field) if index is None else ("spec", field, index)
        if not isinstance(value, str) or not value.strip():
            self.problem(descriptor, path, f"spec.{field}: a reference is written [kind:][namespace/]name")
            return None
        kind, namespace, name = _parse_ref(value.strip(), descriptor.namespace)
        candidates = [kind.lower()] if kind else [default_kind] if default_kind else list(kinds)
        found = [d for d in (self.by_key.get((k, namespace.casefold(), name.casefold())) for k in candidates) if d]
        if len(found) == 1 and found[0].kind in kinds:
            return found[0]
        if len(found) > 1:
            why = f"names both {' and '.join(d.ref() for d in found)}: write the kind"
        elif found:
            why = f"names a {KIND_NAMES.get(found[0].kind, found[0].kind)}, where {_kinds(kinds)} is expected"
        else:
            why = f"names no {_kinds(candidates)} of the catalog read" + self._hint(candidates, kinds, namespace, name)
        outcome = _OUTCOMES.get((descriptor.kind, field), "")
        self.problem(descriptor, path, f"spec.{field} '{value}' {why}{outcome}")
        return None

    def _hint(self, candidates: list, kinds: tuple, namespace: str, name: str) -> str:
        others = [k for k in kinds if k not in candidates and self.by_key.get((k, namespace.casefold(), name.casefold()))]
        if others:
            return f" (a {KIND_NAMES[others[0]]} has that name: write {others[0]}:{name})"
        missing = [KIND_NAMES.get(k, k) for k in candidates if k not in self.kinds_read]
        if missing:
            return f" (no {' or '.join(missing)} was read at all: add the files that define them)"
        return ""

    def _check_references(self) -> None:
        """Resolve every reference once; keep what the estate uses."""
        for descriptor in self.reader.descriptors:
            for field in REFERENCES.get(descriptor.kind, {}):
                if field not in descriptor.spec():
                    continue
                value = descriptor.spec()[field]
                values = list(enumerate(value)) if isinstance(value, list) else [(None, value)]
                resolved = []
                for index, item in values:
                    target = self.resolve(descriptor, field, index, item)
                    if target is not None:
                        resolved.append((index, target))
                self.targets[(descriptor.key, field)] = resolved

    def _dependencies(self) -> dict:
        """Dependent's key -> [(what it depends on, descriptor holding the reference, index or None, field)]."""
        depends: dict = {}
        for descriptor in self.reader.descriptors:
            for index, target in self.targets.get((descriptor.key, "dependsOn"), []):
                depends.setdefault(descriptor.key, []).append((target, descriptor, index, "dependsOn"))
            # `dependencyOf: [component:x]` on y says that x depends on y.
            for index, target in self.targets.get((descriptor.key, "dependencyOf"), []):
                depends.setdefault(target.key, []).append((descriptor, descriptor, index, "dependencyOf"))
        return depends

    # the estate data of one entity

    def _data(self, descriptor: Descriptor, depends: list) -> dict:
        metadata = descriptor.metadata()
        data: dict = {}
        title = metadata.get("title")
        if isinstance(title, str) and title.strip():
            data["name"] = title.strip()
        elif descriptor.name != descriptor.estate_id:
            data["name"] = descriptor.name
        if isinstance(metadata.get("description"), str) and metadata["description"].strip():
            data["description"] = metadata["description"].strip("\n")
        if descriptor.section == "applications":
            self._application(descriptor, data, depends)
        else:
            data[descriptor.required[0]] = descriptor.required[1]
            what = "data store" if descriptor.section == "data_stores" else "infrastructure component"
            for target, referrer, index, field in depends:
                self.problem(referrer, ("spec", field, index) if index is not None else ("spec", field),
                             f"{descriptor.ref()} depends on {target.ref()}, but a {what} has no depends_on in "
                             "the estate: not imported")
        self._apply_annotations(descriptor, data)
        return data

    def _application(self, descriptor: Descriptor, data: dict, depends: list) -> None:
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
        needs = []
        for target, referrer, index, field in depends:
            path = ("spec", field, index) if index is not None else ("spec", field)
            if target.estate_id is None:
                self.problem(referrer, path, f"{descriptor.ref()} depends on {target.ref()}, which is not imported "
                                             "(see above): left out of depends_on")
            elif target.estate_id not in needs:
                needs.append(target.estate_id)
        if needs:
            data["depends_on"] = needs

    def _annotations(self, descriptor: Descriptor) -> dict:
        annotations = descriptor.metadata().get("annotations")
        if not isinstance(annotations, dict):
            return {}
        return {key[len(ANNOTATION):]: value for key, value in annotations.items()
                if isinstance(key, str) and key.startswith(ANNOTATION)}

    def _apply_annotations(self, descriptor: Descriptor, data: dict) -> None:
        for name, value in self._annotations(descriptor).items():
            if (descriptor.key, name) in self.placing:
                continue  # read, and reported if wrong, when the entity was placed
            parsed = self._annotation(descriptor, descriptor.section, name, value)
            if parsed is not None:
                set_path(data, name, parsed)

    def _annotation(self, descriptor: Descriptor, section: str, name: str, value):
        """The value of annotation si-lint.io/NAME for a field of `section`, or None after reporting why not."""
        import difflib

        known = fields(section)
        path = ("metadata", "annotations", ANNOTATION + name)
        target = known.get(name)
        if target is None:
            what = {"applications": "an application", "data_stores": "a data store",
                    "infrastructure": "an infrastructure component"}[section]
            close = difflib.get_close_matches(name, list(known), n=1)
            hint = f"did you mean {ANNOTATION}{close[0]}?" if close else "docs/import.md lists the fields"
            self.problem(descriptor, path, f"{ANNOTATION}{name}: not a field of {what}: not imported; {hint}",
                         key=True)
            return None
        text = _annotation_text(value)
        try:
            if target.many:
                return list(dict.fromkeys(target.parse(part) for part in split_list(text)))
            return target.parse(text)
        except ValueProblem as problem:
            self.problem(descriptor, path, f"{ANNOTATION}{name}: '{text}' is not a value of `{name}`: {problem}; "
                                           "not imported")
            return None

    def _not_imported(self) -> None:
        counts: dict = {}
        for descriptor in self.reader.descriptors:
            if descriptor.kind not in ("component", "resource", "system", "domain", "location"):
                counts[descriptor.kind] = counts.get(descriptor.kind, 0) + 1
        if counts:
            listed = ", ".join(f"{number} {KIND_NAMES.get(kind, kind)}" for kind, number in sorted(counts.items()))
            self.problems.append(Problem("si-lint", f"not imported, the estate has no place for them: {listed} "
                                                    "(Groups and Users were read to check owners)", lost=False))


def _parse_ref(text: str, namespace: str) -> tuple:
    """`[kind:][namespace/]name` -> (kind or "", namespace, name)."""
    kind, _, rest = text.rpartition(":") if ":" in text.split("/")[0] else ("", "", text)
    found_namespace, _, name = rest.rpartition("/")
    return kind, found_namespace or namespace, name


def _kinds(kinds) -> str:
    return " or ".join(KIND_NAMES.get(kind, kind) for kind in kinds)


def _resource_words(value) -> tuple:
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


def _annotation_text(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else str(value)
