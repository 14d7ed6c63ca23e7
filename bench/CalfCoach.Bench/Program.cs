using BenchmarkDotNet.Running;
using CalfCoach.Bench;

// "decode" and "generate" are plain command modes (see DecodeCommand); anything else goes to BenchmarkDotNet.
if (DecodeCommand.TryRun(args) is { } exitCode)
{
    return exitCode;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
