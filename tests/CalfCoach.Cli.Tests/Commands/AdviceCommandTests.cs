using System.Text.Json.Nodes;

namespace CalfCoach.Cli.Tests.Commands;

/// <summary>The CLI gives the same advice lines as the core: the country's numbers, and wording that fits the day.</summary>
public sealed class AdviceCommandTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("calfcoach-advice-").FullName;

    private string Db => Path.Combine(_root, "advice.db");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string VersionTwoAnswers(int days, params string[] yes)
    {
        var answers = JsonNode.Parse(File.ReadAllText(CliHarness.Example("answers-v2.json")))!.AsObject();
        answers["daysSinceOnset"] = days;
        answers["daysOfHomeCare"] = days;
        foreach (var key in yes)
        {
            Assert.True(answers.ContainsKey(key), key);
            answers[key] = true;
        }

        var path = Path.Combine(_root, $"answers-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, answers.ToJsonString());
        return path;
    }

    [Fact]
    public async Task Breathlessness_calls_an_ambulance_on_the_number_of_the_country_in_the_profile()
    {
        var saved = await CliHarness.RunAsync("profile", "--country", "GB", "--db", Db);
        Assert.Equal(0, saved.ExitCode);
        Assert.Contains("United Kingdom", saved.Out);

        var run = await CliHarness.RunAsync("assess", "--answers", VersionTwoAnswers(1, "shortnessOfBreath"), "--db", Db, "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("emergency", run.Json.GetProperty("disposition").GetString());
        Assert.Equal("call-ambulance", run.Json.GetProperty("doNowIds")[0].GetString());
        Assert.StartsWith("Call 999 now and ask for an ambulance", run.Json.GetProperty("doNow")[0].GetString());
        Assert.Equal("999", run.Json.GetProperty("services").GetProperty("emergency").GetString());
        Assert.Contains("112", run.Json.GetProperty("doNow").EnumerateArray().Last().GetString());
    }

    [Fact]
    public async Task An_unknown_country_is_refused_naming_the_option()
    {
        var run = await CliHarness.RunAsync("profile", "--country", "XX", "--db", Db);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--country", run.Error);
        Assert.Contains("GB", run.Error);
    }

    [Fact]
    public async Task Day_9_self_care_has_no_first_aid_wording()
    {
        var run = await CliHarness.RunAsync("assess", "--answers", VersionTwoAnswers(9), "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("self-care", run.Json.GetProperty("disposition").GetString());
        var ids = run.Json.GetProperty("selfCare").EnumerateArray().Select(i => i.GetProperty("id").GetString()).ToArray();
        Assert.DoesNotContain("relative-rest", ids);
        Assert.DoesNotContain("ice", ids);
        Assert.Contains("load-as-pain-allows", ids);
        var text = run.Out;
        Assert.DoesNotContain("first 1–3 days", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("48–72 hours", text, StringComparison.Ordinal);
    }
}
