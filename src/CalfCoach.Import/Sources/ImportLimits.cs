namespace CalfCoach.Import.Sources;

/// <summary>
/// How much an import will read before it calls a file or an archive hostile. The defaults are
/// far above any real export (a 10-year Strava export is a few GB; one FIT file rarely passes
/// 10 MB, a long GPX 50 MB) and far below what would exhaust memory, disk or patience.
/// Every size is enforced on the bytes actually read, never on what an archive header claims.
/// </summary>
public sealed record ImportLimits
{
    private const long MiB = 1024 * 1024;

    public static ImportLimits Default { get; } = new();

    /// <summary>Entries an archive may list (200 000: a Garmin export part holds thousands of files, not hundreds of thousands).</summary>
    public int MaxEntriesPerArchive { get; init => field = Positive(value); } = 200_000;

    /// <summary>Decompressed bytes one activity file may have (512 MB: a 24-hour GPX at 1 Hz is about 20 MB).</summary>
    public long MaxEntryBytes { get; init => field = InRange(value, Array.MaxLength); } = 512 * MiB;

    /// <summary>Decompressed bytes read from one archive on disk, its nested archives included (64 GB).</summary>
    public long MaxArchiveBytes { get; init => field = Positive(value); } = 64 * 1024 * MiB;

    /// <summary>
    /// Decompressed bytes per stored byte an entry may reach once past <see cref="CompressionRatioGraceBytes"/>
    /// (200: GPX and TCX, the most compressible activity files, deflate about 10:1; zip bombs reach 1000:1 and more).
    /// </summary>
    public int MaxCompressionRatio { get; init => field = Positive(value); } = 200;

    /// <summary>Bytes read before <see cref="MaxCompressionRatio"/> applies (1 MB), so tiny files with long runs of zeros pass.</summary>
    public long CompressionRatioGraceBytes { get; init => field = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value)); } = MiB;

    /// <summary>How deep archives may nest: 2 opens a zip inside a zip (Garmin's export), not a third level.</summary>
    public int MaxNestingDepth { get; init => field = Positive(value); } = 2;

    /// <summary>
    /// Bytes of a zip inside a zip that may be copied into memory to open it (1 GB; reading a zip needs
    /// seeking: the copy is kept in memory up to SpillAboveBytes, then in a deleted-on-close temporary file). Garmin's UploadedFiles parts are split well below this.
    /// </summary>
    public long MaxNestedArchiveBytes { get; init => field = InRange(value, Array.MaxLength); } = 1024 * MiB;

    /// <summary>Bytes of a zip inside a zip held in memory before the copy moves to a temporary file (16 MB).</summary>
    public int SpillAboveBytes { get; init => field = Positive(value); } = 16 * (int)MiB;

    /// <summary>
    /// Bytes of a GPX or TCX file held in memory before it is read from a temporary file instead (8 MB): XML is decoded
    /// as a stream, so a 400 MB GPX costs its decoded samples, not 400 MB of buffer as well.
    /// </summary>
    public int XmlSpillAboveBytes { get; init => field = Positive(value); } = 8 * (int)MiB;

    private static T Positive<T>(T value)
        where T : System.Numerics.INumber<T> =>
        value > T.Zero ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "A limit must be positive.");

    private static long InRange(long value, long max) =>
        value > 0 && value <= max ? value : throw new ArgumentOutOfRangeException(nameof(value), value, $"A limit must be between 1 and {max}.");
}
