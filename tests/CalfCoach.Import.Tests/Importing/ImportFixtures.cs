using CalfCoach.Core.Activities;
using CalfCoach.Core.Demo;
using CalfCoach.Formats.Fit;

namespace CalfCoach.Import.Tests.Importing;

/// <summary>Generated activity files: real FIT and GPX bytes written from synthetic runs.</summary>
internal static class ImportFixtures
{
    public static readonly DateTimeOffset Monday = new(2026, 3, 2, 7, 0, 0, TimeSpan.Zero);

    public static Activity Run(int day, double km = 6, int seed = 0, string? gear = null) =>
        SyntheticRun.Generate(new SyntheticRunSpec(Monday.AddDays(day), km, 320, 166, Gear: gear), seed == 0 ? day + 1 : seed);

    public static byte[] Fit(Activity activity) => FitActivityWriter.Write(activity);

    public static byte[] FitRun(int day, double km = 6) => Fit(Run(day, km));

    public static byte[] FitRide(int day) => Fit(Run(day, 20) with { Sport = Sport.Cycling });

    /// <summary>A GPX export of the same run (poorer than the FIT file).</summary>
    public static byte[] Gpx(Activity activity) => GpxExport.Of(activity);
}
