using System.Globalization;

namespace CalfCoach.Core;

/// <summary>
/// A calendar date for a person to read (a page, the CLI's human output), in their culture's short date: 05.12.2026 in
/// German, 05/12/2026 in British English, 12/5/2026 in American English, the same order as the browser's date picker.
/// Machine formats (JSON, CSV, file names, stored text) use <see cref="IsoDate"/> instead and never change with a locale.
/// </summary>
public static class ReadableDate
{
    /// <summary>
    /// The date in <paramref name="culture"/>'s short date, or YYYY-MM-DD for the invariant culture: a process with no
    /// locale (LANG=C, a service) would otherwise print the invariant culture's US-style 12/05/2026, which no one reads.
    /// </summary>
    public static string Text(DateOnly date, CultureInfo culture) =>
        culture.Equals(CultureInfo.InvariantCulture) ? IsoDate.ToText(date) : date.ToString("d", culture);
}
