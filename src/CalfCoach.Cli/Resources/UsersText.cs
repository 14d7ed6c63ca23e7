using System.Globalization;
using System.Resources;
using System.Runtime.CompilerServices;

namespace CalfCoach.Cli.Resources;

/// <summary>
/// The words of <c>calfcoach users</c> (the reasons an address or a password is refused are the core's), from
/// <c>UsersText.resx</c>: a translation is an <c>UsersText.{culture}.resx</c> beside it, with no code change
/// (docs/ARCHITECTURE.md, "Words in resource files"). The texts are plain: callers escape them before adding Spectre
/// markup around them.
/// </summary>
public static class UsersText
{
    private static readonly ResourceManager Strings = new(typeof(UsersText));

    public static string CommandHelp => Get();

    public static string AddHelp => Get();

    public static string EmailHelp => Get();

    public static string RoleHelp => Get();

    public static string GiveARole(string roles) => Format(nameof(GiveARole), roles);

    public static string PasswordInput => Get();

    public static string Added(string email, string role) => Format(nameof(Added), email, role);

    public static string AddedRunner(string email, string role, long runner) => Format(nameof(AddedRunner), email, role, runner);

    public static string ResetPasswordHelp => Get();

    public static string ResetEmailHelp => Get();

    public static string PasswordChanged(string email) => Format(nameof(PasswordChanged), email);

    public static string ListHelp => Get();

    public static string Title => Get();

    public static string IdColumn => Get();

    public static string EmailColumn => Get();

    public static string RoleColumn => Get();

    public static string RunnerColumn => Get();

    public static string CreatedColumn => Get();

    public static string SelfRegistrationHelp => Get();

    public static string SelfRegistrationStateHelp => Get();

    public static string SelfRegistrationOn(string on) => Format(nameof(SelfRegistrationOn), on);

    public static string SelfRegistrationOff(string off) => Format(nameof(SelfRegistrationOff), off);

    public static string NoPassword => Get();

    /// <summary>The text for the current UI culture, falling back to English (the neutral resources).</summary>
    private static string Get([CallerMemberName] string key = "") =>
        Strings.GetString(key, CultureInfo.CurrentUICulture) ?? throw new MissingManifestResourceException($"No text '{key}' in UsersText.resx.");

    /// <summary>A text with placeholders, its numbers formatted for the current culture.</summary>
    private static string Format(string key, params object[] values) => string.Format(CultureInfo.CurrentCulture, Get(key), values);
}
