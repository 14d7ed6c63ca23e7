using System.Net;
using System.Net.Sockets;

namespace CalfCoach.Cli.Tests.EndToEnd;

/// <summary><c>calfcoach serve</c> as a real process: what a person sees in their terminal.</summary>
public sealed class ServeProcessTests
{
    [Fact]
    public async Task A_port_already_in_use_gives_one_line_naming_it_and_how_to_choose_another_without_a_stack_trace()
    {
        using var occupier = new TcpListener(IPAddress.Loopback, 0);
        occupier.Start();
        var port = ((IPEndPoint)occupier.LocalEndpoint).Port;
        var folder = Directory.CreateTempSubdirectory("calfcoach-serve-taken-");
        try
        {
            var result = await CliProcess.RunAsync(string.Empty, "serve", "--db", Path.Combine(folder.FullName, "me.db"), "--urls", $"http://127.0.0.1:{port}");

            Assert.Equal(2, result.ExitCode);
            Assert.Equal(string.Empty, result.Out);
            var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var line = Assert.Single(lines);
            Assert.Contains($"http://127.0.0.1:{port} is already in use", line, StringComparison.Ordinal);
            Assert.Contains($"--urls http://127.0.0.1:{port + 1}", line, StringComparison.Ordinal);
            Assert.DoesNotContain(" at ", line, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
