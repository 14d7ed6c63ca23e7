using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using CalfCoach.Import;

namespace CalfCoach.Web.Tests;

/// <summary>
/// Issue 12, defect 5: the import memory is one budget of bytes for the whole server. When other uploads hold it, an
/// upload is answered 503 with Retry-After (a problem of its own type), not left to take the machine's memory.
/// </summary>
public sealed class ImportBusyTests(BusyImportApp app) : IClassFixture<BusyImportApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_upload_while_other_imports_hold_the_memory_is_a_503_with_retry_after_and_succeeds_later()
    {
        // What other uploads would hold: every byte of the budget, in files read and waiting for a decoder.
        var others = app.ImportMemory.StartSession(ImportMemoryBudget.BudgetWait.Wait);
        var (reading, held) = others.BeginRead(Cancel);
        using (reading)
        {
            held.GrowTo(app.ImportMemory.CapacityBytes, Cancel);
        }

        using (held)
        {
            using var busy = await app.Client.PostAsync("/api/imports", Upload(), Cancel);

            Assert.Equal(HttpStatusCode.ServiceUnavailable, busy.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(30), busy.Headers.RetryAfter?.Delta);
            Assert.Equal("application/problem+json", busy.Content.Headers.ContentType?.MediaType);
            var problem = JsonNode.Parse(await busy.Content.ReadAsStringAsync(Cancel))!;
            Assert.Equal("urn:calfcoach:problem:import-busy", problem["type"]!.GetValue<string>());
            Assert.Contains("again", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        }

        using var later = await app.Client.PostAsync("/api/imports", Upload(), Cancel);
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
        Assert.Equal(0, app.ImportMemory.HeldBytes);
    }

    [Fact]
    public async Task A_streamed_upload_while_the_memory_is_held_is_the_same_503_before_any_progress_line()
    {
        var others = app.ImportMemory.StartSession(ImportMemoryBudget.BudgetWait.Wait);
        var (reading, held) = others.BeginRead(Cancel);
        using (reading)
        {
            held.GrowTo(app.ImportMemory.CapacityBytes, Cancel);
        }

        using (held)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/imports") { Content = Upload() };
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/x-ndjson"));
            using var busy = await app.Client.SendAsync(request, Cancel);

            Assert.Equal(HttpStatusCode.ServiceUnavailable, busy.StatusCode);
            Assert.NotNull(busy.Headers.RetryAfter);
        }
    }

    private static MultipartFormDataContent Upload()
    {
        var file = new ByteArrayContent(Fixtures.GeneratedFit());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return new MultipartFormDataContent { { file, "files", "run.fit" } };
    }
}
