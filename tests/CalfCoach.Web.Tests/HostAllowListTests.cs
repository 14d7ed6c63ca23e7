using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using CalfCoach.Storage;

namespace CalfCoach.Web.Tests;

/// <summary>
/// Bound beyond loopback (0.0.0.0, as <c>serve --urls http://0.0.0.0:5080 --allowed-hosts calfcoach.lan</c>), the app still
/// answers only to the names it was given and the machine's own addresses: a DNS name an attacker points at it is refused.
/// </summary>
public sealed class HostAllowListTests(NetworkApp app) : IClassFixture<NetworkApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<HttpResponseMessage> GetAsHostAsync(string host, string? forwardedHost = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/shoes");
        request.Headers.Host = host;
        if (forwardedHost is not null)
        {
            request.Headers.Add("X-Forwarded-Host", forwardedHost);
        }

        return await app.Client.SendAsync(request, Cancel);
    }

    [Theory]
    [InlineData(NetworkApp.AllowedName)]
    [InlineData("CALFCOACH.LAN")]
    [InlineData("runner.home.arpa")]
    [InlineData("127.0.0.1")]
    [InlineData("localhost")]
    public async Task A_name_given_with_allowed_hosts_or_loopback_is_answered(string host)
    {
        using var response = await GetAsHostAsync(host);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("evil.example")]
    [InlineData("calfcoach.lan.evil.example")]
    [InlineData("home.arpa")]
    [InlineData("8.8.8.8")]
    public async Task Another_name_is_refused_though_the_server_listens_on_every_address(string host)
    {
        using var response = await GetAsHostAsync(host);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync(Cancel))!;
        Assert.Equal("urn:calfcoach:problem:host-not-allowed", problem["type"]!.GetValue<string>());
        SecurityHeaders.AssertPresent(response);
    }

    [Fact]
    public async Task The_machines_own_network_address_is_answered()
    {
        var own = NetworkInterface.GetAllNetworkInterfaces()
            .SelectMany(i => i.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a));
        Assert.SkipWhen(own is null, "this machine has no IPv4 address besides loopback");

        using var response = await GetAsHostAsync($"{own}:{app.BaseAddress.Port}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_forwarded_host_from_a_client_that_is_not_a_known_proxy_is_ignored()
    {
        using var response = await GetAsHostAsync("evil.example", forwardedHost: NetworkApp.AllowedName);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}

/// <summary>Behind a known proxy, the host the browser asked the proxy for is the one checked.</summary>
public sealed class KnownProxyTests(ProxiedApp app) : IClassFixture<ProxiedApp>
{
    [Theory]
    [InlineData("calfcoach.example", HttpStatusCode.OK)]
    [InlineData("evil.example", HttpStatusCode.BadRequest)]
    public async Task The_forwarded_host_of_a_known_proxy_is_checked_instead_of_its_own(string forwardedHost, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/shoes");
        request.Headers.Host = "backend.internal";
        request.Headers.Add("X-Forwarded-Host", forwardedHost);

        using var response = await app.Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(expected, response.StatusCode);
    }
}

/// <summary>With a proxy named elsewhere, this computer is not trusted by default: its forwarded headers are ignored.</summary>
public sealed class UnknownProxyTests(ProxiedElsewhereApp app) : IClassFixture<ProxiedElsewhereApp>
{
    [Fact]
    public async Task A_forwarded_host_from_a_client_that_is_not_the_named_proxy_is_ignored_even_from_loopback()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/shoes");
        request.Headers.Host = "evil.example";
        request.Headers.Add("X-Forwarded-Host", "calfcoach.example");

        using var response = await app.Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}

/// <summary>The rule that keeps an account-less server from being opened to a network by accident.</summary>
public sealed class BindingRuleTests
{
    [Theory]
    [InlineData("http://0.0.0.0:5080")]
    [InlineData("http://192.168.1.20:5080")]
    [InlineData("http://calfcoach.lan:5080")]
    public void Listening_beyond_loopback_without_allowed_hosts_is_refused_with_the_option_to_use(string url)
    {
        var problem = CalfCoachWebOptions.BindingProblem([url], []);

        Assert.NotNull(problem);
        Assert.Contains("--allowed-hosts", problem, StringComparison.Ordinal);
        Assert.Contains("read and change your data", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5080")]
    [InlineData("http://localhost:5080")]
    [InlineData("http://[::1]:5080")]
    public void Listening_on_loopback_needs_no_allowed_hosts(string url) =>
        Assert.Null(CalfCoachWebOptions.BindingProblem([url], []));

    [Fact]
    public void The_app_will_not_start_on_every_address_without_allowed_hosts()
    {
        using var folder = new TemporaryFolder();
        using var database = Database.OpenSqlite(Path.Combine(folder.Path, "web.db"), TimeProvider.System);

        var refused = Assert.Throws<InvalidOperationException>(() => CalfCoachWeb.Create(new CalfCoachWebOptions { Database = database, Urls = ["http://0.0.0.0:0"] }));

        Assert.Contains("--allowed-hosts", refused.Message, StringComparison.Ordinal);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    private sealed class TemporaryFolder : IDisposable
    {
        private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("calfcoach-binding-");

        public string Path => _folder.FullName;

        public void Dispose() => _folder.Delete(recursive: true);
    }
}
