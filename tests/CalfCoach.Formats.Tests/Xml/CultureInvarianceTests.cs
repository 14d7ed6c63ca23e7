using System.Globalization;
using System.Reflection;
using System.Text;
using CalfCoach.Core.Activities;
using CalfCoach.Formats.Gpx;
using CalfCoach.Formats.Tcx;
using CalfCoach.Formats.Tests.Fuzz;
using CalfCoach.Formats.Xml;

namespace CalfCoach.Formats.Tests.Xml;

/// <summary>
/// GPX and TCX write decimals with a point (lat="52.3701234", &lt;DistanceMeters&gt;12.5&lt;/...&gt;) whatever the
/// reader's locale: a German or French culture must read every file of every feature to the same activities as the
/// invariant one (a culture-bound parse would read 12.5 as 125 or fail).
/// </summary>
public sealed class CultureInvarianceTests
{
    public static TheoryData<string, string> FormatsAndCultures => new()
    {
        { "gpx", "de-DE" }, { "gpx", "fr-FR" }, { "tcx", "de-DE" }, { "tcx", "fr-FR" },
    };

    [Theory]
    [MemberData(nameof(FormatsAndCultures))]
    public void Every_generated_file_reads_the_same_in_a_comma_decimal_culture(string format, string culture)
    {
        var read = 0;
        foreach (var (name, bytes) in DecoderFuzzTests.Corpus(format))
        {
            var invariant = Read(format, bytes, CultureInfo.InvariantCulture);
            var local = Read(format, bytes, CultureInfo.GetCultureInfo(culture));

            Assert.True(invariant == local, $"{name} reads differently in {culture}");
            read += invariant.StartsWith("refused", StringComparison.Ordinal) ? 0 : 1;
        }

        Assert.True(read > 0, "no file of the corpus was read"); // the corpus also holds files refused on purpose (a course)
    }

    /// <summary>The activities read, or the refusal, as text.</summary>
    private static string Read(string format, byte[] bytes, CultureInfo culture)
    {
        var (before, beforeUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture;
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            var source = new ActivitySource(format, "culture." + format, "culture");
            return Describe(format == "gpx" ? GpxReader.Read(stream, source) : TcxReader.Read(stream, source));
        }
        catch (XmlActivityFormatException refused)
        {
            return "refused: " + refused.Message;
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (before, beforeUi);
        }
    }

    /// <summary>Every column bit for bit, and the activity's own values, as text to compare.</summary>
    private static string Describe(IReadOnlyList<Activity> activities)
    {
        var text = new StringBuilder();
        foreach (var activity in activities)
        {
            text.Append(CultureInfo.InvariantCulture, $"{activity.StartUtc:O} {activity.Sport} {activity.Name} {string.Join('|', activity.Problems)}\n");
            foreach (var column in typeof(ActivityStreams).GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                var values = column.GetValue(activity.Streams) switch
                {
                    float[] f => string.Join(',', f.Select(v => BitConverter.SingleToInt32Bits(v).ToString(CultureInfo.InvariantCulture))),
                    double[] d => string.Join(',', d.Select(v => BitConverter.DoubleToInt64Bits(v).ToString(CultureInfo.InvariantCulture))),
                    var other => Convert.ToString(other, CultureInfo.InvariantCulture),
                };
                text.Append(CultureInfo.InvariantCulture, $"{column.Name}={values}\n");
            }
        }

        return text.ToString();
    }
}
