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
    public async Task Demo_json_matches_assess_on_the_same_example_file()
    {
        var demo = await CliHarness.RunAsync("demo", "--as-of", "2026-11-27", "--json");
        var assess = await CliHarness.RunAsync("assess", "--answers", CliHarness.Example("answers-overload.json"), "--as-of", "2026-11-27", "--json");

        Assert.Equal(assess.Out, demo.Out);
    }
}
