using Atlas.Core.Authorities;

namespace Atlas.Tools.Synthetic;

/// <summary>
/// Plausible place, person and project names made of syllables and word lists, with accents where the language has them
/// (so that accent-insensitive search has something to do). Everything is drawn from the caller's seeded random source.
/// </summary>
public static class SyntheticNames
{
    private static readonly Dictionary<NameFlavour, (string[] Roots, string[] Endings)> Syllables = new()
    {
        [NameFlavour.French] = (
            ["Beau", "Bel", "Bois", "Bourg", "Brie", "Cham", "Char", "Chât", "Clair", "Cor", "Dom", "Font", "Gren", "Lan", "Lav", "Mar",
             "Mau", "Mont", "Mor", "Nan", "Pont", "Roch", "Ros", "Sau", "Ser", "Vau", "Vil", "Ver", "Val", "Aub", "Arn", "Cler", "Éta",
             "Gié", "Plou", "Quim", "Ker", "Tré", "Lou", "Pé", "Vé", "Mé", "Sé", "Bré"],
            ["ville", "court", "mont", "ac", "an", "ay", "ey", "ieu", "ières", "oux", "eil", "ons", "ange", "gny", "ès", "et", "ois",
             "elle", "ade", "ard", "ègue", "euil", "ier", "ol", "ourg"]),
        [NameFlavour.Germanic] = (
            ["Alt", "Berg", "Brand", "Dorn", "Eich", "Falk", "Groß", "Hoch", "Kirch", "Lind", "Neu", "Ober", "Ros", "Schön", "Stein",
             "Wald", "Wein", "Wolf", "Mühl", "Bad "],
            ["au", "bach", "berg", "burg", "dorf", "feld", "hausen", "heim", "hof", "ingen", "stadt", "tal", "wald", "brück"]),
        [NameFlavour.Latin] = (
            ["Alba", "Bel", "Campo", "Castel", "Monte", "Ponte", "Porto", "Roca", "San ", "Santa ", "Terra", "Val", "Villa", "Bra",
             "Cor", "Luc", "Ser", "Ávi", "Cór", "Fel", "Gra", "Mar"],
            ["ano", "ena", "ino", "ello", "ara", "ida", "eira", "ejo", "ona", "ulo", "ia", "oso", "ález", "ência", "dova"]),
        [NameFlavour.Slavic] = (
            ["Bor", "Brat", "Dob", "Gor", "Kras", "Lip", "Mir", "Nov", "Pol", "Rad", "Sob", "Star", "Vel", "Zlat", "Bel", "Kam", "Łod",
             "Češ", "Żyr"],
            ["ava", "ice", "ino", "ov", "ovo", "sk", "ograd", "ec", "any", "ów", "ín", "yn", "ica", "evo"]),
        [NameFlavour.WestAfrican] = (
            ["Ba", "Bam", "Dia", "Dou", "Fa", "Ka", "Ké", "Ko", "Ma", "Ndi", "Ou", "Sa", "Sé", "Ti", "To", "Zi", "Ga", "Bo", "Da", "Ni",
             "Tam", "Kou"],
            ["ko", "ga", "né", "dou", "rou", "sso", "bo", "la", "mé", "dji", "kro", "gou", "bala", "dara", "tenga", "koro", "fara"]),
        [NameFlavour.Arabic] = (
            ["Aïn ", "Bab ", "Beni ", "Bir ", "Dar ", "El ", "Hammam ", "Jebel ", "Ksar ", "Oued ", "Ras ", "Sidi ", "Souk ", "Zaouïet "],
            ["Allal", "Amar", "Chaker", "Damous", "Hassan", "Karim", "Mansour", "Mellal", "Nour", "Rahma", "Saïd", "Slimane", "Tahar",
             "Yacoub", "Zitoun", "Kébir", "Lakhdar", "Médina", "Ghar"]),
        [NameFlavour.Asian] = (
            ["An", "Bao", "Cao", "Dong", "Hai", "Hoa", "Jin", "Lao", "Long", "Nam", "Ning", "Phu", "Shan", "Tan", "Thanh", "Xi", "Yun",
             "Zhou", "Đà", "Huế"],
            ["an", "bin", "cheng", "du", "hai", "hoa", "jing", "lin", "ming", "ning", "phong", "yang", "zhou", " Sơn", " Giang"]),
        [NameFlavour.English] = (
            ["Ash", "Brad", "Brook", "Chester", "Green", "Hamp", "Kings", "Lin", "Mill", "North", "Ox", "Red", "South", "Stan", "West",
             "Wood", "Black", "Fair"],
            ["bury", "by", "field", "ford", "ham", "ley", "ton", "wick", "worth", "mouth", "port", "stead", "dale"]),
    };

    private static readonly string[] FrenchPrefixes = ["Saint-", "Sainte-", "Le ", "La ", "Les ", "Villeneuve-", "Mont-"];
    private static readonly string[] Rivers = ["Loire", "Seine", "Marne", "Rhône", "Garonne", "Dordogne", "Saône", "Oise", "Meuse", "Vienne", "Isère", "Lot", "Aude", "Yonne", "Cher", "Orne"];
    private static readonly string[] FrenchSuffixes = ["-sur-{0}", "-en-{0}", "-le-Château", "-les-Bains", "-la-Forêt", "-d'Azé", "-sous-Bois"];

    private static readonly Dictionary<string, NameFlavour> CountryFlavours = new(StringComparer.Ordinal)
    {
        ["DE"] = NameFlavour.Germanic, ["AT"] = NameFlavour.Germanic, ["CH"] = NameFlavour.Germanic, ["NL"] = NameFlavour.Germanic,
        ["LU"] = NameFlavour.Germanic, ["DK"] = NameFlavour.Germanic, ["SE"] = NameFlavour.Germanic, ["NO"] = NameFlavour.Germanic,
        ["BE"] = NameFlavour.French, ["CA"] = NameFlavour.French, ["HT"] = NameFlavour.French,
        ["IT"] = NameFlavour.Latin, ["ES"] = NameFlavour.Latin, ["PT"] = NameFlavour.Latin, ["RO"] = NameFlavour.Latin, ["BR"] = NameFlavour.Latin,
        ["AR"] = NameFlavour.Latin, ["CL"] = NameFlavour.Latin, ["MX"] = NameFlavour.Latin, ["CO"] = NameFlavour.Latin, ["PE"] = NameFlavour.Latin,
        ["BO"] = NameFlavour.Latin, ["NI"] = NameFlavour.Latin, ["CU"] = NameFlavour.Latin, ["UY"] = NameFlavour.Latin,
        ["PL"] = NameFlavour.Slavic, ["CZ"] = NameFlavour.Slavic, ["SK"] = NameFlavour.Slavic, ["RU"] = NameFlavour.Slavic, ["UA"] = NameFlavour.Slavic,
        ["BG"] = NameFlavour.Slavic, ["RS"] = NameFlavour.Slavic, ["HR"] = NameFlavour.Slavic, ["HU"] = NameFlavour.Slavic, ["MD"] = NameFlavour.Slavic,
        ["SN"] = NameFlavour.WestAfrican, ["ML"] = NameFlavour.WestAfrican, ["BF"] = NameFlavour.WestAfrican, ["NE"] = NameFlavour.WestAfrican,
        ["CI"] = NameFlavour.WestAfrican, ["BJ"] = NameFlavour.WestAfrican, ["TG"] = NameFlavour.WestAfrican, ["GN"] = NameFlavour.WestAfrican,
        ["CM"] = NameFlavour.WestAfrican, ["MG"] = NameFlavour.WestAfrican, ["CD"] = NameFlavour.WestAfrican, ["CG"] = NameFlavour.WestAfrican,
        ["GA"] = NameFlavour.WestAfrican, ["TD"] = NameFlavour.WestAfrican, ["CF"] = NameFlavour.WestAfrican, ["GH"] = NameFlavour.WestAfrican,
        ["MA"] = NameFlavour.Arabic, ["DZ"] = NameFlavour.Arabic, ["TN"] = NameFlavour.Arabic, ["LB"] = NameFlavour.Arabic, ["EG"] = NameFlavour.Arabic,
        ["JO"] = NameFlavour.Arabic, ["PS"] = NameFlavour.Arabic, ["MR"] = NameFlavour.Arabic,
        ["CN"] = NameFlavour.Asian, ["JP"] = NameFlavour.Asian, ["VN"] = NameFlavour.Asian, ["KR"] = NameFlavour.Asian, ["LA"] = NameFlavour.Asian,
        ["KH"] = NameFlavour.Asian, ["TH"] = NameFlavour.Asian,
    };

    /// <summary>The countries France's authorities partner with most, most frequent first; the rest follow in code order.</summary>
    public static readonly string[] LeadingPartnerCountries =
    [
        "SN", "MA", "BF", "ML", "DE", "IT", "TN", "PL", "MG", "BJ", "RO", "VN", "ES", "CM", "NE", "HT", "LB", "PS", "CN", "JP",
        "DZ", "GB", "CA", "US", "BE", "PT", "CZ", "UA", "BR", "CI", "TG", "GN", "MR", "CD", "AM", "GE", "IL", "IN", "KH", "LA",
    ];

    private static readonly string[] FirstNames =
    [
        "Camille", "Claire", "Élise", "Hélène", "Inès", "Léa", "Manon", "Nathalie", "Sophie", "Zoé", "Amadou", "Antoine", "Benoît",
        "François", "Jérôme", "Julien", "Karim", "Louis", "Mathieu", "Nicolas", "Olivier", "Pierre", "Stéphane", "Thierry", "Yannick",
    ];

    private static readonly string[] LastNames =
    [
        "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau", "Simon", "Laurent",
        "Lefèvre", "Michel", "Garcia", "Faure", "Girard", "Bonnet", "Dupont", "Lambert", "Fontaine", "Rousseau", "Diallo", "Traoré",
        "Benali", "Nguyen", "Mercier", "Boyer", "Chevalier", "Gauthier",
    ];

    public static NameFlavour FlavourOf(string countryCode) => CountryFlavours.GetValueOrDefault(countryCode, NameFlavour.English);

    public static string Place(Random random, NameFlavour flavour)
    {
        var (roots, endings) = Syllables[flavour];
        var name = Pick(random, roots) + Pick(random, endings);
        if (flavour != NameFlavour.French) return name;
        var roll = random.Next(100);
        if (roll < 18) name = Pick(random, FrenchPrefixes) + name;
        if (roll is >= 10 and < 30) name += string.Format(System.Globalization.CultureInfo.InvariantCulture, Pick(random, FrenchSuffixes), Pick(random, Rivers));
        return name;
    }

    /// <summary>The name a French authority of this kind carries, built on a place name.</summary>
    public static string FrenchAuthority(AuthorityKind kind, string place, string departmentName, string regionName) => kind switch
    {
        AuthorityKind.Departement => $"Département {Of(departmentName)}",
        AuthorityKind.Region => $"Région {regionName}",
        AuthorityKind.CommunauteAgglomeration => $"Communauté d'agglomération {Of(place)}",
        AuthorityKind.CommunauteUrbaine => $"Communauté urbaine {Of(place)}",
        AuthorityKind.Metropole => $"{place} Métropole",
        _ => place,
    };

    /// <summary>The name a foreign authority of this kind carries, built on a place name.</summary>
    public static string ForeignAuthority(AuthorityKind kind, string place) => kind switch
    {
        AuthorityKind.Province => $"Province {Of(place)}",
        AuthorityKind.Region => $"Région {Of(place)}",
        AuthorityKind.Gouvernorat => $"Gouvernorat {Of(place)}",
        AuthorityKind.Wilaya => $"Wilaya {Of(place)}",
        AuthorityKind.Cercle => $"Cercle {Of(place)}",
        AuthorityKind.Land => $"Land {place}",
        AuthorityKind.Prefecture => $"Préfecture {Of(place)}",
        _ => place,
    };

    public static (string First, string Last) Person(Random random) => (Pick(random, FirstNames), Pick(random, LastNames));

    /// <summary>"de Lyon", "d'Annecy": the French elision before a vowel.</summary>
    public static string Of(string name) =>
        name.Length > 0 && "AEIOUÉÈÊYaeiouéèy".Contains(name[0], StringComparison.Ordinal) ? "d'" + name : "de " + name;

    public static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
