namespace CalfCoach.Cli.Tests.Commands;

public sealed class LogSweatCommandTests
{
    [Fact]
    public async Task Log_sweat_prints_the_rate_and_a_plan_for_the_next_long_run()
    {
        var run = await CliHarness.RunAsync("log", "sweat", "--before-kg", "70", "--after-kg", "69.2", "--drank-l", "0.5", "--minutes", "90", "--urine-l", "0.1", "--next-run-minutes", "180", "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(0.8, run.Json.GetProperty("sweatRateLitresPerHour").GetDouble());
        Assert.Equal(0.35, run.Json.GetProperty("drinkMinLitresPerHour").GetDouble());
        Assert.Equal(0.8, run.Json.GetProperty("drinkMaxLitresPerHour").GetDouble());
    }

    [Fact]
    public async Task The_human_output_carries_the_caveats()
    {
        var run = await CliHarness.RunAsync("log", "sweat", "--before-kg", "70", "--after-kg", "69.2", "--drank-l", "0.5", "--minutes", "90");

        Assert.Contains("L per hour", run.Out);
        Assert.Contains("hyponatraemia", run.Out);
        Assert.Contains("pacing", run.Out);
    }

    [Fact]
    public async Task An_implausible_weight_is_bad_input()
    {
        var run = await CliHarness.RunAsync("log", "sweat", "--before-kg", "70", "--after-kg", "60", "--drank-l", "0.5", "--minutes", "90");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("error: log sweat:", run.Error);
    }
}
