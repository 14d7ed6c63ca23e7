using Spectre.Console;
using Words = CalfCoach.Cli.Resources.InteractiveText;

namespace CalfCoach.Cli.Interactive;

/// <summary>Key-by-key prompts for a person at a terminal, with Spectre.Console widgets.</summary>
public sealed class SpectrePrompter(IAnsiConsole console) : IAnswerPrompter
{
    private const string Skip = "skip";

    public void Section(string title)
    {
        console.WriteLine();
        console.Write(new Rule($"[bold]{Markup.Escape(title)}[/]").LeftJustified());
    }

    public void Say(string markup) => console.MarkupLine(markup);

    // No default value: pressing Enter alone asks again, so an answer is always a deliberate choice.
    public bool AskYesNo(string question) =>
        console.Prompt(new TextPrompt<string>(Markup.Escape(question), StringComparer.OrdinalIgnoreCase)
            .AddChoices(["y", "n"])
            .InvalidChoiceMessage($"[yellow]{Markup.Escape(Words.AnswerYesOrNo)}[/]")) is "y" or "Y";

    public bool? AskOptionalYesNo(string question)
    {
        var reply = console.Prompt(new TextPrompt<string>(Markup.Escape(question), StringComparer.OrdinalIgnoreCase)
            .AddChoices(["y", "n", Skip])
            .DefaultValue(Skip)
            .InvalidChoiceMessage($"[yellow]{Markup.Escape(Words.AnswerYesNoOrSkip)}[/]"));
        return reply.ToUpperInvariant() switch
        {
            "Y" => true,
            "N" => false,
            _ => null,
        };
    }

    public int AskWholeNumber(string question, int min, int max) =>
        console.Prompt(new TextPrompt<int>(Markup.Escape(question))
            .Validate(n => n >= min && n <= max, $"[yellow]{Markup.Escape(Words.WholeNumber(min, max))}[/]"));

    public int? AskOptionalWholeNumber(string question, int min, int max)
    {
        var reply = console.Prompt(new TextPrompt<string>($"{Markup.Escape(question)} [dim]({Markup.Escape(Words.OptionalRangeHint(min, max))})[/]")
            .AllowEmpty()
            .Validate(s => s.Length == 0 || (int.TryParse(s, out var n) && n >= min && n <= max),
                $"[yellow]{Markup.Escape(Words.WholeNumberOrSkip(min, max))}[/]"));
        return reply.Length == 0 ? null : int.Parse(reply, System.Globalization.CultureInfo.InvariantCulture);
    }

    public T? AskOptionalChoice<T>(string question, IReadOnlyList<Choice<T>> choices)
        where T : struct
    {
        var labels = choices.Select(c => c.Label).Append(Skip).ToArray();
        var reply = console.Prompt(new TextPrompt<string>(Markup.Escape(question), StringComparer.OrdinalIgnoreCase)
            .AddChoices(labels)
            .DefaultValue(Skip));
        var match = choices.FirstOrDefault(c => string.Equals(c.Label, reply, StringComparison.OrdinalIgnoreCase));
        return match?.Value;
    }

    public T AskOneOf<T>(string question, IReadOnlyList<Choice<T>> choices) =>
        console.Prompt(new SelectionPrompt<Choice<T>>()
                .Title(Markup.Escape(question))
                .UseConverter(c => Markup.Escape(c.Label))
                .AddChoices(choices))
            .Value;

    public IReadOnlyList<T> AskMany<T>(string question, IReadOnlyList<Choice<T>> choices) =>
        console.Prompt(new MultiSelectionPrompt<Choice<T>>()
                .Title(Markup.Escape(question))
                .NotRequired()
                .InstructionsText($"[dim]{Markup.Escape(Words.TickHint)}[/]")
                .UseConverter(c => Markup.Escape(c.Label))
                .AddChoices(choices))
            .Select(c => c.Value)
            .ToArray();
}
