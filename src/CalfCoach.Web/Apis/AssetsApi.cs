using System.Collections.Frozen;
using System.Security.Cryptography;

namespace CalfCoach.Web.Apis;

/// <summary>The stylesheet and the few scripts, served from resources embedded in this assembly: nothing from another origin.</summary>
public static class AssetsApi
{
    private const string Prefix = "CalfCoach.Web.Assets.";

    private static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".svg"] = "image/svg+xml",
    }.ToFrozenDictionary();

    private static readonly Lazy<FrozenDictionary<string, (byte[] Bytes, string ContentType, string ETag)>> Assets = new(Load);

    public static IEndpointRouteBuilder MapAssets(this IEndpointRouteBuilder app)
    {
        app.MapGet("/assets/{name}", Get).ExcludeFromDescription();
        return app;
    }

    /// <summary>The URL of an asset with its content hash, so browsers may cache it for good.</summary>
    public static string Url(string name) =>
        Assets.Value.TryGetValue(name, out var asset) ? $"/assets/{name}?v={asset.ETag.Trim('"')}" : throw new ArgumentException($"No asset named {name}.", nameof(name));

    private static IResult Get(HttpContext context, string name)
    {
        if (!Assets.Value.TryGetValue(name, out var asset))
        {
            return Problems.Missing("name", $"there is no asset named \"{name}\".");
        }

        context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
        return TypedResults.Bytes(asset.Bytes, asset.ContentType, entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue(asset.ETag));
    }

    private static FrozenDictionary<string, (byte[] Bytes, string ContentType, string ETag)> Load()
    {
        var assembly = typeof(AssetsApi).Assembly;
        var assets = new Dictionary<string, (byte[], string, string)>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            var name = resource[Prefix.Length..];
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            var bytes = memory.ToArray();
            var hash = Convert.ToHexStringLower(SHA256.HashData(bytes))[..16];
            assets[name] = (bytes, ContentTypes.GetValueOrDefault(Path.GetExtension(name), "application/octet-stream"), $"\"{hash}\"");
        }

        return assets.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
