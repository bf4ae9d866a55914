namespace Atlas.Tools.Synthetic;

/// <summary>Project titles and narratives in the atlas's register, assembled from phrases so that full-text search meets real French words.</summary>
public static class SyntheticTexts
{
    private static readonly string[] Actions =
    [
        "Renforcement", "Amélioration", "Modernisation", "Développement", "Réhabilitation", "Structuration", "Valorisation",
        "Programme d'appui au renforcement", "Projet d'amélioration", "Accompagnement à la structuration", "Soutien au développement",
        "Coopération pour l'amélioration", "Mise en place", "Extension",
    ];

    private static readonly string[] Subjects =
    [
        "de la gestion des déchets", "de l'accès à l'eau potable", "de l'assainissement", "de la santé maternelle", "de l'éducation primaire",
        "de la gouvernance locale", "de l'état civil", "de l'agriculture familiale", "de la filière maraîchère", "du tourisme durable",
        "des politiques de jeunesse", "du patrimoine culturel", "de l'énergie solaire", "de la mobilité urbaine", "de la planification urbaine",
        "de l'égalité entre les femmes et les hommes", "de la lecture publique", "de la formation professionnelle",
        "de l'économie sociale et solidaire", "de la prévention des risques", "de la biodiversité", "de la restauration scolaire",
        "des marchés municipaux", "de la finance locale", "de l'irrigation", "des échanges scolaires", "de la coopération universitaire",
        "de l'éclairage public", "du numérique éducatif", "de la sécurité alimentaire", "de l'accueil des migrants", "du sport pour tous",
    ];

    private static readonly string[] Sentences =
    [
        "Le projet associe les services techniques des deux collectivités et les habitants des quartiers concernés.",
        "Des missions d'expertise croisées sont organisées chaque année entre les équipes municipales.",
        "Les élus ont souhaité inscrire l'action dans la durée grâce à une convention triennale.",
        "Une association locale assure l'animation du dispositif et le suivi des bénéficiaires.",
        "La formation des agents territoriaux constitue le cœur de la démarche.",
        "Les investissements portent sur des équipements simples, entretenus par les usagers eux-mêmes.",
        "Un comité de pilotage conjoint se réunit deux fois par an pour évaluer les résultats.",
        "Le cofinancement du ministère de l'Europe et des Affaires étrangères permet d'élargir le nombre de bénéficiaires.",
        "Les écoles des deux territoires participent à des échanges de classes et à des correspondances.",
        "Une attention particulière est portée à la participation des femmes et des jeunes.",
        "Les données collectées alimentent un observatoire partagé entre les partenaires.",
        "La sensibilisation de la population accompagne chaque étape des travaux.",
        "Le diagnostic initial a été réalisé avec l'appui d'une université partenaire.",
        "Les résultats seront présentés lors des assises de la coopération décentralisée.",
    ];

    private static readonly string[] Beneficiaries =
    [
        "Les habitants de la commune partenaire", "Les agents municipaux", "Les élèves et leurs enseignants", "Les agriculteurs et leurs coopératives",
        "Les femmes des quartiers périphériques", "Les jeunes en recherche d'emploi", "Les associations locales", "Les usagers des services publics",
    ];

    private static readonly string[] Forms = ["Assistance technique", "Échanges d'expériences", "Investissement", "Formation", "Appui institutionnel", "Volontariat"];

    public static readonly string[] PartnershipDomains =
    [
        "Culture, jeunesse, éducation", "Eau et assainissement", "Développement économique", "Santé", "Gouvernance locale",
        "Agriculture et alimentation", "Environnement et climat", "Tourisme", "Urbanisme", "Solidarité internationale",
    ];

    public static string ProjectTitle(Random random, string place) =>
        $"{SyntheticNames.Pick(random, Actions)} {SyntheticNames.Pick(random, Subjects)} à {place}";

    /// <summary>A paragraph of two to four distinct sentences.</summary>
    public static string Paragraph(Random random, int minSentences = 2, int maxSentences = 4)
    {
        var count = random.Next(minSentences, maxSentences + 1);
        var first = random.Next(Sentences.Length);
        var step = 1 + random.Next(Sentences.Length - 1);
        var parts = new string[count];
        for (var i = 0; i < count; i++) parts[i] = Sentences[(first + i * step) % Sentences.Length];
        return string.Join(' ', parts);
    }

    public static string Objectives(Random random, string place) =>
        $"Contribuer {SyntheticNames.Pick(random, Subjects).Replace("de la ", "à la ", StringComparison.Ordinal).Replace("de l'", "à l'", StringComparison.Ordinal).Replace("du ", "au ", StringComparison.Ordinal).Replace("des ", "aux ", StringComparison.Ordinal)} à {place}.";

    public static string Beneficiary(Random random) => SyntheticNames.Pick(random, Beneficiaries);

    public static string Form(Random random) => SyntheticNames.Pick(random, Forms);
}
