using Atlas.Web.Api;

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
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api => api.UseAtlasApiErrors());
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), portal =>
        {
            if (!app.Environment.IsDevelopment()) portal.UseExceptionHandler("/erreur");
            portal.UseStatusCodePagesWithReExecute("/erreur/{0}");
        });
        app.UseMiddleware<TextInputGuard>();
        app.UseMiddleware<DatabaseOutageBoundary>();

        app.UseStaticAssetCompression();
        app.UseStaticFiles(new StaticFileOptions { OnPrepareResponse = StaticAssetCompression.SetCacheHeaders });
        app.UseRouting();
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api =>
        {
            api.UseCors(AtlasApi.CorsPolicy);
            api.UseMiddleware<ApiRateLimiting>();
            api.UseMiddleware<ApiConditionalGet>();
        });
        app.UseAuthentication();
        app.UseAuthorization();
        // Whatever a signed-in person's request saves is recorded in the history under their name.
        app.Use(async (context, next) =>
        {
            using (Atlas.Core.Editing.AmbientEditor.Use(EditorAccessor.From(context.User))) await next(context);
        });
        // Where AddAtlasPortal registered it, that is unless Atlas:OutputCache:Enabled is false.
        if (app.Services.GetRequiredService<IServiceProviderIsService>().IsService(typeof(AnonymousOutputCache))) app.UseOutputCache();
        return app;
    }
}
