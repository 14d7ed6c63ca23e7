using System.Globalization;
using CalfCoach.Core;

namespace CalfCoach.Cli.Rendering;

/// <summary>
/// A date in the CLI's human output, in the current culture (the terminal's locale; YYYY-MM-DD with none, e.g. LANG=C).
/// <c>--json</c>, calendars and file names keep <see cref="IsoDate"/>; messages that echo a date the user typed as an
/// option keep it as typed.
/// </summary>
internal static class HumanDate
{
    public static string Of(DateOnly date) => ReadableDate.Text(date, CultureInfo.CurrentCulture);
}
