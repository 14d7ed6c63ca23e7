namespace CalfCoach.Cli.Tests.Commands;

public sealed class MetronomeCommandTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("calfcoach-metronome-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Metronome_writes_a_wav_file_of_the_requested_length()
    {
        var file = Path.Combine(_root, "168.wav");

        var run = await CliHarness.RunAsync("metronome", "--spm", "168", "--minutes", "1", "--accent", "2", "-o", file);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(44 + (60 * 8_000), new FileInfo(file).Length);
        Assert.Contains("a click every 0.357 s", run.Out);
        Assert.False(File.Exists(file + ".tmp"));
    }

    [Fact]
    public async Task Metronome_writes_a_small_opus_file_that_plays_for_the_requested_length()
    {
        var file = Path.Combine(_root, "168.opus");

        var run = await CliHarness.RunAsync("metronome", "--spm", "168", "--minutes", "30", "-o", file);

        Assert.Equal(0, run.ExitCode);
        var bytes = await File.ReadAllBytesAsync(file, TestContext.Current.CancellationToken);
        Assert.Equal(30 * 60, OggOpusFile.Read(bytes).Seconds, precision: 6);
        Assert.InRange(bytes.Length, 100_000, 2_000_000);
        Assert.Contains("Opus", run.Out);
    }

    [Theory]
    [InlineData("20")]
    [InlineData("500")]
    public async Task An_impossible_cadence_is_bad_input_and_writes_nothing(string spm)
    {
        var file = Path.Combine(_root, "bad.wav");

        var run = await CliHarness.RunAsync("metronome", "--spm", spm, "-o", file);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("error: metronome: Steps per minute must be from 60 to 300.", run.Error);
        Assert.False(File.Exists(file));
    }

    [Fact]
    public async Task Without_an_output_file_it_is_bad_input()
    {
        Assert.Equal(2, (await CliHarness.RunAsync("metronome", "--spm", "170")).ExitCode);
    }
}
