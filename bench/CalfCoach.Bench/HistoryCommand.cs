using System.Globalization;
using CalfCoach.Core.Demo;
using CalfCoach.Formats.Fit;

namespace CalfCoach.Bench;

/// <summary>
/// <c>history DIR END [YEARS]</c>: a realistic YEARS-year history (default 10) ending the day before END, as FIT files at 1 Hz:
/// about six runs a week, a long run on Sundays, intervals on half the Thursdays, a fortnight off each summer, a new pair of
/// shoes every four months. The same pattern as <see cref="AnalysisBenchmarks"/>, but through real files, for whole-process
/// benchmarks (bench/dashboard.sh).
/// </summary>
internal static class HistoryCommand
{
    public static int? TryRun(string[] args)
    {
        if (args.Length is < 3 or > 4 || args[0] != "history")
        {
            return null;
        }

        var directory = Directory.CreateDirectory(args[1]).FullName;
        var end = DateOnly.ParseExact(args[2], "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var years = args.Length == 4 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 10;
        var random = new Random(42);
        var first = end.AddYears(-years);
        int runs = 0, shoes = 0;
        long bytes = 0;
        var shoeSince = first;
        for (var date = first; date < end; date = date.AddDays(1))
        {
            if (date.DayOfYear is > 200 and < 215 || random.NextDouble() > 0.83)
            {
                continue;
            }

            if (shoes == 0 || date.DayNumber - shoeSince.DayNumber > 120)
            {
                shoes++;
                shoeSince = date;
            }

            var longRun = date.DayOfWeek == DayOfWeek.Sunday;
            var km = longRun ? 16 + (random.NextDouble() * 8) : 6 + (random.NextDouble() * 6);
            var pace = 300 + (random.NextDouble() * 60);
            var intervals = date.DayOfWeek == DayOfWeek.Thursday && random.NextDouble() < 0.5 ? 6 : 0;
            var start = new DateTimeOffset(date.ToDateTime(new TimeOnly(7, 0)), TimeSpan.Zero);
            var run = SyntheticRun.Generate(new SyntheticRunSpec(start, km, pace, 164 + (random.NextDouble() * 8), intervals, Gear: $"Shoe {shoes}"), seed: ++runs);
            var fit = FitActivityWriter.Write(run);
            File.WriteAllBytes(Path.Combine(directory, string.Create(CultureInfo.InvariantCulture, $"run-{date:yyyy-MM-dd}.fit")), fit);
            bytes += fit.Length;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {runs} runs from {first:yyyy-MM-dd} to {end.AddDays(-1):yyyy-MM-dd}, {bytes / 1_000_000} MB, to {directory}"));
        return 0;
    }
}
