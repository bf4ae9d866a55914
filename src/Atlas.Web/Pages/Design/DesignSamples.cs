namespace Atlas.Web.Pages.Design;

/// <summary>One component of the design system: its name, when to use it, and the markup that /design renders and prints.</summary>
public sealed record DesignSample(string Id, string Title, string Usage, string Html, bool Rendered = true);

/// <summary>The components of the design system, as /design shows them. The markup is the pages' own: copy it.</summary>
public static class DesignSamples
{
    public static readonly IReadOnlyList<DesignSample> Components =
    [
        new("boutons", "Boutons",
            "Un seul bouton principal par formulaire ; le secondaire pour une autre action, le tertiaire (l'aspect d'un lien) pour une action mineure. Un lien qui mène à une page peut prendre l'aspect d'un bouton (a.button).",
            """
            <div class="button-group">
                <button type="button">Rechercher</button>
                <button type="button" class="button--secondary">Annuler</button>
                <button type="button" class="button--tertiary">Effacer</button>
                <a class="button" href="/projets">Voir les projets</a>
                <button type="button" class="button--small button--secondary">Petit bouton</button>
                <button type="button" class="button--danger">Supprimer</button>
            </div>
            """),
        new("liens", "Liens",
            "Dans un texte, un lien est souligné : la couleur seule ne suffit pas. Dans une navigation ou une liste, il ne l'est qu'au survol.",
            """
            <p>Les données se téléchargent depuis la page <a href="/donnees">Données</a>, sans inscription.</p>
            """),
        new("fil-d-ariane", "Fil d'Ariane",
            "En haut des fiches, le chemin depuis l'accueil. Sur téléphone, la page courante (déjà le titre) est masquée.",
            """
            <nav class="breadcrumbs" aria-label="Fil d'Ariane">
                <ol>
                    <li><a href="/">Accueil</a></li>
                    <li><a href="/pays/MA">Maroc</a></li>
                    <li aria-current="page">Strasbourg – Fès</li>
                </ol>
            </nav>
            """),
        new("liste-de-resume", "Liste de résumé (faits clés)",
            "Les faits d'une fiche, un par ligne : l'intitulé à gauche (au-dessus sur téléphone), la valeur à droite. N'affichez une ligne que si elle a une valeur.",
            """
            <dl class="facts">
                <div><dt>Pays partenaire</dt><dd><a href="/pays/MA">Maroc</a></dd></div>
                <div><dt>Année de début</dt><dd>2005</dd></div>
                <div><dt>Statut</dt><dd><span class="status status--ongoing">En cours</span></dd></div>
            </dl>
            """),
        new("meta", "Faits en ligne",
            "Les faits courts d'un élément de liste (un résultat de recherche, un partenariat).",
            """
            <dl class="meta">
                <div><dt>Statut</dt><dd><span class="status status--completed">Terminé</span></dd></div>
                <div><dt>Années</dt><dd>2007 – 2009</dd></div>
                <div><dt>Pays</dt><dd>Maroc</dd></div>
            </dl>
            """),
        new("etiquettes", "Étiquettes",
            "Les mots qui classent une fiche (thématiques, types). Une étiquette peut être un lien vers la recherche correspondante.",
            """
            <ul class="tags">
                <li><span class="tag">Culture</span></li>
                <li><a class="tag" href="/projets?theme=developpement-urbain">Développement urbain</a></li>
                <li><span class="tag">Eau et assainissement</span></li>
            </ul>
            """),
        new("statuts", "Badges de statut",
            "Le statut d'un projet ou d'un partenariat. La couleur double le mot, elle ne le remplace jamais.",
            """
            <p class="button-group">
                <span class="status status--planned">En projet</span>
                <span class="status status--ongoing">En cours</span>
                <span class="status status--completed">Terminé</span>
                <span class="status status--suspended">Suspendu</span>
            </p>
            """),
        new("chiffres", "Chiffres clés",
            "Quelques nombres en tête d'une page (accueil, pays, statistiques).",
            """
            <ul class="figures">
                <li><strong>209</strong> projets</li>
                <li><strong>181</strong> partenariats</li>
                <li><strong>40</strong> pays partenaires</li>
            </ul>
            """),
        new("liste-de-fiches", "Liste de fiches",
            "Les résultats d'une recherche, les partenariats d'un pays : des lignes séparées par un filet, chacune avec son titre (lien) et ses faits en ligne.",
            """
            <ul class="card-list">
                <li class="card">
                    <h3><a href="/projets">Assistance à maîtrise d'ouvrage pour le plan de déplacements urbains d'Oujda</a></h3>
                    <dl class="meta">
                        <div><dt>Statut</dt><dd><span class="status status--completed">Terminé</span></dd></div>
                        <div><dt>Années</dt><dd>2007 – 2009</dd></div>
                    </dl>
                </li>
                <li class="card">
                    <h3><a href="/projets">Conseil à la requalification des espaces publics urbains</a></h3>
                    <dl class="meta">
                        <div><dt>Statut</dt><dd><span class="status status--ongoing">En cours</span></dd></div>
                    </dl>
                </li>
            </ul>
            """),
        new("cartes", "Cartes",
            "Un bloc encadré, pour quelques éléments à mettre côte à côte (les fichiers à télécharger). À utiliser avec parcimonie : une liste de fiches est presque toujours plus lisible.",
            """
            <ul class="cards">
                <li class="card">
                    <h3><a href="/donnees">Projets</a></h3>
                    <p>Un projet par ligne, avec ses dates, son statut et ses thématiques.</p>
                </li>
                <li class="card">
                    <h3><a href="/donnees">Financements</a></h3>
                    <p>Chaque ligne de financement, montant dans sa monnaie.</p>
                </li>
            </ul>
            """),
        new("liste-d-entrees", "Liste d'entrées",
            "Un nom et son nombre sur une ligne : les pays et thématiques de l'accueil, les annuaires.",
            """
            <ul class="entry-list">
                <li><a href="/pays/MA">Maroc</a> <span class="count">54 partenariats, 208 projets</span></li>
                <li><a href="/pays/DE">Allemagne</a> <span class="count">18 partenariats</span></li>
            </ul>
            """),
        new("tableau", "Tableau",
            "Toujours un titre (caption, éventuellement masqué par sr-only) et des en-têtes ; les nombres alignés à droite (num). Dans .table-wrap, il défile de côté sur un écran étroit. Jamais de tableau vide.",
            """
            <div class="table-wrap">
                <table>
                    <caption>Financement du projet</caption>
                    <thead><tr><th scope="col">Financeur</th><th scope="col" class="num">Montant</th><th scope="col">Année</th></tr></thead>
                    <tbody>
                        <tr><th scope="row">Ville de Strasbourg</th><td class="num">45 000 €</td><td>2008</td></tr>
                        <tr><th scope="row">Commune urbaine de Fès</th><td class="num">120 000 Dhs</td><td>2009</td></tr>
                    </tbody>
                </table>
            </div>
            """),
        new("tableau-empile", "Tableau empilé",
            "Pour un tableau de texte à peu de colonnes : sur téléphone, chaque ligne devient un bloc et chaque cellule porte l'intitulé de sa colonne (data-label).",
            """
            <table class="table--stack">
                <caption>Contacts chez les partenaires</caption>
                <thead><tr><th scope="col">Nom</th><th scope="col">Fonction</th><th scope="col">Partenaire</th></tr></thead>
                <tbody>
                    <tr><th scope="row">BOUIN</th><td data-label="Fonction">Chargé de mission</td><td data-label="Partenaire">Ville de Strasbourg</td></tr>
                </tbody>
            </table>
            """),
        new("encadres", "Encadrés",
            "Une information qui doit se voir : information (notice), succès après une action, avertissement, erreur. Un titre facultatif (callout-title).",
            """
            <div class="callout callout--info"><p><strong class="callout-title">Information</strong>Les montants gardent leur monnaie d'origine.</p></div>
            <div class="callout callout--success" role="status"><p>Vos modifications ont été enregistrées.</p></div>
            <div class="callout callout--warning"><p><strong class="callout-title">Attention</strong>Les nombres marqués « environ » sont estimés.</p></div>
            <div class="callout callout--error"><p><strong class="callout-title">Erreur</strong>Corrigez les champs signalés.</p></div>
            """),
        new("pagination", "Pagination",
            "Sous une liste de plus d'une page, jamais sous une liste vide. La page courante porte aria-current.",
            """
            <nav class="pagination" aria-label="Pages de résultats">
                <ul>
                    <li><a href="/projets?page=1" rel="prev">Page précédente</a></li>
                    <li><a href="/projets?page=1" aria-label="Page 1">1</a></li>
                    <li><a href="/projets?page=2" aria-current="page" aria-label="Page 2, page actuelle">2</a></li>
                    <li><a href="/projets?page=3" aria-label="Page 3">3</a></li>
                    <li aria-hidden="true">…</li>
                    <li><a href="/projets?page=9" aria-label="Page 9, dernière page">9</a></li>
                    <li><a href="/projets?page=3" rel="next">Page suivante</a></li>
                </ul>
            </nav>
            """),
        new("filtres", "Filtres appliqués",
            "Au-dessus des résultats, les filtres en vigueur ; chaque puce est un lien vers la même recherche sans ce filtre.",
            """
            <ul class="chips" aria-label="Filtres appliqués">
                <li><a class="chip" href="/projets?theme=developpement-urbain"><span class="sr-only">Retirer le filtre </span>Pays partenaire : Maroc</a></li>
                <li><a class="chip" href="/projets?pays=MA"><span class="sr-only">Retirer le filtre </span>Thématique : Développement urbain</a></li>
                <li><a class="chips-clear" href="/projets">Effacer tous les filtres</a></li>
            </ul>
            """),
        new("divulgation", "Divulgation",
            "Un contenu secondaire replié (le tableau d'un graphique, une aide). Un élément details natif : il s'ouvre sans JavaScript.",
            """
            <details class="disclosure">
                <summary>Comment les montants sont-ils comptés ?</summary>
                <p>Chaque montant garde sa monnaie ; aucun total n'additionne des monnaies différentes.</p>
            </details>
            """),
        new("formulaire", "Champs de formulaire",
            "Un intitulé toujours visible (label), une aide sous l'intitulé (hint), l'erreur sous le champ, reliée par aria-describedby. Ne remplacez jamais l'intitulé par un texte indicatif (placeholder).",
            """
            <div class="field">
                <label for="demo-q">Recherche libre <span class="hint">titre, description, collectivité, lieu…</span></label>
                <input id="demo-q" name="q" type="search">
            </div>
            <div class="field field--error">
                <label for="demo-de">Année de début</label>
                <input id="demo-de" name="de" type="text" inputmode="numeric" value="20O5" aria-invalid="true" aria-describedby="demo-de-erreur">
                <p class="field-error" id="demo-de-erreur">Saisissez une année en chiffres, par exemple 2005.</p>
            </div>
            <div class="field">
                <label for="demo-statut">Statut</label>
                <select id="demo-statut" name="statut"><option value="">Tous les statuts</option><option value="ongoing">En cours</option></select>
            </div>
            <div class="choice">
                <input type="checkbox" id="demo-triennal" name="triennal" value="true">
                <label for="demo-triennal">Partenariat triennal</label>
            </div>
            """),
        new("recherche", "Champ de recherche",
            "Un champ et son bouton sur une ligne (ils passent l'un sous l'autre si la place manque). Un formulaire GET : la recherche est une adresse qu'on partage.",
            """
            <form class="search-box" method="get" action="/projets" role="search">
                <label for="demo-recherche">Mots-clés</label>
                <div class="search-row">
                    <input id="demo-recherche" name="q" type="search">
                    <button type="submit">Rechercher</button>
                </div>
            </form>
            """),
        new("encart", "Encart",
            "Un bloc sur fond gris qui regroupe une information annexe de la fiche : les contacts à l'ambassade, le partenariat d'un projet.",
            """
            <aside class="box" aria-labelledby="demo-encart">
                <h2 id="demo-encart">Contacts à l'ambassade de France</h2>
                <p><a href="/pays/MA">Ambassade de France à Rabat</a></p>
            </aside>
            """),
        new("lien-d-evitement", "Lien d'évitement",
            "Le premier lien de chaque page, visible seulement quand il reçoit le focus : il mène au contenu principal. Le gabarit (_Layout.cshtml) le porte déjà.",
            """
            <a class="skip-link" href="#contenu">Aller au contenu</a>
            """, Rendered: false),
        new("en-tete", "En-tête",
            "Dans le gabarit : l'identité de l'exploitant (logo et nom, réglages Atlas:Operator), la recherche et le menu du compte sur une ligne, la navigation principale sur une seconde (à partir de 62em). Plus étroit, un bouton « Menu » (un details) contient la recherche, la navigation et le compte. La rubrique courante porte aria-current.",
            """
            <header class="site-header">
                <div class="container header-bar">
                    <a class="brand" href="/"><span class="brand-name">Atlas de la coopération décentralisée</span></a>
                    <form class="header-search" method="get" action="/projets" role="search">…</form>
                    <details class="account-nav account-menu">
                        <summary class="account-menu-button">Mon compte</summary>
                        <nav class="account-menu-panel" aria-label="Mon compte">…</nav>
                    </details>
                    <details class="site-menu">
                        <summary class="site-menu-button">…Menu</summary>
                        <div class="site-menu-panel">…</div>
                    </details>
                </div>
                <nav class="main-nav" aria-label="Navigation principale">
                    <div class="container">
                        <ul class="main-nav-list">
                            <li><a href="/projets" aria-current="page">Projets</a></li>
                            <li><a href="/collectivites">Collectivités</a></li>
                            …
                        </ul>
                    </div>
                </nav>
            </header>
            """, Rendered: false),
        new("pied-de-page", "Pied de page",
            "Dans le gabarit, sur chaque page : le nom, les rubriques, les sources, la licence des données et les liens légaux (mentions légales, accessibilité et son état de conformité, données personnelles, contact, plan du site). Un test échoue si une page publique perd l'un de ces liens.",
            """
            <footer class="site-footer">
                <div class="container">
                    <div class="footer-top">…</div>
                    <p class="footer-sources">Sources des données : …</p>
                    <p class="footer-licence">… sous la <a href="https://www.etalab.gouv.fr/licence-ouverte-open-licence/" rel="license">Licence Ouverte / Open Licence 2.0</a> d'Etalab.</p>
                    <nav class="footer-legal" aria-label="Informations légales">
                        <ul>
                            <li><a href="/mentions-legales">Mentions légales</a></li>
                            <li><a href="/accessibilite">Accessibilité : non conforme</a></li>
                            <li><a href="/donnees-personnelles">Données personnelles</a></li>
                            <li><a href="/contact">Contact</a></li>
                            <li><a href="/plan-du-site">Plan du site</a></li>
                        </ul>
                    </nav>
                </div>
            </footer>
            """, Rendered: false),
    ];

    /// <summary>The colour tokens, with the background they are used on and their contrast ratio there (WCAG 2.1: 4.5:1 for text).</summary>
    public static readonly IReadOnlyList<(string Token, string Value, string Use, string Contrast)> Colours =
    [
        ("--color-text", "#1b1f24", "texte", "16,6:1 sur blanc"),
        ("--color-text-muted", "#4d5560", "texte secondaire", "7,5:1 sur blanc ; 6,9:1 sur --color-bg-subtle"),
        ("--color-bg-subtle", "#f3f4f6", "fonds (pied de page, filtres, encarts)", "—"),
        ("--color-bg-muted", "#e5e8ec", "fond des badges neutres", "—"),
        ("--color-border", "#c4c9d0", "filets (décoratifs)", "—"),
        ("--color-border-strong", "#6b7280", "bords des champs", "4,8:1 sur blanc (3:1 exigé)"),
        ("--color-primary", "#0b5473", "liens, boutons", "8,3:1 sur blanc ; 7,5:1 sur --color-bg-subtle"),
        ("--color-primary-dark", "#083b52", "survol, bandeau de navigation", "12:1 avec le blanc"),
        ("--color-primary-light", "#dcebf2", "bords des étiquettes", "—"),
        ("--color-primary-lighter", "#eef6f9", "fond des étiquettes, des chiffres, des encadrés d'information", "--color-primary-dark dessus : 10,9:1"),
        ("--color-success", "#1a5e33", "succès, « En cours »", "6,7:1 sur --color-success-bg"),
        ("--color-success-bg", "#e3f1e7", "fond de succès", "—"),
        ("--color-warning", "#7a4a00", "avertissement, « Suspendu »", "6,6:1 sur --color-warning-bg"),
        ("--color-warning-bg", "#fdf0d9", "fond d'avertissement", "—"),
        ("--color-error", "#b3261e", "erreurs", "5,7:1 sur --color-error-bg ; 6,5:1 sur blanc"),
        ("--color-error-bg", "#fdecea", "fond d'erreur", "—"),
        ("--color-focus", "#c2410c", "anneau de focus", "5,2:1 sur blanc (3:1 exigé) ; #ffcf5c sur le bandeau"),
    ];
}
