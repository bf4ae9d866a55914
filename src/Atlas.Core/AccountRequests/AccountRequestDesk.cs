using Atlas.Core.Mail;
using Microsoft.AspNetCore.Identity;

namespace Atlas.Core.AccountRequests;

/// <summary>
/// Account requests, from the visitor's form to the decision. A request goes to the correspondents whose post covers a
/// partner country of the authority (a country of an authority it shares a partnership with, or its own when it is foreign),
/// and to the administrators, who may decide every request; when no correspondent covers one, the administrators are mailed.
/// Accepting creates an authority editor's account for that authority, without a password: the caller mails the link to
/// choose one. The requester hears only of the decision: the form sends no mail to the address typed, so that it cannot be
/// used to send mail to a stranger.
/// </summary>
public sealed partial class AccountRequestDesk(AtlasDbContext db, AuthoritySuggestionQuery suggestions, ReferenceCatalog catalog,
    UserManager<AtlasUser> users, IOutgoingMail mail, IPortalLinks links, TimeProvider clock, ILogger<AccountRequestDesk> logger)
{
    public const string FormPath = "/compte/demande";
    public const string DecisionPath = "/espace/demandes";
    /// <summary>How many names a requester is offered when the name typed is not one authority's.</summary>
    private const int MaxChoices = 6;

    public async Task<AccountRequestSubmission> SubmitAsync(AccountRequestForm form, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var name = Clean(form.DisplayName);
        var email = Clean(form.Email);
        var position = Clean(form.Position);
        if (name is null) errors[nameof(form.DisplayName)] = "Indiquez vos prénom et nom.";
        else if (name.Length > AccountRequest.MaxNameLength) errors[nameof(form.DisplayName)] = $"Vos prénom et nom ne peuvent dépasser {AccountRequest.MaxNameLength} caractères.";
        if (email is null) errors[nameof(form.Email)] = "Indiquez votre adresse électronique professionnelle.";
        else if (!IsAddress(email)) errors[nameof(form.Email)] = "Cette adresse électronique n’est pas valide (exemple : prenom.nom@ville.fr).";
        if (position is null) errors[nameof(form.Position)] = "Indiquez votre fonction au sein de la collectivité.";
        else if (position.Length > AccountRequest.MaxPositionLength) errors[nameof(form.Position)] = $"Votre fonction ne peut dépasser {AccountRequest.MaxPositionLength} caractères.";

        var (authority, authorityError, choices) = await FindAuthorityAsync(form, ct).ConfigureAwait(false);
        if (authorityError is not null) errors[nameof(form.AuthorityName)] = authorityError;
        if (errors.Count > 0 || authority is null) return new AccountRequestSubmission.Invalid(errors, choices);

        // The same person asking again for the same authority while a request waits: the first one stands, and no new mail.
        var normalised = email!.ToUpperInvariant();
        if (await db.AccountRequests.AnyAsync(r => r.Status == AccountRequestStatus.Pending && r.LocalAuthorityId == authority.Id
                && r.Email.ToUpper() == normalised, ct).ConfigureAwait(false))
            return new AccountRequestSubmission.Sent();

        var request = new AccountRequest
        {
            SubmittedAt = clock.GetUtcNow(),
            DisplayName = name!,
            Email = email,
            Position = position!,
            LocalAuthorityId = authority.Id,
            Status = AccountRequestStatus.Pending,
        };
        db.AccountRequests.Add(request);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        db.ChangeTracker.Clear();
        LogSubmitted(logger, request.Id, authority.Id);

        foreach (var (address, person) in await DecidersToMailAsync(authority.Id, ct).ConfigureAwait(false))
        {
            await mail.SendAfterSavingAsync(new OutgoingMail(address, person, "account-request-waiting", "Une demande de compte attend votre décision",
                $"{request.DisplayName} ({request.Position}) demande un compte d’éditeur pour {authority.Name} ({authority.CountryName}), " +
                $"avec l’adresse {request.Email}. Acceptez-la ou refusez-la depuis votre espace :", links.Link(DecisionPath)), logger, ct).ConfigureAwait(false);
        }
        return new AccountRequestSubmission.Sent();
    }

    /// <summary>The requests <paramref name="decider"/> may decide, waiting ones first (oldest first), then the last decided ones.</summary>
    public async Task<IReadOnlyList<AccountRequestView>> ForDeciderAsync(Editor decider, int decidedShown, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(decider);
        var mine = InScope(decider);
        // Sorted here: the join that names the authority does not keep the order of what it joins. Both lists are short.
        var waiting = await Views(mine.Where(r => r.Status == AccountRequestStatus.Pending)).ToListAsync(ct).ConfigureAwait(false);
        var decided = await Views(mine.Where(r => r.Status != AccountRequestStatus.Pending)
            .OrderByDescending(r => r.DecidedAt).ThenByDescending(r => r.Id).Take(decidedShown)).ToListAsync(ct).ConfigureAwait(false);
        var reference = await catalog.GetAsync(ct).ConfigureAwait(false);
        return [.. waiting.OrderBy(v => v.SubmittedAt).ThenBy(v => v.Id)
            .Concat(decided.OrderByDescending(v => v.DecidedAt).ThenByDescending(v => v.Id))
            .Select(v => v with { CountryName = reference.CountryName(v.CountryName) })];
    }

    /// <summary>How many requests wait for <paramref name="decider"/>.</summary>
    public Task<int> WaitingCountAsync(Editor decider, CancellationToken ct = default) =>
        InScope(decider).CountAsync(r => r.Status == AccountRequestStatus.Pending, ct);

    /// <summary>
    /// Accepts a waiting request: the account is created for the request's authority (authority editor, e-mail confirmed, no
    /// password yet) and the request marked accepted, together; the caller sends the set-password link.
    /// </summary>
    public async Task<AccountRequestDecision> AcceptAsync(Editor decider, long id, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(decider);
        if (await WaitingAsync(decider, id, ct).ConfigureAwait(false) is not { } request) return new AccountRequestDecision.NotFound();
        if (request.Refused is { } refused) return refused;
        if (await users.FindByEmailAsync(request.Request.Email).ConfigureAwait(false) is not null)
            return new AccountRequestDecision.Invalid("", $"Un compte existe déjà avec l’adresse {request.Request.Email} : refusez la demande en le disant, " +
                "ou changez ce compte depuis la liste des comptes.");
        var authorityName = await db.LocalAuthorities.Where(a => a.Id == request.Request.LocalAuthorityId).Select(a => a.Name).SingleAsync(ct).ConfigureAwait(false);

        var now = clock.GetUtcNow();
        var account = new AtlasUser
        {
            UserName = request.Request.Email,
            Email = request.Request.Email,
            EmailConfirmed = true,
            DisplayName = request.Request.DisplayName,
            Role = EditorRole.AuthorityEditor,
            LocalAuthorityId = request.Request.LocalAuthorityId,
            CreatedAt = now,
        };
        await using var transaction = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        var created = await users.CreateAsync(account).ConfigureAwait(false);
        if (!created.Succeeded) return new AccountRequestDecision.Invalid("", string.Join(" ", created.Errors.Select(e => e.Description)));
        // Only a request still waiting is decided: of two deciders at once, the first one's decision stands.
        var decided = await db.AccountRequests.Where(r => r.Id == id && r.Status == AccountRequestStatus.Pending).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Status, AccountRequestStatus.Accepted)
            .SetProperty(r => r.DeciderId, decider.UserId)
            .SetProperty(r => r.DeciderName, decider.Name)
            .SetProperty(r => r.DecidedAt, now)
            .SetProperty(r => r.AccountId, account.Id), ct).ConfigureAwait(false);
        if (decided == 0) return new AccountRequestDecision.NotFound();
        await transaction.CommitAsync(ct).ConfigureAwait(false);
        db.ChangeTracker.Clear();
        LogDecided(logger, id, "accepted", decider.UserId);
        return new AccountRequestDecision.Accepted(account, authorityName);
    }

    /// <summary>Refuses a waiting request with <paramref name="reason"/> (required), which the requester is mailed.</summary>
    public async Task<AccountRequestDecision> RefuseAsync(Editor decider, long id, string? reason, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(decider);
        var text = reason?.Trim();
        if (string.IsNullOrEmpty(text)) return new AccountRequestDecision.Invalid("Reason", "Dites à la personne pourquoi sa demande est refusée.");
        if (text.Length > AccountRequest.MaxReasonLength)
            return new AccountRequestDecision.Invalid("Reason", $"La raison ne peut dépasser {AccountRequest.MaxReasonLength} caractères.");
        if (await WaitingAsync(decider, id, ct).ConfigureAwait(false) is not { } request) return new AccountRequestDecision.NotFound();
        if (request.Refused is { } refused) return refused;

        var decided = await db.AccountRequests.Where(r => r.Id == id && r.Status == AccountRequestStatus.Pending).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Status, AccountRequestStatus.Refused)
            .SetProperty(r => r.DeciderId, decider.UserId)
            .SetProperty(r => r.DeciderName, decider.Name)
            .SetProperty(r => r.DecidedAt, clock.GetUtcNow())
            .SetProperty(r => r.RefusalReason, text), ct).ConfigureAwait(false);
        if (decided == 0) return new AccountRequestDecision.NotFound();
        LogDecided(logger, id, "refused", decider.UserId);

        var authorityName = await db.LocalAuthorities.Where(a => a.Id == request.Request.LocalAuthorityId).Select(a => a.Name).SingleAsync(ct).ConfigureAwait(false);
        await mail.SendAfterSavingAsync(new OutgoingMail(request.Request.Email, request.Request.DisplayName, "account-request-refused", "Votre demande de compte d’éditeur",
            $"Votre demande de compte d’éditeur pour {authorityName} n’a pas été acceptée, pour cette raison :\n\n« {text} »\n\n" +
            "Vous pouvez envoyer une nouvelle demande :", links.Link(FormPath)), logger, ct).ConfigureAwait(false);
        return new AccountRequestDecision.Refused();
    }

    /// <summary>The request if it still waits, with why <paramref name="decider"/> may not decide it (outside their scope); null when none waits with that id.</summary>
    private async Task<(AccountRequest Request, AccountRequestDecision? Refused)?> WaitingAsync(Editor decider, long id, CancellationToken ct)
    {
        var request = await db.AccountRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct).ConfigureAwait(false);
        // Outside the decider's scope, the request is not told about, decided or not.
        if (request is null) return null;
        if (!await InScope(decider).AnyAsync(r => r.Id == id, ct).ConfigureAwait(false)) return (request, new AccountRequestDecision.Forbidden());
        return request.Status == AccountRequestStatus.Pending ? (request, null) : null;
    }

    /// <summary>
    /// The requests <paramref name="decider"/> may decide: an administrator, all; a correspondent, those for an authority of a
    /// country of their post or sharing a partnership with one; nobody else any.
    /// </summary>
    private IQueryable<AccountRequest> InScope(Editor decider)
    {
        if (decider.Role == EditorRole.Administrator) return db.AccountRequests;
        if (decider.Role != EditorRole.Correspondent) return db.AccountRequests.Where(_ => false);
        var countries = db.DiplomaticPostCountries.Where(pc => pc.DiplomaticPostId == decider.DiplomaticPostId).Select(pc => pc.CountryCode);
        return db.AccountRequests.Where(r =>
            db.LocalAuthorities.Any(a => a.Id == r.LocalAuthorityId && countries.Contains(a.CountryCode))
            || db.PartnershipAuthorities.Any(pa => pa.LocalAuthorityId == r.LocalAuthorityId
                && pa.Partnership!.Authorities.Any(other => countries.Contains(other.LocalAuthority!.CountryCode))));
    }

    /// <summary>The enabled correspondents covering a partner country of the authority; when there are none, the enabled administrators.</summary>
    private async Task<IReadOnlyList<(string Address, string Name)>> DecidersToMailAsync(int authorityId, CancellationToken ct)
    {
        var correspondents = await db.Users.AsNoTracking()
            .Where(u => !u.IsDisabled && u.Email != null && u.Role == EditorRole.Correspondent
                && db.DiplomaticPostCountries.Any(pc => pc.DiplomaticPostId == u.DiplomaticPostId
                    && (db.LocalAuthorities.Any(a => a.Id == authorityId && a.CountryCode == pc.CountryCode)
                        || db.PartnershipAuthorities.Any(pa => pa.LocalAuthorityId == authorityId
                            && pa.Partnership!.Authorities.Any(other => other.LocalAuthority!.CountryCode == pc.CountryCode)))))
            .OrderBy(u => u.Id).Select(u => new { u.Email, u.DisplayName }).ToListAsync(ct).ConfigureAwait(false);
        if (correspondents.Count > 0) return [.. correspondents.Select(u => (u.Email!, u.DisplayName))];
        var administrators = await db.Users.AsNoTracking()
            .Where(u => !u.IsDisabled && u.Email != null && u.Role == EditorRole.Administrator)
            .OrderBy(u => u.Id).Select(u => new { u.Email, u.DisplayName }).ToListAsync(ct).ConfigureAwait(false);
        return [.. administrators.Select(u => (u.Email!, u.DisplayName))];
    }

    private IQueryable<AccountRequestView> Views(IQueryable<AccountRequest> requests) =>
        requests.Join(db.LocalAuthorities.IgnoreQueryFilters(), r => r.LocalAuthorityId, a => a.Id, (r, a) => new AccountRequestView(
            r.Id, r.SubmittedAt, r.DisplayName, r.Email, r.Position, a.Id, a.Name, a.CountryCode, r.Status, r.DeciderName, r.DecidedAt, r.RefusalReason));

    /// <summary>The authority the form names (by id once chosen, else by its exact name, accents and case aside), or why none, with what to choose from.</summary>
    private async Task<(AuthorityChoice? Authority, string? Error, IReadOnlyList<AuthorityChoice> Choices)> FindAuthorityAsync(AccountRequestForm form, CancellationToken ct)
    {
        var reference = await catalog.GetAsync(ct).ConfigureAwait(false);
        if (form.AuthorityId is int id)
        {
            var chosen = await db.LocalAuthorities.AsNoTracking().Where(a => a.Id == id).Select(a => new { a.Id, a.Name, a.CountryCode })
                .SingleOrDefaultAsync(ct).ConfigureAwait(false);
            return chosen is null
                ? (null, "Cette collectivité n’existe pas dans l’atlas : saisissez son nom.", [])
                : (new AuthorityChoice(chosen.Id, chosen.Name, reference.CountryName(chosen.CountryCode)), null, []);
        }
        var typed = Clean(form.AuthorityName);
        if (typed is null) return (null, "Indiquez le nom de votre collectivité.", []);
        if (typed.Length < 2 || typed.Length > AuthoritySuggestionQuery.MaxLength)
            return (null, $"Saisissez le nom de votre collectivité (de 2 à {AuthoritySuggestionQuery.MaxLength} caractères).", []);

        // The trigram look-up (indexed) ranks an exact name first; homonyms ("Saint-Denis") all come back with it.
        var found = await suggestions.SuggestAsync(typed, AuthoritySuggestionQuery.MaxLimit, ct).ConfigureAwait(false);
        var choices = found.Select(s => new AuthorityChoice(s.Id, s.Name, reference.CountryName(s.CountryCode))).ToList();
        var exact = choices.Where(c => Comparable(c.Name) == Comparable(typed)).ToList();
        // People type "Woippy" for "Ville de Woippy": a name holding what was typed as whole words counts when no name is it exactly.
        if (exact.Count == 0) exact = [.. choices.Where(c => $" {Comparable(c.Name)} ".Contains($" {Comparable(typed)} ", StringComparison.Ordinal))];
        if (exact.Count == 1) return (exact[0], null, []);
        if (exact.Count > 1) return (null, "Plusieurs collectivités portent ce nom : choisissez la vôtre.", exact);
        return choices.Count > 0
            ? (null, $"Aucune collectivité de l’atlas ne s’appelle « {typed} » : choisissez la vôtre parmi les noms proches, ou corrigez le nom.", choices.Take(MaxChoices).ToList())
            : (null, $"Aucune collectivité de l’atlas ne s’appelle « {typed} » : vérifiez son nom.", []);
    }


    private static string? Clean(string? value)
    {
        var text = value?.ReplaceLineEndings(" ").Trim();
        return string.IsNullOrEmpty(text) ? null : text;
    }

    private static bool IsAddress(string email) =>
        email.Length <= AccountRequest.MaxEmailLength && System.Net.Mail.MailAddress.TryCreate(email, out var parsed)
        && string.Equals(parsed.Address, email, StringComparison.Ordinal) && parsed.Host.Contains('.', StringComparison.Ordinal);

    /// <summary>A name as compared with what was typed: without accents, case, hyphens or apostrophes ("Saint-Etienne" = "saint étienne").</summary>
    private static string Comparable(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark) continue;
            builder.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
        }
        return string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Account request {RequestId} received for authority {AuthorityId}")]
    private static partial void LogSubmitted(ILogger logger, long requestId, int authorityId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Account request {RequestId} {Decision} by account {DeciderId}")]
    private static partial void LogDecided(ILogger logger, long requestId, string decision, int deciderId);

}
