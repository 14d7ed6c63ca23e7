using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CalfCoach.Core.Assessment;
using CalfCoach.Core.Assessment.Json;
using CalfCoach.Storage;
using Microsoft.AspNetCore.Routing;

namespace CalfCoach.Web.Tests;

/// <summary>The JSON API over real HTTP on a loopback port: the CLI's contracts, and a documented problem for each kind of bad input.</summary>
public sealed class ApiTests(EmptyApp app) : IClassFixture<EmptyApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_assessment_returns_the_same_result_as_assess_answers_json()
    {
        var answers = Fixtures.ExampleAnswers("answers-overload.json");

        using var response = await app.Client.PostAsync("/api/assessments?asOf=2026-11-27", Json(answers), Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var expected = AssessmentJson.Serialize(Assessor.Assess(AnswersJsonReader.Read(answers).Answers!, new DateOnly(2026, 11, 27), []));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(await response.Content.ReadAsStringAsync(Cancel))),
            "The API's result differs from the CLI's JSON for the same answers.");
    }

    [Fact]
    public async Task Malformed_json_is_a_problem_naming_the_document()
    {
        using var response = await app.Client.PostAsync("/api/assessments", Json("{\"shortnessOfBreath\": tru"), Cancel);

        var problem = await Problem(response, HttpStatusCode.BadRequest, "urn:calfcoach:problem:malformed-json");
        Assert.Contains("line 1", Errors(problem)["$"]);
    }

    [Fact]
    public async Task An_unknown_key_is_a_problem_naming_that_key_and_the_missing_one()
    {
        var answers = JsonNode.Parse(Fixtures.ExampleAnswers("answers-overload.json"))!.AsObject();
        answers.Remove("shortnessOfBreath");
        answers["shortnesOfBreath"] = false;

        using var response = await app.Client.PostAsync("/api/assessments", Json(answers.ToJsonString()), Cancel);

        var errors = Errors(await Problem(response, HttpStatusCode.BadRequest, "urn:calfcoach:problem:invalid-answers"));
        Assert.Contains("did you mean \"shortnessOfBreath\"", errors["shortnesOfBreath"]);
        Assert.Contains("missing required key", errors["shortnessOfBreath"]);
    }

    [Fact]
    public async Task Answers_sent_as_plain_text_are_an_unsupported_media_type()
    {
        using var content = new StringContent(Fixtures.ExampleAnswers("answers-overload.json"), Encoding.UTF8, "text/plain");
        using var response = await app.Client.PostAsync("/api/assessments", content, Cancel);

        var errors = Errors(await Problem(response, HttpStatusCode.UnsupportedMediaType, "urn:calfcoach:problem:unsupported-media-type"));
        Assert.Contains("application/json", errors["Content-Type"]);
    }

    [Fact]
    public async Task An_oversized_answers_body_is_refused_as_too_large()
    {
        var huge = "{\"padding\": \"" + new string('x', 100_000) + "\"}";

        using var response = await app.Client.PostAsync("/api/assessments", Json(huge), Cancel);

        Assert.Contains("limit", Errors(await Problem(response, HttpStatusCode.RequestEntityTooLarge, "urn:calfcoach:problem:too-large"))["$"]);
    }

    [Fact]
    public async Task A_bad_date_in_the_query_is_a_problem_naming_the_parameter()
    {
        using var response = await app.Client.GetAsync("/api/findings?asOf=27/11/2026", Cancel);

        Assert.Contains("YYYY-MM-DD", Errors(await Problem(response, HttpStatusCode.BadRequest, "urn:calfcoach:problem:invalid-request"))["asOf"]);
    }

    [Fact]
    public async Task An_import_returns_the_same_summary_as_import_json()
    {
        using var form = new MultipartFormDataContent
        {
            { File(Fixtures.GeneratedFit()), "files", "api-run.fit" },
            { File("not a fit file"u8.ToArray()), "files", "broken.fit" },
        };

        using var response = await app.Client.PostAsync("/api/imports", form, Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = JsonNode.Parse(await response.Content.ReadAsStringAsync(Cancel))!.AsObject();
        Assert.Equal(["imported", "duplicates", "notRunning", "partial", "failed", "failedCount", "files", "bytes", "seconds", "notCounted", "skipped", "skippedCount"], summary.Select(p => p.Key));
        Assert.True(summary["imported"]!.GetValue<int>() + summary["duplicates"]!.GetValue<int>() == 1);
        var failure = Assert.Single(summary["failed"]!.AsArray());
        Assert.Equal("broken.fit", failure!["file"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_import_part_with_another_name_is_a_problem_naming_the_part()
    {
        using var form = new MultipartFormDataContent { { File(Fixtures.GeneratedFit()), "file", "run.fit" } };

        using var response = await app.Client.PostAsync("/api/imports", form, Cancel);

        Assert.Contains("\"files\"", Errors(await Problem(response, HttpStatusCode.BadRequest, "urn:calfcoach:problem:invalid-request"))["file"]);
    }

    [Fact]
    public async Task An_import_without_multipart_is_an_unsupported_media_type()
    {
        using var response = await app.Client.PostAsync("/api/imports", Json("{}"), Cancel);

        Assert.Contains("multipart/form-data", Errors(await Problem(response, HttpStatusCode.UnsupportedMediaType, "urn:calfcoach:problem:unsupported-media-type"))["Content-Type"]);
    }

    [Fact]
    public async Task An_import_with_no_files_is_a_problem_naming_files()
    {
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent([]), "files");

        using var response = await app.Client.PostAsync("/api/imports", form, Cancel);

        Assert.Contains("no files", Errors(await Problem(response, HttpStatusCode.BadRequest, "urn:calfcoach:problem:invalid-request"))["files"]);
    }

    [Fact]
    public async Task An_oversized_upload_is_refused_as_too_large()
    {
        var big = new byte[(int)WebApp.MaxUploadBytes + 512 * 1024];
        using var form = new MultipartFormDataContent { { File(big), "files", "big.fit" } };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/imports") { Content = form };

        // With a declared length over the limit the server answers at once, without reading the body; a client that
        // asks "Expect: 100-continue" (as curl does for large bodies) then never sends it.
        request.Headers.ExpectContinue = true;
        using var response = await app.Client.SendAsync(request, Cancel);

        Assert.Contains("limit", Errors(await Problem(response, HttpStatusCode.RequestEntityTooLarge, "urn:calfcoach:problem:too-large"))["files"]);
    }

    [Fact]
    public async Task An_oversized_upload_without_a_length_is_stopped_while_it_streams()
    {
        var big = new byte[(int)WebApp.MaxUploadBytes + 512 * 1024];
        using var form = new MultipartFormDataContent { { new StreamContent(new MemoryStream(big)), "files", "big.fit" } };
        form.Headers.ContentLength = null;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/imports") { Content = form };
        request.Headers.TransferEncodingChunked = true;

        using var response = await app.Client.SendAsync(request, Cancel);

        Assert.Contains("limit", Errors(await Problem(response, HttpStatusCode.RequestEntityTooLarge, "urn:calfcoach:problem:too-large"))["files"]);
    }

    [Fact]
    public async Task A_profile_update_with_an_unknown_key_names_it()
    {
        using var response = await app.Client.PatchAsync("/api/profile", Json("{\"heightCm\": 178, \"shoeSize\": 44}"), Cancel);

        Assert.Contains("unknown key", Errors(await Problem(response, HttpStatusCode.BadRequest, "urn:calfcoach:problem:invalid-request"))["shoeSize"]);
    }

    [Fact]
    public async Task A_profile_value_out_of_range_is_a_problem_naming_the_field()
    {
        using var response = await app.Client.PatchAsync("/api/profile", Json("{\"heightCm\": 400}"), Cancel);

        Assert.True(Errors(await Problem(response, HttpStatusCode.BadRequest, "urn:calfcoach:problem:invalid-request")).ContainsKey("heightCm"));
    }

    [Fact]
    public async Task A_metronome_track_is_an_ogg_opus_file_and_a_wav_file_on_request()
    {
        using var response = await app.Client.GetAsync("/api/metronome?spm=170&minutes=0.1", Cancel);
        using var wav = await app.Client.GetAsync("/api/metronome?spm=170&minutes=0.1&format=wav", Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("audio/ogg", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(6, OggOpusFile.Read(await response.Content.ReadAsByteArrayAsync(Cancel)).Seconds, precision: 6);
        Assert.Equal("audio/wav", wav.Content.Headers.ContentType?.MediaType);
        var bytes = await wav.Content.ReadAsByteArrayAsync(Cancel);
        Assert.Equal("RIFF", Encoding.ASCII.GetString(bytes, 0, 4));
        Assert.Equal("WAVE", Encoding.ASCII.GetString(bytes, 8, 4));
    }

    [Fact]
    public async Task A_thirty_minute_metronome_download_is_an_opus_file_under_two_megabytes_that_plays_thirty_minutes()
    {
        using var response = await app.Client.GetAsync("/api/metronome?spm=168&minutes=30&download=true", Cancel);
        var bytes = await response.Content.ReadAsByteArrayAsync(Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(bytes.Length, response.Content.Headers.ContentLength);
        Assert.InRange(bytes.Length, 100_000, 2_000_000); // the 8 kHz WAV was 14.4 MB
        Assert.Equal(30 * 60, OggOpusFile.Read(bytes).Seconds, precision: 6);
        Assert.Equal("metronome-168spm-30min.opus", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
    }

    [Fact]
    public async Task A_thirty_minute_wav_download_still_says_its_full_duration_in_its_header()
    {
        using var response = await app.Client.GetAsync("/api/metronome?spm=168&minutes=30&format=wav&download=true", HttpCompletionOption.ResponseHeadersRead, Cancel);
        await using var body = await response.Content.ReadAsStreamAsync(Cancel);
        var header = new byte[44];
        await body.ReadExactlyAsync(header, Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(14_400_044, response.Content.Headers.ContentLength);
        var bytesPerSecond = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(28));
        var dataBytes = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(40));
        Assert.Equal(30 * 60.0, (double)dataBytes / bytesPerSecond);
    }

    [Fact]
    public async Task A_metronome_format_other_than_opus_or_wav_names_format()
    {
        using var response = await app.Client.GetAsync("/api/metronome?spm=170&format=mp3", Cancel);

        Assert.True(Errors(await Problem(response, HttpStatusCode.BadRequest, "urn:calfcoach:problem:invalid-request")).ContainsKey("format"));
    }

    [Fact]
    public async Task A_metronome_cadence_out_of_range_names_spm()
    {
        using var response = await app.Client.GetAsync("/api/metronome?spm=20", Cancel);

        Assert.True(Errors(await Problem(response, HttpStatusCode.BadRequest, "urn:calfcoach:problem:invalid-request")).ContainsKey("spm"));
    }

    [Fact]
    public async Task The_openapi_document_describes_every_api_endpoint_with_its_body_success_and_problems()
    {
        using var document = JsonDocument.Parse(await app.Client.GetStringAsync("/openapi/v1.json", Cancel));
        var paths = document.RootElement.GetProperty("paths");
        var endpoints = await MappedApiEndpoints();
        Assert.True(endpoints.Count >= 18, $"Only {endpoints.Count} endpoints were found: {string.Join(", ", endpoints)}");

        foreach (var (method, route, takesBody) in endpoints)
        {
            var path = route.TrimEnd('/');
            var operation = paths.TryGetProperty(path, out var item) && item.TryGetProperty(method.ToLowerInvariant(), out var found) ? found : default;
            Assert.True(operation.ValueKind == JsonValueKind.Object, $"{method} {path} is mapped but not in the OpenAPI document.");
            if (takesBody)
            {
                var body = operation.GetProperty("requestBody").GetProperty("content").EnumerateObject().ToArray();
                Assert.True(body.Length > 0 && body.All(m => m.Value.TryGetProperty("schema", out _)), $"{method} {path} has no request body schema.");
            }

            var responses = operation.GetProperty("responses");
            var success = responses.GetProperty("200").GetProperty("content").EnumerateObject().ToArray();
            Assert.True(success.Length > 0 && success.All(m => m.Value.TryGetProperty("schema", out _)), $"{method} {path} has no 200 content type and schema.");
            var problems = responses.EnumerateObject().Where(r => r.Name is ['4' or '5', _, _]).ToArray();
            Assert.True(problems.Length > 0, $"{method} {path} documents no problem response.");
            Assert.All(problems, r => Assert.True(r.Value.GetProperty("content").TryGetProperty("application/problem+json", out _),
                $"{method} {path}'s {r.Name} is not application/problem+json."));
        }
    }

    [Fact]
    public async Task The_openapi_answers_schema_requires_every_warning_sign_and_the_day_counts()
    {
        using var document = JsonDocument.Parse(await app.Client.GetStringAsync("/openapi/v1.json", Cancel));

        var answers = document.RootElement.GetProperty("components").GetProperty("schemas").GetProperty("RunnerAnswers");
        var required = answers.GetProperty("required").EnumerateArray().Select(k => k.GetString()).ToArray();
        Assert.Equal([.. Questionnaire.SymptomQuestionsOf(1).Select(q => q.Key), Questionnaire.DaysSinceOnsetKey, Questionnaire.DaysOfHomeCareKey], required);
        Assert.Equal(Questionnaire.AllKeys, answers.GetProperty("properties").EnumerateObject().Select(p => p.Name));
        Assert.False(answers.GetProperty("additionalProperties").GetBoolean());
        Assert.Equal(0, answers.GetProperty("properties").GetProperty(Questionnaire.DaysSinceOnsetKey).GetProperty("minimum").GetInt32());
    }

    [Fact]
    public async Task An_unknown_api_route_is_a_problem_response()
    {
        using var response = await app.Client.GetAsync("/api/nothing-here", Cancel);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>Every /api endpoint the app maps, and the report (method, route, whether it reads a body), from the routing table itself.</summary>
    private static async Task<List<(string Method, string Route, bool TakesBody)>> MappedApiEndpoints()
    {
        var folder = Directory.CreateTempSubdirectory("calfcoach-openapi-");
        try
        {
            using var database = Database.OpenSqlite(Path.Combine(folder.FullName, "routes.db"));
            await using var web = CalfCoachWeb.Create(new CalfCoachWebOptions { Database = database, Urls = ["http://127.0.0.1:0"] });
            return [.. ((IEndpointRouteBuilder)web).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>()
                .Where(e => e.RoutePattern.RawText is { } route && (route.StartsWith("/api/", StringComparison.Ordinal) || route.StartsWith("/report", StringComparison.Ordinal)))
                .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(m =>
                    (m, e.RoutePattern.RawText!, m is "POST" or "PATCH" or "PUT")))];
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    private static ByteArrayContent File(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return content;
    }

    private static async Task<JsonObject> Problem(HttpResponseMessage response, HttpStatusCode status, string type)
    {
        var text = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(text)!.AsObject();
        Assert.Equal(type, problem["type"]!.GetValue<string>());
        Assert.Equal((int)status, problem["status"]!.GetValue<int>());
        return problem;
    }

    private static Dictionary<string, string> Errors(JsonObject problem) =>
        problem["errors"]!.AsObject().ToDictionary(p => p.Key, p => string.Join(" ", p.Value!.AsArray().Select(m => m!.GetValue<string>())));
}
