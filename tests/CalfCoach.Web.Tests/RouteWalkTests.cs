using System.Reflection;
using System.Text;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CalfCoach.Web.Tests;

/// <summary>
/// Every route in the app's routing table (API endpoints and pages, with every page handler), called with hostile values
/// in the query, the route and the body: never a 5xx, and every answer carries the security headers. A route added later is
/// walked without touching this test.
/// </summary>
public sealed class RouteWalkTests(HostileApp app) : IClassFixture<HostileApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static readonly string Long = new('x', 5_000);

    /// <summary>Query strings with dates off the calendar, absurd numbers, over-long text and invalid characters.</summary>
    private static readonly string[] HostileQueries =
    [
        "",
        "?asOf=0001-01-01&onset=0001-01-01",
        "?asOf=9999-12-31&onset=9999-12-31",
        "?asOf=2026-02-30&onset=" + Long,
        "?at=99:99&timeZone=" + Long,
        "?at=-1&timeZone=..%2F..%2Fetc%2Fpasswd",
        "?download=maybe&spm=1e308&minutes=1e308&accent=-1",
        "?spm=NaN&minutes=-1e308&accent=99999999999999999999",
        "?handler=" + Long,
        "?asOf=%00&onset=%FF%FE",
    ];

    /// <summary>Bodies of every shape a client could send, each with its content type.</summary>
    private static readonly (string ContentType, string Body)[] HostileBodies =
    [
        ("application/json", ""),
        ("application/json", "null"),
        ("application/json", "[]"),
        ("application/json", "1e308"),
        ("application/json", "{\"name\": 1e308, \"name\": \"x\"}"),
        ("application/json", "{\"score\": 1e308, \"sets\": -1, \"reps\": 99999999999, \"startKm\": 1e308, \"massKg\": -1e308, \"date\": \"0001-01-01\", \"since\": \"9999-12-31\", \"born\": \"0001-01-01\", \"note\": \"" + Long + "\", \"name\": \"" + Long + "\"}"),
        ("application/json", new string('[', 10_000) + new string(']', 10_000)),
        ("application/json", "{\"summary\": {\"files\": 1e308}, \"error\": \"" + Long + "\"}"),
        ("application/x-www-form-urlencoded", "score=1e308&sets=-1&reps=99999999999&loadKg=NaN&pain=11&startKm=1e308&since=0001-01-01&name=" + Long + "&note=" + Long + "&answers=%7B%7D&step=99&heightCm=1e308&born=0001-01-01&spm=1e308&minutes=1e308"),
        ("application/x-www-form-urlencoded", "answers=" + Uri.EscapeDataString("{\"chestPain\": true, \"chestPain\": false}") + "&step=-1"),
        ("multipart/form-data; boundary=b", "--b\r\nContent-Disposition: form-data; name=\"score\"\r\n\r\n1e308\r\n--b"),
        ("text/plain", Long),
    ];

    private IEnumerable<(string Method, string Path)> Routes()
    {
        var endpoints = app.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        foreach (var endpoint in endpoints)
        {
            var pattern = endpoint.RoutePattern;
            var path = "/" + string.Join("/", pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
            {
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal => literal.Content,
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternSeparatorPart separator => separator.Content,
                _ => "..%2F..%2Fetc%2Fpasswd",
            }))));
            // Pages carry no method metadata: walk their GET, their POST and each named POST handler.
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods;
            if (methods is null)
            {
                yield return ("GET", path);
                yield return ("POST", path);
                foreach (var handler in PageHandlers(path))
                {
                    yield return ("POST", $"{path}?handler={handler}");
                }

                continue;
            }

            foreach (var method in methods)
            {
                yield return (method, path);
            }
        }
    }

    /// <summary>The named POST handlers of the page at <paramref name="path"/> (OnPostAdd → "add"), found on its page model.</summary>
    private static IEnumerable<string> PageHandlers(string path)
    {
        var name = path.Trim('/') is { Length: > 0 } page ? page : "Index";
        var model = typeof(CalfCoachWeb).Assembly.GetTypes()
            .FirstOrDefault(t => typeof(PageModel).IsAssignableFrom(t) && string.Equals(t.Name, name + "Model", StringComparison.OrdinalIgnoreCase));
        return model is null ? [] : model.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Select(m => m.Name)
            .Where(n => n.StartsWith("OnPost", StringComparison.Ordinal) && n.Length > "OnPost".Length)
            .Select(n => n["OnPost".Length..].Replace("Async", string.Empty, StringComparison.Ordinal))
            .Where(n => n.Length > 0)
            .Distinct();
    }

    [Fact]
    public async Task Every_route_answers_hostile_values_without_a_5xx_and_with_the_security_headers()
    {
        var routes = Routes().Distinct().ToArray();
        Assert.Contains(("PATCH", "/api/profile"), routes);
        Assert.Contains(("POST", "/shoes?handler=Add"), routes);
        var failures = new List<string>();
        var calls = 0;
        foreach (var (method, path) in routes)
        {
            var sends = method is "GET" or "HEAD"
                ? HostileQueries.Select(query => (Path: path.Contains('?', StringComparison.Ordinal) ? path : path + query, Content: (HttpContent?)null))
                : HostileBodies.Select(body => (Path: path, Content: (HttpContent?)new StringContent(body.Body, Encoding.UTF8).WithType(body.ContentType)));
            foreach (var (target, content) in sends)
            {
                calls++;
                using var request = new HttpRequestMessage(new HttpMethod(method), target) { Content = content };
                using var response = await app.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, Cancel);
                var status = (int)response.StatusCode;
                var headers = response.Headers.Contains("Content-Security-Policy") && response.Headers.Contains("X-Content-Type-Options");
                if (status >= 500 || !headers)
                {
                    failures.Add($"{method} {target[..Math.Min(target.Length, 120)]} ({content?.Headers.ContentType?.MediaType ?? "no body"}): {status}{(headers ? string.Empty : ", no security headers")}");
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {calls} calls failed:\n" + string.Join("\n", failures.Take(40)));
    }
}

internal static class ContentExtensions
{
    public static HttpContent WithType(this HttpContent content, string type)
    {
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(type);
        return content;
    }
}
