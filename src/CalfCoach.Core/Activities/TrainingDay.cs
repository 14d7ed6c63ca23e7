namespace CalfCoach.Core.Activities;

/// <summary>The calendar day a run belongs to, in the runner's local time where the device recorded it.</summary>
public static class TrainingDay
{
    private static readonly TimeSpan ZoneGranularity = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Devices derive their offset from two clocks and can be a few seconds off a real zone; every time
    /// zone is a whole number of quarter hours, so the offset is rounded to the nearest quarter hour.
    /// </summary>
    public static TimeSpan? ZoneOffset(TimeSpan? deviceOffset) => deviceOffset is { } offset
        ? TimeSpan.FromMinutes(Math.Round(offset / ZoneGranularity) * ZoneGranularity.TotalMinutes) is var rounded
          && rounded >= TimeSpan.FromHours(-14) && rounded <= TimeSpan.FromHours(14) ? rounded : null
        : null;

    /// <summary>The local start, or the UTC start when the offset is unknown or implausible.</summary>
    public static DateTimeOffset LocalStart(DateTimeOffset startUtc, TimeSpan? deviceOffset) =>
        ZoneOffset(deviceOffset) is { } zone ? startUtc.ToOffset(zone) : startUtc;

    public static DateOnly Of(DateTimeOffset startUtc, TimeSpan? deviceOffset) =>
        DateOnly.FromDateTime(LocalStart(startUtc, deviceOffset).DateTime);
}
