namespace CalfCoach.Formats.Fit;

/// <summary>What <see cref="FitReader"/> is positioned on after a successful <see cref="FitReader.Read"/>.</summary>
public enum FitTokenKind
{
    /// <summary><see cref="FitReader.Read"/> has not been called yet, or the input is exhausted.</summary>
    None = 0,

    /// <summary>A 12- or 14-byte file header (FIT protocol, "File Header"). Several follow one another in chained files.</summary>
    FileHeader,

    /// <summary>A definition message: it describes the layout of later data messages with the same local number.</summary>
    Definition,

    /// <summary>A data message (normal or compressed-timestamp header); read its fields with the <c>TryGet…</c> methods.</summary>
    Data,

    /// <summary>The two-byte CRC that ends one FIT file; when verification is on it has been checked.</summary>
    FileEnd,
}
