namespace Atlas.Web.Hosting;

internal sealed record AtlasConnection(string ConnectionString);
