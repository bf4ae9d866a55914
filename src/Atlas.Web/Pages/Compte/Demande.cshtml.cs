using Atlas.Core.AccountRequests;
using Microsoft.AspNetCore.DataProtection;

namespace Atlas.Web.Pages.Compte;

/// <summary>
/// /compte/demande: anyone may ask for an editor account for an authority. Against robots, without a third-party captcha:
/// the shared per-address limit of the account forms (<see cref="AccountFormRateLimitAttribute"/>); a field no person sees
/// (<see cref="Trap"/>), which robots fill; and a signed timestamp of when the form was shown (<see cref="Started"/>): a form
/// sent back sooner than <see cref="MinimumFillTime"/> was not typed by a person. Both traps answer as a request kept does, so
/// that a robot learns nothing, and keep nothing. A request names its authority by name; homonyms and near names are offered
/// as choices, and a name that is no authority's is refused with a French message.
/// </summary>
[AllowAnonymous]
[AccountFormRateLimit]
public sealed partial class DemandeModel(AccountRequestDesk desk, IDataProtectionProvider protection, TimeProvider clock, ILogger<DemandeModel> logger)
    : AccountPageModel
{
    /// <summary>Four fields to type, one of them a name: far longer by hand; a script posts the moment it has the page.</summary>
    public static readonly TimeSpan MinimumFillTime = TimeSpan.FromSeconds(3);
    /// <summary>A form left open longer is asked again, so that an old timestamp cannot be replayed for ever.</summary>
    public static readonly TimeSpan MaximumFillTime = TimeSpan.FromHours(12);
    public const string Expired = "Ce formulaire a expiré : vérifiez vos informations, puis envoyez-le de nouveau.";
    private const string Purpose = "Atlas.AccountRequest.FormShown";

    [BindProperty]
    public string? DisplayName { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Position { get; set; }

    [BindProperty]
    public string? AuthorityName { get; set; }

    /// <summary>The authority chosen among homonyms or near names (its id); empty: the name typed.</summary>
    [BindProperty]
    public string? AuthorityId { get; set; }

    /// <summary>When the form was first shown, signed so that it cannot be forged.</summary>
    [BindProperty]
    public string? Started { get; set; }

    /// <summary>The trap: a field hidden from people (display: none), named as robots like to fill it.</summary>
    [BindProperty(Name = "site")]
    public string? Trap { get; set; }

    [BindProperty(SupportsGet = true, Name = "envoyee")]
    public bool Sent { get; set; }

    public IReadOnlyList<FieldOption> Choices { get; private set; } = [];

    public void OnGet() => Started = Stamp();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!string.IsNullOrEmpty(Trap))
        {
            LogTrapped(logger, "the hidden field was filled");
            return RedirectToPage(new { envoyee = true });
        }
        var now = clock.GetUtcNow();
        if (ShownAt(Started) is not { } shown || now - shown > MaximumFillTime || shown - now > MinimumFillTime)
        {
            FormError(Expired);
            Started = Stamp();
            return Page();
        }
        if (now - shown < MinimumFillTime)
        {
            LogTrapped(logger, $"sent {(now - shown).TotalMilliseconds:0} ms after the form was shown");
            return RedirectToPage(new { envoyee = true });
        }

        int? authorityId = string.IsNullOrWhiteSpace(AuthorityId) ? null
            : int.TryParse(AuthorityId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : -1; // -1: no authority has it
        var result = await desk.SubmitAsync(new AccountRequestForm(DisplayName, Email, Position, AuthorityName, authorityId), ct);
        if (result is AccountRequestSubmission.Invalid invalid)
        {
            foreach (var (field, message) in invalid.Errors) ModelState.AddModelError(field, message);
            Choices = [.. invalid.Choices.Select(c => new FieldOption(c.Id.ToString(CultureInfo.InvariantCulture), $"{c.Name} ({c.CountryName})"))];
            // A choice that was refused is not kept ticked; the name typed stays.
            ModelState.Remove(nameof(AuthorityId));
            AuthorityId = null;
            return Page();
        }
        return RedirectToPage(new { envoyee = true });
    }

    private string Stamp() =>
        protection.CreateProtector(Purpose).Protect(clock.GetUtcNow().UtcTicks.ToString(CultureInfo.InvariantCulture));

    private DateTimeOffset? ShownAt(string? stamp)
    {
        if (string.IsNullOrEmpty(stamp)) return null;
        try
        {
            var ticks = long.Parse(protection.CreateProtector(Purpose).Unprotect(stamp), NumberStyles.None, CultureInfo.InvariantCulture);
            return ticks is >= 0 and <= 3155378975999999999 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or FormatException or OverflowException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "An account request was taken for a robot's and dropped: {Reason}")]
    private static partial void LogTrapped(ILogger logger, string reason);
}
