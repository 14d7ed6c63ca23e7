using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;

namespace CalfCoach.Web.Tests;

/// <summary>
/// Requests a hostile or careless client sends: impossible numbers, over-long text, duplicate keys, unknown methods,
/// dates off the calendar, oversized forms, odd upload names and cut-off uploads. Each is a 4xx problem that names what
/// is wrong, nothing bad is stored, and the app keeps answering.
/// </summary>
public sealed class HostileRequestTests(HostileApp app) : IClassFixture<HostileApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    private static async Task<JsonNode> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonNode.Parse(text)!;
    }

    private static string FirstError(JsonNode problem, string key) => problem["errors"]![key]![0]!.GetValue<string>();

    private async Task<JsonArray> ShoesAsync()
    {
        using var response = await app.Client.GetAsync("/api/shoes", Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(Cancel))!.AsArray();
    }

    [Theory]
    [InlineData("1e308")]
    [InlineData("-1")]
    [InlineData("10001")]
    public async Task An_impossible_starting_distance_is_refused_naming_startKm_and_the_shoes_still_list(string km)
    {
        using var response = await app.Client.PostAsync("/api/shoes", Json($$"""{"name": "x{{km}}", "startKm": {{km}}}"""), Cancel);

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("from 0 to 10000 km", FirstError(problem, "startKm"), StringComparison.Ordinal);
        Assert.DoesNotContain(await ShoesAsync(), s => s!["name"]!.GetValue<string>() == $"x{km}");
    }

    [Fact]
    public async Task A_shoe_stored_with_an_infinite_distance_by_an_older_version_does_not_break_the_list()
    {
        using (var connection = new SqliteConnection($"Data Source={app.DatabasePath};Pooling=False"))
        {
            connection.Open();
            using var insert = connection.CreateCommand();
            // 1e999 is how SQLite is given infinity: what `POST /api/shoes {"startKm": 1e308}` stored (1e308 × 1000 m).
            insert.CommandText = "INSERT INTO shoes (runner_id, name, start_date, start_distance_m) VALUES (1, 'Old infinite pair', '2026-01-01', 1e999)";
            insert.ExecuteNonQuery();
        }

        var shoe = Assert.Single(await ShoesAsync(), s => s!["name"]!.GetValue<string>() == "Old infinite pair")!;

        Assert.Equal(0, shoe["startKm"]!.GetValue<double>());
    }

    [Fact]
    public async Task A_shoe_name_of_900_kilobytes_from_the_page_form_is_refused_with_its_length_and_not_stored()
    {
        var name = new string('n', 900_000);
        using var form = new FormUrlEncodedContent([new("name", name), new("startKm", "10")]);

        using var response = await app.Client.PostAsync("/shoes?handler=add", form, Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("900000 characters long; keep it to 100", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.DoesNotContain(await ShoesAsync(), s => s!["name"]!.GetValue<string>().Length > 100);
    }

    [Fact]
    public async Task A_shoe_name_over_100_characters_from_the_api_is_refused_naming_name()
    {
        using var response = await app.Client.PostAsync("/api/shoes", Json($$"""{"name": "{{new string('n', 101)}}"}"""), Cancel);

        Assert.Contains("keep it to 100", FirstError(await ProblemAsync(response, HttpStatusCode.BadRequest), "name"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/shoes", "POST", """{"name": "Pegasus", "startKm": 1, "startKm": 1e308}""", "startKm")]
    [InlineData("/api/shoes/retire", "POST", """{"name": "a", "name": "b"}""", "name")]
    [InlineData("/api/profile", "PATCH", """{"heightCm": 178, "heightCm": 400}""", "heightCm")]
    [InlineData("/api/check-ins/pain", "POST", """{"score": 2, "score": 9}""", "score")]
    [InlineData("/api/check-ins/exercise", "POST", """{"name": "walk-run", "sets": 1, "reps": 1, "sets": 5}""", "sets")]
    [InlineData("/api/check-ins/clinician", "POST", """{"clearedForRehab": false, "clearedForRehab": true}""", "clearedForRehab")]
    [InlineData("/api/assessments", "POST", """{"chestPain": false, "chestPain": true}""", "chestPain")]
    public async Task A_key_given_twice_is_refused_naming_it_never_read_last_wins(string path, string method, string body, string key)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = Json(body) };

        using var response = await app.Client.SendAsync(request, Cancel);

        Assert.Contains("more than once", FirstError(await ProblemAsync(response, HttpStatusCode.BadRequest), key), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_given_twice_inside_a_nested_object_is_refused_too()
    {
        using var response = await app.Client.PostAsync("/api/check-ins/pain", Json("""{"score": 2, "note": "x", "extra": {"a": 1, "a": 2}}"""), Cancel);

        Assert.Contains("more than once", FirstError(await ProblemAsync(response, HttpStatusCode.BadRequest), "extra.a"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"massKg": 1e308}""", "massKg")]
    [InlineData("""{"maxHr": -1e308}""", "maxHr")]
    [InlineData("""{"timeZone": "Europe/London                                                                            x"}""", "timeZone")]
    [InlineData("""{"born": "0001-01-01"}""", "born")]
    [InlineData("""{"legCm": 130, "heightCm": 150}""", "legCm")]
    public async Task An_impossible_profile_value_is_refused_naming_it_and_nothing_is_saved(string body, string key)
    {
        using var response = await app.Client.PatchAsync("/api/profile", Json(body), Cancel);

        Assert.NotEmpty(FirstError(await ProblemAsync(response, HttpStatusCode.BadRequest), key));
        using var profile = await app.Client.GetAsync("/api/profile", Cancel);
        var saved = JsonNode.Parse(await profile.Content.ReadAsStringAsync(Cancel))!;
        Assert.Null(saved["bodyMassKilograms"]);
        Assert.Null(saved["legLengthMeters"]);
    }

    [Theory]
    [InlineData("/api/check-ins/pain", """{"score": 3, "note": "LONG"}""", "note")]
    [InlineData("/api/check-ins/clinician", """{"clearedForRehab": false, "note": "LONG"}""", "note")]
    [InlineData("/api/check-ins/exercise", """{"name": "walk-run", "sets": 1000000, "reps": 1}""", "sets")]
    [InlineData("/api/check-ins/exercise", """{"name": "walk-run", "sets": 1, "reps": 1, "loadKg": 1e308}""", "loadKg")]
    [InlineData("/api/check-ins/exercise", """{"name": "LONG", "sets": 1, "reps": 1}""", "name")]
    public async Task Check_in_values_out_of_range_or_too_long_are_refused_naming_them(string path, string body, string key)
    {
        using var response = await app.Client.PostAsync(path, Json(body.Replace("LONG", new string('x', 5_000), StringComparison.Ordinal)), Cancel);

        Assert.NotEmpty(FirstError(await ProblemAsync(response, HttpStatusCode.BadRequest), key));
    }

    [Theory]
    [InlineData("TRACE", "/")]
    [InlineData("FOO", "/")]
    [InlineData("TRACE", "/api/shoes")]
    [InlineData("PUT", "/shoes")]
    [InlineData("DELETE", "/api/profile")]
    [InlineData("OPTIONS", "/assess")]
    public async Task An_unknown_method_is_405_with_the_allowed_methods_and_the_security_headers(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);

        using var response = await app.Client.SendAsync(request, Cancel);

        Assert.Equal("urn:calfcoach:problem:method-not-allowed", (await ProblemAsync(response, HttpStatusCode.MethodNotAllowed))["type"]!.GetValue<string>());
        Assert.Equal(["GET", "HEAD", "POST", "PATCH"], response.Content.Headers.Allow);
        SecurityHeaders.AssertPresent(response);
    }

    [Theory]
    [InlineData("/api/findings?asOf=0001-01-01", "asOf")]
    [InlineData("/api/findings?asOf=2026-11-27&onset=0001-01-01", "onset")]
    [InlineData("/api/weeks?asOf=0001-01-01", "asOf")]
    [InlineData("/api/weeks?asOf=9999-12-31", "asOf")]
    [InlineData("/api/plan?asOf=0001-01-01", "asOf")]
    [InlineData("/api/plan.ics?asOf=9999-12-31", "asOf")]
    public async Task A_date_off_the_calendar_is_400_naming_the_parameter(string path, string key)
    {
        using var response = await app.Client.GetAsync(path, Cancel);

        Assert.Contains("between 1900-01-01 and 2199-12-31", FirstError(await ProblemAsync(response, HttpStatusCode.BadRequest), key), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_form_over_one_mebibyte_is_413()
    {
        using var form = new FormUrlEncodedContent([new("name", new string('n', 1_100_000))]);

        // With "Expect: 100-continue" the client waits before sending the body, as browsers and proxies may: the server's
        // 413 (decided from Content-Length) then arrives before any of it, so the test never races a closing socket.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/shoes?handler=add") { Content = form };
        request.Headers.ExpectContinue = true;
        using var response = await app.Client.SendAsync(request, Cancel);

        Assert.Equal("urn:calfcoach:problem:too-large", (await ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge))["type"]!.GetValue<string>());
        SecurityHeaders.AssertPresent(response);
    }

    [Theory]
    [InlineData("/shoes?handler=add")]
    [InlineData("/profile")]
    [InlineData("/assess")]
    public async Task A_page_form_with_more_than_1024_fields_is_413_naming_the_form(string path)
    {
        using var form = new FormUrlEncodedContent(Enumerable.Range(0, 2_000).Select(i => new KeyValuePair<string, string>($"f{i}", "1")));

        using var response = await app.Client.PostAsync(path, form, Cancel);

        Assert.Contains("1024 fields", FirstError(await ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge), "form"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a.fit", "a.fit")]
    [InlineData("run.fit/a.fit", "run.fit")]
    [InlineData("run.fit", "run.fit/a.fit")]
    [InlineData("3/a.fit", "a.fit")]
    public async Task Upload_names_that_collide_are_each_imported_as_their_own_file(string first, string second)
    {
        using var content = new MultipartFormDataContent
        {
            { new ByteArrayContent(Fixtures.GeneratedFit()), "files", first },
            { new ByteArrayContent(Encoding.UTF8.GetBytes("not a training file")), "files", second },
            { new ByteArrayContent(Encoding.UTF8.GetBytes("not one either")), "files", "a.fit" },
        };

        using var response = await app.Client.PostAsync("/api/imports", content, Cancel);

        var text = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        var summary = JsonNode.Parse(text)!;
        Assert.Equal(3, summary["files"]!.GetValue<int>());
    }

    [Fact]
    public async Task An_upload_name_of_300_characters_is_stored_under_a_shortened_name_that_keeps_its_extension()
    {
        var name = new string('é', 300) + ".gpx";
        using var content = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes("<gpx")), "files", name } };

        using var response = await app.Client.PostAsync("/api/imports", content, Cancel);

        var text = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        var failed = Assert.Single(JsonNode.Parse(text)!["failed"]!.AsArray())!;
        Assert.EndsWith(".gpx", failed["file"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(failed["file"]!.GetValue<string>().Length <= 60);
    }

    [Fact]
    public async Task A_multipart_upload_cut_off_mid_file_is_400_and_imports_nothing()
    {
        using var full = new MultipartFormDataContent("cut-boundary") { { new ByteArrayContent(Fixtures.GeneratedFit()), "files", "cut.fit" } };
        var bytes = await full.ReadAsByteArrayAsync(Cancel);
        using var cut = new ByteArrayContent(bytes[..(bytes.Length / 2)]);
        cut.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=cut-boundary");

        using var response = await app.Client.PostAsync("/api/imports", cut, Cancel);

        Assert.Contains("ended before it was complete", FirstError(await ProblemAsync(response, HttpStatusCode.BadRequest), "files"), StringComparison.Ordinal);
        SecurityHeaders.AssertPresent(response);
    }
}

/// <summary>A server fault: the database broken under the app. The 500 still carries every security header.</summary>
public sealed class ServerFaultTests(BrokenApp app) : IClassFixture<BrokenApp>
{
    [Fact]
    public async Task A_500_carries_the_security_headers_and_a_problem_without_internals()
    {
        using (var connection = new SqliteConnection($"Data Source={app.DatabasePath};Pooling=False"))
        {
            connection.Open();
            using var drop = connection.CreateCommand();
            drop.CommandText = "DROP TABLE shoes";
            drop.ExecuteNonQuery();
        }

        using var response = await app.Client.GetAsync("/api/shoes", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        SecurityHeaders.AssertPresent(response);
        Assert.DoesNotContain("shoes", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }
}

/// <summary>The headers every response must carry, whatever its status.</summary>
internal static class SecurityHeaders
{
    public static void AssertPresent(HttpResponseMessage response)
    {
        Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.True(response.Headers.CacheControl?.NoStore, "Cache-Control: no-store");
    }
}
