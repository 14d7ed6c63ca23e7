using System.Net;
using System.Text.Json.Nodes;
using CalfCoach.Core.Assessment.Json;
using CalfCoach.Import.Demo;
using CalfCoach.Import.History;
using CalfCoach.Storage;
using Microsoft.Extensions.Time.Testing;

namespace CalfCoach.Web.Tests;

/// <summary>
/// The demo runner's own app: the tests here record an assessment, which must not change what the shared
/// <see cref="DemoApp"/> shows other tests.
/// </summary>
public sealed class DemoApiApp : WebApp
{
    protected override bool Demo => true;
}

/// <summary>The read endpoints a script relies on, over real HTTP on the demo runner's history, and the assessment against the CLI's.</summary>
public sealed class DemoApiTests(DemoApiApp app) : IClassFixture<DemoApiApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/")]
    [InlineData("/import")]
    [InlineData("/metronome")]
    public async Task Every_demo_page_says_the_day_the_pain_began(string path)
    {
        var html = await app.Client.GetStringAsync(path, Cancel);

        Assert.Contains("Their calf began to hurt on Tuesday 24 November 2026.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_findings_are_the_analyze_json_contract_with_the_demo_runners_causes()
    {
        var document = await Get("/api/findings");

        Assert.Equal(["asOf", "onset", "findings"], document.Select(p => p.Key));
        Assert.Equal("2026-11-27", document["asOf"]!.GetValue<string>());
        Assert.Equal("2026-11-24", document["onset"]!.GetValue<string>());
        var findings = document["findings"]!.AsArray().Select(f => f!.AsObject()).ToArray();
        Assert.All(findings, f =>
        {
            Assert.Equal(["id", "severity", "dates", "values", "explanation", "action"], f.Select(p => p.Key));
            Assert.Contains(f["severity"]!.GetValue<string>(), new[] { "low", "moderate", "high" });
            Assert.NotEmpty(f["action"]!["id"]!.GetValue<string>());
        });
        var ids = findings.Select(f => f["id"]!.GetValue<string>()).ToArray();

        // Written as FIT files and read back through the importer, the demo runner still shows every kind of finding.
        Assert.All(Core.Analysis.FindingText.Ids, id => Assert.Contains(id, ids));
    }

    [Fact]
    public async Task The_weeks_run_monday_to_monday_and_mark_the_weeks_of_the_spike_findings()
    {
        var document = await Get("/api/weeks");
        var findings = await Get("/api/findings");

        Assert.Equal("2026-11-27", document["asOf"]!.GetValue<string>());
        var weeks = document["weeks"]!.AsArray().Select(w => w!.AsObject()).ToArray();
        Assert.True(weeks.Length >= 19, $"The demo has 19 weeks of running; the API gave {weeks.Length}.");
        Assert.All(weeks, w => Assert.Equal(
            ["monday", "distanceKm", "runs", "movingMinutes", "longestRunKm", "changePercent", "speedworkSessions", "workloadRatio", "spike"], w.Select(p => p.Key)));
        var mondays = weeks.Select(w => DateOnly.Parse(w["monday"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.All(mondays, m => Assert.Equal(DayOfWeek.Monday, m.DayOfWeek));
        Assert.Equal(mondays.Order(), mondays);
        Assert.True(weeks[^1]["workloadRatio"]!.GetValue<double>() > 0, "The last week has a workload ratio.");

        var spikeDates = findings["findings"]!.AsArray()
            .Where(f => f!["id"]!.GetValue<string>() is "weekly-distance-spike" or "long-run-spike")
            .SelectMany(f => f!["dates"]!.AsArray().Select(d => DateOnly.Parse(d!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)))
            .ToArray();
        var marked = weeks.Where(w => w["spike"]!.GetValue<bool>()).Select(w => DateOnly.Parse(w["monday"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.NotEmpty(marked);
        Assert.All(spikeDates, d => Assert.Contains(marked, m => m <= d && d < m.AddDays(7)));
    }

    [Fact]
    public async Task The_shoes_are_the_shoes_list_json_rows_with_the_demo_runners_worn_pair()
    {
        using var response = await app.Client.GetAsync("/api/shoes", Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var shoes = JsonNode.Parse(await response.Content.ReadAsStringAsync(Cancel))!.AsArray().Select(s => s!.AsObject()).ToArray();
        Assert.NotEmpty(shoes);
        Assert.All(shoes, s => Assert.Equal(["name", "since", "startKm", "kilometers", "ageDays", "retired"], s.Select(p => p.Key)));
        Assert.Contains(shoes, s => s["kilometers"]!.GetValue<double>() >= 800 && s["retired"] is null);
    }

    [Fact]
    public async Task An_assessment_over_http_equals_assess_db_json_for_the_same_history_and_date()
    {
        var answers = Fixtures.ExampleAnswers("answers-overload.json");

        using var response = await app.Client.PostAsync("/api/assessments?asOf=2026-11-27", PlanTests.Json(answers), Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // `calfcoach assess --answers FILE --json --db` prints AssessmentJson of RecoveryJournal's assessment; here over an identical demo database.
        var expected = await TwinDemoDatabase(database => AssessmentJson.Serialize(new RecoveryJournal(database).Assess(AnswersJsonReader.Read(answers).Answers!, WebApp.Today)));
        var actual = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(actual)), $"The API's result differs from the CLI's JSON.\nAPI: {actual}\nCLI: {expected}");
        // The stored history took part: a cause the answers did not report comes from the training data.
        Assert.Contains(JsonNode.Parse(actual)!["contributingFactors"]!.AsArray(), f => f!["source"]!.GetValue<string>() == "training-data");
    }

    [Fact]
    public async Task The_plan_calendar_parses_back_with_the_week_ahead_and_the_next_review()
    {
        using (var assessed = await app.Client.PostAsync("/api/assessments?asOf=2026-11-27", PlanTests.Json(Fixtures.ExampleAnswers("answers-overload.json")), Cancel))
        {
            Assert.Equal(HttpStatusCode.OK, assessed.StatusCode);
        }

        using var response = await app.Client.GetAsync("/api/plan.ics?timeZone=Europe/London", Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var calendar = Ical.Net.Calendar.Load(await response.Content.ReadAsStringAsync(Cancel)) ?? throw new InvalidOperationException("The calendar did not parse.");
        Assert.Equal(8, calendar.Events.Count);
        Assert.All(calendar.Events, e => Assert.False(string.IsNullOrWhiteSpace(e.Summary)));
    }

    private async Task<JsonObject> Get(string path)
    {
        using var response = await app.Client.GetAsync(path, Cancel);
        var text = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {text}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>A second demo database made as <see cref="WebApp"/> makes its own (same onset and clock), for the CLI's side of a comparison.</summary>
    private static async Task<string> TwinDemoDatabase(Func<Database, string> use)
    {
        var folder = Directory.CreateTempSubdirectory("calfcoach-web-twin-");
        try
        {
            var clock = new FakeTimeProvider(new DateTimeOffset(WebApp.Today.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero));
            using var database = Database.OpenSqlite(Path.Combine(folder.FullName, "twin.db"), clock);
            await DemoDatabase.PopulateAsync(database, Path.Combine(folder.FullName, "demo"), WebApp.Today.AddDays(-3));
            return use(database);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }
}

/// <summary>An app of its own for the red-flag re-checks: a chest-pain answer raises its programme to an emergency.</summary>
public sealed class RedFlagApp : WebApp;

/// <summary>POST /api/check-ins/red-flags over real HTTP.</summary>
public sealed class RedFlagApiTests(RedFlagApp app) : IClassFixture<RedFlagApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_red_flag_recheck_with_chest_pain_raises_the_plan_to_an_emergency()
    {
        var answers = Fixtures.ExampleAnswers("answers-overload.json");
        using (var assessed = await app.Client.PostAsync("/api/assessments", PlanTests.Json(answers), Cancel))
        {
            Assert.Equal("self-care", JsonNode.Parse(await assessed.Content.ReadAsStringAsync(Cancel))!["disposition"]!.GetValue<string>());
        }

        var chestPain = JsonNode.Parse(answers)!.AsObject();
        chestPain["chestPain"] = true;
        using var response = await app.Client.PostAsync("/api/check-ins/red-flags", PlanTests.Json(chestPain.ToJsonString()), Cancel);

        var text = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        Assert.Equal("emergency", JsonNode.Parse(text)!["disposition"]!.GetValue<string>());
        using var plan = await app.Client.GetAsync("/api/plan", Cancel);
        Assert.Equal("emergency", JsonNode.Parse(await plan.Content.ReadAsStringAsync(Cancel))!["disposition"]!.GetValue<string>());
    }

    [Fact]
    public async Task Malformed_red_flag_answers_are_a_problem_naming_the_key()
    {
        var answers = JsonNode.Parse(Fixtures.ExampleAnswers("answers-overload.json"))!.AsObject();
        answers["chestPain"] = "no";

        using var response = await app.Client.PostAsync("/api/check-ins/red-flags", PlanTests.Json(answers.ToJsonString()), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync(Cancel))!;
        Assert.Equal("urn:calfcoach:problem:invalid-answers", problem["type"]!.GetValue<string>());
        Assert.Contains("true or false", problem["errors"]!["chestPain"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
