using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CalfCoach.Web;

/// <summary>
/// Pages are shown in the runner's culture (the browser's Accept-Language), so dates read the way the runner writes them;
/// everything else (the API, OpenAPI, downloads, the report, assets) runs in the invariant culture, so what a script reads
/// can never change with a browser setting. Only English texts exist so far: the culture changes how dates look, and a
/// translation (a <c>Name.{culture}.resx</c>) is picked up by the same setting.
/// </summary>
internal static class RunnerCulture
{
    /// <summary>
    /// The cultures a page may be shown in: languages whose default calendar is the Gregorian one, so a date reads the same
    /// day everywhere. A browser asking for another (or none) gets <see cref="Default"/>; a region not listed falls back to
    /// its language (de-LU → de).
    /// </summary>
    public static readonly string[] Supported =
    [
        "en", "en-GB", "en-US", "en-AU", "en-CA", "en-IE", "en-NZ", "en-ZA",
        "de", "de-DE", "de-AT", "de-CH",
        "fr", "fr-FR", "fr-BE", "fr-CA", "fr-CH",
        "es", "es-ES", "es-MX", "it", "it-IT", "nl", "nl-NL", "nl-BE", "pt", "pt-PT", "pt-BR",
        "da", "fi", "nb", "sv", "pl", "cs",
    ];

    public const string Default = "en";

    /// <summary>The request's culture for pages (from Accept-Language only: no cookie or query switch), invariant for the rest.</summary>
    public static IApplicationBuilder UseRunnerCulture(this IApplicationBuilder app)
    {
        var options = new RequestLocalizationOptions { RequestCultureProviders = [new AcceptLanguageHeaderRequestCultureProvider()] }
            .SetDefaultCulture(Default)
            .AddSupportedCultures(Supported)
            .AddSupportedUICultures(Supported);
        app.UseRequestLocalization(options);
        return app.Use((context, next) =>
        {
            if (context.GetEndpoint()?.Metadata.GetMetadata<PageActionDescriptor>() is null)
            {
                CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
                CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
            }

            return next(context);
        });
    }
}

/// <summary>
/// Form fields read in the invariant culture. A browser sends an <c>&lt;input type=number&gt;</c> as 167.5 and a date as
/// 2026-12-05 whatever its language; the framework's form value provider would read them in the request's culture, so a
/// German runner's 167.5 steps per minute would become 1675.
/// </summary>
internal sealed class InvariantFormValueProviderFactory : IValueProviderFactory
{
    public async Task CreateValueProviderAsync(ValueProviderFactoryContext context)
    {
        var request = context.ActionContext.HttpContext.Request;
        if (!request.HasFormContentType)
        {
            return;
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(context.ActionContext.HttpContext.RequestAborted);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException)
        {
            // As the framework's own factory does: a malformed or cut-off body is the client's fault (400), not a 500.
            throw new ValueProviderException($"The form could not be read: {ex.Message}", ex);
        }

        context.ValueProviders.Add(new FormValueProvider(BindingSource.Form, form, CultureInfo.InvariantCulture));
    }
}
