using System.Text;
using CalfCoach.Core;
using CalfCoach.Core.Assessment;
using CalfCoach.Core.Plans;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace CalfCoach.Formats.Calendar;

/// <summary>When the programme's sessions go in the calendar.</summary>
/// <param name="TimeZoneId">IANA zone of the events (a VTIMEZONE is written for it).</param>
/// <param name="StartTime">Local start time of each day's session.</param>
/// <param name="Generated">The DTSTAMP of every event: when the file was made.</param>
public sealed record CalendarOptions(string TimeZoneId, TimeOnly StartTime, DateTimeOffset Generated)
{
    /// <summary>Each day's session is booked for this long (a heel-drop session with a short walk).</summary>
    public static readonly TimeSpan SessionLength = TimeSpan.FromMinutes(30);
}

/// <summary>
/// The programme's week ahead as an iCalendar file (RFC 5545): one timed event per day listing that day's
/// tasks, and one for the next review. UIDs are derived from the programme start and the date, so importing
/// a newer file updates the same events instead of adding copies.
/// </summary>
public static class ProgrammeCalendar
{
    public const string ProductId = "-//CalfCoach//Recovery programme//EN";

    /// <param name="programmeStartedOn">Day 0 of the programme (part of every UID).</param>
    public static string Write(ProgrammeState state, DateOnly programmeStartedOn, CalendarOptions options)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(options);
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZoneId, out var zone))
        {
            throw new ArgumentException($"Unknown time zone \"{options.TimeZoneId}\"; use an IANA name such as Europe/London.", nameof(options));
        }

        var calendar = new Ical.Net.Calendar { ProductId = ProductId };
        // The zone's rules from the first event on, not from today: the same programme gives the same file
        // whenever it is written, and a replayed past programme is covered by its VTIMEZONE.
        var first = state.Week.Count > 0 ? state.Week[0].Date : state.AsOf;
        calendar.AddTimeZone(zone, first.ToDateTime(TimeOnly.MinValue), includeHistoricalData: false);
        var stamp = new CalDateTime(options.Generated.UtcDateTime, CalDateTime.UtcTzId, hasTime: true);
        var tzId = zone.Id;
        var uidPrefix = $"calfcoach-{IsoDate.ToText(programmeStartedOn)}";

        foreach (var day in state.Week)
        {
            var start = new CalDateTime(day.Date, options.StartTime, tzId);
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"{uidPrefix}-day-{IsoDate.ToText(day.Date)}@calfcoach",
                DtStamp = stamp,
                DtStart = start,
                Duration = Exact(CalendarOptions.SessionLength),
                Summary = Summary(state, day),
                Description = Describe(day.Tasks),
                Categories = ["CalfCoach", state.Phase.WireName()],
            });
        }

        var review = new CalDateTime(state.NextReview, options.StartTime, tzId);
        calendar.Events.Add(new CalendarEvent
        {
            // One review per programme: when the date moves, a newer file moves the event instead of adding another.
            Uid = $"{uidPrefix}-review@calfcoach",
            DtStamp = stamp,
            DtStart = review,
            Duration = Exact(TimeSpan.FromMinutes(15)),
            Summary = "CalfCoach: review how the calf is doing",
            Description = ReviewText(state),
            Categories = ["CalfCoach", "review"],
        });

        return new CalendarSerializer(calendar).SerializeToString() ?? throw new InvalidOperationException("The calendar did not serialise.");
    }

    /// <summary>
    /// A DURATION in hours and minutes, which RFC 5545 (3.3.6) counts as exact time. A DTEND in local time
    /// would end a 01:30 session at 01:00 on the night the clocks go back, before it starts.
    /// </summary>
    private static Duration Exact(TimeSpan length) => Duration.FromTimeSpanExact(length);

    private static string Summary(ProgrammeState state, ProgrammeDay day) => state.Disposition.ForbidsCoaching()
        ? $"CalfCoach: {state.Disposition.Headline()}"
        : $"CalfCoach: {state.Phase.Title()}: {string.Join(", ", day.Tasks.Take(3).Select(t => t.Title.ToLowerInvariant()))}";

    private static string Describe(IReadOnlyList<ProgrammeTask> tasks)
    {
        var text = new StringBuilder();
        foreach (var task in tasks)
        {
            text.Append("• ").Append(task.Title).Append(": ").AppendLine(task.Details);
        }

        text.AppendLine().Append(AssessmentResult.Notice);
        return text.ToString();
    }

    private static string ReviewText(ProgrammeState state) =>
        $"Log today's pain and look at the plan in CalfCoach. The advice now: {state.Disposition.Headline()}. "
        + "If the pain is no better after 7–10 days of home care, or any warning sign appears, get seen sooner.";

}
