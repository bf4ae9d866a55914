namespace Atlas.Tools.Synthetic;

/// <summary>How much synthetic data to make: scale 1 is the size of the ministry's atlas (about 12,700 projects).</summary>
public sealed record SyntheticOptions(double Scale, int Seed = SyntheticOptions.DefaultSeed, bool Force = false)
{
    public const int DefaultSeed = 42;
    public const double MaxScale = 1000;

    /// <summary>Row counts of the real atlas at scale 1; the generator multiplies them by the scale.</summary>
    public int FrenchAuthorities => Count(4_800);
    public int ForeignAuthorities => Count(9_000);
    public int Organisations => Count(6_000);
    public int Partnerships => Count(8_200);
    public int Projects => Count(12_700);
    /// <summary>Partner countries: 146 in the real atlas, whatever the scale (fewer when there are fewer authorities).</summary>
    public int Countries => Math.Min(146, ForeignAuthorities);

    /// <summary>The options of <c>--scale N [--seed S] [--force]</c>; null when the line is not that.</summary>
    public static SyntheticOptions? Parse(string[] args)
    {
        double? scale = null;
        var seed = DefaultSeed;
        var force = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--scale" when i + 1 < args.Length && double.TryParse(args[i + 1], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var s)
                                                      && s > 0 && s <= MaxScale:
                    scale = s;
                    i++;
                    break;
                case "--seed" when i + 1 < args.Length && int.TryParse(args[i + 1], System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var seedValue):
                    seed = seedValue;
                    i++;
                    break;
                case "--force":
                    force = true;
                    break;
                default:
                    return null;
            }
        }
        return scale is { } value ? new SyntheticOptions(value, seed, force) : null;
    }

    private int Count(int atScaleOne) => Math.Max(1, (int)Math.Round(atScaleOne * Scale, MidpointRounding.AwayFromZero));
}
