namespace CalfCoach.Import.Sources;

/// <summary>
/// Copies a stream of unknown length into something seekable without trusting any header about its size: memory that
/// grows as bytes arrive, moved to a temporary file (deleted on close) once it passes a threshold. A zip inside a zip
/// needs seeking; this is how it gets it without a 1 GB buffer sized from a header that may lie.
/// </summary>
internal static class SpillBuffer
{
    /// <summary>Copies <paramref name="source"/> to its end and returns the copy positioned at 0; the caller disposes it.</summary>
    /// <param name="spillAboveBytes">Memory held before moving to a file.</param>
    /// <param name="temporaryFolder">Where a spilled copy goes; the system's temporary folder when null.</param>
    public static Stream CopyToSeekable(Stream source, int spillAboveBytes, string? temporaryFolder = null)
    {
        ArgumentNullException.ThrowIfNull(source);

        // Start small: the size is learned from the bytes, never from what an archive says about them.
        var memory = new MemoryStream();
        Stream? file = null;
        var chunk = new byte[81920];
        try
        {
            while (true)
            {
                var read = source.Read(chunk, 0, chunk.Length);
                if (read == 0)
                {
                    break;
                }

                if (file is null && memory.Length + read > spillAboveBytes)
                {
                    file = CreateTemporaryFile(temporaryFolder);
                    memory.Position = 0;
                    memory.CopyTo(file);
                    memory.Dispose();
                }

                (file ?? memory).Write(chunk, 0, read);
            }

            var copy = file ?? memory;
            copy.Position = 0;
            return copy;
        }
        catch
        {
            memory.Dispose();
            file?.Dispose();
            throw;
        }
    }

    /// <summary>A file only this process can read, removed by the system when closed (and by the OS's temp cleanup after a crash).</summary>
    internal static FileStream CreateTemporaryFile(string? temporaryFolder)
    {
        var folder = temporaryFolder ?? Path.GetTempPath();
        var path = Path.Combine(folder, $"calfcoach-spill-{Environment.ProcessId}-{Guid.NewGuid():N}.tmp");
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.ReadWrite,
            Share = FileShare.None,
            Options = FileOptions.DeleteOnClose,
            BufferSize = 1 << 16,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return new FileStream(path, options);
    }
}
