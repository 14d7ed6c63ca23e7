using System.CommandLine;
using CalfCoach.Core;

namespace CalfCoach.Cli;

/// <summary>Options shared by several commands, built once per command so each owns its instance.</summary>
public static class CommonOptions
{
    public static Option<DateOnly?> AsOf() =>
        Date("--as-of", "The date the answers refer to (YYYY-MM-DD); default today. Makes results reproducible.");

    /// <summary>A date option written YYYY-MM-DD, with an error that names the option and shows the format.</summary>
    public static Option<DateOnly?> Date(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "DATE",
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
            if (IsoDate.TryParse(text, out var date))
            {
                return date;
            }

            result.AddError($"{name} must be a date written YYYY-MM-DD, such as 2026-03-14, not \"{text}\".");
            return null;
        },
    };

    public static Option<string?> Db() => new("--db")
    {
        Description = "The database file (default: $CALFCOACH_DB, else calfcoach.db in your data folder).",
        HelpName = "FILE",
    };

    public static Option<bool> Json() => new("--json")
    {
        Description = "Print the result as JSON on stdout, for scripts.",
    };
}
