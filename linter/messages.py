"""Wording of the EST findings (load, schema, references), in English and French.

Principle rules carry their texts in their rule files; the stages that read
the estate word their findings here, so that `--lang fr` switches them too.
"""

from __future__ import annotations

MESSAGES = {
    "en": {
        # load (EST001, EST002)
        "syntax": "invalid YAML: {problem}",
        "duplicate_key": "duplicate key '{key}': already defined at {place}; "
                         "the file keeps only one, so merge the two or rename one",
        "key_not_scalar": "a mapping key must be a plain value, not a mapping or a list",
        "bad_scalar": "{value!r} is not a valid {kind}",
        "tag": "the tag {tag} is not supported: use plain values",
        "alias_unknown": "the alias *{name} names no anchor defined before it",
        "alias_loop": "the alias *{name} refers to a collection that contains it",
        "alias_bomb": "aliases expand this file to more than {limit:,} nodes (an alias bomb?): "
                      "write the values out or share less",
        "too_deep": "nested more than {limit} levels deep: an estate needs six at most",
        "merge_value": "a merge key `<<` takes a mapping or a list of mappings",
        "second_document": "a second YAML document (`---`) in one file: put each in its own file",
        # schema (EST003)
        "file_shape": "the file is {what}: an estate file is a mapping that starts with `version: 1`",
        "required": "missing required field '{name}'",
        "unknown_field": "unknown field '{name}'{hint}",
        "did_you_mean": " (did you mean '{close}'?)",
        "known_fields": "; known fields: {known}",
        "invalid_id": "'{value}' is not a valid id: ids use lowercase letters, digits, '-' and '_', "
                      "starting with a letter",
        "enum": "{value} is not one of {options}",
        "const": "{value} is not allowed: the only value is {expected}",
        "type": "{value} is {kind}, expected {expected}",
        "blank": "must not be blank",
        "not_date": "{value} is not a date written YYYY-MM-DD",
        "bad_date": "{value} is not a valid date (YYYY-MM-DD)",
        "pattern": "{value} does not have the expected form ({pattern})",
        "minimum": "{value} is below the minimum {bound}",
        "maximum": "{value} is above the maximum {bound}",
        "exclusiveMinimum": "{value} is not above {bound}",
        "exclusiveMaximum": "{value} is not below {bound}",
        "empty": "must not be empty",
        "min_items": "needs at least {count} item(s)",
        "unique": "lists {values} more than once",
        "dependency_item": "{value} is neither an id nor a group {{any_of: [ids]}}",
        "top_level": "(top level)",
        # references (EST002, EST004, EST006)
        "duplicate_id": "id '{id}' is defined twice: first at {place} (in {section}); "
                        "ids are unique across all sections, so rename one",
        "undefined": "{what} '{target}' is not defined{hint}: define it or fix the id",
        "wrong_section": "{what} '{target}' is a {found}, not a {allowed}",
        "via_not_platform": "via '{target}' is infrastructure of type {type}, not an integration-platform: "
                            "name a platform or one of point-to-point, file-transfer, shared-database",
        "cycle": "dependency cycle: {loop}; an application cannot need itself to run, "
                 "so remove one of these depends_on entries",
        "or": " or ",
    },
    "fr": {
        "syntax": "YAML invalide : {problem}",
        "duplicate_key": "clé « {key} » en double : déjà définie en {place} ; "
                         "le fichier n'en garde qu'une, fusionnez-les ou renommez-en une",
        "key_not_scalar": "une clé doit être une valeur simple, pas un dictionnaire ni une liste",
        "bad_scalar": "{value!r} n'est pas un {kind} valide",
        "tag": "l'étiquette {tag} n'est pas prise en charge : écrivez des valeurs simples",
        "alias_unknown": "l'alias *{name} ne désigne aucune ancre définie avant lui",
        "alias_loop": "l'alias *{name} désigne une collection qui le contient",
        "alias_bomb": "les alias déploient ce fichier en plus de {limit:,} nœuds (une bombe d'alias ?) : "
                      "écrivez les valeurs ou partagez moins",
        "too_deep": "imbriqué sur plus de {limit} niveaux : un patrimoine en demande six au plus",
        "merge_value": "une clé de fusion `<<` prend un dictionnaire ou une liste de dictionnaires",
        "second_document": "un second document YAML (`---`) dans un fichier : mettez chacun dans son fichier",
        "file_shape": "le fichier est {what} : un fichier de patrimoine est un dictionnaire qui commence "
                      "par `version: 1`",
        "required": "champ obligatoire « {name} » manquant",
        "unknown_field": "champ inconnu « {name} »{hint}",
        "did_you_mean": " (vouliez-vous dire « {close} » ?)",
        "known_fields": " ; champs connus : {known}",
        "invalid_id": "« {value} » n'est pas un identifiant valide : lettres minuscules, chiffres, '-' et '_', "
                      "en commençant par une lettre",
        "enum": "{value} n'est pas l'une des valeurs {options}",
        "const": "{value} n'est pas permis : la seule valeur est {expected}",
        "type": "{value} est {kind}, attendu : {expected}",
        "blank": "ne doit pas être vide",
        "not_date": "{value} n'est pas une date au format AAAA-MM-JJ",
        "bad_date": "{value} n'est pas une date valide (AAAA-MM-JJ)",
        "pattern": "{value} n'a pas la forme attendue ({pattern})",
        "minimum": "{value} est sous le minimum {bound}",
        "maximum": "{value} dépasse le maximum {bound}",
        "exclusiveMinimum": "{value} n'est pas supérieur à {bound}",
        "exclusiveMaximum": "{value} n'est pas inférieur à {bound}",
        "empty": "ne doit pas être vide",
        "min_items": "demande au moins {count} élément(s)",
        "unique": "cite {values} plus d'une fois",
        "dependency_item": "{value} n'est ni un identifiant ni un groupe {{any_of: [identifiants]}}",
        "top_level": "(premier niveau)",
        "duplicate_id": "l'identifiant « {id} » est défini deux fois : d'abord en {place} (dans {section}) ; "
                        "les identifiants sont uniques dans tout le patrimoine, renommez-en un",
        "undefined": "{what} « {target} » n'est pas défini{hint} : définissez-le ou corrigez l'identifiant",
        "wrong_section": "{what} « {target} » est {found}, pas {allowed}",
        "via_not_platform": "via « {target} » est une infrastructure de type {type}, pas une "
                            "integration-platform : nommez une plateforme ou point-to-point, file-transfer, "
                            "shared-database",
        "cycle": "cycle de dépendances : {loop} ; une application ne peut pas dépendre d'elle-même, "
                 "supprimez l'une de ces entrées depends_on",
        "or": " ou ",
    },
}

# Kinds of values, and what a reference field may name.
WORDS = {
    "en": {
        "text": "text", "boolean": "a boolean", "number": "a number", "whole": "a whole number",
        "mapping": "a mapping", "list": "a list", "null": "empty", "true or false": "true or false",
        "nothing": "nothing", "a mapping": "a mapping", "a list": "a list", "null (empty)": "null (empty)",
        "provider": "provider", "infrastructure component": "infrastructure component",
        "data store": "data store", "application": "application", "component": "component",
        "integration platform": "integration platform", "date": "date", "empty file": "empty",
    },
    "fr": {
        "text": "du texte", "boolean": "un booléen", "number": "un nombre", "whole": "un nombre entier",
        "mapping": "un dictionnaire", "list": "une liste", "null": "vide", "true or false": "true ou false",
        "nothing": "rien", "a mapping": "un dictionnaire", "a list": "une liste", "null (empty)": "null (vide)",
        "provider": "fournisseur", "infrastructure component": "composant d'infrastructure",
        "data store": "entrepôt de données", "application": "application", "component": "composant",
        "integration platform": "plateforme d'intégration", "date": "date", "empty file": "vide",
    },
}


def say(lang: str, key: str, /, **params) -> str:
    table = MESSAGES.get(lang, MESSAGES["en"])
    return table[key].format(**params)


def word(lang: str, key: str) -> str:
    return WORDS.get(lang, WORDS["en"]).get(key, key)
