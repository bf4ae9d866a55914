using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Atlas.Web.Pages.Shared;

/// <summary>
/// A labelled form field bound to a page property: <c>&lt;form-field for="Email" label="Adresse électronique" type="email" /&gt;</c>.
/// It shows what the person typed back (never a password) and the field's errors beside it, tied by aria-describedby,
/// with data-testid="field-error-{name}". With options it is a select, or radio buttons when type="radio".
/// </summary>
[HtmlTargetElement("form-field", Attributes = "for", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FormFieldTagHelper : TagHelper
{
    [ViewContext, HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public ModelExpression For { get; set; } = null!;
    public string Label { get; set; } = "";
    public string Type { get; set; } = "text";
    public string? Hint { get; set; }
    public string? Autocomplete { get; set; }
    public string? Inputmode { get; set; }
    public bool Required { get; set; }
    public bool Readonly { get; set; }
    public IReadOnlyList<FieldOption>? Options { get; set; }
    /// <summary>The first, empty choice of a select ("Choisir…"); none when null.</summary>
    public string? EmptyOption { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        // With the prefix of a partial drawn for a property (<partial for="Contacts">), as the built-in tag helpers do.
        var name = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        var id = "f-" + name.Replace('.', '-');
        var errors = ViewContext.ViewData.ModelState.TryGetValue(name, out var entry)
            ? entry.Errors.Select(e => e.ErrorMessage).Where(m => m.Length > 0).ToList()
            : [];
        var hasError = errors.Count > 0;
        var value = Type == "password" ? null : entry?.AttemptedValue ?? Format(For.Model);
        var describedBy = string.Join(' ', new[] { Hint is null ? null : "hint-" + id, hasError ? "err-" + id : null }.OfType<string>());

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", hasError ? "field field--error" : "field");

        if (Type == "radio" && Options is not null)
        {
            output.TagName = "fieldset";
            output.Attributes.SetAttribute("id", id);
            if (describedBy.Length > 0) output.Attributes.SetAttribute("aria-describedby", describedBy);
            output.Content.AppendHtml(Element("legend", Label));
            AppendHint(output, id);
            for (var i = 0; i < Options.Count; i++)
            {
                var option = Options[i];
                var radio = new TagBuilder("input") { TagRenderMode = TagRenderMode.SelfClosing };
                radio.Attributes["type"] = "radio";
                radio.Attributes["id"] = $"{id}-{i}";
                radio.Attributes["name"] = name;
                radio.Attributes["value"] = option.Value;
                if (option.Value == value) radio.Attributes["checked"] = "checked";
                var label = new TagBuilder("label");
                label.Attributes["for"] = $"{id}-{i}";
                label.InnerHtml.Append(option.Label);
                var row = new TagBuilder("div");
                row.AddCssClass("choice");
                row.InnerHtml.AppendHtml(radio).AppendHtml(label);
                output.Content.AppendHtml(row);
            }
            AppendErrors(output, id, name, errors);
            return;
        }

        var labelTag = new TagBuilder("label");
        labelTag.Attributes["for"] = id;
        labelTag.InnerHtml.Append(Label);
        output.Content.AppendHtml(labelTag);
        AppendHint(output, id);

        TagBuilder control;
        if (Options is not null)
        {
            control = new TagBuilder("select");
            if (EmptyOption is not null) control.InnerHtml.AppendHtml(Option("", EmptyOption, value));
            foreach (var option in Options) control.InnerHtml.AppendHtml(Option(option.Value, option.Label, value));
        }
        else
        {
            control = new TagBuilder("input") { TagRenderMode = TagRenderMode.SelfClosing };
            control.Attributes["type"] = Type;
            if (value is not null) control.Attributes["value"] = value;
            if (Autocomplete is not null) control.Attributes["autocomplete"] = Autocomplete;
            if (Inputmode is not null) control.Attributes["inputmode"] = Inputmode;
            if (Readonly) control.Attributes["readonly"] = "readonly";
        }
        control.Attributes["id"] = id;
        control.Attributes["name"] = name;
        if (Required) control.Attributes["required"] = "required";
        if (hasError) control.Attributes["aria-invalid"] = "true";
        if (describedBy.Length > 0) control.Attributes["aria-describedby"] = describedBy;
        output.Content.AppendHtml(control);
        AppendErrors(output, id, name, errors);
    }

    private void AppendHint(TagHelperOutput output, string id)
    {
        if (Hint is null) return;
        var hint = Element("p", Hint);
        hint.AddCssClass("hint");
        hint.Attributes["id"] = "hint-" + id;
        output.Content.AppendHtml(hint);
    }

    private static void AppendErrors(TagHelperOutput output, string id, string name, List<string> errors)
    {
        if (errors.Count == 0) return;
        var error = Element("p", string.Join(" ", errors));
        error.AddCssClass("field-error");
        error.Attributes["id"] = "err-" + id;
        error.Attributes["data-testid"] = "field-error-" + name;
        output.Content.AppendHtml(error);
    }

    private static TagBuilder Option(string value, string label, string? current)
    {
        var option = Element("option", label);
        option.Attributes["value"] = value;
        if (value == (current ?? "")) option.Attributes["selected"] = "selected";
        return option;
    }

    private static TagBuilder Element(string tag, string text)
    {
        var element = new TagBuilder(tag);
        element.InnerHtml.Append(text);
        return element;
    }

    private static string? Format(object? model) => model switch
    {
        null => null,
        // An amount is shown the way it is typed and read back (FrenchDecimalBinder): « 200 249 », « 15 000,50 », not « 200249.00 ».
        decimal amount => Shared.Format.Number(amount),
        DateOnly date => FrenchDateBinder.Show(date),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => model.ToString(),
    };
}
