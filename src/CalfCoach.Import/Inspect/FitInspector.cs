using System.Text.Json;
using CalfCoach.Core.Activities;
using CalfCoach.Formats.Fit;

namespace CalfCoach.Import.Inspect;

/// <summary>Describes a FIT file at file level: every record message, totals summed over all sessions.</summary>
public static class FitInspector
{
    public static InspectReport Inspect(string file, ReadOnlySpan<byte> bytes)
    {
        FitActivity fit;
        try
        {
            fit = new FitActivityDecoder().Decode(bytes);
        }
        catch (FitFormatException ex)
        {
            return InspectReport.Failed(file, "fit", ex.Message);
        }

        var records = fit.Records;
        var times = records.TimestampsUtc.Span;
        DateTimeOffset? first = null, last = null;
        foreach (var t in times)
        {
            if (t is { } value)
            {
                first ??= value;
                last = value;
            }
        }

        var sessions = fit.Sessions;

        return new InspectReport(
            file,
            !fit.IsPartial,
            fit.Problems.Select(p => p.ToString()).ToArray(),
            "fit",
            fit.Sport is { } sport ? JsonNamingPolicy.CamelCase.ConvertName(sport.ToString()) : null,
            fit.SubSport is { } subSport ? JsonNamingPolicy.CamelCase.ConvertName(subSport.ToString()) : null,
            records.Count,
            first,
            last,
            FileInspector.Sum(sessions, s => s.TotalDistanceMeters),
            FileInspector.Sum(sessions, s => s.TotalTimerTimeSeconds),
            sessions.Count > 0 ? sessions[0].AvgCadenceStepsPerMinute : null,
            CountPresent(records.LatitudeDegrees.Span),
            CountPresent(records.HeartRateBpm.Span),
            CountPresent(records.Cadence.Span))
        {
            NotCountedBecause = NotCountedBecause(file, fit),
        };
    }

    private static int CountPresent(ReadOnlySpan<double> column)
    {
        var count = 0;
        foreach (var value in column)
        {
            if (!double.IsNaN(value))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Whether an import would count the file's activities: converted as the importer does, then checked.</summary>
    private static string? NotCountedBecause(string file, FitActivity fit)
    {
        try
        {
            return FileInspector.NotCountedBecause(FitActivityConverter.ToActivities(fit, new ActivitySource("fit", file, "")));
        }
        catch (FitFormatException)
        {
            // Nothing places it in time: the importer would fail the file, which the report already says.
            return null;
        }
    }
}
