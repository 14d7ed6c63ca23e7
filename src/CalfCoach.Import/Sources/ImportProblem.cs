namespace CalfCoach.Import.Sources;

/// <summary>Something found while looking for activity files that the user should hear about.</summary>
/// <param name="Message">A full sentence that says what was wrong and what to do about it.</param>
public sealed record ImportProblem(string DisplayPath, ImportProblemKind Kind, string Message) : ImportScanEvent(DisplayPath);

public enum ImportProblemKind
{
    /// <summary>A path given on the command line does not exist.</summary>
    NotFound,

    /// <summary>A file or folder could not be read (permissions, I/O error).</summary>
    Unreadable,

    /// <summary>A zip archive is damaged or is not a zip archive at all.</summary>
    UnreadableArchive,

    /// <summary>An archive entry's name is absolute, climbs out with "..", has a drive letter or control characters.</summary>
    UnsafeEntryName,

    /// <summary>An <see cref="ImportLimits"/> limit was reached while scanning (too many entries, nesting, a zip bomb).</summary>
    LimitExceeded,

    /// <summary>A file given explicitly is not an activity file (.fit, .gpx, .tcx, optionally .gz) or a .zip.</summary>
    UnsupportedFile,

    /// <summary>A Strava export's activities.csv names a file that is not in the export.</summary>
    MissingReferencedFile,

    /// <summary>A Strava export's activities.csv could not be read; its files are still imported, without hints.</summary>
    UnreadableIndex,

    /// <summary>
    /// A file inside a folder or archive that is not an activity file (a photo, a note): skipped, not a failure, but named
    /// in the summary so the runner knows it was seen. The message is the reason alone ("not an activity file: .jpg").
    /// </summary>
    NotActivityFile,
}
