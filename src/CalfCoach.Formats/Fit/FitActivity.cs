using CalfCoach.Formats.Fit.Profile;

namespace CalfCoach.Formats.Fit;

/// <summary>
/// What CalfCoach needs from a FIT activity file, decoded by <see cref="FitActivityDecoder"/>. Everything is in SI
/// units named in the member; instants are UTC.
/// </summary>
public sealed record FitActivity
{
    /// <summary>The first file_id message (chained files keep the first), or null when the file has none.</summary>
    public required FitFileId? FileId { get; init; }

    /// <summary>Sport of the first session, else of the first sport message.</summary>
    public required FitSport? Sport { get; init; }

    public required FitSubSport? SubSport { get; init; }

    public required IReadOnlyList<FitSession> Sessions { get; init; }

    public required IReadOnlyList<FitLap> Laps { get; init; }

    public required IReadOnlyList<FitDeviceInfo> Devices { get; init; }

    public required FitUserProfile? UserProfile { get; init; }

    /// <summary>The record messages as columns.</summary>
    public required FitRecordStreams Records { get; init; }

    /// <summary>
    /// Offset of the device's local time from UTC at the end of the activity (activity.local_timestamp − timestamp),
    /// or null when the file does not say. Use it to place the activity on the runner's training day.
    /// </summary>
    public required TimeSpan? UtcOffset { get; init; }

    /// <summary>Number of developer fields defined (field_description messages).</summary>
    public required int DeveloperFieldCount { get; init; }

    /// <summary>Number of developer_data_id messages.</summary>
    public required int DeveloperDataIdCount { get; init; }

    /// <summary>How many data messages of each global message number were read.</summary>
    public required IReadOnlyDictionary<ushort, int> MessageCounts { get; init; }

    /// <summary>How many chained FIT files the input held (at least 1).</summary>
    public required int FileCount { get; init; }

    /// <summary>
    /// True when decoding stopped at damage (truncation, corruption, bad CRC, unreadable trailing bytes): everything
    /// before <see cref="Problems"/>' offset is kept, but the activity may be incomplete or wrong.
    /// </summary>
    public required bool IsPartial { get; init; }

    public required IReadOnlyList<FitProblem> Problems { get; init; }
}

/// <summary>A problem found while decoding, with the byte offset (from the start of the input) where it was found.</summary>
/// <param name="Message">What is wrong, without the offset (which <see cref="ToString"/> puts in front once).</param>
public sealed record FitProblem(long ByteOffset, string Message)
{
    /// <summary>"byte N: message", the form shown to people.</summary>
    public override string ToString() => $"byte {ByteOffset}: {Message}";
}

/// <summary>file_id (0).</summary>
/// <param name="Type">Profile type <c>file</c>: 4 = activity.</param>
/// <param name="Manufacturer">Profile type <c>manufacturer</c>: 1 = Garmin, 260 = Zwift, …</param>
public sealed record FitFileId(byte? Type, ushort? Manufacturer, ushort? Product, uint? SerialNumber, DateTimeOffset? TimeCreatedUtc, string? ProductName);

/// <summary>device_info (23): one per sensor or device that took part.</summary>
public sealed record FitDeviceInfo(
    DateTimeOffset? TimestampUtc,
    byte? DeviceIndex,
    byte? DeviceType,
    ushort? Manufacturer,
    ushort? Product,
    uint? SerialNumber,
    double? SoftwareVersion,
    string? ProductName);

/// <summary>user_profile (3): what the device knew about the athlete.</summary>
public sealed record FitUserProfile(double? WeightKilograms, double? HeightMeters, int? AgeYears, int? RestingHeartRateBpm, int? DefaultMaxHeartRateBpm);

/// <summary>session (18): totals for one sport of the activity (multisport files have several).</summary>
/// <param name="AvgCadence">avg_cadence + avg_fractional_cadence / 128, in FIT's unit: rpm, or strides per minute for foot sports.</param>
/// <param name="AvgCadenceStepsPerMinute">For foot sports (<see cref="FitProfile.IsFootSport"/>) twice <paramref name="AvgCadence"/>; else null.</param>
public sealed record FitSession(
    DateTimeOffset? StartTimeUtc,
    DateTimeOffset? TimestampUtc,
    FitSport? Sport,
    FitSubSport? SubSport,
    double? TotalElapsedTimeSeconds,
    double? TotalTimerTimeSeconds,
    double? TotalDistanceMeters,
    int? TotalAscentMeters,
    int? TotalDescentMeters,
    int? TotalCalories,
    double? AvgSpeedMetersPerSecond,
    double? MaxSpeedMetersPerSecond,
    int? AvgHeartRateBpm,
    int? MaxHeartRateBpm,
    double? AvgCadence,
    double? AvgCadenceStepsPerMinute,
    int? AvgPowerWatts,
    int? NumLaps,
    double? AvgVerticalOscillationMillimeters,
    double? AvgStanceTimeMilliseconds,
    double? AvgStepLengthMillimeters);

/// <summary>lap (19).</summary>
public sealed record FitLap(
    DateTimeOffset? StartTimeUtc,
    DateTimeOffset? TimestampUtc,
    FitSport? Sport,
    double? TotalElapsedTimeSeconds,
    double? TotalTimerTimeSeconds,
    double? TotalDistanceMeters,
    double? AvgSpeedMetersPerSecond,
    int? AvgHeartRateBpm,
    int? MaxHeartRateBpm,
    double? AvgCadence,
    int? AvgPowerWatts,
    int? TotalAscentMeters);

/// <summary>
/// The record (20) messages as parallel columns of <see cref="Count"/> values in file order. A value that the
/// record did not carry (or carried as FIT's invalid value) is NaN, or <see cref="NoTimestamp"/> / null for timestamps.
/// </summary>
public sealed record FitRecordStreams
{
    /// <summary>
    /// In <see cref="TimestampSeconds"/>: the record had no timestamp (its own field 253, or one resolved from a
    /// compressed-timestamp header). It is FIT's invalid uint32, so no timestamp field carries it (a compressed
    /// timestamp that would land exactly on it, in 2126, reads as missing).
    /// </summary>
    public const uint NoTimestamp = uint.MaxValue;

    // TimestampsUtc, converted on first use, with the seconds it was converted from. One reference, so concurrent
    // readers see either no cache or a whole one.
    private ConvertedTimestamps? _timestampsUtc;

    public required int Count { get; init; }

    /// <summary>
    /// Timestamps as raw FIT seconds since 1989-12-31T00:00:00Z (<see cref="FitDateTime"/>), or <see cref="NoTimestamp"/>.
    /// Cheaper than <see cref="TimestampsUtc"/>, which is derived from it.
    /// </summary>
    public required ReadOnlyMemory<uint> TimestampSeconds { get; init; }

    /// <summary>The timestamps as UTC instants (null for <see cref="NoTimestamp"/>), computed on first use.</summary>
    public ReadOnlyMemory<DateTimeOffset?> TimestampsUtc
    {
        get
        {
            if (Volatile.Read(ref _timestampsUtc) is { } cached && cached.From.Equals(TimestampSeconds))
            {
                return cached.Utc;
            }

            var seconds = TimestampSeconds.Span;
            var utc = new DateTimeOffset?[seconds.Length];
            for (var i = 0; i < seconds.Length; i++)
            {
                utc[i] = seconds[i] == NoTimestamp ? null : FitDateTime.ToDateTimeOffset(seconds[i]);
            }

            Volatile.Write(ref _timestampsUtc, new ConvertedTimestamps(TimestampSeconds, utc));
            return utc;
        }
    }

    /// <summary>WGS84 latitude, from semicircles × 180 / 2^31. NaN unless both latitude and longitude were valid.</summary>
    public required ReadOnlyMemory<double> LatitudeDegrees { get; init; }

    public required ReadOnlyMemory<double> LongitudeDegrees { get; init; }

    /// <summary>Cumulative distance (distance, or the accumulated compressed_speed_distance of older devices).</summary>
    public required ReadOnlyMemory<double> DistanceMeters { get; init; }

    /// <summary>enhanced_speed, else speed, else compressed_speed_distance.</summary>
    public required ReadOnlyMemory<double> SpeedMetersPerSecond { get; init; }

    /// <summary>enhanced_altitude, else altitude (scale 5, offset 500).</summary>
    public required ReadOnlyMemory<double> AltitudeMeters { get; init; }

    public required ReadOnlyMemory<double> HeartRateBpm { get; init; }

    /// <summary>cadence + fractional_cadence / 128 in FIT's unit: rpm, or strides per minute for foot sports.</summary>
    public required ReadOnlyMemory<double> Cadence { get; init; }

    /// <summary>
    /// Steps per minute: 2 × <see cref="Cadence"/> for records inside a foot-sport session (running, walking, hiking,
    /// mountaineering, snowshoeing), because FIT counts one stride per left+right pair; NaN for other sports.
    /// </summary>
    public required ReadOnlyMemory<double> CadenceStepsPerMinute { get; init; }

    public required ReadOnlyMemory<double> PowerWatts { get; init; }

    public required ReadOnlyMemory<double> TemperatureCelsius { get; init; }

    public required ReadOnlyMemory<double> VerticalOscillationMillimeters { get; init; }

    /// <summary>Ground contact time (record.stance_time).</summary>
    public required ReadOnlyMemory<double> StanceTimeMilliseconds { get; init; }

    public required ReadOnlyMemory<double> StepLengthMillimeters { get; init; }

    public required ReadOnlyMemory<double> VerticalRatioPercent { get; init; }

    /// <summary>record.cycles: strokes, revolutions or strides since the previous record (8-bit, wraps).</summary>
    public required ReadOnlyMemory<double> Cycles { get; init; }

    /// <summary>Records with at least one valid developer field that a field_description describes.</summary>
    public required int RecordsWithDeveloperFields { get; init; }

    private sealed record ConvertedTimestamps(ReadOnlyMemory<uint> From, ReadOnlyMemory<DateTimeOffset?> Utc);
}
