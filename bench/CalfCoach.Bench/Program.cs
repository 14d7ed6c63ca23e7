using BenchmarkDotNet.Running;
using CalfCoach.Bench;

// "decode", "generate", "history", "hostile", "generate-varied" and "vs-sdk" are plain command modes (DecodeCommand,
// HistoryCommand, HostileCommand, VsSdkCommand); anything else goes to BenchmarkDotNet.
if ((HistoryCommand.TryRun(args) ?? DecodeCommand.TryRun(args) ?? HostileCommand.TryRun(args) ?? VsSdkCommand.TryRun(args)) is { } exitCode)
{
    return exitCode;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
