using CalfCoach.Core.Activities;
using CalfCoach.Core.Analysis;

namespace CalfCoach.Core.Demo;

/// <summary>
/// A generated demo runner (clearly labelled as generated wherever it is shown): sixteen weeks of steady
/// running at about 25 km a week, then, in the three weeks before the calf started to hurt, weekly
/// distance raised by about half, interval sessions added after months without any, and a long run
/// well beyond the previous month's longest, all in shoes with over 800 km on them. Cadence is low at
/// easy pace (about 160 steps per minute).
/// </summary>
public static class DemoHistory
{
    public const string ShoeName = "Demo trainers (generated)";

    /// <summary>Distance the demo shoes had run before the first generated run.</summary>
    public const double ShoeStartKm = 520;

    public const int SteadyWeeks = 16;

    /// <summary>The runs, oldest first, ending the day before <paramref name="onset"/>.</summary>
    public static IReadOnlyList<Activity> Generate(DateOnly onset)
    {
        var runs = new List<Activity>();
        var firstMonday = TrainingMetrics.WeekOf(onset).AddDays(-7 * (SteadyWeeks + 3));
        var seed = 1;

        // Steady weeks: Tuesday 6 km, Thursday 6 km, Saturday 5 km, Sunday long 8 km (25 km).
        for (var week = 0; week < SteadyWeeks; week++)
        {
            var monday = firstMonday.AddDays(7 * week);
            runs.Add(Run(monday.AddDays(1), 6, 345, seed++));
            runs.Add(Run(monday.AddDays(3), 6, 345, seed++));
            runs.Add(Run(monday.AddDays(5), 5, 350, seed++));
            runs.Add(Run(monday.AddDays(6), 8, 355, seed++));
        }

        // Too much, too soon: +50 % a week, intervals twice a week, then a long run 50 % past the month's longest.
        var build = firstMonday.AddDays(7 * SteadyWeeks);
        runs.Add(Run(build.AddDays(1), 8, 340, seed++));
        runs.Add(Run(build.AddDays(2), 7, 330, seed++, intervals: 6));
        runs.Add(Run(build.AddDays(4), 8, 340, seed++));
        runs.Add(Run(build.AddDays(6), 12, 350, seed++));

        var peak = build.AddDays(7);
        runs.Add(Run(peak.AddDays(1), 9, 335, seed++));
        runs.Add(Run(peak.AddDays(2), 8, 320, seed++, intervals: 8));
        runs.Add(Run(peak.AddDays(4), 8, 320, seed++, intervals: 6));
        runs.Add(Run(peak.AddDays(5), 6, 340, seed++));
        runs.Add(Run(peak.AddDays(6), 14, 350, seed++));

        var last = peak.AddDays(7);
        runs.Add(Run(last.AddDays(1), 10, 330, seed++));
        runs.Add(Run(last.AddDays(2), 9, 315, seed++, intervals: 8));
        runs.Add(Run(last.AddDays(4), 8, 330, seed++));
        runs.Add(Run(last.AddDays(5), 19, 355, seed++, temperature: 29));

        return runs.Where(r => DateOnly.FromDateTime(r.StartUtc.UtcDateTime) < onset).ToArray();
    }

    private static Activity Run(DateOnly day, double km, double paceSecondsPerKm, int seed, int intervals = 0, double temperature = 14)
    {
        var start = new DateTimeOffset(day.ToDateTime(new TimeOnly(6, 30)), TimeSpan.Zero);
        var spec = new SyntheticRunSpec(start, km, paceSecondsPerKm, CadenceStepsPerMinute: 160, intervals, HillAmplitudeMeters: 8, temperature, ShoeName);
        return SyntheticRun.Generate(spec, seed, $"demo/{day:yyyy-MM-dd}.fit");
    }
}
