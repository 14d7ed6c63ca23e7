using System.Text.RegularExpressions;

namespace CalfCoach.Cli.Rendering;

/// <summary>
/// A Spectre style on a value inside a text from a resource file, so the text itself holds no markup
/// (docs/ARCHITECTURE.md, "Words in resource files"): the value is marked (<see cref="Bold"/>, <see cref="In"/>) before
/// it fills its placeholder, then <see cref="Markup"/> escapes the whole filled text, our words and the values alike, and
/// turns the marks into tags. The marks are characters of Unicode's private use area, taken out of the values first.
/// </summary>
internal static partial class Styled
{
    private const string Open = "\uE000";
    private const string Between = "\uE001";
    private const string Close = "\uE002";

    /// <summary><paramref name="value"/>, to be shown in bold.</summary>
    public static string Bold(string value) => In("bold", value);

    /// <summary><paramref name="value"/>, to be shown in a Spectre <paramref name="style"/> ("bold link", "yellow").</summary>
    public static string In(string style, string value) => Open + style + Between + Plain(value) + Close;

    /// <summary>Spectre markup for a filled text: every character escaped, the marked values styled.</summary>
    public static string Markup(string text) =>
        Marks().Replace(Spectre.Console.Markup.Escape(text), m => m.Groups["style"].Success ? $"[{m.Groups["style"].Value}]" : "[/]");

    private static string Plain(string value) =>
        value.Replace(Open, string.Empty, StringComparison.Ordinal).Replace(Between, string.Empty, StringComparison.Ordinal).Replace(Close, string.Empty, StringComparison.Ordinal);

    [GeneratedRegex("\uE000(?<style>[^\uE001]*)\uE001|\uE002", RegexOptions.CultureInvariant)]
    private static partial Regex Marks();
}
