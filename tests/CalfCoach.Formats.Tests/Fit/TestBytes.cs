namespace CalfCoach.Formats.Tests.Fit;

internal static class TestBytes
{
    /// <summary>Hex with optional spaces, e.g. "0E 20 91 08".</summary>
    public static byte[] FromHex(string hex) => Convert.FromHexString(hex.Replace(" ", "", StringComparison.Ordinal));

    /// <summary>A FIT reader loop that only counts tokens; used to drive the reader over arbitrary bytes.</summary>
    public static (int Headers, int Definitions, int Data, int Ends) Walk(ReadOnlySpan<byte> bytes)
    {
        var reader = new CalfCoach.Formats.Fit.FitReader(bytes);
        int headers = 0, definitions = 0, data = 0, ends = 0;
        while (reader.Read())
        {
            switch (reader.TokenKind)
            {
                case CalfCoach.Formats.Fit.FitTokenKind.FileHeader: headers++; break;
                case CalfCoach.Formats.Fit.FitTokenKind.Definition: definitions++; break;
                case CalfCoach.Formats.Fit.FitTokenKind.Data: data++; break;
                case CalfCoach.Formats.Fit.FitTokenKind.FileEnd: ends++; break;
            }
        }

        return (headers, definitions, data, ends);
    }
}
