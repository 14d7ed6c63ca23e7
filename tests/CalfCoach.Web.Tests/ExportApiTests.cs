using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CalfCoach.Core.Accounts;
using CalfCoach.Formats.Fit;
using Npgsql;

namespace CalfCoach.Web.Tests;

/// <summary>
/// The runner's export on a shared server, end to end: files uploaded through POST /api/imports, an assessment and
/// check-ins recorded, GET /api/me/export, the originals in it compared byte for byte with what was sent, and the zip
/// imported into a fresh account, whose findings and plan as of the export's day must be the first account's, byte for byte.
/// Between the two the first account is deleted (issue 14: export, delete, re-import), and the database keeps nothing of it.
/// </summary>
public sealed class ExportApiTests(PostgresSignInApp app) : IClassFixture<PostgresSignInApp>
{
    private static CancellationToken Cancel => AccountClient.Cancel;

    private static readonly DateOnly Today = WebApp.Today;

    private static readonly (string Name, byte[] Content)[] Uploads =
    [
        ("generated.fit", Fixtures.GeneratedFit()),
        ("strava-export.zip", Fixtures.StravaExport()),
        ("older/run.fit", FitActivityWriter.Write(Fixtures.Run(Today.AddDays(-9), 10, seed: 21))),
        ("older/long.fit", FitActivityWriter.Write(Fixtures.Run(Today.AddDays(-12), 16, seed: 22))),
        ("readme.txt", Encoding.UTF8.GetBytes("not an activity, kept all the same")),
    ];

    [Fact]
    public async Task An_export_taken_before_deleting_the_account_gives_a_fresh_account_the_same_findings_and_plan_and_its_originals_byte_for_byte()
    {
        app.Require();
        using var client = AccountClient.Create(app.BaseAddress);
        var annEmail = $"athlete-{Guid.NewGuid():N}@example.org";
        AccountClient.AddAccount(app, annEmail, AccountRole.Athlete);
        var ann = await AccountClient.SignedInCookieAsync(client, annEmail);
        var marker = $"mark-{Guid.NewGuid():N}"[..20];
        await UploadAsync(client, ann, Uploads);
        await SucceedAsync(client, ann, HttpMethod.Patch, "/api/profile", """{"heightCm": 178, "country": "GB"}""");
        await SucceedAsync(client, ann, HttpMethod.Post, "/api/shoes", """{"name": "Pegasus", "since": "2026-01-01", "startKm": 120}""");
        await SucceedAsync(client, ann, HttpMethod.Post, "/api/assessments", Fixtures.ExampleAnswers("answers-overload.json"));
        await SucceedAsync(client, ann, HttpMethod.Post, "/api/check-ins/pain", """{"score": 3, "morning": true, "clientId": "0f8fad5b-d9cb-469f-a165-70867728950e"}""");
        await SucceedAsync(client, ann, HttpMethod.Post, "/api/check-ins/exercise", """{"name": "heel-drops-straight-knee", "sets": 3, "reps": 15, "pain": 2}""");
        await SucceedAsync(client, ann, HttpMethod.Post, "/api/check-ins/clinician", $$"""{"clearedForRehab": false, "note": "scan next week {{marker}}"}""");
        var asOf = $"?asOf={Today:yyyy-MM-dd}";
        var findings = await TextAsync(client, ann, "/api/findings" + asOf);
        var plan = await TextAsync(client, ann, "/api/plan" + asOf);

        using var response = await AccountClient.SendAsync(client, HttpMethod.Get, "/api/me/export" + asOf, ann);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"calfcoach-export-{Today:yyyy-MM-dd}.zip", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var export = await response.Content.ReadAsByteArrayAsync(Cancel);
        using (var zip = new ZipArchive(new MemoryStream(export)))
        {
            foreach (var (name, content) in Uploads)
            {
                using var entry = zip.GetEntry("originals/" + name)?.Open() ?? throw new Xunit.Sdk.XunitException($"originals/{name} is missing");
                using var copy = new MemoryStream();
                await entry.CopyToAsync(copy, Cancel);
                Assert.True(content.AsSpan().SequenceEqual(copy.ToArray()), $"originals/{name} differs from the file uploaded");
            }

            Assert.Equal(JsonNode.Parse(plan)!.ToJsonString(), JsonNode.Parse(Read(zip, "programme.json"))!.ToJsonString());
        }

        // Ann leaves: her account goes, and with it every row of hers.
        var session = JsonNode.Parse(await TextAsync(client, ann, "/api/session"))!;
        using (var deleted = await AccountClient.SendAsync(client, HttpMethod.Delete, "/api/me", ann,
            content: AccountClient.Json($$"""{"password": "{{AccountClient.Password}}"}""")))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        await using (var connection = new NpgsqlConnection(app.ConnectionString))
        {
            await connection.OpenAsync(Cancel);
            var traces = DatabaseScan.Traces(connection, new ErasedRunner([annEmail, marker], session["runnerId"]!.GetValue<long>(), session["id"]!.GetValue<long>()));
            Assert.True(traces.Count == 0, string.Join('\n', traces));
        }

        var bob = await SignedInAsync(client);
        var summary = await UploadAsync(client, bob, [("calfcoach-export.zip", export)]);
        var restored = summary["restored"]!;
        Assert.True(restored["journal"]!.GetValue<bool>());
        Assert.True(restored["profile"]!.GetValue<bool>());
        Assert.Equal(Uploads.Length, restored["originals"]!.GetValue<int>());
        Assert.Equal(1, restored["painCheckIns"]!.GetValue<int>());
        Assert.Equal(1, restored["clinicianVisits"]!.GetValue<int>());
        Assert.Equal(findings, await TextAsync(client, bob, "/api/findings" + asOf));
        Assert.Equal(plan, await TextAsync(client, bob, "/api/plan" + asOf));

        // Bob's own export gives back Ann's originals, not the export he uploaded.
        using var again = await AccountClient.SendAsync(client, HttpMethod.Get, "/api/me/export" + asOf, bob);
        using (var zip = new ZipArchive(new MemoryStream(await again.Content.ReadAsByteArrayAsync(Cancel))))
        {
            Assert.Equal(
                Uploads.Select(u => "originals/" + u.Name).Order(StringComparer.Ordinal),
                zip.Entries.Select(e => e.FullName).Where(n => n.StartsWith("originals/", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        }

        // The same export again changes nothing, and says why the journal was left alone.
        var second = await UploadAsync(client, bob, [("calfcoach-export.zip", export)]);
        Assert.Equal(0, second["imported"]!.GetValue<int>());
        Assert.False(second["restored"]!["journal"]!.GetValue<bool>());
        Assert.Contains("not restored", second["restored"]!["notes"]!.AsArray()[^1]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(plan, await TextAsync(client, bob, "/api/plan" + asOf));
        Assert.Equal(findings, await TextAsync(client, bob, "/api/findings" + asOf));
    }

    [Fact]
    public async Task A_damaged_export_is_refused_with_a_problem_naming_the_entry()
    {
        app.Require();
        using var client = AccountClient.Create(app.BaseAddress);
        var ann = await SignedInAsync(client);
        await UploadAsync(client, ann, [("generated.fit", Fixtures.GeneratedFit())]);
        using var response = await AccountClient.SendAsync(client, HttpMethod.Get, "/api/me/export", ann);
        var export = new MemoryStream();
        await (await response.Content.ReadAsStreamAsync(Cancel)).CopyToAsync(export, Cancel);
        using (var zip = new ZipArchive(export, ZipArchiveMode.Update, leaveOpen: true))
        {
            zip.GetEntry("check-ins.json")!.Delete();
            await using var writer = new StreamWriter(await zip.CreateEntry("check-ins.json").OpenAsync(Cancel));
            await writer.WriteAsync("{\"pain\": [");
        }

        var bob = await SignedInAsync(client);
        using var form = new MultipartFormDataContent { { new ByteArrayContent(export.ToArray()), "files", "my-export.zip" } };
        using var refused = await AccountClient.SendAsync(client, HttpMethod.Post, "/api/imports", bob, content: form);

        var problem = await AccountClient.ProblemAsync(refused, HttpStatusCode.BadRequest);
        Assert.Contains("my-export.zip!check-ins.json", problem.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("calfcoach-upload-", problem.ToJsonString(), StringComparison.Ordinal);
        using var weeks = await AccountClient.SendAsync(client, HttpMethod.Get, "/api/weeks", bob);
        Assert.Empty(JsonNode.Parse(await weeks.Content.ReadAsStringAsync(Cancel))!["weeks"]!.AsArray());
    }

    [Fact]
    public async Task A_clinician_has_no_export()
    {
        app.Require();
        using var client = AccountClient.Create(app.BaseAddress);
        var email = $"clinician-{Guid.NewGuid():N}@example.org";
        AccountClient.AddAccount(app, email, AccountRole.Clinician);
        var cookie = await AccountClient.SignedInCookieAsync(client, email);

        using var response = await AccountClient.SendAsync(client, HttpMethod.Get, "/api/me/export", cookie);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<string> SignedInAsync(HttpClient client)
    {
        var email = $"athlete-{Guid.NewGuid():N}@example.org";
        AccountClient.AddAccount(app, email, AccountRole.Athlete);
        return await AccountClient.SignedInCookieAsync(client, email);
    }

    private static async Task<JsonNode> UploadAsync(HttpClient client, string cookie, IEnumerable<(string Name, byte[] Content)> files)
    {
        using var form = new MultipartFormDataContent();
        foreach (var (name, content) in files)
        {
            form.Add(new ByteArrayContent(content), "files", name);
        }

        using var response = await AccountClient.SendAsync(client, HttpMethod.Post, "/api/imports", cookie, content: form);
        var text = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.IsSuccessStatusCode, $"POST /api/imports: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }

    private static async Task SucceedAsync(HttpClient client, string cookie, HttpMethod method, string path, string json)
    {
        using var response = await AccountClient.SendAsync(client, method, path, cookie, content: AccountClient.Json(json));
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Cancel)}");
    }

    private static async Task<string> TextAsync(HttpClient client, string cookie, string path)
    {
        using var response = await AccountClient.SendAsync(client, HttpMethod.Get, path, cookie);
        var text = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {text}");
        return text;
    }

    private static string Read(ZipArchive zip, string name)
    {
        using var reader = new StreamReader(zip.GetEntry(name)!.Open());
        return reader.ReadToEnd();
    }
}
