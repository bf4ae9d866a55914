namespace Atlas.Tools.Synthetic;

/// <summary>What a generation wrote.</summary>
public sealed record SyntheticCounts(
    long FrenchAuthorities, long ForeignAuthorities, long Countries, long Organisations, long Partnerships, long Projects,
    long Participants, long Fundings, long ProjectThemes, long Contacts, TimeSpan Elapsed);
