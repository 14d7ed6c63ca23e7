using CalfCoach.Import.Demo;
using CalfCoach.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CalfCoach.Web.Tests;

/// <summary>
/// The real app on a free loopback port, over a database in a temporary folder, with today pinned to
/// <see cref="Today"/>. Shared by the tests of a class (one app per class keeps the suite fast).
/// </summary>
public abstract class WebApp : IAsyncLifetime
{
    public static readonly DateOnly Today = new(2026, 11, 27);

    /// <summary>Small, so the oversized-upload test needs only a few megabytes.</summary>
    public const long MaxUploadBytes = 3 * 1024 * 1024;

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("calfcoach-web-tests-");
    private WebApplication? _app;
    private Database? _database;

    public Uri BaseAddress { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    protected virtual bool Demo => false;

    public async ValueTask InitializeAsync()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(Today.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero));
        _database = Database.OpenSqlite(Path.Combine(_folder.FullName, "web.db"), clock);
        var onset = Today.AddDays(-3);
        if (Demo)
        {
            await DemoDatabase.PopulateAsync(_database, Path.Combine(_folder.FullName, "demo"), onset);
        }

        _app = CalfCoachWeb.Create(new CalfCoachWebOptions
        {
            Database = _database,
            Urls = ["http://127.0.0.1:0"],
            Clock = clock,
            Onset = Demo ? onset : null,
            DataNote = Demo ? "Demo: a generated runner (test data)." : null,
            MaxUploadBytes = MaxUploadBytes,
            TemporaryFolder = _folder.FullName,
        });
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address);
        Client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        _database?.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
        GC.SuppressFinalize(this);
    }
}

/// <summary>An app with no data yet: a newcomer's first visit.</summary>
public sealed class EmptyApp : WebApp;

/// <summary>An app over the generated demo runner (the history <c>calfcoach serve --demo</c> shows).</summary>
public sealed class DemoApp : WebApp
{
    protected override bool Demo => true;
}

/// <summary>An app of its own for the recovery-programme tests, which record assessments and check-ins.</summary>
public sealed class PlanApp : WebApp;

/// <summary>An app of its own for clinician visits, whose assessment raises the advice.</summary>
public sealed class ClinicianApp : WebApp;

/// <summary>An app of its own for the request guards (required keys, other sites, other host names, caching).</summary>
public sealed class GuardApp : WebApp;

/// <summary>An app of its own for streamed imports.</summary>
public sealed class StreamedImportApp : WebApp;
