namespace CalfCoach.Import.Sources;

/// <summary>A forward-only, read-only stream over another one, which it owns and disposes.</summary>
internal abstract class ReadOnlyStream(Stream inner) : Stream
{
    protected Stream Inner { get; } = inner;

    /// <summary>True when disposing this stream must leave the inner one open (it belongs to someone else).</summary>
    protected virtual bool LeaveInnerOpen => false;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public abstract override int Read(Span<byte> buffer);

    public override int Read(byte[] buffer, int offset, int count)
    {
        ValidateBufferArguments(buffer, offset, count);
        return Read(buffer.AsSpan(offset, count));
    }

    public override int ReadByte()
    {
        Span<byte> one = stackalloc byte[1];
        return Read(one) == 1 ? one[0] : -1;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && !LeaveInnerOpen)
        {
            Inner.Dispose();
        }

        base.Dispose(disposing);
    }
}

/// <summary>Serves a few bytes already read from the start of a stream, then the rest of it.</summary>
internal sealed class PeekedStream(ReadOnlyMemory<byte> peeked, Stream rest) : ReadOnlyStream(rest)
{
    private ReadOnlyMemory<byte> _peeked = peeked;

    public override int Read(Span<byte> buffer)
    {
        if (_peeked.IsEmpty)
        {
            return Inner.Read(buffer);
        }

        var count = Math.Min(buffer.Length, _peeked.Length);
        _peeked.Span[..count].CopyTo(buffer);
        _peeked = _peeked[count..];
        return count;
    }
}

/// <summary>
/// Counts what one archive (its nested archives included) gives: the decompressed bytes against
/// <see cref="ImportLimits.MaxArchiveBytes"/>, and their ratio to the stored bytes of the entries opened
/// against <see cref="ImportLimits.MaxCompressionRatio"/>. The ratio is over the whole archive because a
/// per-entry check has a grace size: 200 entries each just under it would otherwise all pass.
/// </summary>
internal sealed class ArchiveBudget(string archivePath, long maxBytes, ImportLimits limits)
{
    private long _used;
    private long _ratioBytes;
    private long _ratioStored;

    /// <summary>An entry was opened: its stored (compressed) size joins the archive's total.</summary>
    public void Opened(long? storedLength)
    {
        if (storedLength is { } stored && stored > 0)
        {
            _ratioStored += stored;
        }
    }

    public void Spend(int bytes, string entryPath)
    {
        _used += bytes;
        _ratioBytes += bytes;
        if (_used > maxBytes)
        {
            throw ImportLimitExceededException.ArchiveBytes(archivePath, entryPath, maxBytes);
        }

        if (_ratioBytes > limits.CompressionRatioGraceBytes && _ratioBytes > _ratioStored * limits.MaxCompressionRatio)
        {
            throw ImportLimitExceededException.ArchiveCompressionRatio(archivePath, entryPath, limits.MaxCompressionRatio);
        }
    }

    /// <summary>
    /// An entry was refused by its own limits: it leaves the ratio (it was already stopped at its own ratio, so what it
    /// read is bounded), and one bomb does not make the honest entries after it fail. <see cref="ImportLimits.MaxArchiveBytes"/> still counts it.
    /// </summary>
    public void Refused(long bytesSpent, long? storedLength)
    {
        _ratioBytes -= bytesSpent;
        if (storedLength is { } stored && stored > 0)
        {
            _ratioStored -= stored;
        }
    }
}

/// <summary>
/// Counts the bytes a consumer actually reads (after every decompression layer) and throws
/// <see cref="ImportLimitExceededException"/> as soon as one goes past a limit: the size, the ratio to
/// the stored size, or the archive's budget. Headers can lie; the bytes read cannot.
/// </summary>
internal sealed class LimitedReadStream : ReadOnlyStream
{
    private readonly string _path;
    private readonly long? _storedLength;
    private readonly long _maxBytes;
    private readonly bool _isNestedArchive;
    private readonly ImportLimits _limits;
    private readonly ArchiveBudget? _budget;
    private long _read;

    /// <param name="storedLength">Bytes as stored, for the compression ratio; null when unknown (no ratio check).</param>
    /// <param name="isNestedArchive">True when copying a zip inside a zip: <see cref="ImportLimits.MaxNestedArchiveBytes"/> applies instead of the per-file limit.</param>
    public LimitedReadStream(Stream inner, string path, long? storedLength, ImportLimits limits, ArchiveBudget? budget, bool isNestedArchive = false)
        : base(inner)
    {
        _path = path;
        _storedLength = storedLength;
        _limits = limits;
        _budget = budget;
        _isNestedArchive = isNestedArchive;
        _maxBytes = isNestedArchive ? limits.MaxNestedArchiveBytes : limits.MaxEntryBytes;
        budget?.Opened(storedLength);
    }

    public override int Read(Span<byte> buffer)
    {
        var count = Inner.Read(buffer);
        Count(count);
        return count;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var count = await Inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        Count(count);
        return count;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private void Count(int count)
    {
        var spent = _read;
        _read += count;
        if (_read > _maxBytes)
        {
            _budget?.Refused(spent, _storedLength);
            throw _isNestedArchive
                ? ImportLimitExceededException.NestedArchiveBytes(_path, _maxBytes)
                : ImportLimitExceededException.EntryBytes(_path, _maxBytes);
        }

        if (_storedLength is { } stored
            && _read > _limits.CompressionRatioGraceBytes
            && _read > stored * _limits.MaxCompressionRatio)
        {
            _budget?.Refused(spent, _storedLength);
            throw ImportLimitExceededException.CompressionRatio(_path, _limits.MaxCompressionRatio);
        }

        _budget?.Spend(count, _path);
    }
}
