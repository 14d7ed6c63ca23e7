using System.Globalization;

namespace CalfCoach.Core;

/// <summary>
/// Calendar dates as text everywhere they leave the process (JSON, SQL, calendar UIDs, CLI and web): YYYY-MM-DD in the
/// invariant culture, so a runner's locale can never change a stored or transmitted date.
/// </summary>
public static class IsoDate
{
    public const string Pattern = "yyyy-MM-dd";

    public static string ToText(DateOnly date) => date.ToString(Pattern, CultureInfo.InvariantCulture);

    /// <summary>Reads a YYYY-MM-DD date typed by a person or sent by a client; false for anything else.</summary>
    public static bool TryParse(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, Pattern, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <exception cref="FormatException">The text is not a YYYY-MM-DD date.</exception>
    public static DateOnly Parse(string text) => DateOnly.ParseExact(text, Pattern, CultureInfo.InvariantCulture);
}
