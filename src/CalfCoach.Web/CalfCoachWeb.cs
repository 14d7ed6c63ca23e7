using CalfCoach.Core.Analysis.Json;
using CalfCoach.Core.Assessment.Json;
using CalfCoach.Core.Plans.Json;
using CalfCoach.Import;
using CalfCoach.Web.Apis;
using CalfCoach.Web.Services;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;

namespace CalfCoach.Web;

/// <summary>The web app's table of contents: services, middleware, and every area's routes, in one place.</summary>
public static class CalfCoachWeb
{
    /// <summary>The most any request but an import may send: a page's form (an assessment step) is a few kilobytes.</summary>
    public const long SmallBodyBytes = 1024 * 1024;

    public static WebApplication Create(CalfCoachWebOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            // Razor Pages are found in this assembly, whichever program hosts it (the CLI, a test).
            ApplicationName = typeof(CalfCoachWeb).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            // Small by default (answers, forms, check-ins); the import endpoints raise it to MaxUploadBytes for their own
            // request only (ImportsApi.ReceiveAsync), so no other route can be made to read gigabytes.
            kestrel.Limits.MaxRequestBodySize = Math.Max(options.MaxJsonBytes, SmallBodyBytes);
        });
        builder.WebHost.UseUrls([.. options.Urls]);
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);

        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<RunnerData>();
        builder.Services.AddSingleton<UploadImporter>();
        // Forms are protected from other sites by UseCrossSiteProtection (Origin / Sec-Fetch-Site), not by anti-forgery
        // tokens: their keys would have to outlive a restart, or a half-done assessment fails on its next step.
        builder.Services.AddDataProtection().UseEphemeralDataProtectionProvider();
        builder.Services.AddRazorPages(pages => pages.Conventions.ConfigureFilter(new IgnoreAntiforgeryTokenAttribute()));
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi(openApi => openApi.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "CalfCoach API";
            document.Info.Description = "Everything the CalfCoach pages do, as JSON. CalfCoach does not diagnose.";
            return Task.CompletedTask;
        }));
        builder.Services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.TypeInfoResolverChain.Insert(0, AssessmentJsonContext.Default);
            json.SerializerOptions.TypeInfoResolverChain.Insert(0, AnalysisJsonContext.Default);
            json.SerializerOptions.TypeInfoResolverChain.Insert(0, ImportJsonContext.Default);
            json.SerializerOptions.TypeInfoResolverChain.Insert(0, ProgrammeJsonContext.Default);
            json.SerializerOptions.TypeInfoResolverChain.Insert(0, WebJsonContext.Default);
        });

        var app = builder.Build();
        app.UseServerTiming();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseSecurityHeaders();
        app.UseLoopbackHostCheck(options.Urls);
        app.UseCrossSiteProtection();

        app.MapOpenApi();
        app.MapAssessmentsApi();
        app.MapImportsApi();
        app.MapHistoryApi();
        app.MapPlanApi();
        app.MapShoesApi();
        app.MapProfileApi();
        app.MapMetronomeApi();
        app.MapReportApi();
        app.MapAssets();
        app.MapRazorPages();
        return app;
    }
}
