namespace CalfCoach.Import.Sources;

/// <summary>
/// One thing the scanner found, in scan order: an <see cref="ImportItem"/> to decode or an
/// <see cref="ImportProblem"/> to report. Switch on the type.
/// </summary>
/// <param name="DisplayPath">
/// The file as the user knows it, with the path inside each archive after "!"
/// (e.g. "export.zip!activities/123.fit.gz"); this is what <c>ActivitySource.Path</c> stores.
/// </param>
public abstract record ImportScanEvent(string DisplayPath);

/// <summary>An activity file to decode: a FIT, GPX or TCX file, found on disk or inside an archive.</summary>
/// <param name="Format">"fit", "gpx" or "tcx", from the file name with any ".gz" removed.</param>
/// <param name="CompressedLength">Bytes as stored (on disk, or compressed inside the archive); the unit of progress.</param>
/// <param name="Open">
/// Opens the decompressed content (gunzipped when the bytes start with the gzip magic), with the
/// <see cref="ImportLimits"/> enforced on the bytes actually read: reading past one throws
/// <see cref="ImportLimitExceededException"/>. Read it once, before moving the scan on: an item
/// inside an archive can only be opened while the scan is positioned on it (the archive is closed
/// when the scan leaves it). To keep the bytes, use <see cref="ContentHasher.ReadAll(ImportItem, ImportLimits)"/>.
/// </param>
/// <param name="Hints">What Strava's activities.csv says about the activity, when the file came from a Strava export.</param>
public sealed record ImportItem(
    string DisplayPath,
    string Format,
    long? CompressedLength,
    Func<Stream> Open,
    ActivityHints? Hints = null) : ImportScanEvent(DisplayPath)
{
    public string Format { get; } = ActivityFileNames.IsFormat(Format)
        ? Format
        : throw new ArgumentException($"Format must be \"fit\", \"gpx\" or \"tcx\", not \"{Format}\".", nameof(Format));
}

/// <summary>
/// What a Strava bulk export's activities.csv says about one activity. Every field is optional:
/// columns change between export versions and languages, and a user may have left them empty.
/// </summary>
/// <param name="ActivityId">Strava's activity id (the "Activity ID" column), e.g. "1836776031".</param>
/// <param name="Name">The title the athlete gave it ("Activity Name").</param>
/// <param name="Type">Strava's activity type string ("Activity Type"): "Run", "Trail Run", "Virtual Run", "Ride", "Walk", "Hike", …</param>
/// <param name="Gear">The shoe or bike ("Activity Gear", else the later "Gear" or "Bike" columns).</param>
/// <param name="StartUtc">
/// The "Activity Date" column read as UTC, when it is in a format we know ("Sep 12, 2018, 3:02:23 PM",
/// "12 Sep 2018, 15:02:23" or the pre-2019 "2018-09-12 15:02:23"); null otherwise. The file's own
/// timestamps are the better source: this is only a fallback.
/// </param>
public sealed record ActivityHints(string? ActivityId, string? Name, string? Type, string? Gear, DateTimeOffset? StartUtc);
