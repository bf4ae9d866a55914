using System.Text.RegularExpressions;
using Atlas.Web.Tests.Docs;

namespace Atlas.Web.Tests.Cluster;

/// <summary>
/// docker-compose.yml and the nginx configurations describe the topology of scripts/cluster.sh (the compose tool itself
/// checks the file in scripts/failover-test.sh, where one is installed, and nginx -t the configurations): without a
/// profile, the one instance as before; with the cluster profile, a replica, two instances reading from it, and nginx
/// with health checks and retries, its configuration rendered from the same template as the cluster's.
/// </summary>
public sealed partial class ClusterFilesTests
{
    private static readonly string Compose = File.ReadAllText(Path.Combine(Documents.Root, "docker-compose.yml"));

    /// <summary>Each service's block, by name (the two-space keys under services:), with a merged anchor's block added.</summary>
    private static Dictionary<string, string> Services()
    {
        var byName = new Dictionary<string, string>(StringComparer.Ordinal);
        var anchors = new Dictionary<string, string>(StringComparer.Ordinal);
        string? current = null;
        var inServices = false;
        foreach (var line in Compose.Split('\n'))
        {
            if (!line.StartsWith(' ') && line.Length > 0 && !line.StartsWith('#')) inServices = line == "services:";
            if (!inServices) continue;
            var start = ServiceStart().Match(line);
            if (start.Success)
            {
                current = start.Groups["name"].Value;
                byName[current] = "";
                if (start.Groups["anchor"].Success) anchors[start.Groups["anchor"].Value] = current;
            }
            else if (current is not null) byName[current] += line + "\n";
        }
        foreach (var name in byName.Keys.ToList())
        {
            var merge = Merge().Match(byName[name]);
            if (merge.Success) byName[name] += byName[anchors[merge.Groups[1].Value]];
        }
        return byName;
    }

    [Fact]
    public void Compose_runs_one_instance_by_default_and_the_cluster_topology_in_its_profile()
    {
        var services = Services();
        Assert.Equal(["postgres", "web", "replica", "web-a", "web-b", "nginx"], services.Keys);
        Assert.DoesNotContain("profiles:", services["postgres"], StringComparison.Ordinal);
        Assert.DoesNotContain("profiles:", services["web"], StringComparison.Ordinal);
        Assert.DoesNotContain("AtlasReadOnly", services["web"], StringComparison.Ordinal);
        foreach (var name in new[] { "replica", "web-a", "web-b", "nginx" })
            Assert.Contains("profiles: [cluster]", services[name], StringComparison.Ordinal);
        foreach (var name in new[] { "web-a", "web-b" })
        {
            Assert.Contains("ConnectionStrings__AtlasReadOnly: \"Host=replica,postgres;", services[name], StringComparison.Ordinal);
            Assert.Contains("Target Session Attributes=prefer-standby", services[name], StringComparison.Ordinal);
            Assert.Contains("ConnectionStrings__Atlas: \"Host=postgres,replica;", services[name], StringComparison.Ordinal);
        }
        Assert.Contains("pg_basebackup", File.ReadAllText(Path.Combine(Documents.Root, "deploy/compose/replica.sh")), StringComparison.Ordinal);
        // No tab may indent YAML.
        Assert.DoesNotContain('\t', Compose);
    }

    [Fact]
    public async Task Both_nginx_configurations_come_from_one_template_and_balance_two_instances_with_health_checks_retries_and_keepalive()
    {
        var cluster = await RenderNginxAsync("cluster");
        var compose = await RenderNginxAsync("compose");
        // The compose file's configuration is the template's rendering as committed: edited through the template only.
        Assert.Equal(compose, File.ReadAllText(Path.Combine(Documents.Root, "deploy/compose/nginx.conf")));
        foreach (var conf in new[] { cluster, compose })
        {
            Assert.Contains("proxy_next_upstream error timeout http_502 http_503;", conf, StringComparison.Ordinal);
            Assert.Contains("keepalive 32;", conf, StringComparison.Ordinal);
            Assert.Contains("proxy_set_header Connection \"\";", conf, StringComparison.Ordinal);
            Assert.Contains("proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;", conf, StringComparison.Ordinal);
            Assert.Contains("proxy_set_header X-Forwarded-Proto $scheme;", conf, StringComparison.Ordinal);
            Assert.DoesNotMatch(@"@[A-Z_]+@", conf); // every mark of the template filled
            // A request no instance answered gets the French page, not nginx's English 502.
            Assert.Contains("error_page 502 504 @unanswered;", conf, StringComparison.Ordinal);
            Assert.Contains("<html lang=\"fr\">", conf, StringComparison.Ordinal);
        }
        Assert.Equal(2, Regex.Count(cluster, @"server 127\.0\.0\.1:530[12] max_fails=2 fail_timeout=5s;"));
        Assert.Equal(2, Regex.Count(compose, @"server web-[ab]:8080 max_fails=2 fail_timeout=5s;"));
    }

    /// <summary>What <c>scripts/cluster.sh render-nginx</c> prints, with the cluster's default ports.</summary>
    private static async Task<string> RenderNginxAsync(string target)
    {
        var start = new System.Diagnostics.ProcessStartInfo("bash", ["scripts/cluster.sh", "render-nginx", target])
        {
            WorkingDirectory = Documents.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var name in new[] { "ATLAS_CLUSTER_WEB_PORTS", "ATLAS_CLUSTER_NGINX_PORT", "ATLAS_CLUSTER_DIR" }) start.Environment.Remove(name);
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(process.ExitCode == 0, error);
        return await output;
    }

    [GeneratedRegex(@"^  (?<name>[a-z][\w-]*):(?: &(?<anchor>[\w-]+))?\s*$")]
    private static partial Regex ServiceStart();

    [GeneratedRegex(@"<<: \*([\w-]+)")]
    private static partial Regex Merge();
}
