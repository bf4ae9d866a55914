namespace Atlas.Tools.Synthetic;

/// <summary>The sound of a country's place names, so that names look plausible and trigram look-ups meet realistic spellings.</summary>
public enum NameFlavour { French, Germanic, Latin, Slavic, WestAfrican, Arabic, Asian, English }
