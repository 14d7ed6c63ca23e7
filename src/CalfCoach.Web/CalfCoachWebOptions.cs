using System.Net;
using CalfCoach.Import;
using CalfCoach.Storage;

namespace CalfCoach.Web;

/// <summary>What <c>calfcoach serve</c> (or a test) gives the web app.</summary>
public sealed record CalfCoachWebOptions
{
    /// <summary>Loopback only: the runner's health and training data stay on their own computer unless they choose otherwise.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>The runner's database, opened (and migrated) by the caller, who also disposes of it.</summary>
    public required Database Database { get; init; }

    /// <summary>Addresses to listen on (Kestrel URLs; port 0 picks a free port).</summary>
    public IReadOnlyList<string> Urls { get; init; } = [DefaultUrl];

    /// <summary>Today's date comes from here (tests pin it).</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>
    /// The day the pain began, when known (the demo runner's onset). Findings are ordered by their relevance to it;
    /// without it, to today.
    /// </summary>
    public DateOnly? Onset { get; init; }

    /// <summary>Shown under each page title, e.g. that the data are a generated demo runner.</summary>
    public string? DataNote { get; init; }

    /// <summary>The largest import upload accepted (the sum of all files in one request).</summary>
    public long MaxUploadBytes { get; init; } = 2L * 1024 * 1024 * 1024;

    /// <summary>The largest JSON body accepted (answers, profile, shoes).</summary>
    public long MaxJsonBytes { get; init; } = 64 * 1024;

    /// <summary>
    /// The process's import memory budget (<c>CALFCOACH_IMPORT_MEMORY_MB</c>, 1 GiB by default), shared by every upload
    /// being imported; when other uploads hold it, an upload is answered 503 with Retry-After.
    /// </summary>
    public ImportMemoryBudget ImportMemory { get; init; } = new();

    /// <summary>Where uploads are held while they are imported (a fresh folder per import, deleted afterwards).</summary>
    public string TemporaryFolder { get; init; } = Path.GetTempPath();

    /// <summary>
    /// Host names (or <c>*.suffix</c>) the server also answers to, besides loopback, the machine's own addresses and the
    /// names in <see cref="Urls"/>: what <c>calfcoach serve --allowed-hosts</c> gives.
    /// </summary>
    public IReadOnlyList<string> AllowedHosts { get; init; } = [];

    /// <summary>
    /// Reverse proxies whose <c>X-Forwarded-For/-Host/-Proto</c> headers are believed (<c>--known-proxies</c>); from anyone
    /// else those headers are ignored, so the host check sees the Host the client really sent.
    /// </summary>
    public IReadOnlyList<IPAddress> KnownProxies { get; init; } = [];

    /// <summary>
    /// The certificate (with its private key) served on <c>https://</c> addresses (<c>calfcoach serve --certificate</c>);
    /// null when every address is plain HTTP.
    /// </summary>
    public System.Security.Cryptography.X509Certificates.X509Certificate2? Certificate { get; init; }

    /// <summary>
    /// True for a server with accounts: every page and API call needs a session cookie or an API token (sign-in page,
    /// <c>POST /api/session</c>, bearer tokens), and data-protection keys are kept in the database so several server
    /// processes share them. False (the local SQLite default): no login, every request is the implicit local runner.
    /// </summary>
    public bool RequireSignIn { get; init; }

    /// <summary>A log destination besides the console (tests read the server log through it).</summary>
    public Microsoft.Extensions.Logging.ILoggerProvider? LogTo { get; init; }

    /// <summary>
    /// Why the server must not start with these addresses, or null. There are no accounts: whoever reaches the server can
    /// read and change the data, so listening beyond loopback needs the names it is reached by to be given explicitly.
    /// </summary>
    public static string? BindingProblem(IReadOnlyList<string> urls, IReadOnlyList<string> allowedHosts)
    {
        ArgumentNullException.ThrowIfNull(urls);
        ArgumentNullException.ThrowIfNull(allowedHosts);
        return urls.All(IsLoopbackUrl) || allowedHosts.Count > 0
            ? null
            : "listening beyond this computer needs --allowed-hosts with the names or addresses people will open it by "
              + "(e.g. --allowed-hosts calfcoach.lan); anyone who can reach it can read and change your data.";
    }

    /// <summary>Why HTTPS addresses cannot be served, or null: an https:// address needs a certificate to present.</summary>
    public static string? CertificateProblem(IReadOnlyList<string> urls, bool hasCertificate)
    {
        ArgumentNullException.ThrowIfNull(urls);
        return hasCertificate || !urls.Any(u => u.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            ? null
            : "an https:// address needs --certificate FILE (a .pfx, or a PEM certificate with --certificate-key FILE), e.g. from Let's Encrypt.";
    }

    /// <summary>True for an address that only this computer can reach (127.0.0.0/8, ::1, localhost).</summary>
    public static bool IsLoopbackUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip)));
}
