using System.Buffers;
using System.Security.Cryptography;

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
    /// decoding wants the whole file as a span; activity files are small).
    /// </summary>
    /// <returns>
    /// The content. The caller owns it and must dispose it exactly once, which returns the buffer to
    /// <see cref="ArrayPool{T}.Shared"/>; its memory must not be used after that.
    /// </returns>
    /// <exception cref="ImportLimitExceededException">The content is larger than <see cref="ImportLimits.MaxEntryBytes"/>, or broke another limit while being read.</exception>
    /// <exception cref="ImportSourceException">The content is not what its name says, or its compressed data is damaged.</exception>
    /// <exception cref="IOException">The file could not be read.</exception>
    public static ItemContent ReadAll(ImportItem item, ImportLimits limits)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(limits);

        const int MinimumBuffer = 4 * 1024;
        const int MaximumFirstBuffer = 16 * 1024 * 1024;
        var maxLength = (int)Math.Min(limits.MaxEntryBytes, Array.MaxLength);

        // The stored length is exact for plain files and a good first guess for compressed ones.
        var first = (int)Math.Clamp(item.CompressedLength ?? MinimumBuffer, MinimumBuffer, Math.Min(MaximumFirstBuffer, maxLength));
        var buffer = ArrayPool<byte>.Shared.Rent(first);
        var length = 0;
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            using (var stream = item.Open())
            {
                while (true)
                {
                    var capacity = Math.Min(buffer.Length, maxLength);
                    if (length == capacity)
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

                        var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, maxLength));
                        buffer.AsSpan(0, length).CopyTo(larger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                        continue;
                    }

                    var read = stream.Read(buffer, length, capacity - length);
                    if (read == 0)
                    {
                        break;
                    }

                    hash.AppendData(buffer, length, read);
                    length += read;
                }
            }

            return new ItemContent(buffer, length, Convert.ToHexStringLower(hash.GetHashAndReset()));
        }
        catch (InvalidDataException e)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw new ImportSourceException(
                item.DisplayPath,
                $"'{item.DisplayPath}' could not be decompressed ({e.Message}); the file or archive is damaged. Download it again.",
                e);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }
}

/// <summary>
/// An item's decompressed bytes in a buffer rented from <see cref="ArrayPool{T}.Shared"/>, with their hash.
/// Dispose it once when done; the memory must not be used afterwards.
/// </summary>
public sealed class ItemContent : IMemoryOwner<byte>
{
    private byte[]? _buffer;

    internal ItemContent(byte[] buffer, int length, string sha256)
    {
        _buffer = buffer;
        Length = length;
        Sha256 = sha256;
    }

    public int Length { get; }

    /// <summary>Lower-case hex SHA-256 of the content: <c>ActivitySource.ContentSha256</c>.</summary>
    public string Sha256 { get; }

    public Memory<byte> Memory => Buffer.AsMemory(0, Length);

    public ReadOnlySpan<byte> Span => Buffer.AsSpan(0, Length);

    private byte[] Buffer => _buffer ?? throw new ObjectDisposedException(nameof(ItemContent));

    public void Dispose()
    {
        var buffer = Interlocked.Exchange(ref _buffer, null);
        if (buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
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
