using System.Text.Json;
using CalfCoach.Core.Assessment;

namespace CalfCoach.Cli.Tests.EndToEnd;

/// <summary>
/// Drives the real process, as a user or a script would: answers piped into standard input, and
/// key presses typed into a pseudo-terminal.
/// </summary>
public sealed class InteractiveProcessTests
{
    private static readonly string AllSignsNo = string.Concat(Enumerable.Repeat("n\n", Questionnaire.SymptomQuestions.Count));

    [Fact]
    public async Task Piped_answers_complete_an_assessment_and_exit_0()
    {
        var result = await CliProcess.RunAsync(AllSignsNo + "3\n2\n4\n5\nleft\ngradual\nn\nn\nn\nnone\nnone\n1\n", "assess", "--as-of", "2026-11-27", "--json");

        Assert.Equal(0, result.ExitCode);
        var json = JsonDocument.Parse(result.Out).RootElement;
        Assert.Equal("self-care", json.GetProperty("disposition").GetString());
        Assert.Equal("2026-12-02", json.GetProperty("followUp").GetProperty("reviewOn").GetString());
    }

    [Fact]
    public async Task Piped_emergency_answer_stops_asking_at_once()
    {
        // "no" to breathlessness, then "yes" to chest pain; more input follows that must never be read as answers.
        var result = await CliProcess.RunAsync("n\ny\nn\nn\n", "assess", "--as-of", "2026-11-27");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("EMERGENCY", result.Out);
        Assert.Contains("Call your local emergency number", result.Out);
        Assert.Contains("ambulance", result.Out);
        Assert.DoesNotContain(Questionnaire.For(Symptom.CoughingBlood).Text, result.Out);
    }

    [Fact]
    public async Task Piped_input_that_ends_early_exits_2_without_a_result()
    {
        var result = await CliProcess.RunAsync("n\nn\nn\n", "assess");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error: input ended before this question was answered", result.Error);
        Assert.DoesNotContain("SELF-CARE", result.Out);
    }

    [Fact]
    public async Task Answers_json_on_stdin_with_json_output_is_pure_json()
    {
        var answers = await File.ReadAllTextAsync(Tests.CliHarness.Example("answers-pop.json"), TestContext.Current.CancellationToken);

        var result = await CliProcess.RunAsync(answers, "assess", "--answers", "-", "--as-of", "2026-11-27", "--json");

        Assert.Equal(0, result.ExitCode);
        var json = JsonDocument.Parse(result.Out).RootElement;
        Assert.Equal("urgent", json.GetProperty("disposition").GetString());
        Assert.StartsWith("This was the first assessment here, so CalfCoach created its database at ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_a_terminal_an_emergency_answer_stops_the_prompts_and_shows_the_instructions()
    {
        Assert.SkipUnless(CliProcess.TerminalAvailable, "needs util-linux 'script' to provide a pseudo-terminal (apt-get install bsdutils)");

        var result = await CliProcess.RunInTerminalAsync("n\ry\r", "assess", "--as-of", "2026-11-27");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(Questionnaire.For(Symptom.ChestPain).Text, result.Out);
        Assert.Contains("EMERGENCY", result.Out);
        Assert.Contains("Questions stopped early", result.Out);
        Assert.DoesNotContain(Questionnaire.For(Symptom.CoughingBlood).Text, result.Out);
    }

    [Fact]
    public async Task In_a_terminal_an_unclear_key_press_is_asked_again()
    {
        Assert.SkipUnless(CliProcess.TerminalAvailable, "needs util-linux 'script' to provide a pseudo-terminal (apt-get install bsdutils)");

        var result = await CliProcess.RunInTerminalAsync("maybe\r\ry\r", "assess", "--as-of", "2026-11-27");

        Assert.Contains("Please answer y or n.", result.Out);
        Assert.Contains("EMERGENCY", result.Out);
    }
}
