using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace CalfCoach.Web.Tests;

/// <summary>
/// On a server with sign-in, every route in the routing table that is not marked anonymous answers an anonymous client
/// with 401 (API) or a redirect to sign-in (pages), never data: a route added later is walked without touching this test.
/// </summary>
public sealed class AnonymousRouteWalkTests(SignInApp app) : IClassFixture<SignInApp>
{
    [Fact]
    public async Task Every_route_but_the_anonymous_ones_needs_sign_in()
    {
        using var client = AccountClient.Create(app.BaseAddress);
        var endpoints = app.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var walked = 0;
        foreach (var endpoint in endpoints.Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null))
        {
            var path = "/" + string.Join("/", endpoint.RoutePattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
            {
                RoutePatternLiteralPart literal => literal.Content,
                RoutePatternSeparatorPart separator => separator.Content,
                _ => "1",
            }))));
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET", "POST"];
            foreach (var method in methods)
            {
                using var response = await AccountClient.SendAsync(client, new HttpMethod(method), path,
                    content: method is "GET" or "HEAD" or "DELETE" ? null : AccountClient.Json("{}"));
                var api = path.StartsWith("/api/", StringComparison.Ordinal) || path.StartsWith("/openapi", StringComparison.Ordinal);
                if (api)
                {
                    Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {path}: {(int)response.StatusCode}");
                }
                else
                {
                    Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{method} {path}: {(int)response.StatusCode}");
                    Assert.StartsWith("/sign-in?returnUrl=", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
                }

                walked++;
            }
        }

        Assert.True(walked > 30, $"only {walked} routes walked");
        var anonymous = endpoints.Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            .Select(e => $"{string.Join(",", e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["page"])} {e.RoutePattern.RawText?.TrimStart('/')}")
            .Order(StringComparer.Ordinal).ToList();
        Assert.Equal(
            ["DELETE api/session/", "GET assets/{name}", "GET openapi/{documentName}.json", "GET sw.js", "POST api/session/", "page register", "page sign-in", "page sign-out"],
            anonymous);
    }
}
