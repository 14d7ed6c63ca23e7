namespace CalfCoach.Import.Sources;

public static partial class ImportSourceScanner
{
    private static PlannedFolder PlanFolder(string root, HashSet<string> seen)
    {
        var files = new List<PlannedFile>();
        var problems = new List<ImportProblem>();
        Walk(root, files, problems, seen);
        files.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return new PlannedFolder(root, files, problems);
    }

    /// <summary>
    /// Collects the files worth reading under <paramref name="directory"/>. Symbolic links to folders
    /// are not followed, so a link cycle cannot make the walk endless.
    /// </summary>
    private static void Walk(string directory, List<PlannedFile> files, List<ImportProblem> problems, HashSet<string> seen)
    {
        string[] fileNames;
        string[] directories;
        try
        {
            fileNames = Directory.GetFiles(directory);
            directories = Directory.GetDirectories(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Add(new ImportProblem(
                directory,
                ImportProblemKind.Unreadable,
                $"The folder '{directory}' could not be read ({e.Message}); its files were not imported. Check its permissions."));
            return;
        }

        foreach (var file in fileNames)
        {
            if (ActivityFileNames.Classify(Path.GetFileName(file), out _, out _) == FileNameKind.Other)
            {
                problems.Add(ActivityFileNames.NotActivity(file, Path.GetFileName(file)));
            }
            else if (seen.Add(Path.GetFullPath(file)))
            {
                files.Add(new PlannedFile(file, Length(file)));
            }
        }

        foreach (var subdirectory in directories)
        {
            if (new DirectoryInfo(subdirectory).LinkTarget is null)
            {
                Walk(subdirectory, files, problems, seen);
            }
        }
    }

    private static IEnumerable<ImportScanEvent> ScanFolder(PlannedFolder folder, ImportLimits limits, ImportScan scan)
    {
        foreach (var problem in folder.Problems)
        {
            yield return problem;
        }

        // Strava indexes first, so every file under them gets its hints.
        var indexes = new List<StravaActivityIndex>();
        foreach (var file in folder.Files)
        {
            if (ActivityFileNames.Classify(Path.GetFileName(file.Path), out _, out _) != FileNameKind.StravaIndex)
            {
                continue;
            }

            var problems = new List<ImportProblem>();
            var index = ReadIndex(
                () => new LimitedReadStream(OpenRead(file.Path, FileOptions.SequentialScan), file.Path, storedLength: null, limits, budget: null),
                EntryNames.Directory(Relative(folder.Root, file.Path)),
                file.Path,
                problems);
            foreach (var problem in problems)
            {
                yield return problem;
            }

            if (index is not null)
            {
                indexes.Add(index);
            }
        }

        foreach (var file in folder.Files)
        {
            switch (ActivityFileNames.Classify(Path.GetFileName(file.Path), out var format, out var gzipName))
            {
                case FileNameKind.Activity:
                    scan.Advance(file.Length);
                    yield return DiskItem(file.Path, file.Length, format!, gzipName, FindHints(indexes, Relative(folder.Root, file.Path)), limits);
                    break;
                case FileNameKind.Zip:
                    var start = scan.BytesScanned;
                    foreach (var scanEvent in ScanZipFile(file.Path, limits, scan))
                    {
                        yield return scanEvent;
                    }

                    scan.MoveTo(start + file.Length);
                    break;
                default:
                    scan.Advance(file.Length);
                    break;
            }
        }

        foreach (var problem in MissingFiles(indexes, fileName => Path.Combine(folder.Root, fileName)))
        {
            yield return problem;
        }
    }

    /// <summary>The path of a file under a folder, "/"-separated, as a Strava index names it.</summary>
    private static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');

    /// <summary>The hints of the nearest index above the file (a folder may hold several exports).</summary>
    private static ActivityHints? FindHints(List<StravaActivityIndex> indexes, string relativePath)
    {
        foreach (var index in indexes.OrderByDescending(index => index.Root.Length))
        {
            if (index.Find(relativePath) is { } hints)
            {
                return hints;
            }
        }

        return null;
    }

    private static IEnumerable<ImportProblem> MissingFiles(List<StravaActivityIndex> indexes, Func<string, string> displayPath)
    {
        foreach (var index in indexes)
        {
            foreach (var (fileName, hints) in index.Missing())
            {
                var path = displayPath(index.Root + fileName);
                var activity = hints.ActivityId is null ? "an activity" : $"activity {hints.ActivityId}";
                var title = hints.Name is null ? string.Empty : $" (\"{hints.Name}\")";
                yield return new ImportProblem(
                    path,
                    ImportProblemKind.MissingReferencedFile,
                    $"activities.csv lists {activity}{title} with the file '{fileName}', but the export does not contain it, so it was not imported. If the export was unpacked or copied, check that nothing was left out; otherwise request a new export from Strava.");
            }
        }
    }

    /// <summary>Reads a Strava index; a damaged one is reported and its files are imported without hints.</summary>
    private static StravaActivityIndex? ReadIndex(Func<Stream> open, string root, string indexPath, List<ImportProblem> problems)
    {
        try
        {
            using var stream = open();
            return StravaActivityIndex.Read(stream, root, indexPath, problems);
        }
        catch (ImportLimitExceededException e)
        {
            problems.Add(new ImportProblem(indexPath, ImportProblemKind.LimitExceeded, e.Message));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or CsvHelper.CsvFormatException)
        {
            problems.Add(new ImportProblem(
                indexPath,
                ImportProblemKind.UnreadableIndex,
                $"'{indexPath}' could not be read ({e.Message}); the export's activities are imported without their Strava names, types and gear."));
        }

        return null;
    }
}
