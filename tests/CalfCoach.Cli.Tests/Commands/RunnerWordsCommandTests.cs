using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CalfCoach.Core.Demo;
using CalfCoach.Formats.Fit;

namespace CalfCoach.Cli.Tests.Commands;

/// <summary>
/// Issue 11, "words and keys": the human output of <c>analyze</c> and <c>plan</c> uses words; ids and keys stay in
/// <c>--json</c>. The ids looked for come from the core's catalogues and from the same command's JSON at run time.
/// </summary>
public sealed class RunnerWordsCommandTests : IDisposable
{
    private static readonly DateOnly Onset = new(2026, 11, 24);
    private readonly string _root = Directory.CreateTempSubdirectory("calfcoach-words-").FullName;

    private string Db => Path.Combine(_root, "history.db");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private async Task<CliHarness.Run> Ok(params string[] args)
    {
        var run = await CliHarness.RunAsync([.. args, "--db", Db]);
        Assert.True(run.ExitCode == 0, $"calfcoach {string.Join(' ', args)} → {run.ExitCode}: {run.Error}");
        return run;
    }

    /// <summary>Every string-valued "id" anywhere in a JSON document: the ids the human output must not show.</summary>
    private static IEnumerable<string> Ids(JsonElement element) => Strings(element, "id");

    /// <summary>Every string-valued property of this name anywhere in a JSON document.</summary>
    private static IEnumerable<string> Strings(JsonElement element, string name) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p =>
            p.Name == name && p.Value.ValueKind == JsonValueKind.String ? [p.Value.GetString()!] : Strings(p.Value, name)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(e => Strings(e, name)),
        _ => [],
    };

    [Fact]
    public async Task Analyze_for_people_names_findings_by_title_with_values_in_words_and_no_ids()
    {
        var dir = Directory.CreateDirectory(Path.Combine(_root, "runs")).FullName;
        foreach (var run in DemoHistory.Generate(Onset))
        {
            await File.WriteAllBytesAsync(Path.Combine(dir, Path.GetFileName(run.Source.Path)), FitActivityWriter.Write(run), TestContext.Current.CancellationToken);
        }

        await Ok("import", dir, "--json");
        var json = (await Ok("analyze", "--as-of", "2026-11-27", "--onset", "2026-11-24", "--json")).Json;
        var human = await Ok("analyze", "--as-of", "2026-11-27", "--onset", "2026-11-24");

        var findingIds = json.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("id").GetString()!).ToArray();
        Assert.NotEmpty(findingIds);
        Assert.All(findingIds, id => Assert.Contains(Core.Analysis.FindingText.Title(id), human.Out, StringComparison.Ordinal));
        var valueKeys = json.GetProperty("findings").EnumerateArray().SelectMany(f => f.GetProperty("values").EnumerateObject().Select(p => p.Name));
        Assert.Empty(RunnerWords.CodeNamesIn(human.Out, [.. Ids(json), .. valueKeys]));
        Assert.Contains("What to do:", human.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("m/s", human.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_for_people_shows_task_titles_and_details_without_ids_or_file_references_in_every_phase_reached()
    {
        var answers = JsonNode.Parse(File.ReadAllText(CliHarness.Example("answers-overload.json")))!.AsObject();
        answers["daysSinceOnset"] = 0;
        answers["daysOfHomeCare"] = 0;
        var path = Path.Combine(_root, "answers.json");
        await File.WriteAllTextAsync(path, answers.ToJsonString(), TestContext.Current.CancellationToken);
        var day0 = new DateOnly(2026, 11, 2);
        string Day(int n) => day0.AddDays(n).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await Ok("assess", "--answers", path, "--as-of", Day(0), "--json");

        var phases = new HashSet<string>(StringComparer.Ordinal);
        for (var day = 1; day <= 14; day++)
        {
            if (day >= 3)
            {
                await Ok("log", "pain", "1", "--as-of", Day(day));
                await Ok("log", "pain", "0", "--morning", "--as-of", Day(day));
            }

            var json = (await Ok("plan", "--json", "--as-of", Day(day))).Json;
            phases.Add(json.GetProperty("phase").GetString()!);
            var human = await Ok("plan", "--as-of", Day(day));
            var taskIds = Ids(json).ToArray();
            Assert.NotEmpty(taskIds);
            Assert.Empty(RunnerWords.CodeNamesIn(human.Out, taskIds, Strings(json, "title")));
        }

        Assert.True(phases.Count >= 2, $"only reached {string.Join(", ", phases)}");
    }
}
