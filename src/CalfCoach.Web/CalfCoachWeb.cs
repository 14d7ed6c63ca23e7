using CalfCoach.Core.Analysis.Json;
using CalfCoach.Core.Assessment.Json;
using CalfCoach.Core.Plans.Json;
using CalfCoach.Import;
using CalfCoach.Web.Apis;
using CalfCoach.Web.Services;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CalfCoach.Web;

/// <summary>The web app's table of contents: services, middleware, and every area's routes, in one place.</summary>
public static class CalfCoachWeb
{
    /// <summary>The most any request but an import may send: a page's form (an assessment step) is a few kilobytes.</summary>
    public const long SmallBodyBytes = 1024 * 1024;

    /// <summary>The most fields a page's form may have (the longest, the assessment's last step, has under 100).</summary>
    public const int MaxFormFields = 1024;

    /// <exception cref="InvalidOperationException">The URLs reach beyond loopback without <see cref="CalfCoachWebOptions.AllowedHosts"/>.</exception>
    public static WebApplication Create(CalfCoachWebOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (CalfCoachWebOptions.BindingProblem(options.Urls, options.AllowedHosts) is { } binding)
        {
            throw new InvalidOperationException(binding);
        }

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
        if (options.LogTo is { } logTo)
        {
            builder.Logging.AddProvider(logTo);
        }

        // The host logs a failed start (a port in use) with its stack trace and then throws the same exception to whoever
        // started it: the CLI says it in one line. CalfCoach runs no background services, so nothing else is lost here.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);

        // Every page with a form still writes an anti-forgery token (the form tag helper does, whether or not the pages
        // check it; they do not, see below). The keys are ephemeral, so after a restart each browser's old token cookie
        // cannot be decrypted, and the framework logs that as an error with a stack trace on the next form page it opens.
        // Nothing depends on those tokens, so their log is noise: the server log is kept for real problems.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Antiforgery", LogLevel.None);

        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<RunnerData>();
        builder.Services.AddSingleton<UploadImporter>();
        // Forms are protected from other sites by UseCrossSiteProtection (Origin / Sec-Fetch-Site), not by anti-forgery
        // tokens: their keys would have to outlive a restart, or a half-done assessment fails on its next step.
        builder.Services.AddDataProtection().UseEphemeralDataProtectionProvider();
        builder.Services.AddRazorPages(pages =>
        {
            pages.Conventions.ConfigureFilter(new IgnoreAntiforgeryTokenAttribute());
            pages.Conventions.ConfigureFilter(new Pages.PageRequestFilter());
        }).AddMvcOptions(mvc =>
        {
            // Browsers send numbers and dates in forms in one format whatever their language (RunnerCulture).
            var at = mvc.ValueProviderFactories.IndexOf(mvc.ValueProviderFactories.OfType<FormValueProviderFactory>().Single());
            mvc.ValueProviderFactories[at] = new InvariantFormValueProviderFactory();
            mvc.ValueProviderFactories.RemoveType<JQueryFormValueProviderFactory>();
        });
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ClientErrorExceptionHandler>();
        builder.Services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(form =>
        {
            form.ValueCountLimit = MaxFormFields;
            form.ValueLengthLimit = (int)SmallBodyBytes;
        });
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
        UploadImporter.SweepStale(options.TemporaryFolder, options.Clock);

        // First, so every response carries the headers, the exception handler's 500s and the guards' refusals included.
        app.UseSecurityHeaders();
        app.UseServerTiming();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseKnownMethods();
        if (options.KnownProxies.Count > 0)
        {
            app.UseForwardedHeaders(ForwardedFrom(options.KnownProxies));
        }

        app.UseHostAllowList(HostAllowList.For(options));
        app.UseCrossSiteProtection();
        app.UseFormLimits(ImportsApi.Route, Pages.ImportModel.Route);
        app.UseRunnerCulture();

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

    /// <summary>Forwarded headers believed from these proxies only (the framework's default trusts loopback: cleared).</summary>
    private static ForwardedHeadersOptions ForwardedFrom(IReadOnlyList<System.Net.IPAddress> proxies)
    {
        var forwarded = new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedHost | ForwardedHeaders.XForwardedProto,
            ForwardLimit = 1,
        };
        forwarded.KnownIPNetworks.Clear();
        forwarded.KnownProxies.Clear();
        foreach (var proxy in proxies)
        {
            forwarded.KnownProxies.Add(proxy);
        }

        return forwarded;
    }
}
