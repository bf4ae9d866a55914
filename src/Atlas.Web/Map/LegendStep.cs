namespace Atlas.Web.Map;

/// <summary>
/// One step of the legend: its colour (map-c1…map-c5) and the values it covers; an <paramref name="Open"/> last step is
/// written "26 et plus", so that the legend reads as round bounds rather than ending at an odd maximum.
/// </summary>
public sealed record LegendStep(int Class, int From, int To, bool Open = false)
{
    public string Label => Open ? $"{N(From)} et plus" : From == To ? N(From) : $"{N(From)} à {N(To)}";

    private static string N(int value) => Format.Number(value);
}
