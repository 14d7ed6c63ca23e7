using System.IO.Compression;
using System.Text;
using CalfCoach.Core.Activities;
using CalfCoach.Core.Demo;
using CalfCoach.Formats.Fit;

namespace CalfCoach.Web.Tests;

/// <summary>Upload files made by the project's own writers, so every test runs without the real-file corpus.</summary>
internal static class Fixtures
{
    public static readonly DateOnly GeneratedRunDay = new(2026, 11, 20);

    public static readonly DateOnly StravaRunDay = new(2026, 11, 22);

    public static Activity Run(DateOnly day, double km, int seed) =>
        SyntheticRun.Generate(new SyntheticRunSpec(new DateTimeOffset(day.ToDateTime(new TimeOnly(7, 0)), TimeSpan.Zero), km, 330, 164), seed);

    public static byte[] GeneratedFit() => FitActivityWriter.Write(Run(GeneratedRunDay, 7, seed: 11));

    /// <summary>A Strava bulk export shaped like the real one: activities.csv naming each file, the files gzipped, one ride among the runs.</summary>
    public static byte[] StravaExport()
    {
        var csv = "Activity ID,Activity Date,Activity Name,Activity Type,Activity Description,Elapsed Time,Distance,Activity Gear,Filename\n"
            + "501,\"Nov 22, 2026, 7:00:00 AM\",\"Sunday long run\",Run,,4000,12.0,Trail shoes,activities/501.fit.gz\n"
            + "502,\"Nov 23, 2026, 7:00:00 AM\",Commute,Ride,,3000,20.0,,activities/502.fit.gz\n";
        return Zip(
            ("activities.csv", Encoding.UTF8.GetBytes(csv)),
            ("activities/501.fit.gz", Gzip(FitActivityWriter.Write(Run(StravaRunDay, 12, seed: 12)))),
            ("activities/502.fit.gz", Gzip(FitActivityWriter.Write(Run(StravaRunDay.AddDays(1), 20, seed: 13) with { Sport = Sport.Cycling }))));
    }

    public static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var memory = new MemoryStream();
        using (var archive = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var stream = archive.CreateEntry(name).Open();
                stream.Write(content);
            }
        }

        return memory.ToArray();
    }

    public static byte[] Gzip(byte[] content)
    {
        using var memory = new MemoryStream();
        using (var gzip = new GZipStream(memory, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(content);
        }

        return memory.ToArray();
    }

    public static string ExampleAnswers(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "examples", name));
}
