using System.Globalization;

namespace CalfCoach.Core.Activities;

/// <summary>
/// Limits beyond which an activity cannot be one real recording: it is kept and shown, but marked with a plain reason
/// (<see cref="Activity.NotCountedBecause"/>) and left out of the training analysis, so one broken or hostile file
/// cannot become a 58-day "run" that outweighs a year of training.
/// </summary>
/// <remarks>
/// Every limit sits well above real extremes, so a genuine effort is never marked: the longest single recordings are
/// multi-day ultras (Tor des Géants, the Spine, Cocodona 250: 4 to 7 days with sleep stops); the fastest average speeds
/// are a 100 m sprint (10.4 m/s), a cycling hour record (15.5 m/s; a long mountain descent averages far less) and a 50 m
/// freestyle (2.4 m/s). Averages, not single samples, are checked: one GPS spike must not discard a real run.
/// </remarks>
public static class ActivityPlausibility
{
    /// <summary>Longer than this, one activity is not a recording of one effort (twice the longest multi-day ultras).</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromDays(14);

    /// <summary>A FIT file with more sessions than this is not one day's sport (a triathlon has five, with transitions).</summary>
    public const int MaxSessionsPerFile = 256;

    /// <summary>Below this distance an average speed says little (a few GPS points), so it is not checked.</summary>
    public const double MinDistanceForSpeedCheckMeters = 200;

    /// <summary>The fastest average speed an activity of <paramref name="sport"/> can have, in m/s.</summary>
    public static double MaxAverageSpeedMetersPerSecond(Sport sport) => sport switch
    {
        // 43 km/h: faster than any sprint; a run, walk or hike above it was recorded in a vehicle or is corrupt.
        Sport.Running or Sport.Walking or Sport.Hiking => 12,

        // 144 km/h: beyond any ridden average, even a descent; an e-bike stays far below.
        Sport.Cycling => 40,

        // 18 km/h: several times the 50 m freestyle record, so open water with a current still counts.
        Sport.Swimming => 5,

        // Skiing, paddling, skating, motor sports recorded as "other": only what nothing on the ground reaches.
        _ => 100,
    };

    /// <summary>The reason <paramref name="activity"/> cannot count as one real activity, or null when it can.</summary>
    public static string? ReasonNotToCount(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var elapsed = activity.ElapsedSeconds;
        if (double.IsNaN(elapsed) || elapsed < 0)
        {
            return "its duration is negative or unknown, so it cannot be placed in the training weeks";
        }

        if (elapsed > MaxDuration.TotalSeconds)
        {
            return string.Create(
                CultureInfo.InvariantCulture,
                $"it lasts {elapsed / 86400:0.#} days; no single recorded activity lasts more than {MaxDuration.TotalDays:0} days (the longest ultras take about a week), so the file is probably several activities joined or has wrong times");
        }

        var seconds = activity.TimerSeconds is { } timer && timer > 0 ? timer : elapsed;
        if (activity.DistanceMeters is { } distance && distance >= MinDistanceForSpeedCheckMeters)
        {
            var limit = MaxAverageSpeedMetersPerSecond(activity.Sport);
            var speed = seconds > 0 ? distance / seconds : double.PositiveInfinity;
            if (speed > limit)
            {
                return string.Create(
                    CultureInfo.InvariantCulture,
                    $"its average speed, {(double.IsInfinity(speed) ? "infinite" : (speed * 3.6).ToString("0.#", CultureInfo.InvariantCulture) + " km/h")} ({distance / 1000:0.##} km in {seconds:0} s), is beyond any {activity.Sport.WireName()} (at most {limit * 3.6:0} km/h), so it was probably recorded in a vehicle or has wrong times or positions");
            }
        }

        return null;
    }

    /// <summary>
    /// <paramref name="activity"/> with <see cref="Activity.NotCountedBecause"/> set when a limit is exceeded; a reason it
    /// already has (from its reader) is kept.
    /// </summary>
    public static Activity Mark(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return activity.NotCountedBecause is null && ReasonNotToCount(activity) is { } reason
            ? activity with { NotCountedBecause = reason }
            : activity;
    }
}
