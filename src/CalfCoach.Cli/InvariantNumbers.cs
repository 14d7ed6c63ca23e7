using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using CalfCoach.Cli.Resources;

namespace CalfCoach.Cli;

/// <summary>
/// Decimal options read as written in scripts and docs, 167.5, whatever the terminal's locale: System.CommandLine reads
/// them in the current culture, so under de-DE "--height-cm 180.5" became 1805 cm. Applied once to the whole tree, so a
/// new option cannot forget it.
/// </summary>
internal static class InvariantNumbers
{
    public static void Apply(Command command)
    {
        foreach (var option in command.Options)
        {
            switch (option)
            {
                case Option<double> { CustomParser: null } required:
                    required.CustomParser = result => Read(result) ?? 0;
                    break;
                case Option<double?> { CustomParser: null } optional:
                    optional.CustomParser = Read;
                    break;
            }
        }

        foreach (var subcommand in command.Subcommands)
        {
            Apply(subcommand);
        }
    }

    private static double? Read(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        var name = (result.Parent as OptionResult)?.Option.Name ?? result.Argument.Name;
        result.AddError(CommonText.NotANumber(name, text));
        return null;
    }
}
