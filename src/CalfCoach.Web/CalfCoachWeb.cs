using CalfCoach.Core.Analysis.Json;
using CalfCoach.Core.Assessment.Json;
using CalfCoach.Core.Plans.Json;
using CalfCoach.Import;
using CalfCoach.Web.Accounts;
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

        // With accounts, the app's own handle reads no runner's data: each request takes the signed-in runner's scope.
        if (options.RequireSignIn)
        {
            options = options with { Database = options.Database.WithoutRunner() };
        }

        if (CalfCoachWebOptions.BindingProblem(options.Urls, options.AllowedHosts) is { } binding)
        {
            throw new InvalidOperationException(binding);
        }

        if (CalfCoachWebOptions.CertificateProblem(options.Urls, options.Certificate is not null) is { } https)
        {
            throw new InvalidOperationException(https);
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
            if (options.Certificate is { } certificate)
            {
                kestrel.ConfigureHttpsDefaults(https => https.ServerCertificate = certificate);
            }
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
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<CurrentRunner>();
        builder.Services.AddSingleton<RunnerDirectory>();
        // Per request: the signed-in runner's data, so every page and route reads through a handle scoped to them. An account
        // without runner data (a clinician, an admin) gets none: NoRunnerDataException answers 404.
        // A clinician's view of a runner's page (/athletes/{athlete}/plan) gets that runner's data, through the share.
        builder.Services.AddScoped(services =>
            services.GetRequiredService<IHttpContextAccessor>().HttpContext is { } context && context.GetRouteValue(SharedRunners.AthleteRouteValue) is not null
                ? services.GetRequiredService<SharedRunners>().ForPage(context, SharingApi.Resources.Plan) ?? throw new NoRunnerDataException()
                : services.GetRequiredService<RunnerDirectory>().For(
                    services.GetRequiredService<CurrentRunner>().RunnerId is { } runner ? new Storage.RunnerId(runner) : throw new NoRunnerDataException()));
        builder.Services.AddScoped<UploadImporter>();
        builder.Services.AddScoped<SharedRunners>();
        if (options.RequireSignIn)
        {
            AddSignIn(builder, options);
        }
        else
        {
            // Forms are protected from other sites by UseCrossSiteProtection (Origin / Sec-Fetch-Site), not by anti-forgery
            // tokens: their keys would have to outlive a restart, or a half-done assessment fails on its next step.
            builder.Services.AddDataProtection().UseEphemeralDataProtectionProvider();
        }

        builder.Services.AddRazorPages(pages =>
        {
            pages.Conventions.ConfigureFilter(new IgnoreAntiforgeryTokenAttribute());
            pages.Conventions.ConfigureFilter(new Pages.PageRequestFilter());
            if (!options.RequireSignIn)
            {
                // Sign-in, registration, the account, sharing and clinicians' pages exist only on a server with accounts.
                pages.Conventions.AddFolderApplicationModelConvention("/Accounts", model => model.Filters.Add(new Pages.NotFoundPageFilter()));
            }
            else
            {
                // A clinician reads a runner's plan on the runner's own page, marked whose it is (SharedRunners).
                pages.Conventions.AddPageRoute("/Plan", $"athletes/{{{SharedRunners.AthleteRouteValue}:long}}/plan");
            }
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
        app.UseKnownMethods(options.RequireSignIn ? AccountsApi.DeletePaths : []);
        if (options.KnownProxies.Count > 0)
        {
            app.UseForwardedHeaders(ForwardedFrom(options.KnownProxies));
        }

        app.UseHostAllowList(HostAllowList.For(options));
        app.UseCrossSiteProtection();
        if (options.RequireSignIn)
        {
            // After the guards, before any form is read: an anonymous request gets no further than 401 or the sign-in page.
            app.UseRouting();
            app.UseAuthentication();
            app.UseAuthorization();

            // A clinician has no plan of their own: their home is the list of runners who share with them.
            app.Use((context, next) =>
            {
                if (HttpMethods.IsGet(context.Request.Method) && context.Request.Path == "/"
                    && Accounts.SignedInAccount.From(context.User) is { Role: Core.Accounts.AccountRole.Clinician })
                {
                    context.Response.Redirect(Pages.Accounts.AthletesModel.Route);
                    return Task.CompletedTask;
                }

                return next(context);
            });
        }

        app.UseFormLimits(ImportsApi.Route, Pages.ImportModel.Route);
        app.UseRunnerCulture();

        app.MapOpenApi().AllowAnonymous();
        if (options.RequireSignIn)
        {
            app.MapAccountsApi();
            app.MapSharingApi();
        }

        app.MapAssessmentsApi();
        app.MapImportsApi();
        app.MapHistoryApi();
        app.MapPlanApi();
        app.MapShoesApi();
        app.MapProfileApi();
        app.MapMetronomeApi();
        app.MapReportApi();
        app.MapMeApi();
        app.MapAssets();
        app.MapRazorPages();
        return app;
    }

    /// <summary>
    /// Accounts: one authentication scheme (session cookie or bearer token, both looked up in the database on every request),
    /// every endpoint and page signed-in only unless marked anonymous, and data-protection keys in the database, shared by
    /// every server process on it (device cookies, anti-forgery tokens).
    /// </summary>
    private static void AddSignIn(WebApplicationBuilder builder, CalfCoachWebOptions options)
    {
        builder.Services.AddSingleton<AccountSessions>();
        builder.Services.AddAuthentication(SessionAuthenticationHandler.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, SessionAuthenticationHandler>(SessionAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder(SessionAuthenticationHandler.SchemeName).RequireAuthenticatedUser().Build());
        builder.Services.AddDataProtection().SetApplicationName("CalfCoach");
        builder.Services.Configure<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>(keys =>
            keys.XmlRepository = new DatabaseXmlRepository(new Storage.AccountStore(options.Database)));

        // The framework warns that the keys are stored unencrypted: on purpose (DatabaseXmlRepository says why).
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);
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
