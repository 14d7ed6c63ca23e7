using System.Text.Json;
using System.Text.Json.Nodes;

namespace CalfCoach.Cli.Tests.Commands;

public sealed class AssessCommandTests
{
    private static string AnswersWith(params string[] yes)
    {
        var json = JsonNode.Parse(File.ReadAllText(CliHarness.Example("answers-overload.json")))!.AsObject();
        foreach (var key in yes)
        {
            json[key] = true;
        }

        return json.ToJsonString();
    }

    [Fact]
    public async Task The_first_assessment_without_a_database_creates_the_default_one_says_where_and_starts_the_programme()
    {
        var database = CliHarness.FreshDatabasePath();

        var first = await CliHarness.RunAsync(string.Empty, database, ["assess", "--answers", CliHarness.Example("answers-overload.json"), "--as-of", "2026-11-27"]);
        var second = await CliHarness.RunAsync(string.Empty, database, ["assess", "--answers", CliHarness.Example("answers-overload.json"), "--as-of", "2026-11-27"]);
        var plan = await CliHarness.RunAsync("plan", "--db", database, "--as-of", "2026-11-28", "--json");

        Assert.Equal(0, first.ExitCode);
        Assert.True(File.Exists(database));
        Assert.Contains($"CalfCoach created its database at {database}", first.Out.ReplaceLineEndings(string.Empty), StringComparison.Ordinal);
        Assert.Contains("a recovery programme starts on 2026-11-27", first.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("created its database", second.Out, StringComparison.Ordinal);
        Assert.Equal(0, plan.ExitCode);
        Assert.Equal("2026-11-27", plan.Json.GetProperty("startedOn").GetString());
    }

    [Fact]
    public async Task The_first_assessment_in_json_mode_keeps_stdout_to_the_result_and_names_the_new_database_on_stderr()
    {
        var database = CliHarness.FreshDatabasePath();

        var run = await CliHarness.RunAsync(string.Empty, database, ["assess", "--answers", CliHarness.Example("answers-overload.json"), "--json"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("self-care", run.Json.GetProperty("disposition").GetString());
        Assert.Contains("created its database", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answers_file_as_json_prints_the_contract_fields()
    {
        var run = await CliHarness.RunAsync("assess", "--answers", CliHarness.Example("answers-overload.json"), "--as-of", "2026-11-27", "--json");

        Assert.Equal(0, run.ExitCode);
        var json = run.Json;
        Assert.Equal("self-care", json.GetProperty("disposition").GetString());
        Assert.Equal(JsonValueKind.Array, json.GetProperty("redFlags").ValueKind);
        Assert.Equal(JsonValueKind.Array, json.GetProperty("concerns").ValueKind);
        Assert.Contains(json.GetProperty("contributingFactors").EnumerateArray(), f => f.GetProperty("id").GetString() == "new-speedwork" && f.GetProperty("evidence").GetString()!.Length > 0);
        Assert.NotEmpty(json.GetProperty("selfCare").EnumerateArray());
        Assert.NotEmpty(json.GetProperty("prevention").EnumerateArray());
        Assert.Equal("2026-12-02", json.GetProperty("followUp").GetProperty("reviewOn").GetString());
        Assert.NotEmpty(json.GetProperty("followUp").GetProperty("triggers").EnumerateArray());
        Assert.Contains("does not diagnose", json.GetProperty("notice").GetString());
    }

    [Fact]
    public async Task As_of_date_moves_the_review_date()
    {
        var run = await CliHarness.RunAsync("assess", "--answers", CliHarness.Example("answers-overload.json"), "--as-of", "2025-02-27", "--json");

        Assert.Equal("2025-03-04", run.Json.GetProperty("followUp").GetProperty("reviewOn").GetString());
    }

    [Fact]
    public async Task Without_as_of_the_date_is_today_from_the_clock()
    {
        var run = await CliHarness.RunAsync("assess", "--answers", CliHarness.Example("answers-overload.json"), "--json");

        Assert.Equal("2026-11-27", run.Json.GetProperty("asOf").GetString());
    }

    [Fact]
    public async Task Answers_can_come_from_standard_input()
    {
        var run = await CliHarness.RunWithInputAsync(AnswersWith("popOrSnap"), "assess", "--answers", "-", "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("urgent", run.Json.GetProperty("disposition").GetString());
    }

    [Theory]
    [InlineData("fever", "emergency")]
    [InlineData("cannotRiseOnToes", "urgent")]
    [InlineData("bruising", "see-clinician")]
    public async Task Red_flags_are_reported_with_their_disposition_and_exit_code_0(string key, string disposition)
    {
        var run = await CliHarness.RunWithInputAsync(AnswersWith(key), "assess", "--answers", "-", "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(disposition, run.Json.GetProperty("disposition").GetString());
        Assert.Contains(run.Json.GetProperty("redFlags").EnumerateArray(), f => f.GetProperty("disposition").GetString() == disposition);
    }

    [Theory]
    [InlineData("chestPain")]
    [InlineData("swelling")]
    public async Task Emergency_and_urgent_json_carries_no_training_or_strength_advice(string key)
    {
        var json = (await CliHarness.RunWithInputAsync(AnswersWith(key), "assess", "--answers", "-", "--json")).Json;

        Assert.Empty(json.GetProperty("selfCare").EnumerateArray());
        Assert.Empty(json.GetProperty("prevention").EnumerateArray());
        Assert.NotEmpty(json.GetProperty("doNow").EnumerateArray());
    }

    [Fact]
    public async Task Human_output_shows_the_disposition_as_words_and_a_symbol_and_the_notice()
    {
        var run = await CliHarness.RunWithInputAsync(AnswersWith("fever"), "assess", "--answers", "-", "--as-of", "2026-11-27");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("[!!!] EMERGENCY", run.Out);
        Assert.Contains("Call your local emergency number", run.Out);
        Assert.Contains("CalfCoach does not diagnose", run.Out);
    }

    [Fact]
    public async Task Misspelled_key_exits_2_and_names_the_key()
    {
        var text = File.ReadAllText(CliHarness.Example("answers-overload.json")).Replace("\"fever\"", "\"fevr\"", StringComparison.Ordinal);

        var run = await CliHarness.RunWithInputAsync(text, "assess", "--answers", "-");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("error: standard input: unknown key \"fevr\": did you mean \"fever\"?", run.Error);
        Assert.Contains("error: standard input: missing required key \"fever\"", run.Error);
        Assert.Equal(string.Empty, run.Out);
    }

    [Fact]
    public async Task Errors_name_the_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"calfcoach-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, "{\"fever\": \"no\"}", TestContext.Current.CancellationToken);
        try
        {
            var run = await CliHarness.RunAsync("assess", "--answers", path);

            Assert.Equal(2, run.ExitCode);
            Assert.Contains($"error: {path}: key \"fever\" must be true or false, not the string \"no\".", run.Error);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Missing_answers_file_exits_2()
    {
        var run = await CliHarness.RunAsync("assess", "--answers", "/nonexistent/answers.json");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("error: cannot read the answers file \"/nonexistent/answers.json\"", run.Error);
    }

    [Fact]
    public async Task Invalid_json_exits_2_with_the_position()
    {
        var run = await CliHarness.RunWithInputAsync("{\"fever\": false,,}", "assess", "--answers", "-");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("the answers are not valid JSON at line 1", run.Error);
    }

    [Theory]
    [InlineData("2026-02-30")]
    [InlineData("27/11/2026")]
    [InlineData("tomorrow")]
    public async Task Bad_as_of_date_exits_2(string date)
    {
        var run = await CliHarness.RunAsync("assess", "--answers", CliHarness.Example("answers-overload.json"), "--as-of", date);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"--as-of: The date must be written YYYY-MM-DD, such as 2026-03-14, not \"{date}\".", run.Error);
    }

    [Fact]
    public async Task Unknown_option_exits_2()
    {
        var run = await CliHarness.RunAsync("assess", "--answerz", "x.json");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--answerz", run.Error);
    }
}
