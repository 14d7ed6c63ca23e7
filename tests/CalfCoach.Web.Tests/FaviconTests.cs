using System.Net;
using System.Text.RegularExpressions;

namespace CalfCoach.Web.Tests;

/// <summary>The tab shows CalfCoach's own icon, served by the app (no file beside it, nothing fetched elsewhere).</summary>
public sealed partial class FaviconTests(EmptyApp app) : IClassFixture<EmptyApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/")]
    [InlineData("/assess")]
    public async Task Every_page_links_an_svg_icon_that_the_app_serves_as_svg(string page)
    {
        var html = await app.Client.GetStringAsync(page, Cancel);
        var link = IconLink().Match(html);
        Assert.True(link.Success, $"{page} has no <link rel=\"icon\">");

        using var icon = await app.Client.GetAsync(WebUtility.HtmlDecode(link.Groups["href"].Value), Cancel);

        Assert.Equal(HttpStatusCode.OK, icon.StatusCode);
        Assert.Equal("image/svg+xml", icon.Content.Headers.ContentType!.MediaType);
        var svg = await icon.Content.ReadAsStringAsync(Cancel);
        Assert.StartsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"", svg, StringComparison.Ordinal);
    }

    [GeneratedRegex("""<link rel="icon" type="image/svg\+xml" href="(?<href>[^"]+)">""")]
    private static partial Regex IconLink();
}
