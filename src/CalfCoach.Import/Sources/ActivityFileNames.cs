namespace CalfCoach.Import.Sources;

/// <summary>What a file is, judged by its name alone.</summary>
internal enum FileNameKind
{
    Other,
    Activity,
    Zip,

    /// <summary>activities.csv: the index of a Strava bulk export.</summary>
    StravaIndex,
}

/// <summary>Names and formats: ".fit", ".gpx", ".tcx", each optionally ".gz", in any case.</summary>
internal static class ActivityFileNames
{
    public const string StravaIndexName = "activities.csv";

    public static bool IsFormat(string? format) => format is "fit" or "gpx" or "tcx";

    /// <summary>Classifies a file by its name (the last path segment).</summary>
    /// <param name="format">For <see cref="FileNameKind.Activity"/>: "fit", "gpx" or "tcx".</param>
    /// <param name="gzipName">True when the name ends in ".gz".</param>
    public static FileNameKind Classify(string fileName, out string? format, out bool gzipName)
    {
        format = null;
        gzipName = fileName.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);
        var name = gzipName ? fileName[..^3] : fileName;

        // macOS AppleDouble files ("._run.fit") carry Finder metadata, not the recording.
        if (name.StartsWith("._", StringComparison.Ordinal))
        {
            return FileNameKind.Other;
        }

        var extension = Path.GetExtension(name).ToLowerInvariant();
        if (extension is ".fit" or ".gpx" or ".tcx")
        {
            format = extension[1..];
            return FileNameKind.Activity;
        }

        if (gzipName)
        {
            return FileNameKind.Other;
        }

        if (extension == ".zip")
        {
            return FileNameKind.Zip;
        }

        return name.Equals(StravaIndexName, StringComparison.OrdinalIgnoreCase) ? FileNameKind.StravaIndex : FileNameKind.Other;
    }

    /// <summary>Why a file of kind <see cref="FileNameKind.Other"/> is skipped, in a few words for the import summary.</summary>
    public static string WhyNotActivity(string fileName)
    {
        var gzipName = fileName.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);
        var name = gzipName ? fileName[..^3] : fileName;
        if (name.StartsWith("._", StringComparison.Ordinal))
        {
            return "macOS Finder metadata, not a recording";
        }

        var extension = Path.GetExtension(name);
        var shown = extension.Length == 0 ? "no file extension" : extension.ToLowerInvariant() + (gzipName ? ".gz" : string.Empty);
        return $"not an activity file: {shown} (activity files are .fit, .gpx or .tcx, optionally .gz)";
    }

    /// <summary>The event that names a skipped file in the summary.</summary>
    public static ImportProblem NotActivity(string displayPath, string fileName) =>
        new(displayPath, ImportProblemKind.NotActivityFile, WhyNotActivity(fileName));
}
