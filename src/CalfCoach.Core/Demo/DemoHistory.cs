using System.Globalization;
using CalfCoach.Core.Activities;
using CalfCoach.Core.Analysis;

namespace CalfCoach.Core.Demo;

/// <summary>
/// A generated demo runner (clearly labelled as generated wherever it is shown), the same on every run: about
/// 25 km a week in four runs for four months, with the ups and downs of a real training log (busier and quieter
/// weeks, a lighter week every fourth, a missed run now and then, some interval sessions early on), a low step
/// rate with run-to-run noise, and morning temperatures of their place (London) for the time of year. Then two
/// weeks off with a cold, a quick return, and in the three weeks before the calf began to hurt: more distance,
/// interval sessions after months without any, faster easy runs, a hilly run, and a long run well beyond the
/// previous month's longest, all in shoes with over 800 km on them. The history is built so the analysis finds
/// every kind of finding it knows, which is what the demo is for.
/// </summary>
public static class DemoHistory
{
    public const string ShoeName = "Demo trainers (generated)";

    /// <summary>Distance the demo shoes had run before the first generated run.</summary>
    public const double ShoeStartKm = 520;

    /// <summary>Weeks of history before the week the pain began.</summary>
    public const int Weeks = 24;

    /// <summary>The seed of every random choice, so the demo runner is the same on every run.</summary>
    public const int Seed = 2026;

    /// <summary>
    /// A short runner (1.63 m): the watch's step rate then reads as long steps for their leg length, which is the
    /// overstriding prompt; the height is a plausible one, not a claim about anyone.
    /// </summary>
    public static AthleteProfile Profile { get; } = new(heightMeters: 1.63);

    /// <summary>The Monday of the first generated week; the demo shoes were first worn that day.</summary>
    public static DateOnly FirstDay(DateOnly onset) => TrainingMetrics.WeekOf(onset).AddDays(-7 * Weeks);

    /// <summary>The line shown with the demo on every page: what it is, and the day the pain began.</summary>
    public static string Note(DateOnly onset) =>
        "Demo: a generated runner (not real data) who came back from two weeks off and then raised their distance, speed and hills too fast. "
        + string.Create(CultureInfo.InvariantCulture, $"Their calf began to hurt on {onset:dddd d MMMM yyyy}. Nothing you do here is kept.");

    /// <summary>The runs, oldest first, ending the day before <paramref name="onset"/>.</summary>
    public static IReadOnlyList<Activity> Generate(DateOnly onset)
    {
        var random = new Random(Seed);
        var runs = new List<Activity>();
        var firstMonday = FirstDay(onset);
        var week = 0;

        void Add(int dayOfWeek, double km, double paceSecondsPerKm, int intervals = 0, double hills = 0, string? name = null)
        {
            var day = firstMonday.AddDays((7 * week) + dayOfWeek);
            var cadence = EasyCadence + (Gaussian(random) * 1.5);
            var hillAmplitude = hills > 0 ? hills : 6 + (random.NextDouble() * 6);
            var start = new DateTimeOffset(day.ToDateTime(new TimeOnly(6, 30)), TimeSpan.Zero);
            var spec = new SyntheticRunSpec(start, Math.Round(km, 1), paceSecondsPerKm, cadence, intervals, hillAmplitude, DeviceTemperature(day, random), ShoeName, name);
            runs.Add(SyntheticRun.Generate(spec, random.Next(), $"demo/{IsoDate.ToText(day)}.fit"));
        }

        // Four months of ordinary training: Tuesday, Thursday, Saturday and a Sunday long run, about 25 km a week.
        // The interval sessions of the first ten weeks stop, so the ones before the pain are "new" again.
        for (; week < Weeks - 7; week++)
        {
            var weekKm = 25 * (week % 4 == 3 ? 0.75 : 1 + (0.12 * Math.Clamp(Gaussian(random), -2, 2)));
            var pace = 345 + (Gaussian(random) * 6);
            var speedwork = week < 10 && week % 2 == 0;
            foreach (var (day, share) in new[] { (1, 0.24), (3, 0.24), (5, 0.20), (6, 0.32) })
            {
                if (day != 6 && random.NextDouble() < 0.08)
                {
                    continue; // a missed run: work, weather, a tired week
                }

                var km = weekKm * share * (1 + (Gaussian(random) * 0.06));
                var runPace = pace + (day == 6 ? 10 : 0) + (Gaussian(random) * 5);
                if (day == 3 && speedwork)
                {
                    Add(day, km, runPace - 15, intervals: 5);
                }
                else
                {
                    Add(day, km, runPace);
                }
            }
        }

        week += 2; // two weeks off with a cold

        // Back at once to most of the old distance, slower at first.
        foreach (var (day, km) in new[] { (1, 5.0), (3, 5.5), (5, 4.5), (6, 6.5) })
        {
            Add(day, km, 352 + (Gaussian(random) * 4));
        }

        week++;
        foreach (var (day, km) in new[] { (1, 5.5), (3, 6.0), (5, 5.0), (6, 7.5) })
        {
            Add(day, km, 348 + (Gaussian(random) * 4));
        }

        // The three weeks before the pain: more distance, intervals, faster easy runs, hills, a long run past the month's longest.
        week++;
        Add(1, 7, 318);
        Add(2, 7, 325, intervals: 6);
        Add(4, 7, 320);
        Add(6, 12, 332);

        week++;
        Add(1, 8, 320, intervals: 8);
        Add(3, 10, 334, hills: 55, name: "Hilly run");
        Add(4, 6, 317);
        Add(6, 14, 330);

        week++;
        Add(0, 6, 316);
        Add(1, 9, 318, intervals: 8);
        Add(3, 8, 319);
        Add(5, 19, 340, intervals: 3, name: "Long run with 3 fast blocks");

        return runs.Where(r => DateOnly.FromDateTime(r.StartUtc.UtcDateTime) < onset).ToArray();
    }

    /// <summary>The runner's easy step rate: low (the low-cadence finding), with run-to-run noise added per run.</summary>
    private const double EasyCadence = 157;

    /// <summary>
    /// The watch's reading on an early-morning run in London: the month's mean air temperature (a cosine through
    /// Met Office Heathrow means: about 5 °C in January, 19 °C in late July), a few degrees for a wrist sensor, and
    /// day-to-day weather. So a late-November run reads about 10 °C, never 30.
    /// </summary>
    public static double MeanAirCelsius(DateOnly day) => 11.8 + (6.9 * Math.Cos(2 * Math.PI * (day.DayOfYear - 201) / 365.25));

    private static double DeviceTemperature(DateOnly day, Random random) =>
        Math.Round(MeanAirCelsius(day) + 1.5 + (Math.Clamp(Gaussian(random), -2.5, 2.5) * 2.0), 1);

    /// <summary>A standard normal draw (Box–Muller), from the one seeded generator.</summary>
    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
