using System.Globalization;
using Spectre.Console;
using Words = CalfCoach.Cli.Resources.InteractiveText;

namespace CalfCoach.Cli.Interactive;

/// <summary>
/// Line-by-line questions for piped or redirected input (scripts, screen readers, tests driving the
/// real process). Accepts y/yes/n/no; anything else is asked again.
/// </summary>
public sealed class LinePrompter(IAnsiConsole console, TextReader input) : IAnswerPrompter
{
    public void Section(string title)
    {
        console.WriteLine();
        console.Write(new Rule($"[bold]{Markup.Escape(title)}[/]").LeftJustified());
    }

    public void Say(string markup) => console.MarkupLine(markup);

    public bool AskYesNo(string question) => AskOptionalYesNo(question, required: true)!.Value;

    public bool? AskOptionalYesNo(string question) => AskOptionalYesNo(question, required: false);

    private bool? AskOptionalYesNo(string question, bool required)
    {
        var hint = required ? Words.YesNoHint : Words.OptionalYesNoHint;
        while (true)
        {
            var reply = Ask(question, hint);
            switch (reply.ToUpperInvariant())
            {
                case "Y" or "YES":
                    return true;
                case "N" or "NO":
                    return false;
                case "" when !required:
                    return null;
                default:
                    console.MarkupLine($"[yellow]{Markup.Escape(Words.AnswerYesOrNo)}[/]");
                    break;
            }
        }
    }

    public int AskWholeNumber(string question, int min, int max) => AskNumber(question, min, max, required: true)!.Value;

    public int? AskOptionalWholeNumber(string question, int min, int max) => AskNumber(question, min, max, required: false);

    private int? AskNumber(string question, int min, int max, bool required)
    {
        var hint = required ? Words.RangeHint(min, max) : Words.OptionalRangeHint(min, max);
        while (true)
        {
            var reply = Ask(question, hint);
            if (reply.Length == 0 && !required)
            {
                return null;
            }

            if (int.TryParse(reply, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            {
                return value;
            }

            console.MarkupLine($"[yellow]{Markup.Escape(Words.WholeNumber(min, max))}[/]");
        }
    }

    public T? AskOptionalChoice<T>(string question, IReadOnlyList<Choice<T>> choices)
        where T : struct
    {
        var labels = string.Join("/", choices.Select(c => c.Label));
        while (true)
        {
            var reply = Ask(question, Words.OptionalChoiceHint(labels));
            if (reply.Length == 0)
            {
                return null;
            }

            var match = choices.FirstOrDefault(c => string.Equals(c.Label, reply, StringComparison.OrdinalIgnoreCase));
            if (match is not null)
            {
                return match.Value;
            }

            console.MarkupLineInterpolated($"[yellow]{Words.AnswerOneOf(labels)}[/]");
        }
    }

    public T AskOneOf<T>(string question, IReadOnlyList<Choice<T>> choices)
    {
        console.MarkupLineInterpolated($"[bold]{question}[/]");
        for (var i = 0; i < choices.Count; i++)
        {
            console.MarkupLineInterpolated($"  {i + 1,2}. {choices[i].Label}");
        }

        while (true)
        {
            var reply = Ask(Words.NumberThatFits, Words.RangeHint(1, choices.Count));
            if (int.TryParse(reply, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= choices.Count)
            {
                return choices[n - 1].Value;
            }

            console.MarkupLineInterpolated($"[yellow]{Words.OneNumber(choices.Count)}[/]");
        }
    }

    public IReadOnlyList<T> AskMany<T>(string question, IReadOnlyList<Choice<T>> choices)
    {
        console.MarkupLineInterpolated($"[bold]{question}[/]");
        for (var i = 0; i < choices.Count; i++)
        {
            console.MarkupLineInterpolated($"  {i + 1,2}. {choices[i].Label}");
        }

        while (true)
        {
            var reply = Ask(Words.NumbersThatApply, Words.NoneHint);
            if (string.Equals(reply, "none", StringComparison.OrdinalIgnoreCase))
            {
                return [];
            }

            var picked = new List<T>();
            var valid = reply.Length > 0;
            foreach (var part in reply.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= choices.Count)
                {
                    picked.Add(choices[n - 1].Value);
                }
                else
                {
                    valid = false;
                }
            }

            if (valid)
            {
                return picked.Distinct().ToArray();
            }

            console.MarkupLineInterpolated($"[yellow]{Words.SomeNumbers(choices.Count)}[/]");
        }
    }

    private string Ask(string question, string hint)
    {
        console.MarkupInterpolated($"{question} [dim]({hint})[/] ");
        var line = input.ReadLine() ?? throw new InputEndedException(question);
        return line.Trim();
    }
}
