using CalfCoach.Core;
using CalfCoach.Core.Activities;
using CalfCoach.Import.Sources;

namespace CalfCoach.Import.Inspect;

/// <summary>Decodes files (also inside .gz and .zip) without storing them, one report per file.</summary>
public static class FileInspector
{
    public static IEnumerable<InspectReport> Inspect(IEnumerable<string> paths, ImportLimits? limits = null)
    {
        limits ??= ImportLimits.Default;
        foreach (var scanEvent in ImportSourceScanner.Scan(paths, limits))
        {
            switch (scanEvent)
            {
                case ImportProblem { Kind: ImportProblemKind.NotActivityFile }:
                    // inspect reports activity files; a photo beside them is not one.
                    break;
                case ImportProblem problem:
                    yield return InspectReport.Failed(problem.DisplayPath, null, problem.Message);
                    break;
                case ImportItem item:
                    yield return InspectItem(item, limits);
                    break;
            }
        }
    }

    private static InspectReport InspectItem(ImportItem item, ImportLimits limits)
    {
        ItemContent content;
        try
        {
            content = ContentHasher.ReadAll(item, limits);
        }
        catch (ImportSourceException ex)
        {
            return InspectReport.Failed(item.DisplayPath, item.Format, ex.Message);
        }

        using (content)
        {
            if (item.Format == "fit")
            {
                return FitInspector.Inspect(item.DisplayPath, content.Span);
            }

            try
            {
                var activities = ActivityFileDecoder.Decode(item.Format, content, new ActivitySource(item.Format, item.DisplayPath, content.Sha256));
                return FromActivities(item.DisplayPath, item.Format, activities);
            }
            catch (FormatException ex)
            {
                return InspectReport.Failed(item.DisplayPath, item.Format, ex.Message);
            }
        }
    }

    /// <summary>A GPX or TCX file: every track point of every track or activity in it.</summary>
    internal static InspectReport FromActivities(string file, string format, IReadOnlyList<Activity> activities)
    {
        var first = activities[0];
        int records = 0, withPosition = 0, withHeartRate = 0, withCadence = 0;
        DateTimeOffset? firstTime = null, lastTime = null;
        foreach (var activity in activities)
        {
            var s = activity.Streams;
            records += s.Count;
            withPosition += s.CountPresent(StreamKind.Position);
            withHeartRate += s.CountPresent(StreamKind.HeartRate);
            withCadence += s.CountPresent(StreamKind.Cadence);
            if (s.Count > 0)
            {
                var start = activity.StartUtc.AddSeconds(s.ElapsedSeconds[0]);
                var end = activity.StartUtc.AddSeconds(s.ElapsedSeconds[^1]);
                firstTime = firstTime is { } f && f <= start ? f : start;
                lastTime = lastTime is { } l && l >= end ? l : end;
            }
        }

        return new InspectReport(
            file,
            !activities.Any(a => a.IsPartial),
            activities.SelectMany(a => a.Problems).Distinct().Select(ProblemText.Bound).ToArray(),
            format,
            first.Sport.WireName(),
            first.SubSport.WireName(),
            records,
            firstTime,
            lastTime,
            Sum(activities, a => a.DistanceMeters),
            Sum(activities, a => a.TimerSeconds ?? a.ElapsedSeconds),
            first.AvgCadenceStepsPerMinute,
            withPosition,
            withHeartRate,
            withCadence)
        {
            NotCountedBecause = NotCountedBecause(activities),
        };
    }

    /// <summary>The first reason an activity of the file would not be counted, as an import would decide it.</summary>
    internal static string? NotCountedBecause(IEnumerable<Activity> activities) =>
        activities.Select(a => ActivityPlausibility.Mark(a).NotCountedBecause).FirstOrDefault(reason => reason is not null);

    /// <summary>The sum of the values present, or null when none is (a total the file does not give is not 0).</summary>
    internal static double? Sum<T>(IEnumerable<T> items, Func<T, double?> pick)
    {
        double? total = null;
        foreach (var item in items)
        {
            if (pick(item) is { } value)
            {
                total = (total ?? 0) + value;
            }
        }

        return total;
    }
}
