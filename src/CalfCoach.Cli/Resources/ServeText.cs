using System.Globalization;
using System.Resources;
using System.Runtime.CompilerServices;

namespace CalfCoach.Cli.Resources;

/// <summary>
/// The words of <c>calfcoach serve</c> in the terminal (the pages' words are the web's), from <c>ServeText.resx</c>: a
/// translation is a <c>ServeText.{culture}.resx</c> beside it, with no code change (docs/ARCHITECTURE.md, "Words in
/// resource files"). The texts are plain: callers escape them before adding Spectre markup around them.
/// </summary>
public static class ServeText
{
    private static readonly ResourceManager Strings = new(typeof(ServeText));

    public static string CommandHelp => Get();

    public static string UrlsHelp(string address) => Format(nameof(UrlsHelp), address);

    public static string DemoHelp => Get();

    public static string AllowedHostsHelp => Get();

    public static string KnownProxiesHelp => Get();

    public static string CertificateHelp(string variable) => Format(nameof(CertificateHelp), variable);

    public static string CertificateKeyHelp => Get();

    public static string NotAnAddress(string address) => Format(nameof(NotAnAddress), address);

    public static string NotAHostName(string host) => Format(nameof(NotAHostName), host);

    public static string NotAnIpAddress(string address) => Format(nameof(NotAnIpAddress), address);

    public static string GeneratingDemo => Get();

    public static string WarningLabel => Get();

    public static string OpenNetwork(string addresses) => Format(nameof(OpenNetwork), addresses);

    public static string InUse(string address, string suggestion) => Format(nameof(InUse), address, suggestion);

    public static string CannotListen(string addresses, string reason) => Format(nameof(CannotListen), addresses, reason);

    public static string Running(string address) => Format(nameof(Running), address);

    public static string Data(string data) => Format(nameof(Data), data);

    public static string DemoData => Get();

    public static string KeyWithoutCertificate => Get();

    public static string PemWithoutKey(string path) => Format(nameof(PemWithoutKey), path);

    public static string CannotReadCertificate(string path, string reason, string variable) => Format(nameof(CannotReadCertificate), path, reason, variable);

    public static string CannotReadCertificateWithKey(string path, string key, string reason, string variable) => Format(nameof(CannotReadCertificateWithKey), path, key, reason, variable);

    /// <summary>The text for the current UI culture, falling back to English (the neutral resources).</summary>
    private static string Get([CallerMemberName] string key = "") =>
        Strings.GetString(key, CultureInfo.CurrentUICulture) ?? throw new MissingManifestResourceException($"No text '{key}' in ServeText.resx.");

    /// <summary>A text with placeholders, its numbers formatted for the current culture.</summary>
    private static string Format(string key, params object[] values) => string.Format(CultureInfo.CurrentCulture, Get(key), values);
}
