"""Les mots de si-lint en français, hors fichiers de règles (voir messages.py). Mêmes clés que words_en.py."""

WORDS = {
    # --- lecture des fichiers (code de sortie 2) ---------------------------------------
    "input.missing": "{path} : fichier ou dossier introuvable",
    "input.no_file": "{path} : fichier introuvable",
    "input.not_regular": "{path} : ni un fichier ordinaire ni un dossier",
    "input.unreadable": "{path} : illisible ({reason})",
    "input.too_big": "{path} : plus de {limit} Mo ; si-lint lit des patrimoines, pas des archives",
    "input.lone_surrogate": "un demi-codet d'indirection isolé ({code}), qu'aucun fichier UTF-8 ne peut contenir : "
    "le supprimer",
    "input.not_utf8": "pas en UTF-8 (octet {byte}) : enregistrer le fichier en UTF-8",
    "input.no_estate_files": "{path} : aucun fichier *.yaml ou *.yml dans ce dossier",
    # --- lecture des fichiers : liens (code de sortie 2) -----------------------------
    "input.dangling_link": "{path} : un lien symbolique vers un fichier qui n'existe pas",
    "input.link_loop": "{path} : une boucle de liens symboliques",
    # --- lecture des fichiers JSON : états de référence, rapports à comparer (code 2) ---
    "input.json_long_number": "un nombre de {digits} chiffres",
    "input.json_not_a_number": "{value} n'est pas un nombre JSON",
    "input.json_too_deep": "imbriqué sur plus de {limit} niveaux",
    "input.json.value": "une valeur est attendue ici",
    "input.json.key": "une clé entre guillemets doubles est attendue ici",
    "input.json.colon": "« : » est attendu ici",
    "input.json.comma": "« , » est attendu ici",
    "input.json.extra": "du texte après la fin du document",
    "input.json.unterminated": "une chaîne non fermée",
    "input.json.control": "un caractère de contrôle dans une chaîne",
    "input.json.escape": "un échappement par barre oblique inverse que JSON ne connaît pas",
    "input.json.trailing_comma": "une virgule avant la fin d'un objet ou d'une liste",
    "input.json.syntax": "syntaxe JSON invalide",
    # --- chargement (EST001, EST002) ---------------------------------------------------
    "load.invalid_yaml": "YAML invalide : {problem}",
    # ce que l'analyseur YAML a trouvé, dans nos mots (EST001)
    "load.yaml.mapping_here": "une paire « clé : valeur » n'est pas permise ici : mettre la valeur entre "
    "guillemets, ou la clé sur sa propre ligne",
    "load.yaml.colon": "le « : » attendu après une clé est introuvable",
    "load.yaml.tab": "une tabulation là où YAML attend une valeur ou une indentation : indenter avec des espaces",
    "load.yaml.bad_start": "un caractère qui ne peut pas commencer une valeur ici (une tabulation, ou un caractère "
    "réservé comme @ ou `) : indenter avec des espaces, ou mettre la valeur entre guillemets",
    "load.yaml.key": "une clé est attendue ici : vérifier l'indentation",
    "load.yaml.dash": "une entrée de liste (« - ») est attendue ici : vérifier l'indentation",
    "load.yaml.value": "une valeur est attendue ici",
    "load.yaml.end": "le fichier se termine avant qu'un guillemet ou un crochet soit fermé",
    "load.yaml.indentation": "contenu inattendu à cette indentation : vérifier l'indentation",
    "load.yaml.list": "« , » ou « ] » est attendu ici, pour poursuivre ou fermer la liste",
    "load.yaml.mapping": "« , » ou « }} » est attendu ici, pour poursuivre ou fermer le dictionnaire",
    "load.yaml.escape": "un échappement (\\) que YAML ne connaît pas : entre guillemets doubles, écrire "
    "\\\\ pour une barre oblique inverse",
    "load.yaml.dash_here": "une entrée de liste (« - ») n'est pas permise ici : vérifier l'indentation",
    "load.yaml.colon_here": "un « : » inattendu : mettre la valeur entre guillemets",
    "load.yaml.anchor": "un nom d'ancre ou d'alias s'écrit en lettres et en chiffres",
    "load.duplicate_key": "clé « {key} » en double, déjà définie à {place} ; le fichier n'en garde qu'une : "
    "fusionner les deux entrées ou en renommer une",
    "load.key_not_scalar": "une clé doit être une valeur simple, ni un dictionnaire ni une liste",
    "load.bad_scalar": "« {value} » n'est pas une valeur valide pour l'étiquette `!!{kind}`",
    "load.number_too_long": "un nombre de {digits} chiffres : trop long pour être une donnée du patrimoine",
    "load.bad_character": "le caractère {character} ({code}) est interdit en YAML : le supprimer",
    "load.tag": "l'étiquette {tag} n'est pas prise en charge : écrire des valeurs simples",
    "load.alias_unknown": "l'alias *{name} ne désigne aucune ancre définie avant lui",
    "load.alias_loop": "l'alias *{name} désigne une collection qui le contient",
    "load.alias_bomb": "les alias déploient ce fichier en plus de {limit} nœuds (une bombe d'alias ?) : écrire "
    "les valeurs en entier, ou moins les partager",
    "load.too_deep": "plus de {limit} niveaux d'imbrication : un patrimoine n'en demande que six au plus",
    "load.merge_value": "une clé de fusion `<<` prend un dictionnaire ou une liste de dictionnaires",
    "load.second_document": "un second document YAML (`---`) dans le même fichier : mettre chacun dans son "
    "propre fichier",
    # --- schéma (EST003) ------------------------------------------------------------
    "schema.file_shape": "le fichier est {what} : un fichier de patrimoine est un dictionnaire qui commence "
    "par `version: 1`",
    "schema.at": "{path} : {problem}",
    "schema.required": "champ obligatoire « {name} » manquant",
    "schema.unknown_field": "champ inconnu « {name} »{hint}",
    "word.did_you_mean_any": " (vouliez-vous dire {close} ?)",
    "word.did_you_mean": " (vouliez-vous dire « {close} » ?)",
    "schema.known_fields": " ; champs connus : {known}",
    "schema.invalid_id": "« {value} » n'est pas un identifiant valide : lettres minuscules, chiffres, « - » et "
    "« _ », en commençant par une lettre",
    "schema.not_fact_name": "« {value} » n'est pas un nom de fait{hint} : nommer un fait ({options}) ou "
    "lifecycle.<version>",
    "schema.enum": "{value} n'est pas l'une des valeurs permises : {options}{hint}",
    "schema.const": "{value} n'est pas une valeur permise : la seule possible est {expected}",
    "schema.type": "{value} est {kind} ; attendu : {expected}",
    "schema.decimal_comma": "{value} est du texte, pas un nombre : écrire `{number}`, avec un point décimal",
    "schema.decimal_comma_split": "champ inconnu « {name} » : sur une ligne, entre accolades, la virgule sépare "
    "les champs, et `{key}: {written}` a été lu comme deux champs ; écrire "
    "`{key}: {number}`, avec un point décimal",
    "schema.one_item_list": "{value} est {kind}, pas une liste : écrire `[{item}]`, même pour un seul élément",
    "schema.such_as": "{expected}, par exemple {example}",
    # --- schema wording: a mapping or a list of the wrong type
    "schema.type_collection": "{kind} ; attendu : {expected}",
    "schema.blank": "ne doit pas contenir que des espaces",
    "schema.not_date": "{value} n'est pas une date au format AAAA-MM-JJ",
    "schema.bad_date": "{value} n'est pas une date valide (AAAA-MM-JJ)",
    "schema.bad_format": "{value} n'est pas une valeur {format} valide",
    "schema.pattern": "{value} n'a pas la forme attendue ({pattern})",
    "schema.minimum": "{value} est inférieur au minimum ({bound})",
    "schema.maximum": "{value} dépasse le maximum ({bound})",
    "schema.exclusiveMinimum": "{value} doit être strictement supérieur à {bound}",
    "schema.exclusiveMaximum": "{value} doit être strictement inférieur à {bound}",
    "schema.empty": "ne doit pas être vide",
    "schema.min_items": "doit contenir au moins {count}",
    "schema.items.one": "{n} entrée",
    "schema.items.other": "{n} entrées",
    "schema.unique": "cite {values} plus d'une fois",
    "schema.dependency_item": "{value} n'est ni un identifiant ni un groupe {{any_of: [identifiants]}}",
    "schema.top_level": "(premier niveau)",
    # --- nombres qui n'en sont pas (EST003) ------------------------------------------
    "schema.not_finite": "{value} n'est pas un nombre : écrire une valeur chiffrée",
    # --- identifiants qui ne sont pas du texte (EST003) ---------------------------------
    "schema.id_not_text": "la clé {value} n'est pas du texte : les identifiants sont du texte, écrits sans "
    "étiquette (`!!int`, `!!bool`, `!!null`)",
    # --- références (EST002, EST004, EST006) -------------------------------------------
    "ref.undefined.providers": "le fournisseur « {target} » n'est pas défini{hint} : le définir ou corriger l'identifiant",
    "ref.undefined.applications": "l'application « {target} » n'est pas définie{hint} : la définir ou corriger l'identifiant",
    "ref.undefined.data_stores": "le stockage de données « {target} » n'est pas défini{hint} : le définir ou corriger l'identifiant",
    "ref.undefined.component": "le composant « {target} » n'est pas défini{hint} : le définir ou corriger l'identifiant",
    "ref.undefined.integration_platform": "la plateforme d'intégration « {target} » n'est pas définie{hint} : la définir ou corriger l'identifiant",
    "ref.wrong_section": "« {target} » est {found}, pas {allowed}",
    "ref.a.providers": "un fournisseur",
    "ref.a.infrastructure": "un composant d'infrastructure",
    "ref.a.data_stores": "un stockage de données",
    "ref.a.applications": "une application",
    "ref.in.providers": "parmi les fournisseurs",
    "ref.in.infrastructure": "dans l'infrastructure",
    "ref.in.data_stores": "parmi les stockages de données",
    "ref.in.applications": "parmi les applications",
    "ref.duplicate_id": "l'identifiant « {id} » est défini deux fois, d'abord à {place} ({section}) ; les "
    "identifiants sont uniques dans tout le patrimoine : en renommer un",
    "ref.via_not_platform": "via « {target} » désigne un composant d'infrastructure de type {type}, pas une "
    "plateforme d'intégration (integration-platform) : indiquer une plateforme "
    "d'intégration, ou point-to-point, file-transfer ou shared-database",
    "products.not_a_folder": "{folder} : --products-dir doit désigner un dossier de fichiers de produits (*.yaml)",
    "products.not_a_mapping": "un fichier de produit est un dictionnaire avec id, name, vendor, description, facts, sources",
    "products.id_not_file": "id : {id} doit être le nom du fichier ({file})",
    "ref.unknown_product": "le produit « {target} » n'est pas dans le catalogue{hint} : `si-lint products` donne "
    "la liste des produits",
    "unstated.not_documented": " ; produit {product} : l'éditeur {vendor} ne documente pas {field}, seul le "
    "patrimoine peut donc l'indiquer",
    "ref.cycle": "cycle de dépendances : {loop} ; une application ne peut pas avoir besoin d'elle-même pour "
    "fonctionner : supprimer l'une de ces entrées depends_on",
    # --- dérogations (EST005) -------------------------------------------------------------
    # --- mots insérés dans d'autres messages ---------------------------------------------
    "word.or": "ou",
    "word.and": "et",
    # un jour dans une phrase (les formats pour machines gardent 2025-01-01)
    "date.day": "{day} {month} {year}",
    "date.first_of_month": "1er {month} {year}",
    "month.1": "janvier",
    "month.2": "février",
    "month.3": "mars",
    "month.4": "avril",
    "month.5": "mai",
    "month.6": "juin",
    "month.7": "juillet",
    "month.8": "août",
    "month.9": "septembre",
    "month.10": "octobre",
    "month.11": "novembre",
    "month.12": "décembre",
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
    "word.data_stores": "stockage de données",
    "word.applications": "application",
    "word.component": "composant",
    "word.integration_platform": "plateforme d'intégration",
    # --- fichiers de règles (code de sortie 2) ---------------------------------------------
    "rulefile.duplicate_code": "code : {code} est déjà le code de {first} ; les codes de règle sont uniques : en "
    "choisir un autre",
    "rulefile.not_a_folder": "{folder} : --rules-dir doit désigner un dossier de fichiers de règles (*.yaml)",
    "rulefile.empty_folder": "{folder} : aucun fichier de règle (*.yaml) dans ce dossier",
    "rulefile.not_a_mapping": "un fichier de règle est un dictionnaire avec code, name, severity, scope, en, fr, "
    "examples",
    "rulefile.custom_check": "check : une règle personnalisée ne peut pas nommer de contrôle Python ; écrire la "
    "condition sous `when`, en JSON Schema",
    "rulefile.engine_check_scope": "check : les constats de `{name}` demandent `scope: {scope}`",
    "rulefile.unknown_check": "check : aucun contrôle ne s'appelle {name} ; contrôles connus : {known}",
    "rulefile.entity_check_scope": "check : `{name}` examine une entité à la fois ; sa portée doit donc nommer des sections d'entités",
    "rulefile.check_scope": "check : un contrôle Python porte sur le patrimoine ; sa portée ne peut donc pas "
    "être `{scope}`",
    "rulefile.condition_scope": "scope : une condition `{key}` est évaluée sur chaque élément de sa portée ; la "
    "portée est donc l'une de ces sections, ou une liste de celles-ci : {sections}",
    "rulefile.unknown_option": "{key} : option inconnue {name} ; options connues : {known}",
    "rulefile.applies_to_check": "applies_to : un contrôle portant sur tout le patrimoine choisit lui-même ses "
    "éléments ; `applies_to` va avec une condition `when` ou un contrôle élément par "
    "élément",
    "rulefile.unstated_missing": "{lang} : une règle qui déclare `reads` demande un message `unstated` en {lang}",
    "rulefile.at_key": "{key} : {problem}",
    "rulefile.bad_template": "{error} ; pour une accolade littérale, écrire {{{{ ou }}}}",
    "rulefile.brace_unclosed": "une accolade « {{ » qui n'est pas fermée",
    "rulefile.brace_alone": "une accolade « }} » qui ne ferme rien",
    "rulefile.declarative_placeholder": "{{{name}}} ne peut pas être rempli ; le message d'une condition peut utiliser {{id}}, {{name}}, {{value}} et les options ({options})",
    "rulefile.bad_placeholder": "{{{name}}} n'est pas un nom de paramètre",
    "rulefile.when_or_check": "une règle demande exactement l'un des deux : `when` (une condition) ou `check`",
    # --- conditions des règles : le sous-ensemble de JSON Schema (code de sortie 2) ------
    "condition.not_a_schema": "un schéma est un dictionnaire, ou true ou false",
    "condition.unsupported": "mot-clé non pris en charge : {keywords}{hint}",
    "condition.unknown_type": "type inconnu {name}",
    "condition.enum_list": "enum doit être une liste",
    "condition.non_empty_list": "{keyword} doit être une liste non vide",
    "condition.mapping": "{keyword} doit être un dictionnaire",
    "condition.number": "{keyword} doit être un nombre",
    "condition.unsupported_format": "format non pris en charge : {format}",
    "condition.local_ref": "seules les références locales (#/...) sont prises en charge, pas {ref}",
    "condition.ref_nowhere": "{ref} ne mène nulle part",
    "condition.ref_not_schema": "{ref} désigne une valeur qui n'est pas un schéma",
    "condition.ref_loop": "{ref} renvoie à lui-même sans descendre plus loin dans la valeur : "
    "l'évaluation ne se terminerait jamais",
    "condition.bad_pattern": "motif invalide : {error}",
    "pattern.at": "{problem} au caractère {position}",
    "pattern.unclosed_group": "une parenthèse n'est pas fermée",
    "pattern.unbalanced": "une parenthèse ne ferme rien",
    "pattern.nothing_to_repeat": "une répétition (*, + ou ?) ne suit rien qu'elle puisse répéter",
    "pattern.multiple_repeat": "deux répétitions se suivent",
    "pattern.unclosed_set": "un [ n'est pas fermé",
    "pattern.bad_escape": "un échappement (\\) que les expressions régulières ne connaissent pas",
    "pattern.bad_range": "un intervalle dont la fin précède le début",
    "pattern.lookbehind": "une assertion arrière (look-behind) de largeur variable",
    "pattern.other": "pas une expression régulière que Python sait lire",
    "rulefile.pattern_too_slow": "{code} : le motif {pattern} a épuisé les {seconds} s dont disposent les motifs "
    "des règles personnalisées pour une exécution : le simplifier (docs/custom-rules.md, "
    "« Patterns »)",
    "condition.option_value": "`{{$option: {name}}}` ne peut pas figurer ici : {problem}",
    # --- règles personnalisées à côté des règles intégrées (code de sortie 2) ------------
    "rulefile.builtin_family": "code : {code} commence par {family}, le préfixe des règles intégrées {family} : "
    "donner aux règles personnalisées un préfixe qui leur soit propre, par exemple "
    "ACME001",
    "rulefile.duplicate_name": "name : {name} est déjà le nom de la règle de {first} ; les noms de règle sont "
    "uniques : en choisir un autre",
    "rulefile.family_est": "family : EST est la famille des constats sur la lecture du patrimoine ; "
    "une règle personnalisée appartient à une autre famille",
    # --- configuration (exit 2) -----------------------------------------------------------
    "config.no_file": "--config {path} : fichier introuvable",
    "config.not_a_mapping": "un fichier de configuration est un dictionnaire de clés ({keys})",
    "config.not_a_table": "[tool.si-lint] doit être une table de clés ({keys})",
    "config.invalid_toml": "TOML invalide : {problem}",
    "config.toml.value": "une valeur est attendue ici : du texte entre guillemets, un nombre, true ou "
    "false, [une liste] ou {{une table}}",
    "config.toml.string": "une chaîne n'est pas fermée : ajouter le guillemet fermant",
    "config.toml.array": "une liste n'est pas fermée : ajouter le ] fermant",
    "config.toml.table": "une table en ligne n'est pas fermée : ajouter l'accolade fermante",
    "config.toml.twice": "une clé ou une table est définie deux fois : n'en garder qu'une",
    "config.toml.equals": "« = » est attendu après la clé",
    "config.toml.newline": "un retour à la ligne est attendu après la valeur : une clé = valeur par ligne",
    "config.toml.key": "une clé est attendue ici : lettres, chiffres, - et _, ou une clé entre guillemets",
    "config.toml.statement": "ni une ligne clé = valeur ni un en-tête [table]",
    "config.toml.escape": "une barre oblique inverse (\\) que TOML ne connaît pas : écrire \\\\, ou "
    "employer des apostrophes",
    "config.toml.character": "un caractère que TOML n'admet pas ici (une chaîne restée ouverte en fin de ligne ?)",
    "config.unknown_key": "clé inconnue {key}{hint} ; clés connues : {keys}",
    "config.code_list": "{key} : une liste de codes ou de préfixes de règles est attendue, par exemple [ACC, CLD001]",
    "config.empty_selection": "{key} : ne sélectionne aucune règle ; indiquer des codes ou des préfixes, par "
    "exemple ACC ou CLD001 (sans cette clé, toutes les règles s'appliquent)",
    "config.not_one_of": "{key} : {value} n'est pas l'une des valeurs permises : {allowed}",
    "config.folders_type": "{key} : un dossier, ou une liste de dossiers, est attendu",
    "config.folder_missing": "{key} : {value} n'est pas un dossier (les chemins sont relatifs au fichier de "
    "configuration)",
    "config.paths_type": "paths : un fichier ou un dossier du patrimoine, ou une liste de ceux-ci, est attendu, "
    "par exemple [estate/]",
    "config.baseline_type": "baseline : le chemin d'un fichier d'état de référence est attendu, "
    "par exemple si-lint-baseline.json",
    "config.expect.currency": "un code de devise ISO 4217, par exemple EUR",
    "config.expect.device_cost_default": "un coût par utilisateur et par mois, 0 ou plus, par exemple 5.5",
    "config.expect.min_device_families": "un nombre entier de familles d'objets d'accès, de 0 à 6",
    "config.options_type": "options : un dictionnaire de noms d'options et de valeurs est attendu",
    "config.unknown_option": "options : option inconnue {name}{hint} ; options connues : {known}",
    "config.option_value": "options.{name} : {value} n'est pas valable ; attendu : {expected}",
    "config.option_list": "options.{name} : une liste est attendue, dont chaque entrée est {expected}",
    "config.expect.min_availability": "un pourcentage strictement supérieur à 0 et au plus égal à 100, par "
    "exemple 99.99",
    "config.expect.office_cost_ceiling": "un montant en euros par utilisateur et par mois, 0 ou plus",
    "config.expect.max_iaas_providers": "un nombre entier, 0 ou plus",
    "config.expect.required_devices": "une famille d'objets d'accès parmi {families}",
    "config.expect.proprietary_formats": "un format de fichier, par exemple doc ou xls",
    "config.expect.content_categories": "une catégorie d'application, par exemple office ou messaging",
    "config.unknown_code": "{key} : code ou préfixe de règle inconnu {code}{hint} ; `si-lint rules` donne la "
    "liste des règles",
    "config.ignore_est": "{key} : {code} ne peut pas être écarté : les règles EST signalent ce qui empêche de "
    "lire correctement le patrimoine, et s'appliquent toujours",
    "config.severity_type": "severity : un dictionnaire qui associe des codes de règles à error, warning ou info "
    "est attendu, par exemple {{ACC004: error}}",
    "config.severity_unknown": "severity : code de règle inconnu {code}{hint}",
    "config.severity_est": "severity : la gravité de {code} ne se change pas : les règles EST signalent ce qui "
    "empêche de lire correctement le patrimoine, et leurs constats sont toujours des "
    "erreurs",
    "config.show.file": "fichier de configuration : {path}",
    "config.show.no_file": "(aucun trouvé : valeurs par défaut)",
    "config.show.none": "(aucun)",
    "config.show.current_folder": "(le dossier courant)",
    "config.show.every_rule": "(toutes les règles)",
    "config.show.default": "par défaut",
    "config.show.environment": "environnement (LC_ALL, LC_MESSAGES ou LANG ; en par défaut)",
    # --- ligne de commande ------------------------------------------------------------------
    "cli.bad_date": "{value} n'est pas une date au format AAAA-MM-JJ",
    "cli.out_of_memory": "mémoire insuffisante pour lire le patrimoine",
    "cli.internal_error": "erreur interne (un défaut de si-lint, merci de le signaler) : {error}",
    "cli.stdout_failed": "impossible d'écrire sur la sortie standard ({reason})",
    "cli.cannot_write": "{path} : écriture impossible ({reason})",
    "cli.findings.one": "{n} constat",
    "cli.findings.other": "{n} constats",
    "cli.baseline_written": "état de référence écrit dans {path} : {findings}",
    "cli.verified": "{passed} règles vérifiées sur {total}.",
    "cli.no_rule": "aucune règle {code}{hint} ; `si-lint rules` donne la liste des règles",
    "cli.no_product": "aucun produit {id} dans le catalogue{hint} ; `si-lint products` donne la liste des produits",
    "cli.products.id": "identifiant",
    "cli.products.name": "nom",
    "cli.products.category": "catégorie",
    "cli.products.delivery": "exploitation",
    "cli.products.versions": "versions (fin de support)",
    "cli.products.facts": "Faits qu'il fournit à une application qui ne les indique pas :",
    "cli.products.support": "Versions et fin de support :",
    "cli.products.sources": "Sources (les pages de l'éditeur) :",
    "cli.products.backs": "étaye : {facts} (vérifiée le {checked})",
    # --- fiche produit et légende de l'historique : un nom et ce qu'il désigne -------------------
    "cli.products.checked": "lue le {checked} ; chaque fait et la phrase de la page qui l'énonce :",
    "cli.products.quote": "{fact} : « {quote} »",
    "cli.products.not_documented": "Non documentés par l'éditeur (à indiquer sur l'application) : {facts}",
    "cli.products.heading": "{id} : {name} ({vendor})",
    "cli.products.version_end": "{version} : {end}",
    "history.legend": "{family} : {name}",
    "cli.rules.code": "code",
    "cli.rules.name": "nom",
    "cli.rules.severity": "gravité",
    "cli.rules.status": "statut",
    "status.stable": "stable",
    "status.preview": "préversion",
    "cli.rules.title": "titre",
    # --- usage errors (exit 2): the command line click refused, worded by usage.py ---------------
    "usage.usage": "Utilisation : {command}",
    "usage.try_help": "Saisir « {command} » pour obtenir de l'aide.",
    "usage.option": "{option} : {problem}",
    "usage.the_value": "la valeur donnée",
    "usage.not_one_of": "{value} n'est pas l'une des valeurs permises : {choices}{hint}",
    "usage.not_expected": "{value} n'est pas {expected}",
    "usage.whole_at_least": "un nombre entier supérieur ou égal à {bound}",
    "usage.whole_at_most": "un nombre entier inférieur ou égal à {bound}",
    "usage.whole_between": "un nombre entier compris entre {low} et {high}",
    "usage.path_missing": "{value} n'existe pas",
    "usage.path_is_folder": "{value} est un dossier ; un fichier est attendu",
    "usage.path_is_file": "{value} est un fichier ; un dossier est attendu",
    "usage.path_unreadable": "{value} ne peut pas être lu",
    "usage.path_unwritable": "{value} ne peut pas être écrit",
    "usage.bad_value": "{value} n'est pas une valeur acceptée",
    "usage.unclassified": "{command} : cette ligne de commande n'est pas valable",
    "usage.takes_no_value": "{option} ne prend pas de valeur : l'écrire seule",
    "usage.needs_value": "il manque la valeur de {option}",
    "usage.needs_choice": "il manque la valeur de {option} : l'une des valeurs {choices}",
    "usage.missing_argument": "il manque l'argument {name}",
    "usage.missing_option": "il manque l'option {name}",
    "usage.no_such_option": "option inconnue {option}{hint}",
    "usage.no_such_command": "commande inconnue {command}{hint} ; commandes disponibles : {commands}",
    "usage.missing_command": "il manque une commande après {group} : {commands}",
    "usage.extra.one": "argument en trop : {values}",
    "usage.extra.other": "arguments en trop : {values}",
    "usage.takes": "{command} n'attend que {arguments}",
    "usage.takes_none": "{command} n'attend aucun argument",
    "usage.extra_arguments": "{found} ; {takes}",
    "usage.no_such_path_or_command": "{path} : ni fichier, ni dossier, ni commande de ce nom{hint}",
    # --- baseline -------------------------------------------------------------------------
    "baseline.not_both": "--baseline et --write-baseline ne s'emploient pas ensemble : écrire d'abord l'état de "
    "référence, puis l'utiliser",
    "baseline.missing": "état de référence introuvable : le créer à partir des constats actuels avec "
    "`si-lint --write-baseline {path}`",
    "baseline.cannot_write": "impossible d'écrire l'état de référence ({reason})",
    "baseline.not_json": "pas un état de référence JSON : {problem} ; en écrire un avec --write-baseline",
    "baseline.not_a_baseline": "pas un état de référence de si-lint (version {version}, avec une liste de "
    "constats) ; en écrire un avec --write-baseline",
    "baseline.old_version": "écrit par une version antérieure de si-lint, qui reconnaissait les constats à leur "
    "message : l'écrire de nouveau avec --write-baseline {path} (les constats se reconnaissent "
    "désormais à leur code, leur élément et leur champ, dans toutes les langues)",
    "baseline.known.one": "{n} constat déjà connu, non affiché",
    "baseline.known.other": "{n} constats déjà connus, non affichés",
    "baseline.fixed.one": "{n} entrée corrigée, à retirer",
    "baseline.fixed.other": "{n} entrées corrigées, à retirer",
    "baseline.note": "état de référence {path} : {known}",
    "baseline.note_fixed": "{note} ; {fixed} (le réécrire avec --write-baseline {path})",
    # --- init ---------------------------------------------------------------------------------
    "init.already_there": "{paths} : déjà présent(s) ; si-lint init n'écrit que des fichiers nouveaux (déplacer "
    "les fichiers existants ou choisir un autre dossier)",
    "init.wrote": "{path} écrit",
    "init.next": "Ensuite : les modifier, puis lancer `{command}`.",
    # --- mots des constats des règles -----------------------------------------------------------
    "word.from_product": "{value}, selon le produit {product}",
    "word.none_of_them": "aucun",
    "check.no_family": "aucune",
    "word.provider.public-cloud": "cloud public",
    "word.provider.private-cloud": "cloud privé",
    "word.provider.on-premise": "sur site",
    "word.provider.colocation": "colocation",
    "word.provider.saas-vendor": "éditeur SaaS",
    "word.data_kind.structured": "structurées",
    "word.data_kind.documents": "documentaires",
    "word.data_kind.media": "multimédia",
    "word.data_kind.geographic": "géographiques",
    "check.where_delivery": "delivery : {delivery}",
    "check.where_provider": "fournisseur {provider}, {type}",
    "check.providers.one": "{n} fournisseur",
    "check.providers.other": "{n} fournisseurs",
    "check.provider_and_type": "{id} ({type})",
    "check.installed_client_cancels": "avec un client à installer ({clients}), le navigateur ne vaut plus pour "
    "toutes les familles : aucune famille d'objets d'accès n'est retenue ; "
    "indiquer dans access.devices les familles depuis lesquelles on l'utilise",
    "check.no_browser": "sans `access.browser: true`, aucune famille d'objets d'accès n'est retenue ; "
    "indiquer dans access.devices les familles depuis lesquelles on l'utilise",
    "check.link": "{id} ({figure} %)",
    "check.link_own": "{id} (availability.own {figure} %)",
    "check.link_group": "any_of({members}) ({figure} %)",
    "check.store_of": "{store} ({owner})",
    "check.cost_of": "{id} {cost}",
    "check.cost_of_share": "{id} {cost} pour {users} des {workforce} collaborateurs ({weighted} par personne)",
    "check.device_default": "{cost} par défaut (option device_cost_default : aucun composant access-devices "
    "n'indique de coût)",
    # --- dérogations (règles 1.1) ----------------------------------------------------------------
    "waiver.on_entity": "sur « {id} »",
    "waiver.on_estate": "sur l'ensemble du patrimoine",
    "waiver.unknown": "aucune règle n'a ce code{hint} ; `si-lint rules` donne la liste des règles",
    "waiver.not_a_code": "un code de règle s'écrit sous la forme ACC002{hint}",
    "waiver.cannot_est": "les constats EST portent sur la lecture du patrimoine : on ne peut pas y déroger ; "
    "corriger ce qu'ils signalent",
    "waiver.cannot_waivers": "{code} porte sur les dérogations elles-mêmes : renouveler ou retirer plutôt la "
    "dérogation qu'elle signale",
    "waiver.cannot": "on ne peut pas déroger à {code}",
    "waiver.belongs_top": "{rule} porte sur tout le patrimoine : y déroger dans la liste `waivers` de premier niveau",
    "waiver.belongs_entity": "{rule} porte sur un élément : y déroger dans les `waivers` de l'élément pour "
    "lequel elle se déclenche",
    # --- the estate format's fields (`si-lint schema`, editors) ----------------------------------
    "schema.title": "Patrimoine si-lint, version 1 du format",
    "schema.description": "Le patrimoine d'un système d'information : fournisseurs, infrastructures, stockages de "
    "données, applications et échanges.",
    "field.version": "version du format, obligatoire dans chaque fichier ; seule la version 1 existe",
    "field.organization": "nom de l'entreprise ; les constats qui portent sur tout le patrimoine pointent vers lui",
    "field.providers": "qui héberge ou vend, par identifiant",
    "field.infrastructure": "l'infrastructure partagée (le I du modèle B-I-S), par identifiant",
    "field.data_stores": "là où vivent les données, par identifiant",
    "field.applications": "les usages, B (cœur de métier) et S (support), par identifiant",
    "field.integrations": "échanges entre applications ; chacun est désigné par « from->to »",
    "field.workforce": "nombre de personnes dans l'entreprise : la bureautique et la messagerie devraient les "
    "toucher toutes (COL006)",
    "field.waivers": "dérogations aux règles qui portent sur tout le patrimoine (CLD006, DAT002, CST001, ACC007, "
    "COL006)",
    "field.Waiver.rule": "le code de la règle à laquelle on déroge, par exemple ACC002",
    "field.Waiver.reason": "pourquoi l'exception est acceptée",
    "field.Waiver.expires": "AAAA-MM-JJ ; après ce jour, la dérogation ne s'applique plus et GOV003 la signale",
    "field.Waiver.approved_by": "qui a accepté l'exception",
    "field.Provider.name": "nom affiché",
    "field.Provider.description": "texte libre",
    "field.Provider.type": "public-cloud, private-cloud, on-premise (sur site), colocation ou saas-vendor (éditeur SaaS)",
    "field.Provider.offers": "ce que l'entreprise lui achète : iaas, paas, serverless, saas, network, devices",
    "field.Provider.waivers": "dérogations aux règles qui se déclenchent pour ce fournisseur",
    "field.Infrastructure.name": "nom affiché",
    "field.Infrastructure.description": "texte libre",
    "field.Infrastructure.type": "server, network, storage, identity, integration-platform, security ou access-devices (objets d'accès)",
    "field.Infrastructure.provider": "l'identifiant du fournisseur qui l'exploite",
    "field.Infrastructure.availability": "disponibilité de ce composant seul, en pourcentage, par exemple 99.995",
    "field.Infrastructure.waivers": "dérogations aux règles qui se déclenchent pour ce composant",
    "field.Infrastructure.families": "pour access-devices : les familles d'objets d'accès proposées aux collaborateurs (ACC007)",
    "field.Infrastructure.users": "pour access-devices : le nombre de personnes qui disposent de cet objet d'accès (CST001 "
    "pondère son coût par users / workforce)",
    "field.Infrastructure.cost": "pour access-devices : ce que coûte un objet d'accès par utilisateur et par mois (CST001)",
    "field.DataStore.name": "nom affiché",
    "field.DataStore.description": "texte libre",
    "field.DataStore.kind": "operational, warehouse, lake, documents, media ou geographic ; un entrepôt de "
    "données (warehouse) ou un lac de données (lake) sans application est un espace de "
    "données indépendant",
    "field.DataStore.data": "les types de données conservées : structured, documents, media, geographic (par "
    "défaut, déduits de kind)",
    "field.DataStore.provider": "l'identifiant du fournisseur qui l'héberge",
    "field.DataStore.application": "l'application à laquelle ce stockage appartient, le cas échéant : ses données vivent dans cette application",
    "field.DataStore.exported_to": "les espaces de données qui en reçoivent une copie",
    "field.DataStore.classification": "public, internal, confidential ou secret",
    "field.DataStore.encryption": "comment les données sont chiffrées",
    "field.DataStore.encryption.at_rest": "chiffrées au repos",
    "field.DataStore.encryption.customer_managed_keys": "chiffrées avec une clef que l'entreprise détient (DAT003)",
    "field.DataStore.availability": "disponibilité de ce stockage seul, en pourcentage",
    "field.DataStore.waivers": "dérogations aux règles qui se déclenchent pour ce stockage de données",
    "field.Application.name": "nom affiché",
    "field.Application.description": "texte libre",
    "field.Application.usage": "business (B, cœur de métier) ou support (S) dans le modèle B-I-S",
    "field.Application.criticality": "la criticité pour le métier : critical, high, medium ou low (le plan et "
    "les scores en tiennent compte ; aucune règle ne la lit)",
    "field.Application.category": "texte libre ; office, documents, messaging, collaboration et intranet sont des catégories de contenu (règles COL, CST001)",
    "field.Application.owner": "l'équipe ou la personne qui en répond",
    "field.Application.lifecycle": "la version utilisée et sa fin de support (CLD007) ; un simple texte est une étape de cycle de vie Backstage",
    "field.Application.lifecycle.version": "la version utilisée",
    "field.Application.lifecycle.end_of_support": "AAAA-MM-JJ : le jour où l'éditeur cesse de maintenir cette version",
    "field.Application.lifecycle.stage": "une étape de cycle de vie Backstage, par exemple production",
    "field.Application.system": "le système auquel elle appartient (regroupement, comme le System de Backstage)",
    "field.Application.domain": "le domaine métier auquel elle appartient (regroupement, comme le Domain de Backstage)",
    "field.Application.delivery": "saas, paas, serverless, iaas, on-premise (sur site) ou desktop (poste de travail) : comment elle est exploitée",
    "field.Application.provider": "l'identifiant du fournisseur qui l'exploite",
    "field.Application.built": "in-house (en interne) ou vendor (éditeur) : qui la développe",
    "field.Application.tenancy": "pour le SaaS : multi (une instance partagée par tous les clients) ou single (une par client)",
    "field.Application.updates": "vendor ou customer : qui installe les nouvelles versions",
    "field.Application.platform": "web, mobile, desktop, spreadsheet (tableur), mainframe ou other",
    "field.Application.access": "comment on y accède",
    "field.Application.interactive": "false pour une application que personne n'utilise directement (EDI, "
    "traitement par lots, échange entre machines) : ACC001 à ACC006 ne s'y "
    "appliquent pas ; true par défaut",
    "field.Application.access.browser": "utilisable depuis un navigateur web standard",
    "field.Application.access.devices": "les familles d'objets d'accès depuis lesquelles on l'utilise ; sans cette liste, un navigateur sans rien à installer vaut pour toutes les familles",
    "field.Application.access.installed_clients": "logiciels à installer pour l'utiliser",
    "field.Application.access.offline": "none, sync (travail hors connexion synchronisé avec la version unique) ou local (copies locales seulement)",
    "field.Application.access.network": "internet (accessible où que l'on soit), vpn (seulement par un VPN) ou corporate (seulement sur le réseau de l'entreprise)",
    "field.Application.collaboration": "comment les contenus sont partagés",
    "field.Application.collaboration.native": "partage et coédition intégrés",
    "field.Application.collaboration.default_sharing": "shared ou private : comment un nouveau document est partagé",
    "field.Application.collaboration.single_version": "une seule version de chaque contenu, pour tous, à tout instant",
    "field.Application.exchange_formats": "les formats d'échange de documents avec l'extérieur, par exemple pdf, csv",
    "field.Application.audience": "internal et/ou external : qui l'utilise",
    "field.Application.users": "nombre d'utilisateurs",
    "field.Application.availability": "ce qu'elle promet à ses utilisateurs, et son propre chiffre",
    "field.Application.availability.target": "la disponibilité promise, en pourcentage (AVL002 la vérifie de bout en bout)",
    "field.Application.availability.own": "l'application seule, sans ses dépendances, en pourcentage ; 100 par défaut",
    "field.Application.cost": "ce qu'elle coûte par utilisateur et par mois (CST001)",
    "field.Application.data": "identifiants des stockages de données qu'elle lit ou écrit",
    "field.Application.depends_on": "identifiants des composants nécessaires à son fonctionnement ; {{any_of: [identifiants]}} est un groupe redondant",
    "field.Application.waivers": "dérogations aux règles qui se déclenchent pour cette application",
    "field.Application.product": "un produit du catalogue (`si-lint products`) : il fournit les faits que l'application n'indique pas",
    "field.Integration.from": "l'identifiant de l'application d'où part l'échange",
    "field.Integration.to": "l'identifiant de l'application où arrive l'échange",
    "field.Integration.via": "l'identifiant d'une plateforme d'intégration, ou point-to-point (point à point), "
    "file-transfer (transfert de fichiers), shared-database (base de données partagée)",
    "field.Integration.data": "ce qui circule",
    "field.Integration.description": "texte libre",
    "field.Integration.waivers": "dérogations, par exemple pour un transfert de fichiers autorisé (INT001)",
    "field.Cost.per_user_month": "par utilisateur et par mois",
    "field.Cost.currency": "code ISO 4217 ; EUR par défaut",
    # --- words shared by the reports ------------------------------------------------------
    "severity.error": "erreur",
    "severity.warning": "avertissement",
    "severity.info": "info",
    "word.na": "s.o.",
    "check.people.one": "{n} personne",
    "check.people.other": "{n} personnes",
    "check.version": "la version {version}",
    "check.a_version": "la version (non indiquée)",
    "report.checks_count.one": "{n} contrôle",
    "report.checks_count.other": "{n} contrôles",
    "cli.error": "erreur : {message}",
    "explain.seeds": "{file}, {section}",
    "md.rule_heading": "{code} {name} : {title}",
    "html.tooltip": "{label} : {checks}",
    "html.more.one": "Afficher {n} application de plus",
    "html.more.other": "Afficher {n} applications de plus",
    "word.quoted": "« {value} »",
    "report.unread": "Constats EST : {n} ; le patrimoine n'a pas été lu en entier, et ce qu'ils concernent "
    "n'entre pas dans le score.",
    "report.checks": "{checks} : réussis {passed}, en échec {failed}, sous dérogation {waived}",
    "family.ACC": "Accès depuis tout objet d'accès",
    "family.CLD": "Cloud public et SaaS",
    "family.COL": "Collaboration",
    "family.DAT": "Indépendance des données",
    "family.AVL": "Disponibilité",
    "family.INT": "Intégration",
    "family.CST": "Coûts",
    "family.GOV": "Gouvernance",
    "report.problems.one": "{n} constat",
    "report.problems.other": "{n} constats",
    "report.files.one": "dans {n} fichier",
    "report.files.other": "dans {n} fichiers",
    "report.errors.one": "{n} erreur",
    "report.errors.other": "{n} erreurs",
    "report.warnings.one": "{n} avertissement",
    "report.warnings.other": "{n} avertissements",
    "report.infos.one": "{n} info",
    "report.infos.other": "{n} infos",
    "report.waived.one": "{n} couvert par une dérogation",
    "report.waived.other": "{n} couverts par une dérogation",
    "report.unchecked": "Éléments non vérifiés au regard des principes, car le format les refuse (corriger "
    "d'abord leurs constats EST003) : {entities}.",
    "report.found": "{problems} ({counts}) {files}",
    "report.clean": "Aucun constat {files}",
    "report.and_waived": "{summary} ; {waived}",
    "severity.waived.error": "erreur sous dérogation",
    "severity.waived.warning": "avertissement sous dérogation",
    "severity.waived.info": "info sous dérogation",
    # --- text, table and markdown reports ------------------------------------------------
    "table.file": "fichier",
    "table.line": "ligne",
    "table.col": "col",
    "table.code": "code",
    "table.severity": "gravité",
    "table.entity": "élément",
    "table.message": "message",
    "md.title": "Rapport si-lint",
    "md.location": "Emplacement",
    "md.rule": "Règle",
    "md.severity": "Gravité",
    "md.entity": "Élément",
    "md.message": "Message",
    "md.rules": "Pourquoi ces règles",
    "md.fix": "Que faire :",
    "md.waived": "Constats couverts par une dérogation (exceptions acceptées)",
    # --- html report ----------------------------------------------------------------------
    "html.why": "Pourquoi c'est important",
    "html.completeness": "complétude {share} : {stated} des {read} faits lus par les règles sont indiqués",
    "html.meta": "{label} : {{value}}",
    "html.title": "Rapport du patrimoine applicatif",
    "html.generated": "si-lint {version} · {today}",
    "html.estate_score": "Score du patrimoine",
    "html.passed": "réussis",
    "html.waived": "sous dérogation (acceptés)",
    "html.applications": "Applications",
    "html.apps.one": "{n} application",
    "html.apps.other": "{n} applications",
    "html.application": "Application",
    "html.score": "Score",
    "html.findings": "Constats",
    "html.n_apps": "{n} applications",
    "html.n_findings": "{n} constats",
    "html.by_category": "Score par catégorie",
    "html.heatmap": "Applications par catégorie",
    "html.heatmap_help": "Chaque case montre le constat le plus grave de l'application dans la catégorie.",
    "html.search": "Rechercher par identifiant ou nom",
    "html.all_categories": "Toutes les catégories",
    "html.all_severities": "Toutes les gravités",
    "html.with_findings_in": "avec des constats en {c}",
    "html.with_severity": "avec des constats de gravité {s}",
    "html.sort": "Tri",
    "html.sort_score": "Score le plus bas d'abord",
    "html.sort_id": "Identifiant (A à Z)",
    "html.sort_findings": "Plus grand nombre de constats d'abord",
    "html.shown": "affichées",
    "html.owner": "responsable",
    "html.usage": "usage",
    "html.category": "catégorie",
    "html.defined_at": "définie à",
    "html.no_findings": "Aucun constat.",
    "html.waived_findings": "Constats sous dérogation (acceptés, mais non conformes)",
    "html.waivers": "Dérogations",
    "html.reason": "motif",
    "html.approved_by": "approuvée par",
    "html.expires_in": "expire le {date}, dans {n} jours",
    "html.expires_today": "expire aujourd'hui ({date})",
    "html.expired": "expirée le {date}, il y a {n} jours",
    "html.bad_date": "expire le {date}",
    "html.availability": "Disponibilité de bout en bout",
    "html.target": "objectif",
    "html.below_target": "en deçà de l'objectif",
    "html.no_figure": "sans chiffre",
    "html.counted_100": "aucun chiffre pour {ids} (pris pour 100 %)",
    "html.own": "propre",
    "html.any_of": "au choix",
    "html.invalid": "Non évaluée : le schéma refuse cette entrée (voir les constats EST).",
    "html.shared": "Ensemble du patrimoine et composants partagés",
    "html.shared_help": "Constats sur les fournisseurs, l'infrastructure, les stockages de données qui n'appartiennent à aucune application, et sur le patrimoine entier.",
    "html.top_rules": "Règles les plus enfreintes",
    "html.rule": "Règle",
    "html.count": "Constats",
    "html.expiring": "Dérogations expirant dans les {n} jours",
    "html.entity": "Élément",
    "html.expires": "Expiration",
    "html.days_left": "Jours restants",
    "html.none": "Aucune.",
    "html.passed_cell": "réussi",
    "html.waived_cell": "sous dérogation",
    "html.legend": "Légende",
    "html.noscript": "Les fiches des applications sont affichées par le script de la page : autoriser les "
    "scripts pour les voir.",
    # --- check --statistics ----------------------------------------------------------------
    "stats.count": "nombre",
    "stats.waived": "sous dérogation",
    "stats.code": "code",
    "stats.severity": "gravité",
    "stats.name": "nom",
    "stats.none": "Aucun constat.",
    "stats.scores": "Scores (part des contrôles applicables réussis ; pondération : {weights}, et impact, voir docs/scoring.md) :",
    "stats.completeness": "Complétude : {share} des faits lus par les règles sont indiqués ({stated} sur "
    "{read}) ; les constats sur les autres disent « n'est pas indiqué ».",
    "stats.estate": "patrimoine",
    "stats.unweighted": "sans pondération d'impact",
    "stats.waived_share": " ; sous dérogation {share}",
    # --- explain and docs/rules.md ---------------------------------------------------------
    "explain.checks": "Ce qui est vérifié :",
    "explain.why": "Pourquoi c'est important :",
    "explain.instead": "Que faire à la place :",
    "explain.bad": "Exemple non conforme :",
    "explain.good": "Exemple conforme :",
    "explain.source": "Source : {source}",
    "explain.principle": "principe : {principle}",
    "explain.message": "Message : {message}",
    "explain.severity": "gravité : {severity}",
    "explain.scope": "s'applique à : {scope}",
    "explain.family": "famille : {family}",
    "explain.origin": "Principe : {principle} ; source : {source}",
    "explain.preview": "Règle en préversion : elle s'applique avec --preview (ou `preview: true` dans la configuration), ou quand on la sélectionne par son code exact (--select {code}).",
    "explain.preview_tag": "préversion",
    "scope.providers": "fournisseurs",
    "scope.infrastructure": "infrastructure",
    "scope.data_stores": "stockages de données",
    "scope.applications": "applications",
    "scope.integrations": "échanges",
    "scope.estate": "le patrimoine dans son ensemble",
    "scope.waivers": "dérogations",
    "scope.file": "les fichiers du patrimoine",
    "explain.title": "Le catalogue des règles de si-lint",
    "explain.intro": "Généré depuis les fichiers de règles de `rules/` par `python -m si_lint.cli.explain` ; ne pas modifier à la main. `si-lint explain CODE` affiche le même texte.",
    # --- plan (si-lint plan, « Par quoi commencer » du rapport html) --------------------
    "plan.est": "Corriger {file} pour que tout le patrimoine soit lu",
    "plan.fix": "« {id} » : corriger {code} ({title})",
    "plan.fix_estate": "Corriger {code} ({title})",
    "plan.move": "« {id} » : migrer vers {target}{how}",
    "plan.rebuild": "« {id} » : refaire l'application tableur en application web sur {target}{how}",
    "plan.to.saas": "une offre SaaS véritable, multitenant",
    "plan.to.paas": "du PaaS ou du serverless dans un cloud public",
    "plan.to.saas_or_paas": "une offre SaaS véritable, multitenant, ou du PaaS dans un cloud public",
    "plan.how.browser": ", utilisable dans un navigateur depuis tout objet d'accès",
    "plan.updates": "« {id} » : confier les mises à jour à l'éditeur",
    "plan.move_component": "« {id} » : le déplacer dans un cloud public",
    "plan.move_component_keys": "« {id} » : le déplacer dans un cloud public, chiffré avec une clef gérée par "
    "l'entreprise",
    "plan.access": "« {id} » : la rendre utilisable dans un navigateur depuis tout objet d'accès, sans rien installer",
    "plan.offline": "« {id} » : permettre le travail hors connexion sur des copies synchronisées, et non sur des "
    "copies locales",
    "plan.collaboration": "« {id} » : la rendre nativement collaborative, avec partage par défaut et une seule "
    "version de chaque contenu",
    "plan.formats": "« {id} » : échanger les documents dans des formats ouverts comme le PDF",
    "plan.spreadsheet": "« {id} » : remplacer l'application tableur par une application web",
    "plan.percent": "{value} %",
    "plan.raise": "« {id} » : porter la disponibilité à {target} (aujourd'hui {now})",
    "plan.state_figure": "« {id} » : indiquer sa disponibilité (au moins {target})",
    "plan.state_facts": "« {id} » : indiquer les faits manquants ({fields}) ; ses constats ne reposent que sur eux",
    "plan.state_facts_estate": "Indiquer les faits qui manquent au patrimoine ({fields}) ; ses constats ne reposent que sur eux",
    "plan.availability": "« {id} » : amener la disponibilité de bout en bout ({now}) au niveau de l'objectif ({target})",
    "plan.same_service": "« {id} » : promettre aux utilisateurs internes les {floor} promis aux utilisateurs "
    "externes (aujourd'hui {target})",
    "plan.target": "« {id} » : lui donner un objectif de disponibilité d'au moins {floor}",
    "plan.target_free": "« {id} » : lui donner un objectif de disponibilité",
    "plan.expired_waivers.one": "la dérogation expirée",
    "plan.expired_waivers.other": "les {n} dérogations expirées",
    "plan.unused_waivers.one": "la dérogation qui ne couvre plus rien",
    "plan.unused_waivers.other": "les {n} dérogations qui ne couvrent plus rien",
    "plan.waivers": "« {id} » : retirer {waivers}",
    "plan.waivers_estate": "Retirer du patrimoine {waivers}",
    "plan.kind.structured": "les données structurées",
    "plan.kind.documents": "les documents",
    "plan.kind.media": "le multimédia",
    "plan.kind.geographic": "les données géographiques",
    "plan.data_space": "Créer un espace de données indépendant pour {kinds}",
    "plan.data_space_copy": "Créer un espace de données indépendant pour {kinds}, et y copier {stores}",
    "plan.export": "« {id} » : copier ses données dans un espace de données indépendant",
    "plan.keys": "« {id} » : le chiffrer avec une clef gérée par l'entreprise",
    "plan.platform": "Mettre en place une plateforme d'intégration et y faire passer les échanges {flows}",
    "plan.route": "« {id} » : faire passer l'échange par une plateforme d'intégration",
    "plan.foreign_data": "« {id} » : cesser d'utiliser {stores}, stockage d'une autre application ; passer par "
    "une plateforme d'intégration ou un espace de données",
    "plan.iaas": "Acheter l'IaaS auprès de {limit} clouds publics au plus (aujourd'hui : {providers})",
    "plan.office_cost": "Ramener le budget de la bureautique à {ceiling} au plus par utilisateur et par mois",
    "plan.classify": "« {id} » : la classer en usage cœur métier (B) ou support (S)",
    "plan.owner": "« {id} » : nommer son responsable",
    "plan.title": "Plan d'action",
    "plan.actions.one": "{n} action",
    "plan.actions.other": "{n} actions",
    "plan.findings.one": "{n} constat",
    "plan.findings.other": "{n} constats",
    "plan.heading": "{actions} pour {findings}.",
    "plan.scores": "Score du patrimoine : {today} aujourd'hui, {done} une fois toutes les actions faites.",
    "plan.first.one": "La première action (avec ses prérequis) porte le score du patrimoine à {score}.",
    "plan.first.other": "Les {n} premières actions (avec leurs prérequis) portent le score du patrimoine à {score}.",
    "plan.shown.one": "La première action sur {total} ; `si-lint plan` les donne toutes.",
    "plan.shown.other": "Les {n} premières actions sur {total} ; `si-lint plan` les donne toutes.",
    "plan.nothing": "Rien à faire : aucun constat à traiter.",
    "plan.gain.one": "{gain} point",
    "plan.gain.other": "{gain} points",
    "plan.gain.small": "moins de +0,1 point",
    "plan.owner_is": "responsable : {owner}",
    "plan.applications_are": "applications : {applications}",
    "plan.needs": "prérequis : {actions}",
    "plan.col.rank": "rang",
    "plan.col.id": "identifiant",
    "plan.col.action": "action",
    "plan.col.gain": "gain",
    "plan.col.score": "score après",
    "plan.col.severity": "gravité",
    "plan.col.owner": "responsable",
    "plan.col.applications": "applications",
    "plan.col.findings": "constats",
    "plan.col.codes": "codes",
    "plan.col.needs": "prérequis",
    # --- historique (si-lint history, la tendance du rapport html) -----------------------------
    "history.no_git": "git n'est pas installé : si-lint history lit l'historique du patrimoine dans git",
    "history.not_a_repository": "{path} : pas dans un dépôt git ; si-lint history lit l'historique du "
    "patrimoine dans git",
    "history.missing_blob": "{path} : git n'a pas le contenu de ce fichier (un clone partiel qui ne peut pas le "
    "récupérer) : lancez `git fetch` avec le dépôt distant accessible, ou lancez "
    "si-lint history dans un clone complet",
    "history.git_failed": "échec de {command} : {problem}",
    "history.outside": "{path} : hors du dépôt git {top}",
    "history.title": "Évolution du score du patrimoine",
    "history.summary.one": "{n} commit a modifié le patrimoine.",
    "history.summary.other": "{n} commits ont modifié le patrimoine.",
    "history.moved": "Score du patrimoine : {first} au premier commit, {last} au dernier.",
    "history.none": "Aucun commit n'a modifié le patrimoine dans cet intervalle.",
    "history.col.date": "date",
    "history.col.commit": "commit",
    "history.col.author": "auteur",
    "history.col.score": "score",
    "history.col.completeness": "complétude",
    "history.col.files": "fichiers",
    "history.col.errors": "erreurs",
    "history.col.warnings": "avertissements",
    "history.col.infos": "infos",
    "history.col.waived": "sous dérogation",
    "history.col.subject": "objet",
    "history.not_json": "pas du JSON ({problem}) ; donner un fichier écrit par `si-lint history --format json`",
    "history.not_a_history": "pas un historique de si-lint : {problem}",
    "history.html_only": "--history trace la tendance dans le rapport html : l'employer avec --format html",
    # --- rapport html : par quoi commencer, évolution du score -------------------------------
    "html.plan": "Par quoi commencer",
    "html.plan_help": "Les actions qui rapportent le plus (si-lint plan les donne toutes) : chacune lève les "
    "constats indiqués, et son gain est la hausse du score du patrimoine une fois ces "
    "contrôles réussis.",
    "html.plan_first": "Ces {n} actions (avec leurs prérequis) portent le score du patrimoine de {today} à "
    "{score} ; l'ensemble des {total} actions le porte à {done}.",
    "html.plan_needs": "prérequis : #{ranks}",
    "html.trend": "Évolution du score",
    "html.trend_help": "Le score du patrimoine à chaque commit qui l'a modifié (si-lint history), les "
    "dérogations étant évaluées à la date de chaque commit.",
    "html.trend_point": "{commit} · {date} · {author} · {score}",
    "html.trend_score": "score du patrimoine",
    "html.trend_completeness": "complétude",
    "html.verdict.error": "Non conforme : des erreurs restent ouvertes.",
    "html.verdict.warning": "Aucune erreur ouverte ; des avertissements restent à traiter.",
    "html.verdict.info": "Aucune erreur ni aucun avertissement ouvert.",
    "html.verdict.none": "Aucun constat ouvert.",
    "html.compliant": "Applications conformes : {n} sur {total} ({share}).",
    "html.compliant_help": "Une application est conforme quand il ne reste aucune erreur ni aucun avertissement "
    "ouvert sur elle, sur ses stockages de données ou sur ses échanges.",
    "html.score_is": "Part des contrôles réussis, pondérée par la gravité et par le poids des applications pour le métier.",
    "html.passed_held": "réussis, dans une famille où subsistent des erreurs ou des avertissements",
    "html.failed_error": "en échec (erreur)",
    "html.failed_warning": "en échec (avertissement)",
    "html.failed_info": "en échec (info)",
    "html.own_figure": "sa disponibilité propre",
    "html.origin": "Cité d'après l'école française du système d'information moderne dont s'inspirent les "
    "règles : {source}",
    "html.col_reason": "Motif",
    "html.col_approved_by": "Approuvée par",
    "html.not_stated": "non indiqué",
    "html.col_commit": "Commit",
    "html.col_date": "Date",
    "html.col_subject": "Objet",
    "html.col_author": "Auteur",
    "html.col_errors": "Erreurs",
    # --- diff --------------------------------------------------------------------------------
    "diff.heading": "{kind} ({n}) :",
    "diff.heading_md": "{kind} ({n})",
    "diff.not_json": "pas du JSON ({problem}) ; donner un rapport écrit par `si-lint --format json`",
    "diff.not_a_report": "pas un rapport JSON de si-lint : {problem}",
    "diff.at": "{where} : {problem}",
    "diff.score_line": "Score du patrimoine : {before} -> {after} ({change})",
    "diff.title": "si-lint : évolution du patrimoine",
    "diff.score": "Score du patrimoine",
    "diff.category": "catégorie",
    "diff.before": "avant",
    "diff.after": "après",
    "diff.change": "écart",
    "diff.no_scores": "Scores : absents de l'un des rapports (produire les deux rapports avec une version de "
    "si-lint qui écrit `summary.scores`).",
    "diff.fixed": "Corrigés",
    "diff.new": "Nouveaux",
    "diff.now_waived": "Désormais sous dérogation, acceptés mais non corrigés",
    "diff.reopened": "De nouveau signalés, leur dérogation ayant pris fin",
    "diff.unchanged": "{n} constats inchangés.",
    "diff.nothing": "Aucun constat corrigé, aucun nouveau.",
    # --- rapport csv ---------------------------------------------------------------------------
    "csv.code": "code",
    "csv.severity": "gravité",
    "csv.entity": "élément",
    "csv.section": "section",
    "csv.file": "fichier",
    "csv.line": "ligne",
    "csv.column": "colonne",
    "csv.message": "message",
    "csv.waived": "dérogation",
    "csv.unstated": "non indiqué",
    "csv.yes": "oui",
    "csv.no": "non",
    "csv.delimiter_without_csv": "--csv-delimiter va avec --format csv",
    # --- import ------------------------------------------------------------------------------
    "import.expected": "attendu : {what}",
    "import.expect.one_of": "l'une des valeurs {options}",
    "import.expect.boolean": "oui ou non (ou encore true/false, yes/no, x)",
    "import.expect.range": "{word} de {low} à {high}",
    "import.expect.at_least": "{word} d'au moins {low}",
    "import.expect.pattern": "un texte de la forme {pattern}",
    # communs aux deux imports
    "import.line.error": "{place} : erreur : {message}",
    "import.line.note": "{place} : remarque : {message}",
    "import.not_a_value": "« {value} » n'est pas une valeur de `{field}` ; {problem}",
    "import.quoted": "« {value} »",
    "import.did_you_mean": "vouliez-vous dire {close} ?",
    "import.did_you_mean_code": "vouliez-vous dire `{close}` ?",
    "import.did_you_mean_column": "vouliez-vous dire « {close} » ?",
    "import.header": "Importé par si-lint depuis {origin} : ce que la source ne dit pas est laissé de côté, "
    "et `si-lint` le signale",
    "import.not_empty_folder": "{path} : n'est pas un dossier vide ; indiquer un dossier nouveau ou vide pour le "
    "patrimoine importé",
    "import.suggest_with_mapping": "--suggest-mapping écrit une table de correspondance : ne pas donner "
    "--mapping avec cette option",
    "import.need_mapping": "indiquer la table de correspondance avec --mapping MAP.yaml, ou en écrire une pour "
    "commencer avec `si-lint import csv --suggest-mapping INVENTAIRE.csv`",
    "import.done": "si-lint : import terminé, {made} depuis {records}{skipped}{where} ; {verdict}",
    "import.made.applications.one": "{n} application",
    "import.made.applications.other": "{n} applications",
    "import.made.data_stores.one": "{n} stockage de données",
    "import.made.data_stores.other": "{n} stockages de données",
    "import.made.infrastructure.one": "{n} composant d'infrastructure",
    "import.made.infrastructure.other": "{n} composants d'infrastructure",
    "import.made.nothing": "aucun élément",
    "import.rows.one": "{n} ligne",
    "import.rows.other": "{n} lignes",
    "import.catalog_entities.one": "{n} entité du catalogue",
    "import.catalog_entities.other": "{n} entités du catalogue",
    "import.skipped.one": " (dont {n} écartée)",
    "import.skipped.other": " (dont {n} écartées)",
    "import.into_file": ", dans {path}",
    "import.into_folder": ", dans {files} sous {path}",
    "import.files.one": "{n} fichier",
    "import.files.other": "{n} fichiers",
    "import.problems_above.one": "{n} problème signalé ci-dessus",
    "import.problems_above.other": "{n} problèmes signalés ci-dessus",
    "import.nothing_left_out": "rien n'a été laissé de côté",
    # tableurs : lecture du fichier
    "import.place.cell": "{file} : ligne {row}, colonne {column}{header}",
    "import.place.header": " « {name} »",
    "import.place.row": "{file} : ligne {row}",
    "import.place.sheet": "{file}, feuille « {sheet} »",
    "import.source.row": "{file} ligne {row}",
    "import.csv.unreadable": "illisible en CSV ({reason}) ; un guillemet n'est sans doute pas fermé : corriger "
    "le fichier ou l'exporter de nouveau",
    "import.csv.no_header": "{path} : aucune ligne d'en-tête (le fichier ne contient aucun texte) ; exporter "
    "l'inventaire avec son en-tête",
    "import.csv.guessed_encoding": "pas en UTF-8 : lu en {encoding} ; indiquer --encoding si les lettres "
    "accentuées s'affichent mal",
    "import.csv.unknown_encoding": "encodage inconnu {name} : essayer utf-8, cp1252 ou latin-1",
    "import.csv.not_text_encoding": "{name} n'est pas un encodage de texte (il transforme des octets en "
    "octets) : essayer utf-8, cp1252 ou latin-1",
    "import.csv.not_in_encoding": "{path} : illisible en {encoding} ; indiquer l'encodage du fichier avec "
    "--encoding (cp1252 pour la plupart des exports Windows en français)",
    "import.csv.bad_byte": "l'octet 0x{byte} n'est pas du {encoding} : indiquer l'encodage du fichier avec "
    "--encoding (cp1252 pour la plupart des exports Windows en français)",
    "import.csv.old_excel": "{path} : un classeur Excel 97-2003 (.xls) ; l'enregistrer en .xlsx ou en CSV depuis "
    "le tableur, puis importer ce fichier",
    "import.csv.binary": "{path} : un fichier binaire, ni texte CSV ni classeur (.xlsx, .ods) ; exporter "
    "l'inventaire en CSV ou en .xlsx",
    "import.csv.sheet_option": "--sheet choisit une feuille d'un classeur (.xlsx, .ods) ; {path} est du texte CSV",
    "import.workbook.csv_options": "--encoding et --delimiter ne valent que pour du texte CSV ; {path} est un classeur",
    "import.workbook.unreadable": "{path} : illisible comme classeur ({reason}) ; l'ouvrir dans le tableur et "
    "l'enregistrer de nouveau en .xlsx ou .ods",
    "import.workbook.too_big": "{path} : plus de {limit} Mo une fois décompressé ; si-lint lit des inventaires, "
    "pas des archives",
    "import.workbook.too_many_references": "{path} : une feuille nomme plus de {limit} cellules et lignes ; "
    "supprimer ce qui dépasse l'inventaire et enregistrer de nouveau",
    "import.workbook.too_many_cells": "{path} : une feuille va jusqu'à la ligne {rows} et la colonne {columns}, "
    "soit plus de {limit} cellules à lire ; supprimer ce qui dépasse "
    "l'inventaire et enregistrer de nouveau",
    "import.workbook.no_sheets": "{path} : le classeur n'a aucune feuille",
    "import.workbook.no_such_sheet": "--sheet {sheet} : aucune feuille de ce nom dans {path}{hint} ; ses feuilles : "
    "{sheets}",
    "import.workbook.first_sheet": "lecture de la feuille « {sheet} », la première sur {n} ; indiquer --sheet "
    "pour en lire une autre ({sheets})",
    # tableurs : la table de correspondance
    "import.mapping.bad": "table de correspondance invalide :",
    "import.mapping.not_a_mapping": "une table de correspondance est un dictionnaire YAML avec une entrée "
    "`columns:` ; `si-lint import csv --suggest-mapping INVENTAIRE.csv` en écrit une "
    "pour commencer",
    "import.mapping.unknown_key": "clé inconnue `{key}` : {hint}",
    "import.mapping.the_keys": "les clés sont {keys}",
    "import.mapping.no_columns": "aucune entrée `columns:` : indiquer quelle colonne alimente quel champ",
    "import.mapping.expected_text": "un texte est attendu : {what}",
    "import.mapping.what.id": "`id` désigne la colonne d'où viennent les identifiants",
    "import.mapping.what.split": '`split` est le texte entre les éléments d\'une liste, par exemple ";"',
    "import.mapping.what.field": "un nom de champ comme delivery ou access.browser",
    "import.mapping.what.dependency": "le nom ou l'identifiant d'une application",
    "import.mapping.what.column_name": "un nom de colonne",
    "import.mapping.field_twice": "le champ `{field}` est déjà alimenté par la colonne « {column} » : une colonne "
    "par champ",
    "import.mapping.mapped_and_ignored": "la colonne « {column} » est à la fois reprise et ignorée : choisir "
    "l'un ou l'autre",
    "import.mapping.no_name": "aucune colonne n'alimente `name` et aucune colonne `id:` n'est donnée : les "
    "identifiants viennent de l'une d'elles",
    "import.mapping.columns_shape": "`columns` associe chaque nom de colonne à un champ, par exemple "
    "`Hébergement: delivery`",
    "import.mapping.column_shape": "colonne « {column} » : donner un nom de champ, ou un dictionnaire avec "
    "field, values et split",
    "import.mapping.column_unknown_key": "clé inconnue `{key}` pour la colonne « {column} » : les clés sont {keys}",
    "import.mapping.no_field": "colonne « {column} » : pas de `field:` (le champ du patrimoine qu'elle alimente)",
    "import.mapping.empty_split": "`split` ne peut pas être vide",
    "import.mapping.split_one_value": "`split` vaut pour les champs de type liste ; `{field}` contient une seule "
    "valeur",
    "import.mapping.not_a_field": "`{field}` n'est pas un champ qu'une colonne peut alimenter : {hint}",
    "import.mapping.see_fields": "docs/import.md énumère les champs qu'une colonne peut alimenter",
    "import.mapping.by_hand": "les dérogations sont des décisions, pas des faits d'un inventaire : les ajouter à "
    "la main après l'import",
    "import.mapping.values_shape": "colonne « {column} » : `values` associe ce que disent les cellules aux valeurs "
    "du champ",
    "import.mapping.one_value": "`{field}` contient une seule valeur, pas une liste",
    "import.mapping.ignore_shape": "`ignore` énumère les colonnes dont les cellules ne sont volontairement pas "
    "importées",
    "import.bind.heading": "la table de correspondance ne correspond pas à l'inventaire :",
    "import.bind.twice": "la colonne « {column} » apparaît {n} fois dans {file} (colonnes {letters}) : en "
    "renommer une dans l'en-tête",
    "import.bind.missing": "aucune colonne « {column} » dans {file} : {hint}",
    "import.bind.header_has_more": "l'en-tête contient : {names} et {n} autres",
    "import.bind.header_has": "l'en-tête contient : {names}",
    # tableurs : lignes et cellules
    "import.csv.empty_row": "la ligne {row} est vide : écartée",
    "import.csv.empty_rows": "les lignes {first} à {last} sont vides : écartées",
    "import.csv.unmapped_column": "la table de correspondance ne mentionne pas cette colonne : {cells} ; la "
    "reprendre sous `columns:` ou la mettre sous `ignore:`",
    "import.csv.no_header_column": "cette colonne n'a pas d'en-tête : {cells} ; lui donner un en-tête et la reprendre",
    "import.csv.lost_cells.one": "sa cellule non vide n'est pas importée",
    "import.csv.lost_cells.other": "ses {n} cellules non vides ne sont pas importées",
    "import.workbook.tag_too_long": "une balise XML de plus de {limit} Ko",
    "import.workbook.not_zip": "pas une archive ZIP",
    "import.csv.beyond": "« {text} » est au-delà de la dernière colonne nommée : non importé ; donner un en-tête "
    "à la colonne et la reprendre",
    "import.csv.no_id.empty": "la colonne des identifiants est vide : ligne écartée, aucune de ses cellules n'est "
    "importée",
    "import.csv.no_id.no_letter": "la colonne des identifiants (« {text} ») ne contient ni lettre ni chiffre pour "
    "en faire un identifiant : ligne écartée, aucune de ses cellules n'est importée",
    "import.csv.id_taken": "« {text} » donne l'identifiant « {base} », déjà pris par la ligne {row} : cette "
    "ligne reçoit « {id} » ; fusionner les deux lignes si elles décrivent la même "
    "application",
    "import.csv.bad_cell": "{problem}{known} ; l'ajouter sous `values:` de la colonne « {column} » ({place}), ou "
    "corriger la cellule",
    "import.csv.mapping_knows": " (la table de correspondance connaît {values})",
    "import.csv.ambiguous_dependency": "« {item} » désigne {n} applications ({ids}) : écrire plutôt "
    "l'identifiant ; laissé hors de depends_on",
    "import.csv.unknown_dependency": "« {item} » n'est ni le nom ni l'identifiant d'une application de cet "
    "inventaire ; laissé hors de depends_on",
    "import.csv.iaas_without_provider": "« {text} » devient `delivery` iaas, sans fournisseur : CLD001 ne peut "
    "distinguer un cloud public d'une colocation ou d'un centre de données "
    "privé ; {what}",
    "import.csv.map_provider": "associer à `provider` la colonne qui nomme l'hébergeur dans la table de "
    "correspondance (ses cellules nomment des fournisseurs), ou ajouter `provider` à la "
    "main",
    "import.csv.fill_provider": "remplir sa cellule `provider`",
    "import.csv.undefined.providers": "le fournisseur « {id} » (d'après « {text} ») n'est pas défini par cet "
    "inventaire : l'ajouter sous `providers:` avec son type, faute de quoi si-lint "
    "le signale (EST004)",
    "import.csv.undefined.data_stores": "le stockage de données « {id} » (d'après « {text} ») n'est pas "
    "défini par cet inventaire : l'ajouter sous `data_stores:` avec sa "
    "nature (kind), faute de quoi si-lint le signale (EST004)",
    "import.csv.unknown_product": "le produit « {id} » (d'après « {text} ») n'est pas dans le catalogue de "
    "produits intégré (`si-lint products` le liste) : si-lint le signale "
    "(EST004), sauf si le dossier --products-dir le définit",
    "import.suggest.head": "Table de correspondance pour {file}, proposée par `si-lint import csv "
    "--suggest-mapping`.\nÀ vérifier, proposition par proposition : `field` est le champ "
    "du patrimoine qu'une\ncolonne alimente, `values` traduit ce que disent les cellules "
    "(une valeur associée à ~\nne dit rien et est laissée de côté). Les lignes qui "
    "commencent par # sont des valeurs\nque la lecture par défaut ne comprend pas : les "
    "associer, sinon l'import les signale.",
    "import.suggest.ignored": "Colonnes sans champ évident : les associer ci-dessus, ou les laisser ignorées.",
    # catalogues Backstage
    "import.backstage.origin": "le catalogue Backstage {path}",
    "import.backstage.origin_more": "le catalogue Backstage {path} et {n} autres chemins",
    "import.backstage.not_read": "{problem} ; ses entités ne sont pas importées",
    "import.backstage.invalid_yaml": "YAML invalide : {problem} ; la suite du fichier n'est pas lue",
    "import.backstage.not_an_entity": "pas une entité Backstage (pas d'apiVersion backstage.io/...) : écarté",
    "import.backstage.no_kind_or_name": "une entité Backstage sans {what} : écartée ; lui en donner un",
    "import.backstage.already_defined": "{ref} est déjà définie à {place} : celle-ci est écartée",
    "import.backstage.bad_target": "une cible de Location est un chemin de fichier ou une URL : écartée",
    "import.backstage.remote": "la cible {target} est distante : non téléchargée ; en importer une copie locale",
    "import.backstage.outside": "la cible {target} est hors de {folders} : non lue ; indiquer son dossier sur la "
    "ligne de commande pour l'importer",
    "import.backstage.no_match": "la cible {target} ne désigne aucun fichier",
    "import.backstage.no_file": "cible {target} : fichier introuvable ; les entités qu'elle décrit ne sont pas "
    "importées",
    "import.backstage.not_regular": "la cible {target} n'est pas un fichier ordinaire : non lue",
    "import.backstage.no_id": "le nom « {name} » ne contient ni lettre ni chiffre pour en faire un identifiant : "
    "écartée",
    "import.backstage.id_taken": "l'identifiant « {base} » est pris par une autre entité : {ref} reçoit « {id} »",
    "import.backstage.unplaced_resource": "le type de ressource « {type} » n'indique ni un stockage de données "
    "ni une infrastructure : écartée ; ajouter l'annotation "
    "{kind_annotation} ({kinds}) ou {type_annotation} ({types})",
    "import.backstage.bad_reference": "spec.{field} : une référence s'écrit [kind:][namespace/]name",
    "import.backstage.reference": "spec.{field} « {value} » {why}{outcome}",
    "import.backstage.names_both": "désigne à la fois {refs} : préciser le kind",
    "import.backstage.names_kind": "désigne une entité {found}, alors qu'une entité {expected} est attendue",
    "import.backstage.names_none": "ne désigne aucune entité {kinds} du catalogue lu{hint}",
    "import.backstage.hint_other_kind": " (une entité {kind} porte ce nom : écrire {ref})",
    "import.backstage.hint_none_read": " (aucune entité {kinds} n'a été lue : ajouter les fichiers qui les "
    "définissent)",
    "import.backstage.outcome.kept": " ; conservé tel quel",
    "import.backstage.outcome.kept_no_domain": " ; conservé tel quel, sans domaine",
    "import.backstage.outcome.left_out": " ; laissé hors de depends_on",
    "import.backstage.no_depends_on.data_stores": "{ref} dépend de {target}, mais un stockage de données n'a pas de "
    "depends_on dans le patrimoine : non importé",
    "import.backstage.no_depends_on.infrastructure": "{ref} dépend de {target}, mais un composant d'infrastructure "
    "n'a pas de depends_on dans le patrimoine : non importé",
    "import.backstage.dependency_not_imported": "{ref} dépend de {target}, qui n'est pas importée (voir plus haut) : "
    "laissé hors de depends_on",
    "import.backstage.not_a_field.applications": "{annotation} : pas un champ d'une application : non importée ; "
    "{hint}",
    "import.backstage.not_a_field.data_stores": "{annotation} : pas un champ d'un stockage de données : non "
    "importée ; {hint}",
    "import.backstage.not_a_field.infrastructure": "{annotation} : pas un champ d'un composant d'infrastructure : "
    "non importée ; {hint}",
    "import.backstage.see_fields": "docs/import.md énumère les champs",
    "import.backstage.bad_annotation": "{annotation} : {problem} ; non importée",
    "import.backstage.kinds_not_imported": "non importés, le patrimoine n'a pas de place pour eux : {kinds} (les "
    "Groups et les Users ont été lus pour vérifier les responsables)",
    # --- aide des commandes (--help) : click les affiche par console.Localized -------------------
    "help.usage.options": "[OPTIONS]",
    "help.usage.command": "COMMANDE [ARGUMENTS]...",
    "help.section.options": "Options :",
    "help.section.commands": "Commandes :",
    "help.cmd.main": "Vérifier un patrimoine applicatif (YAML) au regard de principes "
    "d'infrastructure.\n"
    "\n"
    "\b\n"
    "si-lint estate.yaml            vérifier un fichier (comme `si-lint check "
    "estate.yaml`)\n"
    "si-lint estate/                vérifier ensemble tous les *.yaml / *.yml sous "
    "un dossier\n"
    "si-lint explain ACC002         ce qu'une règle vérifie, pourquoi, et que faire "
    "à la place",
    "help.cmd.check": "Vérifier le patrimoine décrit dans CHEMINS : fichiers ou dossiers, réunis en un "
    "seul patrimoine ; `-` pour le lire sur l'entrée standard.\n"
    "\n"
    "Sans CHEMINS, vérifie les `paths` du fichier de configuration, sinon le dossier "
    "courant.",
    "help.cmd.config": "Afficher la configuration en vigueur et l'origine de chaque valeur.",
    "help.cmd.diff": "Comparer deux rapports json (si-lint --format json) : constats corrigés et "
    "nouveaux, évolution du score.",
    "help.cmd.explain": "Expliquer une règle : ce qu'elle vérifie, pourquoi, que faire à la place, avec des exemples.",
    "help.cmd.history": "Retracer le score du patrimoine à chaque commit qui a modifié CHEMINS, avec les "
    "mêmes options que `si-lint check`.",
    "help.cmd.import": "Transformer un inventaire (.csv, .xlsx, .ods) ou un catalogue Backstage en "
    "fichiers YAML de patrimoine, prêts à vérifier.\n"
    "\n"
    "\b\n"
    "si-lint import csv --suggest-mapping inventory.csv > mapping.yaml\n"
    "si-lint import csv inventory.csv --mapping mapping.yaml --output estate/\n"
    "si-lint import backstage catalog-info.yaml --output estate/\n"
    "si-lint estate/",
    "help.cmd.import.csv": "Importer les applications listées dans INVENTAIRE : l'export CSV d'un tableur, "
    "ou le classeur lui-même (.xlsx, .ods).",
    "help.cmd.import.backstage": "Importer les fichiers de description du catalogue Backstage présents dans "
    "CHEMINS (fichiers ou dossiers ; les cibles des entités Location de ces dossiers "
    "sont suivies).",
    "help.cmd.init": "Écrire un patrimoine de départ (estate/estate.yaml) et sa configuration "
    "(.si-lint.yaml) dans DOSSIER (par défaut : le dossier courant).",
    "help.cmd.plan": "Établir ce qu'il faut corriger d'abord : les constats regroupés en actions, "
    "classées selon le gain de score qu'elles apportent au patrimoine.",
    "help.cmd.products": "Lister le catalogue de produits, ou afficher un produit avec ses faits et leurs "
    "sources (docs/products.md).",
    "help.cmd.rules": "Lister le catalogue des règles (code, nom, gravité, titre).",
    "help.cmd.schema": "Afficher le JSON Schema du format de patrimoine, avec la description de chaque "
    "champ (pour les éditeurs : docs/editors.md).",
    "help.cmd.server": "Lancer le serveur de langage pour les éditeurs (LSP sur l'entrée et la sortie "
    "standard).\n"
    "\n"
    "\b\n"
    "Constats en direct pendant la saisie, info-bulles au survol des codes,\n"
    "champs et références, accès à la définition, recherche des références,\n"
    "complétion et correctifs rapides.\n"
    "Mise en place pour VS Code, Neovim, Helix et Emacs : docs/editors.md.",
    "help.exit.lint": "\b\n"
    "Codes de sortie :\n"
    "  0  aucun constat de gravité supérieure ou égale au seuil d'échec\n"
    "     (--fail-on, warning par défaut)\n"
    "  1  des constats de cette gravité ou au-dessus\n"
    "  2  erreur d'utilisation, entrée illisible ou configuration incorrecte\n"
    "  3  erreur interne (un bogue de si-lint : merci de le signaler)",
    "help.exit.plan": "\b\n"
    "Codes de sortie :\n"
    "  0  le plan a été écrit\n"
    "  2  erreur d'utilisation, entrée illisible ou configuration incorrecte\n"
    "  3  erreur interne (un bogue de si-lint : merci de le signaler)",
    "help.exit.history": "\b\n"
    "Codes de sortie :\n"
    "  0  l'historique a été écrit\n"
    "  2  erreur d'utilisation, dossier hors d'un dépôt git, entrée illisible\n"
    "     ou configuration incorrecte\n"
    "  3  erreur interne (un bogue de si-lint : merci de le signaler)",
    "help.exit.diff": "\b\n"
    "Codes de sortie :\n"
    "  0  aucun nouveau constat dans NOUVEAU\n"
    "  1  NOUVEAU a des constats qu'ANCIEN n'avait pas\n"
    "  2  un fichier manque ou n'est pas un rapport json de si-lint",
    "help.exit.import": "\b\n"
    "Codes de sortie :\n"
    "  0  tout ce que dit la source a été importé\n"
    "  1  patrimoine écrit, mais des lignes, cellules, entités ou références\n"
    "     n'ont pas pu être importées : chacune est signalée sur stderr,\n"
    "     avec son emplacement\n"
    "  2  erreur d'utilisation, entrée illisible ou correspondance incorrecte\n"
    "     (rien n'a été écrit)\n"
    "  3  erreur interne (un bogue de si-lint : merci de le signaler)",
    "help.opt.help": "Afficher ce message et quitter.",
    "help.opt.version": "Afficher la version et quitter.",
    "help.opt.lang": "Langue des messages (par défaut : celle de la configuration, sinon LANG).",
    "help.opt.format": "Format de sortie (par défaut : text).",
    "help.opt.format.history": "Format de sortie (par défaut : table ; json : les données que trace l'option "
    "--history du rapport html).",
    "help.opt.format.diff": "Format de sortie (par défaut : text ; markdown : pour un commentaire de merge request).",
    "help.opt.output.report": "Écrire le rapport dans FICHIER.",
    "help.opt.output.plan": "Écrire le plan dans FICHIER.",
    "help.opt.output.history": "Écrire l'historique dans FICHIER.",
    "help.opt.output.import": "Destination du patrimoine : un DOSSIER (nouveau ou vide ; un fichier par "
    "application), un FICHIER en .yaml/.yml, ou la sortie standard si l'option est "
    "absente.",
    "help.opt.today": "Date à laquelle juger l'expiration des dérogations (par défaut : aujourd'hui).",
    "help.opt.today.history": "Date à laquelle juger les dérogations de chaque commit (par défaut : la date du "
    "commit).",
    "help.opt.rules_dir": "Dossier de règles personnalisées (option répétable).",
    "help.opt.products_dir": "Dossier d'entrées personnalisées du catalogue de produits (option répétable ; "
    "docs/products.md).",
    "help.opt.preview": "Appliquer aussi les règles en préversion (`si-lint rules` donne le statut de chaque règle).",
    "help.opt.stdin_filename": "Nom du patrimoine lu sur l'entrée standard (`si-lint -`), tel qu'il apparaît "
    "dans les constats.",
    "help.opt.show_waived": "Lister aussi les constats couverts par une dérogation.",
    "help.opt.statistics": "Afficher le nombre de constats par règle et les scores (docs/scoring.md) au lieu des "
    "constats.",
    "help.opt.fail_on": "Gravité la plus basse qui entraîne le code de sortie 1 (par défaut : warning).",
    "help.opt.exit_zero": "Sortir avec le code 0 quels que soient les constats (pour un script qui produit un rapport) ; les codes 2 et 3 signalent toujours une erreur d'entrée ou un bogue.",
    "help.opt.select": "Codes ou préfixes à appliquer, séparés par des virgules (par défaut : tous).",
    "help.opt.ignore": "Codes ou préfixes à ne pas appliquer, séparés par des virgules.",
    "help.opt.config": "Fichier de configuration à lire (par défaut : .si-lint.yaml, si-lint.yaml ou "
    "pyproject.toml [tool.si-lint], cherché d'ici jusqu'à la racine du dépôt).",
    "help.opt.config.show": "Lire ce fichier de configuration au lieu d'en chercher un.",
    "help.opt.baseline": "Ne signaler que les constats absents de cet état de référence.",
    "help.opt.write_baseline": "Enregistrer les constats actuels dans FICHIER, puis ne signaler que ceux qu'un "
    "état de référence ne peut pas couvrir (règles EST).",
    "help.opt.csv_delimiter": "Avec --format csv : le séparateur de colonnes (par défaut « , » ; « ; » pour "
    "Excel en français).",
    "help.opt.history": "Avec --format html : tracer l'évolution du score à partir de FICHIER (`si-lint "
    "history --format json`).",
    "help.opt.range": "Commits à lire, dans la syntaxe de git : main, v1.0..main (par défaut : HEAD).",
    "help.opt.since": "Ne lire que les commits faits à cette date ou après.",
    "help.opt.max_count": "Ne lire que les N derniers commits.",
    "help.opt.top": "N'afficher que les N premières actions.",
    "help.opt.verify": "Exécuter les deux exemples de chaque règle ; échouer en nommant les règles qui se trompent.",
    "help.opt.mapping": "Correspondance entre colonnes et champs, et traduction des valeurs (voir docs/import.md).",
    "help.opt.suggest_mapping": "Écrire une correspondance de départ à partir de la ligne d'en-tête et des valeurs "
    "rencontrées, au lieu d'importer.",
    "help.opt.sheet": "Feuille du classeur (.xlsx, .ods) à lire (par défaut : la première visible).",
    "help.opt.encoding": "Encodage du fichier CSV, par exemple utf-8 ou cp1252 (par défaut : détection "
    "automatique, UTF-8 avec ou sans BOM, sinon Windows-1252).",
    "help.opt.delimiter": "Séparateur de colonnes du CSV (par défaut : le plus fréquent dans la ligne d'en-tête).",
    "help.var.path": "CHEMIN",
    "help.var.paths": "CHEMINS",
    "help.var.file": "FICHIER",
    "help.var.folder": "DOSSIER",
    "help.var.codes": "CODES",
    "help.var.code": "CODE",
    "help.var.date": "AAAA-MM-JJ",
    "help.var.n": "N",
    "help.var.name": "NOM",
    "help.var.revisions": "RÉVISIONS",
    "help.var.mapping": "CORRESPONDANCE.yaml",
    "help.var.id": "ID",
    "help.var.old": "ANCIEN",
    "help.var.new": "NOUVEAU",
    "help.var.inventory": "INVENTAIRE",
    # --- serveur de langage (si-lint server) -----------------------------------------------
    "lsp.waived": "couvert par une dérogation : {message}",
    "lsp.message_too_big": "un message de {size} octets, plus que les {limit} Mo que lit le serveur : "
    "l'éditeur ne parle pas LSP comme prévu",
    "lsp.config_error": "la configuration est inutilisable ; les constats affichés suivent les réglages par défaut : {error}",
    "lsp.lint_error": "si-lint n'a pas pu analyser ce patrimoine ; les constats affichés sont ceux de la dernière analyse : {error}",
    "lsp.hover.entity": "**{id}** · {what} · {place}",
    "lsp.hover.values": "Valeurs : {values}",
    "lsp.hover.required": "Obligatoire.",
    "lsp.symbols.entries.one": "{n} élément",
    "lsp.symbols.entries.other": "{n} éléments",
    "lsp.fix.replace": "Remplacer « {old} » par « {new} »",
    "lsp.fix.add_field": "Ajouter {field}: {value}",
    "lsp.fix.waive": "Ajouter une dérogation à {code} pour « {entity} »",
    "lsp.fix.waive_estate": "Ajouter une dérogation à {code} dans la liste waivers de premier niveau",
    "lsp.waiver.reason": "Dire pourquoi cette exception est acceptée",
    "lsp.waiver.approved_by": "qui l'a acceptée",
    # Descriptions des champs au survol, d'après le format (docs/estate-format.md).
}
