using BenchmarkDotNet.Attributes;
using CalfCoach.Core.Activities;
using CalfCoach.Core.Demo;
using CalfCoach.Formats.Fit;

namespace CalfCoach.Bench;

/// <summary>
/// FIT decoding over a generated one-hour, 1 Hz run (3 600 records, every channel present): the
/// pull reader alone, the file CRC alone, the full activity decoder, and decode + conversion to the core model.
/// </summary>
[MemoryDiagnoser]
public class FitDecodeBenchmarks
{
    private byte[] _file = [];
    private readonly FitDefinitionTable _definitions = new();
    private readonly FitActivityDecoder _decoder = new();

    [GlobalSetup]
    public void Setup()
    {
        var run = SyntheticRun.Generate(new SyntheticRunSpec(new DateTimeOffset(2026, 1, 1, 7, 0, 0, TimeSpan.Zero), 12, 300, 168), seed: 1);
        _file = FitActivityWriter.Write(run);
    }

    [Benchmark(Description = "FitReader: walk every message, read 3 record fields")]
    public long ReaderOnly()
    {
        var reader = new FitReader(_file, _definitions);
        long sum = 0;
        while (reader.Read())
        {
            if (reader.TokenKind == FitTokenKind.Data && reader.GlobalMessageNumber == 20)
            {
                if (reader.TryGetUInt32(253, out var t))
                {
                    sum += t;
                }

                if (reader.TryGetByte(3, out var hr))
                {
                    sum += hr;
                }

                if (reader.TryGetUInt32(5, out var d))
                {
                    sum += d;
                }
            }
        }

        return sum;
    }

    [Benchmark(Description = "FitReader.ComputeCrc over the whole file")]
    public ushort Crc() => FitReader.ComputeCrc(_file);

    [Benchmark(Description = "FitActivityDecoder.Decode (CRC + all columns)")]
    public int Decode() => _decoder.Decode(_file).Records.Count;

    [Benchmark(Description = "ToActivities(bytes): the importer's path, reused record columns")]
    public int ImporterPath() =>
        FitActivityConverter.ToActivities(_file, new ActivitySource("fit", "bench.fit", "h"))[0].Streams.Count;

    [Benchmark(Description = "Decode + convert to Activity")]
    public int DecodeAndConvert() =>
        FitActivityConverter.ToActivities(_decoder.Decode(_file), new ActivitySource("fit", "bench.fit", "h"))[0].Streams.Count;
}
