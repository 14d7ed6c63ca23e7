using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CalfCoach.Cli.Tests.Commands;

/// <summary><c>serve --urls https://… --certificate</c>: the server answers over TLS with the certificate it was given.</summary>
public sealed class ServeHttpsTests : IDisposable
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
        await using var serving = await ServingCli.StartAsync(
            "--db", Path.Combine(_folder.FullName, "me.db"), "--urls", "https://127.0.0.1:0", "--certificate", certificate, "--certificate-key", key);
        Assert.Equal("https", serving.Address.Scheme);
        string? presented = null;
        using var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, served, _, _) =>
            {
                presented = served?.Thumbprint;
                return true;
            },
        };
        using (var client = new HttpClient(handler) { BaseAddress = serving.Address })
        {
            using var response = await client.GetAsync("/", TestContext.Current.CancellationToken);
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(thumbprint, presented);
        Assert.Equal(0, await serving.StopAsync());
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
}
