using System.IO.Compression;

namespace CalfCoach.Import.Sources;

public static partial class ImportSourceScanner
{
    /// <summary>A zip archive on disk: read in place through a <see cref="FileStream"/>, entry by entry.</summary>
    private static IEnumerable<ImportScanEvent> ScanZipFile(string path, ImportLimits limits, ImportScan scan)
    {
        FileStream stream;
        try
        {
            stream = OpenRead(path, FileOptions.RandomAccess);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [new ImportProblem(path, ImportProblemKind.Unreadable, $"'{path}' could not be opened ({e.Message}). Check that it exists and can be read.")];
        }

        return ScanArchive(stream, path, depth: 1, new ArchiveBudget(path, limits.MaxArchiveBytes, limits), limits, scan, progressScale: 1);
    }

    /// <summary>
    /// One archive, which takes ownership of <paramref name="stream"/>. Entries are yielded in ordinal
    /// order of their names, after every activities.csv in it has been read, and followed by the rows of
    /// those indexes whose files were not found.
    /// </summary>
    /// <param name="depth">1 for an archive on disk, 2 for a zip inside it, …</param>
    /// <param name="progressScale">Progress bytes per stored byte of this archive's entries (less than 1 for nested archives).</param>
    private static IEnumerable<ImportScanEvent> ScanArchive(
        Stream stream, string archivePath, int depth, ArchiveBudget budget, ImportLimits limits, ImportScan scan, double progressScale)
    {
        var (archive, openProblem) = OpenArchive(stream, archivePath, limits);
        if (archive is null)
        {
            yield return openProblem!;
            yield break;
        }

        using (archive)
        {
            var entries = new List<(ZipArchiveEntry Entry, string Name)>(archive.Entries.Count);
            foreach (var entry in archive.Entries)
            {
                if (!EntryNames.TryNormalize(entry.FullName, out var name, out var reason))
                {
                    yield return new ImportProblem(
                        $"{archivePath}!{EntryNames.Printable(entry.FullName)}",
                        ImportProblemKind.UnsafeEntryName,
                        $"An entry of '{archivePath}' was refused because {reason}; such names are how zip files attack the tools that unpack them. The rest of the archive is imported; if you trust its source, re-create the archive.");
                }
                else if (!name.EndsWith('/') && !EntryNames.IsMetadata(name))
                {
                    entries.Add((entry, name));
                }
            }

            entries.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));

            var indexes = new List<StravaActivityIndex>();
            foreach (var (entry, name) in entries)
            {
                if (ActivityFileNames.Classify(EntryNames.FileName(name), out _, out _) == FileNameKind.StravaIndex)
                {
                    var problems = new List<ImportProblem>();
                    var path = $"{archivePath}!{name}";
                    var index = ReadIndex(
                        () => new LimitedReadStream(entry.Open(), path, entry.CompressedLength, limits, budget),
                        EntryNames.Directory(name),
                        path,
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
            }

            foreach (var (entry, name) in entries)
            {
                var path = $"{archivePath}!{name}";
                var kind = ActivityFileNames.Classify(EntryNames.FileName(name), out var format, out var gzipName);
                if (kind != FileNameKind.Zip)
                {
                    scan.Advance(entry.CompressedLength * progressScale);
                }

                switch (kind)
                {
                    case FileNameKind.Activity:
                        if (DeclaredSizeProblem(entry, path, limits) is { } sizeProblem)
                        {
                            yield return sizeProblem;
                            break;
                        }

                        yield return new ImportItem(
                            path,
                            format!,
                            entry.CompressedLength,
                            () => ContentStreams.Open(entry.Open, path, gzipName, entry.CompressedLength, limits, budget),
                            FindHints(indexes, name));
                        break;
                    case FileNameKind.Zip:
                        foreach (var scanEvent in ScanNestedArchive(entry, path, depth + 1, budget, limits, scan, progressScale))
                        {
                            yield return scanEvent;
                        }

                        break;
                    case FileNameKind.Other:
                        yield return ActivityFileNames.NotActivity(path, EntryNames.FileName(name));
                        break;
                }
            }

            foreach (var problem in MissingFiles(indexes, fileName => $"{archivePath}!{fileName}"))
            {
                yield return problem;
            }
        }
    }

    /// <summary>
    /// A zip inside a zip (Garmin Connect's export keeps the FIT files in "UploadedFiles_0-_Part1.zip"
    /// and so on): <see cref="ZipArchive"/> needs to seek, so it is copied, within limits, into memory or past
    /// <see cref="ImportLimits.SpillAboveBytes"/> into a temporary file.
    /// </summary>
    /// <remarks>Progress: the entry's stored bytes are spread over the nested entries, or counted at once when it is not opened.</remarks>
    private static IEnumerable<ImportScanEvent> ScanNestedArchive(
        ZipArchiveEntry entry, string path, int depth, ArchiveBudget budget, ImportLimits limits, ImportScan scan, double progressScale)
    {
        var events = OpenNestedArchive(entry, path, depth, budget, limits, scan, progressScale, out var opened);
        if (!opened)
        {
            scan.Advance(entry.CompressedLength * progressScale);
        }

        return events;
    }

    private static IEnumerable<ImportScanEvent> OpenNestedArchive(
        ZipArchiveEntry entry, string path, int depth, ArchiveBudget budget, ImportLimits limits, ImportScan scan, double progressScale, out bool opened)
    {
        opened = false;
        if (depth > limits.MaxNestingDepth)
        {
            return [LimitProblem(ImportLimitExceededException.NestingDepth(path, limits.MaxNestingDepth))];
        }

        if (entry.Length > limits.MaxNestedArchiveBytes)
        {
            return [LimitProblem(ImportLimitExceededException.NestedArchiveBytes(path, limits.MaxNestedArchiveBytes))];
        }

        // The header's length is only used to refuse early (above): the copy grows as bytes arrive and moves to a
        // temporary file past SpillAboveBytes, so a header claiming 1 GB costs nothing until 1 GB is really read.
        Stream copy;
        try
        {
            using var source = new LimitedReadStream(entry.Open(), path, entry.CompressedLength, limits, budget, isNestedArchive: true);
            copy = SpillBuffer.CopyToSeekable(source, limits.SpillAboveBytes);
        }
        catch (ImportLimitExceededException e)
        {
            return [LimitProblem(e)];
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            return [UnreadableArchive(path, e)];
        }

        opened = true;
        var nestedScale = copy.Length == 0 ? 0 : progressScale * entry.CompressedLength / copy.Length;
        return ScanArchive(copy, path, depth, budget, limits, scan, nestedScale);
    }

    private static (ZipArchive? Archive, ImportProblem? Problem) OpenArchive(Stream stream, string path, ImportLimits limits)
    {
        try
        {
            var archive = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: false);
            var count = archive.Entries.Count;
            if (count > limits.MaxEntriesPerArchive)
            {
                archive.Dispose();
                return (null, LimitProblem(ImportLimitExceededException.EntriesPerArchive(path, count, limits.MaxEntriesPerArchive)));
            }

            return (archive, null);
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            stream.Dispose();
            return (null, UnreadableArchive(path, e));
        }
    }

    /// <summary>
    /// Refuses an entry whose header already admits it is too large or too compressed. Headers can lie the
    /// other way, so <see cref="LimitedReadStream"/> still counts the bytes actually read.
    /// </summary>
    private static ImportProblem? DeclaredSizeProblem(ZipArchiveEntry entry, string path, ImportLimits limits)
    {
        if (entry.Length > limits.MaxEntryBytes)
        {
            return LimitProblem(ImportLimitExceededException.EntryBytes(path, limits.MaxEntryBytes));
        }

        if (entry.Length > limits.CompressionRatioGraceBytes && entry.Length > entry.CompressedLength * limits.MaxCompressionRatio)
        {
            return LimitProblem(ImportLimitExceededException.CompressionRatio(path, limits.MaxCompressionRatio));
        }

        return null;
    }

    private static ImportProblem LimitProblem(ImportLimitExceededException e) =>
        new(e.DisplayPath, ImportProblemKind.LimitExceeded, e.Message);

    private static ImportProblem UnreadableArchive(string path, Exception e) =>
        new(
            path,
            ImportProblemKind.UnreadableArchive,
            $"'{path}' could not be read as a zip archive ({e.Message}). It may be incomplete or damaged: download it again, or unpack it with another tool and import the folder.");
}
