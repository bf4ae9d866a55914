namespace Atlas.Web.Hosting;

/// <summary>The request pipeline, in its order: what each request meets before its page or endpoint.</summary>
internal static class AtlasPipeline
{
    public static WebApplication UseAtlasPipeline(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseAtlasRequestLogging();
        app.UseSecurityHeaders();
        app.UseTransportSecurity();
        app.UseWhen(c => ApiPath.Matches(c.Request.Path), api =>
        {
            api.UseMiddleware<ApiHeadRequests>();
            api.UseAtlasApiErrors();
        });
        app.UseWhen(c => !ApiPath.Matches(c.Request.Path), portal =>
        {
            if (!app.Environment.IsDevelopment()) portal.UseExceptionHandler("/erreur");
            portal.UseStatusCodePagesWithReExecute("/erreur/{0}");
        });
        app.UseMiddleware<TextInputGuard>();
        app.UseMiddleware<RetiredThemeKeys>();
        app.UseMiddleware<DatabaseOutageBoundary>();

        app.UseStaticAssetCompression();
        app.UseStaticFiles(new StaticFileOptions { OnPrepareResponse = StaticAssetCompression.SetCacheHeaders });
        app.UseRouting();
        app.UseWhen(c => ApiPath.Matches(c.Request.Path), api =>
        {
            api.UseCors(AtlasApi.CorsPolicy);
            api.UseMiddleware<ApiRateLimiting>();
            api.UseMiddleware<ApiConditionalGet>();
        });
        app.UseAuthentication();
        app.UseAuthorization();
        // Where AddAtlasPortal registered it, that is unless Atlas:OutputCache:Enabled is false.
        if (app.Services.GetRequiredService<IServiceProviderIsService>().IsService(typeof(AnonymousOutputCache))) app.UseOutputCache();
        return app;
    }
}
