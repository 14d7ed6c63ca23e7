using CalfCoach.Import;
using CalfCoach.Import.Export;
using CalfCoach.Web.Services;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace CalfCoach.Web.Apis;

/// <summary>Imports: multipart/form-data with one or more parts named <c>files</c>; the same summary as <c>calfcoach import --json</c>.</summary>
public static class ImportsApi
{
    public const string FilesPart = "files";

    /// <summary>Uploads stream from here to disk, so no middleware may read (buffer) their form first.</summary>
    public const string Route = "/api/imports";

    public static IEndpointRouteBuilder MapImportsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(Route).WithTags("Import").ProducesServerProblem();
        api.MapPost("/", Import)
            .WithName("Import")
            .WithSummary("Import FIT, GPX and TCX files (also .gz), .zip archives, Strava and Garmin exports, and CalfCoach exports (GET /api/me/export).")
            .WithDescription("multipart/form-data with one or more parts named `files`. Importing the same files again changes nothing. "
                + "Every uploaded file is kept as it was sent, for the runner's export. A CalfCoach export is restored: its originals imported, "
                + "its profile, shoes and journal written where the account has none yet (`restored` says what was). "
                + "A file that cannot be read is listed under `failed` with the reason; the rest are still imported. "
                + "With `Accept: application/x-ndjson` the answer streams one `{\"progress\": …}` line as files are stored, then `{\"summary\": …}`.")
            .WithFilesBody(FilesPart)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType, StatusCodes.Status503ServiceUnavailable)
            .DisableAntiforgery();
        return app;
    }

    public static async Task<Results<Ok<ImportSummary>, ProblemHttpResult, EmptyHttpResult>> Import(
        HttpRequest request, UploadImporter importer, CalfCoachWebOptions options, CancellationToken cancellationToken)
    {
        if (!ImportProgressStream.IsWanted(request))
        {
            var (summary, problem) = await ReceiveAsync(request, importer, options, null, cancellationToken);
            return summary is null ? problem! : TypedResults.Ok(summary);
        }

        // Accept: application/x-ndjson: progress lines while the files are stored, the summary last (the import page uses this).
        var stream = new ImportProgressStream(request.HttpContext.Response, cancellationToken);
        ImportSummary? streamed;
        ProblemHttpResult? refused;
        try
        {
            (streamed, refused) = await ReceiveAsync(request, importer, options, stream, cancellationToken);
        }
        finally
        {
            // Always stop the pump, even when the import fails: it must not wait on the response after the request ends.
            await stream.CompleteAsync();
        }

        if (streamed is null && !stream.Started)
        {
            return refused!;
        }

        await stream.WriteLastAsync(new ImportProgressLine(null, streamed, streamed is null ? refused?.ProblemDetails.Detail : null), cancellationToken);
        return TypedResults.Empty;
    }

    /// <summary>Streams the uploaded parts to a temporary folder and imports them (the import page posts here too).</summary>
    public static async Task<(ImportSummary? Summary, ProblemHttpResult? Problem)> ReceiveAsync(
        HttpRequest request, UploadImporter importer, CalfCoachWebOptions options, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(importer);
        ArgumentNullException.ThrowIfNull(options);
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value is not { Length: > 0 } boundary)
        {
            return (null, Problems.WrongMediaType(request.ContentType, "multipart/form-data with parts named \"files\""));
        }

        var limit = options.MaxUploadBytes;
        if (request.ContentLength > limit)
        {
            return (null, Problems.Large(FilesPart, limit));
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit;
        }

        using var upload = importer.Begin();
        try
        {
            var reader = new MultipartReader(boundary, request.Body);
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
                {
                    return (null, Problems.Invalid(FilesPart, "every part needs a Content-Disposition of form-data with a name."));
                }

                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? string.Empty;
                if (!string.Equals(name, FilesPart, StringComparison.Ordinal))
                {
                    return (null, Problems.Invalid(name.Length == 0 ? FilesPart : name, $"unknown part \"{name}\": send each file as a part named \"{FilesPart}\"."));
                }

                var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar).Value
                    ?? HeaderUtilities.RemoveQuotes(disposition.FileName).Value;
                if (string.IsNullOrEmpty(fileName))
                {
                    // A file input left empty still sends its part, with no file name and no content.
                    continue;
                }

                await upload.SaveAsync(fileName, section.Body, cancellationToken);
                if (upload.Bytes > limit)
                {
                    return (null, Problems.Large(FilesPart, limit));
                }
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, Problems.Large(FilesPart, limit));
        }
        catch (InvalidDataException ex)
        {
            return (null, Problems.Invalid(FilesPart, $"the multipart body is malformed: {ex.Message}"));
        }
        catch (IOException ex) when (!cancellationToken.IsCancellationRequested && ClientErrorExceptionHandler.IsRequestRead(ex))
        {
            // The body ended before its closing boundary (a dropped connection, a truncated upload): nothing is imported.
            return (null, Problems.Unreadable(StatusCodes.Status400BadRequest, FilesPart, "the upload ended before it was complete; nothing was imported, send it again."));
        }

        if (upload.Count == 0)
        {
            return (null, Problems.Invalid(FilesPart, $"no files: send one or more parts named \"{FilesPart}\"."));
        }

        try
        {
            return (await upload.ImportAsync(progress, cancellationToken), null);
        }
        catch (ImportMemoryBusyException ex)
        {
            // A streamed import (x-ndjson) may have sent its headers with the first progress line; then only the body can tell.
            if (!request.HttpContext.Response.HasStarted)
            {
                request.HttpContext.Response.Headers.RetryAfter = Problems.ImportBusyRetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return (null, Problems.Busy(ex.Message + "."));
        }
        catch (ExportFormatException ex)
        {
            // A damaged CalfCoach export: the message names the entry inside it; nothing of that export was written.
            return (null, Problems.Invalid(FilesPart, ex.Message));
        }
    }
}
