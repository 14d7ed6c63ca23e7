using BenchmarkDotNet.Running;
using CalfCoach.Bench;

// "decode", "generate", "history" and "hostile" are plain command modes (DecodeCommand, HistoryCommand, HostileCommand);
// anything else goes to BenchmarkDotNet.
if ((HistoryCommand.TryRun(args) ?? DecodeCommand.TryRun(args) ?? HostileCommand.TryRun(args)) is { } exitCode)
{
    return exitCode;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
