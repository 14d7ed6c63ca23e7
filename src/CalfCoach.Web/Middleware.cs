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
    /// Everything the pages use comes from the app itself: scripts only from /assets (no inline script), no other origin.
    /// Inline styles stay allowed for the report's style block and the chart SVGs' style attributes.
    /// </summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            + "media-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        await next(context);
    });
}
