using System.Text;
using CalfCoach.Core.Assessment;
using CalfCoach.Core.Plans;
using CalfCoach.Formats.Calendar;
using Ical.Net.CalendarComponents;

namespace CalfCoach.Formats.Tests.Calendar;

public sealed class ProgrammeCalendarTests
{
    /// <summary>Thursday before the clocks go back in New York (Sunday 1 November 2026, 02:00 EDT → 01:00 EST).</summary>
    private static readonly DateOnly BeforeUsFallBack = new(2026, 10, 29);

    /// <summary>Thursday before the clocks go back in London (Sunday 25 October 2026, 02:00 BST → 01:00 GMT).</summary>
    private static readonly DateOnly BeforeUkFallBack = new(2026, 10, 22);

    private static readonly DateTimeOffset Generated = new(2026, 10, 29, 12, 0, 5, TimeSpan.FromHours(-4));

    private static readonly TimeOnly SevenThirty = new(7, 30);

    private static ProgrammeState SelfCareProgramme(DateOnly day0, params Symptom[] signs)
    {
        var answers = new RunnerAnswers(signs.ToHashSet(), daysSinceOnset: 2, daysOfHomeCare: 1);
        var start = new ProgrammeStart(Assessor.Assess(answers, day0), DaysOfHomeCare: 1);
        return RecoveryProgramme.Evaluate(start, [new PainCheckIn(day0, 4)], [], [], day0);
    }

    private static CalendarOptions Options(string zone, TimeOnly? at = null) => new(zone, at ?? SevenThirty, Generated);

    private static Ical.Net.Calendar Load(string text) => Ical.Net.Calendar.Load(text) ?? throw new InvalidOperationException("The calendar did not parse.");

    private static List<CalendarEvent> DayEvents(Ical.Net.Calendar calendar) =>
        calendar.Events.Where(e => e.Uid!.Contains("-day-", StringComparison.Ordinal)).OrderBy(e => e.DtStart!.Date).ToList();

    private static CalendarEvent Review(Ical.Net.Calendar calendar) =>
        Assert.Single(calendar.Events, e => e.Uid!.EndsWith("-review@calfcoach", StringComparison.Ordinal));

    [Fact]
    public void The_file_is_an_iCalendar_2_0_object_with_our_product_id_seven_days_and_a_review()
    {
        var state = SelfCareProgramme(BeforeUsFallBack);

        var calendar = Load(ProgrammeCalendar.Write(state, BeforeUsFallBack, Options("America/New_York")));

        Assert.Equal("2.0", calendar.Version);
        Assert.Equal(ProgrammeCalendar.ProductId, calendar.ProductId);
        Assert.Equal(8, calendar.Events.Count);
        Assert.Equal(state.Week.Select(d => d.Date), DayEvents(calendar).Select(e => e.DtStart!.Date));
        Assert.Equal(state.NextReview, Review(calendar).DtStart!.Date);
    }

    [Fact]
    public void Uids_are_unique_and_the_same_when_the_same_programme_is_written_again()
    {
        var state = SelfCareProgramme(BeforeUsFallBack);

        var first = Load(ProgrammeCalendar.Write(state, BeforeUsFallBack, Options("America/New_York")));
        var second = Load(ProgrammeCalendar.Write(state, BeforeUsFallBack, Options("America/New_York") with { Generated = Generated.AddHours(5) }));

        var uids = first.Events.Select(e => e.Uid).ToList();
        Assert.Equal(8, uids.Distinct().Count());
        Assert.Equal(uids.Order(), second.Events.Select(e => e.Uid).Order());
    }

    [Fact]
    public void A_newer_file_for_the_same_programme_reuses_the_uids_of_the_days_both_files_cover()
    {
        var answers = new RunnerAnswers(new HashSet<Symptom>(), daysSinceOnset: 2, daysOfHomeCare: 1);
        var start = new ProgrammeStart(Assessor.Assess(answers, BeforeUsFallBack), DaysOfHomeCare: 1);
        var today = RecoveryProgramme.Evaluate(start, [], [], [], BeforeUsFallBack);
        var tomorrow = RecoveryProgramme.Evaluate(start, [], [], [], BeforeUsFallBack.AddDays(1));

        var before = DayEvents(Load(ProgrammeCalendar.Write(today, BeforeUsFallBack, Options("Europe/London"))));
        var after = DayEvents(Load(ProgrammeCalendar.Write(tomorrow, BeforeUsFallBack, Options("Europe/London"))));

        Assert.Equal(before.Skip(1).Select(e => e.Uid), after.Take(6).Select(e => e.Uid));
        Assert.DoesNotContain(after[6].Uid, before.Select(e => e.Uid));
    }

    [Theory]
    [InlineData("America/New_York", 2026, 10, 29)]
    [InlineData("Europe/London", 2026, 10, 22)]
    public void Each_day_starts_at_the_chosen_local_time_in_the_zone_across_the_clock_change(string zoneId, int year, int month, int day)
    {
        var day0 = new DateOnly(year, month, day);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var state = SelfCareProgramme(day0);

        var events = DayEvents(Load(ProgrammeCalendar.Write(state, day0, Options(zoneId))));

        Assert.Equal(7, events.Count);
        var offsets = new HashSet<TimeSpan>();
        foreach (var (e, date) in events.Zip(state.Week.Select(d => d.Date)))
        {
            Assert.Equal(zoneId, e.DtStart!.TzId);
            Assert.Equal(date, e.DtStart.Date);
            Assert.Equal(SevenThirty, e.DtStart.Time);
            var local = date.ToDateTime(SevenThirty);
            Assert.Equal(TimeZoneInfo.ConvertTimeToUtc(local, zone), e.DtStart.AsUtc);
            offsets.Add(zone.GetUtcOffset(local));
        }

        Assert.Equal(2, offsets.Count); // the week really does cross the change
    }

    [Theory]
    [InlineData("America/New_York")]
    [InlineData("Europe/London")]
    public void The_zone_is_written_as_a_VTIMEZONE_the_events_refer_to(string zoneId)
    {
        var text = ProgrammeCalendar.Write(SelfCareProgramme(BeforeUsFallBack), BeforeUsFallBack, Options(zoneId));

        var calendar = Load(text);

        var zone = Assert.Single(calendar.TimeZones);
        Assert.Equal(zoneId, zone.TzId);
        Assert.Contains("BEGIN:STANDARD", text, StringComparison.Ordinal);
        Assert.Contains("BEGIN:DAYLIGHT", text, StringComparison.Ordinal);
        Assert.All(calendar.Events, e => Assert.Equal(zoneId, e.DtStart!.TzId));
    }

    [Fact]
    public void The_zone_definition_covers_a_programme_written_for_a_past_date()
    {
        // `plan --as-of` replays a programme on any past date; the VTIMEZONE must define the zone from the first
        // event on (RFC 5545 3.6.5: each observance's DTSTART is its onset), not from a year before today's clock.
        var day0 = new DateOnly(2021, 3, 4);
        var text = ProgrammeCalendar.Write(SelfCareProgramme(day0), day0, Options("America/New_York"));

        var zone = Assert.Single(Load(text).TimeZones);

        var earliestOnset = zone.TimeZoneInfos.Min(i => i.DtStart!.Date);
        Assert.True(earliestOnset <= day0, $"the VTIMEZONE starts on {earliestOnset:yyyy-MM-dd}, after the programme's first event on {day0:yyyy-MM-dd}");
    }

    [Fact]
    public void Day_sessions_last_30_minutes_and_the_review_15()
    {
        var calendar = Load(ProgrammeCalendar.Write(SelfCareProgramme(BeforeUsFallBack), BeforeUsFallBack, Options("America/New_York")));

        Assert.All(DayEvents(calendar), e =>
        {
            Assert.Equal("PT30M", e.Duration.ToString());
            Assert.Equal("America/New_York", EndOf(e).TzId);
            Assert.Equal(TimeSpan.FromMinutes(30), EndOf(e).AsUtc - e.DtStart!.AsUtc);
            Assert.Equal(SevenThirty.AddMinutes(30), EndOf(e).Time);
        });
        var review = Review(calendar);
        Assert.Equal(TimeSpan.FromMinutes(15), EndOf(review).AsUtc - review.DtStart!.AsUtc);
    }

    [Fact]
    public void A_session_in_the_repeated_hour_when_the_clocks_go_back_still_ends_after_it_starts()
    {
        // 01:30 happens twice in New York on 1 November 2026; RFC 5545 3.3.5 takes the first (EDT) occurrence for
        // DTSTART, and the session's end must still come after its start (3.6.1): an exact DURATION, not a local DTEND.
        var at = new TimeOnly(1, 30);
        var calendar = Load(ProgrammeCalendar.Write(SelfCareProgramme(BeforeUsFallBack), BeforeUsFallBack, Options("America/New_York", at)));

        var sunday = Assert.Single(DayEvents(calendar), e => e.DtStart!.Date == new DateOnly(2026, 11, 1));

        Assert.Equal(at, sunday.DtStart!.Time);
        Assert.Null(sunday.DtEnd);
        // A local DTEND would have to be 01:00, earlier on the clock than the start. An hours-and-minutes DURATION is
        // exact time (RFC 5545 3.3.6), so the end is 30 real minutes after the start whichever 01:30 a reader picks.
        // (Ical.Net's own end calculation turns that into the ambiguous local 01:00 and resolves it to EDT, so
        // the test reads the property, not the library's arithmetic.)
        Assert.Equal("PT30M", sunday.Duration.ToString());
        Assert.Equal(TimeSpan.FromMinutes(30), sunday.Duration!.Value.ToTimeSpanUnspecified());
    }

    [Fact]
    public void Every_event_is_stamped_with_the_generated_instant_in_utc()
    {
        var text = ProgrammeCalendar.Write(SelfCareProgramme(BeforeUsFallBack), BeforeUsFallBack, Options("Europe/London"));

        var calendar = Load(text);

        Assert.All(calendar.Events, e =>
        {
            Assert.True(e.DtStamp!.IsUtc);
            Assert.Equal(Generated.UtcDateTime, e.DtStamp.AsUtc);
        });
        Assert.Equal(8, text.Split("\r\n").Count(line => line == "DTSTAMP:20261029T160005Z"));
    }

    [Fact]
    public void Each_day_names_its_tasks_in_the_summary_and_describes_them_with_the_notice()
    {
        var state = SelfCareProgramme(BeforeUsFallBack);

        var events = DayEvents(Load(ProgrammeCalendar.Write(state, BeforeUsFallBack, Options("America/New_York"))));

        Assert.All(events.Zip(state.Week), pair =>
        {
            var (e, day) = pair;
            Assert.StartsWith($"CalfCoach: {state.Phase.Title()}: ", e.Summary, StringComparison.Ordinal);
            Assert.Contains(day.Tasks[0].Title.ToLowerInvariant(), e.Summary, StringComparison.Ordinal);
            foreach (var task in day.Tasks)
            {
                Assert.Contains($"• {task.Title}: {task.Details}", e.Description, StringComparison.Ordinal);
            }

            Assert.EndsWith(AssessmentResult.Notice, e.Description, StringComparison.Ordinal);
        });
        Assert.Contains("first aid: protect and rest the calf, ice, compression", events[0].Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void An_emergency_programme_puts_the_emergency_headline_on_every_day()
    {
        var state = SelfCareProgramme(BeforeUsFallBack, Symptom.ChestPain);
        Assert.Equal(Disposition.Emergency, state.Disposition);

        var calendar = Load(ProgrammeCalendar.Write(state, BeforeUsFallBack, Options("America/New_York")));

        Assert.All(DayEvents(calendar), e => Assert.Equal($"CalfCoach: {Disposition.Emergency.Headline()}", e.Summary));
        Assert.Contains(Disposition.Emergency.Headline(), Review(calendar).Description, StringComparison.Ordinal);
        Assert.DoesNotContain(DayEvents(calendar), e => e.Description!.Contains("Ice", StringComparison.Ordinal));
    }

    [Fact]
    public void Lines_are_folded_at_75_octets_and_end_in_crlf()
    {
        // The descriptions hold "•" and "–" (3 octets each in UTF-8), so folding by characters would overrun.
        var text = ProgrammeCalendar.Write(SelfCareProgramme(BeforeUsFallBack), BeforeUsFallBack, Options("America/New_York"));

        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', text.Replace("\r\n", string.Empty, StringComparison.Ordinal));
        Assert.DoesNotContain('\r', text.Replace("\r\n", string.Empty, StringComparison.Ordinal));
        var lines = text[..^2].Split("\r\n");
        Assert.All(lines, line => Assert.InRange(Encoding.UTF8.GetByteCount(line), 1, 75));
        Assert.Contains(lines, line => line.StartsWith(' ') && line.Any(c => c > 0x7F));

        var unfolded = text.Replace("\r\n ", string.Empty, StringComparison.Ordinal);
        Assert.Contains("DESCRIPTION:• Protect and rest the calf: ", unfolded, StringComparison.Ordinal);
        Assert.Contains("(0–10)", unfolded, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("")]
    public void An_unknown_time_zone_is_refused_naming_it(string zone)
    {
        var error = Assert.Throws<ArgumentException>(() =>
            ProgrammeCalendar.Write(SelfCareProgramme(BeforeUkFallBack), BeforeUkFallBack, Options(zone)));

        Assert.Contains($"\"{zone}\"", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Where an event ends: its start plus its exact duration (the events carry DURATION, not DTEND).</summary>
    private static Ical.Net.DataTypes.CalDateTime EndOf(Ical.Net.CalendarComponents.CalendarEvent e) => e.DtStart!.Add(e.EffectiveDuration);
}
