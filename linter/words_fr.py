"""Les mots de si-lint en français, hors fichiers de règles (voir messages.py). Mêmes clés que words_en.py."""

WORDS = {
    # --- lecture des fichiers (code de sortie 2) ---------------------------------------
    "input.missing": "{path} : fichier ou dossier introuvable",
    "input.no_file": "{path} : fichier introuvable",
    "input.not_regular": "{path} : ni un fichier ordinaire ni un dossier",
    "input.unreadable": "{path} : illisible ({reason})",
    "input.too_big": "{path} : plus de {limit} Mo ; si-lint lit des patrimoines, pas des archives",
    "input.not_utf8": "pas en UTF-8 (octet {byte}) : enregistrez le fichier en UTF-8",
    "input.no_estate_files": "{path} : aucun fichier *.yaml ou *.yml dans ce dossier",
    # --- chargement (EST001, EST002) ---------------------------------------------------
    "load.invalid_yaml": "YAML invalide : {problem}",
    "load.duplicate_key": "clé « {key} » en double : déjà définie en {place} ; "
                          "le fichier n'en garde qu'une, fusionnez-les ou renommez-en une",
    "load.key_not_scalar": "une clé doit être une valeur simple, pas un dictionnaire ni une liste",
    "load.bad_scalar": "{value!r} n'est pas un {kind} valide",
    "load.number_too_long": "un nombre de {digits} chiffres : trop long pour être une donnée du patrimoine",
    "load.bad_character": "le caractère {character} ({code}) est interdit en YAML : supprimez-le",
    "load.tag": "l'étiquette {tag} n'est pas prise en charge : écrivez des valeurs simples",
    "load.alias_unknown": "l'alias *{name} ne désigne aucune ancre définie avant lui",
    "load.alias_loop": "l'alias *{name} désigne une collection qui le contient",
    "load.alias_bomb": "les alias déploient ce fichier en plus de {limit} nœuds (une bombe d'alias ?) : "
                       "écrivez les valeurs ou partagez moins",
    "load.too_deep": "imbriqué sur plus de {limit} niveaux : un patrimoine en demande six au plus",
    "load.merge_value": "une clé de fusion `<<` prend un dictionnaire ou une liste de dictionnaires",
    "load.second_document": "un second document YAML (`---`) dans un fichier : mettez chacun dans son fichier",
    # --- schéma (EST003) ------------------------------------------------------------
    "schema.file_shape": "le fichier est {what} : un fichier de patrimoine est un dictionnaire qui commence "
                         "par `version: 1`",
    "schema.at": "{path} : {problem}",
    "schema.required": "champ obligatoire « {name} » manquant",
    "schema.unknown_field": "champ inconnu « {name} »{hint}",
    "schema.did_you_mean": " (vouliez-vous dire « {close} » ?)",
    "schema.known_fields": " ; champs connus : {known}",
    "schema.invalid_id": "« {value} » n'est pas un identifiant valide : lettres minuscules, chiffres, '-' et '_', "
                         "en commençant par une lettre",
    "schema.enum": "{value} n'est pas l'une des valeurs {options}{hint}",
    "schema.const": "{value} n'est pas permis : la seule valeur est {expected}",
    "schema.type": "{value} est {kind}, attendu : {expected}",
    "schema.blank": "ne doit pas contenir que des espaces",
    "schema.not_date": "{value} n'est pas une date au format AAAA-MM-JJ",
    "schema.bad_date": "{value} n'est pas une date valide (AAAA-MM-JJ)",
    "schema.pattern": "{value} n'a pas la forme attendue ({pattern})",
    "schema.minimum": "{value} est sous le minimum {bound}",
    "schema.maximum": "{value} dépasse le maximum {bound}",
    "schema.exclusiveMinimum": "{value} n'est pas supérieur à {bound}",
    "schema.exclusiveMaximum": "{value} n'est pas inférieur à {bound}",
    "schema.empty": "ne doit pas être vide",
    "schema.min_items": "demande au moins {count} élément(s)",
    "schema.unique": "cite {values} plus d'une fois",
    "schema.dependency_item": "{value} n'est ni un identifiant ni un groupe {{any_of: [identifiants]}}",
    "schema.top_level": "(premier niveau)",
    # --- références (EST002, EST004, EST006) -------------------------------------------
    "ref.duplicate_id": "l'identifiant « {id} » est défini deux fois : d'abord en {place} (dans {section}) ; "
                        "les identifiants sont uniques dans tout le patrimoine, renommez-en un",
    "ref.undefined": "{what} « {target} » n'est pas défini{hint} : définissez-le ou corrigez l'identifiant",
    "ref.wrong_section": "{what} « {target} » est {found}, pas {allowed}",
    "ref.via_not_platform": "via « {target} » est une infrastructure de type {type}, pas une "
                            "integration-platform : nommez une plateforme ou point-to-point, file-transfer, "
                            "shared-database",
    "ref.cycle": "cycle de dépendances : {loop} ; une application ne peut pas dépendre d'elle-même, "
                 "supprimez l'une de ces entrées depends_on",
    # --- dérogations (EST005) -------------------------------------------------------------
    "waiver.est": "les règles EST portent sur la lecture du patrimoine et ne peuvent faire l'objet d'une dérogation",
    "waiver.did_you_mean": "vouliez-vous dire {code} ?",
    "waiver.see_rules": "`si-lint rules` donne la liste des codes",
    # --- mots insérés dans d'autres messages ---------------------------------------------
    "word.or": "ou",
    "word.and": "et",
    "word.text": "du texte",
    "word.boolean": "un booléen",
    "word.number": "un nombre",
    "word.whole": "un nombre entier",
    "word.mapping": "un dictionnaire",
    "word.list": "une liste",
    "word.null": "vide",
    "word.true_or_false": "true ou false",
    "word.nothing": "rien",
    "word.null_value": "null (vide)",
    "word.empty_file": "vide",
    "word.providers": "fournisseur",
    "word.infrastructure": "composant d'infrastructure",
    "word.data_stores": "entrepôt de données",
    "word.applications": "application",
    "word.component": "composant",
    "word.integration_platform": "plateforme d'intégration",
}
