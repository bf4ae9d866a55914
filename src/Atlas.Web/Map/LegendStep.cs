using System.Globalization;

namespace Atlas.Web.Map;

/// <summary>One step of the legend: the colour class and the values it covers.</summary>
public sealed record LegendStep(int Class, int From, int To)
{
    public string Label => From == To ? From.ToString(CultureInfo.InvariantCulture) : $"{From} à {To}";
}
