using CalfCoach.Import;
using CalfCoach.Web.Apis;
using CalfCoach.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CalfCoach.Web.Pages;

/// <summary>
/// Import: the form posts the files here (the page's script sends the same form with upload progress and shows the
/// returned summary in place). Either way the upload goes through <see cref="ImportsApi.ReceiveAsync"/>, as the API's does.
/// </summary>
[IgnoreAntiforgeryToken]
[StreamedUpload]
public sealed class ImportModel(UploadImporter importer, CalfCoachWebOptions options) : PageModel
{
    /// <summary>The script asks for the summary alone with this header.</summary>
    public const string FragmentHeader = "X-CalfCoach-Fragment";

    public ImportSummary? Summary { get; private set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var (summary, problem) = await ImportsApi.ReceiveAsync(Request, importer, options, cancellationToken);
        Summary = summary;
        if (problem?.ProblemDetails is { } details)
        {
            Error = details.Detail ?? details.Title;
            Response.StatusCode = details.Status ?? StatusCodes.Status400BadRequest;
        }

        return Request.Headers.ContainsKey(FragmentHeader) ? Partial("_ImportSummary", this) : Page();
    }
}

/// <summary>
/// Keeps MVC from reading (and buffering) the form before the handler runs, so the upload can be streamed to disk as
/// the API streams it.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
internal sealed class StreamedUploadAttribute : Attribute, IResourceFilter
{
    public void OnResourceExecuting(ResourceExecutingContext context)
    {
        var factories = context.ValueProviderFactories;
        factories.RemoveType<FormValueProviderFactory>();
        factories.RemoveType<FormFileValueProviderFactory>();
        factories.RemoveType<JQueryFormValueProviderFactory>();
    }

    public void OnResourceExecuted(ResourceExecutedContext context)
    {
    }
}
