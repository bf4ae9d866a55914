using System.Xml;

namespace Atlas.Core.Export.Iati;

/// <summary>
/// Writes one iati-activity element, its children in the order the 2.03 schema's sequence requires; its project's page is
/// linked at <paramref name="baseUrl"/>, the portal's public address.
/// </summary>
internal sealed class IatiXml(XmlWriter xml, string baseUrl)
{
    private const string XmlNamespace = "http://www.w3.org/XML/1998/namespace";
    private const string French = "fr";

    public static string Amount(decimal value) => value.ToString("0.##########", CultureInfo.InvariantCulture);

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Timestamp(DateTimeOffset moment) =>
        moment.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public async Task WriteActivityAsync(IatiActivity activity, IatiReportingOrg reportingOrg)
    {
        var project = activity.Project;
        await xml.WriteStartElementAsync(null, "iati-activity", null);
        await xml.WriteAttributeStringAsync(null, "last-updated-datetime", null, Timestamp(project.UpdatedAt));
        await xml.WriteAttributeStringAsync("xml", "lang", XmlNamespace, French);

        await xml.WriteElementStringAsync(null, "iati-identifier", null, reportingOrg.ActivityIdentifier(project.Id));

        await xml.WriteStartElementAsync(null, "reporting-org", null);
        await xml.WriteAttributeStringAsync(null, "ref", null, reportingOrg.Ref);
        await xml.WriteAttributeStringAsync(null, "type", null, reportingOrg.Type);
        await NarrativeAsync(reportingOrg.Name);
        await xml.WriteEndElementAsync();

        await xml.WriteStartElementAsync(null, "title", null);
        await NarrativeAsync(project.Title, French);
        await xml.WriteEndElementAsync();

        var general = Text(project.Description) ?? Text(project.Objectives) ?? project.Title;
        await DescriptionAsync(IatiCodes.GeneralDescription, general);
        if (Text(project.Description) is not null && Text(project.Objectives) is { } objectives)
            await DescriptionAsync(IatiCodes.ObjectivesDescription, objectives);

        foreach (var org in activity.Organisations)
        {
            await xml.WriteStartElementAsync(null, "participating-org", null);
            await xml.WriteAttributeStringAsync(null, "type", null, org.Type);
            await xml.WriteAttributeStringAsync(null, "role", null, org.Role);
            await NarrativeAsync(org.Name);
            await xml.WriteEndElementAsync();
        }

        await EmptyAsync("activity-status", ("code", IatiCodes.Status(project.Status)));

        foreach (var date in activity.Dates)
        {
            await xml.WriteStartElementAsync(null, "activity-date", null);
            await xml.WriteAttributeStringAsync(null, "type", null, date.Type);
            await xml.WriteAttributeStringAsync(null, "iso-date", null, Date(date.Date));
            if (date.Note is { } note) await NarrativeAsync(note, French);
            await xml.WriteEndElementAsync();
        }

        foreach (var country in activity.Countries)
            await EmptyAsync("recipient-country", ("code", country.Code), ("percentage", Amount(country.Percentage)));

        foreach (var sector in activity.Sectors)
            await EmptyAsync("sector", ("vocabulary", IatiCodes.CrsVocabulary), ("code", sector.Code), ("percentage", Amount(sector.Percentage)));

        if (activity.Budget is { } budget)
        {
            await xml.WriteStartElementAsync(null, "budget", null);
            await xml.WriteAttributeStringAsync(null, "type", null, IatiCodes.OriginalBudget);
            await EmptyAsync("period-start", ("iso-date", Date(budget.Start)));
            await EmptyAsync("period-end", ("iso-date", Date(budget.End)));
            await ValueAsync(budget.Amount, budget.Currency, budget.Start);
            await xml.WriteEndElementAsync();
        }

        foreach (var transaction in activity.Transactions)
        {
            await xml.WriteStartElementAsync(null, "transaction", null);
            await EmptyAsync("transaction-type", ("code", IatiCodes.IncomingCommitment));
            await EmptyAsync("transaction-date", ("iso-date", Date(transaction.Date)));
            await ValueAsync(transaction.Amount, transaction.Currency, transaction.Date);
            if (transaction.Description is { } description)
            {
                await xml.WriteStartElementAsync(null, "description", null);
                await NarrativeAsync(description, French);
                await xml.WriteEndElementAsync();
            }
            if (transaction.Provider is { } provider)
            {
                await xml.WriteStartElementAsync(null, "provider-org", null);
                await xml.WriteAttributeStringAsync(null, "type", null, provider.Type);
                await NarrativeAsync(provider.Name);
                await xml.WriteEndElementAsync();
            }
            await xml.WriteEndElementAsync();
        }

        // The project's page, where a reader of the file finds the record as the portal shows it (A12: activity web page).
        await xml.WriteStartElementAsync(null, "document-link", null);
        await xml.WriteAttributeStringAsync(null, "format", null, "text/html");
        await xml.WriteAttributeStringAsync(null, "url", null, $"{baseUrl}/projets/{project.Id}");
        await xml.WriteStartElementAsync(null, "title", null);
        await NarrativeAsync("Fiche du projet sur le portail", French);
        await xml.WriteEndElementAsync();
        await EmptyAsync("category", ("code", IatiCodes.ActivityWebPage));
        await EmptyAsync("language", ("code", French));
        await xml.WriteEndElementAsync();

        await xml.WriteEndElementAsync();
    }

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private async Task DescriptionAsync(string type, string text)
    {
        await xml.WriteStartElementAsync(null, "description", null);
        await xml.WriteAttributeStringAsync(null, "type", null, type);
        await NarrativeAsync(text, French);
        await xml.WriteEndElementAsync();
    }

    private async Task NarrativeAsync(string text, string? language = null)
    {
        await xml.WriteStartElementAsync(null, "narrative", null);
        if (language is not null) await xml.WriteAttributeStringAsync("xml", "lang", XmlNamespace, language);
        await xml.WriteStringAsync(XmlText(text));
        await xml.WriteEndElementAsync();
    }

    /// <summary>Free text without the control characters XML cannot carry (pasted from office documents), rather than a broken file.</summary>
    private static string XmlText(string text)
    {
        if (text.All(XmlConvert.IsXmlChar)) return text;
        var kept = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i])) kept.Append(text[i]);
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i])) kept.Append(text[i]).Append(text[++i]);
        }
        return kept.ToString();
    }

    private async Task ValueAsync(decimal amount, string currency, DateOnly valueDate)
    {
        // Amounts keep the currency they were given in: never converted.
        await xml.WriteStartElementAsync(null, "value", null);
        await xml.WriteAttributeStringAsync(null, "currency", null, currency);
        await xml.WriteAttributeStringAsync(null, "value-date", null, Date(valueDate));
        await xml.WriteStringAsync(Amount(amount));
        await xml.WriteEndElementAsync();
    }

    private async Task EmptyAsync(string name, params (string Name, string Value)[] attributes)
    {
        await xml.WriteStartElementAsync(null, name, null);
        foreach (var (attribute, value) in attributes) await xml.WriteAttributeStringAsync(null, attribute, null, value);
        await xml.WriteEndElementAsync();
    }
}
