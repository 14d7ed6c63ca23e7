using System.Buffers;
using System.Security.Cryptography;
using CalfCoach.Formats.Fit;

namespace CalfCoach.Import.Sources;

/// <summary>
/// The idempotency key of an activity file: lower-case hex SHA-256 of its decompressed bytes, so the
/// same recording hashes the same as a .fit, a .fit.gz or an entry of any archive.
/// </summary>
public static class ContentHasher
{
    /// <summary>SHA-256 of <paramref name="content"/> as lower-case hex.</summary>
    public static string Sha256Hex(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>
    /// Wraps a content stream so it hashes what the consumer reads (for decoders that stream, such as an
    /// XML reader over GPX). Disposing the wrapper disposes <paramref name="content"/>.
    /// </summary>
    public static HashingReadStream HashWhileReading(Stream content) => new(content);

    /// <summary>
    /// Reads an item's decompressed content into a pooled buffer and hashes it in the same pass (FIT
    /// decoding wants the whole file as a span; activity files are small), with no memory budget beyond the limits.
    /// </summary>
    /// <inheritdoc cref="ReadAll(ImportItem, ImportLimits, ImportMemoryBudget.Session, CancellationToken)"/>
    public static ItemContent ReadAll(ImportItem item, ImportLimits limits) =>
        ReadAll(item, limits, new ImportMemoryBudget(Math.Max(ImportMemoryBudget.DefaultBytes, limits.MaxEntryBytes * 2)).StartSession(ImportMemoryBudget.BudgetWait.Wait), CancellationToken.None);

    /// <summary>
    /// Reads an item's decompressed content and hashes it in the same pass. The buffer grows as bytes arrive (never
    /// sized from a header) and each growth is taken from <paramref name="budget"/> first. A FIT file's header is
    /// checked as soon as its 12 bytes are in, so a large file that is not FIT is refused without being read; a GPX
    /// or TCX file past <see cref="ImportLimits.XmlSpillAboveBytes"/> goes on into a temporary file instead (its
    /// reader streams it), releasing its memory.
    /// </summary>
    /// <returns>
    /// The content. The caller owns it and must dispose it exactly once, which returns the buffer to
    /// <see cref="ArrayPool{T}.Shared"/> and the bytes to the budget; its memory must not be used after that.
    /// </returns>
    /// <exception cref="ImportLimitExceededException">The content is larger than <see cref="ImportLimits.MaxEntryBytes"/>, or broke another limit while being read.</exception>
    /// <exception cref="ImportSourceException">The content is not what its name says (a .fit without a FIT header), or its compressed data is damaged.</exception>
    /// <exception cref="ImportMemoryExceededException">The file alone needs more memory than the whole budget.</exception>
    /// <exception cref="ImportMemoryBusyException">Other imports hold the budget and <paramref name="budget"/> refuses to wait.</exception>
    /// <exception cref="IOException">The file could not be read.</exception>
    public static ItemContent ReadAll(ImportItem item, ImportLimits limits, ImportMemoryBudget.Session budget, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(budget);

        const int MinimumBuffer = 4 * 1024;

        // The first buffer follows the stored length only up to 1 MB: past that the size is learned from the bytes,
        // because an archive's header can claim anything.
        const int MaximumFirstBuffer = 1024 * 1024;
        var maxLength = (int)Math.Min(limits.MaxEntryBytes, Array.MaxLength);
        var isXml = item.Format is "gpx" or "tcx";
        var isFit = item.Format == "fit";

        var (reading, lease) = budget.BeginRead(cancellationToken);
        byte[]? buffer = null;
        FileStream? spill = null;
        long length = 0;
        var handedOver = false;
        try
        {
            var first = (int)Math.Clamp(item.CompressedLength ?? MinimumBuffer, MinimumBuffer, Math.Min(MaximumFirstBuffer, maxLength));
            lease.GrowTo(first, cancellationToken);
            buffer = ArrayPool<byte>.Shared.Rent(first);
            lease.GrowTo(buffer.Length, cancellationToken);
            var filled = 0;
            var headerChecked = !isFit;
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            using (var stream = item.Open())
            {
                while (true)
                {
                    if (spill is not null)
                    {
                        // Streaming into the temporary file: the buffer is only a window now.
                        var count = stream.Read(buffer, 0, buffer.Length);
                        if (count == 0)
                        {
                            break;
                        }

                        hash.AppendData(buffer, 0, count);
                        spill.Write(buffer, 0, count);
                        length += count;

                        // The text leaves memory but its decoded samples will not: a spilled file stays charged at its
                        // length, an estimate of what decoding it takes (four 400 MB GPX files measured 1.5–2 times that).
                        lease.GrowTo(length + buffer.Length, cancellationToken);
                        continue;
                    }

                    var capacity = Math.Min(buffer.Length, maxLength);
                    if (filled == capacity)
                    {
                        if (capacity == maxLength)
                        {
                            // One more byte would pass the limit: find out whether there is one.
                            if (stream.ReadByte() < 0)
                            {
                                break;
                            }

                            throw ImportLimitExceededException.EntryBytes(item.DisplayPath, limits.MaxEntryBytes);
                        }

                        if (isXml && filled >= limits.XmlSpillAboveBytes)
                        {
                            spill = SpillBuffer.CreateTemporaryFile(null);
                            spill.Write(buffer, 0, filled);
                            ReturnToPool(ref buffer);
                            const int Window = 1 << 16;
                            lease.GrowTo(filled + Window, cancellationToken);
                            buffer = ArrayPool<byte>.Shared.Rent(Window);
                            continue;
                        }

                        var larger = (int)Math.Min((long)buffer.Length * 2, maxLength);
                        lease.GrowTo(buffer.Length + (long)larger, cancellationToken);
                        var grown = ArrayPool<byte>.Shared.Rent(larger);
                        buffer.AsSpan(0, filled).CopyTo(grown);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = grown;
                        lease.ShrinkTo(buffer.Length);
                        continue;
                    }

                    var read = stream.Read(buffer, filled, capacity - filled);
                    if (read == 0)
                    {
                        break;
                    }

                    hash.AppendData(buffer, filled, read);
                    filled += read;
                    length = filled;
                    if (!headerChecked && filled >= FitHeaderCheck.MinimumBytes)
                    {
                        FitHeaderCheck.ThrowIfNotFit(buffer.AsSpan(0, FitHeaderCheck.MinimumBytes), item.DisplayPath);
                        headerChecked = true;
                    }
                }
            }

            var sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
            if (spill is not null)
            {
                ReturnToPool(ref buffer);
                lease.ShrinkTo(length);
                spill.Position = 0;
                var content = new ItemContent(spill, length, sha256, lease);
                spill = null;
                handedOver = true;
                return content;
            }

            var inMemory = new ItemContent(buffer, (int)length, sha256, lease);
            buffer = null;
            handedOver = true;
            return inMemory;
        }
        catch (InvalidDataException e)
        {
            throw new ImportSourceException(
                item.DisplayPath,
                $"'{item.DisplayPath}' could not be decompressed ({e.Message}); the file or archive is damaged. Download it again.",
                e);
        }
        finally
        {
            reading.Dispose();
            if (!handedOver)
            {
                // On success the buffer (or file) and the lease belong to the content.
                ReturnToPool(ref buffer);
                spill?.Dispose();
                lease.Dispose();
            }
        }
    }

    private static void ReturnToPool(ref byte[]? buffer)
    {
        if (buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = null;
        }
    }
}

/// <summary>
/// The first 12 bytes of a .fit file (FIT protocol, "File Header"): a header size of at least 12 and ".FIT" at offset 8.
/// Checked while reading, so a 500 MB file of anything else is refused after 12 bytes, not after 500 MB. Shorter files
/// are left to the decoder, which says how short they are.
/// </summary>
internal static class FitHeaderCheck
{
    public const int MinimumBytes = 12;

    public static void ThrowIfNotFit(ReadOnlySpan<byte> start, string path)
    {
        if (start.Length < MinimumBytes || (start[0] >= MinimumBytes && start.Slice(8, 4).SequenceEqual(".FIT"u8)))
        {
            return;
        }

        // The FIT reader words the refusal (with its byte offset), exactly as it would after reading the whole file.
        string reason;
        FitFormatException? inner = null;
        try
        {
            new FitActivityDecoder().Decode(start[..MinimumBytes]);
            reason = $"byte 0: the file does not start with a FIT file header (header size {start[0]}, bytes 8-11 {Convert.ToHexString(start.Slice(8, 4))})";
        }
        catch (FitFormatException ex)
        {
            inner = ex;
            reason = ex.Message;
        }

        throw new ImportSourceException(path, $"{reason}; the rest of the file was not read.", inner);
    }
}

/// <summary>
/// An item's decompressed content with its hash: in a buffer rented from <see cref="ArrayPool{T}.Shared"/>, or (a large
/// GPX or TCX) in a temporary file deleted when closed. Dispose it once when done; it must not be used afterwards.
/// </summary>
public sealed class ItemContent : IDisposable
{
    private byte[]? _buffer;
    private FileStream? _file;
    private ImportMemoryBudget.Lease? _lease;
    private int _disposed;

    internal ItemContent(byte[] buffer, int length, string sha256, ImportMemoryBudget.Lease? lease)
    {
        _buffer = buffer;
        Length = length;
        Sha256 = sha256;
        _lease = lease;
    }

    internal ItemContent(FileStream file, long length, string sha256, ImportMemoryBudget.Lease? lease)
    {
        _file = file;
        Length = length;
        Sha256 = sha256;
        _lease = lease;
    }

    public long Length { get; }

    /// <summary>Lower-case hex SHA-256 of the content: <c>ActivitySource.ContentSha256</c>.</summary>
    public string Sha256 { get; }

    /// <summary>False when the content is in a temporary file: read it with <see cref="OpenRead"/>.</summary>
    public bool IsInMemory => _file is null;

    /// <exception cref="InvalidOperationException">The content is in a temporary file (<see cref="IsInMemory"/> is false).</exception>
    public Memory<byte> Memory => Buffer.AsMemory(0, (int)Length);

    /// <inheritdoc cref="Memory"/>
    public ReadOnlySpan<byte> Span => Buffer.AsSpan(0, (int)Length);

    private byte[] Buffer => _buffer
        ?? (_file is not null
            ? throw new InvalidOperationException("The content is in a temporary file; read it with OpenRead.")
            : throw new ObjectDisposedException(nameof(ItemContent)));

    /// <summary>
    /// A read-only stream over the content from its start. Disposing it does not release the content; only one stream
    /// may be open at a time.
    /// </summary>
    public Stream OpenRead()
    {
        if (_file is { } file)
        {
            file.Position = 0;
            return new NonClosingStream(file);
        }

        return new MemoryStream(Buffer, 0, (int)Length, writable: false);
    }

    /// <summary>
    /// Takes the content's share of the import memory budget away from it, so disposing the content frees the buffer but
    /// not the budget: the importer keeps the share until the decoded activities are stored, because they take memory
    /// too. Null when the content holds none (or it was taken already).
    /// </summary>
    public IDisposable? DetachBudget() => Interlocked.Exchange(ref _lease, null);

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        if (Interlocked.Exchange(ref _buffer, null) is { } buffer)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        Interlocked.Exchange(ref _file, null)?.Dispose();
        Interlocked.Exchange(ref _lease, null)?.Dispose();
    }

    /// <summary>Reads the temporary file without closing it (closing deletes it).</summary>
    private sealed class NonClosingStream(Stream inner) : ReadOnlyStream(inner)
    {
        protected override bool LeaveInnerOpen => true;

        public override int Read(Span<byte> buffer) => Inner.Read(buffer);
    }
}

/// <summary>Passes reads through and hashes every byte read; <see cref="GetSha256Hex"/> once the end is reached.</summary>
public sealed class HashingReadStream : Stream
{
    private readonly Stream _inner;
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private string? _sha256;

    internal HashingReadStream(Stream inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        _inner = inner;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>The hash of everything read.</summary>
    /// <exception cref="InvalidOperationException">The stream has not been read to its end: the hash would be of part of the file.</exception>
    public string GetSha256Hex() =>
        _sha256 ?? throw new InvalidOperationException("Read the stream to its end before asking for its hash.");

    public override int Read(Span<byte> buffer)
    {
        var count = _inner.Read(buffer);
        Hash(buffer[..count], isEnd: count == 0 && !buffer.IsEmpty);
        return count;
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        ValidateBufferArguments(buffer, offset, count);
        return Read(buffer.AsSpan(offset, count));
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var count = await _inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        Hash(buffer.Span[..count], isEnd: count == 0 && !buffer.IsEmpty);
        return count;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
            _hash.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Hash(ReadOnlySpan<byte> read, bool isEnd)
    {
        if (isEnd)
        {
            _sha256 ??= Convert.ToHexStringLower(_hash.GetHashAndReset());
            return;
        }

        if (read.IsEmpty)
        {
            return;
        }

        if (_sha256 is not null)
        {
            throw new InvalidOperationException("The stream returned data after its end.");
        }

        _hash.AppendData(read);
    }
}
