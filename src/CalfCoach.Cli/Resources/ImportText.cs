using System.Globalization;
using System.Resources;
using System.Runtime.CompilerServices;

namespace CalfCoach.Cli.Resources;

/// <summary>
/// The words of <c>calfcoach import</c>'s help and errors, local and to a server (the summary is <see
/// cref="ImportSummaryText"/>'s), from <c>ImportText.resx</c>: a translation is an <c>ImportText.{culture}.resx</c>
/// beside it, with no code change (docs/ARCHITECTURE.md, "Words in resource files"). The texts are plain: callers
/// escape them before adding Spectre markup around them.
/// </summary>
public static class ImportText
{
    private static readonly ResourceManager Strings = new(typeof(ImportText));

    public static string CommandHelp => Get();

    public static string PathHelp => Get();

    public static string ServerHelp => Get();

    public static string TokenHelp(string variable) => Format(nameof(TokenHelp), variable);

    public static string TokenWithoutServer => Get();

    public static string ServerAndDb => Get();

    public static string TokenMissing(string accountPage, string variable) => Format(nameof(TokenMissing), accountPage, variable);

    public static string ServerNotAnAddress(string text) => Format(nameof(ServerNotAnAddress), text);

    public static string ServerPlainHttp(string host) => Format(nameof(ServerPlainHttp), host);

    public static string NoSuchPath(string path) => Format(nameof(NoSuchPath), path);

    public static string Uploading(string host) => Format(nameof(Uploading), host);

    public static string TheUpload => Get();

    public static string Batch(int batch, int batches, int files, string first) => Format(nameof(Batch), batch, batches, files, first);

    public static string NotASummary(string host, string upload, string server) => Format(nameof(NotASummary), host, upload, server);

    public static string TokenRefused(string host, string accountPage, string variable) => Format(nameof(TokenRefused), host, accountPage, variable);

    public static string OverLimit(string upload, string host, string advice) => Format(nameof(OverLimit), upload, host, advice);

    public static string OverLimitFile(string upload, string host, string file, double megabytes, string advice) => Format(nameof(OverLimitFile), upload, host, file, megabytes, advice);

    public static string AskAdministrator => Get();

    public static string Busy(string host, string upload, double seconds, int attempt, int attempts) => Format(nameof(Busy), host, upload, seconds, attempt, attempts);

    public static string StayedBusy(string host, int attempts, string upload) => Format(nameof(StayedBusy), host, attempts, upload);

    public static string Refused(string host, string upload, int status, string detail) => Format(nameof(Refused), host, upload, status, detail);

    public static string CouldNotReach(string server, string what) => Format(nameof(CouldNotReach), server, what);

    public static string NameNotFound(string host) => Format(nameof(NameNotFound), host);

    public static string NothingAnswered(string host, int port) => Format(nameof(NothingAnswered), host, port);

    public static string SecureConnectionFailed(string host) => Format(nameof(SecureConnectionFailed), host);

    public static string ConnectionFailed(string host, string reason) => Format(nameof(ConnectionFailed), host, reason);

    /// <summary>The text for the current UI culture, falling back to English (the neutral resources).</summary>
    private static string Get([CallerMemberName] string key = "") =>
        Strings.GetString(key, CultureInfo.CurrentUICulture) ?? throw new MissingManifestResourceException($"No text '{key}' in ImportText.resx.");

    /// <summary>A text with placeholders, its numbers formatted for the current culture.</summary>
    private static string Format(string key, params object[] values) => string.Format(CultureInfo.CurrentCulture, Get(key), values);
}
