namespace CalfCoach.Web.Tests;

/// <summary>The web app served from PostgreSQL answers exactly as it does from a SQLite file: the same contracts, one storage layer.</summary>
public sealed class PostgresWebTests(PostgresDemoApp postgres, SqliteTwinApp sqlite) : IClassFixture<PostgresDemoApp>, IClassFixture<SqliteTwinApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_runners_day_through_the_API_answers_the_same_from_PostgreSQL_as_from_SQLite()
    {
        postgres.Require();
        var onPostgres = await Day(postgres);
        var onSqlite = await Day(sqlite);

        Assert.Equal(onSqlite, onPostgres);
        Assert.Contains("long-run-spike", onPostgres[0], StringComparison.Ordinal);
    }

    /// <summary>Read the history, assess, log pain and a task, read the plan: every answer's status and body.</summary>
    private static async Task<string[]> Day(WebApp app)
    {
        var answers = PlanTests.Json(Fixtures.ExampleAnswers("answers-overload.json"));
        (HttpMethod Method, string Path, HttpContent? Body)[] calls =
        [
            (HttpMethod.Get, "/api/findings", null),
            (HttpMethod.Get, "/api/weeks", null),
            (HttpMethod.Get, "/api/shoes", null),
            (HttpMethod.Post, "/api/assessments?asOf=2026-11-27", answers),
            (HttpMethod.Post, "/api/check-ins/pain", PlanTests.Json("""{"date": "2026-11-27", "score": 4, "morning": true, "clientId": "pg-twin-1"}""")),
            (HttpMethod.Get, "/api/plan?asOf=2026-11-27", null),
            (HttpMethod.Get, "/api/check-ins", null),
        ];
        var seen = new List<string>();
        foreach (var (method, path, body) in calls)
        {
            using var request = new HttpRequestMessage(method, path) { Content = body };
            using var response = await app.Client.SendAsync(request, Cancel);
            seen.Add($"{method} {path} → {(int)response.StatusCode}\n{await response.Content.ReadAsStringAsync(Cancel)}");
        }

        using var page = await app.Client.GetAsync("/", Cancel);
        seen.Add($"GET / → {(int)page.StatusCode}");
        return [.. seen];
    }
}
