using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace CalfCoach.Web.Apis;

/// <summary>The stylesheet and the few scripts, served from resources embedded in this assembly: nothing from another origin.</summary>
/// <remarks>
/// Two made here rather than embedded as they are: the web app manifest (it names the icons by their hashed URLs, so it
/// is built from them and hashed itself) and the service worker, which must be served from the site root to control
/// every page (a worker's scope is its own folder), and which carries a version made from every asset's hash, so a new
/// build is a new worker that refreshes its cache.
/// </remarks>
public static class AssetsApi
{
    /// <summary>Where the service worker is served: the root, so its scope is the whole site.</summary>
    public const string ServiceWorkerRoute = "/sw.js";

    public const string ManifestName = "manifest.webmanifest";

    /// <summary>The app's colour (the favicon's green): the phone's title bar and the splash screen behind the icon.</summary>
    public const string ThemeColour = "#1f6f5c";

    private const string Prefix = "CalfCoach.Web.Assets.";

    private static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".svg"] = "image/svg+xml",
        [".png"] = "image/png",
        [".webmanifest"] = "application/manifest+json",
    }.ToFrozenDictionary();

    private static readonly Lazy<FrozenDictionary<string, Asset>> Assets = new(Load);

    private static readonly Lazy<byte[]> ServiceWorker = new(() =>
    {
        // Every asset's hash in one: any change to a page's script or style gives the browser a new worker to install.
        var version = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            string.Join(",", Assets.Value.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => a.Key + "=" + a.Value.ETag)))))[..16];
        var script = Encoding.UTF8.GetString(Assets.Value["sw.js"].Bytes);
        return Encoding.UTF8.GetBytes($"const CALFCOACH_VERSION = '{version}';\n{script}");
    });

    public static IEndpointRouteBuilder MapAssets(this IEndpointRouteBuilder app)
    {
        // Anonymous on a server with sign-in: the sign-in page needs its stylesheet, and nothing here is anyone's data.
        app.MapGet("/assets/{name}", Get).ExcludeFromDescription().AllowAnonymous();
        app.MapGet(ServiceWorkerRoute, GetServiceWorker).ExcludeFromDescription().AllowAnonymous();
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

    /// <summary>The worker; like every response outside /assets it is <c>no-store</c>, so a browser always checks for a new one.</summary>
    private static Microsoft.AspNetCore.Http.HttpResults.FileContentHttpResult GetServiceWorker() => TypedResults.Bytes(ServiceWorker.Value, ContentTypes[".js"]);

    private static FrozenDictionary<string, Asset> Load()
    {
        var assembly = typeof(AssetsApi).Assembly;
        var assets = new Dictionary<string, Asset>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            var name = resource[Prefix.Length..];
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            assets[name] = Made(name, memory.ToArray());
        }

        assets[ManifestName] = Made(ManifestName, Manifest(assets));
        return assets.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static Asset Made(string name, byte[] bytes) => new(
        bytes,
        ContentTypes.GetValueOrDefault(Path.GetExtension(name), "application/octet-stream"),
        $"\"{Convert.ToHexStringLower(SHA256.HashData(bytes))[..16]}\"");

    /// <summary>
    /// The web app manifest: what a phone needs to put CalfCoach on its home screen and open it as an app on the "today"
    /// page. The icons are tools/make-icons.sh's drawings of the favicon; the maskable one keeps the leg in the safe zone.
    /// </summary>
    private static byte[] Manifest(Dictionary<string, Asset> assets)
    {
        string Hashed(string name) => $"/assets/{name}?v={assets[name].ETag.Trim('"')}";
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("id", "/");
            json.WriteString("name", "CalfCoach");
            json.WriteString("short_name", "CalfCoach");
            json.WriteString("description", "Safe next steps for a runner's calf pain: what to do today, and a check-in that moves your plan on.");
            json.WriteString("start_url", "/");
            json.WriteString("scope", "/");
            json.WriteString("display", "standalone");
            json.WriteString("theme_color", ThemeColour);
            json.WriteString("background_color", ThemeColour);
            json.WriteStartArray("icons");
            foreach (var (name, size, purpose) in new[] { ("icon-192.png", 192, "any"), ("icon-512.png", 512, "any"), ("icon-maskable-512.png", 512, "maskable") })
            {
                json.WriteStartObject();
                json.WriteString("src", Hashed(name));
                json.WriteString("sizes", $"{size}x{size}");
                json.WriteString("type", "image/png");
                json.WriteString("purpose", purpose);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private sealed record Asset(byte[] Bytes, string ContentType, string ETag);
}
