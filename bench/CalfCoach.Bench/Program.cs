using BenchmarkDotNet.Running;
using CalfCoach.Bench;

// "decode", "generate" and "history" are plain command modes (DecodeCommand, HistoryCommand); anything else goes to BenchmarkDotNet.
if ((HistoryCommand.TryRun(args) ?? DecodeCommand.TryRun(args)) is { } exitCode)
{
    return exitCode;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
