using Atlas.Web.Pages.Compte;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Atlas.Web.Hosting;

/// <summary>Accounts of the people who edit the atlas: ASP.NET Core Identity on PostgreSQL, a cookie for the portal.</summary>
public static class AccountsSetup
{
    /// <summary>The sign-in cookie: its presence alone sends a request's reads to the primary (<see cref="DatabaseRoute"/>).</summary>
    public const string SessionCookie = "atlas.session";

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
            o.Cookie.Name = SessionCookie;
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
            o.ModelBinderProviders.Insert(0, new Pages.Shared.FrenchFieldBinderProvider());
        });

        services.AddHttpContextAccessor();
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<EditorAccessor>();
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
        if (ApiPath.Matches(context.Request.Path)) context.Response.StatusCode = status;
        else if (status == StatusCodes.Status401Unauthorized && HttpMethods.IsPost(context.Request.Method))
            context.Response.Redirect(SessionEnded(context.Request));
        else context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>The value of <see cref="ResumeParameter"/> on a form reopened after its post found the session ended.</summary>
    public const string ResumeParameter = "reprise";

    /// <summary>
    /// A form posted once the session had ended (a long edit: the session lasts <see cref="SessionLength"/> without activity)
    /// leads to the sign-in page, which says why, and back to the same form marked <c>?reprise=1</c>: its script then puts
    /// back what was typed, kept in the tab's sessionStorage as the form was sent (wwwroot/js/form-draft.js). The server
    /// cannot keep it: the post is refused before it is read.
    /// </summary>
    private static string SessionEnded(HttpRequest request)
    {
        var form = request.PathBase + request.Path + QueryString.Create(
            QueryHelpers.ParseQuery(request.QueryString.Value)
                .Where(q => q.Key != ResumeParameter).SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v)))
                .Append(KeyValuePair.Create(ResumeParameter, (string?)"1")));
        return QueryHelpers.AddQueryString(LoginPath, new Dictionary<string, string?> { [ReturnUrlParameter] = form, ["session"] = "expiree" });
    }
}
