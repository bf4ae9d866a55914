using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Primitives;

namespace Atlas.Web.Tests.Docs;

/// <summary>
/// A configuration source that holds no value and records every key the app asks for. Added last, it is asked first for
/// each value (<see cref="TryGet"/>), and it takes part in every listing of a section's children (<see cref="GetChildKeys"/>).
/// </summary>
/// <remarks>
/// An options class bound to a section (<c>Configure&lt;T&gt;(section)</c>) reads its properties only when the section has
/// children; so that a documented setting of such a class is asked for even when the test gives it no value, the recorder
/// lists the last part of each <paramref name="offered"/> key as a child of its section, without a value. It offers them
/// below the first level only (Atlas:Mail has a child From, Atlas has none), so that a walk over the whole configuration
/// would not make every offered key look read.
/// </remarks>
public sealed class ConfigurationReadRecorder(IEnumerable<string> offered) : IConfigurationSource, IConfigurationProvider
{
    private readonly ConcurrentDictionary<string, byte> _read = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, byte> _listed = new(StringComparer.OrdinalIgnoreCase);
    private readonly string[] _offered = offered.ToArray();

    /// <summary>Every key whose value was asked for.</summary>
    public IReadOnlySet<string> Read => _read.Keys.ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Every section whose children were listed ("" for the root).</summary>
    public IReadOnlySet<string> Listed => _listed.Keys.ToHashSet(StringComparer.OrdinalIgnoreCase);

    public IConfigurationProvider Build(IConfigurationBuilder builder) => this;

    public bool TryGet(string key, out string? value)
    {
        _read.TryAdd(key, 0);
        value = null;
        return false;
    }

    public IEnumerable<string> GetChildKeys(IEnumerable<string> earlierKeys, string? parentPath)
    {
        _listed.TryAdd(parentPath ?? "", 0);
        if (parentPath is null || !parentPath.Contains(ConfigurationPath.KeyDelimiter, StringComparison.Ordinal)) return earlierKeys;
        var prefix = parentPath + ConfigurationPath.KeyDelimiter;
        return earlierKeys.Concat(_offered
            .Where(k => k.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && k.Length > prefix.Length)
            .Select(k => k[prefix.Length..].Split(ConfigurationPath.KeyDelimiter)[0]));
    }

    public void Set(string key, string? value)
    {
    }

    public IChangeToken GetReloadToken() => new CancellationChangeToken(CancellationToken.None);

    public void Load()
    {
    }
}
