using System.Globalization;
using CalfCoach.Testing;

namespace CalfCoach.Bench;

/// <summary>
/// <c>hostile DIR [GPX_MB] [FIT_MB]</c>: writes the hostile inputs of issue 12 with the tests' own generators
/// (tests/Shared/HostileArchives.cs): lying.zip (20 nested zips claiming 1 GB each), bomb.zip (200 entries of 1 MB
/// names, the error bomb), random.fit (FIT_MB of random bytes, default 500) and gpx/0..3.gpx (GPX_MB each, default 400).
/// Files already there are kept, so a second run of bench/hostile-import.sh measures without regenerating.
/// </summary>
internal static class HostileCommand
{
    public static int? TryRun(string[] args)
    {
        if (args.Length is < 2 or > 4 || args[0] != "hostile")
        {
            return null;
        }

        var directory = Directory.CreateDirectory(args[1]).FullName;
        var gpxMb = args.Length >= 3 ? long.Parse(args[2], CultureInfo.InvariantCulture) : 400;
        var fitMb = args.Length >= 4 ? long.Parse(args[3], CultureInfo.InvariantCulture) : 500;
        const long MB = 1_000_000;

        WriteOnce(Path.Combine(directory, "lying.zip"), path => File.WriteAllBytes(path, HostileArchives.LyingNestedZip(entries: 20)));
        WriteOnce(Path.Combine(directory, "bomb.zip"), path => File.WriteAllBytes(path, HostileArchives.ErrorBomb(entries: 200, nameLength: 1_000_000)));
        WriteOnce(Path.Combine(directory, $"random-{fitMb}mb.fit"), path => HostileArchives.WriteRandomFile(path, fitMb * MB));
        for (var i = 0; i < 4; i++)
        {
            var seed = i;
            WriteOnce(Path.Combine(directory, $"gpx-{gpxMb}mb", $"{i}.gpx"), path => HostileArchives.WriteLargeGpx(path, gpxMb * MB, seed));
        }

        return 0;
    }

    private static void WriteOnce(string path, Action<string> write)
    {
        if (File.Exists(path))
        {
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var partial = path + ".partial";
        write(partial);
        File.Move(partial, path);
        Console.WriteLine($"{path}: {new FileInfo(path).Length / 1_000_000.0:0.0} MB");
    }
}
