using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace CalfCoach.Formats.Tests.Gpx;

/// <summary>
/// The shared corpus of real GPX and TCX files (<c>../shared/data/real</c> next to the folder holding
/// <c>CalfCoach.slnx</c>), read in place: nothing from it is copied into the project. Each folder's SOURCE.md names the
/// upstream repository, commit and licence. The expectations in the real-file tests are established independently of
/// the readers: by plain text scans of the file here, or by the upstream projects' own tests (cited where used).
/// </summary>
internal static partial class RealXmlFiles
{
    public static string? Folder => TestPaths.RealCorpus;

    public static string SkipReason =>
        "The real-file corpus was not found: expected ../shared/data/real next to the folder holding CalfCoach.slnx " +
        $"(searched upwards from {AppContext.BaseDirectory}). These real-file tests need it; they are skipped, not passed.";

    /// <summary>The decoded bytes of a corpus file (gunzipped when it ends in .gz, as Strava's bulk export stores them).</summary>
    public static byte[] Bytes(string relativePath) => TestPaths.ReadCorpusFile(relativePath);

    public static string Text(string relativePath) => Encoding.UTF8.GetString(Bytes(relativePath));

    /// <summary>Occurrences of an opening tag such as "&lt;trkpt" followed by a space, '&gt;' or '/'.</summary>
    public static int CountOpeningTags(string text, string tag) =>
        Regex.Count(text, Regex.Escape("<" + tag) + @"[\s>/]", RegexOptions.CultureInvariant);

    /// <summary>Every &lt;time&gt; inside &lt;trkpt&gt; elements, by a regular expression over the text.</summary>
    public static List<DateTimeOffset> TrackPointTimes(string text)
    {
        var times = new List<DateTimeOffset>();
        foreach (Match point in TrackPointRegex().Matches(text))
        {
            var time = TimeRegex().Match(point.Value);
            if (time.Success)
            {
                times.Add(DateTimeOffset.Parse(time.Groups[1].Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal));
            }
        }

        return times;
    }

    [GeneratedRegex(@"<trkpt\b.*?</trkpt>|<trkpt\b[^>]*/>", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex TrackPointRegex();

    [GeneratedRegex(@"<time>\s*([^<]+?)\s*</time>", RegexOptions.CultureInvariant)]
    private static partial Regex TimeRegex();
}
