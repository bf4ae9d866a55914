namespace Atlas.Core.Countries;

/// <summary>The country codes the atlas names: France's sets the French side of a partnership apart.</summary>
public static class CountryCodes
{
    public const string France = "FR";
}
