using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CalfCoach.Web;

/// <summary>
/// Turns the exceptions a bad request raises inside the framework into the 4xx problem they are: a body over the limit
/// (413), a form with more fields or longer values than any page sends (413), a body cut short (400). Everything else is
/// left to the default 500 problem: a server fault, never blamed on the request.
/// </summary>
internal sealed class ClientErrorExceptionHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (ProblemFor(httpContext, exception) is not { } problem || httpContext.Response.HasStarted)
        {
            return false;
        }

        await problem.ExecuteAsync(httpContext);
        return true;
    }

    /// <summary>The 4xx problem for an exception a bad request caused, or null for a server fault.</summary>
    /// <param name="readingForm">True when the exception came from reading the request's form, whatever raised it.</param>
    internal static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult? ProblemFor(HttpContext context, Exception exception, bool readingForm = false)
    {
        // MVC wraps a failed form read in ValueProviderException; Kestrel's own refusals are BadHttpRequestException.
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case Services.NoRunnerDataException:
                    return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: "There is no runner data here for this account.");
                case BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }:
                    var limit = context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize ?? CalfCoachWeb.SmallBodyBytes;
                    return Problems.Large("$", limit);
                case BadHttpRequestException bad:
                    return Problems.Unreadable(bad.StatusCode is >= 400 and < 500 ? bad.StatusCode : StatusCodes.Status400BadRequest,
                        "$", "the request body ended early or is malformed; send it again.");
                case InvalidDataException when readingForm || IsFormRead(exception, current):
                    return Problems.Unreadable(StatusCodes.Status413PayloadTooLarge, "form",
                        $"the form has more fields, or longer values, than any CalfCoach page sends (at most {CalfCoachWeb.MaxFormFields} fields).");
                case IOException when readingForm || IsFormRead(exception, current):
                    return Problems.Unreadable(StatusCodes.Status400BadRequest, "form", "the form ended before it was complete; send it again.");
            }
        }

        return null;
    }

    /// <summary>
    /// True when an I/O error came from reading the request (Kestrel, the multipart or form reader), not from this server's
    /// own disk: a full disk while saving an upload is a server fault, not a cut-off upload.
    /// </summary>
    internal static bool IsRequestRead(IOException exception) =>
        exception is BadHttpRequestException
        || exception.TargetSite?.DeclaringType?.Namespace?.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) == true;

    /// <summary>True when the exception came from reading the request's form (MVC's wrapper, or the framework's form reader).</summary>
    private static bool IsFormRead(Exception outer, Exception inner) =>
        outer is ValueProviderException
        || inner.TargetSite?.DeclaringType?.Namespace?.StartsWith("Microsoft.AspNetCore.WebUtilities", StringComparison.Ordinal) == true
        || inner.TargetSite?.DeclaringType?.Namespace?.StartsWith("Microsoft.AspNetCore.Http", StringComparison.Ordinal) == true;
}
