using System.Net;
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

    /// <summary>Where uploads are held while they are imported (a fresh folder per import, deleted afterwards).</summary>
    public string TemporaryFolder { get; init; } = Path.GetTempPath();

    /// <summary>True for an address that only this computer can reach (127.0.0.0/8, ::1, localhost).</summary>
    public static bool IsLoopbackUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip)));
}
