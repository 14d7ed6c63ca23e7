using System.CommandLine;
using CalfCoach.Cli.Rendering;
using CalfCoach.Core.Demo;
using CalfCoach.Import.Demo;
using CalfCoach.Storage;
using CalfCoach.Web;
using CalfCoach.Web.Services;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Spectre.Console;
using Words = CalfCoach.Cli.Resources.ServeText;

namespace CalfCoach.Cli.Commands;

/// <summary>
/// <c>calfcoach serve [--db FILE] [--urls URL] [--demo]</c>: the web app (pages and JSON API) over the same database
/// and core as every other command, on this computer only unless told otherwise.
/// </summary>
public static class ServeCommand
{
    /// <summary>The demo runner's calf began to hurt this many days before today (as in <c>calfcoach demo</c>'s example answers).</summary>
    public const int DemoDaysSinceOnset = 3;

    public static Command Create(CliContext context)
    {
        var db = CommonOptions.Db();
        var urls = new Option<string?>("--urls")
        {
            Description = Words.UrlsHelp(CalfCoachWebOptions.DefaultUrl),
            HelpName = "URL",
        };
        var demo = new Option<bool>("--demo") { Description = Words.DemoHelp };
        var allowedHosts = new Option<string?>("--allowed-hosts")
        {
            Description = Words.AllowedHostsHelp,
            HelpName = "HOSTS",
        };
        var knownProxies = new Option<string?>("--known-proxies")
        {
            Description = Words.KnownProxiesHelp,
            HelpName = "IPS",
        };
        var certificate = new Option<string?>("--certificate")
        {
            Description = Words.CertificateHelp(CertificatePasswordVariable),
            HelpName = "FILE",
        };
        var certificateKey = new Option<string?>("--certificate-key")
        {
            Description = Words.CertificateKeyHelp,
            HelpName = "FILE",
        };
        var command = new Command("serve", Words.CommandHelp)
        {
            db, urls, demo, allowedHosts, knownProxies, certificate, certificateKey,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var addresses = (parse.GetValue(urls) ?? CalfCoachWebOptions.DefaultUrl).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            foreach (var address in addresses)
            {
                if (!Uri.TryCreate(address.Replace("://*", "://any", StringComparison.Ordinal).Replace("://+", "://any", StringComparison.Ordinal), UriKind.Absolute, out var uri)
                    || uri.Scheme is not ("http" or "https"))
                {
                    throw new UserInputException(Words.NotAnAddress(address));
                }
            }

            var memory = context.ImportMemory();
            var hosts = List(parse.GetValue(allowedHosts));
            foreach (var host in hosts)
            {
                if (host.Length > 253 || Uri.CheckHostName(host.StartsWith("*.", StringComparison.Ordinal) ? host[2..] : host) == UriHostNameType.Unknown)
                {
                    throw new UserInputException(Words.NotAHostName(host));
                }
            }

            var proxies = new List<System.Net.IPAddress>();
            foreach (var proxy in List(parse.GetValue(knownProxies)))
            {
                proxies.Add(System.Net.IPAddress.TryParse(proxy, out var ip)
                    ? ip
                    : throw new UserInputException(Words.NotAnIpAddress(proxy)));
            }

            if (CalfCoachWebOptions.BindingProblem(addresses, hosts) is { } binding)
            {
                throw new UserInputException($"--urls: {binding}");
            }

            using var tls = LoadCertificate(parse.GetValue(certificate), parse.GetValue(certificateKey));
            if (CalfCoachWebOptions.CertificateProblem(addresses, tls is not null) is { } https)
            {
                throw new UserInputException($"--urls: {https}");
            }

            var today = context.Today;
            DirectoryInfo? demoFolder = null;
            Database database;
            if (parse.GetValue(demo))
            {
                demoFolder = Directory.CreateTempSubdirectory("calfcoach-serve-demo-");
                database = Database.OpenSqlite(Path.Combine(demoFolder.FullName, "demo.db"), context.Clock);
                context.Out.MarkupLine($"[dim]{Markup.Escape(Words.GeneratingDemo)}[/]");
                await DemoDatabase.PopulateAsync(database, Path.Combine(demoFolder.FullName, "generated-history"), today.AddDays(-DemoDaysSinceOnset), cancellationToken);
            }
            else
            {
                database = DatabaseOption.Open(parse.GetValue(db));
            }

            // A PostgreSQL database is a shared server: every runner signs in to their own data. A SQLite file is one
            // runner's own, with no login.
            var signIn = database.IsServerDatabase;
            if (!signIn && !addresses.All(CalfCoachWebOptions.IsLoopbackUrl))
            {
                context.Error.MarkupLineInterpolated($"[yellow]{Words.WarningLabel}[/] {Words.OpenNetwork(string.Join(", ", addresses))}");
            }

            try
            {
                await using var app = CalfCoachWeb.Create(new CalfCoachWebOptions
                {
                    Database = database,
                    RequireSignIn = signIn,
                    ImportMemory = memory,
                    Urls = addresses,
                    Certificate = tls,
                    AllowedHosts = hosts,
                    KnownProxies = proxies,
                    Clock = context.Clock,
                    Onset = demoFolder is null ? null : today.AddDays(-DemoDaysSinceOnset),
                    DataNote = demoFolder is null ? null : DemoHistory.Note(today.AddDays(-DemoDaysSinceOnset)),
                });
                try
                {
                    await app.StartAsync(cancellationToken);
                }
                catch (IOException ex) when (InUse(ex))
                {
                    var taken = addresses.Where(a => ex.Message.Contains(a, StringComparison.OrdinalIgnoreCase)).DefaultIfEmpty(string.Join(", ", addresses)).First();
                    throw new UserInputException(Words.InUse(taken, OtherPort(taken)));
                }
                catch (IOException ex)
                {
                    throw new UserInputException(Words.CannotListen(string.Join(", ", addresses), ex.Message));
                }

                var listening = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? addresses;
                if (!signIn)
                {
                    await WarmUpAsync(app, listening, cancellationToken);
                }
                context.Out.MarkupLine(Styled.Markup(Words.Running(Styled.In("bold link", listening.First()))));
                context.Out.MarkupLineInterpolated($"[dim]{Words.Data(demoFolder is null ? database.DisplayName : Words.DemoData)}[/]");
                try
                {
                    await app.WaitForShutdownAsync(cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    // Ctrl+C is how the server is meant to stop.
                }

                await app.StopAsync(CancellationToken.None);
                return ExitCodes.Ok;
            }
            finally
            {
                database.Dispose();
                if (demoFolder is not null)
                {
                    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                    demoFolder.Delete(recursive: true);
                }
            }
        });
        return command;
    }

    private static bool InUse(Exception ex) =>
        ex is Microsoft.AspNetCore.Connections.AddressInUseException
        || (ex is System.Net.Sockets.SocketException socket && socket.SocketErrorCode == System.Net.Sockets.SocketError.AddressAlreadyInUse)
        || (ex.InnerException is { } inner && InUse(inner));

    /// <summary>The same address on the next port up, as a ready-to-type suggestion.</summary>
    private static string OtherPort(string address) =>
        Uri.TryCreate(address, UriKind.Absolute, out var uri) && uri.Port is > 0 and < 65535
            ? new UriBuilder(uri) { Port = uri.Port + 1 }.Uri.GetLeftPart(UriPartial.Authority)
            : "http://127.0.0.1:5081";

    /// <summary>The environment variable holding the certificate's password, so it never appears in the process list.</summary>
    public const string CertificatePasswordVariable = "CALFCOACH_CERTIFICATE_PASSWORD";

    private static System.Security.Cryptography.X509Certificates.X509Certificate2? LoadCertificate(string? path, string? keyPath)
    {
        if (path is null)
        {
            return keyPath is null ? null : throw new UserInputException(Words.KeyWithoutCertificate);
        }

        var password = Environment.GetEnvironmentVariable(CertificatePasswordVariable);
        try
        {
            if (keyPath is not null)
            {
                return password is null
                    ? System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPemFile(path, keyPath)
                    : System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromEncryptedPemFile(path, password, keyPath);
            }

            if (path.EndsWith(".pem", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".crt", StringComparison.OrdinalIgnoreCase))
            {
                throw new UserInputException(Words.PemWithoutKey(path));
            }

            return System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(path, password);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException or ArgumentException)
        {
            throw new UserInputException(keyPath is null
                ? Words.CannotReadCertificate(path, ex.Message, CertificatePasswordVariable)
                : Words.CannotReadCertificateWithKey(path, keyPath, ex.Message, CertificatePasswordVariable));
        }
    }

    private static string[] List(string? text) =>
        (text ?? string.Empty).Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>
    /// Reads and analyses the history, then asks for the dashboard once, before the address is announced: the first
    /// view a runner opens is then as quick as later ones (a cold one spends ~0.5 s parsing runs and compiling the
    /// page and chart code; bench/README.md). Best effort: a failure here only means a slower first page.
    /// </summary>
    private static async Task WarmUpAsync(Microsoft.AspNetCore.Builder.WebApplication app, IEnumerable<string> listening, CancellationToken cancellationToken)
    {
        app.Services.GetRequiredService<RunnerDirectory>().For(CalfCoach.Storage.RunnerId.Local).WarmUp();
        var local = listening.Select(a => a.Replace("://+", "://127.0.0.1", StringComparison.Ordinal).Replace("://*", "://127.0.0.1", StringComparison.Ordinal).Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal))
            .FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase));
        if (local is null)
        {
            return;
        }

        try
        {
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            using var response = await client.GetAsync(new Uri(new Uri(local), "/"), cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or UriFormatException)
        {
            // Only the first page will be slower.
        }
    }
}
