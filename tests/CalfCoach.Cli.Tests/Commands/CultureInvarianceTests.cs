using System.Globalization;
using CalfCoach.Core.Demo;
using CalfCoach.Formats.Fit;

namespace CalfCoach.Cli.Tests.Commands;

/// <summary>
/// What scripts and other programs read (--json, the HTML report) is the same byte for byte whatever the runner's locale:
/// a German or French culture writes 19,5 for 19.5 and could change a date, so every number and date in them must be
/// written in the invariant culture. Options given on the command line are read the same way too.
/// </summary>
public sealed class CultureInvarianceTests : IDisposable
{
    private static readonly DateOnly Onset = new(2026, 11, 24);
    private readonly string _root = Directory.CreateTempSubdirectory("calfcoach-culture-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    public static TheoryData<string> CommaCultures => ["de-DE", "fr-FR"];

    [Theory]
    [MemberData(nameof(CommaCultures))]
    public async Task Machine_outputs_are_identical_in_a_comma_decimal_culture(string culture)
    {
        var imported = await ImportDemoHistoryAsync();
        var invariant = await MachineOutputsAsync(imported, CultureInfo.InvariantCulture);
        var local = await MachineOutputsAsync(imported, CultureInfo.GetCultureInfo(culture));

        Assert.Equal(invariant.Keys, local.Keys);
        Assert.All(invariant, output => Assert.Equal(output.Value, local[output.Key]));
        Assert.Contains("\"heightMeters\":1.805", invariant["profile"], StringComparison.Ordinal); // --height-cm 180.5 was read as 180.5, not 1805
        Assert.Contains("\"2026-11-27\"", invariant["analyze"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Human_output_shows_dates_in_the_current_culture()
    {
        var imported = await ImportDemoHistoryAsync();

        var german = await InCultureAsync(CultureInfo.GetCultureInfo("de-DE"), () => CliHarness.RunAsync("analyze", "--db", imported, "--as-of", "2026-11-27", "--onset", "2026-11-24"));
        var none = await InCultureAsync(CultureInfo.InvariantCulture, () => CliHarness.RunAsync("analyze", "--db", imported, "--as-of", "2026-11-27", "--onset", "2026-11-24"));

        Assert.Contains("as of 27.11.2026, pain since 24.11.2026", german.Out, StringComparison.Ordinal);
        Assert.Contains("as of 2026-11-27, pain since 2026-11-24", none.Out, StringComparison.Ordinal); // no locale (LANG=C): ISO, not 11/27/2026
    }

    private async Task<string> ImportDemoHistoryAsync()
    {
        var dir = Directory.CreateDirectory(Path.Combine(_root, "runs")).FullName;
        foreach (var run in DemoHistory.Generate(Onset))
        {
            await File.WriteAllBytesAsync(Path.Combine(dir, Path.GetFileName(run.Source.Path)), FitActivityWriter.Write(run), TestContext.Current.CancellationToken);
        }

        var db = Path.Combine(_root, "history.db");
        Assert.Equal(0, (await CliHarness.RunAsync("import", dir, "--db", db, "--json")).ExitCode);
        return db;
    }

    /// <summary>Every machine output, each from its own copy of the imported database (assess records into it).</summary>
    private async Task<Dictionary<string, string>> MachineOutputsAsync(string imported, CultureInfo culture) =>
        await InCultureAsync(culture, async () =>
        {
            var folder = Directory.CreateDirectory(Path.Combine(_root, culture.Name.Length == 0 ? "invariant" : culture.Name)).FullName;
            var db = Path.Combine(folder, "history.db");
            File.Copy(imported, db);
            var report = Path.Combine(folder, "report.html");
            var outputs = new Dictionary<string, string>
            {
                ["analyze"] = await JsonAsync("analyze", "--db", db, "--as-of", "2026-11-27", "--onset", "2026-11-24", "--json"),
                ["activities"] = await JsonAsync("activities", "--db", db, "--json"),
                ["assess"] = await JsonAsync("assess", "--answers", CliHarness.Example("answers-overload.json"), "--db", db, "--as-of", "2026-11-27", "--json"),
                ["plan"] = await JsonAsync("plan", "--db", db, "--as-of", "2026-12-04", "--json"),
                ["profile"] = await JsonAsync("profile", "--height-cm", "180.5", "--mass-kg", "70.5", "--db", db, "--json"),
                ["demo"] = await JsonAsync("demo", "--as-of", "2026-11-27", "--json"),
            };
            Assert.Equal(0, (await CliHarness.RunAsync("report", "--out", report, "--as-of", "2026-12-04", "--db", db)).ExitCode);
            outputs["report"] = await File.ReadAllTextAsync(report, TestContext.Current.CancellationToken);
            return outputs;
        });

    private static async Task<string> JsonAsync(params string[] args)
    {
        var run = await CliHarness.RunAsync(args);
        Assert.True(run.ExitCode == 0, $"{string.Join(' ', args)}: {run.Error}");
        return run.Out;
    }

    private static async Task<T> InCultureAsync<T>(CultureInfo culture, Func<Task<T>> action)
    {
        var (before, beforeUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture;
        try
        {
            return await action();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (before, beforeUi);
        }
    }
}
