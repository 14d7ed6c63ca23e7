using System.Globalization;
using System.Resources;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Html;

namespace CalfCoach.Web.Resources;

/// <summary>
/// Every word of the import page and its summary, from <c>ImportPageText.resx</c>: a translation is an
/// <c>ImportPageText.{culture}.resx</c> beside it, with no code change (docs/ARCHITECTURE.md, "Words in resource files").
/// A key ending in <c>Html</c> may hold <c>&lt;strong&gt;</c> and is written unencoded: it is our own text, never input.
/// </summary>
public static class ImportPageText
{
    private static readonly ResourceManager Strings = new(typeof(ImportPageText));

    public static string PageTitle => Get();

    public static string Heading => Get();

    public static string Intro => Get();

    public static string FilesLabel => Get();

    public static string DropHint => Get();

    public static string FolderLabel => Get();

    public static string ImportButton => Get();

    public static string UploadLabel => Get();

    public static string HelpSummary => Get();

    public static string StravaHeading => Get();

    public static string StravaStep1 => Get();

    public static HtmlString StravaStep2Html => new(Get());

    public static HtmlString StravaStep3Html => new(Get());

    public static string StravaStep4 => Get();

    public static string GarminHeading => Get();

    public static HtmlString GarminStep1Html => new(Get());

    public static HtmlString GarminStep2Html => new(Get());

    public static string GarminStep3 => Get();

    public static HtmlString ZipAsItIsHtml => new(Get());

    public static string NothingImported => Get();

    public static string DidNotFinish => Get();

    public static string Finished => Get();

    public static string NewRuns => Get();

    public static string AlreadyStored => Get();

    public static string OtherSports => Get();

    public static string NotCounted => Get();

    public static string Partial => Get();

    public static string FilesLookedAt => Get();

    public static string CouldNotBeRead => Get();

    public static string Skipped => Get();

    public static string FailuresHeading => Get();

    public static string FailuresMore(int more, int listed) => Format(nameof(FailuresMore), more, listed);

    public static string NotCountedHeading => Get();

    public static string SkippedHeading => Get();

    public static string SkippedMore(int more, int listed) => Format(nameof(SkippedMore), more, listed);

    public static string SeeDashboard => Get();

    /// <summary>The text for the current UI culture, falling back to English (the neutral resources).</summary>
    private static string Get([CallerMemberName] string key = "") =>
        Strings.GetString(key, CultureInfo.CurrentUICulture) ?? throw new MissingManifestResourceException($"No text '{key}' in ImportPageText.resx.");

    /// <summary>A text with placeholders, its numbers formatted for the current culture.</summary>
    private static string Format(string key, params object[] values) => string.Format(CultureInfo.CurrentCulture, Get(key), values);
}
