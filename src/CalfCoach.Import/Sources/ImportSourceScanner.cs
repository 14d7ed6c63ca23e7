namespace CalfCoach.Import.Sources;

/// <summary>
/// Turns the paths given to <c>calfcoach import</c> into the activity files to decode, without
/// extracting anything to disk: single files (.fit, .gpx, .tcx, each optionally .gz), folders
/// (recursively), zip archives (and zips inside them, such as Garmin Connect's export), and Strava bulk
/// exports (whose activities.csv adds each activity's name, type and gear).
/// </summary>
/// <remarks>
/// Order is deterministic: the paths in the order given; within a folder or an archive, by ordinal path.
/// In folders and archives, files that are not activities (photos, JSON, other CSVs) are ignored without
/// a word; a file given by name that is not an activity is reported.
/// </remarks>
public static partial class ImportSourceScanner
{
    /// <summary>
    /// Plans the scan: checks the paths and walks the folders now (so <see cref="ImportScan.TotalBytes"/>
    /// is known at once), then opens files and archives lazily as the result is enumerated.
    /// </summary>
    public static ImportScan Scan(IEnumerable<string> paths, ImportLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        limits ??= ImportLimits.Default;

        var plan = new List<Planned>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(path, nameof(paths));
            if (File.Exists(path))
            {
                if (seen.Add(Path.GetFullPath(path)))
                {
                    plan.Add(new PlannedFile(path, Length(path)));
                }
            }
            else if (Directory.Exists(path))
            {
                plan.Add(PlanFolder(path, seen));
            }
            else
            {
                plan.Add(new PlannedProblem(new ImportProblem(
                    path,
                    ImportProblemKind.NotFound,
                    $"'{path}' does not exist. Check the path; a folder or a .zip export can be given as it is.")));
            }
        }

        var total = plan.Sum(planned => planned switch
        {
            PlannedFile file => file.Length,
            PlannedFolder folder => folder.Files.Sum(file => file.Length),
            _ => 0,
        });
        return new ImportScan(total, scan => Enumerate(plan, limits, scan));
    }

    private static IEnumerable<ImportScanEvent> Enumerate(List<Planned> plan, ImportLimits limits, ImportScan scan)
    {
        foreach (var planned in plan)
        {
            var events = planned switch
            {
                PlannedFile file => ScanGivenFile(file, limits, scan),
                PlannedFolder folder => ScanFolder(folder, limits, scan),
                PlannedProblem problem => [problem.Problem],
                _ => throw new InvalidOperationException($"Unknown plan step {planned}."),
            };
            foreach (var scanEvent in events)
            {
                yield return scanEvent;
            }
        }
    }

    private static IEnumerable<ImportScanEvent> ScanGivenFile(PlannedFile file, ImportLimits limits, ImportScan scan)
    {
        var start = scan.BytesScanned;
        var name = Path.GetFileName(file.Path);
        switch (ActivityFileNames.Classify(name, out var format, out var gzipName))
        {
            case FileNameKind.Activity:
                scan.Advance(file.Length);
                yield return DiskItem(file.Path, file.Length, format!, gzipName, hints: null, limits);
                break;
            case FileNameKind.Zip:
                foreach (var scanEvent in ScanZipFile(file.Path, limits, scan))
                {
                    yield return scanEvent;
                }

                break;
            case FileNameKind.StravaIndex:
                yield return new ImportProblem(
                    file.Path,
                    ImportProblemKind.UnsupportedFile,
                    $"'{file.Path}' is a Strava export's index, not an activity. Give the export's folder or its .zip instead, and the activities it lists are imported with their names and gear.");
                break;
            default:
                yield return new ImportProblem(
                    file.Path,
                    ImportProblemKind.UnsupportedFile,
                    $"'{file.Path}' was skipped: it is not an activity file (.fit, .gpx or .tcx, optionally .gz) or a .zip archive.");
                break;
        }

        scan.MoveTo(start + file.Length);
    }

    private static ImportItem DiskItem(string path, long length, string format, bool gzipName, ActivityHints? hints, ImportLimits limits) =>
        new(
            path,
            format,
            length,
            () => ContentStreams.Open(() => OpenRead(path, FileOptions.SequentialScan), path, gzipName, length, limits, budget: null),
            hints);

    private static FileStream OpenRead(string path, FileOptions options) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 64 * 1024, options);

    private static long Length(string path)
    {
        try
        {
            return new FileInfo(path).Length;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private abstract record Planned;

    private sealed record PlannedFile(string Path, long Length) : Planned;

    /// <param name="Files">The files the scan will read (activity files, activities.csv, zips), sorted by ordinal path.</param>
    private sealed record PlannedFolder(string Root, IReadOnlyList<PlannedFile> Files, IReadOnlyList<ImportProblem> Problems) : Planned;

    private sealed record PlannedProblem(ImportProblem Problem) : Planned;
}
