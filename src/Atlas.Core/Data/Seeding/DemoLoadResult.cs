namespace Atlas.Core.Data.Seeding;

/// <summary>What one run of the loader added.</summary>
public sealed record DemoLoadResult(int Countries, int Themes, int Authorities, int Organisations, int Posts, int Partnerships, int Projects)
{
    public bool AddedAnything => Countries + Themes + Authorities + Organisations + Posts + Partnerships + Projects > 0;
}
