using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;
using Spectre.Console.Testing;

namespace CalfCoach.Cli.Tests.Commands;

/// <summary><c>serve --urls https://… --certificate</c>: the server answers over TLS with the certificate it was given.</summary>
public sealed partial class ServeHttpsTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("calfcoach-https-");

    public void Dispose() => _folder.Delete(recursive: true);

    /// <summary>A self-signed certificate for 127.0.0.1, written as a PEM certificate and key (what Let's Encrypt gives).</summary>
    private (string Certificate, string Key, string Thumbprint) WritePemCertificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=calfcoach.test", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        var certificatePath = Path.Combine(_folder.FullName, "fullchain.pem");
        var keyPath = Path.Combine(_folder.FullName, "privkey.pem");
        File.WriteAllText(certificatePath, certificate.ExportCertificatePem());
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());
        return (certificatePath, keyPath, certificate.Thumbprint);
    }

    [Fact]
    public async Task Serve_answers_over_HTTPS_with_the_PEM_certificate_it_was_given()
    {
        var (certificate, key, thumbprint) = WritePemCertificate();
        var output = new TestConsole { EmitAnsiSequences = false };
        output.Profile.Width = 200;
        var context = new CliContext(output, new TestConsole(), new StringReader(string.Empty), InputIsInteractive: false, new FakeTimeProvider(CliHarness.Now));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);

        var serving = CliApp.RunAsync(
            ["serve", "--db", Path.Combine(_folder.FullName, "me.db"), "--urls", "https://127.0.0.1:0", "--certificate", certificate, "--certificate-key", key],
            context,
            stop.Token);
        Uri? address = null;
        for (var i = 0; i < 300 && address is null && !serving.IsCompleted; i++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
            if (Listening().Match(output.Output) is { Success: true } match)
            {
                address = new Uri(match.Groups[1].Value);
            }
        }

        Assert.True(address is not null, $"serve did not report an https address: {output.Output}");
        string? presented = null;
        using var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, served, _, _) =>
            {
                presented = served?.Thumbprint;
                return true;
            },
        };
        using (var client = new HttpClient(handler) { BaseAddress = address })
        {
            using var response = await client.GetAsync("/", TestContext.Current.CancellationToken);
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(thumbprint, presented);
        await stop.CancelAsync();
        Assert.Equal(0, await serving);
    }

    [Fact]
    public async Task An_https_address_without_a_certificate_is_bad_input_saying_what_to_give()
    {
        var run = await CliHarness.RunAsync("serve", "--urls", "https://127.0.0.1:0");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--certificate FILE", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_certificate_that_cannot_be_read_is_bad_input_naming_the_file()
    {
        var bogus = Path.Combine(_folder.FullName, "not-a-cert.pfx");
        await File.WriteAllTextAsync(bogus, "hello", TestContext.Current.CancellationToken);

        var run = await CliHarness.RunAsync("serve", "--urls", "https://127.0.0.1:0", "--certificate", bogus);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("not-a-cert.pfx", run.Error, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"(https://127\.0\.0\.1:\d+)")]
    private static partial Regex Listening();
}
