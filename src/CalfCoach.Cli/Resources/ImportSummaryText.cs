using System.Globalization;
using System.Resources;
using System.Runtime.CompilerServices;

namespace CalfCoach.Cli.Resources;

/// <summary>
/// The words of <c>calfcoach import</c>'s progress and summary, from <c>ImportSummaryText.resx</c>: a translation is an
/// <c>ImportSummaryText.{culture}.resx</c> beside it, with no code change (docs/ARCHITECTURE.md, "Words in resource files").
/// The texts are plain: callers escape them before adding Spectre markup around them.
/// </summary>
public static class ImportSummaryText
{
    private static readonly ResourceManager Strings = new(typeof(ImportSummaryText));

    public static string Importing => Get();

    public static string Progress(int files, int imported, int known, int failed) => Format(nameof(Progress), files, imported, known, failed);

    public static string Title => Get();

    public static string ResultColumn => Get();

    public static string CountColumn => Get();

    public static string Imported => Get();

    public static string NotRunning => Get();

    public static string NotCounted => Get();

    public static string NotCountedWithReasons => Get();

    public static string Duplicates => Get();

    public static string Partial => Get();

    public static string Failed => Get();

    public static string Skipped => Get();

    public static string SkippedListed => Get();

    public static string Totals(int files, double megabytes, double seconds, string database) => Format(nameof(Totals), files, megabytes, seconds, database);

    public static string FailuresTitle => Get();

    public static string FileColumn => Get();

    public static string WhyColumn => Get();

    public static string SportColumn => Get();

    public static string FailuresMore(int more, int listed) => Format(nameof(FailuresMore), more, listed);

    public static string NotCountedTitle => Get();

    public static string SkippedTitle => Get();

    public static string SkippedMore(int more, int listed) => Format(nameof(SkippedMore), more, listed);

    public static string NoActivityFiles => Get();

    public static string RestoredTitle => Get();

    public static string RestoredOriginals(int originals, int exports) => Format(nameof(RestoredOriginals), originals, exports);

    public static string RestoredProfile => Get();

    public static string RestoredShoes(int added, int assigned) => Format(nameof(RestoredShoes), added, assigned);

    public static string RestoredJournal(int assessments, int pain, int exercises, int visits, int checkOffs) =>
        Format(nameof(RestoredJournal), assessments, pain, exercises, visits, checkOffs);

    /// <summary>The text for the current UI culture, falling back to English (the neutral resources).</summary>
    private static string Get([CallerMemberName] string key = "") =>
        Strings.GetString(key, CultureInfo.CurrentUICulture) ?? throw new MissingManifestResourceException($"No text '{key}' in ImportSummaryText.resx.");

    /// <summary>A text with placeholders, its numbers formatted for the current culture.</summary>
    private static string Format(string key, params object[] values) => string.Format(CultureInfo.CurrentCulture, Get(key), values);
}
