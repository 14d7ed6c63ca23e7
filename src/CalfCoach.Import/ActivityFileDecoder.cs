using System.Runtime.InteropServices;
using CalfCoach.Core.Activities;
using CalfCoach.Formats.Fit;
using CalfCoach.Formats.Gpx;
using CalfCoach.Formats.Tcx;
using CalfCoach.Formats.Xml;
using CalfCoach.Import.Sources;

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
                return FitActivityConverter.ToActivities(content.Span, source);
            case "gpx":
                using (var stream = ReadOnlyStream(content))
                {
                    return GpxReader.Read(stream, source);
                }

            case "tcx":
                using (var stream = ReadOnlyStream(content))
                {
                    return TcxReader.Read(stream, source);
                }

            default:
                throw new ArgumentException($"Unknown activity format \"{format}\".", nameof(format));
        }
    }

    /// <summary>Decodes content as read by <see cref="ContentHasher.ReadAll(ImportItem, ImportLimits)"/>: in memory, or a large GPX/TCX streamed from its temporary file.</summary>
    /// <inheritdoc cref="Decode(string, ReadOnlyMemory{byte}, ActivitySource)"/>
    public static IReadOnlyList<Activity> Decode(string format, ItemContent content, ActivitySource source)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.IsInMemory)
        {
            return Decode(format, content.Memory, source);
        }

        using var stream = content.OpenRead();
        return format switch
        {
            "gpx" => GpxReader.Read(stream, source),
            "tcx" => TcxReader.Read(stream, source),
            _ => throw new ArgumentException($"Only GPX and TCX content is read from a temporary file, not \"{format}\".", nameof(format)),
        };
    }

    /// <summary>A read-only stream over the caller's memory, without copying it (import buffers are pooled arrays).</summary>
    private static MemoryStream ReadOnlyStream(ReadOnlyMemory<byte> memory) =>
        MemoryMarshal.TryGetArray(memory, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(memory.ToArray(), writable: false);
}
