using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Atlas.Web.Pages.Shared;

/// <summary>
/// <c>&lt;protected-email address="…" /&gt;</c>: a person's e-mail written so that crawlers cannot harvest it,
/// "prenom.nom [at] domaine.fr", never a plain address and never a mailto: link.
/// </summary>
[HtmlTargetElement("protected-email", Attributes = "address", TagStructure = TagStructure.WithoutEndTag)]
public sealed class ProtectedEmailTagHelper : TagHelper
{
    public string? Address { get; set; }

    public static string Obfuscate(string address) => address.Trim().Replace("@", " [at] ", StringComparison.Ordinal);

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (string.IsNullOrWhiteSpace(Address))
        {
            output.SuppressOutput();
            return;
        }
        output.TagName = "span";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "email");
        output.Attributes.SetAttribute("data-testid", "email");
        output.Content.SetContent(Obfuscate(Address));
    }
}
