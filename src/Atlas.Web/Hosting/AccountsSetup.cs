using Atlas.Core.Accounts;
using Atlas.Core.Data;
using Atlas.Core.Editing;
using Atlas.Web.Pages.Compte;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SignInResult = Microsoft.AspNetCore.Identity.SignInResult;

namespace Atlas.Web.Hosting;

/// <summary>The authorization policies of the portal and, later, of the write API.</summary>
public static class AtlasPolicies
{
    /// <summary>Any signed-in account, whatever its role.</summary>
    public const string Editor = "Editor";
    public const string Administrator = "Administrator";
}

/// <summary>Accounts of the people who edit the atlas: ASP.NET Core Identity on PostgreSQL, a cookie for the portal.</summary>
public static class AccountsSetup
{
    public const string LoginPath = "/compte/connexion";
    public const string AccessDeniedPath = "/compte/acces-refuse";
    public const string ReturnUrlParameter = "retour";
    public static readonly TimeSpan SessionLength = TimeSpan.FromHours(8);
    /// <summary>How soon a disabled account's open sessions end, and a re-scoped account's claims change.</summary>
    public static readonly TimeSpan StampValidationInterval = TimeSpan.FromMinutes(1);
    public const int MaxFailedAttempts = 5;
    public static readonly TimeSpan LockoutLength = TimeSpan.FromMinutes(15);
    public const int MinPasswordLength = 12;

    public static IServiceCollection AddAtlasAccounts(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddIdentity<AtlasUser, IdentityRole<int>>(o =>
            {
                // Length over composition rules (NIST SP 800-63B).
                o.Password.RequiredLength = MinPasswordLength;
                o.Password.RequiredUniqueChars = 4;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = MaxFailedAttempts;
                o.Lockout.DefaultLockoutTimeSpan = LockoutLength;
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<AtlasDbContext>()
            .AddDefaultTokenProviders()
            .AddSignInManager<AtlasSignInManager>()
            .AddClaimsPrincipalFactory<EditorClaimsPrincipalFactory>()
            .AddErrorDescriber<FrenchIdentityErrorDescriber>();

        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = StampValidationInterval);
        // The write API's second scheme: personal API tokens.
        services.AddAuthentication().AddApiTokens();

        var securePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "atlas.session";
            o.LoginPath = LoginPath;
            o.LogoutPath = "/compte/deconnexion";
            o.AccessDeniedPath = AccessDeniedPath;
            o.ReturnUrlParameter = ReturnUrlParameter;
            o.ExpireTimeSpan = SessionLength;
            o.SlidingExpiration = true;
            o.Events.OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context => RedirectOrStatus(context, StatusCodes.Status403Forbidden);
        });
        // Every Identity cookie (session, pending two-factor sign-in) gets the same flags.
        services.ConfigureAll<CookieAuthenticationOptions>(o =>
        {
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = securePolicy;
        });

        services.AddAuthorizationBuilder()
            .AddPolicy(AtlasPolicies.Editor, p => p.RequireAuthenticatedUser().RequireClaim(EditorClaims.UserId))
            .AddPolicy(AtlasPolicies.Administrator, p => p.RequireAuthenticatedUser()
                .RequireClaim(EditorClaims.Role, EnumCode<EditorRole>.ToCode(EditorRole.Administrator)));
        services.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizeFolder("/Admin", AtlasPolicies.Administrator));
        services.Configure<MvcOptions>(o =>
        {
            FrenchBindingMessages.Apply(o.ModelBindingMessageProvider);
            o.ModelBinderProviders.Insert(0, new Pages.Shared.FrenchDecimalBinderProvider());
        });

        services.AddHttpContextAccessor();
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<EditorAccessor>();
        services.Configure<PickupDirectoryEmailOptions>(configuration.GetSection(PickupDirectoryEmailOptions.Section));
        services.AddSingleton<IEmailSender<AtlasUser>, PickupDirectoryEmailSender>();
        PublicBaseUrl.AddTo(services, configuration);
        _ = AccountFormRateLimitAttribute.LimitFrom(configuration); // a bad value fails the start, not a sign-in later
        services.AddSingleton<UnknownAccountPasswordHash>();
        services.AddScoped<PasswordResetLinks>();
        services.AddScoped<AccountScopes>();
        return services;
    }

    // The API answers a status, never a redirect to an HTML page.
    private static Task RedirectOrStatus(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api")) context.Response.StatusCode = status;
        else context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}

/// <summary>
/// Identity's sign-in rules, plus: a disabled account cannot sign in, and its open sessions end at their next check; and no
/// attempt tells whether an account exists. Identity answers an unknown address without hashing (15 ms against 299 ms for a
/// known one, as measured on a Production instance), and a locked or disabled account before looking at the password: here
/// every attempt verifies exactly one password hash — an unknown address, or an account without a password yet, against
/// <see cref="UnknownAccountPasswordHash"/> — so that every answer costs the same.
/// </summary>
public sealed class AtlasSignInManager(
    UserManager<AtlasUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<AtlasUser> claimsFactory,
    Microsoft.Extensions.Options.IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<AtlasUser>> logger,
    Microsoft.AspNetCore.Authentication.IAuthenticationSchemeProvider schemes,
    IUserConfirmation<AtlasUser> confirmation,
    UnknownAccountPasswordHash unknownAccountHash)
    : SignInManager<AtlasUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(AtlasUser user) => !user.IsDisabled && await base.CanSignInAsync(user);

    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        if (await UserManager.FindByNameAsync(userName) is { } user) return await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
        unknownAccountHash.Verify(UserManager.PasswordHasher, password);
        return SignInResult.Failed;
    }

    public override async Task<SignInResult> CheckPasswordSignInAsync(AtlasUser user, string password, bool lockoutOnFailure)
    {
        ArgumentNullException.ThrowIfNull(user);
        var refused = await PreSignInCheck(user);
        // The usual case: Identity checks the password once, counts a failure and locks after too many.
        if (refused is null && user.PasswordHash is not null) return await base.CheckPasswordSignInAsync(user, password, lockoutOnFailure);

        // Identity would answer before hashing: the password is verified all the same.
        var right = user.PasswordHash is null
            ? unknownAccountHash.Verify(UserManager.PasswordHasher, password)
            : await UserManager.CheckPasswordAsync(user, password);
        // A disabled account is said to be disabled to whoever knows its password, and to no one else: that tells them
        // nothing they could not have learnt by signing in before it was disabled.
        if (refused is { IsNotAllowed: true } && right) return refused;
        if (refused is { IsLockedOut: true }) return refused;
        if (lockoutOnFailure && UserManager.SupportsUserLockout)
        {
            await UserManager.AccessFailedAsync(user);
            if (await UserManager.IsLockedOutAsync(user)) return SignInResult.LockedOut;
        }
        return SignInResult.Failed;
    }

    public override async Task<AtlasUser?> ValidateSecurityStampAsync(System.Security.Claims.ClaimsPrincipal? principal)
    {
        var user = await base.ValidateSecurityStampAsync(principal);
        return user is { IsDisabled: false } ? user : null;
    }
}
