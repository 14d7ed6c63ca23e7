using CalfCoach.Core.Assessment;

namespace CalfCoach.Cli.Tests.Commands;

/// <summary>The question flow, driven in-process through the line prompter.</summary>
public sealed class InteractiveAssessTests
{
    /// <summary>"n" to every sign, then timing, pain, where (5: the muscle), side, onset, injury, cramp, diabetes, medicines, risk factors, changes.</summary>
    private static string AllNo(string changes = "none") =>
        string.Concat(Enumerable.Repeat("n\n", Questionnaire.SymptomQuestions.Count))
        + "3\n2\n4\n5\nleft\ngradual\nn\nn\nn\nnone\nnone\n" + changes + "\n";

    [Fact]
    public async Task Questions_come_in_groups_with_emergency_signs_first()
    {
        var run = await CliHarness.RunWithInputAsync(AllNo(), "assess");

        Assert.Equal(0, run.ExitCode);
        var breathing = run.Out.IndexOf("Emergency signs: breathing and circulation", StringComparison.Ordinal);
        var wholeBody = run.Out.IndexOf("Emergency signs: fever", StringComparison.Ordinal);
        var injury = run.Out.IndexOf("How it started", StringComparison.Ordinal);
        Assert.True(breathing >= 0 && breathing < wholeBody && wholeBody < injury);
    }

    [Fact]
    public async Task All_no_with_reported_changes_gives_self_care_and_those_causes()
    {
        var run = await CliHarness.RunWithInputAsync(AllNo(changes: "1,3"), "assess", "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("self-care", run.Json.GetProperty("disposition").GetString());
        var factors = run.Json.GetProperty("contributingFactors").EnumerateArray().Select(f => f.GetProperty("id").GetString()).ToArray();
        Assert.Equal(["distance-increase", "new-speedwork"], factors);
    }

    [Fact]
    public async Task In_json_mode_the_questions_go_to_stderr_and_stdout_is_only_json()
    {
        var run = await CliHarness.RunWithInputAsync(AllNo(), "assess", "--json");

        Assert.StartsWith("{", run.Out.TrimStart());
        Assert.Contains("Are you short of breath", run.Error);
    }

    [Fact]
    public async Task An_emergency_answer_stops_the_questions_and_shows_emergency_instructions()
    {
        // "no" to breathlessness, "yes" to chest pain.
        var run = await CliHarness.RunWithInputAsync("n\ny\n", "assess");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("EMERGENCY", run.Out);
        Assert.Contains("Questions stopped early", run.Out);
        Assert.DoesNotContain(Questionnaire.For(Symptom.CoughingBlood).Text, run.Out);
    }

    [Fact]
    public async Task An_unclear_reply_is_asked_again_never_taken_as_no()
    {
        var run = await CliHarness.RunWithInputAsync("maybe\n\ny\n", "assess", "--json");

        Assert.Contains("Please answer y or n.", run.Error);
        Assert.Equal("emergency", run.Json.GetProperty("disposition").GetString());
    }

    [Fact]
    public async Task Input_ending_before_all_questions_are_answered_exits_2()
    {
        var run = await CliHarness.RunWithInputAsync("n\nn\n", "assess");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("error: input ended before this question was answered", run.Error);
        Assert.Contains("never taken as \"no\"", run.Error);
    }

    [Fact]
    public async Task A_sign_answered_yes_is_followed_by_its_follow_up_and_a_night_cramp_that_passes_is_self_care()
    {
        // Every sign "n" except pain at rest, answered "y" and then "3": a night cramp now and then that passes.
        var signs = Questionnaire.SymptomQuestions.Select(q => q.Symptom == Symptom.PainAtRest ? "y\n3\n" : "n\n");
        var input = string.Concat(signs) + "3\n2\n4\n5\nleft\ngradual\nn\nn\nn\nnone\nnone\nnone\n";

        var run = await CliHarness.RunWithInputAsync(input, "assess", "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("What is the pain at rest like?", run.Error);
        Assert.Equal("self-care", run.Json.GetProperty("disposition").GetString());
        Assert.Contains("night-cramp-stretch", run.Json.GetProperty("selfCare").EnumerateArray().Select(i => i.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Home_care_days_cannot_exceed_days_since_onset()
    {
        var input = string.Concat(Enumerable.Repeat("n\n", Questionnaire.SymptomQuestions.Count)) + "2\n5\n2\n\n6\n\n\n\n\n\nnone\nnone\nnone\n";

        var run = await CliHarness.RunWithInputAsync(input, "assess", "--json");

        Assert.Contains("Please give a whole number from 0 to 2.", run.Error);
        Assert.Equal(0, run.ExitCode);
    }
}
