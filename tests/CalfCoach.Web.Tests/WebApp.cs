using CalfCoach.Core.Demo;
using CalfCoach.Import;
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

    /// <summary>Where the app listens; the client always connects over loopback to the port it got.</summary>
    protected virtual string Url => "http://127.0.0.1:0";

    protected virtual IReadOnlyList<string> AllowedHosts => [];

    protected virtual IReadOnlyList<System.Net.IPAddress> KnownProxies => [];

    /// <summary>A server with accounts (<see cref="CalfCoachWebOptions.RequireSignIn"/>).</summary>
    protected virtual bool RequireSignIn => false;

    /// <summary>The app's clock (and its database's): tests move it to expire sessions and throttle windows.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(Today.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero));

    /// <summary>The process's import memory budget as the app sees it (a test can hold part of it).</summary>
    public ImportMemoryBudget ImportMemory { get; } = new();

    /// <summary>The app's database file, for tests that write what an older version could have stored.</summary>
    public string DatabasePath => Path.Combine(_folder.FullName, "web.db");

    /// <summary>The temporary folder the app keeps uploads in.</summary>
    public string UploadFolder => _folder.FullName;

    /// <summary>Every message the app logged at warning or above, as "level category: message".</summary>
    public CapturedLog Log { get; } = new();

    public WebApplication App => _app ?? throw new InvalidOperationException("The app has not started.");

    /// <summary>False when the fixture chose not to start the app (a PostgreSQL app where PostgreSQL is not installed).</summary>
    protected bool Started => _app is not null;

    /// <summary>The app's database: a SQLite file in the temporary folder, unless a subclass serves from PostgreSQL.</summary>
    protected virtual Database OpenDatabase(TimeProvider clock) => Database.OpenSqlite(DatabasePath, clock);

    /// <summary>Undoes what <see cref="OpenDatabase"/> made outside the temporary folder (a PostgreSQL database).</summary>
    protected virtual void DropDatabase()
    {
    }

    public virtual async ValueTask InitializeAsync()
    {
        var clock = Clock;
        _database = OpenDatabase(clock);
        var onset = Today.AddDays(-3);
        if (Demo)
        {
            await DemoDatabase.PopulateAsync(_database, Path.Combine(_folder.FullName, "demo"), onset);
        }

        _app = CalfCoachWeb.Create(new CalfCoachWebOptions
        {
            Database = _database,
            Urls = [Url],
            AllowedHosts = AllowedHosts,
            KnownProxies = KnownProxies,
            Clock = clock,
            Onset = Demo ? onset : null,
            DataNote = Demo ? DemoHistory.Note(onset) : null,
            MaxUploadBytes = MaxUploadBytes,
            TemporaryFolder = _folder.FullName,
            ImportMemory = ImportMemory,
            LogTo = Log,
            RequireSignIn = RequireSignIn,
        });
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new UriBuilder(address) { Host = "127.0.0.1" }.Uri;
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
        DropDatabase();
        _folder.Delete(recursive: true);
        GC.SuppressFinalize(this);
    }
}

/// <summary>The demo runner served from a PostgreSQL database on the test cluster.</summary>
public sealed class PostgresDemoApp : PostgresWebApp
{
    protected override bool Demo => true;
}

/// <summary>The app over a fresh database of its own on the test cluster (skipped where PostgreSQL is not installed).</summary>
public abstract class PostgresWebApp : WebApp
{
    private string? _connectionString;

    /// <summary>The app's database, for tests that look at every row of it (an erasure).</summary>
    public string ConnectionString => _connectionString ?? throw new InvalidOperationException("The app has not started.");

    /// <summary>Where PostgreSQL is not installed the app is not started (a fixture cannot skip): each test calls <see cref="Require"/>.</summary>
    public override ValueTask InitializeAsync() =>
        PostgresCluster.Shared is null && !PostgresCluster.MustRun ? ValueTask.CompletedTask : base.InitializeAsync();

    /// <summary>Skips the calling test where PostgreSQL is not installed (fails it under CI).</summary>
    public void Require()
    {
        if (!Started)
        {
            PostgresCluster.Require();
        }
    }

    protected override Database OpenDatabase(TimeProvider clock) =>
        Database.OpenPostgres(new DatabaseTarget.Postgres(_connectionString = PostgresCluster.Require().CreateDatabase()), clock);

    protected override void DropDatabase()
    {
        if (_connectionString is not null)
        {
            PostgresCluster.Shared?.DropDatabase(_connectionString);
        }
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

/// <summary>An app of its own for the "today" home page before any assessment (nothing is recorded in it).</summary>
public sealed class TodayEmptyApp : WebApp;

/// <summary>An app of its own for the "today" home page after an assessment, whose check-ins the tests record.</summary>
public sealed class TodayApp : WebApp;

/// <summary>The demo runner with one assessment recorded, for comparing what every page says about it.</summary>
public sealed class OneTruthApp : WebApp
{
    protected override bool Demo => true;
}

/// <summary>An app of its own for clinician visits, whose assessment raises the advice.</summary>
public sealed class ClinicianApp : WebApp;

/// <summary>An app of its own for the request guards (required keys, other sites, other host names, caching).</summary>
public sealed class GuardApp : WebApp;

/// <summary>An app of its own for streamed imports.</summary>
public sealed class StreamedImportApp : WebApp;

/// <summary>An app of its own whose import memory a test fills, as other uploads would.</summary>
public sealed class BusyImportApp : WebApp;

/// <summary>An app of its own for hostile requests (bad methods, dates, forms, bodies and upload names).</summary>
public sealed class HostileApp : WebApp;

/// <summary>An app whose database a test breaks, to see what a server fault (500) looks like.</summary>
public sealed class BrokenApp : WebApp;

/// <summary>
/// An app listening on every address (0.0.0.0), as <c>serve --urls http://0.0.0.0:5080 --allowed-hosts calfcoach.lan</c>.
/// </summary>
public sealed class NetworkApp : WebApp
{
    public const string AllowedName = "calfcoach.lan";

    protected override string Url => "http://0.0.0.0:0";

    protected override IReadOnlyList<string> AllowedHosts => [AllowedName, "*.home.arpa"];
}

/// <summary>Behind a reverse proxy on this computer (<c>--known-proxies 127.0.0.1 --allowed-hosts calfcoach.example</c>).</summary>
public sealed class ProxiedApp : WebApp
{
    protected override IReadOnlyList<string> AllowedHosts => ["calfcoach.example"];

    protected override IReadOnlyList<System.Net.IPAddress> KnownProxies => [System.Net.IPAddress.Loopback];
}

/// <summary>Behind a proxy elsewhere (<c>--known-proxies 10.9.9.9</c>): requests from this computer are not from the proxy.</summary>
public sealed class ProxiedElsewhereApp : WebApp
{
    protected override IReadOnlyList<string> AllowedHosts => ["calfcoach.example"];

    protected override IReadOnlyList<System.Net.IPAddress> KnownProxies => [System.Net.IPAddress.Parse("10.9.9.9")];
}

/// <summary>An app of its own for the upload fuzz, which fills its database with whatever the mutations import.</summary>
public sealed class FuzzApp : WebApp;

/// <summary>An app of its own for the installable app: offline check-ins, the service worker's cache, the manifest.</summary>
public sealed class OfflineApp : WebApp;

/// <summary>The demo runner with an assessment recorded, for the plain-words walk of every page.</summary>
public sealed class WordsApp : WebApp
{
    protected override bool Demo => true;
}

/// <summary>The demo runner with an assessment recorded, for the phone-first layout walk of every page (issue 11).</summary>
public sealed class LayoutApp : WebApp
{
    protected override bool Demo => true;
}

/// <summary>No data at all, for the phone-first layout walk of a newcomer's pages.</summary>
public sealed class EmptyLayoutApp : WebApp;

/// <summary>The demo runner on SQLite, as the twin of <see cref="PostgresDemoApp"/>.</summary>
public sealed class SqliteTwinApp : WebApp
{
    protected override bool Demo => true;
}

/// <summary>A shared server: PostgreSQL on the test cluster, with accounts (every request signs in).</summary>
public sealed class PostgresSignInApp : PostgresWebApp
{
    protected override bool RequireSignIn => true;
}

/// <summary>The demo runner (decimals and dates in every answer) in an app of its own for the runner's language tests, which record an assessment and a shoe.</summary>
public sealed class LocaleApp : WebApp
{
    protected override bool Demo => true;
}
