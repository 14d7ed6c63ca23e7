using CalfCoach.Import;
using CalfCoach.Web.Apis;
using CalfCoach.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CalfCoach.Web.Pages;

/// <summary>
/// Import: without script the form posts the files here; the page's script sends them to <c>POST /api/imports</c> with
/// streamed progress and asks here only for the summary fragment. Either way the upload goes through
/// <see cref="ImportsApi.ReceiveAsync"/>.
/// </summary>
[IgnoreAntiforgeryToken]
[StreamedUpload]
public sealed class ImportModel(UploadImporter importer, CalfCoachWebOptions options) : PageModel
{
    /// <summary>The page's address (its <c>@page</c> route): its form posts stream the upload, so nothing may read the form first.</summary>
    public const string Route = "/import";

    public ImportSummary? Summary { get; private set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var (summary, problem) = await ImportsApi.ReceiveAsync(Request, importer, options, null, cancellationToken);
        Summary = summary;
        if (problem?.ProblemDetails is { } details)
        {
            Error = details.Detail ?? details.Title;
            Response.StatusCode = details.Status ?? StatusCodes.Status400BadRequest;
        }

        return Page();
    }

    /// <summary>
    /// The summary fragment for an import the page's script streamed from <c>POST /api/imports</c> (with progress): the
    /// same partial as a plain form post, so the summary is written once.
    /// </summary>
    [JsonBodyHandler]
    public async Task<IActionResult> OnPostSummaryAsync(CancellationToken cancellationToken)
    {
        ImportSummaryFragmentRequest? body;
        try
        {
            body = await System.Text.Json.JsonSerializer.DeserializeAsync(Request.Body, ImportStreamJsonContext.Default.ImportSummaryFragmentRequest, cancellationToken);
        }
        catch (System.Text.Json.JsonException)
        {
            body = null;
        }

        Summary = body?.Summary;
        Error = body?.Error ?? (Summary is null ? Resources.ImportPageText.DidNotFinish : null);
        return Partial("_ImportSummary", this);
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
