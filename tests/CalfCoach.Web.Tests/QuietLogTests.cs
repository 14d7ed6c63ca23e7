namespace CalfCoach.Web.Tests;

/// <summary>The server log is for problems: ordinary use of the pages writes nothing to it.</summary>
public sealed class QuietLogTests(PlanApp app) : IClassFixture<PlanApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/")]
    [InlineData("/assess")]
    [InlineData("/import")]
    [InlineData("/shoes")]
    [InlineData("/profile")]
    [InlineData("/metronome")]
    [InlineData("/plan")]
    public async Task Opening_a_form_page_twice_logs_nothing(string page)
    {
        using (await app.Client.GetAsync(page, Cancel))
        {
        }

        using var again = await app.Client.GetAsync(page, Cancel);

        Assert.True(again.IsSuccessStatusCode, $"{page} → {(int)again.StatusCode}");
        Assert.DoesNotContain(app.Log.Lines, line => line.Contains("Antiforgery", StringComparison.OrdinalIgnoreCase));
        Assert.Empty(app.Log.Lines);
    }

    [Fact]
    public async Task A_browser_coming_back_after_a_restart_with_an_old_token_cookie_logs_nothing()
    {
        // A client of its own: the shared client may already hold the cookie, and then no new one is set.
        using var fresh = new HttpClient { BaseAddress = app.BaseAddress };
        using var first = await fresh.GetAsync("/assess", Cancel);
        var cookie = first.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
        var name = cookie[..cookie.IndexOf('=', StringComparison.Ordinal)];

        // Keys are ephemeral: a cookie written before a restart is one the server cannot decrypt.
        using var request = new HttpRequestMessage(HttpMethod.Get, "/assess");
        request.Headers.Add("Cookie", $"{name}=CfDJ8AAAAAAAAAAAAAAAAAAAAACW7rZ1vhVyrqj8tEhzi3nAc_6E81oEfvWRVl9WHiDuw8U3BrJ6qN");
        using var browser = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = app.BaseAddress };
        using var again = await browser.SendAsync(request, Cancel);

        Assert.True(again.IsSuccessStatusCode);
        Assert.Empty(app.Log.Lines);
    }
}
