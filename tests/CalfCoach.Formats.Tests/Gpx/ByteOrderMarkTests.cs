using System.Text;
using CalfCoach.Core.Activities;
using CalfCoach.Formats.Gpx;
using CalfCoach.Formats.Tcx;
using CalfCoach.Formats.Xml;

namespace CalfCoach.Formats.Tests.Gpx;

/// <summary>
/// Issue 12, defect 7: an invalid UTF-8 byte right after the byte order mark used to escape both readers as a bare
/// XmlException (the XML reader decodes its first bytes as soon as it is made), so <c>inspect bad.gpx good.fit</c> failed
/// as a whole. It is now the readers' own format error, with its position.
/// </summary>
public sealed class ByteOrderMarkTests
{
    [Fact]
    public void Gpx_with_an_invalid_byte_after_the_bom_is_a_format_error_at_line_1()
    {
        var bytes = HostileArchives.GpxWithBadByteAfterBom();

        var error = Assert.Throws<XmlActivityFormatException>(() => GpxReader.Read(new MemoryStream(bytes), new ActivitySource("gpx", "bad.gpx", "0")));

        Assert.Equal(1, error.LineNumber);
        Assert.StartsWith("line 1, position ", error.Message, StringComparison.Ordinal);
        Assert.Contains("not well-formed XML", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Tcx_with_an_invalid_byte_after_the_bom_is_a_format_error_at_line_1()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, 0xC3, 0x28, .. Encoding.UTF8.GetBytes("<TrainingCenterDatabase/>")];

        var error = Assert.Throws<XmlActivityFormatException>(() => TcxReader.Read(new MemoryStream(bytes), new ActivitySource("tcx", "bad.tcx", "0")));

        Assert.Equal(1, error.LineNumber);
        Assert.Contains("TCX", error.Message, StringComparison.Ordinal);
    }
}
