namespace CalfCoach.Formats.Fit;

/// <summary>FIT <c>date_time</c> values: seconds since the FIT epoch, 1989-12-31T00:00:00Z (FIT profile, type date_time).</summary>
public static class FitDateTime
{
    /// <summary>The FIT epoch, 631065600 seconds after the Unix epoch.</summary>
    public static readonly DateTimeOffset Epoch = new(1989, 12, 31, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Values below this are "system time" (seconds since the device powered on) rather than UTC, per the profile.
    /// They are still converted from the FIT epoch, as the official SDK does; callers may check <see cref="IsSystemTime"/>.
    /// </summary>
    public const uint MinUtcSeconds = 0x10000000;

    public static DateTimeOffset ToDateTimeOffset(uint fitSeconds) => Epoch.AddSeconds(fitSeconds);

    public static bool IsSystemTime(uint fitSeconds) => fitSeconds < MinUtcSeconds;
}
