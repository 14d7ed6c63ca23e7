using System.CommandLine;
using System.Text;
using CalfCoach.Cli.Resources;
using CalfCoach.Core.Validation;

namespace CalfCoach.Cli;

/// <summary>Options shared by several commands, built once per command so each owns its instance.</summary>
public static class CommonOptions
{
    public static Option<DateOnly?> AsOf() =>
        Date("--as-of", CommonText.AsOfHelp);

    /// <summary>A date option written YYYY-MM-DD, with an error that names the option and shows the format.</summary>
    public static Option<DateOnly?> Date(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "DATE",
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
            var check = InputRules.Day.Parse(name, text);
            if (check is { IsValid: true, Value: { } date })
            {
                return date;
            }

            result.AddError($"{name}: {check.Error?.Message ?? CommonText.GiveADate}");
            return null;
        },
    };

    /// <summary>The checked value, or the user error naming <paramref name="option"/> with the core's reason.</summary>
    /// <exception cref="UserInputException">The value is refused by its rule in <see cref="InputRules"/>.</exception>
    public static T Valid<T>(Checked<T> check, string option) =>
        check.Error is { } error ? throw new UserInputException($"{option}: {error.Message}") : check.Value;

    /// <summary>The option a core key stands for: <c>startKm</c> → <c>--start-km</c>.</summary>
    public static string OptionFor(string key)
    {
        var option = new StringBuilder("--");
        foreach (var c in key)
        {
            option.Append(char.IsUpper(c) ? "-" + char.ToLowerInvariant(c) : c.ToString());
        }

        return option.ToString();
    }

    public static Option<string?> Db() => new("--db")
    {
        Description = CommonText.DbHelp,
        HelpName = "FILE|CONNECTION",
    };

    public static Option<bool> Json() => new("--json")
    {
        Description = CommonText.JsonHelp,
    };
}
