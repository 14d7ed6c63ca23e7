using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using CalfCoach.Core;

namespace CalfCoach.Web.Tests;

/// <summary>
/// Issue 12, defects 1 and 2 through the server: the full-size lying nested zip and error bomb as uploads. The error bomb
/// once gave a 50 MB answer to a 108 KB upload, and three lying zips held 12.9 GB.
/// </summary>
[Collection(nameof(AllocationMeasured))]
public sealed class HostileUploadTests(EmptyApp app) : IClassFixture<EmptyApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_error_bomb_gets_a_small_answer_with_a_hundred_bounded_failures_and_the_count()
    {
        using var response = await app.Client.PostAsync("/api/imports", Upload("bomb.zip", HostileArchives.ErrorBomb(entries: 200, nameLength: 1_000_000)), Cancel);
        var text = await response.Content.ReadAsStringAsync(Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(text.Length < 100_000, $"{text.Length} characters answered (once 50 MB)");
        var summary = JsonNode.Parse(text)!;
        Assert.Equal(200, summary["failedCount"]!.GetValue<int>());
        var failed = summary["failed"]!.AsArray();
        Assert.Equal(100, failed.Count);
        Assert.All(failed, f => Assert.True(f!["error"]!.GetValue<string>().Length <= ProblemText.MaxChars));
        Assert.All(failed, f => Assert.StartsWith("bomb.zip!", f!["file"]!.GetValue<string>(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Three_lying_nested_zips_are_imported_without_allocating_what_their_headers_claim()
    {
        var zip = HostileArchives.LyingNestedZip(entries: 20);
        var before = GC.GetTotalAllocatedBytes(precise: true);

        for (var i = 0; i < 3; i++)
        {
            using var response = await app.Client.PostAsync("/api/imports", Upload($"lying-{i}.zip", zip), Cancel);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        Assert.True(allocated < 300L * 1024 * 1024, $"{allocated / (1024 * 1024)} MB allocated for three 57 KB uploads (once 12.9 GB resident)");
    }

    private static MultipartFormDataContent Upload(string name, byte[] bytes)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        return new MultipartFormDataContent { { file, "files", name } };
    }
}
