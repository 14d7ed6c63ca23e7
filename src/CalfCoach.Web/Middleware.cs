using System.Diagnostics;
using System.Globalization;

namespace CalfCoach.Web;

internal static class Middleware
{
    /// <summary>
    /// A <c>Server-Timing: app;dur=…</c> header on every response: the time from the request reaching the app to the
    /// response starting, in milliseconds. The dashboard benchmark (bench/README.md) reads it; browsers show it too.
    /// </summary>
    public static IApplicationBuilder UseServerTiming(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var started = Stopwatch.GetTimestamp();
        context.Response.OnStarting(() =>
        {
            var milliseconds = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            context.Response.Headers["Server-Timing"] = string.Create(CultureInfo.InvariantCulture, $"app;dur={milliseconds:0.0}");
            return Task.CompletedTask;
        });
        await next(context);
    });

    /// <summary>
    /// Refuses changes that another website asks a browser to make (cross-site request forgery): any request but
    /// GET/HEAD/OPTIONS whose <c>Sec-Fetch-Site</c> says it came from another site, or whose <c>Origin</c> is not this
    /// server. Browsers always send one of the two with such requests; scripts and curl send neither and are let through.
    /// </summary>
    /// <remarks>
    /// This stands in for anti-forgery tokens, which need keys that survive a restart: with keys in memory, a form left
    /// open across a restart (an assessment half done) failed with a bare 400. The headers need no state (OWASP CSRF
    /// cheat sheet: "verifying origin with standard headers", "Fetch Metadata").
    /// </remarks>
    public static IApplicationBuilder UseCrossSiteProtection(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method))
        {
            await next(context);
            return;
        }

        // Fetch Metadata first: modern browsers always send it and it cannot be set by a page. Origin is the fallback
        // for older browsers (it reads "null" from privacy-sensitive contexts, which is refused there).
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        var origin = request.Headers.Origin.ToString();
        if (site.Length > 0)
        {
            if (site is not ("same-origin" or "none"))
            {
                await Problems.CrossSiteRequest("Sec-Fetch-Site", $"the request came from another site ({site}); use the CalfCoach page itself.").ExecuteAsync(context);
                return;
            }
        }
        else if (origin.Length > 0 && !(Uri.TryCreate(origin, UriKind.Absolute, out var from)
            && string.Equals(from.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase)))
        {
            await Problems.CrossSiteRequest("Origin", $"the request came from {origin}, not from this server; use the CalfCoach page itself.").ExecuteAsync(context);
            return;
        }

        await next(context);
    });

    /// <summary>
    /// Answers only to the names in <paramref name="allowed"/> (loopback; bound beyond it, also the machine's addresses, the
    /// names in the URLs and <c>--allowed-hosts</c>), so a web page cannot reach the app through a DNS name that an attacker
    /// points at it (DNS rebinding) and read the runner's data. Runs after the forwarded headers of known proxies only.
    /// </summary>
    public static IApplicationBuilder UseHostAllowList(this IApplicationBuilder app, HostAllowList allowed) => app.Use(async (context, next) =>
    {
        if (allowed.Allows(context.Request.Host.Host))
        {
            await next(context);
            return;
        }

        await Problems.UnknownHost(context.Request.Host.Value ?? string.Empty, allowed.Names).ExecuteAsync(context);
    });

    /// <summary>
    /// Reads a page's form before any page sees it, so a form over the body limit (413) or with more fields than
    /// <see cref="CalfCoachWeb.MaxFormFields"/> (413) is refused as such: Razor Pages would otherwise bind the unreadable
    /// form as empty and answer as if nothing had been typed. Uploads (<paramref name="streamed"/>) are left to stream.
    /// </summary>
    public static IApplicationBuilder UseFormLimits(this IApplicationBuilder app, params PathString[] streamed) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (request.HasFormContentType && !streamed.Any(path => request.Path.StartsWithSegments(path, StringComparison.OrdinalIgnoreCase)))
        {
            try
            {
                await request.ReadFormAsync(context.RequestAborted);
            }
            catch (Exception ex) when (ClientErrorExceptionHandler.ProblemFor(context, ex, readingForm: true) is { } problem)
            {
                await problem.ExecuteAsync(context);
                return;
            }
        }

        await next(context);
    });

    /// <summary>The methods some route answers; any other (TRACE, a made-up FOO) is 405 before routing, never a page handler's 500.</summary>
    /// <param name="deletable">Paths that also take DELETE (signing out, revoking a token); empty without accounts.</param>
    public static IApplicationBuilder UseKnownMethods(this IApplicationBuilder app, params PathString[] deletable) => app.Use(async (context, next) =>
    {
        var method = context.Request.Method;
        if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsPost(method) || HttpMethods.IsPatch(method)
            || (HttpMethods.IsDelete(method) && deletable.Any(path => context.Request.Path.StartsWithSegments(path, StringComparison.OrdinalIgnoreCase))))
        {
            await next(context);
            return;
        }

        context.Response.Headers.Allow = "GET, HEAD, POST, PATCH";
        await Problems.MethodNotAllowed(method).ExecuteAsync(context);
    });

    /// <summary>
    /// Everything the pages use comes from the app itself: scripts only from /assets (no inline script), no other origin.
    /// Inline styles stay allowed for the report's style block and the chart SVGs' style attributes.
    /// </summary>
    /// <remarks>
    /// Set as the response starts, not as the request arrives: the exception handler clears the headers of a failed
    /// response before writing its 500, and a header set when the response starts survives that (and every other path).
    /// </remarks>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(static state =>
        {
            AddSecurityHeaders((HttpContext)state);
            return Task.CompletedTask;
        }, context);
        await next(context);
    });

    private static void AddSecurityHeaders(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            + "media-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "same-origin";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";

        // Health data: never kept in a shared or browser cache (the assets set their own caching).
        if (!context.Request.Path.StartsWithSegments("/assets", StringComparison.Ordinal) || context.Response.StatusCode >= 400)
        {
            headers.CacheControl = "no-store";
        }
    }
}
