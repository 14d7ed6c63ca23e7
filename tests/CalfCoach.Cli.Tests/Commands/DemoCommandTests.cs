namespace CalfCoach.Cli.Tests.Commands;

public sealed class DemoCommandTests
{
    [Fact]
    public async Task Demo_assesses_the_bundled_example_end_to_end()
    {
        var run = await CliHarness.RunAsync("demo", "--as-of", "2026-11-27");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("SELF-CARE", run.Out);
        Assert.Contains("New speedwork", run.Out);
        Assert.Contains("Eccentric heel drops", run.Out);
        Assert.Contains("Review on 2026-12-02", run.Out);
    }

    [Fact]
    public async Task Demo_what_if_table_is_computed_by_the_engine_for_every_sign()
    {
        var run = await CliHarness.RunAsync("demo", "--as-of", "2026-11-27");

        Assert.Matches(@"shortnessOfBreath\s+│\s+\[!!!\] emergency", run.Out);
        Assert.Matches(@"swelling\s+│\s+\[!!\] urgent", run.Out);
        Assert.Matches(@"bruising\s+│\s+\[!\] see-clinician", run.Out);
        Assert.Matches(@"notImproving\s+│\s+\[i\] self-care", run.Out);
    }

    [Fact]
    public async Task Demo_finds_the_planted_causes_in_its_generated_history_and_merges_them_with_the_answers()
    {
        var demo = await CliHarness.RunAsync("demo", "--as-of", "2026-11-27", "--json");

        var factors = demo.Json.GetProperty("contributingFactors").EnumerateArray()
            .ToDictionary(f => f.GetProperty("id").GetString()!, f => f.GetProperty("source").GetString());
        Assert.Equal("training-data", factors["longer-long-run"]);
        Assert.Equal("answers and training-data", factors["low-cadence"]);
        Assert.Equal("answers and training-data", factors["worn-shoes"]);
        Assert.Equal("answers and training-data", factors["new-speedwork"]);
        Assert.Equal("training-data", factors["long-hot-efforts"]);
        var cadence = demo.Json.GetProperty("prevention").EnumerateArray().Single(p => p.GetProperty("id").GetString() == "cadence-retraining");
        Assert.Matches(@"From your data: Start from 15[4-9] steps/min", cadence.GetProperty("details").GetString()); // the demo runner's easy cadence is about 157
    }

    [Fact]
    public async Task Demo_is_reproducible_for_an_as_of_date()
    {
        var first = await CliHarness.RunAsync("demo", "--as-of", "2026-11-27", "--json");
        var second = await CliHarness.RunAsync("demo", "--as-of", "2026-11-27", "--json");

        Assert.Equal(first.Out, second.Out);
    }
}
