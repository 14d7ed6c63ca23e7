using CalfCoach.Core.Activities;
using CalfCoach.Formats.Fit;
using CalfCoach.Formats.Gpx;
using CalfCoach.Formats.Tcx;
using CalfCoach.Formats.Xml;

namespace CalfCoach.Import;

/// <summary>Decodes one activity file of a known format into activities. The one place that knows every format.</summary>
public static class ActivityFileDecoder
{
    /// <exception cref="FormatException">The file cannot be read (<see cref="FitFormatException"/>, <see cref="XmlActivityFormatException"/>); the message says where and why.</exception>
    public static IReadOnlyList<Activity> Decode(string format, ReadOnlyMemory<byte> content, ActivitySource source)
    {
        ArgumentNullException.ThrowIfNull(format);
        ArgumentNullException.ThrowIfNull(source);
        switch (format)
        {
            case "fit":
                return FitActivityConverter.ToActivities(new FitActivityDecoder().Decode(content.Span), source);
            case "gpx":
                using (var stream = new ReadOnlyMemoryStream(content))
                {
                    return GpxReader.Read(stream, source);
                }

            case "tcx":
                using (var stream = new ReadOnlyMemoryStream(content))
                {
                    return TcxReader.Read(stream, source);
                }

            default:
                throw new ArgumentException($"Unknown activity format \"{format}\".", nameof(format));
        }
    }

    /// <summary>A read-only stream over memory the caller owns, without copying it.</summary>
    private sealed class ReadOnlyMemoryStream(ReadOnlyMemory<byte> memory) : Stream
    {
        private int _position;

        public override bool CanRead => true;

        public override bool CanSeek => true;

        public override bool CanWrite => false;

        public override long Length => memory.Length;

        public override long Position
        {
            get => _position;
            set => _position = (int)Math.Clamp(value, 0, memory.Length);
        }

        public override int Read(Span<byte> buffer)
        {
            var count = Math.Min(buffer.Length, memory.Length - _position);
            memory.Span.Slice(_position, count).CopyTo(buffer);
            _position += count;
            return count;
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override long Seek(long offset, SeekOrigin origin)
        {
            Position = origin switch
            {
                SeekOrigin.Begin => offset,
                SeekOrigin.Current => _position + offset,
                _ => memory.Length + offset,
            };
            return _position;
        }

        public override void Flush()
        {
        }

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
