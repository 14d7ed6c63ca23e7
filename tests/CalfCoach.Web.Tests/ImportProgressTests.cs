using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using CalfCoach.Formats.Fit;

namespace CalfCoach.Web.Tests;

/// <summary><c>POST /api/imports</c> with <c>Accept: application/x-ndjson</c>: progress lines while files are stored, the summary last.</summary>
public sealed class ImportProgressTests(StreamedImportApp app) : IClassFixture<StreamedImportApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static HttpRequestMessage Upload(params (string Name, byte[] Content)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, content) in files)
        {
            form.Add(new ByteArrayContent(content), "files", name);
        }

        var request = new HttpRequestMessage(HttpMethod.Post, "/api/imports") { Content = form };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/x-ndjson"));
        return request;
    }

    [Fact]
    public async Task A_streamed_import_reports_each_stored_file_and_ends_with_the_summary()
    {
        var runs = Enumerable.Range(0, 6)
            .Select(i => ($"run{i}.fit", FitActivityWriter.Write(Fixtures.Run(Fixtures.GeneratedRunDay.AddDays(-2 * i - 30), 5 + i, seed: 100 + i))))
            .Append(("broken.fit", "not a fit file"u8.ToArray()))
            .ToArray();
        using var request = Upload(runs);

        using var response = await app.Client.SendAsync(request, Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync(Cancel)).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToArray();
        var progress = lines[..^1].Select(l => l["progress"]!).ToArray();
        Assert.NotEmpty(progress);
        var filesDone = progress.Select(p => p["filesDone"]!.GetValue<int>()).ToArray();
        Assert.Equal(filesDone.Order(), filesDone);
        Assert.All(progress, p => Assert.True(p["bytesScanned"]!.GetValue<long>() <= p["totalBytes"]!.GetValue<long>()));
        var summary = lines[^1]["summary"]!;
        Assert.Equal(6, summary["imported"]!.GetValue<int>());
        Assert.Equal("broken.fit", summary["failed"]![0]!["file"]!.GetValue<string>());
        Assert.Equal(7, summary["files"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_streamed_import_refused_before_it_starts_gets_the_ordinary_problem_response()
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent([1, 2, 3]), "photos", "x.fit" } };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/imports") { Content = form };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/x-ndjson"));

        using var response = await app.Client.SendAsync(request, Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(JsonNode.Parse(await response.Content.ReadAsStringAsync(Cancel))!["errors"]!["photos"]);
    }
}
